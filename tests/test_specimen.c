/* test_specimen.c: the specimen page, rendered headless, against golden
 * PNGs (tests/golden/specimen_WxH.png), landscape and portrait.
 *
 * Tolerance: a pixel counts as different when a channel differs by more
 * than 48, and at most 0.005% of the pixels may (104 at 1920x1080, 46 at
 * 1280x720).  SDL's blitters (SSE2, NEON, scalar) round alpha blending
 * differently by a few levels, far below 48, so on the Pi and on a desktop
 * the count stays at or near zero; the small allowance absorbs a FreeType
 * point release nudging a few anti-aliased edges.  A real regression does
 * not fit in it: one body glyph erased changes about 150 pixels by more
 * than 48, a word about 600, a line moved by one pixel tens of thousands.
 * (0.5% would let a dozen missing words pass at 1080p.)
 */
#include <stdio.h>

#include <SDL.h>

#include "check.h"
#include "contrast.h"
#include "core/diag.h"
#include "image_compare.h"
#include "render/atlas.h"
#include "render/headless.h"
#include "text/font.h"
#include "ui/specimen.h"
#include "ui/theme.h"

static const struct image_tolerance tolerance = {48, 0.00005};

static void test_palette(void)
{
    const struct ui_palette *p = ui_theme_palette();
    CHECK(contrast_ratio(p->ink, p->paper) >= 7.0, "ink contrast %.2f",
          contrast_ratio(p->ink, p->paper));
    CHECK(contrast_ratio(p->accent, p->paper) >= 7.0, "accent contrast %.2f",
          contrast_ratio(p->accent, p->paper));
    CHECK(contrast_ratio(p->muted, p->paper) >= 7.0, "muted contrast %.2f",
          contrast_ratio(p->muted, p->paper));
    CHECK(contrast_ratio(p->ink, p->highlight) >= 7.0, "ink on highlight %.2f",
          contrast_ratio(p->ink, p->highlight));
    CHECK(contrast_ratio(p->panel_ink, p->panel) >= 7.0, "overlay text %.2f",
          contrast_ratio(p->panel_ink, p->panel));
    CHECK(contrast_ratio(p->alert, p->panel) >= 7.0, "overlay heading %.2f",
          contrast_ratio(p->alert, p->panel));
}

static void test_size(const struct text_fonts *fonts, int w, int h)
{
    struct render_target *t = render_target_create(w, h);
    if (!CHECK(t != NULL, "target %dx%d", w, h))
        return;
    struct atlas *a = atlas_create(t->renderer, fonts, NULL);
    CHECK(ui_specimen_draw(t->renderer, a, fonts, w, h),
          "specimen %dx%d draws", w, h);
    render_target_flush(t);

    /* Drawing again rasterises nothing new. */
    const struct atlas_stats *st = atlas_stats(a);
    uint64_t rasterised = st->rasterised;
    ui_specimen_draw(t->renderer, a, fonts, w, h);
    render_target_flush(t);
    CHECK(st->rasterised == rasterised && st->evictions == 0,
          "second draw: %llu rasterised, %llu evictions",
          (unsigned long long)(st->rasterised - rasterised),
          (unsigned long long)st->evictions);

    char golden[512];
    snprintf(golden, sizeof golden, "%s/golden/specimen_%dx%d.png",
             check_test_dir(), w, h);
    image_check_golden(t->surface, golden, &tolerance);
    atlas_destroy(a);
    render_target_destroy(t);
}

int main(void)
{
    if (!render_headless_init())
        return CHECK(false, "headless init"), check_finish("specimen");
    struct diag_list diags;
    diag_list_init(&diags);
    struct text_fonts *fonts = text_fonts_load("fonts/manifest.txt", &diags);
    diag_list_print(&diags, stderr);
    diag_list_fini(&diags);
    if (!CHECK(fonts != NULL, "fonts (run 'make fonts')"))
        return check_finish("specimen");

    test_palette();
    test_size(fonts, 1280, 720);
    test_size(fonts, 1920, 1080);
    test_size(fonts, 720, 1280); /* portrait: one column */

    text_fonts_destroy(fonts);
    render_headless_quit();
    return check_finish("specimen");
}
