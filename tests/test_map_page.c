/* test_map_page.c: the map screen's drawing in the three languages.
 *
 * Golden screenshots (the map is never mirrored; labels are in the
 * current language), labels that never overlap each other, a town dot or
 * the screen edge at 800x480, 1280x800, 1920x1080 and 1080x1920, the
 * selection highlight and its animation, and tapping each target. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "shipped.h"
#include "content/exhibit.h"
#include "image_compare.h"
#include "map/hittest.h"
#include "map/labels.h"
#include "render/atlas.h"
#include "render/headless.h"
#include "ui/map_page.h"

static struct text_fonts *fonts;
static struct exhibit *ex;

static const char *const lang_name[] = {"zh", "en", "ug"};

static bool overlaps(SDL_Rect a, SDL_Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h &&
           b.y < a.y + a.h;
}

static void test_labels(int w, int h, enum text_lang lang)
{
    struct render_target *t = render_target_create(w, h);
    struct ui_map_page *p = ui_map_page_create(fonts);
    float slop = map_slop_px(8, 21.5, w, h);
    bool ok = ui_map_page_set(p, t->renderer, ex, lang,
                              (SDL_Rect){0, 0, w, h}, slop);
    CHECK(ok, "map %dx%d %s prepares", w, h, lang_name[lang]);
    SDL_Rect box[64];
    size_t n = ui_map_page_labels(p, box, 64);
    const struct map_scene *s = ui_map_page_scene(p);
    int overlap = 0, on_dot = 0, at_edge = 0;
    int margin = (w < h ? w : h) * 12 / 1080;
    for (size_t i = 0; i < n && i < 64; i++) {
        for (size_t j = i + 1; j < n && j < 64; j++)
            overlap += overlaps(box[i], box[j]);
        for (uint32_t k = 0; s && k < s->town_count; k++) {
            const struct map_scene_feature *tf = &s->features[s->towns[k]];
            struct map_rect r = {(float)box[i].x, (float)box[i].y,
                                 (float)box[i].w, (float)box[i].h};
            on_dot += map_rect_near_disc(&r, tf->anchor_x, tf->anchor_y, 6,
                                         0);
        }
        at_edge += box[i].x < margin || box[i].y < margin ||
                   box[i].x + box[i].w > w - margin ||
                   box[i].y + box[i].h > h - margin;
    }
    CHECK(n >= 6, "%dx%d %s: %zu labels placed", w, h, lang_name[lang], n);
    CHECK(overlap == 0 && on_dot == 0 && at_edge == 0,
          "%dx%d %s: labels overlap each other %d times, dots %d times, "
          "the edge %d times", w, h, lang_name[lang], overlap, on_dot,
          at_edge);
    ui_map_page_destroy(p);
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
        ui_map_page_set(p, t->renderer, ex, (enum text_lang)l,
                        (SDL_Rect){0, 0, 1920, 1080}, 32);
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
    ui_map_page_set(p, t->renderer, ex, TEXT_LANG_EN,
                    (SDL_Rect){0, 0, 1280, 800}, 32);
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

    /* Every target taps back to its feature through the page. */
    int ok = 0;
    for (size_t i = 0; i < nt && i < 32; i++)
        ok += ui_map_page_hit(p, tg[i].x, tg[i].y) == (int)tg[i].feature;
    CHECK(nt >= 12 && ok == (int)nt, "%d of %zu targets hit back", ok, nt);
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
    static const int sizes[][2] = {
        {800, 480}, {1280, 800}, {1920, 1080}, {1080, 1920}};
    for (size_t i = 0; i < 4; i++)
        for (int l = 0; l < 3; l++)
            test_labels(sizes[i][0], sizes[i][1], (enum text_lang)l);
    test_golden_and_select();
    content_destroy(ex);
    text_fonts_destroy(fonts);
    render_headless_quit();
    return check_finish("test_map_page");
}
