/* test_reader.c: the reader on the panels museums mount, in the three
 * languages: the arrangement chosen by measure (side by side only when
 * each column holds enough, else the summary under or everything stacked,
 * never wider than the view), English ragged in narrow columns, mention
 * touch areas of at least 9 mm that touch at most and that a tap on the
 * word finds, the Uyghur interface showing the summaries with the full
 * text, the summary toggle (a target tall) keeping the visitor's passage
 * from every scroll position -- never a blank view -- and after a
 * text-size or language change, no line cut at full ink at the view's
 * edges, and About keeping its section. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/exhibit_app.h"
#include "app/screens.h"
#include "check.h"
#include "render/atlas.h"
#include "render/headless.h"
#include "shipped.h"
#include "ui/column.h"
#include "ui/reader.h"

static struct text_fonts *fonts;
static struct exhibit *ex;

struct panel {
    const char *name;
    int w, h;
    double diag; /* inches */
};

/* Pi 7" (155x86 mm), Touch Display 2 (88x155 mm), 10.1" (217x136 mm),
 * 21.5" both ways. */
static const struct panel panels[] = {
    {"7in", 800, 480, 6.98},      {"td2", 720, 1280, 6.98},
    {"10in", 1280, 800, 10.08},   {"21in", 1920, 1080, 21.5},
    {"21in-portrait", 1080, 1920, 21.5},
};
#define PANELS (sizeof panels / sizeof panels[0])

static const char *const lang_name[] = {"zh", "en", "ug"};

/* ---- the app ------------------------------------------------------------ */

struct run {
    struct render_target *t;
    struct atlas *atlas;
    struct exhibit_app *a;
    uint32_t now;
};

static bool tap_id(struct run *u, const char *id)
{
    int x, y;
    if (!exhibit_app_target(u->a, id, &x, &y))
        return false;
    u->now += 400;
    exhibit_app_tap(u->a, u->t->renderer, x, y, u->now);
    return true;
}

static bool open_run(struct run *u, const struct panel *p, enum text_lang l)
{
    memset(u, 0, sizeof *u);
    u->t = render_target_create(p->w, p->h);
    u->atlas = atlas_create(u->t->renderer, fonts, NULL);
    u->a = exhibit_app_create(fonts);
    exhibit_app_set_screen(u->a, p->diag);
    exhibit_app_layout(u->a, u->t->renderer, ex, l, p->w, p->h);
    u->now = 100;
    exhibit_app_tap(u->a, u->t->renderer, p->w / 2, p->h / 2, u->now);
    return tap_id(u, "nav:read") &&
           exhibit_app_screen(u->a) == APP_SCREEN_READER;
}

static void close_run(struct run *u)
{
    exhibit_app_destroy(u->a);
    atlas_destroy(u->atlas);
    render_target_destroy(u->t);
}

static void scroll_to(struct run *u, float offset)
{
    float now = ui_reader_offset(u->a->reader);
    u->now += 50;
    exhibit_app_scroll(u->a, offset - now, u->now);
}

/* Whether passage p's row is on screen: its offset within the view. */
static bool passage_visible(const struct ui_reader *r, int p)
{
    float o = ui_reader_offset(r), at = ui_reader_passage_offset(r, (uint32_t)p);
    SDL_Rect v = ui_reader_view(r);
    /* the passage starts above the bottom and the view is not past the end */
    return o <= ui_reader_max_offset(r) + 0.5f && at < o + (float)v.h;
}

/* The visitor's passage is at the top -- or, when the report ends before
 * it can reach the top, the view is at the end with it in sight. */
static bool keeps(const struct ui_reader *r, int p)
{
    if (ui_reader_anchor(r) != p)
        return false;
    if (ui_reader_top_passage(r) == p)
        return true;
    return fabsf(ui_reader_offset(r) - ui_reader_max_offset(r)) < 0.5f &&
           passage_visible(r, p);
}

/* Ink in the reader's view: pixels clearly darker than the paper. */
static long view_ink(struct run *u)
{
    u->now += 20;
    exhibit_app_draw(u->a, u->t->renderer, u->atlas, u->now);
    render_target_flush(u->t);
    SDL_Surface *s = u->t->surface;
    SDL_Rect v = ui_reader_view(u->a->reader);
    long ink = 0;
    for (int y = v.y; y < v.y + v.h; y += 2)
        for (int x = v.x; x < v.x + v.w; x += 2) {
            Uint8 r, g, b;
            SDL_GetRGB(((Uint32 *)s->pixels)[y * (s->pitch / 4) + x],
                       s->format, &r, &g, &b);
            ink += r + g + b < 300;
        }
    return ink;
}

/* For each passage: scroll there, toggle the summary, the same passage at
 * the top and ink in the view; toggle back, the same again. */
static void test_toggle(const struct panel *p, enum text_lang l,
                        bool pixels, uint32_t step)
{
    struct run u;
    if (!CHECK(open_run(&u, p, l), "%s %s: the reader opens", p->name,
               lang_name[l]))
        goto out;
    const struct ui_reader *r = u.a->reader;
    int bad_keep = 0, bad_back = 0, blank = 0, beyond = 0;
    char first_bad[160] = "";
    for (uint32_t i = 0; i < ex->passage_count; i += step) {
        scroll_to(&u, ui_reader_passage_offset(r, i));
        int want = ui_reader_top_passage(r);
        if (ui_reader_anchor(r) != want)
            bad_keep++;
        for (int k = 0; k < 2; k++) {
            tap_id(&u, "nav:summary");
            bool ok = keeps(r, want);
            if (k)
                bad_back += !ok;
            else
                bad_keep += !ok;
            beyond += ui_reader_offset(r) > ui_reader_max_offset(r) + 0.5f;
            if (!ok && !first_bad[0])
                snprintf(first_bad, sizeof first_bad,
                         "passage %s: top %d anchor %d after %d toggles",
                         ex->passages[want].id, ui_reader_top_passage(r),
                         ui_reader_anchor(r), k + 1);
            if (pixels && view_ink(&u) < 200)
                blank++;
        }
    }
    CHECK(bad_keep == 0 && bad_back == 0 && beyond == 0,
          "%s %s: the toggle keeps the passage both ways (%d, %d wrong, %d "
          "past the end) %s", p->name, lang_name[l], bad_keep, bad_back,
          beyond, first_bad);
    if (pixels)
        CHECK(blank == 0, "%s %s: no blank view after a toggle (%d blank)",
              p->name, lang_name[l], blank);

    /* The passage survives a text-size and a language change too. */
    scroll_to(&u, ui_reader_passage_offset(r, ex->passage_count / 2));
    int want = ui_reader_top_passage(r);
    tap_id(&u, "nav:text-size");
    bool size_ok = keeps(r, want);
    if (getenv("READER_DEBUG"))
        fprintf(stderr, "%s %d: want %d anchor %d top %d off %.0f max %.0f\n",
                p->name, l, want, ui_reader_anchor(r), ui_reader_top_passage(r),
                ui_reader_offset(r), ui_reader_max_offset(r));
    tap_id(&u, "nav:text-size");
    size_ok &= keeps(r, want);
    if (getenv("READER_DEBUG"))
        fprintf(stderr, "%s %d: want %d anchor %d top %d off %.0f max %.0f\n",
                p->name, l, want, ui_reader_anchor(r), ui_reader_top_passage(r),
                ui_reader_offset(r), ui_reader_max_offset(r));
    const char *other = l == TEXT_LANG_UG ? "lang:en" : "lang:ug";
    tap_id(&u, other);
    bool lang_ok = keeps(r, want);
    CHECK(size_ok && lang_ok,
          "%s %s: passage %s kept across text size (%d) and language (%d)",
          p->name, lang_name[l], ex->passages[want].id, size_ok, lang_ok);

    /* A passage opened from the map stays the visitor's passage, even the
     * last, which cannot reach the top. */
    uint32_t last = ex->passage_count - 1;
    ui_reader_show_passage(u.a->reader, last);
    tap_id(&u, "nav:summary");
    bool last_ok = keeps(r, (int)last);
    tap_id(&u, "nav:summary");
    last_ok &= keeps(r, (int)last);
    CHECK(last_ok, "%s %s: the last passage, opened, survives the toggle "
          "both ways (anchor %d)", p->name, lang_name[l],
          ui_reader_anchor(r));

    /* The toggle is a whole target tall and wide. */
    struct ui_metrics *m = &u.a->m;
    SDL_Rect b = u.a->summary_button.rect;
    CHECK(ui_px_to_mm(m, b.h) >= 8.9 && ui_px_to_mm(m, b.w) >= 8.9 &&
              b.x >= 0 && b.x + b.w <= p->w,
          "%s %s: the toggle %dx%d px (%.1f mm tall), on screen", p->name,
          lang_name[l], b.w, b.h, ui_px_to_mm(m, b.h));
out:
    close_run(&u);
}

/* ---- layout at a panel -------------------------------------------------- */

static void metrics_of(struct ui_metrics *m, const struct panel *p,
                       enum text_lang l, bool large)
{
    ui_metrics_init(m, p->w, p->h, p->diag, l, large);
}

/* The reader's area as the app gives it: the content below the bar and
 * the toggle. */
static SDL_Rect area_of(const struct ui_metrics *m)
{
    int top = m->bezel + m->bar_h + m->gap_xs + m->toggle_h + m->gap_s;
    return (SDL_Rect){m->bezel, top, m->w - 2 * m->bezel,
                      m->h - top - m->bezel};
}

/* The advance of a character of `lang` in the report's own text, px at
 * `size`: the whole text of every passage on one line. */
static double report_char_px(enum text_lang lang, int size)
{
    static struct {
        int size;
        double px;
    } cache[TEXT_LANG_COUNT][16];
    for (int i = 0; i < 16; i++)
        if (cache[lang][i].size == size)
            return cache[lang][i].px;
    const struct text_role *role = text_fonts_role(fonts, "body");
    double w = 0, n = 0;
    for (uint32_t i = 0; i < ex->passage_count; i++) {
        const struct content_text *t = &ex->passages[i].text[lang];
        struct text_params tp = {.role = role, .lang = lang,
                                 .size_px = size,
                                 .width_px = TEXT_MAX_WIDTH_PX,
                                 .align = TEXT_ALIGN_START};
        struct text_layout *l = text_layout_create(fonts, &tp, t->text,
                                                   t->len);
        w += text_layout_width_px(l);
        for (uint32_t b = 0; b < t->len; b++)
            n += ((unsigned char)t->text[b] & 0xC0) != 0x80;
        text_layout_destroy(l);
    }
    double px = n ? w / n : 0;
    for (int i = 0; i < 16; i++)
        if (!cache[lang][i].size) {
            cache[lang][i].size = size;
            cache[lang][i].px = px;
            break;
        }
    return px;
}

struct expect {
    const char *panel;
    enum text_lang lang;
    bool summary;
    enum ui_reader_arrangement arr;
};

/* What each panel gets at the normal text size. */
static const struct expect expected[] = {
    {"7in", TEXT_LANG_EN, false, UI_READER_STACKED},
    {"7in", TEXT_LANG_ZH, true, UI_READER_STACKED},
    {"7in", TEXT_LANG_UG, false, UI_READER_STACKED},
    {"td2", TEXT_LANG_ZH, false, UI_READER_STACKED},
    {"td2", TEXT_LANG_UG, false, UI_READER_STACKED},
    {"10in", TEXT_LANG_EN, false, UI_READER_SIDE_BY_SIDE},
    {"10in", TEXT_LANG_UG, false, UI_READER_UNDER},
    {"21in", TEXT_LANG_EN, false, UI_READER_SIDE_BY_SIDE},
    {"21in", TEXT_LANG_EN, true, UI_READER_SIDE_BY_SIDE},
    {"21in", TEXT_LANG_UG, false, UI_READER_SIDE_BY_SIDE},
    {"21in-portrait", TEXT_LANG_ZH, false, UI_READER_SIDE_BY_SIDE},
};

static const char *arr_name(enum ui_reader_arrangement a)
{
    return a == UI_READER_SIDE_BY_SIDE ? "side by side"
           : a == UI_READER_UNDER      ? "summary under"
                                       : "stacked";
}

/* Side by side only when each column holds enough of its script, measured
 * on the report's own text; never wider than the view; English ragged
 * when its lines are short, justified only when long. */
static void test_arrangement(const struct panel *p, enum text_lang l,
                             bool summary, bool large, double *worst_gap,
                             uint32_t *over2, uint32_t *lines)
{
    struct ui_metrics m;
    metrics_of(&m, p, l, large);
    struct ui_reader *r = ui_reader_create(fonts);
    ui_reader_set(r, ex, &m, area_of(&m), summary);
    SDL_Rect v = ui_reader_view(r);
    enum ui_reader_arrangement arr = ui_reader_arrangement(r);
    char what[96];
    snprintf(what, sizeof what, "%s %s%s%s", p->name, lang_name[l],
             summary ? " summary" : "", large ? " larger" : "");
    int size = ui_text_px_in(&m, ui_scale_of(area_of(&m).w, area_of(&m).h),
                             m.type.lead);
    int shown = 0, too_wide = 0, narrow = 0;
    for (int k = 0; k < TEXT_LANG_COUNT; k++) {
        struct ui_reader_measure me;
        if (!ui_reader_measure(r, (enum text_lang)k, &me))
            continue;
        shown++;
        too_wide += me.width > v.w;
        double chars = me.width / report_char_px((enum text_lang)k, size);
        int least = k == TEXT_LANG_ZH ? READER_MIN_CHARS_HAN
                                      : READER_MIN_CHARS_LATIN;
        /* a tenth of slack: the reader measures a sample of prose */
        if (arr != UI_READER_STACKED && chars < least * 0.9)
            narrow++;
    }
    CHECK(too_wide == 0 && narrow == 0 && shown > 0,
          "%s: %s, %d texts, none wider than the view (%d), no column "
          "under its least measure (%d)", what, arr_name(arr), shown,
          too_wide, narrow);
    /* Stacked only when two columns would not have held the English (or
     * the Chinese). */
    if (arr == UI_READER_STACKED && shown > 1) {
        int gap = size * 3 / 2;
        double half = (v.w - gap) / 2.0;
        double en = half / report_char_px(TEXT_LANG_EN, size);
        double zh = half / report_char_px(TEXT_LANG_ZH, size);
        CHECK(en < READER_MIN_CHARS_LATIN * 1.1 ||
                  zh < READER_MIN_CHARS_HAN * 1.1,
              "%s: stacked, two columns would hold %.0f Latin / %.0f Han",
              what, en, zh);
    }
    for (size_t i = 0; !large && i < sizeof expected / sizeof *expected;
         i++)
        if (strcmp(expected[i].panel, p->name) == 0 &&
            expected[i].lang == l && expected[i].summary == summary)
            CHECK(arr == expected[i].arr, "%s: %s (expected %s)", what,
                  arr_name(arr), arr_name(expected[i].arr));
    /* English: ragged when short, and then every gap a plain space. */
    struct ui_reader_measure en;
    if (ui_reader_measure(r, TEXT_LANG_EN, &en)) {
        double cpl = ui_reader_chars_per_line(r, TEXT_LANG_EN);
        struct ui_reader_gaps g = ui_reader_word_gaps(r, TEXT_LANG_EN);
        if (cpl < READER_JUSTIFY_CHARS - 5)
            CHECK(en.align == TEXT_ALIGN_START && g.worst < 1.01,
                  "%s: %.1f characters a line of English, ragged "
                  "(worst gap %.2f spaces)", what, cpl, g.worst);
        if (en.align == TEXT_ALIGN_JUSTIFY)
            CHECK(cpl >= READER_JUSTIFY_CHARS - 5 &&
                      g.worst <= READER_GAP_MAX + 0.01,
                  "%s: justified at %.1f characters a line, worst gap "
                  "%.2f spaces", what, cpl, g.worst);
        if (getenv("READER_GAPS"))
            printf("%s: %.1f chars, align %d, worst %.2f, %u/%u over 2\n",
                   what, cpl, en.align, g.worst, g.over2, g.lines);
        if (g.worst > *worst_gap)
            *worst_gap = g.worst;
        *over2 += g.over2;
        *lines += g.lines;
    }
    /* The Uyghur interface shows the summaries, with the full text unless
     * the summary alone was asked for; zh/en summaries beside the
     * visitor's own language, filling the width when side by side. */
    bool zh = ui_reader_measure(r, TEXT_LANG_ZH, &en);
    bool enx = ui_reader_measure(r, TEXT_LANG_EN, &en);
    bool ug = ui_reader_measure(r, TEXT_LANG_UG, &en);
    if (l == TEXT_LANG_UG)
        CHECK(ug && zh == !summary && enx == !summary,
              "%s: the summaries shown (%d), Chinese %d, English %d", what,
              ug, zh, enx);
    else if (summary)
        CHECK(ug && (l == TEXT_LANG_ZH ? zh : enx),
              "%s: the summary beside the %s text", what, lang_name[l]);
    else
        CHECK(!ug && zh && enx, "%s: Chinese and English", what);
    if (arr == UI_READER_SIDE_BY_SIDE && shown > 1) {
        int used = 0;
        struct ui_reader_measure me;
        for (int k = 0; k < TEXT_LANG_COUNT; k++)
            if (ui_reader_measure(r, (enum text_lang)k, &me))
                used += me.width;
        int max_w = (int)(READER_MAX_CHARS *
                          report_char_px(TEXT_LANG_EN, size));
        CHECK(used >= v.w * 7 / 10 || used >= shown * max_w * 9 / 10,
              "%s: the columns use %d of %d px", what, used, v.w);
    }
    ui_reader_destroy(r);
}

/* ---- mentions ------------------------------------------------------------ */

static void test_mentions(const struct panel *p, enum text_lang l,
                          bool summary, bool large)
{
    struct ui_metrics m;
    metrics_of(&m, p, l, large);
    struct ui_reader *r = ui_reader_create(fonts);
    ui_reader_set(r, ex, &m, area_of(&m), summary);
    SDL_Rect v = ui_reader_view(r);
    struct ui_reader_target t[256];
    int seen = 0, small = 0, missed = 0, covers = 0;
    double least = 1e9;
    /* Whole lines at the view's top: a step of a third of the view. */
    float max = ui_reader_max_offset(r);
    for (float o = 0;; o += (float)v.h / 3) {
        if (o > max)
            o = max;
        ui_reader_set_offset(r, o);
        size_t n = ui_reader_targets(r, t, 256);
        for (size_t i = 0; i < n && i < 256; i++) {
            seen++;
            /* m.target: UI_TARGET_MM, rounded to px */
            least = fmin(least, ui_px_to_mm(&m, t[i].rect.w < t[i].rect.h
                                                    ? t[i].rect.w
                                                    : t[i].rect.h));
            /* a whole target, unless the view's edge cuts it */
            bool cut = t[i].rect.y == v.y ||
                       t[i].rect.y + t[i].rect.h == v.y + v.h;
            small += t[i].rect.w < m.target ||
                     (t[i].rect.h < m.target && !cut);
            struct ui_reader_hit hit = ui_reader_hit(
                r, t[i].rect.x + t[i].rect.w / 2,
                t[i].rect.y + t[i].rect.h / 2);
            struct ui_reader_hit hw = ui_reader_hit(
                r, t[i].word.x + t[i].word.w / 2,
                t[i].word.y + t[i].word.h / 2);
            missed += hw.mention != (int)t[i].mention ||
                      hw.passage != (int)t[i].passage || hw.lang != t[i].lang;
            (void)hit;
            for (size_t j = 0; j < n && j < 256; j++) {
                SDL_Rect both;
                /* areas may touch, never overlap */
                if (j != i && SDL_IntersectRect(&t[i].rect, &t[j].rect, &both))
                    covers++;
            }
        }
        if (o >= max)
            break;
    }
    CHECK(seen > 0 && small == 0 && missed == 0 && covers == 0,
          "%s %s%s%s: %d mention targets, under 9 mm %d (least %.1f mm), a "
          "tap on the word finds another %d, overlapping another's %d",
          p->name, lang_name[l], summary ? " summary" : "",
          large ? " larger" : "", seen, small, least, missed, covers);
    ui_reader_destroy(r);
}

/* The state dump's mention targets are the touch areas. */
static void test_dump_targets(void)
{
    struct run u;
    if (!open_run(&u, &panels[0], TEXT_LANG_EN))
        goto out;
    /* the passage naming the four prefectures */
    for (uint32_t i = 0; i < ex->passage_count; i++)
        if (strcmp(ex->passages[i].id, "conference") == 0)
            scroll_to(&u, ui_reader_passage_offset(u.a->reader, i));
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    exhibit_app_write_state(u.a, f);
    fclose(f);
    int n = 0, small = 0;
    for (const char *s = buf; (s = strstr(s, "{\"id\":\"mention:")); s++) {
        int w = 0, h = 0;
        const char *q = strstr(s, "\"w\":");
        if (q)
            sscanf(q, "\"w\":%d,\"h\":%d", &w, &h);
        n++;
        small += w < u.a->m.target || h < u.a->m.target;
    }
    CHECK(n > 0 && small == 0,
          "7\": %d mention targets in the state, %d under %d px", n, small,
          u.a->m.target);
    free(buf);
out:
    close_run(&u);
}

/* ---- edges ------------------------------------------------------------------- */

/* A line the view's edge cuts is faded (the alpha rule), and on screen no
 * full-strength ink touches the view's edges while more lies beyond. */
static void test_edges(void)
{
    CHECK(ui_view_line_alpha(255, 1) == 255 &&
              ui_view_line_alpha(255, 0.5) <= 16 &&
              ui_view_line_alpha(255, 0) == 0 &&
              ui_view_line_alpha(255, 0.9) < 200,
          "cut lines fade: %d at a half, %d at nine tenths",
          ui_view_line_alpha(255, 0.5), ui_view_line_alpha(255, 0.9));
    struct run u;
    if (!open_run(&u, &panels[0], TEXT_LANG_EN))
        goto out;
    const struct ui_reader *r = u.a->reader;
    SDL_Rect v = ui_reader_view(r);
    int dark_edges = 0, tries = 0;
    for (float o = 37; o < ui_reader_max_offset(r); o += 411) {
        scroll_to(&u, o);
        view_ink(&u);
        SDL_Surface *s = u.t->surface;
        int darkest = 765;
        for (int y = 0; y < 3; y++)
            for (int x = v.x; x < v.x + v.w - 12; x++) {
                int ys[2] = {v.y + y, v.y + v.h - 1 - y};
                for (int k = 0; k < 2; k++) {
                    Uint8 cr, cg, cb;
                    SDL_GetRGB(((Uint32 *)s->pixels)[ys[k] * (s->pitch / 4) +
                                                     x],
                               s->format, &cr, &cg, &cb);
                    if (cr + cg + cb < darkest)
                        darkest = cr + cg + cb;
                }
            }
        tries++;
        dark_edges += darkest < 500; /* the paper is about 720 */
    }
    CHECK(tries > 5 && dark_edges == 0,
          "7\": %d of %d offsets show dark ink at the view's edge", dark_edges,
          tries);
out:
    close_run(&u);
}

/* Where the bar leaves too little room (7" with larger text), the toggle
 * sits at the report's top and scrolls with it: reachable at the top;
 * once tapped it goes up out of the view, the first passage's top at the
 * view's top (what was asked for shows), and a scroll back of its height
 * brings it again; the report is laid out, not empty. */
static void test_toggle_scrolls(void)
{
    for (int l = 0; l < TEXT_LANG_COUNT; l++) {
        struct run u;
        if (!open_run(&u, &panels[0], (enum text_lang)l))
            goto next;
        tap_id(&u, "nav:text-size");
        const struct ui_reader *r = u.a->reader;
        int x, y;
        bool at_top = exhibit_app_target(u.a, "nav:summary", &x, &y);
        tap_id(&u, "nav:summary");
        bool scrolls = ui_reader_lead(r) > 0;
        bool after = exhibit_app_target(u.a, "nav:summary", &x, &y);
        float first = ui_reader_offset(r);
        bool summary = u.a->summary;
        scroll_to(&u, 0);
        bool back = exhibit_app_target(u.a, "nav:summary", &x, &y);
        scroll_to(&u, ui_reader_max_offset(r));
        bool far = exhibit_app_target(u.a, "nav:summary", &x, &y);
        CHECK(ui_reader_top_passage(r) >= 0 && at_top && summary && back &&
                  after == !scrolls && far == !scrolls &&
                  (!scrolls || first == (float)ui_reader_lead(r)),
              "7\" %s larger: the toggle %s; at the top %d, after a tap %d "
              "(offset %.0f of a %d px lead; summary %d), scrolled back %d, "
              "at the end %d", lang_name[l],
              scrolls ? "scrolls with the report" : "stays above it", at_top,
              after, (double)first, ui_reader_lead(r), summary, back, far);
    next:
        close_run(&u);
    }
}

/* About keeps its section across a text-size change. */
static void test_about(void)
{
    struct run u;
    if (!open_run(&u, &panels[0], TEXT_LANG_EN))
        goto out;
    tap_id(&u, "nav:back");
    if (!CHECK(tap_id(&u, "nav:about"), "About opens"))
        goto out;
    struct ui_about *ab = &u.a->about;
    float max = ui_about_max_offset(ab);
    if (!CHECK(max > 0 && ab->sections > 2, "About scrolls (%.0f px)", max))
        goto out;
    uint32_t want_sec = 1;
    while (want_sec + 1 < ab->sections &&
           (float)ab->section_y[want_sec + 1] + 5 < max)
        want_sec++;
    float o = (float)ab->section_y[want_sec] + 5;
    u.now += 50;
    exhibit_app_scroll(u.a, o - ui_about_offset(ab), u.now);
    uint32_t want = ab->anchor;
    tap_id(&u, "nav:text-size");
    float at = ui_about_offset(ab);
    uint32_t sec = 0;
    while (sec + 1 < ab->sections && (float)ab->section_y[sec + 1] <= at)
        sec++;
    CHECK(want == want_sec &&
              (sec == want || at >= ui_about_max_offset(ab) - 0.5f),
          "About: section %u at the top after the text size changed (%u)",
          want, sec);
out:
    close_run(&u);
}

int main(void)
{
    if (!render_headless_init())
        return 1;
    if (!shipped_load(&fonts, &ex))
        return 1;
    double worst = 1;
    uint32_t over2 = 0, lines = 0;
    for (size_t p = 0; p < PANELS; p++)
        for (int l = 0; l < TEXT_LANG_COUNT; l++)
            for (int s = 0; s < 2; s++)
                for (int large = 0; large < 2; large++) {
                    test_arrangement(&panels[p], (enum text_lang)l, s, large,
                                     &worst, &over2, &lines);
                    test_mentions(&panels[p], (enum text_lang)l, s, large);
                }
    printf("English word gaps over all panels: worst %.2f spaces, %u of %u "
           "lines over twice a space\n", worst, over2, lines);
    CHECK(worst <= READER_GAP_MAX + 0.01,
          "English word gaps at most %.1f spaces (%.2f)", READER_GAP_MAX,
          worst);
    test_dump_targets();
    test_edges();
    test_about();
    test_toggle_scrolls();
    /* Every passage on the two small panels and 1080p (pixels on the
     * small ones), every third elsewhere: a toggle lays out every screen. */
    for (size_t p = 0; p < PANELS; p++) {
        bool small = panels[p].w * panels[p].h <= 1280 * 720;
        bool every = small || strcmp(panels[p].name, "21in") == 0;
        for (int l = 0; l < TEXT_LANG_COUNT; l++)
            test_toggle(&panels[p], (enum text_lang)l, small, every ? 1 : 3);
    }
    content_destroy(ex);
    text_fonts_destroy(fonts);
    render_headless_quit();
    return check_finish("test_reader");
}
