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
#include "ui/scroll_hint.h"

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

/* The reader's English lines: never more than 75 characters, and never
 * fewer than a column's least measure allows (READER_MIN_CHARS_LATIN,
 * less what a ragged line leaves at its end): narrower than that the
 * reader stacks the texts instead of setting them side by side. */
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
            CHECK(cpl >= READER_MIN_CHARS_LATIN - 4 && cpl <= 75,
                  "%dx%d at %d%%: %.1f characters a line of English", w, h,
                  pct, cpl);
            ui_reader_destroy(r);
        }
}

/* The position bar: nothing when the content fits; the thumb at the top,
 * then the bottom, its length the visible share, at the far edge (the
 * left in Uyghur); the fades drawn over the content's edges with more
 * beyond them, and not at an edge with nothing beyond. */
static void test_scroll_hint(void)
{
    struct ui_metrics m;
    ui_metrics_init(&m, 800, 480, 7, TEXT_LANG_EN, false);
    SDL_Rect view = {20, 100, 700, 300};
    SDL_Rect none = ui_scroll_hint_thumb(&m, view, 0, 0);
    CHECK(none.w == 0 && none.h == 0, "fits: no bar");
    SDL_Rect top = ui_scroll_hint_thumb(&m, view, 0, 900);
    SDL_Rect end = ui_scroll_hint_thumb(&m, view, 900, 900);
    CHECK(top.y == 100 && end.y + end.h == 400 && top.h == 300 * 300 / 1200 &&
              top.x + top.w == 720 && ui_px_to_mm(&m, top.w) >= 1.0,
          "thumb at the top %d+%d, at the end %d+%d, x %d", top.y, top.h,
          end.y, end.h, top.x);
    ui_metrics_init(&m, 800, 480, 7, TEXT_LANG_UG, false);
    CHECK(ui_scroll_hint_thumb(&m, view, 0, 900).x == 20,
          "Uyghur: the bar at the left");
    struct render_target *t = render_target_create(800, 480);
    SDL_Renderer *r = t->renderer;
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255); /* "content": black */
    SDL_RenderClear(r);
    ui_metrics_init(&m, 800, 480, 7, TEXT_LANG_EN, false);
    ui_scroll_hint_draw(r, &m, view, 0, 900);
    render_target_flush(t);
    SDL_Surface *s = t->surface;
    Uint8 pr, pg, pb;
    Uint32 *px = s->pixels;
    int pitch = s->pitch / 4;
    SDL_GetRGB(px[101 * pitch + 300], s->format, &pr, &pg, &pb);
    int at_top = pr;
    SDL_GetRGB(px[398 * pitch + 300], s->format, &pr, &pg, &pb);
    int at_bottom = pr;
    CHECK(at_top == 0 && at_bottom > 200,
          "at the top: no fade above (%d), a fade below (%d)", at_top,
          at_bottom);
    render_target_destroy(t);
}

/* A visit is recorded as one anonymous session when the idle reset ends
 * it, and the export lists it. */
/* The capital height of type size `px` on this panel, mm. */
static double cap_mm(const struct ui_metrics *m, int px)
{
    return ui_px_to_mm(m, px * UI_CAP_RATIO);
}

/* The screen's metrics: at 21.5" 1080p the design's sizes (1080 px
 * reference); on every panel the physical floors -- body capitals 4.8 mm,
 * larger text 7.3 mm at 600 mm and a real step, targets 9 mm, 2 mm gaps,
 * a 5 mm bezel; type growing with the viewing distance; a default size
 * when none is known; placement helpers mirroring in Uyghur only. */
static void test_metrics(void)
{
    struct ui_metrics m;
    ui_metrics_init(&m, 1920, 1080, 21.5, TEXT_LANG_EN, false);
    CHECK(m.bezel == 40 && m.bar_h == 72 && m.gap_s == 16 &&
              m.button_h == 112 && ui_px(&m, 48) == 48 &&
              ui_text_px(&m, 48) == 48 && ui_text_px(&m, 28) <= 30,
          "1920x1080: bezel %d, bar %d, button %d", m.bezel, m.bar_h,
          m.button_h);
    /* 2203 px over 546 mm */
    CHECK(m.px_per_mm > 4.02 && m.px_per_mm < 4.05, "21.5\": %.3f px/mm",
          m.px_per_mm);
    static const struct {
        int w, h;
        double diag;
    } panels[] = {{800, 480, 7.0},     {720, 1280, 6.95}, {1280, 800, 10.1},
                  {1920, 1080, 21.5},  {1080, 1920, 21.5},
                  {3840, 2160, 43.0}};
    for (size_t i = 0; i < sizeof panels / sizeof panels[0]; i++) {
        struct ui_metrics n, l;
        ui_metrics_init(&n, panels[i].w, panels[i].h, panels[i].diag,
                        TEXT_LANG_EN, false);
        ui_metrics_init(&l, panels[i].w, panels[i].h, panels[i].diag,
                        TEXT_LANG_EN, true);
        double body = cap_mm(&n, ui_text_px(&n, n.type.lead));
        double label = cap_mm(&n, ui_text_px(&n, n.type.label));
        double large = cap_mm(&l, ui_text_px(&l, l.type.lead));
        double large_label = cap_mm(&l, ui_text_px(&l, l.type.label));
        CHECK(body >= 4.8 && label >= 4.8 && large >= 7.3 &&
                  large_label >= 7.3 && large >= body * 1.25,
              "%dx%d %.1f\": capitals %.2f mm (labels %.2f), larger %.2f "
              "(labels %.2f)", panels[i].w, panels[i].h, panels[i].diag, body,
              label, large, large_label);
        CHECK(ui_px_to_mm(&n, n.target) >= 8.9 &&
                  ui_px_to_mm(&n, n.bar_h) >= 8.9 &&
                  ui_px_to_mm(&n, n.button_h) >= 8.9 &&
                  ui_px_to_mm(&n, n.toggle_h) >= 8.9 &&
                  ui_px_to_mm(&n, n.bar_gap) >= 1.9 &&
                  ui_px_to_mm(&n, n.bezel) >= 4.9 &&
                  l.bar_h > l.bar_text,
              "%dx%d: target %d px, bar %d, gap %d, bezel %d", panels[i].w,
              panels[i].h, n.target, n.bar_h, n.bar_gap, n.bezel);
        /* titles above body text, and not more than 1.5 times it on
         * the floor */
        int t = ui_text_px(&n, n.type.title), b = ui_text_px(&n, n.type.lead);
        CHECK(t > b && (t <= b * 3 / 2 || t == ui_px(&n, n.type.title)),
              "%dx%d: title %d px over body %d", panels[i].w, panels[i].h,
              t, b);
    }
    /* 2 m away the capitals grow in proportion; larger text 0.7 degrees */
    ui_metrics_init_view(&m, 3840, 2160, 43, 2000, TEXT_LANG_EN, false);
    CHECK(cap_mm(&m, ui_text_px(&m, m.type.lead)) >= 4.8 * 2000 / 600,
          "43\" at 2 m: capitals %.1f mm",
          cap_mm(&m, ui_text_px(&m, m.type.lead)));
    ui_metrics_init_view(&m, 3840, 2160, 43, 2000, TEXT_LANG_EN, true);
    CHECK(cap_mm(&m, ui_text_px(&m, m.type.lead)) >= 24.4,
          "43\" at 2 m, larger: capitals %.1f mm",
          cap_mm(&m, ui_text_px(&m, m.type.lead)));
    /* a touch area grows about the drawn box */
    ui_metrics_init(&m, 800, 480, 7, TEXT_LANG_EN, false);
    SDL_Rect word = ui_touch_rect(&m, (SDL_Rect){100, 100, 20, 10});
    CHECK(word.w == m.target && word.h == m.target &&
              word.x + word.w / 2 == 110 && word.y + word.h / 2 == 105,
          "a 20x10 word's touch area: %dx%d at %d,%d", word.w, word.h, word.x,
          word.y);
    ui_metrics_init(&m, 1920, 1080, 0, TEXT_LANG_EN, false);
    CHECK(!m.size_known && m.diagonal_in == UI_DIAGONAL_IN_DEFAULT &&
              m.px_per_mm > 4.02 && m.px_per_mm < 4.05,
          "no physical size: the default %.1f\"", m.diagonal_in);
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
    test_scroll_hint();
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
