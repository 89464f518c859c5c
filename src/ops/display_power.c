/* display_power.c: the order of the ways to turn the display off and on
 * (see display_power.h).  Every attempt is kept for the log and the
 * status file; nothing here knows a device. */
#include <stdio.h>
#include <string.h>

#include "ops/display_power.h"

void display_power_init(struct display_power *p)
{
    memset(p, 0, sizeof *p);
}

static enum power_result attempt(struct display_power *p,
                                 const struct power_ways *w,
                                 enum power_way way, bool on)
{
    struct power_attempt *a = &p->attempts[p->attempt_count];
    a->way = way;
    a->on = on;
    a->why[0] = '\0';
    a->result = w->set(w->ctx, way, on, a->why, sizeof a->why);
    if (p->attempt_count + 1 < sizeof p->attempts / sizeof *p->attempts)
        p->attempt_count++;
    return a->result;
}

bool display_power_off(struct display_power *p, const struct power_ways *w)
{
    p->changes++;
    p->attempt_count = 0;
    p->off = true;
    for (int i = 0; i < POWER_WAY_COUNT; i++)
        p->used[i] = false;
    for (int i = 0; i < POWER_WAY_COUNT; i++)
        if (attempt(p, w, (enum power_way)i, false) == POWER_DONE) {
            p->used[i] = true;
            return true;
        }
    return false;
}

bool display_power_on(struct display_power *p, const struct power_ways *w)
{
    p->changes++;
    p->attempt_count = 0;
    bool all = true;
    for (int i = POWER_WAY_COUNT; i-- > 0;) {
        /* CEC always: a remote may have put the display to standby */
        if (!p->used[i] && i != POWER_CEC)
            continue;
        enum power_result r = attempt(p, w, (enum power_way)i, true);
        if (p->used[i] && r != POWER_DONE)
            all = false;
        p->used[i] = false;
    }
    p->off = false;
    return all;
}

const char *display_power_by(const struct display_power *p)
{
    if (!p->off)
        return "on";
    for (int i = 0; i < POWER_WAY_COUNT; i++)
        if (p->used[i])
            return power_way_name((enum power_way)i);
    return "black";
}

const char *power_way_name(enum power_way way)
{
    switch (way) {
    case POWER_CEC:
        return "cec";
    case POWER_DPMS:
        return "dpms";
    case POWER_BACKLIGHT:
        return "backlight";
    case POWER_WAY_COUNT:
        break;
    }
    return "?";
}

const char *power_result_name(enum power_result r)
{
    switch (r) {
    case POWER_DONE:
        return "done";
    case POWER_ABSENT:
        return "absent";
    case POWER_FAILED:
        return "failed";
    }
    return "?";
}
