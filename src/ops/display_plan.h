/* display_plan.h: whether the display should be on now -- from the
 * opening hours, how far the wall clock can be trusted, and a touch that
 * woke a closed exhibit.  Pure: the caller brings the time and the trust.
 *
 * The rule for a clock that cannot be trusted (a Raspberry Pi has no
 * battery clock: until NTP answers, its time is whatever it saved at the
 * last shutdown): any moment could be opening hours, so the display stays
 * on and says why -- a dark screen during opening hours is the failure a
 * museum notices; a lit one at night costs only power. */
#ifndef OPS_DISPLAY_PLAN_H
#define OPS_DISPLAY_PLAN_H

#include <stdbool.h>
#include <time.h>

#include "ops/schedule.h"

enum display_reason {
    DISPLAY_ALWAYS_OPEN,     /* no opening hours are set */
    DISPLAY_OPEN,            /* within the opening hours */
    DISPLAY_CLOSED,          /* outside them: off */
    DISPLAY_WOKEN,           /* outside them, woken by a touch */
    DISPLAY_CLOCK_UNTRUSTED, /* on: the time is not known to be right */
};

struct display_plan {
    bool on;
    enum display_reason reason;
    struct schedule_state schedule; /* open, and the next change */
};

/* At wall time `now`; `woken_until` (0: never woken) is when a wake by
 * touch ends. */
struct display_plan display_plan_at(const struct schedule *s, time_t now,
                                    bool clock_trusted, time_t woken_until);

/* "always-open", "open", "closed", "woken", "clock-untrusted". */
const char *display_reason_name(enum display_reason r);

#endif
