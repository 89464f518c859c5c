/* place_card.h: the card of a selected place -- its name, a count of the
 * passages that mention it ("Mentioned in 5 passages"), one row per
 * passage (a snippet with the mention highlighted, "Read this passage" on
 * the row or once as the list's hint, a chevron) leading to the reader,
 * then its name in the other two languages and the curator's note; a
 * close control at the top.
 *
 * Nothing is dropped: the close control (and the name, when it is short
 * enough) stays pinned at the top and everything below scrolls in the
 * card's view with the shared position bar and fades (kinetic, by
 * the screen's scroller through ui_place_card_set_offset), so every
 * passage row is reachable however long the note, however large the text
 * and however small the panel.  Sizes come from the screen's metrics (type
 * by ui_text_px, so "Larger text" grows the card; targets in millimetres),
 * and nothing is placed within the screen's bezel.
 *
 * Laid out in ui_place_card_set (never while drawing); mirrored with the
 * interface (text at the reading edge, the close control and the chevrons
 * at the far edge).  Owner: the caller; borrows the fonts and the exhibit
 * (set again, or destroy the card, before the exhibit goes). */
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

#define UI_CARD_ID_MAX 160 /* a target id: "passage:" and the passage's */

struct ui_place_card;

/* A target of the card on screen now: the close control or a passage row
 * (its whole touch area), with its stable id ("card:close",
 * "passage:ID"). */
struct ui_card_target {
    const char *id;   /* borrowed until the next set */
    int passage;      /* the row's passage, or -1 for the close control */
    SDL_Rect rect;
};

enum ui_card_part {
    UI_CARD_OUTSIDE, /* not on the card */
    UI_CARD_NOTHING, /* on the card, on nothing that acts */
    UI_CARD_CLOSE,
    UI_CARD_PASSAGE,
};

/* What a touch at a point is on. */
struct ui_card_hit {
    enum ui_card_part part;
    int passage;    /* UI_CARD_PASSAGE: the passage; else -1 */
    const char *id; /* CLOSE, PASSAGE: the target's id; else NULL */
};

struct ui_place_card *ui_place_card_create(const struct text_fonts *fonts);
void ui_place_card_destroy(struct ui_place_card *card);

/* Lays out the card of place `place` inside `panel` (the box the map page
 * gives it), in the language, direction and sizes of the screen's metrics
 * `m`.  A new place starts at the top; the same place again (a new
 * language, text size or screen) keeps its offset, clamped. */
void ui_place_card_set(struct ui_place_card *card, const struct exhibit *ex,
                       uint32_t place, const struct ui_metrics *m,
                       SDL_Rect panel);

/* The scrolled view (below the pinned title), its offset and the largest
 * offset (0 when everything fits).  The offset may be set past either end
 * by up to one view (the scroller's overscroll). */
SDL_Rect ui_place_card_view(const struct ui_place_card *card);
float ui_place_card_offset(const struct ui_place_card *card);
float ui_place_card_max_offset(const struct ui_place_card *card);
void ui_place_card_set_offset(struct ui_place_card *card, float offset);

/* The target drawn pressed (its id), or NULL/"" for none. */
void ui_place_card_press(struct ui_place_card *card, const char *id);
void ui_place_card_draw(struct ui_place_card *card, SDL_Renderer *renderer,
                        struct atlas *atlas);

/* The targets on screen now -- the close control, then the rows wholly
 * inside the view (a row taller than the view: while it fills the view,
 * as the part in sight) -- up to max; returns how many there are. */
size_t ui_place_card_targets(const struct ui_place_card *card,
                             struct ui_card_target *out, size_t max);
/* All the card's passage rows (on screen or not), in report order. */
size_t ui_place_card_row_count(const struct ui_place_card *card);
/* The count heading as shown ("Mentioned in 5 passages"); "" before a
 * set.  Borrowed until the next set. */
const char *ui_place_card_heading(const struct ui_place_card *card);

struct ui_card_hit ui_place_card_hit(const struct ui_place_card *card, int x,
                                     int y);

#endif
