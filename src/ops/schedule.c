/* schedule.c: see schedule.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ops/schedule.h"

void schedule_init(struct schedule *s)
{
    memset(s, 0, sizeof *s);
}

/* ---- parsing --------------------------------------------------------- */

struct cursor {
    const char *v;
    size_t i;
    struct schedule_error *e;
};

static bool fail(struct cursor *c, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool fail(struct cursor *c, size_t at, const char *fmt, ...)
{
    c->e->offset = at;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->e->why, sizeof c->e->why, fmt, ap);
    va_end(ap);
    return false;
}

static void skip_space(struct cursor *c)
{
    while (c->v[c->i] == ' ' || c->v[c->i] == '\t')
        c->i++;
}

/* The word at the cursor (letters), copied for a message. */
static size_t word_len(const struct cursor *c)
{
    size_t n = 0;
    while (c->v[c->i + n] && c->v[c->i + n] != ' ' && c->v[c->i + n] != ',' &&
           c->v[c->i + n] != '\t')
        n++;
    return n;
}

/* "'word' REST" about the word at the cursor ("nothing" at the end). */
static bool bad_word(struct cursor *c, const char *rest)
{
    char w[40];
    size_t n = word_len(c);
    if (n == 0)
        return fail(c, c->i, "nothing %s", rest);
    snprintf(w, sizeof w, "'%.*s'", (int)(n < 30 ? n : 30), c->v + c->i);
    /* a full-width colon or dash typed with a Chinese keyboard */
    if (strstr(w, "\xef\xbc\x9a") || strstr(w, "\xef\xbc\x8d") ||
        strstr(w, "\xe2\x80\x93"))
        return fail(c, c->i, "%s has a full-width ':' or a long dash in "
                    "it; write times with the plain ':' and '-', like "
                    "09:00-17:00", w);
    return fail(c, c->i, "%s %s", w, rest);
}

static const char *const day_names[7] = {"mon", "tue", "wed", "thu",
                                         "fri", "sat", "sun"};

static int parse_day(struct cursor *c)
{
    for (int d = 0; d < 7; d++) {
        if (strncasecmp(c->v + c->i, day_names[d], 3) == 0) {
            char next = c->v[c->i + 3];
            if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z'))
                return -1;
            c->i += 3;
            return d;
        }
    }
    return -1;
}

/* mon, mon-fri, sat-mon, daily: a bit per day. */
static bool parse_days(struct cursor *c, uint8_t *days)
{
    if (strncasecmp(c->v + c->i, "daily", 5) == 0) {
        c->i += 5;
        *days = 0x7F;
        return true;
    }
    int a = parse_day(c);
    if (a < 0)
        return bad_word(c, "is not a day; write mon, tue, wed, thu, fri, "
                           "sat or sun, a range like mon-fri, or daily");
    int b = a;
    if (c->v[c->i] == '-') {
        c->i++;
        b = parse_day(c);
        if (b < 0)
            return bad_word(c, "does not end the range of days; write "
                               "one like mon-fri or sat-sun");
    }
    *days = 0;
    for (int d = a;; d = (d + 1) % 7) {
        *days |= (uint8_t)(1u << d);
        if (d == b)
            break;
    }
    return true;
}

static bool two_digits(const char *p, int *v)
{
    if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
        return false;
    *v = (p[0] - '0') * 10 + (p[1] - '0');
    return true;
}

/* HH:MM, 00:00 to 24:00. */
static bool parse_time(struct cursor *c, uint16_t *min)
{
    int h = 0, m = 0;
    const char *p = c->v + c->i;
    bool digits = two_digits(p, &h) && p[2] == ':' && two_digits(p + 3, &m);
    if (!digits && p[0] >= '0' && p[0] <= '9' && p[1] == ':') /* 9:00 */
        return fail(c, c->i, "%s: write hours with two digits, like 09:00",
                    "a time");
    if (!digits)
        return bad_word(c, "is not a time span; write one like "
                           "09:00-17:00");
    if (h > 24 || m > 59 || (h == 24 && m != 0)) {
        char w[8];
        snprintf(w, sizeof w, "%.5s", p);
        return fail(c, c->i, "'%s' is not a time of day; write 00:00 to "
                    "24:00", w);
    }
    c->i += 5;
    *min = (uint16_t)(h * 60 + m);
    return true;
}

static bool parse_span(struct cursor *c, struct schedule_span *sp)
{
    size_t at = c->i;
    if (!parse_time(c, &sp->open))
        return false;
    if (c->v[c->i] != '-')
        return fail(c, c->i, "%s: a span is two times joined by '-', like "
                    "09:00-17:00", "after the opening time");
    c->i++;
    if (!parse_time(c, &sp->close))
        return false;
    if (sp->open == sp->close || (sp->open == 1440 && sp->close == 0))
        return fail(c, at, "%s opens and closes at the same time; give "
                    "the hours it is open, like 09:00-17:00", "the span");
    if (sp->open == 1440)
        return fail(c, at, "%s: a day's hours start at 00:00 to 23:59",
                    "24:00 cannot open a span");
    if (sp->close == 1440)
        sp->close = 0; /* up to midnight: ends on the next day at 00:00 */
    return true;
}

static bool at_end_of_item(const struct cursor *c)
{
    return c->v[c->i] == '\0' || c->v[c->i] == ',';
}

bool schedule_add_weekly(struct schedule *s, const char *value,
                         struct schedule_error *e)
{
    struct cursor c = {value, 0, e};
    s->weekly_given = true;
    for (;;) {
        skip_space(&c);
        uint8_t days = 0;
        if (!parse_days(&c, &days))
            return false;
        skip_space(&c);
        if (strncasecmp(c.v + c.i, "closed", 6) == 0) {
            c.i += 6; /* "sun closed": said, nothing to add */
        } else {
            unsigned spans = 0;
            while (!at_end_of_item(&c)) {
                struct schedule_span sp;
                if (!parse_span(&c, &sp))
                    return false;
                if (s->weekly_count == SCHEDULE_MAX_SPANS)
                    return fail(&c, c.i, "%s: at most 64 spans in all",
                                "too many opening hours");
                s->weekly[s->weekly_count++] =
                    (struct schedule_day_rule){days, sp};
                spans++;
                skip_space(&c);
            }
            if (spans == 0)
                return fail(&c, c.i, "%s: give the days' hours, like "
                            "mon-fri 09:00-17:00, or 'closed'",
                            "no hours after the days");
        }
        skip_space(&c);
        if (c.v[c.i] == '\0')
            return true;
        if (c.v[c.i] != ',')
            return bad_word(&c, "was not expected here; separate days "
                                "with ',' like mon-fri 09:00-17:00, sat "
                                "10:00-16:00");
        c.i++;
    }
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in(int y, int m)
{
    static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : n[m - 1];
}

/* YYYY-MM-DD, a real date from 2000 to 2999. */
static bool parse_date(struct cursor *c, int *y, int *m, int *d)
{
    const char *p = c->v + c->i;
    int y1 = 0, y2 = 0;
    if (!(two_digits(p, &y1) && two_digits(p + 2, &y2) && p[4] == '-' &&
          two_digits(p + 5, m) && p[7] == '-' && two_digits(p + 8, d)) ||
        (p[10] >= '0' && p[10] <= '9'))
        return bad_word(c, "is not a date; write it as year-month-day, "
                           "like 2026-12-25");
    *y = y1 * 100 + y2;
    if (*y < 2000 || *y > 2999 || *m < 1 || *m > 12 || *d < 1 ||
        *d > days_in(*y, *m)) {
        char w[12];
        snprintf(w, sizeof w, "%.10s", p);
        return fail(c, c->i, "%s is not a day of the calendar", w);
    }
    c->i += 10;
    return true;
}

static struct schedule_date *date_slot(struct schedule *s, int y, int m,
                                       int d)
{
    for (unsigned i = 0; i < s->date_count; i++)
        if (s->dates[i].year == y && s->dates[i].month == m &&
            s->dates[i].day == d)
            return &s->dates[i];
    if (s->date_count == SCHEDULE_MAX_DATES)
        return NULL;
    struct schedule_date *sd = &s->dates[s->date_count++];
    *sd = (struct schedule_date){.year = y, .month = m, .day = d};
    return sd;
}

bool schedule_add_closed(struct schedule *s, const char *value,
                         struct schedule_error *e)
{
    struct cursor c = {value, 0, e};
    for (;;) {
        skip_space(&c);
        int y = 0, m = 0, d = 0;
        if (!parse_date(&c, &y, &m, &d))
            return false;
        struct schedule_date *sd = date_slot(s, y, m, d);
        if (!sd)
            return fail(&c, c.i, "%s: at most 128 dated days",
                        "too many dates");
        sd->closed = true;
        sd->spans = 0;
        skip_space(&c);
        if (c.v[c.i] == '\0')
            return true;
        if (c.v[c.i] != ',')
            return bad_word(&c, "was not expected here; list dates "
                                "with ',' like 2026-12-25, 2026-12-26");
        c.i++;
    }
}

bool schedule_add_hours(struct schedule *s, const char *value,
                        struct schedule_error *e)
{
    struct cursor c = {value, 0, e};
    skip_space(&c);
    int y = 0, m = 0, d = 0;
    if (!parse_date(&c, &y, &m, &d))
        return false;
    struct schedule_date sd = {.year = y, .month = m, .day = d};
    skip_space(&c);
    while (c.v[c.i] != '\0') {
        if (sd.spans == SCHEDULE_DAY_SPANS)
            return fail(&c, c.i, "%s: at most 4 spans on one day",
                        "too many spans");
        if (!parse_span(&c, &sd.span[sd.spans]))
            return false;
        sd.spans++;
        skip_space(&c);
        if (c.v[c.i] == ',') {
            c.i++;
            skip_space(&c);
        }
    }
    if (sd.spans == 0)
        return fail(&c, c.i, "%s: write the day's hours after the date, "
                    "like 2026-12-31 09:00-22:00 (or use 'closed:')",
                    "no hours");
    struct schedule_date *slot = date_slot(s, y, m, d);
    if (!slot)
        return fail(&c, 0, "%s: at most 128 dated days", "too many dates");
    *slot = sd;
    return true;
}

/* ---- asking ---------------------------------------------------------- */

struct local_day {
    int year, month, day, wday; /* wday: 0 Monday */
};

/* The calendar day `delta` days from t's local day. */
static struct local_day day_from(time_t t, int delta)
{
    struct tm tm;
    localtime_r(&t, &tm);
    tm.tm_mday += delta;
    tm.tm_hour = 12; /* noon: no summer-time change is near */
    tm.tm_min = tm.tm_sec = 0;
    tm.tm_isdst = -1;
    time_t n = mktime(&tm);
    localtime_r(&n, &tm);
    return (struct local_day){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                              (tm.tm_wday + 6) % 7};
}

/* The spans of one calendar day. */
static unsigned day_spans(const struct schedule *s, struct local_day d,
                          struct schedule_span *out)
{
    for (unsigned i = 0; i < s->date_count; i++) {
        const struct schedule_date *sd = &s->dates[i];
        if (sd->year == d.year && sd->month == d.month && sd->day == d.day) {
            memcpy(out, sd->span, sd->spans * sizeof *out);
            return sd->closed ? 0 : sd->spans;
        }
    }
    if (!s->weekly_given) {
        out[0] = (struct schedule_span){0, 0}; /* all day, into the next */
        return 1;
    }
    unsigned n = 0;
    for (unsigned i = 0; i < s->weekly_count; i++)
        if (s->weekly[i].days & (1u << d.wday))
            out[n++] = s->weekly[i].span;
    return n;
}

static bool open_at(const struct schedule *s, time_t t)
{
    struct tm tm;
    localtime_r(&t, &tm);
    int minute = tm.tm_hour * 60 + tm.tm_min;
    struct schedule_span sp[SCHEDULE_MAX_SPANS];
    unsigned n = day_spans(s, day_from(t, 0), sp);
    for (unsigned i = 0; i < n; i++) {
        bool over = sp[i].close <= sp[i].open; /* into the next day */
        if (minute >= sp[i].open && (over || minute < sp[i].close))
            return true;
    }
    n = day_spans(s, day_from(t, -1), sp);
    for (unsigned i = 0; i < n; i++)
        if (sp[i].close <= sp[i].open && minute < sp[i].close)
            return true;
    return false;
}

/* Local minute `min` of the day `delta` days from t's, as a time. */
static time_t at_minute(time_t t, int delta, int min)
{
    struct tm tm;
    localtime_r(&t, &tm);
    tm.tm_mday += delta;
    tm.tm_hour = min / 60;
    tm.tm_min = min % 60;
    tm.tm_sec = 0;
    tm.tm_isdst = -1;
    return mktime(&tm);
}

struct schedule_state schedule_at(const struct schedule *s, time_t t)
{
    struct schedule_state st = {.open = open_at(s, t)};
    /* A change can only come at a span's edge: try them day by day, in
     * order (from yesterday, whose span may run past midnight), and take
     * the first where the state differs. */
    for (int delta = -1; delta <= SCHEDULE_LOOKAHEAD_DAYS; delta++) {
        struct schedule_span sp[SCHEDULE_MAX_SPANS];
        unsigned n = day_spans(s, day_from(t, delta), sp);
        time_t best = 0;
        bool found = false;
        for (unsigned i = 0; i < n; i++) {
            int edge[2] = {sp[i].open, sp[i].close};
            int day[2] = {delta, sp[i].close <= sp[i].open ? delta + 1 : delta};
            for (int k = 0; k < 2; k++) {
                time_t c = at_minute(t, day[k], edge[k]);
                if (c > t && open_at(s, c) != st.open && (!found || c < best)) {
                    best = c;
                    found = true;
                }
            }
        }
        /* a day with no spans can end an opening that ran past midnight,
         * or the day after may start one: its midnight */
        time_t mid = at_minute(t, delta + 1, 0);
        if (mid > t && open_at(s, mid) != st.open && (!found || mid < best)) {
            best = mid;
            found = true;
        }
        if (found) {
            st.change_known = true;
            st.next_change = best;
            return st;
        }
    }
    return st;
}
