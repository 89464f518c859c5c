/* display_power.h: turning the display off outside opening hours and on
 * again, by the ways a kiosk has, in order of how much power they save
 * and how much of the display they reach:
 *   1. HDMI-CEC standby (the display itself goes to standby; it answers
 *      with an acknowledgement, or it does not),
 *   2. DPMS off on the DRM connector (no signal: a monitor sleeps),
 *   3. the backlight off (a DSI panel such as the official 7" display),
 *   4. a black frame -- the caller's, always drawn before the others are
 *      tried, so a display that none of them reaches shows black.
 * Off tries 1, 2, 3 in turn and stops at the first that works; on undoes
 * every way that was used, in reverse order (and, for a display that was
 * turned off by someone else's remote, asks CEC to wake it too).
 *
 * The ways themselves are a backend (struct power_ways): the real one in
 * platform/power_linux.c, a recording fake in the tests and in `render
 * --script`.  Pure: no SDL, no I/O of its own. */
#ifndef OPS_DISPLAY_POWER_H
#define OPS_DISPLAY_POWER_H

#include <stdbool.h>
#include <stddef.h>

enum power_way {
    POWER_CEC,
    POWER_DPMS,
    POWER_BACKLIGHT,
    POWER_WAY_COUNT
};

enum power_result {
    POWER_DONE,   /* it worked (CEC: the display acknowledged) */
    POWER_ABSENT, /* this kiosk has no such way (no /dev/cec*, no
                     backlight, no DRM connector): not an error */
    POWER_FAILED, /* it exists but did not work: why says what */
};

/* A backend: `set` turns the display on or off one way, writing a
 * sentence for the log into why (what was done, or what went wrong). */
struct power_ways {
    enum power_result (*set)(void *ctx, enum power_way way, bool on,
                             char *why, size_t size);
    void *ctx;
};

struct power_attempt {
    enum power_way way;
    bool on;
    enum power_result result;
    char why[200];
};

struct display_power {
    bool off;                     /* as last asked */
    bool used[POWER_WAY_COUNT];   /* the ways that turned it off */
    /* the last change's attempts, in order */
    struct power_attempt attempts[2 * POWER_WAY_COUNT];
    size_t attempt_count;
    unsigned changes;             /* off or on asked, ever: a status
                                     writer sees a change it has not
                                     written */
};

void display_power_init(struct display_power *p);

/* Off by the first way that works; true if one did (false: only the
 * caller's black frame hides the picture). */
bool display_power_off(struct display_power *p, const struct power_ways *w);

/* On again: every way that was used, in reverse; CEC is asked to wake
 * the display even if it was not used (a visitor's or a cleaner's remote
 * may have put it to standby).  True if every way used came back. */
bool display_power_on(struct display_power *p, const struct power_ways *w);

/* The way that turned it off ("cec", "dpms", "backlight"), or "black"
 * when none did; "on" when it is on. */
const char *display_power_by(const struct display_power *p);

const char *power_way_name(enum power_way way);
const char *power_result_name(enum power_result r);

#endif
