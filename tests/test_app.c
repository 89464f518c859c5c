/* test_app.c: the journey from the map to the reader and back, by tapping
 * the targets the app publishes: map -> tap Yili -> its card -> tap a
 * passage -> the reader at that passage with it highlighted -> tap a
 * mention -> the map with that place selected; in all three languages,
 * landscape and portrait. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/exhibit_app.h"
#include "check.h"
#include "shipped.h"
#include "render/atlas.h"
#include "render/headless.h"
#include "ui/reader.h"

static struct text_fonts *fonts;
static struct exhibit *ex;

static char *state(const struct exhibit_app *a)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    exhibit_app_write_state(a, f);
    fclose(f);
    return buf;
}

/* The first target id in the state that starts with prefix. */
static bool first_target(const char *st, const char *prefix, char *out,
                         size_t n)
{
    char needle[64];
    snprintf(needle, sizeof needle, "{\"id\":\"%s", prefix);
    const char *p = strstr(st, needle);
    if (!p)
        return false;
    p += 7;
    const char *e = strchr(p, '"');
    snprintf(out, n, "%.*s", (int)(e - p), p);
    return true;
}

static void journey(enum text_lang lang, int w, int h)
{
    struct render_target *t = render_target_create(w, h);
    struct atlas *atlas = atlas_create(t->renderer, fonts, NULL);
    struct exhibit_app *a = exhibit_app_create(fonts);
    exhibit_app_layout(a, t->renderer, ex, lang, w, h);
    char what[64];
    snprintf(what, sizeof what, "%dx%d lang %d", w, h, lang);

    CHECK(exhibit_app_screen(a) == APP_SCREEN_ATTRACT,
          "%s: starts on Attract", what);
    int x, y;
    exhibit_app_tap(a, t->renderer, w / 2, h / 2, 100);
    CHECK(exhibit_app_screen(a) == APP_SCREEN_HOME, "%s: a touch leaves "
                                                    "Attract for Home", what);
    CHECK(exhibit_app_target(a, "nav:map", &x, &y), "%s: nav:map", what);
    exhibit_app_tap(a, t->renderer, x, y, 200);
    CHECK(exhibit_app_screen(a) == APP_SCREEN_MAP &&
              !exhibit_app_selected_place(a),
          "%s: the map, nothing selected", what);
    CHECK(exhibit_app_target(a, "region:yili", &x, &y),
          "%s: region:yili is a target", what);
    exhibit_app_tap(a, t->renderer, x, y, 1000);
    const char *sel = exhibit_app_selected_place(a);
    CHECK(sel && strcmp(sel, "yili") == 0, "%s: tapping Yili selects it",
          what);
    exhibit_app_draw(a, t->renderer, atlas, 2000);

    char *st = state(a);
    char pid[160];
    bool have = first_target(st, "passage:", pid, sizeof pid);
    CHECK(have, "%s: the card lists passages as targets", what);
    free(st);
    if (!have)
        goto out;
    exhibit_app_target(a, pid, &x, &y);
    exhibit_app_tap(a, t->renderer, x, y, 3000);
    st = state(a);
    const char *passage = pid + strlen("passage:");
    char want_top[200], want_hl[200];
    snprintf(want_top, sizeof want_top, "\"top_passage\":\"%s\"", passage);
    snprintf(want_hl, sizeof want_hl, "\"highlighted\":[\"%s\"]", passage);
    CHECK(exhibit_app_screen(a) == APP_SCREEN_READER,
          "%s: tapping %s opens the reader", what, pid);
    CHECK(strstr(st, want_top) && strstr(st, want_hl),
          "%s: the reader is at %s with it highlighted:\n%.300s", what,
          passage, st);
    exhibit_app_draw(a, t->renderer, atlas, 3100);

    /* A mention in the highlighted passage leads back to the map. */
    char mprefix[200], mid[160];
    snprintf(mprefix, sizeof mprefix, "mention:%s:", passage);
    have = first_target(st, mprefix, mid, sizeof mid);
    CHECK(have, "%s: the passage's mentions are targets", what);
    free(st);
    if (!have)
        goto out;
    unsigned seq = (unsigned)atoi(strrchr(mid, ':') + 1);
    const struct content_passage *p = NULL;
    for (uint32_t i = 0; i < ex->passage_count; i++)
        if (strcmp(ex->passages[i].id, passage) == 0)
            p = &ex->passages[i];
    unsigned nzh = p->text[TEXT_LANG_ZH].mention_count;
    const struct content_mention *m =
        seq < nzh ? &p->text[TEXT_LANG_ZH].mentions[seq]
                  : &p->text[TEXT_LANG_EN].mentions[seq - nzh];
    const char *expect = ex->places[m->place].id;
    exhibit_app_target(a, mid, &x, &y);
    exhibit_app_tap(a, t->renderer, x, y, 4000);
    sel = exhibit_app_selected_place(a);
    CHECK(exhibit_app_screen(a) == APP_SCREEN_MAP && sel &&
              strcmp(sel, expect) == 0,
          "%s: tapping %s opens the map with %s selected (got %s)", what,
          mid, expect, sel ? sel : "nothing");
    exhibit_app_draw(a, t->renderer, atlas, 4100);
out:
    exhibit_app_destroy(a);
    atlas_destroy(atlas);
    render_target_destroy(t);
}

/* The reader's English lines: about 45-75 characters, at both text
 * sizes and orientations; body text at least 28 px at 1080p. */
static void test_measure(void)
{
    static const int sizes[][2] = {{1920, 1080}, {1080, 1920}, {1280, 720}};
    for (int i = 0; i < 3; i++)
        for (int pct = 100; pct <= 125; pct += 25) {
            struct ui_reader *r = ui_reader_create(fonts);
            int w = sizes[i][0], h = sizes[i][1];
            struct ui_metrics m;
            ui_metrics_init(&m, w, h, 0, TEXT_LANG_EN, pct > 100);
            ui_reader_set(r, ex, &m, (SDL_Rect){40, 150, w - 80, h - 190},
                          false);
            double cpl = ui_reader_chars_per_line(r, TEXT_LANG_EN);
            CHECK(cpl >= 45 && cpl <= 75, "%dx%d at %d%%: %.1f characters "
                  "a line of English", w, h, pct, cpl);
            ui_reader_destroy(r);
        }
}

/* A visit is recorded as one anonymous session when the idle reset ends
 * it, and the export lists it. */
/* The screen's metrics: the named sizes are today's (1080 px reference,
 * floors on small screens), the physical size gives px per mm, and the
 * placement helpers mirror in Uyghur only. */
static void test_metrics(void)
{
    struct ui_metrics m;
    ui_metrics_init(&m, 1920, 1080, 21.5, TEXT_LANG_EN, false);
    CHECK(m.bezel == 40 && m.bar_h == 72 && m.gap_s == 16 &&
              m.button_h == 112 && ui_px(&m, 48) == 48 &&
              ui_text_px(&m, 48) == 48,
          "1920x1080: bezel %d, bar %d, button %d", m.bezel, m.bar_h,
          m.button_h);
    /* 2203 px over 546 mm */
    CHECK(m.px_per_mm > 4.02 && m.px_per_mm < 4.05, "21.5\": %.3f px/mm",
          m.px_per_mm);
    ui_metrics_init(&m, 800, 480, 7, TEXT_LANG_EN, true);
    CHECK(m.bezel == 40 && m.bar_h == 56 && m.bar_text == 18 &&
              ui_text_px(&m, 48) == 21 * 125 / 100,
          "800x480: floors (bezel %d, bar %d, label %d), larger text %d",
          m.bezel, m.bar_h, m.bar_text, ui_text_px(&m, 48));
    CHECK(m.px_per_mm > 5.2 && m.px_per_mm < 5.3, "7\" 800x480: %.3f px/mm",
          m.px_per_mm);
    ui_metrics_init(&m, 1920, 1080, 0, TEXT_LANG_EN, false);
    CHECK(m.px_per_mm == 0, "no physical size: px/mm unknown");
    SDL_Rect area = {100, 0, 1000, 50};
    CHECK(ui_start_x(&m, area, 200) == 100 && ui_end_x(&m, area, 200) == 900 &&
              ui_reading_slot(&m, 0, 2) == 0 &&
              ui_align_start(&m, TEXT_LANG_UG) == TEXT_ALIGN_END,
          "English: from the left");
    ui_metrics_init(&m, 1920, 1080, 0, TEXT_LANG_UG, false);
    CHECK(ui_start_x(&m, area, 200) == 900 && ui_end_x(&m, area, 200) == 100 &&
              ui_reading_slot(&m, 0, 2) == 1 &&
              ui_align_start(&m, TEXT_LANG_UG) == TEXT_ALIGN_START &&
              ui_align_start(&m, TEXT_LANG_EN) == TEXT_ALIGN_END,
          "Uyghur: from the right");
    SDL_Rect a = {0, 0, 100, 10}, b = {0, 0, 50, 10};
    SDL_Rect *row[2] = {&a, &b};
    ui_row_from_end(&m, 10, 1010, row, 2, 8);
    CHECK(a.x == 10 && b.x == 118, "Uyghur row from the left edge: %d %d",
          a.x, b.x);
}

static void test_stats(void)
{
    char dir[] = "/tmp/kiosk-test-app-stats-XXXXXX";
    if (!mkdtemp(dir))
        return;
    struct render_target *t = render_target_create(1280, 800);
    struct atlas *atlas = atlas_create(t->renderer, fonts, NULL);
    struct exhibit_app *a = exhibit_app_create(fonts);
    exhibit_app_set_stats_dir(a, dir);
    exhibit_app_layout(a, t->renderer, ex, TEXT_LANG_EN, 1280, 800);
    int x, y;
    exhibit_app_tap(a, t->renderer, 640, 400, 1000);
    exhibit_app_target(a, "lang:ug", &x, &y);
    exhibit_app_tap(a, t->renderer, x, y, 2000);
    exhibit_app_target(a, "nav:map", &x, &y);
    exhibit_app_tap(a, t->renderer, x, y, 3000);
    exhibit_app_target(a, "region:yili", &x, &y);
    exhibit_app_tap(a, t->renderer, x, y, 4000);
    /* Idle: the prompt, then the reset that ends the session. */
    uint32_t t_end = 4000 + ex->settings.idle_timeout_s * 1000u + 21000;
    for (uint32_t now = 4000; now <= t_end; now += 500)
        exhibit_app_tick(a, now);
    CHECK(exhibit_app_screen(a) == APP_SCREEN_ATTRACT, "reset to Attract");
    char cmd[600];
    snprintf(cmd, sizeof cmd, "cat %s/stats/*.log > %s/all.txt", dir, dir);
    CHECK(system(cmd) == 0, "a day file was written");
    char path[600];
    snprintf(path, sizeof path, "%s/all.txt", dir);
    size_t len;
    char *log = check_read_file(path, &len);
    CHECK(log && strstr(log, "yili") && strstr(log, "ug"),
          "the session records the language and the place tapped:\n%s",
          log ? log : "");
    free(log);
    exhibit_app_destroy(a);
    atlas_destroy(atlas);
    render_target_destroy(t);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        CHECK(false, "cleanup");
}

int main(void)
{
    if (!render_headless_init())
        return 1;
    if (!shipped_load(&fonts, &ex))
        return 1;
    test_measure();
    test_metrics();
    test_stats();
    for (int l = 0; l < 3; l++) {
        journey((enum text_lang)l, 1920, 1080);
        journey((enum text_lang)l, 1080, 1920);
    }
    content_destroy(ex);
    text_fonts_destroy(fonts);
    render_headless_quit();
    return check_finish("test_app");
}
