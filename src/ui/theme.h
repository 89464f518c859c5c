/* theme.h: the exhibit's colours, its one sizing rule and the placement
 * helpers that know the interface's direction -- one place for every
 * screen.
 *
 * Colours: text keeps at least 7:1 contrast against the paper (museum
 * body text); tests/test_specimen.c checks it.
 *
 * Sizes: every length on screen is given for a reference box and scaled
 * by one rule, ui_scale_px: `v * unit / ref`, never below a floor.  A
 * screen's scale is its shorter side over 1080 px; a part that sizes
 * itself by its own box (the reader by its area, the card by its panel,
 * the map by its area) takes a scale of that box from the constructors
 * below.  The screen's named sizes (bezel, gaps, bar, type) are in
 * `struct ui_metrics`, made once per screen size, physical size, language
 * and text size; screens read them and never scale by hand.
 *
 * Direction: Uyghur mirrors the interface.  The helpers below place boxes
 * from the reading edge and align text to it, so screens and parts never
 * test the language for its direction.  The two decisions that are about
 * content, not the interface -- the reader's column order and the
 * statistics chart's time axis -- ask ui_metrics_mirrored / the chart's own
 * flag. */
#ifndef UI_THEME_H
#define UI_THEME_H

#include <stdbool.h>

#include <SDL.h>

#include "text/lang.h"
#include "text/layout.h"

struct ui_palette {
    SDL_Color paper;     /* background */
    SDL_Color ink;       /* body text */
    SDL_Color accent;    /* titles */
    SDL_Color muted;     /* captions, summaries */
    SDL_Color rule;      /* hairlines; not text */
    SDL_Color highlight; /* behind place mentions; not text */
    SDL_Color panel;     /* curator overlay background */
    SDL_Color panel_ink; /* curator overlay text */
    SDL_Color alert;     /* curator overlay heading */
};

/* Borrowed, static. */
const struct ui_palette *ui_theme_palette(void);

/* ---- the sizing rule ---------------------------------------------------- */

/* Lengths given for a box whose reference side is `ref` px, scaled to one
 * whose side is `unit` px. */
struct ui_scale {
    int unit, ref;
};

/* The screen's (or a box's) scale: its shorter side, 1080 px reference. */
struct ui_scale ui_scale_of(int w, int h);
/* A box's height against the 1080 px reference (pages that scale by
 * height: the content preview, the curator overlay). */
struct ui_scale ui_scale_of_height(int h);
/* Thousandths of `unit` (a part that sizes itself in per-mille of its own
 * box: the place card by its panel). */
struct ui_scale ui_scale_per_mille(int unit);
/* A scale re-expressed in thousandths of its reference (the map: its
 * area's side at 1080 px, as thousandths). */
struct ui_scale ui_scale_thousandths(struct ui_scale s);

/* The rule: v at the reference, scaled, at least `floor`. */
int ui_scale_px(struct ui_scale s, int v, int floor);
/* A type size: v at the reference scaled and times pct/100 in one step
 * (rounding once), at least `floor`. */
int ui_scale_text(struct ui_scale s, int v, int pct, int floor);
/* The scale as a factor (unit / ref), for fractional lengths. */
double ui_scale_factor(struct ui_scale s);

/* px at 1080 p, scaled to a screen `h` pixels high (at least 1). */
int ui_theme_scale(int px, int h);

/* ---- text styles: line pitches in % of the size (0: the role's own) ----- */

#define UI_LINE_PCT_UI 130   /* interface text: buttons, panels */
#define UI_LINE_PCT_CARD 140 /* the place card */
#define UI_LINE_PCT_MAP 125  /* the map's labels */
/* The report's body text: airy Chinese (175) and English (150), Uyghur at
 * the Naskh face's own tall pitch. */
int ui_body_line_pct(enum text_lang lang);
/* Page text (About): English at 150, the others at their own pitch. */
int ui_page_line_pct(enum text_lang lang);

/* ---- a screen's metrics ------------------------------------------------- */

#define UI_TEXT_PCT_LARGE 125 /* "Larger text" */

struct ui_type_scale {
    int display;  /* the attract title: 52 */
    int title;    /* page titles: 48 */
    int heading;  /* section titles: 32 */
    int action;   /* Home's buttons: 36 */
    int lead;     /* subtitles, body text: 28 */
    int label;    /* small buttons: 26 */
};

struct ui_metrics {
    int w, h;              /* the screen, px */
    struct ui_scale scale; /* its shorter side over 1080 */
    double diagonal_in;    /* physical size (0: unknown) */
    double px_per_mm;      /* from it (0: unknown) */
    enum text_lang lang;   /* the interface's */
    int text_pct;          /* 100, or UI_TEXT_PCT_LARGE */
    /* named sizes, px */
    int bezel;     /* nothing nearer the edge: 40 at 1080, at least 40 */
    int bar_h;     /* the top bar's buttons: 72, at least 56 */
    int bar_gap;   /* between them: 16, at least 8 */
    int bar_text;  /* their labels: 26, at least 18 */
    int gap_xs;    /* 8 */
    int gap_s;     /* 16 */
    int gap_m;     /* 24 */
    int gap_l;     /* 32 */
    int margin;    /* 40: inside panels and pages */
    int gap_xl;    /* 64 */
    int button_h;  /* Home's buttons: 112 */
    int toggle_h;  /* the reader's toggle: 64 */
    struct ui_type_scale type; /* unscaled by text_pct */
};

/* Computes the metrics of a w x h screen whose diagonal is diagonal_in
 * inches (0: unknown), in `lang`, with larger text or not. */
void ui_metrics_init(struct ui_metrics *m, int w, int h, double diagonal_in,
                     enum text_lang lang, bool large_text);
/* A screen-specific length: v at 1080 px, scaled (at least 1). */
int ui_px(const struct ui_metrics *m, int v);
/* A type size at 1080 px, scaled and then grown by the text size. */
int ui_text_px(const struct ui_metrics *m, int v);

/* ---- direction ---------------------------------------------------------- */

/* True when the interface is mirrored (Uyghur). */
bool ui_metrics_mirrored(const struct ui_metrics *m);
/* The x of a box `w` wide at the reading edge of `area` (its left, or its
 * right when mirrored). */
int ui_start_x(const struct ui_metrics *m, SDL_Rect area, int w);
/* The same at the far edge. */
int ui_end_x(const struct ui_metrics *m, SDL_Rect area, int w);
/* `r` (inside `area`) moved to the mirror position when mirrored. */
SDL_Rect ui_mirror_rect(const struct ui_metrics *m, SDL_Rect area,
                        SDL_Rect r);
/* The alignment that lines text in `lang` up with the reading edge,
 * whatever the text's own direction. */
enum text_align ui_align_start(const struct ui_metrics *m,
                               enum text_lang lang);
/* The alignment for text in `lang`: its own start in its own direction
 * (ragged for Uyghur, `otherwise` -- e.g. justified -- for the others). */
enum text_align ui_align_own(enum text_lang lang, enum text_align otherwise);
/* Slot i of n in reading order: i, or n - 1 - i when mirrored. */
int ui_reading_slot(const struct ui_metrics *m, int i, int n);
/* Places boxes in a row along y, from the far edge of [x0, x1] inwards:
 * rect[0] nearest the edge, `gap` between them.  Only x is set. */
void ui_row_from_end(const struct ui_metrics *m, int x0, int x1,
                     SDL_Rect *const *rects, int n, int gap);

#endif
