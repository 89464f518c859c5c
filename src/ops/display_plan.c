/* display_plan.c: on or off now (see display_plan.h). */
#include "ops/display_plan.h"

struct display_plan display_plan_at(const struct schedule *s, time_t now,
                                    bool clock_trusted, time_t woken_until)
{
    struct display_plan p = {.on = true, .reason = DISPLAY_OPEN};
    p.schedule = schedule_at(s, now);
    if (!s->weekly_given && s->date_count == 0)
        p.reason = DISPLAY_ALWAYS_OPEN;
    else if (!clock_trusted)
        p.reason = DISPLAY_CLOCK_UNTRUSTED;
    else if (!p.schedule.open && now < woken_until)
        p.reason = DISPLAY_WOKEN;
    else if (!p.schedule.open) {
        p.on = false;
        p.reason = DISPLAY_CLOSED;
    }
    return p;
}

const char *display_reason_name(enum display_reason r)
{
    switch (r) {
    case DISPLAY_ALWAYS_OPEN:
        return "always-open";
    case DISPLAY_OPEN:
        return "open";
    case DISPLAY_CLOSED:
        return "closed";
    case DISPLAY_WOKEN:
        return "woken";
    case DISPLAY_CLOCK_UNTRUSTED:
        return "clock-untrusted";
    }
    return "?";
}
