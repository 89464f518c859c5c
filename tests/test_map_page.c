/* test_map_page.c: the map screen's drawing in the three languages.
 *
 * On the panels museums mount, in each language, with normal and larger
 * text: no tappable region's label dropped (on its own fill or led out),
 * no unlabelled town dot, no overlap, nothing under the card's panel, the
 * scale bar and credit off the regions' fills; labels that grow with
 * larger text; in the kiosk, a card that slides in over a map that does
 * not move; golden screenshots (the map is never mirrored; labels are in
 * the current language), the selection highlight and its animation, and
 * tapping each target. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "app/exhibit_app.h"
#include "app/screens.h"
#include "shipped.h"
#include "content/exhibit.h"
#include "image_compare.h"
#include "map/hittest.h"
#include "map/label_spots.h"
#include "map/labels.h"
#include "render/atlas.h"
#include "render/headless.h"
#include "ui/map_page.h"

static struct text_fonts *fonts;
static struct exhibit *ex;

static const char *const lang_name[] = {"zh", "en", "ug"};

struct panel {
    int w, h;
    double diag_in; /* from the physical size in mm */
};

/* The panels museums mount: the Raspberry Pi 7" (155x86 mm), Touch
 * Display 2 (88x155 mm), 10.1" (217x136 mm), 21.5" (476x268 mm) and the
 * 21.5" turned to portrait. */
static const struct panel panels[] = {
    {800, 480, 6.98},   {720, 1280, 7.00},  {1280, 800, 10.08},
    {800, 1280, 10.08},
    {1920, 1080, 21.5}, {1080, 1920, 21.5},
};
#define NPANELS (sizeof panels / sizeof *panels)

static bool overlaps(SDL_Rect a, SDL_Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h &&
           b.y < a.y + a.h;
}

static bool within(SDL_Rect in, SDL_Rect r)
{
    return r.x >= in.x && r.y >= in.y && r.x + r.w <= in.x + in.w &&
           r.y + r.h <= in.y + in.h;
}

/* Whether any pixel of a tappable region's fill lies in `r`: sampled
 * every 2 px. */
static bool on_region_fill(const struct map_scene *s, SDL_Rect r)
{
    for (uint32_t k = 0; k < s->region_count; k++)
        for (int y = r.y; y < r.y + r.h; y += 2)
            for (int x = r.x; x < r.x + r.w; x += 2)
                if (map_feature_contains(s, s->regions[k], (float)x + 0.5f,
                                         (float)y + 0.5f))
                    return true;
    return false;
}

/* At every panel and language, with normal and larger text: every
 * tappable region has its label, on its own fill or led out to it, never
 * forced over another; no two labels overlap; every label keeps out of
 * the card's panel and the strip; every town drawn has its label; the
 * scale bar and the credit keep off the regions' fills. */
static void test_labels(const struct panel *pn, enum text_lang lang,
                        bool large)
{
    struct render_target *t = render_target_create(pn->w, pn->h);
    struct ui_metrics m;
    ui_metrics_init(&m, pn->w, pn->h, pn->diag_in, lang, large);
    struct ui_map_page *p = ui_map_page_create(fonts);
    SDL_Rect area = {0, m.bezel * 3, pn->w, pn->h - m.bezel * 3};
    bool ok = ui_map_page_set(p, t->renderer, &m, ex, area,
                              (float)(8 * m.px_per_mm));
    char what[96];
    snprintf(what, sizeof what, "%dx%d %s%s", pn->w, pn->h,
             lang_name[lang], large ? " larger" : "");
    CHECK(ok, "%s: the map prepares", what);
    struct ui_map_label_info info[64];
    size_t n = ui_map_page_label_info(p, info, 64);
    const struct map_scene *s = ui_map_page_scene(p);
    struct ui_map_page_parts parts;
    ui_map_page_parts(p, &parts);
    /* What the map keeps clear: the card's side panel, or on a small
     * panel (the card a sheet over everything) the instruction's band. */
    SDL_Rect clear = parts.sheet ? parts.band : parts.panel;
    int overlap = 0, in_panel = 0, outside = 0, off_fill = 0, forced = 0;
    for (size_t i = 0; i < n && i < 64; i++) {
        for (size_t j = i + 1; j < n && j < 64; j++)
            overlap += overlaps(info[i].box, info[j].box);
        in_panel += overlaps(info[i].box, clear) ||
                    overlaps(info[i].box, parts.strip);
        outside += !within(parts.view, info[i].box);
        forced += info[i].pos == MAP_LABEL_FORCED;
        const struct content_feature *f = &ex->map.features[info[i].feature];
        if (f->kind == CONTENT_REGION && !f->context &&
            info[i].pos != MAP_LABEL_LEADER) {
            /* The drawn box is rounded to whole pixels: 1 px in. */
            struct map_rect r = {(float)info[i].box.x + 1,
                                 (float)info[i].box.y + 1,
                                 (float)info[i].box.w - 2,
                                 (float)info[i].box.h - 2};
            off_fill += !map_rect_inside_feature(s, (uint32_t)info[i].feature,
                                                 &r, 4);
        }
    }
    int regions = 0, labelled = 0, towns = 0, town_labels = 0, hidden = 0;
    for (uint32_t k = 0; s && k < s->region_count; k++) {
        regions++;
        for (size_t i = 0; i < n && i < 64; i++)
            if (info[i].feature == (int)s->regions[k]) {
                labelled++;
                break;
            }
    }
    for (uint32_t k = 0; s && k < s->town_count; k++) {
        if (s->features[s->towns[k]].hidden) {
            hidden++;
            continue;
        }
        towns++;
        for (size_t i = 0; i < n && i < 64; i++)
            town_labels += info[i].feature == (int)s->towns[k];
    }
    printf("  %s: %zu labels, %d towns hidden\n", what, n, hidden);
    CHECK(regions == 4 && labelled == regions,
          "%s: every tappable region has its label (%d of %d)", what,
          labelled, regions);
    CHECK(forced == 0 && off_fill == 0,
          "%s: region labels on their own fill or led out (%d off their "
          "fill, %d forced)", what, off_fill, forced);
    CHECK(towns == town_labels,
          "%s: every town drawn has its label (%d dots, %d labels)", what,
          towns, town_labels);
    /* On the large panels every town finds room. */
    if (pn->w * pn->h >= 1920 * 1080 && !large)
        CHECK(hidden == 0, "%s: every town is drawn (%d hidden)", what,
              hidden);
    CHECK(overlap == 0 && in_panel == 0 && outside == 0,
          "%s: labels overlap %d times, %d under the panel or the strip, %d "
          "outside the map's view", what, overlap, in_panel, outside);
    CHECK(!on_region_fill(s, parts.scale) && !on_region_fill(s, parts.credit),
          "%s: the scale bar and the credit keep off the regions", what);
    CHECK(within(parts.strip, parts.credit),
          "%s: the credit is in the reserved strip", what);
    if (parts.sheet && parts.band.h == 0)
        printf("  %s: the instruction gives way to the map\n", what);
    else
        CHECK(parts.instruction.h > 0 && within(clear, parts.instruction),
              "%s: the instruction is in the %s", what,
              parts.sheet ? "band" : "panel");
    /* Nothing tappable under the panel: a card there hides nothing. */
    int under = 0;
    for (uint32_t k = 0; s && k < s->region_count; k++) {
        const struct map_box *b = &s->features[s->regions[k]].box;
        SDL_Rect br = {(int)b->x0, (int)b->y0, (int)(b->x1 - b->x0),
                       (int)(b->y1 - b->y0)};
        under += overlaps(br, clear);
    }
    for (uint32_t k = 0; s && k < s->town_count; k++) {
        const struct map_scene_feature *tf = &s->features[s->towns[k]];
        SDL_Point d = {(int)tf->anchor_x, (int)tf->anchor_y};
        under += SDL_PointInRect(&d, &clear);
    }
    CHECK(under == 0, "%s: no region or town under the card's panel or "
          "the instruction (%d)", what, under);
    ui_map_page_destroy(p);
    render_target_destroy(t);
}

/* Labels grow with "Larger text". */
static void test_larger(void)
{
    int size[2] = {0, 0};
    for (int large = 0; large < 2; large++) {
        struct render_target *t = render_target_create(1920, 1080);
        struct ui_metrics m;
        ui_metrics_init(&m, 1920, 1080, 21.5, TEXT_LANG_EN, large);
        struct ui_map_page *p = ui_map_page_create(fonts);
        ui_map_page_set(p, t->renderer, &m, ex, (SDL_Rect){0, 0, 1920, 1080},
                        32);
        struct ui_map_label_info info[64];
        size_t n = ui_map_page_label_info(p, info, 64);
        for (size_t i = 0; i < n && i < 64; i++)
            if (strcmp(ex->map.features[info[i].feature].id, "yili") == 0)
                size[large] = info[i].size_px;
        ui_map_page_destroy(p);
        render_target_destroy(t);
    }
    CHECK(size[0] > 0 && size[1] >= size[0] * 5 / 4,
          "Yili's label grows with larger text (%d -> %d px)", size[0],
          size[1]);
}

/* A small panel with larger text, as the kiosk lays it out: under the
 * bar the map is too small for the regions' names on it, so they go
 * beside it -- in columns (the 7" panel's wide strip) or in a row above
 * and one below, the map fitted smaller to make room (Touch Display 2 in
 * Chinese) -- every region named, at least 5/4 of the normal size, led
 * out, inside the screen's bezel, 2 mm apart or more. */
static void test_larger_sides(const char *panel, int w, int h, double diag,
                              enum text_lang lang)
{
    static const char *const regions[] = {"yili", "tacheng-prefecture",
                                          "bortala", "altay"};
    struct render_target *t = render_target_create(w, h);
    int size[2] = {0, 0}, named = 0, led = 0, inside = 0, apart = 1;
    for (int large = 0; large < 2; large++) {
        struct exhibit_app *a = exhibit_app_create(fonts);
        exhibit_app_set_screen(a, diag);
        exhibit_app_layout(a, t->renderer, ex, lang, w, h);
        int x, y;
        exhibit_app_tap(a, t->renderer, w / 2, h / 2, 100);
        if (large && exhibit_app_target(a, "nav:text-size", &x, &y))
            exhibit_app_tap(a, t->renderer, x, y, 200);
        if (exhibit_app_target(a, "nav:map", &x, &y))
            exhibit_app_tap(a, t->renderer, x, y, 300);
        int two_mm = (int)(2.0 * a->m.px_per_mm);
        struct ui_map_label_info info[64];
        size_t n = ui_map_page_label_info(a->map, info, 64);
        SDL_Rect boxes[4];
        int k = 0;
        for (size_t i = 0; i < n && i < 64; i++)
            for (int r = 0; r < 4; r++) {
                if (strcmp(ex->map.features[info[i].feature].id,
                           regions[r]) != 0)
                    continue;
                size[large] = size[large] && size[large] < info[i].size_px
                                  ? size[large]
                                  : info[i].size_px;
                if (!large)
                    continue;
                SDL_Rect b = info[i].box;
                named++;
                led += info[i].pos == MAP_LABEL_LEADER;
                inside += b.x >= a->m.bezel &&
                          b.x + b.w <= w - a->m.bezel && b.y >= 0 &&
                          b.y + b.h <= h;
                SDL_Rect g = {b.x - two_mm + 1, b.y - two_mm + 1,
                              b.w + 2 * two_mm - 2, b.h + 2 * two_mm - 2};
                for (int j = 0; j < k; j++)
                    apart &= !overlaps(g, boxes[j]);
                if (k < 4)
                    boxes[k++] = b;
            }
        exhibit_app_destroy(a);
    }
    render_target_destroy(t);
    CHECK(named == 4 && led == 4 && inside == 4 && apart &&
              size[1] >= size[0] * 5 / 4,
          "%s %s larger: the regions' names beside the map (%d named, %d "
          "led out, %d inside, apart %d), %d -> %d px", panel,
          lang_name[lang], named, led, inside, apart, size[0], size[1]);
}

/* The kiosk: opening a card moves nothing on the map -- every region's
 * and town's target is where it was -- and the card slides in. */
static void test_still_map(const struct panel *pn, enum text_lang lang)
{
    static const char *const ids[] = {
        "region:yili", "region:tacheng-prefecture", "region:bortala",
        "region:altay", "town:yining", "town:urumqi"};
    struct render_target *t = render_target_create(pn->w, pn->h);
    struct atlas *atlas = atlas_create(t->renderer, fonts, NULL);
    struct exhibit_app *a = exhibit_app_create(fonts);
    exhibit_app_set_screen(a, pn->diag_in);
    exhibit_app_layout(a, t->renderer, ex, lang, pn->w, pn->h);
    char what[64];
    snprintf(what, sizeof what, "%dx%d %s", pn->w, pn->h, lang_name[lang]);
    int x, y;
    exhibit_app_tap(a, t->renderer, pn->w / 2, pn->h / 2, 100);
    exhibit_app_target(a, "nav:map", &x, &y);
    exhibit_app_tap(a, t->renderer, x, y, 200);
    int before[6][2], after[6][2];
    bool there[6], found = true;
    for (int i = 0; i < 6; i++) {
        /* A town may be hidden on a small panel; the regions never are. */
        there[i] = exhibit_app_target(a, ids[i], &before[i][0],
                                      &before[i][1]);
        found &= there[i] || i >= 4;
    }
    CHECK(found, "%s: the regions' targets are there", what);
    exhibit_app_tap(a, t->renderer, before[0][0], before[0][1], 1000);
    const char *sel = exhibit_app_selected_place(a);
    CHECK(sel && strcmp(sel, "yili") == 0, "%s: Yili's card opens", what);
    CHECK(exhibit_app_draw(a, t->renderer, atlas, 1080),
          "%s: the card is still sliding 80 ms after the tap", what);
    CHECK(!exhibit_app_draw(a, t->renderer, atlas, 1400),
          "%s: 400 ms after the tap the screen is still", what);
    /* On a small panel the card is a sheet over the map, which has no
     * targets while it is open: closed, the map is where it was. */
    int cx, cy;
    if (!exhibit_app_target(a, ids[0], &cx, &cy) &&
        CHECK(exhibit_app_target(a, "card:close", &cx, &cy),
              "%s: the card's sheet closes", what)) {
        exhibit_app_tap(a, t->renderer, cx, cy, 1500);
        exhibit_app_draw(a, t->renderer, atlas, 1900);
    }
    int moved = 0;
    for (int i = 0; i < 6; i++) {
        if (!there[i])
            continue;
        found &= exhibit_app_target(a, ids[i], &after[i][0], &after[i][1]);
        moved += before[i][0] != after[i][0] || before[i][1] != after[i][1];
    }
    CHECK(found && moved == 0, "%s: with the card open, %d of 6 places "
          "moved (Yili %d,%d -> %d,%d)", what, moved, before[0][0],
          before[0][1], after[0][0], after[0][1]);
    exhibit_app_destroy(a);
    atlas_destroy(atlas);
    render_target_destroy(t);
}

static uint32_t pixel(const struct render_target *t, int x, int y)
{
    const uint8_t *row = (const uint8_t *)t->surface->pixels +
                         (size_t)y * (size_t)t->surface->pitch;
    return ((const uint32_t *)row)[x] & 0xffffff;
}

static void test_golden_and_select(void)
{
    static const struct image_tolerance tol = {48, 0.00005};
    for (int l = 0; l < 3; l++) {
        struct render_target *t = render_target_create(1920, 1080);
        struct atlas *a = atlas_create(t->renderer, fonts, NULL);
        struct ui_map_page *p = ui_map_page_create(fonts);
        struct ui_metrics m;
        ui_metrics_init(&m, 1920, 1080, 21.5, (enum text_lang)l, false);
        ui_map_page_set(p, t->renderer, &m, ex, (SDL_Rect){0, 0, 1920, 1080},
                        32);
        ui_map_page_draw(p, t->renderer, a, 0);
        render_target_flush(t);
        char path[256];
        snprintf(path, sizeof path, "%s/golden/map_%s_1920x1080.png",
                 check_test_dir(), lang_name[l]);
        image_check_golden(t->surface, path, &tol);
        ui_map_page_destroy(p);
        atlas_destroy(a);
        render_target_destroy(t);
    }

    /* Select Yili: its area changes colour, the rest stays; the highlight
     * animates for less than 300 ms, then the frame is still. */
    struct render_target *t = render_target_create(1280, 800);
    struct atlas *a = atlas_create(t->renderer, fonts, NULL);
    struct ui_map_page *p = ui_map_page_create(fonts);
    struct ui_metrics m;
    ui_metrics_init(&m, 1280, 800, 10.08, TEXT_LANG_EN, false);
    ui_map_page_set(p, t->renderer, &m, ex, (SDL_Rect){0, 0, 1280, 800}, 32);
    const struct map_scene *s = ui_map_page_scene(p);
    struct map_target tg[32];
    size_t nt = map_scene_targets(s, 32, tg, 32);
    int yili = -1, altay = -1;
    float yx = 0, yy = 0, ax = 0, ay = 0;
    for (size_t i = 0; i < nt && i < 32; i++) {
        if (strcmp(tg[i].id, "yili") == 0) {
            yili = (int)tg[i].feature;
            yx = tg[i].x;
            yy = tg[i].y;
        } else if (strcmp(tg[i].id, "altay") == 0) {
            altay = (int)tg[i].feature;
            ax = tg[i].x;
            ay = tg[i].y;
        }
    }
    CHECK(yili >= 0 && altay >= 0, "targets for yili and altay");
    ui_map_page_draw(p, t->renderer, a, 0);
    render_target_flush(t);
    uint32_t before_in = pixel(t, (int)yx, (int)yy + 20);
    uint32_t before_out = pixel(t, (int)ax, (int)ay + 20);
    ui_map_page_select(p, t->renderer, yili, 1000);
    CHECK(ui_map_page_selected(p) == yili, "yili selected");
    CHECK(ui_map_page_draw(p, t->renderer, a, 1100),
          "100 ms after selecting, the highlight still animates");
    CHECK(!ui_map_page_draw(p, t->renderer, a, 1300),
          "300 ms after selecting, the animation is over");
    render_target_flush(t);
    uint32_t after_in = pixel(t, (int)yx, (int)yy + 20);
    uint32_t after_out = pixel(t, (int)ax, (int)ay + 20);
    CHECK(after_in != before_in && after_out == before_out,
          "the highlight tints Yili (%06x -> %06x) and not Altay "
          "(%06x -> %06x)", before_in, after_in, before_out, after_out);

    /* Every target taps back to its feature through the page: its
     * label's touch area (the labels are targets), else its point. */
    int ok = 0, shown = 0;
    for (size_t i = 0; i < nt && i < 32; i++) {
        SDL_Rect lt;
        float x = tg[i].x, y = tg[i].y;
        if (ui_map_page_label_target(p, (int)tg[i].feature, &lt)) {
            x = (float)lt.x + (float)lt.w / 2;
            y = (float)lt.y + (float)lt.h / 2;
        }
        ok += ui_map_page_hit(p, x, y) == (int)tg[i].feature;
    }
    for (uint32_t i = 0; i < s->map->feature_count; i++)
        shown += s->features[i].tappable && !s->features[i].hidden;
    CHECK(nt >= 4 && (int)nt == shown && ok == (int)nt,
          "%d of %zu targets hit back (%d places shown)", ok, nt, shown);
    ui_map_page_destroy(p);
    atlas_destroy(a);
    render_target_destroy(t);
}

int main(void)
{
    if (!render_headless_init())
        return 1;
    if (!shipped_load(&fonts, &ex))
        return 1;
    for (size_t i = 0; i < NPANELS; i++)
        for (int l = 0; l < 3; l++)
            for (int large = 0; large < 2; large++)
                test_labels(&panels[i], (enum text_lang)l, large);
    test_larger();
    for (int l = 0; l < TEXT_LANG_COUNT; l++)
        test_larger_sides("7\"", 800, 480, 6.98, (enum text_lang)l);
    test_larger_sides("Touch Display 2", 720, 1280, 7.0, TEXT_LANG_ZH);
    for (size_t i = 0; i < NPANELS; i++)
        for (int l = 0; l < 3; l++)
            test_still_map(&panels[i], (enum text_lang)l);
    test_golden_and_select();
    content_destroy(ex);
    text_fonts_destroy(fonts);
    render_headless_quit();
    return check_finish("test_map_page");
}
