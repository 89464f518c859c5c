/* test_journeys.c: visitor journeys played by `kiosk render --script`,
 * asserting the state dumps -- the path the issue describes, the language
 * switch (Uyghur mirrored), the idle prompt and reset, a fling, a drag on
 * the map, a static screen drawing nothing -- and the theme's touch-target
 * rules on every screen in every language. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check.h"
#include "play.h"
#include "proc.h"

static char dir[] = "/tmp/kiosk-test-journeys-XXXXXX";

/* Plays the script at WxH; true if the program succeeded. */
static bool play(const char *name, const char *script, const char *size)
{
    return play_script(dir, name, "", size, script);
}

static json_t *state(const char *name)
{
    return play_state(dir, name);
}

static void test_main_journey(const char *size)
{
    char n[64];
    snprintf(n, sizeof n, "journey-%s", size);
    if (!play(n, "state s0\n"
                 "tap 300 300\nstate s1\n"
                 "tap-id nav:map\nstate s2\n"
                 "tap-id region:yili\nwait 400\nstate s3\n"
                 "tap-id passage:priorities\nstate s4\n"
                 "tap-id mention:priorities:1\nwait 400\nstate s5\n",
              size))
        return;
    json_t *s0 = state("s0"), *s1 = state("s1"), *s2 = state("s2"),
           *s3 = state("s3"), *s4 = state("s4"), *s5 = state("s5");
    if (!s0 || !s1 || !s2 || !s3 || !s4 || !s5)
        return;
    CHECK(strcmp(play_str(s0, "screen"), "attract") == 0, "%s: Attract", n);
    CHECK(strcmp(play_str(s1, "screen"), "home") == 0 &&
              play_has_target(s1, "nav:map") && play_has_target(s1, "lang:ug"),
          "%s: a touch opens Home with its buttons", n);
    CHECK(strcmp(play_str(s2, "screen"), "map") == 0 &&
              play_has_target(s2, "region:yili") && play_has_target(s2, "town:yining"),
          "%s: the map with its targets", n);
    CHECK(strcmp(play_str(s3, "selected_place"), "yili") == 0 &&
              play_has_target(s3, "passage:priorities"),
          "%s: Yili selected, its card lists 'priorities'", n);
    json_t *reader = json_object_get(s4, "reader");
    json_t *hl = json_object_get(s4, "highlighted");
    CHECK(strcmp(play_str(s4, "screen"), "reader") == 0 &&
              strcmp(play_str(reader, "top_passage"), "priorities") == 0 &&
              json_array_size(hl) == 1 &&
              strcmp(json_string_value(json_array_get(hl, 0)),
                     "priorities") == 0,
          "%s: the reader at 'priorities', highlighted", n);
    /* mention 1 of 'priorities' in the Chinese column is 乌鲁木齐. */
    CHECK(strcmp(play_str(s5, "screen"), "map") == 0 &&
              strcmp(play_str(s5, "selected_place"), "urumqi") == 0,
          "%s: the mention opens the map with Urumqi selected (%s)", n,
          play_str(s5, "selected_place"));
    json_decref(s0);
    json_decref(s1);
    json_decref(s2);
    json_decref(s3);
    json_decref(s4);
    json_decref(s5);
}

static int target_x(json_t *j, const char *id)
{
    json_t *t = json_object_get(j, "targets"), *v;
    size_t i;
    json_array_foreach(t, i, v) {
        if (strcmp(json_string_value(json_object_get(v, "id")), id) == 0)
            return (int)json_integer_value(json_object_get(v, "x"));
    }
    return -1;
}

static void test_languages(void)
{
    if (!play("lang", "tap 300 300\nstate en\n"
                      "tap-id lang:zh\nstate zh\n"
                      "tap-id lang:ug\nstate ug\n"
                      "tap-id nav:map\ntap-id region:yili\nstate ugmap\n",
              "1920x1080"))
        return;
    json_t *en = state("en"), *zh = state("zh"), *ug = state("ug"),
           *um = state("ugmap");
    if (!en || !zh || !ug || !um)
        return;
    CHECK(strcmp(play_str(en, "lang"), "en") == 0 &&
              strcmp(play_str(zh, "lang"), "zh") == 0 &&
              strcmp(play_str(ug, "lang"), "ug") == 0,
          "the switch changes the language");
    CHECK(!json_is_true(json_object_get(en, "mirrored")) &&
              json_is_true(json_object_get(ug, "mirrored")),
          "Uyghur mirrors the chrome");
    /* Mirrored: the language buttons move from the right to the left,
     * the map's targets stay where they were. */
    CHECK(target_x(en, "lang:zh") > 960 && target_x(ug, "lang:zh") < 960,
          "the language switch moves to the left in Uyghur (%d -> %d)",
          target_x(en, "lang:zh"), target_x(ug, "lang:zh"));
    CHECK(strcmp(play_str(um, "screen"), "map") == 0 &&
              strcmp(play_str(um, "selected_place"), "yili") == 0,
          "in Uyghur the map still selects Yili");
    json_decref(en);
    json_decref(zh);
    json_decref(ug);
    json_decref(um);
}

static void test_idle(void)
{
    /* content/exhibit.txt: idle-timeout 90, default language en. */
    if (!play("idle", "tap 300 300\ntap-id lang:zh\ntap-id nav:map\n"
                      "tap-id region:yili\n"
                      "wait 89000\nstate before\n"
                      "wait 2000\nstate prompt\n"
                      "tap 100 900\nstate dismissed\n"
                      "wait 95000\nstate counting\n"
                      "wait 20000\nstate reset\n",
              "1920x1080"))
        return;
    json_t *b = state("before"), *p = state("prompt"), *d = state("dismissed"),
           *c = state("counting"), *r = state("reset");
    if (!b || !p || !d || !c || !r)
        return;
    json_t *pi = json_object_get(p, "idle");
    CHECK(!json_is_true(json_object_get(json_object_get(b, "idle"),
                                        "prompt")),
          "no prompt before the idle time");
    CHECK(json_is_true(json_object_get(pi, "prompt")) &&
              json_integer_value(json_object_get(pi, "seconds_left")) == 19 &&
              play_has_target(p, "idle:continue"),
          "after 90 s the prompt counts down (%lld s left)",
          (long long)json_integer_value(json_object_get(pi, "seconds_left")));
    CHECK(!json_is_true(json_object_get(json_object_get(d, "idle"),
                                        "prompt")) &&
              strcmp(play_str(d, "screen"), "map") == 0 &&
              strcmp(play_str(d, "selected_place"), "yili") == 0,
          "a touch dismisses the prompt and changes nothing else");
    CHECK(json_is_true(json_object_get(json_object_get(c, "idle"),
                                       "prompt")),
          "the prompt comes back after another idle time");
    CHECK(strcmp(play_str(r, "screen"), "attract") == 0 &&
              strcmp(play_str(r, "lang"), "en") == 0 &&
              json_is_null(json_object_get(r, "selected_place")) &&
              json_array_size(json_object_get(r, "highlighted")) == 0,
          "at zero: Attract, the default language, nothing selected");
    json_decref(b);
    json_decref(p);
    json_decref(d);
    json_decref(c);
    json_decref(r);
}

static void test_fling_and_static(void)
{
    if (!play("fling", "tap 300 300\ntap-id nav:read\n"
                       "drag 960 900 960 200 120\nstate moving\n"
                       "wait 4000\nstate rested\n"
                       "drag 960 200 960 1000 80\nwait 4000\nstate top\n"
                       "drag 960 900 960 100 60\ndrag 960 900 960 100 60\n"
                       "drag 960 900 960 100 60\ndrag 960 900 960 100 60\n"
                       "drag 960 900 960 100 60\ndrag 960 900 960 100 60\n"
                       "wait 6000\nstate bottom\n"
                       "wait 10000\nstate still\n",
              "1920x1080"))
        return;
    json_t *m = state("moving"), *r = state("rested"), *t = state("top"),
           *b = state("bottom"), *s = state("still");
    if (!m || !r || !t || !b || !s)
        return;
    double om = json_number_value(json_object_get(json_object_get(m, "reader"),
                                                  "offset"));
    double orr = json_number_value(
        json_object_get(json_object_get(r, "reader"), "offset"));
    double ot = json_number_value(
        json_object_get(json_object_get(t, "reader"), "offset"));
    double ob = json_number_value(
        json_object_get(json_object_get(b, "reader"), "offset"));
    double max = json_number_value(
        json_object_get(json_object_get(b, "reader"), "max_offset"));
    CHECK(orr > om + 200 && orr <= max,
          "the fling carries on after the finger lifts and rests inside "
          "(%.0f -> %.0f, max %.0f)", om, orr, max);
    CHECK(ot == 0, "flinging back up ends exactly at the top (%.1f)", ot);
    CHECK(max > 1000 && ob == max &&
              ob == json_number_value(json_object_get(
                        json_object_get(s, "reader"), "offset")),
          "flinging to the end rests exactly at the end (%.1f of %.1f)", ob,
          max);
    json_int_t fb = json_integer_value(json_object_get(b, "frames_drawn"));
    json_int_t fs = json_integer_value(json_object_get(s, "frames_drawn"));
    CHECK(fs == fb, "10 s on a still screen draw no frame (%lld -> %lld)",
          (long long)fb, (long long)fs);
    json_decref(m);
    json_decref(r);
    json_decref(t);
    json_decref(b);
    json_decref(s);
}

static void test_drag_on_map(void)
{
    /* A drag across Yili selects nothing. */
    if (!play("mapdrag", "tap 300 300\ntap-id nav:map\nstate m0\n",
              "1920x1080"))
        return;
    json_t *m0 = state("m0");
    if (!m0)
        return;
    int x = target_x(m0, "region:yili");
    json_t *t = json_object_get(m0, "targets"), *v;
    size_t i;
    int y = -1;
    json_array_foreach(t, i, v) {
        if (strcmp(json_string_value(json_object_get(v, "id")),
                   "region:yili") == 0)
            y = (int)json_integer_value(json_object_get(v, "y"));
    }
    json_decref(m0);
    char script[256];
    snprintf(script, sizeof script, "tap 300 300\ntap-id nav:map\n"
             "drag %d %d %d %d 300\nstate m1\n", x, y, x + 120, y + 10);
    if (!play("mapdrag2", script, "1920x1080"))
        return;
    json_t *m1 = state("m1");
    if (m1)
        CHECK(json_is_null(json_object_get(m1, "selected_place")),
              "a drag over Yili selects nothing");
    json_decref(m1);
}

/* A slow press -- a finger held 1.5 s on Home's map button before it
 * lifts (a tremor, a careful first touch) -- opens the map as a tap does;
 * one that slides off the button opens nothing. */
static bool is(json_t *j, const char *key, const char *want);

static void test_slow_press(void)
{
    if (!play("slow0", "tap 300 300\nwait 800\nstate h\n", "1920x1080"))
        return;
    json_t *h = state("h");
    if (!h)
        return;
    int x = -1, y = -1;
    json_t *t = json_object_get(h, "targets"), *v;
    size_t i;
    json_array_foreach(t, i, v) {
        if (strcmp(json_string_value(json_object_get(v, "id")),
                   "nav:map") == 0) {
            x = (int)(json_integer_value(json_object_get(v, "x")) +
                      json_integer_value(json_object_get(v, "w")) / 2);
            y = (int)(json_integer_value(json_object_get(v, "y")) +
                      json_integer_value(json_object_get(v, "h")) / 2);
        }
    }
    json_decref(h);
    if (!CHECK(x >= 0, "Home has the map button"))
        return;
    char script[256];
    snprintf(script, sizeof script, "tap 300 300\nwait 800\ndown 1 %d %d\n"
             "wait 1500\nup 1\nwait 500\nstate slow\n", x, y);
    json_t *j = play("slow1", script, "1920x1080") ? state("slow") : NULL;
    CHECK(j && is(j, "screen", "map"),
          "a press held 1.5 s on the map button opens the map");
    json_decref(j);
    snprintf(script, sizeof script, "tap 300 300\nwait 800\ndown 1 %d %d\n"
             "wait 1500\nmove 1 %d %d\nup 1\nwait 500\nstate off\n", x, y,
             x, y + 400);
    j = play("slow2", script, "1920x1080") ? state("off") : NULL;
    CHECK(j && is(j, "screen", "home"),
          "a held press that slides away opens nothing");
    json_decref(j);
}

/* Every target: at least 48 px, 8 px from the next, 40 px from the edge. */
static void check_targets(const char *name, json_t *j, int w, int h)
{
    json_t *t = json_object_get(j, "targets"), *v, *u;
    size_t i, k;
    int small = 0, close = 0, edge = 0;
    json_array_foreach(t, i, v) {
        const char *id = json_string_value(json_object_get(v, "id"));
        if (strncmp(id, "attract", 7) == 0)
            continue; /* the whole screen */
        int x = (int)json_integer_value(json_object_get(v, "x"));
        int y = (int)json_integer_value(json_object_get(v, "y"));
        int tw = (int)json_integer_value(json_object_get(v, "w"));
        int th = (int)json_integer_value(json_object_get(v, "h"));
        bool text = strncmp(id, "mention:", 8) == 0 ||
                    strncmp(id, "region:", 7) == 0 ||
                    strncmp(id, "town:", 5) == 0;
        /* Buttons and card rows are sized by the theme; mentions are
         * words in running text and map targets are points with a slop. */
        if (!text && (th < 48 || tw < 48)) {
            small++;
            fprintf(stderr, "%s: %s is %dx%d\n", name, id, tw, th);
        }
        if (!text && (x < 40 || y < 40 || x + tw > w - 40 ||
                      y + th > h - 40) &&
            strncmp(id, "passage:", 8) != 0) {
            edge++;
            fprintf(stderr, "%s: %s at %d,%d %dx%d near the edge\n", name,
                    id, x, y, tw, th);
        }
        json_array_foreach(t, k, u) {
            if (k <= i)
                continue;
            const char *id2 = json_string_value(json_object_get(u, "id"));
            if (strncmp(id2, "mention:", 8) == 0 ||
                strncmp(id2, "region:", 7) == 0 ||
                strncmp(id2, "town:", 5) == 0 || text ||
                strncmp(id2, "passage:", 8) == 0)
                continue;
            int x2 = (int)json_integer_value(json_object_get(u, "x"));
            int y2 = (int)json_integer_value(json_object_get(u, "y"));
            int w2 = (int)json_integer_value(json_object_get(u, "w"));
            int h2 = (int)json_integer_value(json_object_get(u, "h"));
            bool apart = x + tw + 8 <= x2 || x2 + w2 + 8 <= x ||
                         y + th + 8 <= y2 || y2 + h2 + 8 <= y;
            if (!apart) {
                close++;
                fprintf(stderr, "%s: %s and %s closer than 8 px\n", name, id,
                        id2);
            }
        }
    }
    CHECK(small == 0 && close == 0 && edge == 0,
          "%s: %d targets under 48 px, %d pairs closer than 8 px, %d "
          "within 40 px of the edge", name, small, close, edge);
}

static void test_targets(const char *size, int w, int h)
{
    static const char *const langs[] = {"zh", "en", "ug"};
    for (int l = 0; l < 3; l++) {
        char script[512], name[64];
        snprintf(script, sizeof script,
                 "tap 300 300\ntap-id lang:%s\nstate t-home\n"
                 "tap-id nav:read\nstate t-reader\ntap-id nav:back\n"
                 "tap-id nav:map\ntap-id region:yili\nwait 400\n"
                 "state t-map\ntap-id nav:back\ntap-id nav:about\n"
                 "state t-about\n",
                 langs[l]);
        snprintf(name, sizeof name, "targets-%s-%s", langs[l], size);
        if (!play(name, script, size))
            continue;
        static const char *const screens[] = {"t-home", "t-reader", "t-map",
                                              "t-about"};
        for (int s = 0; s < 4; s++) {
            json_t *j = state(screens[s]);
            char what[96];
            snprintf(what, sizeof what, "%s %s %s", size, langs[l],
                     screens[s]);
            if (j)
                check_targets(what, j, w, h);
            json_decref(j);
        }
    }
}

static double reader_num(json_t *j, const char *key)
{
    return json_number_value(json_object_get(json_object_get(j, "reader"),
                                             key));
}

static const char *reader_top(json_t *j)
{
    return play_str(json_object_get(j, "reader"), "top_passage");
}

/* The screens Back returns to, as "home,map". */
static void history_of(json_t *j, char *buf, size_t n)
{
    json_t *h = json_object_get(j, "history"), *v;
    size_t i, len = 0;
    buf[0] = '\0';
    json_array_foreach(h, i, v) {
        int k = snprintf(buf + len, n - len, "%s%s", i ? "," : "",
                         json_string_value(v));
        if (k < 0 || (size_t)k >= n - len)
            break;
        len += (size_t)k;
    }
}

static bool is(json_t *j, const char *key, const char *want)
{
    return strcmp(play_str(j, key), want) == 0;
}

/* Back returns to the screen before and what it showed; Home goes Home
 * from anywhere and forgets the way; the idle reset forgets it too. */
static void test_back(const char *size)
{
    char n[64];
    snprintf(n, sizeof n, "back-%s", size);
    if (!play(n, "tap 300 300\n"
                 "tap-id nav:map\ntap-id region:yili\nwait 400\nstate m1\n"
                 "tap-id passage:priorities\nstate r1\n"
                 "tap-id nav:back\nwait 400\nstate m2\n"
                 "tap-id passage:priorities\n"
                 "tap-id mention:priorities:1\nwait 400\nstate m3\n"
                 "tap-id nav:back\nstate r2\n"
                 "tap-id nav:back\nwait 400\nstate m4\n"
                 "tap-id nav:back\nstate h1\n"
                 "tap-id nav:about\ntap-id nav:back\nstate h2\n"
                 "tap-id nav:map\ntap-id passage:priorities\n"
                 "tap-id nav:home\nstate h3\n"
                 "tap-id nav:map\nwait 200000\nstate reset\n",
              size))
        return;
    json_t *m1 = state("m1"), *r1 = state("r1"), *m2 = state("m2"),
           *m3 = state("m3"), *r2 = state("r2"), *m4 = state("m4"),
           *h1 = state("h1"), *h2 = state("h2"), *h3 = state("h3"),
           *rs = state("reset");
    char hist[128];
    history_of(r1, hist, sizeof hist);
    CHECK(is(r1, "screen", "reader") && strcmp(hist, "home,map") == 0,
          "%s: a card's passage opens the reader, the map before it (%s)",
          n, hist);
    CHECK(is(m2, "screen", "map") && is(m2, "selected_place", "yili") &&
              play_has_target(m2, "passage:priorities"),
          "%s: Back from the passage lands on the map with Yili's card "
          "open (%s, %s)", n, play_str(m2, "screen"),
          play_str(m2, "selected_place"));
    CHECK(is(m3, "selected_place", "urumqi"), "%s: a mention selects "
          "Urumqi", n);
    CHECK(is(r2, "screen", "reader") &&
              strcmp(reader_top(r2), "priorities") == 0 &&
              reader_num(r2, "offset") == reader_num(r1, "offset") &&
              json_array_size(json_object_get(r2, "highlighted")) == 1,
          "%s: Back from the map returns to the reader where it was (%s at "
          "%.0f, was %.0f), the passage still highlighted", n,
          reader_top(r2), reader_num(r2, "offset"), reader_num(r1, "offset"));
    CHECK(is(m4, "screen", "map") && is(m4, "selected_place", "yili"),
          "%s: Back again: the map with Yili's card (%s)", n,
          play_str(m4, "selected_place"));
    history_of(h1, hist, sizeof hist);
    CHECK(is(h1, "screen", "home") && hist[0] == '\0' &&
              !play_has_target(h1, "nav:back"),
          "%s: Back again: Home, with no Back (%s)", n, hist);
    CHECK(is(h2, "screen", "home"), "%s: About, Back: Home", n);
    history_of(h3, hist, sizeof hist);
    CHECK(is(h3, "screen", "home") && hist[0] == '\0',
          "%s: Home from the map goes Home and forgets the way (%s)", n,
          hist);
    history_of(rs, hist, sizeof hist);
    CHECK(is(rs, "screen", "attract") && hist[0] == '\0',
          "%s: the idle reset forgets the way (%s)", n, hist);
    json_decref(m1);
    json_decref(r1);
    json_decref(m2);
    json_decref(m3);
    json_decref(r2);
    json_decref(m4);
    json_decref(h1);
    json_decref(h2);
    json_decref(h3);
    json_decref(rs);
}

/* The first mention target on screen, or "". */
static void first_mention(json_t *j, char *out, size_t n)
{
    json_t *t = json_object_get(j, "targets"), *v;
    size_t i;
    out[0] = '\0';
    json_array_foreach(t, i, v) {
        const char *id = json_string_value(json_object_get(v, "id"));
        if (strncmp(id, "mention:", 8) == 0) {
            snprintf(out, n, "%s", id);
            return;
        }
    }
}

/* A reader scrolled by hand, left for the map by a mention: Back puts it
 * back at the same pixel; after a language change (a new layout) at the
 * same top passage; the summary toggle comes back as it was. */
static void test_back_scrolled(void)
{
    const char *size = "1920x1080";
    const char *head = "tap 300 300\ntap-id nav:read\n"
                       "drag 960 900 960 700 400\nwait 3000\nstate r0\n";
    if (!play("scrolled0", head, size))
        return;
    json_t *r0 = state("r0");
    char mention[160], script[1024];
    first_mention(r0, mention, sizeof mention);
    CHECK(mention[0] && reader_num(r0, "offset") > 0,
          "the scrolled reader shows a mention (%s) at %.0f", mention,
          reader_num(r0, "offset"));
    snprintf(script, sizeof script,
             "%stap-id %s\nwait 400\nstate m\ntap-id nav:back\nstate r1\n"
             "tap-id %s\nwait 400\ntap-id lang:zh\nwait 400\n"
             "tap-id nav:back\nstate r2\n"
             "tap-id nav:summary\nstate s1\ntap-id lang:en\n"
             "tap-id nav:home\ntap-id nav:read\nstate r3\n",
             head, mention, mention);
    if (!mention[0] || !play("scrolled", script, size)) {
        json_decref(r0);
        return;
    }
    json_t *m = state("m"), *r1 = state("r1"), *r2 = state("r2");
    CHECK(is(m, "screen", "map"), "the mention opens the map");
    CHECK(is(r1, "screen", "reader") &&
              reader_num(r1, "offset") == reader_num(r0, "offset") &&
              strcmp(reader_top(r1), reader_top(r0)) == 0,
          "Back: the reader at the same offset (%.0f, was %.0f)",
          reader_num(r1, "offset"), reader_num(r0, "offset"));
    CHECK(is(r2, "screen", "reader") && is(r2, "lang", "zh") &&
              strcmp(reader_top(r2), reader_top(r0)) == 0,
          "Back after a language change: the same top passage (%s, was "
          "%s)", reader_top(r2), reader_top(r0));
    json_decref(r0);
    json_decref(m);
    json_decref(r1);
    json_decref(r2);
}

/* Each screen's title is shown in the bar, in the interface's language. */
static void test_titles(void)
{
    if (!play("titles", "tap 300 300\nstate home\ntap-id nav:read\n"
                        "state reader\ntap-id nav:home\ntap-id nav:map\n"
                        "state map\ntap-id lang:zh\nstate mapzh\n"
                        "tap-id nav:home\ntap-id nav:about\nstate about\n",
              "1920x1080"))
        return;
    json_t *h = state("home"), *r = state("reader"), *m = state("map"),
           *mz = state("mapzh"), *a = state("about");
    CHECK(json_is_null(json_object_get(h, "title")),
          "Home has no title in the bar");
    CHECK(is(r, "title", "The report") &&
              is(m, "title", "Map of northern Xinjiang") &&
              is(mz, "title", "新疆北部地图") &&
              is(a, "title", "关于本文件"),
          "the titles: '%s', '%s', '%s', '%s'", play_str(r, "title"),
          play_str(m, "title"), play_str(mz, "title"), play_str(a, "title"));
    CHECK(play_has_target(r, "nav:back") && play_has_target(r, "nav:home") &&
              !play_has_target(h, "nav:home"),
          "Back and Home on the titled screens, not on Home");
    json_decref(h);
    json_decref(r);
    json_decref(m);
    json_decref(mz);
    json_decref(a);
}

/* The panels a museum mounts, with their physical sizes. */
static const struct panel {
    const char *size, *mm;
} panels[] = {
    {"800x480", "155x86"},    {"720x1280", "88x155"},
    {"1280x800", "217x136"},  {"1920x1080", "476x268"},
    {"1080x1920", "268x476"}, {"3840x2160", "952x535"},
};

static bool bar_id(const char *id)
{
    return strcmp(id, "nav:back") == 0 || strcmp(id, "nav:home") == 0 ||
           strcmp(id, "nav:language") == 0 ||
           strcmp(id, "nav:text-size") == 0 || strncmp(id, "lang:", 5) == 0;
}

/* The bar's targets (and the chooser's) in one state: >= 9 mm both ways,
 * >= 2 mm apart, inside the screen; the count of failures. */
static int check_bar(const char *what, json_t *j, int w, int h, size_t *n)
{
    double ppm = json_number_value(
        json_object_get(json_object_get(j, "physical"), "px_per_mm"));
    json_t *t = json_object_get(j, "targets"), *v, *u;
    size_t i, k;
    int bad = 0;
    /* 9 mm and 2 mm at this density, rounded as ui_mm rounds. */
    int target = (int)(9.0 * ppm + 0.5), gap = (int)(2.0 * ppm + 0.5);
    json_array_foreach(t, i, v) {
        const char *id = json_string_value(json_object_get(v, "id"));
        if (!bar_id(id))
            continue;
        (*n)++;
        int x = (int)json_integer_value(json_object_get(v, "x"));
        int y = (int)json_integer_value(json_object_get(v, "y"));
        int tw = (int)json_integer_value(json_object_get(v, "w"));
        int th = (int)json_integer_value(json_object_get(v, "h"));
        if (tw < target || th < target || x < 0 || y < 0 || x + tw > w ||
            y + th > h) {
            bad++;
            fprintf(stderr, "%s: %s %dx%d at %d,%d (%.1fx%.1f mm)\n", what,
                    id, tw, th, x, y, tw / ppm, th / ppm);
        }
        json_array_foreach(t, k, u) {
            const char *id2 = json_string_value(json_object_get(u, "id"));
            if (k <= i || !bar_id(id2))
                continue;
            int x2 = (int)json_integer_value(json_object_get(u, "x"));
            int y2 = (int)json_integer_value(json_object_get(u, "y"));
            int w2 = (int)json_integer_value(json_object_get(u, "w"));
            int h2 = (int)json_integer_value(json_object_get(u, "h"));
            if (!(x + tw + gap <= x2 || x2 + w2 + gap <= x ||
                  y + th + gap <= y2 || y2 + h2 + gap <= y)) {
                bad++;
                fprintf(stderr, "%s: %s and %s under 2 mm apart\n", what,
                        id, id2);
            }
        }
    }
    return bad;
}

/* The bar on every panel, in every language, normal and larger text,
 * with the language chooser opened where there is one. */
static void test_bar_panels(void)
{
    static const char *const langs[] = {"zh", "en", "ug"};
    for (size_t p = 0; p < sizeof panels / sizeof *panels; p++) {
        char conf[512], args[600];
        snprintf(conf, sizeof conf, "%s/panel-%zu.conf", dir, p);
        FILE *f = fopen(conf, "w");
        if (f) {
            fprintf(f, "screen-size-mm: %s\n", panels[p].mm);
            fclose(f);
        }
        snprintf(args, sizeof args, "--config %s", conf);
        int w = 0, h = 0;
        sscanf(panels[p].size, "%dx%d", &w, &h);
        for (int l = 0; l < 3; l++)
            for (int large = 0; large < 2; large++) {
                char name[96], script[1024];
                snprintf(name, sizeof name, "bar-%s-%s-%d", panels[p].size,
                         langs[l], large);
                /* The language is chosen through the chooser when there is
                 * one (its state dumped open); the bar's arrangement may
                 * change with the text size and the language, so each is
                 * probed first. */
                const char *size_tap = large ? "tap-id nav:text-size\n" : "";
                snprintf(script, sizeof script, "tap 300 300\n%sstate b-p1\n",
                         size_tap);
                if (!play_script(dir, name, args, panels[p].size, script))
                    continue;
                json_t *probe = state("b-p1");
                char choose[128];
                snprintf(choose, sizeof choose, "%stap-id lang:%s\n",
                         play_has_target(probe, "nav:language")
                             ? "tap-id nav:language\nstate b-menu\n"
                             : "",
                         langs[l]);
                bool chooser1 = play_has_target(probe, "nav:language");
                json_decref(probe);
                snprintf(script, sizeof script, "tap 300 300\n%s%sstate b-p2\n",
                         size_tap, choose);
                if (!play_script(dir, name, args, panels[p].size, script))
                    continue;
                probe = state("b-p2");
                bool chooser = play_has_target(probe, "nav:language");
                json_decref(probe);
                /* Opened on the map, closed by the language it has. */
                char menu2[128] = "";
                if (chooser)
                    snprintf(menu2, sizeof menu2, "tap-id nav:language\n"
                             "state b-menu2\ntap-id lang:%s\n", langs[l]);
                snprintf(script, sizeof script,
                         "tap 300 300\n%s%sstate b-home\n"
                         "tap-id nav:read\nstate b-reader\n"
                         "tap-id nav:home\ntap-id nav:map\n"
                         "tap-id region:yili\nwait 400\nstate b-map\n"
                         "%s"
                         "tap-id nav:home\ntap-id nav:about\nstate b-about\n",
                         size_tap, choose, menu2);
                if (!play_script(dir, name, args, panels[p].size, script))
                    continue;
                static const char *const st[] = {"b-home", "b-reader",
                                                 "b-map", "b-about",
                                                 "b-menu", "b-menu2"};
                int bad = 0;
                size_t count = 0;
                for (int s = 0; s < 6; s++) {
                    if ((s == 4 && !chooser1) || (s == 5 && !chooser))
                        continue;
                    json_t *j = state(st[s]);
                    char what[160];
                    snprintf(what, sizeof what, "%s %s", name, st[s]);
                    bad += check_bar(what, j, w, h, &count);
                    if (s == 2)
                        CHECK(play_has_target(j, "nav:back") &&
                                  play_has_target(j, "nav:home") &&
                                  play_has_target(j, "nav:text-size") &&
                                  (play_has_target(j, "lang:zh") ||
                                   play_has_target(j, "nav:language")),
                              "%s: the map's bar has every control", name);
                    if (s >= 4)
                        CHECK(play_has_target(j, "lang:zh") &&
                                  play_has_target(j, "lang:en") &&
                                  play_has_target(j, "lang:ug"),
                              "%s %s: the chooser offers every language",
                              name, st[s]);
                    json_decref(j);
                }
                CHECK(bad == 0 && count >= 2 + 3 * 4,
                      "%s: %zu bar targets >= 9 mm and >= 2 mm apart "
                      "(%d failures)", name, count, bad);
            }
    }
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    test_main_journey("1920x1080");
    test_main_journey("1080x1920");
    test_languages();
    test_idle();
    test_fling_and_static();
    test_drag_on_map();
    test_slow_press();
    test_targets("1920x1080", 1920, 1080);
    test_targets("1080x1920", 1080, 1920);
    test_back("1920x1080");
    test_back("1080x1920"); /* 800x480 once a card scrolls to its passages */
    test_back_scrolled();
    test_titles();
    test_bar_panels();
    if (proc_sh("rm -rf '%s'", dir) != 0)
        return 1;
    return check_finish("test_journeys");
}
