/* test_display_power.c: the order of the ways to turn the display off and
 * on (ops/display_power), through a fake backend that records each call
 * and answers as a table says: CEC first, then DPMS, then the backlight,
 * stopping at the first that works; black when none does; on again by
 * every way used, in reverse, and CEC always. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "ops/display_power.h"

struct fake {
    enum power_result answer[POWER_WAY_COUNT][2]; /* [way][on] */
    char calls[256];                              /* "cec-off dpms-off" */
};

static enum power_result fake_set(void *ctx, enum power_way way, bool on,
                                  char *why, size_t size)
{
    struct fake *f = ctx;
    size_t n = strlen(f->calls);
    snprintf(f->calls + n, sizeof f->calls - n, "%s%s-%s", n ? " " : "",
             power_way_name(way), on ? "on" : "off");
    enum power_result r = f->answer[way][on];
    snprintf(why, size, "%s %s: %s", power_way_name(way), on ? "on" : "off",
             power_result_name(r));
    return r;
}

#define D POWER_DONE
#define A POWER_ABSENT
#define F POWER_FAILED

static void test_chain(void)
{
    static const struct {
        const char *name;
        enum power_result answer[POWER_WAY_COUNT][2];
        const char *off_calls, *by;
        bool off_ok;
        const char *on_calls;
        bool on_ok;
    } cases[] = {
        {"a TV that answers CEC", {{D, D}, {D, D}, {D, D}}, "cec-off", "cec",
         true, "cec-on", true},
        {"a monitor without CEC (NACK)", {{F, F}, {D, D}, {A, A}},
         "cec-off dpms-off", "dpms", true, "dpms-on cec-on", true},
        {"the 7\" DSI panel: no CEC, no DPMS property, a backlight",
         {{A, A}, {F, F}, {D, D}}, "cec-off dpms-off backlight-off",
         "backlight", true, "backlight-on cec-on", true},
        {"a desktop window: nothing works", {{A, A}, {A, A}, {A, A}},
         "cec-off dpms-off backlight-off", "black", false, "cec-on", true},
        {"DPMS off works but on fails", {{A, A}, {D, F}, {A, A}},
         "cec-off dpms-off", "dpms", true, "dpms-on cec-on", false},
        {"CEC acknowledged off, but not on (a TV deaf when standing by)",
         {{D, F}, {D, D}, {D, D}}, "cec-off", "cec", true, "cec-on", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct fake f = {0};
        memcpy(f.answer, cases[i].answer, sizeof f.answer);
        struct power_ways w = {fake_set, &f};
        struct display_power p;
        display_power_init(&p);
        CHECK(strcmp(display_power_by(&p), "on") == 0, "%s: on at first",
              cases[i].name);
        bool ok = display_power_off(&p, &w);
        CHECK(ok == cases[i].off_ok && strcmp(f.calls, cases[i].off_calls) == 0,
              "%s: off tries '%s' (%s), expected '%s' (%s)", cases[i].name,
              f.calls, ok ? "worked" : "black only", cases[i].off_calls,
              cases[i].off_ok ? "worked" : "black only");
        CHECK(strcmp(display_power_by(&p), cases[i].by) == 0,
              "%s: off by %s, expected %s", cases[i].name,
              display_power_by(&p), cases[i].by);
        /* every attempt is kept, with the backend's sentence */
        size_t words = 1;
        for (const char *c = cases[i].off_calls; *c; c++)
            words += *c == ' ';
        CHECK(p.attempt_count == words &&
                  strstr(p.attempts[p.attempt_count - 1].why, "off") != NULL,
              "%s: %zu attempts kept", cases[i].name, p.attempt_count);
        f.calls[0] = '\0';
        ok = display_power_on(&p, &w);
        CHECK(ok == cases[i].on_ok && strcmp(f.calls, cases[i].on_calls) == 0,
              "%s: on tries '%s' (%s), expected '%s'", cases[i].name,
              f.calls, ok ? "all back" : "not all back", cases[i].on_calls);
        CHECK(strcmp(display_power_by(&p), "on") == 0, "%s: on again",
              cases[i].name);
        CHECK(p.changes == 2, "%s: off and on are two changes for the "
              "status writer (%u)", cases[i].name, p.changes);
        /* off again starts afresh: the same ways in the same order */
        f.calls[0] = '\0';
        display_power_off(&p, &w);
        CHECK(strcmp(f.calls, cases[i].off_calls) == 0,
              "%s: off a second time tries '%s'", cases[i].name, f.calls);
    }
}

int main(void)
{
    test_chain();
    return check_finish("test_display_power");
}
