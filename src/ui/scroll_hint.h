/* scroll_hint.h: where the visitor is in a scrolling view -- one
 * mechanism for the reader, the summaries, About, the place card and a
 * map page taller than its screen.
 *
 * A slim position bar at the view's far edge (the right, or the left when
 * the interface is mirrored) whose thumb is the visible share at its
 * place, and a fade of the paper over the view's top and bottom edges
 * wherever more content lies beyond them, so no line is ever cut hard at
 * the edge.  Nothing is drawn when the content fits. */
#ifndef UI_SCROLL_HINT_H
#define UI_SCROLL_HINT_H

#include <SDL.h>

#include "ui/theme.h"

/* The thumb of the position bar, for tests: its box in `view` for
 * `offset` of `max_offset` (0 x 0 when the content fits). */
SDL_Rect ui_scroll_hint_thumb(const struct ui_metrics *m, SDL_Rect view,
                              int offset, int max_offset);

/* Draws the fades and the position bar over `view`, whose content is
 * scrolled by `offset` of `max_offset` px.  Draw it after the content. */
void ui_scroll_hint_draw(SDL_Renderer *r, const struct ui_metrics *m,
                         SDL_Rect view, int offset, int max_offset);

#endif
