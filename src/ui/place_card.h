/* place_card.h: the card of a selected place -- its names in Chinese,
 * English and Uyghur, the note in the current language, and every passage
 * that mentions it, each a one-line snippet with the mention highlighted
 * and a touch target leading to the reader.
 *
 * Laid out in ui_place_card_set (never while drawing); mirrored with the
 * interface (everything aligned to the reading edge).  Owner: the caller; borrows the fonts
 * and the exhibit. */
#ifndef UI_PLACE_CARD_H
#define UI_PLACE_CARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

#include "content/exhibit.h"
#include "render/atlas.h"
#include "text/font.h"
#include "ui/theme.h"

struct ui_place_card;

/* A passage the card links to, and the rectangle a tap on it covers. */
struct ui_card_item {
    uint32_t passage;
    SDL_Rect rect;
};

struct ui_place_card *ui_place_card_create(const struct text_fonts *fonts);
void ui_place_card_destroy(struct ui_place_card *card);

/* Lays out the card of place `place` inside `panel`, in the language and
 * direction of the screen's metrics `m`. */
void ui_place_card_set(struct ui_place_card *card, const struct exhibit *ex,
                       uint32_t place, const struct ui_metrics *m,
                       SDL_Rect panel);
void ui_place_card_draw(struct ui_place_card *card, SDL_Renderer *renderer,
                        struct atlas *atlas);

/* The passages listed, with their tap rectangles (borrowed until the next
 * set); and the passage under (x, y), or -1. */
size_t ui_place_card_items(const struct ui_place_card *card,
                           const struct ui_card_item **items);
int ui_place_card_hit(const struct ui_place_card *card, int x, int y);

#endif
