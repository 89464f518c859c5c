/* bench_map_page.c: `make bench` for the map screen: preparing it after a
 * content load (projection, the still image, labels) and drawing one frame
 * at 1920x1080 with the software renderer, plain and with a selection. */
#include <stdio.h>

#include "bench.h"
#include "shipped.h"
#include "content/exhibit.h"
#include "render/atlas.h"
#include "render/headless.h"
#include "ui/map_page.h"

#define RUNS 31

int main(void)
{
    struct text_fonts *fonts;
    struct exhibit *ex;
    if (!shipped_load(&fonts, &ex) || !render_headless_init())
        return 1;
    struct render_target *t = render_target_create(1920, 1080);
    struct atlas *a = atlas_create(t->renderer, fonts, NULL);
    struct ui_map_page *p = ui_map_page_create(fonts);
    SDL_Rect area = {0, 0, 1920, 1080};
    struct ui_metrics m;
    ui_metrics_init(&m, 1920, 1080, 21.5, TEXT_LANG_EN, false);

    /* Cold: a new page (buffers and textures made); warm: the page set
     * again at the same size, as after a content update. */
    double cold[RUNS], prep[RUNS];
    for (int i = 0; i < RUNS; i++) {
        struct ui_map_page *q = ui_map_page_create(fonts);
        double t0 = bench_now_ms();
        ui_map_page_set(q, t->renderer, &m, ex, area, 32);
        cold[i] = bench_now_ms() - t0;
        ui_map_page_destroy(q);
    }
    for (int i = 0; i < RUNS; i++) {
        double t0 = bench_now_ms();
        ui_map_page_set(p, t->renderer, &m, ex, area, 32);
        prep[i] = bench_now_ms() - t0;
    }
    double frame[RUNS], sel[RUNS];
    ui_map_page_draw(p, t->renderer, a, 0); /* fill the atlas */
    render_target_flush(t);
    for (int i = 0; i < RUNS; i++) {
        double t0 = bench_now_ms();
        ui_map_page_draw(p, t->renderer, a, 0);
        render_target_flush(t);
        frame[i] = bench_now_ms() - t0;
    }
    const struct content_place *yili = content_place(ex, "yili");
    ui_map_page_select(p, t->renderer, yili ? yili->feature : -1, 0);
    for (int i = 0; i < RUNS; i++) {
        double t0 = bench_now_ms();
        ui_map_page_draw(p, t->renderer, a, (uint32_t)(i * 10));
        render_target_flush(t);
        sel[i] = bench_now_ms() - t0;
    }
    printf("map page 1920x1080 (medians of %d): preparation %.2f ms the "
           "first time, %.2f ms after a content update; frame %.2f ms (max "
           "%.2f), frame with the selection animating %.2f ms (max %.2f)\n",
           RUNS, bench_median(cold, RUNS), bench_median(prep, RUNS),
           bench_median(frame, RUNS), bench_max(frame, RUNS),
           bench_median(sel, RUNS), bench_max(sel, RUNS));
    ui_map_page_destroy(p);
    atlas_destroy(a);
    render_target_destroy(t);
    render_headless_quit();
    content_destroy(ex);
    text_fonts_destroy(fonts);
    return 0;
}
