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
 * the Naskh face's own tall pitch (1.70 em; text/layout.c). */
int ui_body_line_pct(enum text_lang lang);
/* Page text (About): Chinese at 170, English at 150, Uyghur at its own. */
int ui_page_line_pct(enum text_lang lang);

/* ---- a screen's metrics ------------------------------------------------- */

/* Physical sizes.  A visitor's eye and finger do not scale with the
 * resolution, so every size has a floor in millimetres at the panel's
 * density, and the composition's own size (the reference box, scaled) where
 * that is larger -- on small panels the floors decide, on large ones the
 * design does.
 *   text: capitals >= 4.8 mm (ADA 707.7.2) at 600 mm, growing with the
 *         viewing distance; "Larger text" >= 0.7 degrees (EN 301 549
 *         5.1.4: 7.3 mm at 600 mm) and at least UI_TEXT_PCT_LARGE of the
 *         normal size;
 *   touch targets >= 9 mm both ways, >= 2 mm apart;
 *   unknown panels: UI_DIAGONAL_IN_DEFAULT inches at any resolution. */
#define UI_TEXT_PCT_LARGE 125        /* "Larger text", at least */
#define UI_CAP_MM_MIN 4.8            /* body capitals at 600 mm */
#define UI_CAP_DEG_LARGE 0.7         /* "Larger text" capitals */
#define UI_VIEW_MM_DEFAULT 600.0     /* viewing distance */
#define UI_TARGET_MM 9.0             /* a touch target's side */
#define UI_TARGET_GAP_MM 2.0         /* between two targets */
#define UI_LIST_ROW_MM 11.0          /* rows of one list may touch */
#define UI_DIAGONAL_IN_DEFAULT 21.5  /* a panel of unknown size */
/* The capital height of the interface's Latin faces (Noto Sans and Serif:
 * 1462 of 2048 units) as a fraction of the type size. */
#define UI_CAP_RATIO 0.714

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
    double diagonal_in;    /* physical size (the default when unknown) */
    bool size_known;       /* given or reported, not the default */
    double px_per_mm;      /* from it, > 0 */
    double view_mm;        /* viewing distance */
    enum text_lang lang;   /* the interface's */
    bool large_text;
    int text_pct;          /* 100, or UI_TEXT_PCT_LARGE */
    int text_floor;        /* the smallest type size, px: its capitals are
                              UI_CAP_MM_MIN (or the large size's) */
    /* named sizes, px */
    int target;    /* UI_TARGET_MM */
    int target_gap;/* UI_TARGET_GAP_MM */
    int list_row;  /* UI_LIST_ROW_MM */
    int bezel;     /* nothing nearer the edge: 40 at 1080, >= 5 mm */
    int bar_h;     /* the top bar's buttons: 72, >= a target, fits bar_text */
    int bar_gap;   /* between them: 16, >= target_gap */
    int bar_text;  /* their labels: ui_text_px(label) */
    int gap_xs;    /* 8, >= 1 mm */
    int gap_s;     /* 16, >= 2 mm */
    int gap_m;     /* 24, >= 3 mm */
    int gap_l;     /* 32, >= 4 mm */
    int margin;    /* 40, >= 5 mm: inside panels and pages */
    int gap_xl;    /* 64, >= 8 mm */
    int button_h;  /* Home's buttons: 112, >= a target, fits action */
    int toggle_h;  /* the reader's toggle: 64, >= a target */
    struct ui_type_scale type; /* design sizes at 1080: use ui_text_px */
};

/* Computes the metrics of a w x h screen whose diagonal is diagonal_in
 * inches (0: unknown), seen from view_mm (0: the default), in `lang`, with
 * larger text or not. */
void ui_metrics_init_view(struct ui_metrics *m, int w, int h,
                          double diagonal_in, double view_mm,
                          enum text_lang lang, bool large_text);
/* The same at the default viewing distance. */
void ui_metrics_init(struct ui_metrics *m, int w, int h, double diagonal_in,
                     enum text_lang lang, bool large_text);
/* A screen-specific length: v at 1080 px, scaled (at least 1). */
int ui_px(const struct ui_metrics *m, int v);
/* A length in millimetres on this panel, px (at least 1). */
int ui_mm(const struct ui_metrics *m, double mm);
/* px as millimetres on this panel. */
double ui_px_to_mm(const struct ui_metrics *m, double px);
/* A type size: v at 1080 px, scaled with the screen, grown by the text
 * size and the physical floor, never below text_floor. */
int ui_text_px(const struct ui_metrics *m, int v);
/* The same for a part that scales by its own box `s` (the reader's area,
 * the card's panel). */
int ui_text_px_in(const struct ui_metrics *m, struct ui_scale s, int v);
/* A touch area: `r` grown about its centre to at least a target each way
 * (the drawn box stays as it is). */
SDL_Rect ui_touch_rect(const struct ui_metrics *m, SDL_Rect r);

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
