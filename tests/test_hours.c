/* test_hours.c: opening hours in the exhibit, played headless through
 * `kiosk render --script` with a simulated wall clock (`clock`): the
 * display goes off at closing time (the exhibit back to Attract, one
 * black frame, then no frames at all), a touch wakes it for the
 * configured time (or not, with wake-on-touch: off), it comes back at
 * opening time, an untrusted clock keeps it on, special hours and
 * closures hold, and summer time moves nothing (Europe/London).  Judged
 * from the state dump (display, schedule, screen, frames_drawn) and the
 * pictures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_image.h>
#include <jansson.h>

#include "check.h"
#include "play.h"

static char dir[] = "/tmp/kiosk-test-hours-XXXXXX";
static char args[700];

static void conf(const char *text)
{
    char path[600];
    snprintf(path, sizeof path, "%s/kiosk.conf", dir);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    CHECK(f != NULL, "write %s", path);
    snprintf(args, sizeof args, "--config %s", path);
}

/* The share of the picture's pixels that are black. */
static double black_share(const char *name)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s.png", dir, name);
    SDL_Surface *s = IMG_Load(path);
    if (!CHECK(s != NULL, "%s was written", path))
        return -1;
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_FreeSurface(s);
    long black = 0, all = (long)c->w * c->h;
    for (int y = 0; y < c->h; y++)
        for (int x = 0; x < c->w; x++) {
            const Uint8 *p = (const Uint8 *)c->pixels + y * c->pitch + x * 4;
            black += p[0] < 8 && p[1] < 8 && p[2] < 8;
        }
    SDL_FreeSurface(c);
    return (double)black / (double)all;
}

struct seen {
    const char *screen, *reason, *next;
    bool on, open;
    long frames;
};

static struct seen seen(json_t **keep, const char *name)
{
    json_t *j = play_state(dir, name);
    *keep = j;
    json_t *d = json_object_get(j, "display");
    json_t *s = json_object_get(j, "schedule");
    return (struct seen){
        play_str(j, "screen"), play_str(d, "reason"),
        json_is_string(json_object_get(s, "next_change"))
            ? play_str(s, "next_change")
            : "null",
        json_is_true(json_object_get(d, "on")),
        json_is_true(json_object_get(s, "open")), play_int(j, "frames_drawn")};
}

static const char *const week =
    "opening-hours: mon-fri 09:00-17:00, sat-sun 10:00-16:00\n"
    "closed: 2026-12-25, 2026-12-26\n"
    "hours: 2026-12-31 09:00-22:00\n";

/* Closing time on a weekday: reset, black, off, no frames; a touch wakes
 * it for two minutes; it opens again in the morning. */
static void test_day(void)
{
    char text[600];
    snprintf(text, sizeof text, "%swake-on-touch: 2\n", week);
    conf(text);
    const char *script =
        "clock 2026-12-02T16:59:40\nwait 600\ntap 400 240\nwait 600\n"
        "tap-id nav:read\nwait 600\nstate open\nshot open\n"
        "wait 20000\nstate closed\nshot closed\n"
        "wait 30000\nstate still\n"
        "tap 400 240\nwait 600\nstate woken\nshot woken\n"
        "wait 121000\nstate asleep\n"
        "clock 2026-12-03T08:59:58\nwait 3000\nstate morning\nshot morning\n";
    if (!play_script(dir, "day", args, "800x480", script))
        return;
    json_t *k[6];
    struct seen open = seen(&k[0], "open"), closed = seen(&k[1], "closed"),
                still = seen(&k[2], "still"), woken = seen(&k[3], "woken"),
                asleep = seen(&k[4], "asleep"),
                morning = seen(&k[5], "morning");
    CHECK(open.on && strcmp(open.reason, "open") == 0 &&
              strcmp(open.screen, "reader") == 0 && open.open &&
              strcmp(open.next, "2026-12-02T17:00:00+00:00") == 0,
          "16:59: open on the reader, closing at 17:00 (%s %s %s)",
          open.reason, open.screen, open.next);
    CHECK(!closed.on && strcmp(closed.reason, "closed") == 0 &&
              strcmp(closed.screen, "attract") == 0 &&
              strcmp(closed.next, "2026-12-03T09:00:00+00:00") == 0,
          "17:00: off, back to Attract, opening at 09:00 (%s %s %s)",
          closed.reason, closed.screen, closed.next);
    CHECK(black_share("closed") > 0.999, "closed: the picture is black");
    CHECK(black_share("open") < 0.5, "open: the picture is not black");
    CHECK(still.frames == closed.frames,
          "closed: no frame drawn in 30 s (%ld, then %ld)", closed.frames,
          still.frames);
    CHECK(woken.on && strcmp(woken.reason, "woken") == 0 &&
              strcmp(woken.screen, "attract") == 0,
          "a touch while closed wakes it into Attract (%s %s)", woken.reason,
          woken.screen);
    CHECK(black_share("woken") < 0.5, "woken: the exhibit is drawn");
    CHECK(!asleep.on && strcmp(asleep.reason, "closed") == 0,
          "two minutes after the touch: off again (%s)", asleep.reason);
    CHECK(morning.on && strcmp(morning.reason, "open") == 0 &&
              black_share("morning") < 0.5 &&
              morning.frames > asleep.frames,
          "09:00: on again and drawing (%s, frames %ld -> %ld)",
          morning.reason, asleep.frames, morning.frames);
    for (int i = 0; i < 6; i++)
        json_decref(k[i]);
}

/* The dated lines, wake-on-touch off, an untrusted clock, a clock that
 * jumps backwards, and the week of the change to summer time. */
static void test_dates(void)
{
    char text[600];
    snprintf(text, sizeof text, "%swake-on-touch: off\n", week);
    conf(text);
    static const struct {
        const char *when, *name;
        bool untrusted;
        bool on;
        const char *reason;
    } cases[] = {
        {"2026-12-25T12:00", "christmas", false, false, "closed"},
        {"2026-12-31T21:30", "new-year-eve", false, true, "open"},
        {"2027-01-02T10:30", "saturday", false, true, "open"},
        {"2027-01-02T16:30", "saturday-late", false, false, "closed"},
        {"2026-12-25T12:00", "untrusted", true, true, "clock-untrusted"},
        /* back from a trusted night to an afternoon: the jump is seen */
        {"2026-12-02T14:00", "jumped-back", false, true, "open"},
        /* Sunday 29 March 2026 the clocks go forward at 01:00 GMT */
        {"2026-03-29T10:30", "summer-sunday", false, true, "open"},
        {"2026-03-29T09:30", "summer-sunday-early", false, false, "closed"},
        {"2026-03-30T16:59", "summer-monday", false, true, "open"},
        {"2026-03-30T17:01", "summer-monday-late", false, false, "closed"},
    };
    char script[4096] = "", *o = script;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        o += snprintf(o, sizeof script - (size_t)(o - script),
                      "clock%s %s\nwait 1200\ntap 400 240\nwait 600\n"
                      "state %s\n",
                      cases[i].untrusted ? "-untrusted" : "", cases[i].when,
                      cases[i].name);
    if (!play_script(dir, "dates", args, "800x480", script))
        return;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        json_t *k;
        struct seen s = seen(&k, cases[i].name);
        CHECK(s.on == cases[i].on && strcmp(s.reason, cases[i].reason) == 0,
              "%s (%s): display %s, %s (expected %s, %s); a touch with "
              "wake-on-touch off changes nothing", cases[i].when,
              cases[i].name, s.on ? "on" : "off", s.reason,
              cases[i].on ? "on" : "off", cases[i].reason);
        json_decref(k);
    }
    json_t *k;
    struct seen s = seen(&k, "summer-monday");
    CHECK(strcmp(s.next, "2026-03-30T17:00:00+01:00") == 0,
          "in summer time the next change is 17:00 BST (%s)", s.next);
    json_decref(k);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    setenv("TZ", "Europe/London", 1);
    test_day();
    test_dates();
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        CHECK(false, "cleanup");
    return check_finish("test_hours");
}
