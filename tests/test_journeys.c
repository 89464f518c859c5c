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
    test_targets("1920x1080", 1920, 1080);
    test_targets("1080x1920", 1080, 1920);
    if (proc_sh("rm -rf '%s'", dir) != 0)
        return 1;
    return check_finish("test_journeys");
}
