/* attract.h: the attract screen -- the loop shown while nobody uses the
 * exhibit.  The map (ui/map_preview) beside a quotation from the report
 * that changes every few seconds, in Chinese, English and Uyghur in turn
 * (strings attract.quote-1..3), with its source; the places a quotation
 * names are ringed on the map and labelled in its language; and "touch to
 * begin" in the three languages beside a breathing touch ring (in the
 * quotation's language alone where three would crowd a small panel).
 *
 * Nothing fades: a quotation gives way to the next by moving up out of
 * its box while the next rises into it, and the rings breathe by their
 * radius, so every phase of the loop keeps the text's contrast (ink on
 * paper) and the accent's.  Everything is laid out and painted in
 * ui_attract_set; a frame copies the map, a ring strip's cell and a few
 * layouts.  The map takes the reading side of a landscape screen (the
 * right when mirrored) with the invitation under it, and the top of a
 * portrait one; each quotation is set from its own language's start.  Owner: the
 * caller's storage, zeroed before the first set; owns its layouts and
 * textures, borrows the fonts and the exhibit. */
#ifndef UI_ATTRACT_H
#define UI_ATTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content/exhibit.h"
#include "ui/map_preview.h"
#include "ui/textlist.h"
#include "ui/theme.h"
#include "ui/touch_ring.h"

#define UI_ATTRACT_PERIOD_MS 2400 /* one breath of the touch rings */
#define UI_ATTRACT_SLIDE_MS 7000  /* one quotation in one language */
#define UI_ATTRACT_MOVE_MS 900    /* its way out as the next comes in */
#define UI_ATTRACT_QUOTES 3       /* attract.quote-1 .. -3 */
#define UI_ATTRACT_SLIDES (UI_ATTRACT_QUOTES * TEXT_LANG_COUNT)
#define UI_ATTRACT_MARKS 4        /* places ringed for one quotation */

/* One quotation in one language: its layouts (the quotation, its source)
 * in `text` [first, first + count), placed relative to the slide's top;
 * the places it names on the map and their labels. */
struct ui_attract_slide {
    enum text_lang lang;
    size_t first, count;
    int height;
    int rule_x; /* the rule, at the language's own start */
    uint32_t place[UI_ATTRACT_MARKS];     /* the places ringed */
    SDL_Point mark[UI_ATTRACT_MARKS];
    SDL_Rect label_box[UI_ATTRACT_MARKS]; /* a label's paper plate */
    size_t label_first;                   /* in `text`, one a mark */
    int mark_count;
};

struct ui_attract {
    const struct text_fonts *fonts;
    struct ui_textlist text;
    struct ui_map_preview map;
    struct ui_touch_ring cue;  /* beside the invitation, with a dot */
    struct ui_touch_ring mark; /* round the quoted places */
    SDL_Rect quote_box;        /* the quotations pass through it */
    int rule_w;                /* the accent rule at a quotation's start */
    struct ui_attract_slide slide[UI_ATTRACT_SLIDES];
    int slide_count;
    size_t invite_first, invite_count; /* the invitation's lines */
    int invite_item[TEXT_LANG_COUNT];  /* each language's, or -1 */
    bool invite_one;                   /* only the quotation's shown */
    SDL_Rect invite_box;               /* they and the cue */
    SDL_Point cue_at;
};

/* Lays Attract out for the screen of `m` (its language decides only the
 * mirroring: the screen speaks all three). */
void ui_attract_set(struct ui_attract *s, SDL_Renderer *renderer,
                    const struct text_fonts *fonts, const struct exhibit *ex,
                    const struct ui_metrics *m);
void ui_attract_fini(struct ui_attract *s);
/* Draws the loop's frame at now_ms. */
void ui_attract_draw(const struct ui_attract *s, SDL_Renderer *renderer,
                     struct atlas *atlas, uint32_t now_ms);

/* For tests: the slide shown at now_ms (the incoming one once a move is
 * half done) and where each slide's quotation and the invitation are on
 * screen at now_ms (w 0 when a slide is not shown). */
int ui_attract_slide_at(const struct ui_attract *s, uint32_t now_ms);
SDL_Rect ui_attract_slide_box(const struct ui_attract *s, int slide,
                              uint32_t now_ms);

#endif
