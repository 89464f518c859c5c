/* bench_map.c: `make bench` for the map: preparation after a content load
 * (projection and boxes, then tap targets and label placement: all the
 * map needs before its first frame), one hit test, label placement.  At
 * 1920x1080 on the shipped exhibit; medians of many runs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "content/exhibit.h"
#include "core/diag.h"
#include "map/hittest.h"
#include "map/labels.h"
#include "map/scene.h"
#include "shipped.h"
#include "text/font.h"

#define RUNS 101
#define HITS 200000
#define LABEL_REPS 100

/* Deterministic pseudo-random floats in [0, 1) (xorshift32). */
static float rnd(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return (float)(*s >> 8) / 16777216.0f;
}

/* Label requests as the map will make them: every tappable feature, its
 * English name at 24 px (about 8 px a character). */
static size_t requests(const struct map_scene *sc,
                       struct map_label_request *req, size_t max)
{
    size_t n = 0;
    for (uint32_t i = 0; i < sc->map->feature_count && n < max; i++) {
        const struct content_feature *f = &sc->map->features[i];
        if (!sc->features[i].tappable)
            continue;
        const char *name = f->name[TEXT_LANG_EN] ? f->name[TEXT_LANG_EN]
                                                 : f->id;
        bool town = f->kind == CONTENT_TOWN;
        req[n++] = (struct map_label_request){
            .feature = (int32_t)i,
            .ax = sc->features[i].anchor_x,
            .ay = sc->features[i].anchor_y,
            .w = 8.0f * (float)strlen(name), .h = 30,
            .w2 = 8.0f * 4, .h2 = 30,
            .priority = town ? 10 : 20,
            .is_town = town,
            .dot_r = town ? 7 : 0,
        };
    }
    return n;
}

int main(void)
{
    struct text_fonts *fonts;
    struct exhibit *ex;
    if (!shipped_load(&fonts, &ex))
        return 1;
    const struct map_rect rect = {0, 0, 1920, 1080};
    const float margin = 24.0f;
    float slop = map_slop_px(MAP_SLOP_MM_DEFAULT,
                             MAP_SCREEN_DIAG_INCH_DEFAULT, 1920, 1080);
    struct map_label_params par = MAP_LABEL_PARAMS_DEFAULT;
    struct map_label_request req[64];
    struct map_label_result res[64];
    struct map_target tg[64];

    double build[RUNS], all[RUNS];
    for (int i = -1; i < RUNS; i++) {
        double t0 = bench_now_ms();
        struct map_scene *sc = map_scene_build(&ex->map, &rect, margin);
        double t1 = bench_now_ms();
        map_scene_targets(sc, slop, tg, 64);
        size_t n = requests(sc, req, 64);
        map_labels_place(req, n, &rect, &par, res);
        double t2 = bench_now_ms();
        if (i >= 0) {
            build[i] = t1 - t0;
            all[i] = t2 - t0;
        }
        map_scene_destroy(sc);
    }
    printf("map scene build 1920x1080 (%u points): %.3f ms (median of %d; "
           "min %.3f max %.3f)\n", ex->map.point_count,
           bench_median(build, RUNS), RUNS, bench_min(build, RUNS),
           bench_max(build, RUNS));
    printf("map preparation incl. tap targets and labels: %.3f ms "
           "(median; min %.3f max %.3f)\n", bench_median(all, RUNS),
           bench_min(all, RUNS), bench_max(all, RUNS));

    struct map_scene *sc = map_scene_build(&ex->map, &rect, margin);
    /* Random points over the area of the four regions (their boxes'
     * union), where nearly every tap lands. */
    struct map_box u = {INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (uint32_t i = 0; i < sc->region_count; i++) {
        const struct map_box *b = &sc->features[sc->regions[i]].box;
        u.x0 = fminf(u.x0, b->x0);
        u.y0 = fminf(u.y0, b->y0);
        u.x1 = fmaxf(u.x1, b->x1);
        u.y1 = fmaxf(u.y1, b->y1);
    }
    float *px = malloc(HITS * sizeof *px), *py = malloc(HITS * sizeof *py);
    uint32_t seed = 12345;
    for (int i = 0; i < HITS; i++) {
        px[i] = u.x0 + rnd(&seed) * (u.x1 - u.x0);
        py[i] = u.y0 + rnd(&seed) * (u.y1 - u.y0);
    }
    enum { NHIT = 11 };
    double hit_us[NHIT];
    long sink = 0, none = 0;
    for (int r = 0; r < NHIT; r++) {
        double t0 = bench_now_ms();
        for (int i = 0; i < HITS; i++) {
            int h = map_hit(sc, px[i], py[i], slop);
            sink += h;
            none += h < 0;
        }
        hit_us[r] = (bench_now_ms() - t0) * 1000.0 / HITS;
    }
    /* The slowest point: every point of an 8 px grid over the whole
     * screen, each timed as the best of 3 batches of 10 calls (so a
     * preemption does not count as a slow point). */
    double worst = 0.0;
    float wx = 0, wy = 0;
    for (int y = 0; y < 1080; y += 8)
        for (int x = 0; x < 1920; x += 8) {
            double best = INFINITY;
            for (int r = 0; r < 3; r++) {
                double t0 = bench_now_ms();
                for (int k = 0; k < 10; k++)
                    sink += map_hit(sc, (float)x, (float)y, slop);
                best = fmin(best, (bench_now_ms() - t0) * 100.0);
            }
            if (best > worst) {
                worst = best;
                wx = (float)x;
                wy = (float)y;
            }
        }
    printf("map hit test (slop %.1f px): %.3f us average over %d random "
           "points in the regions' box (median of %d; min %.3f max %.3f); "
           "%.1f%% hit nothing; slowest point on an 8 px grid: %.2f us at "
           "(%.0f, %.0f)\n", slop, bench_median(hit_us, NHIT), HITS, NHIT,
           bench_min(hit_us, NHIT), bench_max(hit_us, NHIT),
           100.0 * (double)none / ((double)HITS * NHIT), worst, wx, wy);

    size_t n = requests(sc, req, 64);
    double lab[RUNS];
    for (int r = 0; r < RUNS; r++) {
        double t0 = bench_now_ms();
        for (int k = 0; k < LABEL_REPS; k++)
            map_labels_place(req, n, &rect, &par, res);
        lab[r] = (bench_now_ms() - t0) * 1000.0 / LABEL_REPS;
    }
    printf("map label placement (%zu labels): %.2f us (median of %d; min "
           "%.2f max %.2f)\n", n, bench_median(lab, RUNS), RUNS,
           bench_min(lab, RUNS), bench_max(lab, RUNS));

    double tgt[RUNS];
    for (int r = 0; r < RUNS; r++) {
        double t0 = bench_now_ms();
        map_scene_targets(sc, slop, tg, 64);
        tgt[r] = (bench_now_ms() - t0) * 1000.0;
    }
    printf("map tap targets: %.1f us (median of %d)\n",
           bench_median(tgt, RUNS), RUNS);
    if (sink == 42)
        printf(" \n"); /* keeps the calls from being optimised away */
    free(px);
    free(py);
    map_scene_destroy(sc);
    content_destroy(ex);
    text_fonts_destroy(fonts);
    return 0;
}
