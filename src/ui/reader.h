/* reader.h: the report, passage by passage -- Chinese and English in
 * parallel columns aligned by passage, or each passage's Uyghur summary in
 * their place -- with place mentions tappable and passages highlightable.
 *
 * ui_reader_set lays out every passage once (for an exhibit, language,
 * size and mode); scrolling only moves the drawing offset, so a frame
 * never lays out.  Choosing Uyghur mirrors the column order (English
 * left, Chinese right) and alignment.  Owner: the caller; borrows the
 * fonts and the exhibit. */
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

struct ui_reader;

/* What a tap in the reader landed on. */
struct ui_reader_hit {
    int passage;      /* -1: none */
    int mention;      /* index into that passage's text mentions, or -1 */
    enum text_lang lang;
    int place;        /* the mention's place, or -1 */
};

/* A tappable mention on screen (for the state dump and scripted taps). */
struct ui_reader_target {
    uint32_t passage, mention;
    enum text_lang lang;
    SDL_Rect rect;
};

struct ui_reader *ui_reader_create(const struct text_fonts *fonts);
void ui_reader_destroy(struct ui_reader *reader);

/* Lays out the report for `ex` inside `area` for the screen of `m` (its
 * direction and text size).  `summary` shows the Uyghur summaries instead
 * of the columns. */
void ui_reader_set(struct ui_reader *reader, const struct exhibit *ex,
                   const struct ui_metrics *m, SDL_Rect area, bool summary);

/* Total height of the laid-out report and the largest scroll offset. */
float ui_reader_max_offset(const struct ui_reader *reader);
void ui_reader_set_offset(struct ui_reader *reader, float offset);
float ui_reader_offset(const struct ui_reader *reader);
/* The offset that puts passage p at the top. */
float ui_reader_passage_offset(const struct ui_reader *reader, uint32_t p);
/* The passage at the top of the view. */
int ui_reader_top_passage(const struct ui_reader *reader);

/* Highlights passage p (its row tinted, its mentions marked strongly). */
void ui_reader_highlight(struct ui_reader *reader, int passage, bool on);
bool ui_reader_highlighted(const struct ui_reader *reader, uint32_t p);

struct ui_reader_hit ui_reader_hit(const struct ui_reader *reader, int x,
                                   int y);

/* The mentions visible now; stores up to max, returns how many. */
size_t ui_reader_targets(const struct ui_reader *reader,
                         struct ui_reader_target *out, size_t max);

void ui_reader_draw(struct ui_reader *reader, SDL_Renderer *renderer,
                    struct atlas *atlas);

/* The mean number of characters on a full line of `lang` (for the line
 * length the theme aims at); 0 if none. */
double ui_reader_chars_per_line(const struct ui_reader *reader,
                                enum text_lang lang);

#endif
