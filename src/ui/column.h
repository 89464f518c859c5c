/* column.h: a column of laid-out paragraphs placed top to bottom -- the
 * building block of the simple pages (attract, home, about).
 *
 * Paragraphs are laid out when added, never while drawing; the column can
 * be scrolled by an offset.  Owner: the caller; the column owns its
 * layouts and borrows the fonts. */
#ifndef UI_COLUMN_H
#define UI_COLUMN_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "render/atlas.h"
#include "text/font.h"
#include "text/layout.h"
#include "ui/textlist.h"

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

void ui_column_draw(const struct ui_column *c, SDL_Renderer *renderer,
                    struct atlas *atlas, Uint8 alpha);
/* Draws items [from, to) only. */
void ui_column_draw_range(const struct ui_column *c, SDL_Renderer *renderer,
                          struct atlas *atlas, size_t from, size_t to,
                          Uint8 alpha);

#endif
