/* test_stats_page.c: the staff panel's Statistics page never holds up the
 * main loop.
 *
 * The controller (app/staff.c) is driven as the main loop drives it
 * (tests/staff_drive.h: taps on its buttons, staff_tick after the waits
 * staff_wait_ms asks for, the state dump) with a
 * state folder whose 14 days are as full as the writer lets a day get
 * (hundreds of milliseconds to read), then with a FIFO and a 4 GiB file
 * among the days.  The tap that opens the page must return in a fraction
 * of the time the summary takes to read; the page says "reading" until a
 * later tick brings the summary, which must be the one read in place.
 * Leaving the page or closing the panel while it is read must not wait
 * for the read either.  Timings are printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "app/staff.h"
#include "state/stats.h"
#include "check.h"
#include "core/log.h"
#include "core/sha256.h"
#include "shipped.h"
#include "staff_drive.h"

#define DAY INT64_C(86400)

/* ---- the state folder -------------------------------------------------- */

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "w");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
}

static void day_path(char *out, size_t size, const char *state, int64_t t)
{
    char date[11];
    stats_utc_date(t, date);
    snprintf(out, size, "%s/stats/%s.log", state, date);
}

/* A day file of the day of `t` holding `max` bytes of 40-second visits in
 * English at most (0: as full as the writer allows); the sessions. */
static size_t fill_day(const char *state, int64_t t, size_t max)
{
    if (!max || max > STATS_MAX_DAY_BYTES)
        max = STATS_MAX_DAY_BYTES;
    char *buf = malloc(max), path[256];
    size_t len = 0, n = 0;
    int64_t day = t - t % DAY;
    for (int i = 0;; i++, n++) {
        struct stats_session s;
        stats_session_begin(&s, day + i % 80000);
        stats_session_lang(&s, "en");
        stats_session_screen(&s, "home");
        stats_session_end(&s, day + i % 80000 + 40);
        size_t l = stats_format_line(&s, buf + len, max - len);
        if (!l)
            break;
        len += l;
    }
    snprintf(path, sizeof path, "%s/stats", state);
    mkdir(path, 0755);
    day_path(path, sizeof path, state, t);
    write_file(path, buf, len);
    free(buf);
    return n;
}

static void rm_tree(const char *dir)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

/* ---- driving the panel ------------------------------------------------- */

static long chart_int(struct staff_drive *d, const char *key)
{
    json_t *j = staff_drive_state(d);
    json_t *v = json_object_get(json_object_get(j, "chart"), key);
    long n = json_is_boolean(v) ? json_is_true(v) : (long)json_integer_value(v);
    json_decref(j);
    return n;
}

static bool panel_open(struct staff_drive *d)
{
    json_t *j = staff_drive_state(d);
    const char *v = json_string_value(json_object_get(j, "view"));
    bool yes = v && strcmp(v, "panel") == 0;
    json_decref(j);
    return yes;
}

static bool not_reading(struct staff_drive *d)
{
    return !chart_int(d, "reading");
}

/* The panel, the PIN 2468 typed, on the diagnostics page. */
static bool open_panel(struct staff_drive *d, const struct text_fonts *fonts,
                       const char *state)
{
    /* The old hash form: quick to check, and still accepted. */
    static const uint8_t salt[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    uint8_t msg[12], digest[SHA256_DIGEST_SIZE];
    memcpy(msg, salt, 8);
    memcpy(msg + 8, "2468", 4);
    sha256(msg, sizeof msg, digest);
    char line[128];
    int n = snprintf(line, sizeof line, "sha256:0102030405060708:");
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        n += snprintf(line + n, sizeof line - (size_t)n, "%02x", digest[i]);
    struct staff_setup setup = {.state_dir = state};
    if (!staff_drive_start(d, fonts, &setup, line, TEXT_LANG_EN, 1920, 1080))
        return false;
    bool typed = staff_drive_tap(d, "staff:key:2") >= 0 &&
                 staff_drive_tap(d, "staff:key:4") >= 0 &&
                 staff_drive_tap(d, "staff:key:6") >= 0 &&
                 staff_drive_tap(d, "staff:key:8") >= 0 &&
                 staff_drive_tap(d, "staff:pin:ok") >= 0;
    return CHECK(typed && (panel_open(d) ||
                           staff_drive_until(d, panel_open, 10000)),
                 "the panel opens with the PIN");
}

/* Opens the Statistics page; the main loop's time for the tap. */
static double open_stats(struct staff_drive *d)
{
    double ms = staff_drive_tap(d, "staff:tab:stats");
    CHECK(ms >= 0, "the Statistics tab is there");
    return ms;
}

/* ---- the tests --------------------------------------------------------- */

static void test_full_days(const struct text_fonts *fonts)
{
    char state[] = "/tmp/test_stats_page.XXXXXX";
    if (!mkdtemp(state))
        return;
    int64_t now = (int64_t)time(NULL);
    size_t visits = 0;
    for (int d = 0; d < 14; d++)
        visits += fill_day(state, now - d * DAY, 0);
    struct stats_day want[14];
    struct stats_counts c;
    char err[512];
    double t0 = staff_drive_now_ms();
    CHECK(stats_summary(state, now, 14, want, &c, NULL, err, sizeof err) &&
          c.sessions == visits, "14 full days read in place: %s", err);
    double in_place = staff_drive_now_ms() - t0;

    struct staff_drive p;
    if (!open_panel(&p, fonts, state))
        return;
    double tap_ms = open_stats(&p);
    CHECK(chart_int(&p, "reading") && chart_int(&p, "total") == 0,
          "right after the tap the page says it is reading");
    CHECK(tap_ms < in_place / 4, "the tap returns in %.1f ms; reading the "
          "summary in place takes %.0f ms", tap_ms, in_place);
    int wait = staff_wait_ms(p.s, p.t);
    CHECK(wait >= 0 && wait <= 20, "while reading the loop is asked to "
          "tick again within 20 ms (%d)", wait);
    t0 = staff_drive_now_ms();
    bool arrived = staff_drive_until(&p, not_reading, 60000);
    double later = staff_drive_now_ms() - t0;
    CHECK(arrived && chart_int(&p, "total") == (long)visits &&
          chart_int(&p, "average_s") == 40 &&
          chart_int(&p, "skipped_days") == 0,
          "the summary arrives %.0f ms later: %ld visits of %ld s (want "
          "%zu of 40)", later, chart_int(&p, "total"),
          chart_int(&p, "average_s"), visits);
    printf("test_stats_page: 14 full days (%zu visits): %.0f ms to read in "
           "place; the tap on the main loop %.1f ms, the chart %.0f ms "
           "later\n", visits, in_place, tap_ms, later);

    /* Leaving the page while it is read, and closing the panel: neither
     * waits for the read. */
    open_stats(&p);
    double leave = staff_drive_tap(&p, "staff:tab:diag");
    CHECK(leave >= 0 && !chart_int(&p, "reading") && leave < in_place / 4,
          "leaving the page while it is read: %.1f ms", leave);
    open_stats(&p);
    double close = staff_drive_tap(&p, "staff:close");
    CHECK(close >= 0 && !staff_is_open(p.s) && close < in_place / 4,
          "closing the panel while it is read: %.1f ms", close);
    /* And the exhibit exiting while it is read (staff_destroy). */
    staff_drive_end(&p);
    if (open_panel(&p, fonts, state)) {
        open_stats(&p);
        t0 = staff_drive_now_ms();
        staff_drive_end(&p);
        double destroy = staff_drive_now_ms() - t0;
        CHECK(destroy < in_place / 4, "exiting while it is read: %.1f ms",
              destroy);
    }
    rm_tree(state);
}

static void test_damaged_days(const struct text_fonts *fonts)
{
    char state[] = "/tmp/test_stats_page.XXXXXX";
    if (!mkdtemp(state))
        return;
    int64_t now = (int64_t)time(NULL);
    char path[256];
    size_t visits = fill_day(state, now - 2 * DAY, 4000);
    day_path(path, sizeof path, state, now);
    CHECK(mkfifo(path, 0644) == 0, "today is a FIFO");
    day_path(path, sizeof path, state, now - DAY);
    write_file(path, "", 0);
    CHECK(truncate(path, INT64_C(4) << 30) == 0, "yesterday is 4 GiB");

    struct staff_drive p;
    if (!open_panel(&p, fonts, state))
        return;
    double tap_ms = open_stats(&p);
    double t0 = staff_drive_now_ms();
    bool arrived = staff_drive_until(&p, not_reading, 60000);
    CHECK(arrived && chart_int(&p, "skipped_days") == 2 &&
          chart_int(&p, "total") == (long)visits,
          "a FIFO and a 4 GiB day are skipped: %ld skipped, %ld of %zu "
          "visits", chart_int(&p, "skipped_days"), chart_int(&p, "total"),
          visits);
    printf("test_stats_page: a FIFO and a 4 GiB day: the tap %.1f ms, the "
           "chart %.0f ms later\n", tap_ms, staff_drive_now_ms() - t0);
    staff_drive_end(&p);
    rm_tree(state);
}

int main(void)
{
    alarm(300); /* a read that hangs the test fails it */
    log_set_level(LOG_LEVEL_ERROR); /* the damaged days log warnings */
    struct text_fonts *fonts;
    struct exhibit *ex;
    if (!CHECK(shipped_load(&fonts, &ex), "the shipped fonts load"))
        return check_finish("test_stats_page");
    test_full_days(fonts);
    test_damaged_days(fonts);
    content_destroy(ex);
    text_fonts_destroy(fonts);
    return check_finish("test_stats_page");
}
