/* test_schedule.c: opening hours (ops/schedule) -- parsing with the column
 * of each problem, and "open now, until when?" table by table: every
 * weekday, closures, special hours, a span past midnight, the summer-time
 * changes of Europe/London and Australia/Sydney, the clock jumping. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "ops/schedule.h"

static time_t utc(int y, int mo, int d, int h, int mi)
{
    struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
                    .tm_hour = h, .tm_min = mi};
    return timegm(&tm);
}

static void zone(const char *tz)
{
    setenv("TZ", tz, 1);
    tzset();
}

static const char *show(time_t t)
{
    static char buf[4][40];
    static int k;
    struct tm tm;
    localtime_r(&t, &tm);
    k = (k + 1) % 4;
    strftime(buf[k], sizeof buf[k], "%a %Y-%m-%d %H:%M %Z", &tm);
    return buf[k];
}

static void test_errors(void)
{
    static const struct {
        int kind; /* 0 weekly, 1 closed, 2 hours */
        const char *value;
        size_t offset;
        const char *needle;
    } cases[] = {
        {0, "tues 09:00-17:00", 0, "'tues' is not a day"},
        {0, "mon-fri 9:00-17:00", 8, "two digits"},
        {0, "mon-fri 09:00-25:00", 14, "'25:00' is not a time of day"},
        {0, "mon-fri 09\xef\xbc\x9a" "00-17:00", 8, "full-width"},
        {0, "mon-fri", 7, "no hours after the days"},
        {0, "mon-fri 09:00-09:00", 8, "opens and closes at the same time"},
        {0, "mon-fri 09:00-17:00 sat 10:00-16:00", 20, "not a time span"},
        {0, "mon-xyz 09:00-17:00", 4, "does not end the range"},
        {1, "2026-02-30", 0, "not a day of the calendar"},
        {1, "2026-12-25 2026-12-26", 11, "list dates with ','"},
        {1, "25/12/2026", 0, "year-month-day"},
        {2, "2026-12-31", 10, "no hours"},
        {2, "2026-12-31 09:00", 16, "two times joined by '-'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct schedule s;
        schedule_init(&s);
        struct schedule_error e = {0};
        bool ok = cases[i].kind == 0   ? schedule_add_weekly(&s, cases[i].value, &e)
                  : cases[i].kind == 1 ? schedule_add_closed(&s, cases[i].value, &e)
                                       : schedule_add_hours(&s, cases[i].value, &e);
        CHECK(!ok && e.offset == cases[i].offset &&
                  strstr(e.why, cases[i].needle),
              "'%s' refused at offset %zu: %s", cases[i].value, e.offset,
              e.why);
    }
    struct schedule s;
    schedule_init(&s);
    struct schedule_error e = {0};
    CHECK(schedule_add_weekly(&s, "Mon-Fri 09:00-12:00 13:00-17:00, sat "
                                  "10:00-16:00, sun closed", &e) &&
              s.weekly_count == 3,
          "capitals, two spans a day and 'sun closed' are read (%s)", e.why);
}

struct probe {
    int y, mo, d, h, mi; /* local time */
    bool open;
};

/* Local wall-clock times in the current zone, open or not. */
static void probes(const struct schedule *s, const struct probe *p, size_t n,
                   const char *what)
{
    unsigned wrong = 0;
    char first[120] = "";
    for (size_t i = 0; i < n; i++) {
        struct tm tm = {.tm_year = p[i].y - 1900, .tm_mon = p[i].mo - 1,
                        .tm_mday = p[i].d, .tm_hour = p[i].h,
                        .tm_min = p[i].mi, .tm_isdst = -1};
        time_t t = mktime(&tm);
        if (schedule_at(s, t).open != p[i].open && !wrong++)
            snprintf(first, sizeof first, "%s should be %s", show(t),
                     p[i].open ? "open" : "closed");
    }
    CHECK(wrong == 0, "%s: %zu times (%s)", what, n, wrong ? first : "all "
                                                                     "right");
}

static struct schedule museum(void)
{
    struct schedule s;
    schedule_init(&s);
    struct schedule_error e;
    schedule_add_weekly(&s, "mon-fri 09:00-17:00, sat-sun 10:00-16:00", &e);
    schedule_add_closed(&s, "2026-12-25, 2026-12-26", &e);
    schedule_add_hours(&s, "2026-12-31 09:00-22:00", &e);
    return s;
}

static void test_week(void)
{
    zone("Europe/London");
    struct schedule s = museum();
    /* Monday 7 to Sunday 13 December 2026 */
    static const struct probe p[] = {
        {2026, 12, 7, 8, 59, false},  {2026, 12, 7, 9, 0, true},
        {2026, 12, 7, 16, 59, true},  {2026, 12, 7, 17, 0, false},
        {2026, 12, 8, 12, 0, true},   {2026, 12, 9, 12, 0, true},
        {2026, 12, 10, 12, 0, true},  {2026, 12, 11, 12, 0, true},
        {2026, 12, 11, 23, 0, false}, {2026, 12, 12, 9, 30, false},
        {2026, 12, 12, 10, 0, true},  {2026, 12, 12, 16, 0, false},
        {2026, 12, 13, 15, 59, true}, {2026, 12, 13, 3, 0, false},
    };
    probes(&s, p, sizeof p / sizeof *p, "every weekday, Europe/London");
    static const struct probe q[] = {
        {2026, 12, 24, 12, 0, true},  {2026, 12, 25, 12, 0, false},
        {2026, 12, 26, 12, 0, false}, {2026, 12, 27, 12, 0, true},
        {2026, 12, 31, 21, 0, true},  {2026, 12, 31, 22, 0, false},
        {2027, 1, 1, 12, 0, true},
    };
    probes(&s, q, sizeof q / sizeof *q, "closures and special hours");
    /* Thursday 24 December, after closing: next open Sunday 27 at 10:00 */
    struct schedule_state st = schedule_at(&s, utc(2026, 12, 24, 17, 30));
    CHECK(!st.open && st.change_known &&
              st.next_change == utc(2026, 12, 27, 10, 0),
          "after closing on 24 December the next opening is Sunday 27 at "
          "10:00, past both closed days (%s)", show(st.next_change));
    st = schedule_at(&s, utc(2026, 12, 31, 18, 0));
    CHECK(st.open && st.next_change == utc(2026, 12, 31, 22, 0),
          "on 31 December open until 22:00 (%s)", show(st.next_change));
}

static void test_midnight(void)
{
    zone("Europe/London");
    struct schedule s;
    schedule_init(&s);
    struct schedule_error e;
    CHECK(schedule_add_weekly(&s, "fri 18:00-02:00, sat 20:00-24:00", &e),
          "spans past midnight and to 24:00 are read (%s)", e.why);
    static const struct probe p[] = {
        {2026, 12, 11, 17, 59, false}, {2026, 12, 11, 23, 59, true},
        {2026, 12, 12, 1, 59, true},   {2026, 12, 12, 2, 0, false},
        {2026, 12, 12, 23, 59, true},  {2026, 12, 13, 0, 0, false},
    };
    probes(&s, p, sizeof p / sizeof *p, "a late opening past midnight");
    struct schedule_state st = schedule_at(&s, utc(2026, 12, 12, 1, 0));
    CHECK(st.open && st.next_change == utc(2026, 12, 12, 2, 0),
          "Saturday 01:00 is still Friday's opening, closing at 02:00 (%s)",
          show(st.next_change));
}

/* Opening hours follow the wall clock across summer-time changes. */
static void test_summer_time(void)
{
    struct schedule s = museum();
    zone("Europe/London");
    /* Clocks go forward on Sunday 29 March 2026 (01:00 GMT -> 02:00 BST)
     * and back on Sunday 25 October (02:00 BST -> 01:00 GMT). */
    struct schedule_state st = schedule_at(&s, utc(2026, 3, 29, 18, 0));
    CHECK(!st.open && st.next_change == utc(2026, 3, 30, 8, 0),
          "London, spring: Monday's 09:00 BST is 08:00 UTC (%s)",
          show(st.next_change));
    st = schedule_at(&s, utc(2026, 10, 25, 18, 0));
    CHECK(!st.open && st.next_change == utc(2026, 10, 26, 9, 0),
          "London, autumn: Monday's 09:00 GMT is 09:00 UTC (%s)",
          show(st.next_change));
    CHECK(schedule_at(&s, utc(2026, 3, 29, 9, 0)).open &&
              !schedule_at(&s, utc(2026, 3, 29, 8, 59)).open,
          "London: on the spring Sunday itself 10:00 BST opens (09:00 UTC)");
    zone("Australia/Sydney");
    /* Summer time ends Sunday 5 April 2026 (03:00 AEDT -> 02:00 AEST) and
     * starts Sunday 4 October (02:00 AEST -> 03:00 AEDT). */
    st = schedule_at(&s, utc(2026, 4, 5, 10, 0)); /* Sunday 20:00 AEST */
    CHECK(!st.open && st.next_change == utc(2026, 4, 5, 23, 0),
          "Sydney, autumn: Monday's 09:00 AEST is 23:00 UTC on Sunday (%s)",
          show(st.next_change));
    st = schedule_at(&s, utc(2026, 10, 4, 10, 0)); /* Sunday 21:00 AEDT */
    CHECK(!st.open && st.next_change == utc(2026, 10, 4, 22, 0),
          "Sydney, spring: Monday's 09:00 AEDT is 22:00 UTC on Sunday (%s)",
          show(st.next_change));
    zone("UTC");
}

/* The state is a function of the time alone: a clock that jumps (no
 * battery clock, then NTP) is answered afresh. */
static void test_clock_jumps(void)
{
    zone("Europe/London");
    struct schedule s = museum();
    time_t a = utc(2026, 12, 7, 12, 0);          /* Monday noon: open */
    time_t b = utc(2026, 12, 12, 0, 0);          /* Saturday, 00:00 */
    time_t c = utc(1970, 1, 1, 0, 0);             /* a Pi before NTP */
    struct schedule_state sa = schedule_at(&s, a), sb = schedule_at(&s, b),
                          sc = schedule_at(&s, c), sa2 = schedule_at(&s, a);
    CHECK(sa.open && !sb.open && !sc.open && sa2.open &&
              sa2.next_change == sa.next_change &&
              sb.next_change == utc(2026, 12, 12, 10, 0),
          "forwards five days and back to 1970 and again: each answered from "
          "its own time (%s, %s)", show(sb.next_change), show(sa2.next_change));
}

static void test_defaults(void)
{
    zone("Europe/London");
    struct schedule s;
    schedule_init(&s);
    struct schedule_state st = schedule_at(&s, utc(2026, 12, 7, 3, 0));
    CHECK(st.open && !st.change_known,
          "no opening hours: always open, no change to come");
    struct schedule_error e;
    schedule_add_closed(&s, "2026-12-25", &e);
    st = schedule_at(&s, utc(2026, 12, 24, 12, 0));
    struct schedule_state c = schedule_at(&s, utc(2026, 12, 25, 12, 0));
    CHECK(st.open && st.next_change == utc(2026, 12, 25, 0, 0) && !c.open &&
              c.next_change == utc(2026, 12, 26, 0, 0),
          "closed days alone: open but on those days, from midnight to "
          "midnight (%s, %s)", show(st.next_change), show(c.next_change));
}

int main(void)
{
    test_errors();
    test_week();
    test_midnight();
    test_summer_time();
    test_clock_jumps();
    test_defaults();
    return check_finish("test_schedule");
}
