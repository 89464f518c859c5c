/* reader.h: the report, passage by passage, in the texts the visitor's
 * view asks for, aligned by passage, with place mentions tappable and
 * passages highlightable.
 *
 * The texts shown (ui_reader_set's `summary` and the interface language):
 *   zh/en interface: Chinese and English; with the summary, the text in
 *     the interface's language and the Uyghur summary beside it;
 *   ug interface: Chinese and English with the Uyghur summary beside (or,
 *     when narrow, under) them; with the summary alone, the summaries.
 * The arrangement is chosen by measure: every text in its own column when
 * each column holds enough (READER_MIN_CHARS_LATIN Latin or Uyghur
 * characters, READER_MIN_CHARS_HAN ideographs), else the summary under
 * Chinese and English side by side, else everything in one column, each
 * text under its own heading.  English is justified only in a column of at
 * least READER_JUSTIFY_CHARS characters, ragged otherwise.  Columns carry
 * heads that say whose text each is (the archive's, or prepared for the
 * exhibit).  Justified English must also keep every word gap within
 * READER_GAP_MAX spaces over the whole report at that measure, else it is
 * set ragged (there is no hyphenation yet).
 *
 * ui_reader_set lays out every passage once (for an exhibit, language,
 * size and mode); scrolling only moves the drawing offset, so a frame
 * never lays out.  The visitor's place is kept as a passage (by id) and a
 * share of it, so a new layout -- the summary toggled, another language or
 * text size -- opens on the same passage.  Uyghur mirrors the column order
 * and alignment.  Owner: the caller; borrows the fonts and the exhibit. */
#ifndef UI_READER_H
#define UI_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

#include "content/exhibit.h"
#include "render/atlas.h"
#include "text/font.h"
#include "ui/theme.h"

#define READER_MIN_CHARS_LATIN 28 /* a column's least measure */
#define READER_MIN_CHARS_HAN 14
#define READER_MAX_CHARS 72       /* a column's widest measure, Latin */
#define READER_JUSTIFY_CHARS 45   /* English justified from here on, */
#define READER_GAP_MAX 2.0        /* if no word gap then passes 2 spaces */

struct ui_reader;

enum ui_reader_arrangement {
    UI_READER_SIDE_BY_SIDE, /* every text in its own column */
    UI_READER_UNDER,        /* Chinese | English, the summary under both */
    UI_READER_STACKED,      /* one column, each text headed */
};

/* What a tap in the reader landed on. */
struct ui_reader_hit {
    int passage;      /* -1: none */
    int mention;      /* index into that passage's text mentions, or -1 */
    enum text_lang lang;
    int place;        /* the mention's place, or -1 */
};

/* A tappable mention on screen (for the state dump and scripted taps):
 * `rect` is its touch area (at least a target each way where the
 * neighbours leave room), `word` the drawn word. */
struct ui_reader_target {
    uint32_t passage, mention;
    enum text_lang lang;
    SDL_Rect rect, word;
};

/* How one language's text is set (ui_reader_measure). */
struct ui_reader_measure {
    int width;            /* its box, px */
    double chars;         /* characters of its script that fit a line */
    enum text_align align;
};

/* Word gaps of justified lines (ui_reader_word_gaps). */
struct ui_reader_gaps {
    double worst;   /* the widest gap over a plain space; 1 if none */
    uint32_t lines; /* lines with a gap */
    uint32_t over2; /* of them, lines with a gap over twice a space */
};

struct ui_reader *ui_reader_create(const struct text_fonts *fonts);
void ui_reader_destroy(struct ui_reader *reader);

/* Lays out the report for `ex` inside `area` for the screen of `m` (its
 * language, direction and text size); `summary` as above.  The top of
 * the view stays on the passage it showed. */
void ui_reader_set(struct ui_reader *reader, const struct exhibit *ex,
                   const struct ui_metrics *m, SDL_Rect area, bool summary);

/* Room of `px` above the first passage, for a control that scrolls with
 * the report (the summary toggle where the screen is too short to keep it
 * above); 0: none.  Takes effect at the next ui_reader_set. */
void ui_reader_set_lead(struct ui_reader *reader, int px);
int ui_reader_lead(const struct ui_reader *reader);
/* The screen y of that room's top now. */
int ui_reader_lead_y(const struct ui_reader *reader);

/* The scrolling part of the area (below the column heads). */
SDL_Rect ui_reader_view(const struct ui_reader *reader);
enum ui_reader_arrangement
ui_reader_arrangement(const struct ui_reader *reader);
/* Whether `lang`'s text is shown; if so, how it is set. */
bool ui_reader_measure(const struct ui_reader *reader, enum text_lang lang,
                       struct ui_reader_measure *out);

/* The largest scroll offset. */
float ui_reader_max_offset(const struct ui_reader *reader);
/* Sets the offset (the scroller's; it may pull past the ends), and the
 * visitor's place with it. */
void ui_reader_set_offset(struct ui_reader *reader, float offset);
float ui_reader_offset(const struct ui_reader *reader);
/* The offset that puts passage p at the top. */
float ui_reader_passage_offset(const struct ui_reader *reader, uint32_t p);
/* Puts passage p at the top (as far as the report allows) and makes it
 * the visitor's passage, even when the report ends before it reaches the
 * top. */
void ui_reader_show_passage(struct ui_reader *reader, uint32_t p);
/* The passage at the top of the view. */
int ui_reader_top_passage(const struct ui_reader *reader);
/* The visitor's passage: the top one when they last scrolled, kept across
 * layouts (it is the top passage unless the report ends first). */
int ui_reader_anchor(const struct ui_reader *reader);

/* Highlights passage p (its row tinted, its mentions marked strongly). */
void ui_reader_highlight(struct ui_reader *reader, int passage, bool on);
bool ui_reader_highlighted(const struct ui_reader *reader, uint32_t p);

struct ui_reader_hit ui_reader_hit(const struct ui_reader *reader, int x,
                                   int y);

/* The mentions visible now (their word wholly in the view); stores up to
 * max, returns how many. */
size_t ui_reader_targets(const struct ui_reader *reader,
                         struct ui_reader_target *out, size_t max);

void ui_reader_draw(struct ui_reader *reader, SDL_Renderer *renderer,
                    struct atlas *atlas);

/* The mean number of characters on a full line of `lang` (for the line
 * length the theme aims at); 0 if none. */
double ui_reader_chars_per_line(const struct ui_reader *reader,
                                enum text_lang lang);
/* The word gaps of `lang`'s full lines against the face's space. */
struct ui_reader_gaps ui_reader_word_gaps(const struct ui_reader *reader,
                                          enum text_lang lang);

#endif
