/* hours.h: the exhibit's opening hours at run time -- when the display
 * goes off and on, what a touch does while it is off, and what the state
 * dump, the status file and the log say about it.
 *
 * The exhibit (app/exhibit_app.c) owns one and drives it: the wall clock
 * and its trust each turn (app_hours_tick), a touch while dark
 * (app_hours_touch), and the black frame's having been shown
 * (app_hours_shown_black) -- the ways of ops/display_power are tried only
 * after it, so a display none of them reaches shows black.  The ways are
 * the caller's backend: the real one on a kiosk, a recording fake in a
 * render script. */
#ifndef APP_HOURS_H
#define APP_HOURS_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "ops/display_plan.h"
#include "ops/display_power.h"
#include "ops/schedule.h"

enum app_hours_phase {
    HOURS_ON,
    HOURS_BLACK, /* closing: the black frame is to be shown */
    HOURS_OFF,   /* shown, and the display turned off */
};

struct app_hours {
    const struct schedule *schedule; /* NULL: always open */
    unsigned wake_s;                 /* a touch while closed; 0: none */
    struct power_ways ways;
    struct display_power power;
    enum app_hours_phase phase;
    struct display_plan plan;
    time_t now, woken_until, plan_until;
    bool trusted, have_plan;
    char clock_why[200];
};

void app_hours_init(struct app_hours *h);
/* The hours (kept, not copied; NULL: none), the wake time and the ways
 * (copied; ways.set NULL: none, the black frame only). */
void app_hours_set(struct app_hours *h, const struct schedule *s,
                   unsigned wake_s, const struct power_ways *ways);

enum app_hours_change {
    HOURS_SAME,
    HOURS_CLOSING, /* reset to Attract, draw the black frame */
    HOURS_OPENING, /* the display is on again: draw */
};

/* The wall clock now and whether it is trusted (`why` for the log and the
 * status; may be NULL when unchanged). */
enum app_hours_change app_hours_tick(struct app_hours *h, time_t now,
                                     bool trusted, const char *why);
/* The black frame is on screen: the display is turned off. */
void app_hours_shown_black(struct app_hours *h);
/* A touch while the display is dark: true if it wakes the exhibit (for
 * wake_s; the touch itself does nothing else). */
bool app_hours_touch(struct app_hours *h);

/* Whether the exhibit is dark (closing or off). */
bool app_hours_dark(const struct app_hours *h);

/* The state dump's "display" and "schedule" members' values, as JSON. */
void app_hours_write_state(const struct app_hours *h, FILE *out);
#endif
