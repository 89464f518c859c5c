/* bench_app.c: `make bench` for the visitor experience, at 1920x1080 with
 * the software renderer: start to first frame, peak memory after a full
 * journey, frame times during a fling in the reader (median and 99th
 * percentile), and frames drawn during 10 s on a still screen. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "platform/platform.h"
#include "app/exhibit_app.h"
#include "app/exhibit_view.h"
#include "app/first_frame.h"
#include "render/frame_check.h"
#include "bench.h"
#include "shipped.h"
#include "render/atlas.h"
#include "render/headless.h"
#include "render/rotate.h"

static void tap_id(struct exhibit_app *a, struct render_target *t,
                   const char *id, uint32_t *now)
{
    int x, y;
    if (!exhibit_app_target(a, id, &x, &y)) {
        /* A journey that no longer exists measures nothing. */
        fprintf(stderr, "bench: no target %s on this screen\n", id);
        exit(1);
    }
    struct input_pointer_event down = {INPUT_POINTER_DOWN,
                                       INPUT_POINTER_MOUSE, (float)x,
                                       (float)y, *now};
    exhibit_app_pointer(a, t->renderer, &down);
    *now += 50;
    struct input_pointer_event up = down;
    up.kind = INPUT_POINTER_UP;
    up.time_ms = *now;
    exhibit_app_pointer(a, t->renderer, &up);
    *now += 50;
}

int main(void)
{
    platform_memory_tune(); /* as the program does */
    double t0 = bench_now_ms();
    struct text_fonts *fonts;
    struct exhibit *ex;
    if (!shipped_load(&fonts, &ex) || !render_headless_init())
        return 1;
    struct render_target *t = render_target_create(1920, 1080);
    struct atlas *atlas = atlas_create(t->renderer, fonts, NULL);
    struct exhibit_app *a = exhibit_app_create(fonts);
    exhibit_app_layout(a, t->renderer, ex, ex->settings.default_lang, 1920,
                       1080);
    exhibit_app_draw(a, t->renderer, atlas, 0);
    render_target_flush(t);
    double first = bench_now_ms() - t0;

    /* A journey through every screen. */
    uint32_t now = 100;
    struct input_pointer_event tap = {INPUT_POINTER_DOWN,
                                      INPUT_POINTER_MOUSE, 500, 500, now};
    exhibit_app_pointer(a, t->renderer, &tap);
    tap.kind = INPUT_POINTER_UP;
    exhibit_app_pointer(a, t->renderer, &tap);
    const char *path[] = {"nav:map", "region:yili", "passage:priorities",
                          "nav:back", "nav:home", "nav:about", "nav:back",
                          "nav:read"};
    for (size_t i = 0; i < sizeof path / sizeof *path; i++) {
        tap_id(a, t, path[i], &now);
        exhibit_app_draw(a, t->renderer, atlas, now);
        render_target_flush(t);
    }

    /* A fling in the reader: the finger moves 700 px in 100 ms. */
    struct input_pointer_event ev = {INPUT_POINTER_DOWN, INPUT_POINTER_MOUSE,
                                     960, 950, now};
    exhibit_app_pointer(a, t->renderer, &ev);
    for (int k = 1; k <= 6; k++) {
        now += 16;
        ev = (struct input_pointer_event){INPUT_POINTER_MOVE,
                                          INPUT_POINTER_MOUSE, 960,
                                          950.0f - 700.0f * k / 6, now};
        exhibit_app_pointer(a, t->renderer, &ev);
    }
    ev.kind = INPUT_POINTER_UP;
    exhibit_app_pointer(a, t->renderer, &ev);
    enum { MAX_FRAMES = 1000 };
    static double ms[MAX_FRAMES];
    int frames = 0;
    while (frames < MAX_FRAMES) {
        now += 16;
        bool dirty = exhibit_app_tick(a, now);
        if (!dirty)
            break;
        double f0 = bench_now_ms();
        exhibit_app_draw(a, t->renderer, atlas, now);
        render_target_flush(t);
        ms[frames++] = bench_now_ms() - f0;
    }
    double med = frames ? bench_median(ms, (size_t)frames) : 0;
    double p99 = frames ? ms[(size_t)(frames * 99 / 100)] : 0; /* sorted */

    /* Ten seconds on the still reader. */
    unsigned long before = exhibit_app_frames(a);
    for (uint32_t end = now + 10000; now < end; now += 16)
        if (exhibit_app_tick(a, now))
            exhibit_app_draw(a, t->renderer, atlas, now);
    unsigned long still = exhibit_app_frames(a) - before;

    struct rusage ru; /* before the turned frames add their pictures */
    getrusage(RUSAGE_SELF, &ru);

    /* A screen mounted on its side: the same still reader drawn through
     * render_rotation at 90 degrees, against drawn straight, interleaved
     * so both see the same machine.  The extra is the turned copy. */
    exhibit_app_layout(a, t->renderer, ex, ex->settings.default_lang, 1080,
                       1920);
    struct render_rotation *rot = render_rotation_create(t->renderer, 90);
    enum { TURNS = 31 };
    double straight[TURNS], turned[TURNS];
    for (int k = 0; k < TURNS; k++) {
        double f0 = bench_now_ms();
        exhibit_app_draw(a, t->renderer, atlas, now);
        render_target_flush(t);
        straight[k] = bench_now_ms() - f0;
        int lw, lh;
        f0 = bench_now_ms();
        render_rotation_begin(rot, &lw, &lh);
        exhibit_app_draw(a, t->renderer, atlas, now);
        render_rotation_end(rot);
        render_target_flush(t);
        turned[k] = bench_now_ms() - f0;
    }
    render_rotation_destroy(rot);
    double med_straight = bench_median(straight, TURNS);
    double med_turned = bench_median(turned, TURNS);

    printf("app 1920x1080: start to first frame %.1f ms (fonts, content, "
           "every screen laid out, first frame drawn); peak RSS %.1f MB "
           "after visiting every screen\n", first, ru.ru_maxrss / 1024.0);
    printf("app fling in the reader: %d frames, frame time median %.2f ms, "
           "99th percentile %.2f ms, max %.2f ms; frames drawn in 10 s on a "
           "still screen: %lu\n", frames, med, p99,
           frames ? ms[frames - 1] : 0, still);
    printf("app turned 90 degrees (software renderer): reader frame median "
           "%.2f ms turned vs %.2f ms straight, ratio %.2f\n", med_turned,
           med_straight, med_straight > 0 ? med_turned / med_straight : 0);

    /* The first frame's proof at start (app/first_frame.c): the software
     * reference of Attract, then picking its inkiest tile and comparing
     * it (here with itself; on the kiosk with what the GPU read back). */
    struct exhibit_view *view = exhibit_view_create(fonts, "content");
    exhibit_view_reload(view);
    exhibit_view_layout(view, 1920, 1080);
#define PROOFS 5
    double refs[PROOFS], picks[PROOFS], share = 0;
    for (int k = 0; k < PROOFS; k++) {
        double p0 = bench_now_ms();
        struct render_target *ref = app_first_frame_reference(
            1920, 1080, fonts, view, ex->settings.default_lang, 0, 0, 0);
        refs[k] = bench_now_ms() - p0;
        if (!ref)
            return 1;
        p0 = bench_now_ms();
        const uint32_t *px = ref->surface->pixels;
        int pitch = ref->surface->pitch / 4;
        struct frame_rect r = frame_check_pick(px, 1920, 1080, pitch, 320,
                                               108);
        struct frame_check c = frame_check_compare(
            px + (size_t)r.y * pitch + r.x, pitch,
            px + (size_t)r.y * pitch + r.x, pitch, r.w, r.h);
        picks[k] = bench_now_ms() - p0;
        share = c.ink_ref / (double)(r.w * r.h);
        render_target_destroy(ref);
    }
    printf("app first frame's proof 1920x1080: software reference median "
           "%.1f ms, tile pick and compare median %.1f ms (%.0f %% of the "
           "tile is ink), vs %.1f ms start to first frame: ratio %.2f\n",
           bench_median(refs, PROOFS), bench_median(picks, PROOFS),
           100 * share, first,
           first > 0 ? (bench_median(refs, PROOFS) +
                        bench_median(picks, PROOFS)) / first : 0);
    exhibit_view_destroy(view);
    exhibit_app_destroy(a);
    atlas_destroy(atlas);
    render_target_destroy(t);
    render_headless_quit();
    content_destroy(ex);
    text_fonts_destroy(fonts);
    return 0;
}
