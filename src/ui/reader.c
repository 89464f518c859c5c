/* reader.c: the report reader (see reader.h).
 *
 * Each passage is a row of up to three blocks (a laid-out text, and in one
 * column its own heading), placed in content coordinates: row r starts at
 * rows[r].y, blocks at row-relative y and view-relative x, and what is
 * drawn is shifted up by the scroll offset.  Rows outside the view are
 * skipped, so drawing costs what is visible.  Every mention's touch area
 * is worked out once per layout, in content coordinates, from the word and
 * its neighbours. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "render/draw_text.h"
#include "text/layout.h"
#include "ui/column.h"
#include "ui/reader.h"
#include "ui/scroll_hint.h"
#include "ui/textlist.h"
#include "ui/theme.h"

#define BLOCKS 3
#define FRAGMENTS 4 /* a mention broken over lines: its first boxes */

/* Text of each script to measure a column by: the advance per character
 * of ordinary prose (the report's own register). */
static const char *const sample[TEXT_LANG_COUNT] = {
    [TEXT_LANG_ZH] = "中央外交部、公安部工作组已于五月二十一日抵达乌鲁木齐。",
    [TEXT_LANG_EN] = "The work team of the Ministries of Foreign Affairs and "
                     "Public Security arrived in Urumqi on 21 May.",
    [TEXT_LANG_UG] = "مەركەزنىڭ خىزمەت گۇرۇپپىسى 21-ماي كۈنى ئۈرۈمچىگە يېتىپ "
                     "كەلدى.",
};

static const char *const head_id[TEXT_LANG_COUNT] = {
    [TEXT_LANG_ZH] = "reader.column-zh",
    [TEXT_LANG_EN] = "reader.column-en",
    [TEXT_LANG_UG] = "reader.column-ug",
};

struct block {
    struct text_layout *layout; /* NULL: no block */
    struct text_layout *head;   /* its heading in one column, or NULL */
    enum text_lang lang;
    int x, y;                   /* layout box, x in the view, y in the row */
    int head_y;
};

struct row {
    struct block block[BLOCKS];
    int y, h;
    bool highlighted;
};

/* A column head above the view. */
struct head {
    struct text_layout *layout;
    int x;
};

/* One box of a mention and its touch area, content coordinates (x from
 * the view's left, y from the content's top). */
struct area {
    uint32_t row, mention;
    uint8_t block;
    bool first; /* the mention's first box */
    SDL_Rect word, touch;
};

struct ui_reader {
    const struct text_fonts *fonts;
    const struct exhibit *ex;
    struct ui_metrics m;
    SDL_Rect area, view;
    bool summary;
    enum ui_reader_arrangement arrangement;
    struct ui_reader_measure measure[TEXT_LANG_COUNT];
    bool shown[TEXT_LANG_COUNT];
    int size, pad;
    struct head heads[BLOCKS];
    int head_count, band_h;
    struct row *rows;
    uint32_t row_count;
    int content_h;
    struct area *areas;
    size_t area_count, area_cap;
    float offset;
    /* the visitor's place: passage and the share of its row above the
     * view's top */
    int anchor;
    double anchor_share;
    char anchor_id[96];
    float anchor_lead; /* the offset when at or above the first passage's
                          top, or -1 */
    int lead;          /* room above the first passage (ui_reader_set_lead) */
};

struct ui_reader *ui_reader_create(const struct text_fonts *fonts)
{
    struct ui_reader *r = xcalloc(1, sizeof *r);
    r->fonts = fonts;
    r->anchor_lead = 0; /* the top */
    return r;
}

static void clear(struct ui_reader *r)
{
    for (uint32_t i = 0; i < r->row_count; i++)
        for (int c = 0; c < BLOCKS; c++) {
            text_layout_destroy(r->rows[i].block[c].layout);
            text_layout_destroy(r->rows[i].block[c].head);
        }
    for (int h = 0; h < r->head_count; h++)
        text_layout_destroy(r->heads[h].layout);
    r->head_count = 0;
    r->band_h = 0;
    free(r->rows);
    r->rows = NULL;
    r->row_count = 0;
    r->area_count = 0;
    r->content_h = 0;
    memset(r->shown, 0, sizeof r->shown);
}

void ui_reader_destroy(struct ui_reader *r)
{
    if (!r)
        return;
    clear(r);
    free(r->areas);
    free(r);
}

/* ---- measure -------------------------------------------------------------- */

static size_t chars_of(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* The body role's advance per character of `lang` at `size`, px. */
static double char_px(const struct ui_reader *r, enum text_lang lang,
                      int size)
{
    const char *s = sample[lang];
    struct text_layout *l = ui_text_lay(
        r->fonts,
        (struct ui_text_style){"body", ui_body_line_pct(lang), TEXT_DIR_LANG},
        lang, size, TEXT_MAX_WIDTH_PX, TEXT_ALIGN_START, s, strlen(s));
    double w = l ? (double)text_layout_width_px(l) : 0;
    text_layout_destroy(l);
    size_t n = chars_of(s, strlen(s));
    return w > 0 && n ? w / (double)n : size * 0.5;
}

static int min_chars(enum text_lang lang)
{
    return lang == TEXT_LANG_ZH ? READER_MIN_CHARS_HAN
                                : READER_MIN_CHARS_LATIN;
}

/* ---- which texts, in which arrangement --------------------------------------- */

/* The texts of the view, in reading order; the summary (if any) last. */
static int view_langs(const struct ui_metrics *m, bool summary,
                      enum text_lang out[BLOCKS])
{
    if (m->lang == TEXT_LANG_UG) {
        if (summary) {
            out[0] = TEXT_LANG_UG;
            return 1;
        }
        out[0] = TEXT_LANG_ZH, out[1] = TEXT_LANG_EN, out[2] = TEXT_LANG_UG;
        return 3;
    }
    if (summary) {
        out[0] = m->lang, out[1] = TEXT_LANG_UG;
        return 2;
    }
    out[0] = TEXT_LANG_ZH, out[1] = TEXT_LANG_EN;
    return 2;
}

struct plan {
    enum ui_reader_arrangement arrangement;
    int w[BLOCKS], x[BLOCKS]; /* view-relative */
    bool headed[BLOCKS];      /* its heading goes with each passage */
};

static bool holds(double w, double cpx, enum text_lang lang)
{
    return w / cpx >= min_chars(lang);
}

/* Chooses the arrangement for `n` texts in a view `W` px wide. */
static struct plan plan_for(const struct ui_reader *r, const enum text_lang *langs,
                            int n, int W, int gap, const double *cpx)
{
    struct plan p = {0};
    int max_w = (int)(READER_MAX_CHARS * cpx[TEXT_LANG_EN]);
    /* every text in its own column */
    int cw = (W - (n - 1) * gap) / n;
    bool fit = true;
    for (int i = 0; i < n; i++)
        fit &= holds(cw, cpx[langs[i]], langs[i]);
    if (fit) {
        if (cw > max_w)
            cw = max_w;
        /* columns centred; one alone at the reading edge, like a page */
        int x0 = n == 1 ? ui_start_x(&r->m, (SDL_Rect){0, 0, W, 1}, cw)
                        : (W - n * cw - (n - 1) * gap) / 2;
        p.arrangement = UI_READER_SIDE_BY_SIDE;
        for (int i = 0; i < n; i++) {
            /* In the Uyghur interface the summary leads, at the reading
             * edge; elsewhere the texts go in the order given. */
            int k = langs[n - 1] == TEXT_LANG_UG && r->m.lang == TEXT_LANG_UG
                        ? (i + 1) % n
                        : i;
            p.w[i] = cw;
            p.x[i] = x0 + ui_reading_slot(&r->m, k, n) * (cw + gap);
        }
        return p;
    }
    /* Chinese | English, the summary under both */
    if (n == 3) {
        cw = (W - gap) / 2;
        if (holds(cw, cpx[langs[0]], langs[0]) &&
            holds(cw, cpx[langs[1]], langs[1])) {
            if (cw > max_w)
                cw = max_w;
            int x0 = (W - 2 * cw - gap) / 2;
            p.arrangement = UI_READER_UNDER;
            for (int i = 0; i < 2; i++) {
                p.w[i] = cw;
                p.x[i] = x0 + ui_reading_slot(&r->m, i, 2) * (cw + gap);
            }
            int uw = 2 * cw + gap < max_w ? 2 * cw + gap : max_w;
            p.w[2] = uw;
            p.x[2] = ui_start_x(&r->m, (SDL_Rect){x0, 0, 2 * cw + gap, 1},
                                uw);
            p.headed[2] = true;
            return p;
        }
    }
    /* one column */
    cw = W < max_w ? W : max_w;
    p.arrangement = UI_READER_STACKED;
    for (int i = 0; i < n; i++) {
        p.w[i] = cw;
        p.x[i] = ui_start_x(&r->m, (SDL_Rect){0, 0, W, 1}, cw);
        p.headed[i] = true;
    }
    return p;
}

/* ---- layout ------------------------------------------------------------- */

static bool justify_holds(const struct ui_reader *r, int width);

static struct text_layout *lay_body(const struct ui_reader *r,
                                    enum text_lang lang, int width,
                                    enum text_align align,
                                    const struct content_text *t)
{
    return ui_text_lay(r->fonts,
                       (struct ui_text_style){"body", ui_body_line_pct(lang),
                                              TEXT_DIR_LANG},
                       lang, r->size, width, align, t->text, t->len);
}

/* A heading for `lang`'s text, in the interface's language, lined up with
 * the edge that text starts from.  `shorten`: above each passage in one
 * column, where the whole heading would wrap, only its part before " · "
 * (the language's name; strings.txt says so). */
static struct text_layout *lay_head(const struct ui_reader *r,
                                    enum text_lang lang, int width,
                                    bool shorten)
{
    const char *s = content_string(r->ex, head_id[lang], r->m.lang);
    bool same = text_lang_rtl(lang) == text_lang_rtl(r->m.lang);
    struct ui_text_style st = {"ui", UI_LINE_PCT_UI, TEXT_DIR_LANG};
    int size = ui_text_px(&r->m, r->m.type.label);
    enum text_align al = same ? TEXT_ALIGN_START : TEXT_ALIGN_END;
    struct text_layout *l =
        ui_text_lay(r->fonts, st, r->m.lang, size, width, al, s, strlen(s));
    const char *dot = strstr(s, " \u00b7 ");
    if (shorten && l && l->line_count > 1 && dot && dot > s) {
        text_layout_destroy(l);
        l = ui_text_lay(r->fonts, st, r->m.lang, size, width, al, s,
                        (size_t)(dot - s));
    }
    return l;
}

/* Grows [*a, *b) to at least t about its centre, inside [lo, hi], moving
 * away from a limit it meets; never shrinks it. */
static void grow(int *a, int *b, int t, int lo, int hi)
{
    if (*b - *a >= t)
        return;
    int na = (*a + *b - t) / 2, nb = na + t;
    if (na < lo)
        na = lo, nb = lo + t;
    if (nb > hi)
        nb = hi, na = hi - t;
    if (na < lo)
        na = lo;
    *a = na < *a ? na : *a;
    *b = nb > *b ? nb : *b;
}

static bool overlap_1d(int a0, int a1, int b0, int b1)
{
    return a0 < b1 && b0 < a1;
}

/* One axis of a touch area: the word's [w0, w1) grown to `t` inside
 * [lo, hi], but never past half way to a neighbouring word (near_lo,
 * near_hi: the nearest word edges on either side), so two areas at most
 * touch; squeezed on one side it grows on the other. */
static void grow_axis(int *a, int *b, int w0, int w1, int t, int lo, int hi,
                      int near_lo, int near_hi)
{
    int half_lo = near_lo > lo ? (near_lo + w0) / 2 : lo;
    int half_hi = near_hi < hi ? (near_hi + w1) / 2 : hi;
    grow(a, b, t, half_lo > lo ? half_lo : lo, half_hi < hi ? half_hi : hi);
}

static void add_area(struct ui_reader *r, struct area a)
{
    r->areas = xgrow(r->areas, &r->area_cap, r->area_count + 1,
                     sizeof *r->areas);
    r->areas[r->area_count++] = a;
}

/* Every mention's boxes, then their touch areas: at least a target each
 * way, sharing the room between neighbours. */
static void place_areas(struct ui_reader *r)
{
    for (uint32_t i = 0; i < r->row_count; i++) {
        const struct row *row = &r->rows[i];
        for (int c = 0; c < BLOCKS; c++) {
            const struct block *b = &row->block[c];
            if (!b->layout)
                continue;
            const struct content_text *t =
                &r->ex->passages[i].text[b->lang];
            for (uint32_t k = 0; k < t->mention_count; k++) {
                struct text_rect rr[FRAGMENTS];
                size_t n = text_layout_range_rects(
                    b->layout, t->mentions[k].start, t->mentions[k].end, rr,
                    FRAGMENTS);
                for (size_t f = 0; f < n && f < FRAGMENTS; f++) {
                    /* both edges rounded, so boxes that meet touch */
                    int x0 = render_round26(rr[f].x),
                        x1 = render_round26(rr[f].x + rr[f].w),
                        y0 = render_round26(rr[f].y),
                        y1 = render_round26(rr[f].y + rr[f].h);
                    SDL_Rect w = {b->x + x0, row->y + b->y + y0, x1 - x0,
                                  y1 - y0};
                    add_area(r, (struct area){i, k, (uint8_t)c, f == 0, w, w});
                }
            }
        }
    }
    int t = r->m.target;
    /* across: neighbours on the same line */
    for (size_t i = 0; i < r->area_count; i++) {
        struct area *a = &r->areas[i];
        SDL_Rect w = a->word;
        int nlo = -1, nhi = r->view.w + 1;
        for (size_t j = 0; j < r->area_count; j++) {
            SDL_Rect o = r->areas[j].word;
            if (j == i || !overlap_1d(w.y, w.y + w.h, o.y, o.y + o.h))
                continue;
            if (o.x + o.w <= w.x && o.x + o.w > nlo)
                nlo = o.x + o.w;
            if (o.x >= w.x + w.w && o.x < nhi)
                nhi = o.x;
        }
        int x0 = w.x, x1 = w.x + w.w;
        grow_axis(&x0, &x1, w.x, w.x + w.w, t, 0, r->view.w, nlo, nhi);
        a->touch.x = x0, a->touch.w = x1 - x0;
    }
    /* up and down: neighbours whose areas share some of its width */
    for (size_t i = 0; i < r->area_count; i++) {
        struct area *a = &r->areas[i];
        SDL_Rect w = a->word;
        int nlo = -1, nhi = r->content_h + 1;
        for (size_t j = 0; j < r->area_count; j++) {
            const struct area *o = &r->areas[j];
            if (j == i || !overlap_1d(a->touch.x, a->touch.x + a->touch.w,
                                      o->touch.x, o->touch.x + o->touch.w))
                continue;
            if (o->word.y + o->word.h <= w.y && o->word.y + o->word.h > nlo)
                nlo = o->word.y + o->word.h;
            if (o->word.y >= w.y + w.h && o->word.y < nhi)
                nhi = o->word.y;
        }
        int y0 = w.y, y1 = w.y + w.h;
        grow_axis(&y0, &y1, w.y, w.y + w.h, t, 0, r->content_h, nlo, nhi);
        a->touch.y = y0, a->touch.h = y1 - y0;
    }
}

/* One passage's blocks by the plan; returns the row's height. */
static int place_row(struct ui_reader *r, struct row *row,
                     const struct content_passage *p,
                     const enum text_lang *langs, int n,
                     const struct plan *pl)
{
    int gap = r->m.gap_m, head_gap = r->m.gap_xs;
    int y = r->pad, bottom = y, under_y = 0;
    for (int i = 0; i < n; i++) {
        enum text_lang l = langs[i];
        struct block *b = &row->block[i];
        b->lang = l;
        b->x = pl->x[i];
        b->layout = lay_body(r, l, pl->w[i], r->measure[l].align, &p->text[l]);
        int h = text_layout_height_px(b->layout);
        int top;
        if (pl->arrangement == UI_READER_SIDE_BY_SIDE) {
            top = r->pad;
        } else if (pl->arrangement == UI_READER_UNDER) {
            if (i < 2) {
                top = r->pad;
                under_y = top + h > under_y ? top + h : under_y;
            } else {
                top = under_y + gap;
            }
        } else {
            top = i ? bottom + gap : r->pad;
        }
        if (pl->headed[i]) {
            b->head = lay_head(r, l, pl->w[i], true);
            b->head_y = top;
            top += text_layout_height_px(b->head) + head_gap;
        }
        b->y = top;
        if (top + h > bottom)
            bottom = top + h;
    }
    return bottom + r->pad;
}

/* The visitor's place, by passage id when the exhibit changed. */
static int find_anchor(const struct ui_reader *r)
{
    const struct exhibit *ex = r->ex;
    if (r->anchor >= 0 && (uint32_t)r->anchor < ex->passage_count &&
        strcmp(ex->passages[r->anchor].id, r->anchor_id) == 0)
        return r->anchor;
    for (uint32_t i = 0; i < ex->passage_count; i++)
        if (strcmp(ex->passages[i].id, r->anchor_id) == 0)
            return (int)i;
    return 0;
}

static void keep_anchor(struct ui_reader *r, int row, double share)
{
    r->anchor = row;
    r->anchor_share = share < 0 ? 0 : share > 1 ? 1 : share;
    snprintf(r->anchor_id, sizeof r->anchor_id, "%s",
             r->ex && row >= 0 && (uint32_t)row < r->ex->passage_count
                 ? r->ex->passages[row].id
                 : "");
}

void ui_reader_set(struct ui_reader *r, const struct exhibit *ex,
                   const struct ui_metrics *m, SDL_Rect area, bool summary)
{
    /* Keep highlights by passage across a relayout. */
    bool *keep = NULL;
    uint32_t kept = r->row_count;
    if (kept) {
        keep = xcalloc(kept, sizeof *keep);
        for (uint32_t i = 0; i < kept; i++)
            keep[i] = r->rows[i].highlighted;
    }
    clear(r);
    r->ex = ex;
    r->m = *m;
    r->area = area;
    r->view = area;
    r->summary = summary;
    if (!ex || area.w < 16 || area.h < 16) {
        free(keep);
        return;
    }
    /* Body text at the reader area's own scale, grown by the text size and
     * never under the panel's physical floor. */
    struct ui_scale sc = ui_scale_of(area.w, area.h);
    r->size = ui_text_px_in(m, sc, m->type.lead);
    r->pad = m->gap_m;
    int gap = r->size * 3 / 2 > m->gap_l ? r->size * 3 / 2 : m->gap_l;
    double cpx[TEXT_LANG_COUNT];
    for (int l = 0; l < TEXT_LANG_COUNT; l++)
        cpx[l] = char_px(r, (enum text_lang)l, r->size);
    enum text_lang langs[BLOCKS];
    int n = view_langs(m, summary, langs);
    /* The text keeps clear of the position bar at the view's far edge. */
    int bar = ui_view_bar_room(m);
    int left = ui_metrics_mirrored(m) ? bar : 0;
    struct plan pl = plan_for(r, langs, n, area.w - bar, gap, cpx);
    for (int i = 0; i < n; i++)
        pl.x[i] += left;
    r->arrangement = pl.arrangement;
    for (int i = 0; i < n; i++) {
        enum text_lang l = langs[i];
        r->shown[l] = true;
        r->measure[l].width = pl.w[i];
        r->measure[l].chars = pl.w[i] / cpx[l];
        r->measure[l].align =
            l == TEXT_LANG_EN
                ? (r->measure[l].chars >= READER_JUSTIFY_CHARS &&
                           justify_holds(r, pl.w[i])
                       ? TEXT_ALIGN_JUSTIFY
                       : TEXT_ALIGN_START)
                : ui_align_own(l, TEXT_ALIGN_JUSTIFY);
    }
    /* The heads above the view take their height from the tallest. */
    for (int i = 0; i < n; i++) {
        if (pl.headed[i])
            continue;
        struct head *h = &r->heads[r->head_count++];
        h->layout = lay_head(r, langs[i], pl.w[i], false);
        h->x = pl.x[i];
        int hh = text_layout_height_px(h->layout);
        if (hh > r->band_h)
            r->band_h = hh;
    }
    if (r->head_count) {
        r->band_h += m->gap_s;
        r->view.y += r->band_h;
        r->view.h -= r->band_h;
    }
    r->rows = xcalloc(ex->passage_count + 1, sizeof *r->rows);
    int y = r->lead;
    for (uint32_t i = 0; i < ex->passage_count; i++) {
        struct row *row = &r->rows[r->row_count++];
        row->y = y;
        row->highlighted = i < kept && keep[i];
        row->h = place_row(r, row, &ex->passages[i], langs, n, &pl);
        y += row->h;
    }
    r->content_h = y;
    free(keep);
    place_areas(r);
    /* The same passage at the top, as far into it as before. */
    int a = find_anchor(r);
    double share = r->anchor_share;
    float lead_at = r->anchor_lead;
    keep_anchor(r, a, share);
    float o = (float)(r->rows[a].y + share * r->rows[a].h);
    if (a == 0 && lead_at >= 0) { /* above the first passage: stay */
        o = lead_at < (float)r->rows[0].y ? lead_at : (float)r->rows[0].y;
        r->anchor_lead = o;
    }
    float max = ui_reader_max_offset(r);
    r->offset = o > max ? max : o;
}

void ui_reader_set_lead(struct ui_reader *r, int px)
{
    r->lead = px > 0 ? px : 0;
}

int ui_reader_lead(const struct ui_reader *r)
{
    return r->lead;
}

int ui_reader_lead_y(const struct ui_reader *r)
{
    return r->view.y - (int)r->offset;
}

SDL_Rect ui_reader_view(const struct ui_reader *r)
{
    return r->view;
}

enum ui_reader_arrangement ui_reader_arrangement(const struct ui_reader *r)
{
    return r->arrangement;
}

bool ui_reader_measure(const struct ui_reader *r, enum text_lang lang,
                       struct ui_reader_measure *out)
{
    if ((unsigned)lang >= TEXT_LANG_COUNT || !r->shown[lang])
        return false;
    *out = r->measure[lang];
    return true;
}

float ui_reader_max_offset(const struct ui_reader *r)
{
    float m = (float)(r->content_h - r->view.h);
    return m > 0 ? m : 0;
}

void ui_reader_set_offset(struct ui_reader *r, float offset)
{
    /* The scroller may pull past the ends (overscroll); keep what it says
     * within one screen either side. */
    float lo = -(float)r->view.h, hi = ui_reader_max_offset(r) + r->view.h;
    r->offset = offset < lo ? lo : offset > hi ? hi : offset;
    if (!r->row_count) {
        if (offset <= 0) {
            keep_anchor(r, 0, 0);
            r->anchor_lead = 0;
        }
        return;
    }
    float max = ui_reader_max_offset(r);
    float at = r->offset < 0 ? 0 : r->offset > max ? max : r->offset;
    int top = ui_reader_top_passage(r);
    const struct row *row = &r->rows[top];
    keep_anchor(r, top, row->h ? (at - (float)row->y) / (float)row->h : 0);
    r->anchor_lead = at <= (float)r->rows[0].y ? at : -1;
}

float ui_reader_offset(const struct ui_reader *r)
{
    return r->offset;
}

float ui_reader_passage_offset(const struct ui_reader *r, uint32_t p)
{
    if (p >= r->row_count)
        return 0;
    float o = (float)r->rows[p].y;
    float m = ui_reader_max_offset(r);
    return o > m ? m : o;
}

void ui_reader_show_passage(struct ui_reader *r, uint32_t p)
{
    if (p >= r->row_count)
        return;
    r->offset = ui_reader_passage_offset(r, p);
    keep_anchor(r, (int)p, 0);
    r->anchor_lead = -1;
}

int ui_reader_top_passage(const struct ui_reader *r)
{
    float at = r->offset < 0 ? 0 : r->offset;
    for (uint32_t i = 0; i < r->row_count; i++)
        if ((float)(r->rows[i].y + r->rows[i].h) > at)
            return (int)i;
    return r->row_count ? (int)r->row_count - 1 : -1;
}

int ui_reader_anchor(const struct ui_reader *r)
{
    return r->row_count ? r->anchor : -1;
}

void ui_reader_highlight(struct ui_reader *r, int passage, bool on)
{
    if (passage < 0) {
        for (uint32_t i = 0; i < r->row_count; i++)
            r->rows[i].highlighted = false;
        return;
    }
    if ((uint32_t)passage < r->row_count)
        r->rows[passage].highlighted = on;
}

bool ui_reader_highlighted(const struct ui_reader *r, uint32_t p)
{
    return p < r->row_count && r->rows[p].highlighted;
}

/* ---- screen coordinates ------------------------------------------------- */

static SDL_Rect to_screen(const struct ui_reader *r, SDL_Rect c)
{
    return (SDL_Rect){r->view.x + c.x, r->view.y + c.y - (int)r->offset,
                      c.w, c.h};
}

static int dist2(SDL_Rect w, int x, int y)
{
    int dx = x < w.x ? w.x - x : x >= w.x + w.w ? x - (w.x + w.w - 1) : 0;
    int dy = y < w.y ? w.y - y : y >= w.y + w.h ? y - (w.y + w.h - 1) : 0;
    return dx * dx + dy * dy;
}

struct ui_reader_hit ui_reader_hit(const struct ui_reader *r, int x, int y)
{
    struct ui_reader_hit h = {-1, -1, TEXT_LANG_EN, -1};
    SDL_Point pt = {x, y};
    if (!SDL_PointInRect(&pt, &r->view))
        return h;
    /* The nearest word whose touch area holds the point. */
    const struct area *best = NULL;
    int best_d = 0;
    for (size_t i = 0; i < r->area_count; i++) {
        const struct area *a = &r->areas[i];
        SDL_Rect t = to_screen(r, a->touch);
        if (!SDL_PointInRect(&pt, &t))
            continue;
        int d = dist2(to_screen(r, a->word), x, y);
        if (!best || d < best_d)
            best = a, best_d = d;
    }
    if (best) {
        const struct block *b = &r->rows[best->row].block[best->block];
        h.passage = (int)best->row;
        h.mention = (int)best->mention;
        h.lang = b->lang;
        h.place = (int)r->ex->passages[best->row]
                      .text[b->lang]
                      .mentions[best->mention]
                      .place;
        return h;
    }
    for (uint32_t i = 0; i < r->row_count; i++) {
        const struct row *row = &r->rows[i];
        int top = r->view.y + row->y - (int)r->offset;
        if (y >= top && y < top + row->h) {
            h.passage = (int)i;
            break;
        }
    }
    return h;
}

size_t ui_reader_targets(const struct ui_reader *r,
                         struct ui_reader_target *out, size_t max)
{
    size_t n = 0;
    int vtop = r->view.y, vbot = r->view.y + r->view.h;
    for (size_t i = 0; i < r->area_count; i++) {
        const struct area *a = &r->areas[i];
        SDL_Rect w = to_screen(r, a->word);
        if (w.y < vtop || w.y + w.h > vbot)
            continue; /* not wholly visible */
        /* one target a mention: its first box in view */
        bool dup = false;
        for (size_t j = 0; j < n && j < max; j++)
            dup |= out[j].passage == a->row && out[j].mention == a->mention &&
                   out[j].lang == r->rows[a->row].block[a->block].lang;
        if (dup)
            continue;
        SDL_Rect t = to_screen(r, a->touch), vis;
        if (!SDL_IntersectRect(&t, &r->view, &vis))
            continue;
        if (n < max)
            out[n] = (struct ui_reader_target){
                a->row, a->mention, r->rows[a->row].block[a->block].lang, vis,
                w};
        n++;
    }
    return n;
}

/* ---- drawing ------------------------------------------------------------ */

static void fill(SDL_Renderer *ren, SDL_Rect box, SDL_Rect clip, SDL_Color c)
{
    SDL_Rect in;
    if (!SDL_IntersectRect(&box, &clip, &in))
        return;
    SDL_SetRenderDrawColor(ren, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(ren, &in);
}

void ui_reader_draw(struct ui_reader *r, SDL_Renderer *ren,
                    struct atlas *atlas)
{
    if (!r->row_count)
        return;
    const struct ui_palette *pal = ui_theme_palette();
    SDL_Rect clip_old;
    SDL_bool had = SDL_RenderIsClipEnabled(ren);
    SDL_RenderGetClipRect(ren, &clip_old);
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    SDL_Color mark = {pal->highlight.r, pal->highlight.g, pal->highlight.b,
                      110};
    SDL_Color band = {pal->highlight.r, pal->highlight.g, pal->highlight.b,
                      90};
    SDL_Color rule = pal->rule;
    rule.a = 255;
    /* the column heads, above the view */
    for (int h = 0; h < r->head_count; h++)
        ui_view_draw_text(ren, atlas, r->heads[h].layout,
                          r->area.x + r->heads[h].x, r->area.y, pal->muted,
                          NULL, mark, r->area);
    if (r->head_count)
        fill(ren, (SDL_Rect){r->area.x, r->view.y - r->m.gap_s / 2,
                             r->area.w, 1},
             r->area, rule);
    for (uint32_t i = 0; i < r->row_count; i++) {
        const struct row *row = &r->rows[i];
        int top = r->view.y + row->y - (int)r->offset;
        if (top + row->h <= r->view.y || top >= r->view.y + r->view.h)
            continue;
        if (row->highlighted)
            fill(ren, (SDL_Rect){r->view.x, top, r->view.w, row->h}, r->view,
                 band);
        if (i + 1 < r->row_count)
            fill(ren, (SDL_Rect){r->view.x, top + row->h - 1, r->view.w, 1},
                 r->view, rule);
        for (int c = 0; c < BLOCKS; c++) {
            const struct block *b = &row->block[c];
            if (!b->layout)
                continue;
            int ox = r->view.x + b->x;
            if (b->head)
                ui_view_draw_text(ren, atlas, b->head, ox, top + b->head_y,
                                  pal->muted, NULL, mark, r->view);
            ui_view_draw_text(ren, atlas, b->layout, ox, top + b->y, pal->ink,
                              &r->ex->passages[i].text[b->lang],
                              row->highlighted ? pal->highlight : mark,
                              r->view);
        }
    }
    SDL_RenderSetClipRect(ren, had ? &clip_old : NULL);
    ui_scroll_hint_draw(ren, &r->m, r->view, (int)r->offset,
                        (int)ui_reader_max_offset(r));
}

/* ---- measurements ----------------------------------------------------------- */

double ui_reader_chars_per_line(const struct ui_reader *r, enum text_lang l)
{
    size_t chars = 0, lines = 0;
    for (uint32_t i = 0; i < r->row_count; i++) {
        for (int c = 0; c < BLOCKS; c++) {
            const struct block *b = &r->rows[i].block[c];
            if (!b->layout || b->lang != l)
                continue;
            const struct text_layout *t = b->layout;
            /* Full lines only: every line but a paragraph's last. */
            for (uint32_t k = 0; k + 1 < t->line_count; k++) {
                chars += chars_of(t->text + t->lines[k].start,
                                  t->lines[k].end - t->lines[k].start);
                lines++;
            }
        }
    }
    return lines ? (double)chars / (double)lines : 0;
}

/* The advance of a plain space in the body face of `l` at the reader's
 * size, 26.6. */
static int32_t space_advance(const struct ui_reader *r, enum text_lang l)
{
    struct text_layout *t = ui_text_lay(
        r->fonts,
        (struct ui_text_style){"body", ui_body_line_pct(l), TEXT_DIR_LANG}, l,
        r->size, TEXT_MAX_WIDTH_PX, TEXT_ALIGN_START, "a b", 3);
    int32_t adv = 0;
    for (uint32_t g = 0; t && g < t->glyph_count; g++)
        if (t->text[t->glyphs[g].cluster] == ' ')
            adv = t->glyphs[g].advance;
    text_layout_destroy(t);
    return adv;
}

/* The word gaps of one layout's full lines against `space`. */
static void layout_gaps(const struct text_layout *t, int32_t space,
                        struct ui_reader_gaps *out)
{
    for (uint32_t k = 0; t && k + 1 < t->line_count; k++) {
        const struct text_line *ln = &t->lines[k];
        double worst = 0;
        for (uint32_t ru = ln->first_run; ru < ln->first_run + ln->run_count;
             ru++) {
            const struct text_run *run = &t->runs[ru];
            for (uint32_t g = run->first_glyph;
                 g < run->first_glyph + run->glyph_count; g++) {
                const struct text_glyph *gl = &t->glyphs[g];
                if (t->text[gl->cluster] != ' ' || gl->cluster + 1 >= ln->end)
                    continue; /* not a space inside the line */
                double q = (double)gl->advance / space;
                worst = q > worst ? q : worst;
            }
        }
        if (worst <= 0)
            continue;
        out->lines++;
        out->over2 += worst > 2.0;
        out->worst = worst > out->worst ? worst : out->worst;
    }
}

struct ui_reader_gaps ui_reader_word_gaps(const struct ui_reader *r,
                                          enum text_lang l)
{
    struct ui_reader_gaps out = {1, 0, 0};
    int32_t space = space_advance(r, l);
    if (space <= 0)
        return out;
    for (uint32_t i = 0; i < r->row_count; i++)
        for (int c = 0; c < BLOCKS; c++) {
            const struct block *b = &r->rows[i].block[c];
            if (b->layout && b->lang == l)
                layout_gaps(b->layout, space, &out);
        }
    return out;
}

/* Whether the report's English justified `width` px wide keeps every
 * word gap within READER_GAP_MAX spaces (without hyphenation a narrow
 * justified measure opens rivers). */
static bool justify_holds(const struct ui_reader *r, int width)
{
    struct ui_reader_gaps g = {1, 0, 0};
    int32_t space = space_advance(r, TEXT_LANG_EN);
    for (uint32_t i = 0; space > 0 && i < r->ex->passage_count; i++) {
        struct text_layout *t =
            lay_body(r, TEXT_LANG_EN, width, TEXT_ALIGN_JUSTIFY,
                     &r->ex->passages[i].text[TEXT_LANG_EN]);
        layout_gaps(t, space, &g);
        text_layout_destroy(t);
    }
    return space > 0 && g.worst <= READER_GAP_MAX;
}
