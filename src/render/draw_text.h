/* draw_text.h: draws a laid-out paragraph (and highlight boxes over parts
 * of it) with an SDL renderer, glyph by glyph from the atlas.
 *
 * Drawing never shapes or lays out: the layout's glyph positions are used
 * as they are.  Positions are 26.6 fixed point; each line's baseline is
 * rounded to a whole pixel once, then every glyph's x (and its vertical
 * offset from the baseline, non-zero for marks), so glyphs on a line share
 * one baseline row.  Lines entirely outside the renderer's viewport are
 * skipped without touching the atlas.
 *
 * Borrowed: the renderer, atlas and layout, for the duration of a call. */
#ifndef RENDER_DRAW_TEXT_H
#define RENDER_DRAW_TEXT_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "render/atlas.h"
#include "text/layout.h"

/* Rounds a 26.6 value to the nearest whole pixel (halves up). */
int render_round26(int32_t v);

/* Draws every glyph of `layout` with the top-left corner of its box at
 * (x, y) pixels, in `color` (its alpha included).  Returns false if some
 * glyph could not be obtained from the atlas (the rest are still drawn). */
bool render_text_layout(SDL_Renderer *renderer, struct atlas *atlas,
                        const struct text_layout *layout, int x, int y,
                        SDL_Color color);

/* Fills the boxes text_layout_range_rects gives for bytes [start, end) of
 * `layout`, box origin at (x, y), in `color` blended over what is there.
 * Draw it before the text to highlight behind the glyphs. */
void render_text_range(SDL_Renderer *renderer,
                       const struct text_layout *layout, uint32_t start,
                       uint32_t end, int x, int y, SDL_Color color);

#endif
