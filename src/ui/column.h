/* column.h: a column of laid-out paragraphs placed top to bottom -- the
 * building block of the simple pages (attract, home, about) -- and the one
 * way scrolled text is drawn inside a view (the column, the reader).
 *
 * Paragraphs are laid out when added, never while drawing; the column can
 * be scrolled by an offset.  Inside a view no line is ever shown sliced at
 * full strength: a line the view's edge cuts is drawn faded by how much of
 * it shows, so at rest the edge reads as "more this way", not as a cut.
 * Owner: the caller; the column owns its layouts and borrows the fonts. */
#ifndef UI_COLUMN_H
#define UI_COLUMN_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "content/exhibit.h"
#include "render/atlas.h"
#include "text/font.h"
#include "text/layout.h"
#include "ui/textlist.h"
#include "ui/theme.h"

struct ui_column {
    const struct text_fonts *fonts;
    SDL_Rect area;
    struct ui_textlist text; /* in content coordinates */
    int height;              /* of all items */
    float offset;
};

void ui_column_init(struct ui_column *c, const struct text_fonts *fonts,
                    SDL_Rect area);
void ui_column_fini(struct ui_column *c);

/* Lays out text and places it below the last item (plus `gap_before`);
 * returns its height.  `align` as in text_params. */
int ui_column_add(struct ui_column *c, const char *role, enum text_lang lang,
                  int size, enum text_align align, int line_pct,
                  const char *text, SDL_Color color, int gap_before);

/* The largest scroll offset (0 when it all fits). */
float ui_column_max_offset(const struct ui_column *c);

void ui_column_draw(const struct ui_column *c, SDL_Renderer *renderer,
                    struct atlas *atlas, Uint8 alpha);
/* Draws items [from, to) only. */
void ui_column_draw_range(const struct ui_column *c, SDL_Renderer *renderer,
                          struct atlas *atlas, size_t from, size_t to,
                          Uint8 alpha);

/* The room text in a scrolling view keeps clear at the view's far edge
 * for the position bar (ui/scroll_hint.c draws it 1.2 mm wide there). */
#define UI_VIEW_BAR_MM 1.2
int ui_view_bar_room(const struct ui_metrics *m);

/* How much of a line [top, bottom) shows inside [view_top, view_bottom),
 * 0..1. */
double ui_view_line_shown(int top, int bottom, int view_top,
                          int view_bottom);
/* The alpha a line drawn at `alpha` gets when `shown` (0..1) of it is
 * inside the view: full when whole, fading fast as the edge cuts more. */
Uint8 ui_view_line_alpha(Uint8 alpha, double shown);

/* Draws `layout` with its box's top left at (x, y) inside `view`: the
 * lines wholly inside at `ink`, a line cut by the view's top or bottom
 * edge faded (ui_view_line_alpha) and clipped to the view, nothing
 * outside.  `marks` (may be NULL): its mentions are filled with `mark`
 * behind the text, faded the same way.  Restores the clip rectangle. */
void ui_view_draw_text(SDL_Renderer *renderer, struct atlas *atlas,
                       const struct text_layout *layout, int x, int y,
                       SDL_Color ink, const struct content_text *marks,
                       SDL_Color mark, SDL_Rect view);

#endif
