/* schedule.h: the museum's opening hours -- parsed from kiosk.conf's
 * values, and asked "open now, and until when?".
 *
 * Three kinds of line, written for a technician, not a programmer:
 *   opening-hours: mon-fri 09:00-17:00, sat-sun 10:00-16:00
 *   closed: 2026-12-25, 2026-12-26
 *   hours: 2026-12-31 09:00-22:00
 * Days are mon tue wed thu fri sat sun (a range wraps: sat-mon), a day may
 * have several spans (tue 09:00-12:00 13:00-17:00), a span may run past
 * midnight (fri 18:00-02:00 belongs to Friday), 24:00 ends a day.  A dated
 * `hours:` replaces that day's weekly hours; a dated `closed:` closes it;
 * with no opening-hours at all the exhibit is always open.  Times are the
 * system's local time (TZ, /etc/localtime), so summer time needs nothing.
 *
 * Pure: no SDL, no I/O; parsing reports the first problem by its offset in
 * the value so the caller can point at the column. */
#ifndef OPS_SCHEDULE_H
#define OPS_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define SCHEDULE_MAX_SPANS 64 /* weekly spans in all */
#define SCHEDULE_MAX_DATES 128
#define SCHEDULE_DAY_SPANS 4  /* spans on one dated day */
#define SCHEDULE_LOOKAHEAD_DAYS 400 /* how far the next change is looked for */

struct schedule_span {
    uint16_t open, close; /* minutes from the day's midnight; close may be
                             <= open: the span ends on the next day */
};

struct schedule_day_rule {
    uint8_t days; /* bit 0 Monday .. bit 6 Sunday */
    struct schedule_span span;
};

struct schedule_date {
    int year, month, day;
    bool closed;      /* `closed:` */
    unsigned spans;   /* `hours:`, when not closed */
    struct schedule_span span[SCHEDULE_DAY_SPANS];
};

struct schedule {
    bool weekly_given; /* any opening-hours line: otherwise always open */
    struct schedule_day_rule weekly[SCHEDULE_MAX_SPANS];
    unsigned weekly_count;
    struct schedule_date dates[SCHEDULE_MAX_DATES];
    unsigned date_count;
};

struct schedule_error {
    size_t offset; /* into the value */
    char why[200]; /* what is wrong and what to write instead */
};

void schedule_init(struct schedule *s);

/* `opening-hours:` -- adds to s; false (and *e) on the first problem. */
bool schedule_add_weekly(struct schedule *s, const char *value,
                         struct schedule_error *e);
/* `closed:` -- one or more dates, comma-separated. */
bool schedule_add_closed(struct schedule *s, const char *value,
                         struct schedule_error *e);
/* `hours:` -- a date and its spans. */
bool schedule_add_hours(struct schedule *s, const char *value,
                        struct schedule_error *e);

struct schedule_state {
    bool open;
    bool change_known; /* a change within SCHEDULE_LOOKAHEAD_DAYS */
    time_t next_change; /* the first second the state is otherwise */
};

/* Open at `t`, and when that changes next (local time). */
struct schedule_state schedule_at(const struct schedule *s, time_t t);

#endif
