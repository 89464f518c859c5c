/* test_atlas.c: the glyph atlas and glyph drawing, headless.
 *
 * Every glyph the atlas hands out is checked against a fresh FreeType
 * rendering drawn through the same SDL path, so a stale hash entry (a key
 * whose rectangle now holds another glyph) cannot pass.  Page fullness is
 * never guessed: a dry run with room for many pages records where each
 * glyph lands, and the eviction tests replay the same sequence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "check.h"
#include "core/diag.h"
#include "core/log.h"
#include "core/utf8.h"
#include "render/atlas.h"
#include "render/draw_text.h"
#include "render/headless.h"
#include "text/font.h"
#include "text/layout.h"

#define MAX_GLYPHS 64

/* Distinct, similar-sized CJK characters. */
static const char CJK[] =
    "的是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得"
    "可你年生自会那后能对着事其里所去行过家用发天如然作方成者多日都小军";

static struct text_fonts *fonts;
static struct render_target *target;
static uint16_t hani, latn;

static uint16_t face_for(hb_script_t script)
{
    const struct text_role *body = text_fonts_role(fonts, "body");
    for (size_t i = 0; i < body->count; i++)
        if (body->script[i] == script)
            return (uint16_t)body->face[i];
    return 0;
}

static uint32_t gid(uint16_t face, uint32_t cp)
{
    return FT_Get_Char_Index(fonts->faces[face].ft_face, cp);
}

/* The glyph ids of the first `max` characters of CJK. */
static size_t cjk_glyphs(uint32_t *out, size_t max)
{
    size_t n = 0, used;
    for (const char *s = CJK; *s && n < max; s += used)
        out[n++] = gid(hani, utf8_decode(s, strlen(s), &used));
    return n;
}

static uint32_t pixel(int x, int y)
{
    const SDL_Surface *s = target->surface;
    const uint8_t *row = (const uint8_t *)s->pixels + (size_t)y * s->pitch;
    return ((const uint32_t *)row)[x];
}

static void clear(uint8_t v)
{
    SDL_SetRenderDrawColor(target->renderer, v, v, v, 255);
    SDL_RenderClear(target->renderer);
}

/* Draws `ag` white on black at (2, 2) and compares every pixel of it and a
 * 2-pixel frame around it with a fresh FreeType rendering of the key. */
static bool matches_freetype(const struct atlas_glyph *ag, uint16_t face,
                             uint32_t glyph, int size)
{
    FT_Face ft = fonts->faces[face].ft_face;
    FT_Set_Pixel_Sizes(ft, 0, (FT_UInt)size);
    if (FT_Load_Glyph(ft, glyph, ATLAS_FT_LOAD_FLAGS) != 0 ||
        FT_Render_Glyph(ft->glyph, ATLAS_FT_RENDER_MODE) != 0)
        return CHECK(false, "FreeType cannot render glyph %u", glyph);
    const FT_Bitmap *bm = &ft->glyph->bitmap;
    int w = (int)bm->width, h = (int)bm->rows;
    if (!CHECK(ag->rect.w == w && ag->rect.h == h &&
               ag->left == ft->glyph->bitmap_left &&
               ag->top == ft->glyph->bitmap_top,
               "glyph %u@%d: atlas %dx%d%+d%+d, FreeType %dx%d%+d%+d", glyph,
               size, ag->rect.w, ag->rect.h, ag->left, ag->top, w, h,
               ft->glyph->bitmap_left, ft->glyph->bitmap_top))
        return false;
    if (w == 0)
        return CHECK(ag->texture == NULL, "empty glyph has a texture");
    /* Draw the padding to the right and below too: it must be clear even
     * where an evicted glyph used to be. */
    int tw, th;
    SDL_QueryTexture(ag->texture, NULL, NULL, &tw, &th);
    SDL_Rect src = ag->rect;
    if (src.x + w + ATLAS_PADDING <= tw)
        src.w += ATLAS_PADDING;
    if (src.y + h + ATLAS_PADDING <= th)
        src.h += ATLAS_PADDING;
    clear(0);
    SDL_SetTextureColorMod(ag->texture, 255, 255, 255);
    SDL_SetTextureAlphaMod(ag->texture, 255);
    SDL_Rect dst = {2, 2, src.w, src.h};
    SDL_RenderCopy(target->renderer, ag->texture, &src, &dst);
    render_target_flush(target);
    int worst = 0;
    for (int y = -2; y < h + 2; y++) {
        for (int x = -2; x < w + 2; x++) {
            int want = 0;
            if (x >= 0 && y >= 0 && x < w && y < h)
                want = bm->buffer[y * bm->pitch + x];
            int got = (int)((pixel(2 + x, 2 + y) >> 16) & 0xff);
            int d = abs(got - want);
            worst = d > worst ? d : worst;
        }
    }
    return CHECK(worst <= 1, "glyph %u@%d differs from FreeType by %d",
                 glyph, size, worst);
}

static struct atlas *tiny_atlas(int max_pages)
{
    struct atlas_config cfg = {128, 128, max_pages, ATLAS_TINT_AUTO};
    return atlas_create(target->renderer, fonts, &cfg);
}

static void test_cache_hits(void)
{
    struct atlas *a = atlas_create(target->renderer, fonts, NULL);
    const struct atlas_stats *st = atlas_stats(a);
    uint32_t yi = gid(hani, 0x4E00); /* 一 */
    const struct atlas_glyph *g = atlas_lookup(a, hani, yi, 48, ATLAS_WHITE);
    CHECK(g && g->texture && g->rect.w > 20 && g->page == 0,
          "first lookup gives a bitmap on page 0");
    CHECK(st->rasterised == 1 && st->hits == 0 && st->pages == 1,
          "rasterised %llu hits %llu pages %u",
          (unsigned long long)st->rasterised, (unsigned long long)st->hits,
          st->pages);
    SDL_Rect first = g->rect;
    g = atlas_lookup(a, hani, yi, 48, ATLAS_WHITE);
    CHECK(g && st->rasterised == 1 && st->hits == 1,
          "second lookup is a hit");
    CHECK(g && SDL_RectEquals(&first, &g->rect), "same rectangle");
    matches_freetype(g, hani, yi, 48);

    g = atlas_lookup(a, hani, yi, 49, ATLAS_WHITE);
    CHECK(g && st->rasterised == 2, "another size is another glyph");
    g = atlas_lookup(a, latn, gid(latn, 'I'), 48, ATLAS_WHITE);
    CHECK(g && st->rasterised == 3 && st->glyphs == 3,
          "another face is another glyph");

    uint32_t sp = gid(latn, ' ');
    g = atlas_lookup(a, latn, sp, 28, ATLAS_WHITE);
    CHECK(g && !g->texture && g->rect.w == 0 && g->rect.h == 0 &&
          g->page == -1, "space is an empty entry");
    g = atlas_lookup(a, latn, sp, 28, ATLAS_WHITE);
    CHECK(g && st->rasterised == 4 && st->hits == 2,
          "space is cached: rasterised %llu",
          (unsigned long long)st->rasterised);

    CHECK(!atlas_lookup(a, (uint16_t)fonts->face_count, 1, 28, ATLAS_WHITE),
          "face out of range");
    CHECK(!atlas_lookup(a, hani, yi, 0, ATLAS_WHITE), "size 0");
    CHECK(!atlas_lookup(a, hani, yi, TEXT_MAX_SIZE_PX + 1, ATLAS_WHITE), "size too big");
    CHECK(st->lookups == st->hits + st->rasterised,
          "lookups = hits + rasterised");
    CHECK(st->texture_bytes == (uint64_t)ATLAS_DEFAULT_PAGE_SIZE *
                                   ATLAS_DEFAULT_PAGE_SIZE * 4,
          "one default page: %llu bytes",
          (unsigned long long)st->texture_bytes);

    atlas_clear(a);
    CHECK(st->glyphs == 0 && st->pages == 0 && st->texture_bytes == 0,
          "clear forgets everything");
    g = atlas_lookup(a, hani, yi, 48, ATLAS_WHITE);
    CHECK(g && st->rasterised == 5, "after clear, rasterised again");
    matches_freetype(g, hani, yi, 48);
    atlas_destroy(a);
    atlas_destroy(NULL);
}

static void test_oversize(void)
{
    struct atlas_config cfg = {32, 32, 1, ATLAS_TINT_AUTO};
    struct atlas *a = atlas_create(target->renderer, fonts, &cfg);
    const struct atlas_stats *st = atlas_stats(a);
    uint32_t g0 = gid(hani, 0x56FD); /* 国 */
    enum log_level level = log_get_level();
    log_set_level(LOG_LEVEL_ERROR); /* the warning is expected */
    const struct atlas_glyph *g = atlas_lookup(a, hani, g0, 100, ATLAS_WHITE);
    log_set_level(level);
    CHECK(g && !g->texture && st->failures == 1,
          "a glyph larger than a page is an empty entry");
    g = atlas_lookup(a, hani, g0, 100, ATLAS_WHITE);
    CHECK(g && st->rasterised == 1 && st->failures == 1,
          "and is not tried again");
    atlas_destroy(a);
}

/* Records on which page each of the glyphs lands with room for 64 pages. */
static void dry_run(const uint32_t *glyphs, size_t n, int size, int *page)
{
    struct atlas *a = tiny_atlas(64);
    for (size_t i = 0; i < n; i++) {
        const struct atlas_glyph *g = atlas_lookup(a, hani, glyphs[i], size, ATLAS_WHITE);
        page[i] = g ? g->page : -2;
    }
    CHECK(atlas_stats(a)->evictions == 0, "dry run never evicts");
    atlas_destroy(a);
}

static void test_growth(void)
{
    uint32_t glyphs[MAX_GLYPHS];
    size_t n = cjk_glyphs(glyphs, 24);
    struct atlas *a = tiny_atlas(16);
    const struct atlas_stats *st = atlas_stats(a);
    for (size_t i = 0; i < n; i++)
        atlas_lookup(a, hani, glyphs[i], 56, ATLAS_WHITE);
    CHECK(st->pages >= 4 && st->evictions == 0 && st->rasterised == n,
          "24 glyphs of 56 px fill several 128x128 pages: %u pages",
          st->pages);
    CHECK(st->texture_bytes == (uint64_t)st->pages * 128 * 128 * 4,
          "texture bytes %llu", (unsigned long long)st->texture_bytes);
    for (size_t i = 0; i < n; i++) {
        const struct atlas_glyph *g = atlas_lookup(a, hani, glyphs[i], 56, ATLAS_WHITE);
        matches_freetype(g, hani, glyphs[i], 56);
    }
    CHECK(st->rasterised == n && st->hits == n, "all hits the second time");
    atlas_destroy(a);
}

/* Fills two pages, then looks up one more glyph that needs a third.
 * With `touch`, a glyph of page 0 is looked up just before. */
static void test_eviction(bool touch)
{
    enum { SIZE = 56 };
    uint32_t glyphs[MAX_GLYPHS];
    int page[MAX_GLYPHS];
    size_t n = cjk_glyphs(glyphs, MAX_GLYPHS);
    dry_run(glyphs, n, SIZE, page);
    size_t full = 0; /* the first glyph that needs a third page */
    while (full < n && page[full] < 2)
        full++;
    if (!CHECK(full < n && full >= 4, "dry run fills two pages (%zu)", full))
        return;

    /* Without a touch the LRU page is the one filled least recently. */
    size_t last[2] = {0, 0};
    for (size_t i = 0; i < full; i++)
        last[page[i]] = i;
    int expect = touch ? 1 : (last[0] < last[1] ? 0 : 1);
    int survivor = 1 - expect;
    size_t on_evicted = 0;
    for (size_t i = 0; i < full; i++)
        on_evicted += page[i] == expect;

    struct atlas *a = tiny_atlas(2);
    const struct atlas_stats *st = atlas_stats(a);
    for (size_t i = 0; i < full; i++) {
        const struct atlas_glyph *g = atlas_lookup(a, hani, glyphs[i], SIZE, ATLAS_WHITE);
        CHECK(g && g->page == page[i], "glyph %zu on page %d as in the dry run",
              i, page[i]);
    }
    CHECK(st->pages == 2 && st->evictions == 0, "two pages, no eviction");
    if (touch) {
        size_t first0 = 0;
        while (page[first0] != 0)
            first0++;
        atlas_lookup(a, hani, glyphs[first0], SIZE, ATLAS_WHITE);
    }
    const struct atlas_glyph *g = atlas_lookup(a, hani, glyphs[full], SIZE, ATLAS_WHITE);
    CHECK(g && g->page == expect, "%s: new glyph on page %d, evicted %d",
          touch ? "touched" : "untouched", g ? g->page : -9, expect);
    CHECK(st->evictions == 1 && st->evicted_glyphs == on_evicted &&
          st->pages == 2,
          "one page of %zu glyphs evicted: %llu evictions, %llu glyphs",
          on_evicted, (unsigned long long)st->evictions,
          (unsigned long long)st->evicted_glyphs);
    if (g)
        matches_freetype(g, hani, glyphs[full], SIZE);

    uint64_t before = st->rasterised;
    for (size_t i = 0; i < full; i++) {
        if (page[i] != survivor)
            continue;
        g = atlas_lookup(a, hani, glyphs[i], SIZE, ATLAS_WHITE);
        if (g)
            matches_freetype(g, hani, glyphs[i], SIZE);
    }
    CHECK(st->rasterised == before,
          "the surviving page's glyphs are hits: %llu re-rasterised",
          (unsigned long long)(st->rasterised - before));
    size_t victim = 0;
    while (page[victim] != expect)
        victim++;
    g = atlas_lookup(a, hani, glyphs[victim], SIZE, ATLAS_WHITE);
    CHECK(st->rasterised == before + 1 && st->evictions == 1,
          "an evicted glyph is rasterised again, without another eviction");
    if (g)
        matches_freetype(g, hani, glyphs[victim], SIZE);
    atlas_destroy(a);
}

/* Many lookups over more glyphs than fit, checking every answer. */
static void test_churn(void)
{
    uint32_t glyphs[MAX_GLYPHS];
    size_t n = cjk_glyphs(glyphs, 40);
    static const int sizes[] = {40, 56, 23};
    struct atlas *a = tiny_atlas(2);
    const struct atlas_stats *st = atlas_stats(a);
    unsigned seed = 12345;
    int bad = 0;
    for (int round = 0; round < 300 && bad < 3; round++) {
        seed = seed * 1103515245u + 12345u;
        size_t i = (seed >> 16) % n;
        int size = sizes[(seed >> 8) % 3];
        const struct atlas_glyph *g = atlas_lookup(a, hani, glyphs[i], size, ATLAS_WHITE);
        if (!g || !matches_freetype(g, hani, glyphs[i], size))
            bad++;
    }
    CHECK(bad == 0, "every churned lookup draws the right glyph");
    CHECK(st->evictions > 10 && st->hits > 0,
          "churn evicts (%llu) and hits (%llu)",
          (unsigned long long)st->evictions, (unsigned long long)st->hits);
    CHECK(st->lookups == st->hits + st->rasterised,
          "lookups = hits + rasterised");
    CHECK(st->rasterised - st->glyphs == st->evicted_glyphs,
          "every rasterised glyph is cached or was evicted");
    atlas_destroy(a);
}

static void test_round(void)
{
    static const struct {
        int32_t in;
        int out;
    } cases[] = {
        {0, 0},   {31, 0},   {32, 1},   {64, 1},   {95, 1},  {96, 2},
        {-31, 0}, {-32, 0},  {-33, -1}, {-96, -1}, {-97, -2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK(render_round26(cases[i].in) == cases[i].out,
              "round26(%d) = %d, want %d", cases[i].in,
              render_round26(cases[i].in), cases[i].out);
}

/* Draws two 一 of a hand-made layout, one raised by 10 px as a mark
 * would be, black on white, and checks that every pixel outside their
 * expected bitmap boxes is untouched and the boxes hold the glyph. */
static void test_draw(void)
{
    enum { SIZE = 64, OX = 20, OY = 30 };
    struct atlas *a = atlas_create(target->renderer, fonts, NULL);
    uint32_t yi = gid(hani, 0x4E00);
    struct text_glyph glyphs[2] = {
        {.id = yi, .x = 10 * 64 + 40, .y = 70 * 64 + 20},
        {.id = yi, .x = 100 * 64, .y = 60 * 64 + 20},
    };
    struct text_run run = {.face = hani, .glyph_count = 2};
    struct text_line line = {.top = 0, .height = 90 * 64,
                             .baseline = 70 * 64 + 20, .run_count = 1};
    struct text_layout layout = {
        .params = {.size_px = SIZE},
        .lines = &line, .line_count = 1,
        .runs = &run, .run_count = 1,
        .glyphs = glyphs, .glyph_count = 2,
    };
    clear(255);
    bool ok = render_text_layout(target->renderer, a, &layout, OX, OY,
                                 (SDL_Color){0, 0, 0, 255});
    render_target_flush(target);
    CHECK(ok, "render_text_layout succeeds");

    FT_Face ft = fonts->faces[hani].ft_face;
    FT_Set_Pixel_Sizes(ft, 0, SIZE);
    FT_Load_Glyph(ft, yi, ATLAS_FT_LOAD_FLAGS);
    FT_Render_Glyph(ft->glyph, ATLAS_FT_RENDER_MODE);
    const FT_Bitmap *bm = &ft->glyph->bitmap;
    int w = (int)bm->width, h = (int)bm->rows;
    /* x 10.625 -> 11, baseline 70.3 -> 70; the second pen is 10 px up. */
    SDL_Rect box[2] = {
        {OX + 11 + ft->glyph->bitmap_left, OY + 70 - ft->glyph->bitmap_top,
         w, h},
        {OX + 100 + ft->glyph->bitmap_left, OY + 60 - ft->glyph->bitmap_top,
         w, h},
    };
    int outside = 0, wrong = 0;
    for (int y = 0; y < target->height; y++) {
        for (int x = 0; x < target->width; x++) {
            int v = (int)(pixel(x, y) & 0xff);
            SDL_Point p = {x, y};
            int k = SDL_PointInRect(&p, &box[0]) ? 0
                    : SDL_PointInRect(&p, &box[1]) ? 1
                                                   : -1;
            if (k < 0) {
                outside += v != 255;
                continue;
            }
            int cov = bm->buffer[(y - box[k].y) * bm->pitch + x - box[k].x];
            wrong += abs(v - (255 - cov)) > 1;
        }
    }
    CHECK(w > 30 && h > 0 && h < 20, "一 is a wide, flat bitmap (%dx%d)", w,
          h);
    CHECK(outside == 0, "%d pixels drawn outside the glyph boxes", outside);
    CHECK(wrong == 0, "%d pixels inside the boxes differ from FreeType",
          wrong);
    int darkest = 255, cx = box[0].x + w / 2;
    for (int y = box[0].y; y < box[0].y + h; y++) {
        int v = (int)(pixel(cx, y) & 0xff);
        darkest = v < darkest ? v : darkest;
    }
    CHECK(darkest < 32, "the stroke's middle column is dark: %d", darkest);

    /* A line far outside the viewport is skipped without any lookup. */
    uint64_t lookups = atlas_stats(a)->lookups;
    render_text_layout(target->renderer, a, &layout, OX, 5000,
                       (SDL_Color){0, 0, 0, 255});
    CHECK(atlas_stats(a)->lookups == lookups, "off-screen line skipped");
    atlas_destroy(a);
}

/* Draws "Tacheng 塔城" in `ink` on paper with an atlas of the given tint
 * mode; returns a copy of the surface's pixels. */
static uint32_t *draw_sample(enum atlas_tint tint, SDL_Color ink,
                             struct atlas_stats *stats)
{
    static const char text[] = "Tacheng \xE5\xA1\x94\xE5\x9F\x8E";
    struct text_params p = {.role = text_fonts_role(fonts, "body"),
                            .lang = TEXT_LANG_EN, .size_px = 40,
                            .width_px = 400};
    struct text_layout *l =
        text_layout_create(fonts, &p, text, sizeof text - 1);
    struct atlas_config cfg = {0, 0, 0, tint};
    struct atlas *a = atlas_create(target->renderer, fonts, &cfg);
    SDL_SetRenderDrawColor(target->renderer, 0xf5, 0xf0, 0xe6, 255);
    SDL_RenderClear(target->renderer);
    render_text_layout(target->renderer, a, l, 10, 10, ink);
    /* A second colour: tinting caches the glyphs again, modulating not. */
    render_text_layout(target->renderer, a, l, 10, 80,
                       (SDL_Color){0x80, 0x10, 0x10, 255});
    render_target_flush(target);
    *stats = *atlas_stats(a);
    size_t n = (size_t)target->width * (size_t)target->height;
    uint32_t *copy = malloc(n * sizeof *copy);
    for (int y = 0; y < target->height; y++)
        for (int x = 0; x < target->width; x++)
            copy[(size_t)y * (size_t)target->width + (size_t)x] = pixel(x, y);
    atlas_destroy(a);
    text_layout_destroy(l);
    return copy;
}

/* Tinted glyphs (colour baked in, the software renderer's fast path) look
 * the same as white glyphs modulated by the colour. */
static void test_tint(void)
{
    SDL_Color ink = {0x22, 0x1e, 0x1a, 255};
    struct atlas_stats on, off;
    uint32_t *a = draw_sample(ATLAS_TINT_ON, ink, &on);
    uint32_t *b = draw_sample(ATLAS_TINT_OFF, ink, &off);
    size_t n = (size_t)target->width * (size_t)target->height;
    int worst = 0, inked = 0;
    for (size_t i = 0; i < n; i++) {
        for (int sh = 0; sh < 24; sh += 8) {
            int d = abs((int)((a[i] >> sh) & 0xff) - (int)((b[i] >> sh) & 0xff));
            worst = d > worst ? d : worst;
        }
        inked += (a[i] & 0xffffff) != 0xf5f0e6;
    }
    CHECK(inked > 1000, "the sample draws text (%d pixels)", inked);
    CHECK(worst <= 2, "tinted and modulated text differ by at most 2 "
                      "levels (%d)", worst);
    CHECK(on.rasterised == 2 * off.rasterised && off.rasterised > 0,
          "tinting caches each colour (%u glyphs), modulating once (%u)",
          (unsigned)on.rasterised, (unsigned)off.rasterised);
    free(a);
    free(b);
}

/* Highlight boxes cover exactly the rectangles the layout reports. */
static void test_range(void)
{
    static const char text[] = "abc Tacheng xyz";
    struct text_params p = {.role = text_fonts_role(fonts, "body"),
                            .lang = TEXT_LANG_EN, .size_px = 28,
                            .width_px = 240};
    struct text_layout *l = text_layout_create(fonts, &p, text,
                                               sizeof text - 1);
    if (!CHECK(l != NULL, "layout"))
        return;
    struct text_rect r;
    size_t n = text_layout_range_rects(l, 4, 11, &r, 1);
    CHECK(n == 1 && r.w > 0 && r.h > 0, "one box for 'Tacheng'");
    clear(255);
    render_text_range(target->renderer, l, 4, 11, 10, 20,
                      (SDL_Color){255, 0, 0, 255});
    render_target_flush(target);
    int x0 = 10 + render_round26(r.x), y0 = 20 + render_round26(r.y);
    int x1 = 10 + render_round26(r.x + r.w);
    int y1 = 20 + render_round26(r.y + r.h);
    int wrong = 0;
    for (int y = 0; y < target->height; y++) {
        for (int x = 0; x < target->width; x++) {
            bool in = x >= x0 && x < x1 && y >= y0 && y < y1;
            uint32_t want = in ? 0xffff0000u : 0xffffffffu;
            wrong += pixel(x, y) != want;
        }
    }
    CHECK(wrong == 0, "%d pixels wrong around the box %d,%d-%d,%d", wrong,
          x0, y0, x1, y1);
    text_layout_destroy(l);
}

int main(void)
{
    if (!render_headless_init())
        return CHECK(false, "headless init"), check_finish("atlas");
    struct diag_list diags;
    diag_list_init(&diags);
    fonts = text_fonts_load("fonts/manifest.txt", &diags);
    diag_list_print(&diags, stderr);
    diag_list_fini(&diags);
    target = render_target_create(256, 160);
    if (!CHECK(fonts && target, "fonts (run 'make fonts') and a target"))
        return check_finish("atlas");
    hani = face_for(HB_SCRIPT_HAN);
    latn = face_for(HB_SCRIPT_LATIN);

    test_round();
    test_cache_hits();
    test_oversize();
    test_growth();
    test_eviction(false);
    test_eviction(true);
    test_churn();
    test_draw();
    test_tint();
    test_range();

    render_target_destroy(target);
    text_fonts_destroy(fonts);
    render_headless_quit();
    return check_finish("atlas");
}
