/* hours.c: the display's opening hours at run time (see hours.h).
 *
 * The plan (ops/display_plan) is asked again only when it may have
 * changed: at the schedule's next change, when a wake ends, when the
 * clock's trust changes, and when the clock jumps (backwards, or forwards
 * by more than a minute: NTP's first answer on a Pi that booted with last
 * night's time) -- the schedule's search is not free, and a main loop
 * turns many times a second. */
#include <string.h>

#include "app/hours.h"
#include "core/log.h"

#define JUMP_S 60

void app_hours_init(struct app_hours *h)
{
    memset(h, 0, sizeof *h);
    display_power_init(&h->power);
    h->trusted = true;
    h->plan.on = true;
    h->plan.reason = DISPLAY_ALWAYS_OPEN;
}

void app_hours_set(struct app_hours *h, const struct schedule *s,
                   unsigned wake_s, const struct power_ways *ways)
{
    h->schedule = s;
    h->wake_s = wake_s;
    h->ways = ways ? *ways : (struct power_ways){NULL, NULL};
    h->have_plan = false;
}

static void log_attempts(const struct display_power *p)
{
    for (size_t i = 0; i < p->attempt_count; i++) {
        const struct power_attempt *a = &p->attempts[i];
        if (a->result == POWER_FAILED)
            log_warn("hours", "display %s by %s: %s", a->on ? "on" : "off",
                     power_way_name(a->way), a->why);
        else
            log_info("hours", "display %s by %s: %s (%s)",
                     a->on ? "on" : "off", power_way_name(a->way),
                     power_result_name(a->result), a->why);
    }
}

static void power(struct app_hours *h, bool on)
{
    if (!h->ways.set) {
        if (!on)
            log_info("hours", "the display shows black (no way to turn it "
                     "off is configured here)");
        h->power.off = !on;
        return;
    }
    bool ok = on ? display_power_on(&h->power, &h->ways)
                 : display_power_off(&h->power, &h->ways);
    log_attempts(&h->power);
    if (!on && !ok)
        log_warn("hours", "no way turned the display off (CEC, DPMS, "
                 "backlight): it shows black");
    if (on && !ok)
        log_warn("hours", "the display may not have come back on: see the "
                 "attempts above");
}

static void explain(const struct app_hours *h, const struct display_plan *p)
{
    char next[64] = "no change ahead";
    if (p->schedule.change_known) {
        struct tm tm;
        localtime_r(&p->schedule.next_change, &tm);
        strftime(next, sizeof next, "next change %Y-%m-%d %H:%M %Z", &tm);
    }
    switch (p->reason) {
    case DISPLAY_CLOCK_UNTRUSTED:
        log_warn("hours", "the display stays on whatever the hours say: "
                 "%s", h->clock_why);
        break;
    case DISPLAY_CLOSED:
        log_info("hours", "closed (%s): the exhibit goes to Attract and the "
                 "display off", next);
        break;
    case DISPLAY_WOKEN:
        log_info("hours", "woken by a touch for %u s while closed",
                 h->wake_s);
        break;
    case DISPLAY_OPEN:
        log_info("hours", "open (%s)", next);
        break;
    case DISPLAY_ALWAYS_OPEN:
        break;
    }
}

enum app_hours_change app_hours_tick(struct app_hours *h, time_t now,
                                     bool trusted, const char *why)
{
    bool jumped = h->have_plan && (now < h->now || now - h->now > JUMP_S);
    if (why && strcmp(why, h->clock_why) != 0)
        snprintf(h->clock_why, sizeof h->clock_why, "%s", why);
    bool trust_changed = trusted != h->trusted;
    h->trusted = trusted;
    h->now = now;
    if (!h->schedule)
        return HOURS_SAME;
    if (h->have_plan && !jumped && !trust_changed && now < h->plan_until)
        return HOURS_SAME;
    if (jumped)
        log_info("hours", "the clock jumped; the hours are asked again");
    struct display_plan p =
        display_plan_at(h->schedule, now, trusted, h->woken_until);
    bool reason_changed = !h->have_plan || p.reason != h->plan.reason;
    h->plan = p;
    h->have_plan = true;
    /* asked again at the next change, at a wake's end, and once a minute
     * (a cheap guard against anything this does not foresee) */
    h->plan_until = now + JUMP_S;
    if (p.schedule.change_known && p.schedule.next_change < h->plan_until)
        h->plan_until = p.schedule.next_change;
    if (p.reason == DISPLAY_WOKEN && h->woken_until < h->plan_until)
        h->plan_until = h->woken_until;
    if (reason_changed)
        explain(h, &p);
    if (!p.on && h->phase == HOURS_ON) {
        h->phase = HOURS_BLACK;
        return HOURS_CLOSING;
    }
    if (p.on && h->phase != HOURS_ON) {
        if (h->phase == HOURS_OFF)
            power(h, true);
        h->phase = HOURS_ON;
        return HOURS_OPENING;
    }
    return HOURS_SAME;
}

void app_hours_shown_black(struct app_hours *h)
{
    if (h->phase != HOURS_BLACK)
        return;
    h->phase = HOURS_OFF;
    power(h, false);
}

bool app_hours_touch(struct app_hours *h)
{
    if (h->phase == HOURS_ON || h->wake_s == 0)
        return false;
    h->woken_until = h->now + (time_t)h->wake_s;
    h->have_plan = false; /* asked again at the next tick */
    return true;
}

bool app_hours_dark(const struct app_hours *h)
{
    return h->phase != HOURS_ON;
}

static void iso(time_t t, FILE *out)
{
    struct tm tm;
    char buf[40];
    localtime_r(&t, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
    /* +0100 -> +01:00 */
    size_t n = strlen(buf);
    if (n >= 5)
        fprintf(out, "\"%.*s:%s\"", (int)(n - 2), buf, buf + n - 2);
}

void app_hours_write_state(const struct app_hours *h, FILE *out)
{
    bool on = h->phase == HOURS_ON;
    fprintf(out, "\"display\":{\"on\":%s,\"reason\":\"%s\",\"by\":\"%s\","
                 "\"clock_trusted\":%s},\"schedule\":{\"given\":%s,"
                 "\"open\":%s,\"next_change\":",
            on ? "true" : "false", display_reason_name(h->plan.reason),
            on ? "on" : display_power_by(&h->power),
            h->trusted ? "true" : "false", h->schedule ? "true" : "false",
            h->plan.schedule.open || !h->schedule ? "true" : "false");
    if (h->schedule && h->have_plan && h->plan.schedule.change_known)
        iso(h->plan.schedule.next_change, out);
    else
        fputs("null", out);
    fputs(",\"now\":", out);
    if (h->now)
        iso(h->now, out);
    else
        fputs("null", out);
    fputc('}', out);
}
