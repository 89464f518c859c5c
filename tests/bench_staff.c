/* bench_staff.c: `make bench` for the staff screens at 1920x1080 with the
 * software renderer: laying out the keypad (after every key press) and the
 * diagnostics and statistics pages (the diagnostics once a second while
 * shown), and drawing a frame of each, in Uyghur (the costliest script).
 * Then checking a PIN against the line `kiosk staff-pin-hash` writes
 * (Argon2id at the default costs, on the worker thread in the exhibit)
 * and against an old sha256 line. */
#include <stdio.h>
#include <string.h>

#include "state/staff_pin.h"
#include "bench.h"
#include "shipped.h"
#include "render/atlas.h"
#include "render/headless.h"
#include "ui/staff_screen.h"

#define RUNS 31
#define PIN_RUNS 15

static void measure(const char *what, struct ui_staff_screen *s,
                    const struct ui_staff_model *m,
                    struct render_target *t, struct atlas *a)
{
    double lay[RUNS], draw[RUNS];
    for (int i = 0; i < RUNS; i++) {
        double t0 = bench_now_ms();
        ui_staff_screen_set(s, m, TEXT_LANG_UG, 1920, 1080);
        lay[i] = bench_now_ms() - t0;
    }
    ui_staff_screen_draw(s, t->renderer, a, NULL, NULL, 0); /* the atlas */
    render_target_flush(t);
    for (int i = 0; i < RUNS; i++) {
        double t0 = bench_now_ms();
        ui_staff_screen_draw(s, t->renderer, a, NULL, NULL, 0);
        render_target_flush(t);
        draw[i] = bench_now_ms() - t0;
    }
    printf("staff %s (medians of %d): layout %.2f ms (max %.2f), frame "
           "%.2f ms (max %.2f)\n", what, RUNS, bench_median(lay, RUNS),
           bench_max(lay, RUNS), bench_median(draw, RUNS),
           bench_max(draw, RUNS));
}

/* A right PIN's check against `line`, PIN_RUNS times. */
static void measure_pin(const char *what, const char *line)
{
    struct staff_pin_hash h;
    if (!staff_pin_hash_parse(line, &h, NULL, 0))
        return;
    double ms[PIN_RUNS];
    bool right = true;
    for (int i = 0; i < PIN_RUNS; i++) {
        struct staff_pin p;
        staff_pin_init(&p, &h);
        for (const char *c = "2468"; *c; c++)
            staff_pin_type(&p, *c, 0);
        double t0 = bench_now_ms();
        right &= staff_pin_submit(&p, 0).result == STAFF_PIN_CORRECT;
        ms[i] = bench_now_ms() - t0;
    }
    printf("staff PIN check, %s (median of %d): %.3f ms (min %.3f, max "
           "%.3f)%s\n", what, PIN_RUNS, bench_median(ms, PIN_RUNS),
           bench_min(ms, PIN_RUNS), bench_max(ms, PIN_RUNS),
           right ? "" : " -- WRONG RESULT");
}

static void measure_pins(void)
{
    static const uint8_t salt[16] = {1, 9, 6, 2, 5, 29};
    char line[STAFF_PIN_HASH_TEXT_MAX], what[96];
    struct staff_pin_kdf k = staff_pin_kdf_default();
    if (staff_pin_hash_make("2468", salt, sizeof salt, line, sizeof line)) {
        snprintf(what, sizeof what, "argon2id m=%u KiB t=%u p=%u", k.m_kib,
                 k.t, k.p);
        measure_pin(what, line);
    }
    struct staff_pin_kdf sha = {STAFF_PIN_KDF_SHA256, 0, 0, 0, 32};
    if (staff_pin_hash_make_kdf("2468", &sha, salt, sizeof salt, line,
                                sizeof line))
        measure_pin("old sha256 line", line);
}

int main(void)
{
    struct text_fonts *fonts;
    struct exhibit *ex;
    if (!shipped_load(&fonts, &ex) || !render_headless_init())
        return 1;
    struct render_target *t = render_target_create(1920, 1080);
    struct atlas *a = atlas_create(t->renderer, fonts, NULL);
    struct ui_staff_screen *s = ui_staff_screen_create(fonts);

    struct ui_staff_model m;
    memset(&m, 0, sizeof m);
    m.view = UI_STAFF_VIEW_PIN;
    m.digits = 3;
    m.keys_enabled = true;
    measure("keypad", s, &m, t, a);

    m.view = UI_STAFF_VIEW_PANEL;
    m.page = UI_STAFF_PAGE_DIAG;
    static const enum ui_staff_text labels[] = {
        UI_ST_VERSION, UI_ST_RELEASE, UI_ST_CONTENT, UI_ST_UPTIME,
        UI_ST_FRAMES, UI_ST_MEMORY, UI_ST_SCREEN};
    for (int i = 0; i < 7; i++) {
        m.diag[i].label = labels[i];
        snprintf(m.diag[i].value, sizeof m.diag[i].value,
                 "value %d: 12.3 MB  (peak 45.6 MB)  2026-11-27T05:47:19Z",
                 i);
    }
    m.diag_count = 7;
    for (int i = 0; i < 12; i++)
        snprintf(m.import_report + strlen(m.import_report),
                 sizeof m.import_report - strlen(m.import_report),
                 "kiosk-content/places.txt:%d:1: error: a line of the "
                 "import report\n", i + 1);
    measure("diagnostics", s, &m, t, a);

    m.page = UI_STAFF_PAGE_STATS;
    m.stats_available = true;
    for (int d = 0; d < UI_STAFF_DAYS; d++) {
        for (int k = 0; k < UI_CHART_STACKS; k++)
            m.day_sessions[d][k] = (uint32_t)((d * 7 + k * 3) % 23);
        snprintf(m.day_label[d], sizeof m.day_label[d], "11-%02d", d + 1);
    }
    m.total_sessions = 400;
    m.average_s = 95;
    measure("statistics", s, &m, t, a);
    measure_pins();

    ui_staff_screen_destroy(s);
    atlas_destroy(a);
    render_target_destroy(t);
    render_headless_quit();
    content_destroy(ex);
    text_fonts_destroy(fonts);
    return 0;
}
