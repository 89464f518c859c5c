/* bench_text.c: `make bench` for the text engine and text drawing.
 *
 * Prints, for the whole report in English and in Chinese at the reader's
 * 1080p column width: milliseconds per full layout (median of many runs),
 * glyphs per second; what hyphenation (English) and punctuation compression
 * (Chinese) cost, on and off alternately; then the time to draw a full 1920x1080 screen of
 * cached text with the software renderer, and the atlas's memory.  Asserts
 * nothing: it is for reading and comparing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>

#include "bench.h"
#include "check.h"
#include "core/diag.h"
#include "render/atlas.h"
#include "render/draw_text.h"
#include "render/headless.h"
#include "text/font.h"
#include "text/layout.h"

#define COLUMN_PX 800 /* one of the reader's two columns at 1920 px */
#define BODY_PX 28
#define RUNS 31

struct report {
    char **passages;
    size_t count;
};

/* Reads content/report/LANG.txt: "## id" lines start passages, '#' lines
 * are comments, {shown|place} marks keep their shown text. */
static bool report_read(const char *path, struct report *r)
{
    size_t len;
    char *s = check_read_file(path, &len);
    if (!s) {
        fprintf(stderr, "bench: cannot read %s\n", path);
        return false;
    }
    memset(r, 0, sizeof *r);
    char *cur = NULL;
    size_t cur_len = 0;
    for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "## ", 3) == 0) {
            r->passages = realloc(r->passages,
                                  (r->count + 1) * sizeof *r->passages);
            cur = r->passages[r->count++] = calloc(1, len + 1);
            cur_len = 0;
            continue;
        }
        if (line[0] == '#' || !cur)
            continue;
        for (char *p = line; *p; p++) {
            if (*p == '{' || *p == '}')
                continue;
            if (*p == '|') { /* skip the place id */
                while (*p && *p != '}')
                    p++;
                if (!*p)
                    break;
                continue;
            }
            cur[cur_len++] = *p;
        }
        cur[cur_len++] = ' ';
    }
    free(s);
    return r->count > 0;
}

static void report_free(struct report *r)
{
    for (size_t i = 0; i < r->count; i++)
        free(r->passages[i]);
    free(r->passages);
}

static double layout_all(const struct text_fonts *fonts,
                         const struct report *r, enum text_lang lang,
                         size_t *glyphs)
{
    struct text_params p = {
        .role = text_fonts_role(fonts, "body"),
        .lang = lang,
        .size_px = BODY_PX,
        .width_px = COLUMN_PX,
        .align = TEXT_ALIGN_JUSTIFY,
    };
    double t0 = bench_now_ms();
    *glyphs = 0;
    for (size_t i = 0; i < r->count; i++) {
        struct text_layout *l = text_layout_create(
            fonts, &p, r->passages[i], strlen(r->passages[i]));
        *glyphs += l->glyph_count;
        text_layout_destroy(l);
    }
    return bench_now_ms() - t0;
}

static void bench_layout(const struct text_fonts *fonts, const char *lang_s,
                         enum text_lang lang)
{
    char path[64];
    snprintf(path, sizeof path, "content/report/%s.txt", lang_s);
    struct report r;
    if (!report_read(path, &r))
        return;
    double ms[RUNS];
    size_t glyphs = 0;
    layout_all(fonts, &r, lang, &glyphs); /* warm caches */
    for (int i = 0; i < RUNS; i++)
        ms[i] = layout_all(fonts, &r, lang, &glyphs);
    double med = bench_median(ms, RUNS);
    printf("layout %s: %zu passages, %zu glyphs, full layout %.2f ms "
           "(median of %d; min %.2f max %.2f), %.2f M glyphs/s\n",
           lang_s, r.count, glyphs, med, RUNS, bench_min(ms, RUNS),
           bench_max(ms, RUNS), glyphs / med / 1000.0);
    report_free(&r);
}

/* Turns one typographic feature off (on = false) or back on. */
typedef void (*feature_fn)(struct text_fonts *fonts, bool on, void **saved);

static void hyphenation(struct text_fonts *fonts, bool on, void **saved)
{
    if (!on) {
        *saved = fonts->hyph[TEXT_LANG_EN];
        fonts->hyph[TEXT_LANG_EN] = NULL;
    } else {
        fonts->hyph[TEXT_LANG_EN] = *saved;
    }
}

/* Compression needs a face with `halt`; without it every mark keeps its
 * em (the classes are still looked at). */
static void compression(struct text_fonts *fonts, bool on, void **saved)
{
    static bool had[64];
    for (size_t i = 0; i < fonts->face_count && i < 64; i++) {
        if (!on) {
            had[i] = fonts->faces[i].halt;
            fonts->faces[i].halt = false;
        } else {
            fonts->faces[i].halt = had[i];
        }
    }
    (void)saved;
}

/* The cost of one feature: full layouts with it on and off, alternating in
 * one run so the machine's noise falls on both alike. */
static void bench_feature(struct text_fonts *fonts, const char *lang_s,
                          enum text_lang lang, const char *what,
                          feature_fn fn)
{
    char path[64];
    snprintf(path, sizeof path, "content/report/%s.txt", lang_s);
    struct report r;
    if (!report_read(path, &r))
        return;
    double on[RUNS], off[RUNS];
    size_t g_on = 0, g_off = 0;
    void *saved = NULL;
    layout_all(fonts, &r, lang, &g_on);
    for (int i = 0; i < RUNS; i++) {
        on[i] = layout_all(fonts, &r, lang, &g_on);
        fn(fonts, false, &saved);
        off[i] = layout_all(fonts, &r, lang, &g_off);
        fn(fonts, true, &saved);
    }
    double mon = bench_median(on, RUNS), moff = bench_median(off, RUNS);
    printf("layout %s, %s: on %.2f ms, off %.2f ms (medians of %d, "
           "alternating): costs %.2f ms, x%.2f\n", lang_s, what, mon, moff,
           RUNS, mon - moff, moff > 0 ? mon / moff : 0);
    report_free(&r);
}

/* Fills a 1920x1080 screen with text: English and Chinese columns of the
 * report, as many passages as fit. */
static void bench_draw(const struct text_fonts *fonts)
{
    struct report en, zh;
    if (!report_read("content/report/en.txt", &en))
        return;
    if (!report_read("content/report/zh.txt", &zh)) {
        report_free(&en);
        return;
    }
    if (!render_headless_init())
        return;
    struct render_target *t = render_target_create(1920, 1080);
    struct atlas *atlas = atlas_create(t->renderer, fonts, NULL);
    struct text_layout *lay[64];
    int xs[64], ys[64], n = 0;
    for (int col = 0; col < 2; col++) {
        const struct report *r = col ? &zh : &en;
        struct text_params p = {
            .role = text_fonts_role(fonts, "body"),
            .lang = col ? TEXT_LANG_ZH : TEXT_LANG_EN,
            .size_px = BODY_PX,
            .width_px = COLUMN_PX,
            .align = TEXT_ALIGN_JUSTIFY,
        };
        int y = 60;
        for (size_t i = 0; i < r->count && n < 64 && y < 1080; i++) {
            lay[n] = text_layout_create(fonts, &p, r->passages[i],
                                        strlen(r->passages[i]));
            xs[n] = col ? 1000 : 120;
            ys[n] = y;
            y += lay[n]->height / TEXT_ONE + 24;
            n++;
        }
    }
    size_t glyphs = 0;
    for (int i = 0; i < n; i++)
        glyphs += lay[i]->glyph_count;
    SDL_Color ink = {0x22, 0x1e, 0x1a, 0xff};
    double ms[RUNS];
    for (int k = -1; k < RUNS; k++) { /* k = -1 fills the atlas */
        double t0 = bench_now_ms();
        SDL_SetRenderDrawColor(t->renderer, 0xf7, 0xf3, 0xea, 0xff);
        SDL_RenderClear(t->renderer);
        for (int i = 0; i < n; i++)
            render_text_layout(t->renderer, atlas, lay[i], xs[i], ys[i], ink);
        render_target_flush(t);
        if (k >= 0)
            ms[k] = bench_now_ms() - t0;
    }
    const struct atlas_stats *st = atlas_stats(atlas);
    printf("draw 1920x1080 cached text: %zu glyphs in %d paragraphs, "
           "%.2f ms per frame (median of %d; min %.2f max %.2f)\n",
           glyphs, n, bench_median(ms, RUNS), RUNS, bench_min(ms, RUNS),
           bench_max(ms, RUNS));
    printf("atlas: %u glyphs rasterised, %u page(s), %.1f MiB of texture\n",
           (unsigned)st->rasterised, (unsigned)st->pages,
           st->texture_bytes / 1048576.0);
    for (int i = 0; i < n; i++)
        text_layout_destroy(lay[i]);
    atlas_destroy(atlas);
    render_target_destroy(t);
    render_headless_quit();
    report_free(&en);
    report_free(&zh);
}

int main(void)
{
    struct diag_list d;
    diag_list_init(&d);
    double t0 = bench_now_ms();
    struct text_fonts *fonts = text_fonts_load("fonts/manifest.txt", &d);
    if (!fonts) {
        diag_list_print(&d, stderr);
        return 1;
    }
    printf("fonts: %zu faces loaded in %.2f ms\n", fonts->face_count,
           bench_now_ms() - t0);
    diag_list_fini(&d);
    bench_layout(fonts, "en", TEXT_LANG_EN);
    bench_layout(fonts, "zh", TEXT_LANG_ZH);
    bench_feature(fonts, "en", TEXT_LANG_EN, "hyphenation", hyphenation);
    bench_feature(fonts, "zh", TEXT_LANG_ZH, "punctuation compression",
                  compression);
    bench_draw(fonts);
    text_fonts_destroy(fonts);
    return 0;
}
