/* test_status.c: the status snapshot's three forms (ops/status).
 *
 * The JSON is parsed back and every member's type checked, with null for
 * what is unknown and never a made-up 0; times carry the zone's offset.
 * The Prometheus text goes through a checker of the exposition format as
 * node_exporter's textfile collector reads it: HELP and TYPE once per
 * family, before its samples; names and labels as the format allows;
 * label values escaped; counters named _total; no series twice; no
 * timestamps; a final newline.  The plain text says what a technician
 * needs in words. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "check.h"
#include "ops/status.h"

/* 2026-12-02 17:00:00 in London (GMT) and 2026-07-01 12:00 (BST). */
#define WINTER 1796230800
#define SUMMER 1782903600

static struct kiosk_status full(void)
{
    struct kiosk_status s;
    memset(&s, 0, sizeof s);
    s.now = WINTER;
    s.uptime_s = 7200.5;
    s.run_s = 3600.25;
    snprintf(s.version, sizeof s.version, "1.4.0 (abc123)");
    snprintf(s.screen, sizeof s.screen, "reader");
    snprintf(s.lang, sizeof s.lang, "ug");
    snprintf(s.release, sizeof s.release, "2026-11 \"winter\" \\ notes");
    s.last_frame_at = WINTER - 2;
    snprintf(s.last_frame_what, sizeof s.last_frame_what,
             "reader passage p07");
    s.frames_drawn = 123456;
    s.first_frame_checked = true;
    s.first_frame_ok = true;
    snprintf(s.first_frame, sizeof s.first_frame, "attract: 3 colours");
    s.has_memory = true;
    s.rss_kib = 51200;
    s.peak_kib = 61440;
    s.has_temp = true;
    s.cpu_mdeg = 48312;
    s.has_throttled = true;
    s.throttled = 0x10005; /* under-voltage now and since, throttled now */
    s.has_space = true;
    s.state_free_b = 12000000000ULL;
    s.state_total_b = 30000000000ULL;
    s.state_errors = 2;
    s.display_on = false;
    snprintf(s.display_reason, sizeof s.display_reason, "closed");
    snprintf(s.display_by, sizeof s.display_by, "dpms");
    snprintf(s.display_detail, sizeof s.display_detail,
             "HDMI-CEC: no /dev/cec* adapter; DPMS off on Virtual-1");
    s.schedule_given = true;
    s.open = false;
    s.change_known = true;
    s.next_change = WINTER + 16 * 3600;
    s.clock_trusted = true;
    snprintf(s.clock_why, sizeof s.clock_why, "synchronised by NTP");
    snprintf(s.last_import, sizeof s.last_import,
             "2026-12-01 10:02 release 2026-11 from KIOSK stick: 3 changes");
    return s;
}

static const char *member_str(json_t *o, const char *path)
{
    json_t *cur = o;
    char buf[128];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *k = strtok(buf, "."); k && cur; k = strtok(NULL, "."))
        cur = json_object_get(cur, k);
    return json_is_string(cur) ? json_string_value(cur) : NULL;
}

static json_t *member(json_t *o, const char *path)
{
    json_t *cur = o;
    char buf[128];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *k = strtok(buf, "."); k && cur; k = strtok(NULL, "."))
        cur = json_object_get(cur, k);
    return cur;
}

static void test_json_full(void)
{
    struct kiosk_status s = full();
    char *text = status_json(&s);
    json_error_t err;
    json_t *o = json_loads(text, 0, &err);
    CHECK(o != NULL, "status.json parses (%s, line %d)", err.text, err.line);
    CHECK(text[strlen(text) - 1] == '\n', "status.json ends in a newline");
    if (!o) {
        free(text);
        return;
    }
    const char *t = member_str(o, "time");
    CHECK(t && strcmp(t, "2026-12-02T17:00:00+00:00") == 0,
          "time is local ISO 8601 with the offset: %s", t ? t : "(none)");
    CHECK(json_integer_value(member(o, "time_unix")) == WINTER,
          "time_unix is the Unix time");
    CHECK(json_is_real(member(o, "uptime_s")) &&
              json_real_value(member(o, "uptime_s")) == 7200.5,
          "uptime_s is the system's uptime");
    CHECK(json_real_value(member(o, "running_s")) == 3600.25,
          "running_s is the exhibit's");
    CHECK(strcmp(member_str(o, "screen"), "reader") == 0 &&
              strcmp(member_str(o, "lang"), "ug") == 0,
          "screen and language");
    CHECK(strcmp(member_str(o, "release"), s.release) == 0,
          "a release with quotes and a backslash round-trips");
    CHECK(strcmp(member_str(o, "last_frame.at"),
                 "2026-12-02T16:59:58+00:00") == 0 &&
              json_integer_value(member(o, "last_frame.age_s")) == 2 &&
              strcmp(member_str(o, "last_frame.what"),
                     "reader passage p07") == 0,
          "last frame: when, how long ago, what it showed");
    CHECK(json_integer_value(member(o, "frames_drawn")) == 123456,
          "frames drawn");
    CHECK(json_is_true(member(o, "first_frame.checked")) &&
              json_is_true(member(o, "first_frame.ok")),
          "first frame verified");
    CHECK(json_integer_value(member(o, "memory.rss_kib")) == 51200 &&
              json_integer_value(member(o, "memory.peak_kib")) == 61440,
          "memory");
    CHECK(json_is_real(member(o, "cpu_temp_c")) &&
              json_real_value(member(o, "cpu_temp_c")) > 48.311 &&
              json_real_value(member(o, "cpu_temp_c")) < 48.313,
          "CPU temperature in degrees: %g",
          json_real_value(member(o, "cpu_temp_c")));
    CHECK(strcmp(member_str(o, "throttled.flags"), "0x10005") == 0,
          "throttled flags in hex");
    CHECK(json_is_true(member(o, "throttled.under_voltage_now")) &&
              json_is_true(member(o, "throttled.under_voltage_since_boot")) &&
              json_is_true(member(o, "throttled.throttled_now")) &&
              json_is_false(member(o, "throttled.throttled_since_boot")) &&
              json_is_false(member(o, "throttled.frequency_capped_now")),
          "each flag now and since boot");
    CHECK(json_integer_value(member(o, "state_fs.free_bytes")) ==
                  12000000000LL &&
              json_integer_value(member(o, "state_fs.total_bytes")) ==
                  30000000000LL &&
              json_integer_value(member(o, "state_fs.errors")) == 2,
          "the state folder's space and errors, in bytes past 4 GB");
    CHECK(json_is_false(member(o, "display.on")) &&
              strcmp(member_str(o, "display.reason"), "closed") == 0 &&
              strcmp(member_str(o, "display.by"), "dpms") == 0 &&
              strstr(member_str(o, "display.detail"), "DPMS off"),
          "display: off, closed, by DPMS, the detail");
    CHECK(json_is_true(member(o, "schedule.given")) &&
              json_is_false(member(o, "schedule.open")) &&
              strcmp(member_str(o, "schedule.next_change"),
                     "2026-12-03T09:00:00+00:00") == 0,
          "schedule: closed, next change at opening");
    CHECK(json_is_true(member(o, "clock.trusted")) &&
              strcmp(member_str(o, "clock.why"), "synchronised by NTP") == 0,
          "clock trust and why");
    CHECK(member_str(o, "last_import") != NULL, "last import");
    json_decref(o);
    free(text);

    /* Summer time: the offset follows the zone. */
    s.now = SUMMER;
    text = status_json(&s);
    o = json_loads(text, 0, &err);
    t = o ? member_str(o, "time") : NULL;
    CHECK(t && strcmp(t, "2026-07-01T12:00:00+01:00") == 0,
          "summer time carries +01:00: %s", t ? t : "(none)");
    json_decref(o);
    free(text);
}

static void test_json_unknowns(void)
{
    struct kiosk_status s;
    memset(&s, 0, sizeof s);
    s.now = WINTER;
    s.uptime_s = -1;
    snprintf(s.lang, sizeof s.lang, "zh");
    snprintf(s.display_reason, sizeof s.display_reason, "open");
    snprintf(s.display_by, sizeof s.display_by, "on");
    s.display_on = true;
    char *text = status_json(&s);
    json_t *o = json_loads(text, 0, NULL);
    CHECK(o != NULL, "a sparse status parses");
    if (!o) {
        free(text);
        return;
    }
    static const char *nulls[] = {
        "uptime_s", "screen", "last_frame.at", "last_frame.age_s",
        "first_frame.ok", "memory", "cpu_temp_c", "throttled",
        "state_fs.free_bytes", "state_fs.total_bytes",
        "schedule.next_change", "last_import",
    };
    for (size_t i = 0; i < sizeof nulls / sizeof *nulls; i++)
        CHECK(json_is_null(member(o, nulls[i])),
              "unknown %s is null, not a made-up value", nulls[i]);
    CHECK(json_is_false(member(o, "first_frame.checked")),
          "first frame not checked yet");
    CHECK(json_is_false(member(o, "schedule.given")),
          "no opening hours given");
    json_decref(o);

    /* Bytes that are not UTF-8 (a path from a stick) do not lose the
     * member or the file. */
    snprintf(s.last_import, sizeof s.last_import, "stick \xff\xfe name");
    free(text);
    text = status_json(&s);
    o = json_loads(text, 0, NULL);
    CHECK(o && json_is_string(member(o, "last_import")),
          "a member that is not UTF-8 is still a string");
    json_decref(o);
    free(text);
}

/* ---- a checker of the Prometheus text exposition format ---------------- */

static bool metric_name(const char *s, size_t n)
{
    if (!n || !(isalpha((unsigned char)s[0]) || s[0] == '_' || s[0] == ':'))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == ':'))
            return false;
    return true;
}

/* The problems the checker finds are printed, except while it is shown
 * broken files on purpose. */
static bool quiet;
#define SAY(...) (quiet ? 0 : printf(__VA_ARGS__))

struct family {
    char name[96], type[16];
    bool help, samples;
};

/* Returns the number of problems, printing each. */
static int exposition_problems(const char *text, int *samples_out)
{
    int bad = 0, samples = 0;
    struct family fam[64];
    size_t nfam = 0;
    char series[128][256];
    size_t nseries = 0;
    size_t len = strlen(text);
    if (!len || text[len - 1] != '\n') {
        SAY("  exposition: no final newline\n");
        bad++;
    }
    const char *line = text;
    int lineno = 0;
    while (*line) {
        const char *eol = strchr(line, '\n');
        size_t n = eol ? (size_t)(eol - line) : strlen(line);
        char buf[512];
        snprintf(buf, sizeof buf, "%.*s", (int)n, line);
        lineno++;
        line += n + (eol ? 1 : 0);
        if (!buf[0]) {
            SAY("  line %d: empty line\n", lineno);
            bad++;
            continue;
        }
        if (buf[0] == '#') {
            char kind[8], name[96], rest[256] = "";
            if (sscanf(buf, "# %7s %95s %255[^\n]", kind, name, rest) < 2) {
                SAY("  line %d: a comment that is neither HELP nor TYPE: "
                       "%s\n", lineno, buf);
                bad++;
                continue;
            }
            struct family *f = NULL;
            for (size_t i = 0; i < nfam; i++)
                if (strcmp(fam[i].name, name) == 0)
                    f = &fam[i];
            if (!f && nfam < 64) {
                f = &fam[nfam++];
                memset(f, 0, sizeof *f);
                snprintf(f->name, sizeof f->name, "%s", name);
            }
            if (!f)
                continue;
            if (f->samples) {
                SAY("  line %d: %s %s after its samples\n", lineno, kind,
                       name);
                bad++;
            }
            if (strcmp(kind, "HELP") == 0) {
                if (f->help) {
                    SAY("  line %d: HELP %s twice\n", lineno, name);
                    bad++;
                }
                f->help = true;
            } else if (strcmp(kind, "TYPE") == 0) {
                if (f->type[0]) {
                    SAY("  line %d: TYPE %s twice\n", lineno, name);
                    bad++;
                }
                if (strcmp(rest, "gauge") && strcmp(rest, "counter") &&
                    strcmp(rest, "untyped")) {
                    SAY("  line %d: TYPE %s is '%s'\n", lineno, name,
                           rest);
                    bad++;
                }
                snprintf(f->type, sizeof f->type, "%.15s", rest);
            } else {
                SAY("  line %d: comment kind %s\n", lineno, kind);
                bad++;
            }
            continue;
        }
        /* A sample: name[{labels}] value */
        size_t nl = strcspn(buf, "{ ");
        if (!metric_name(buf, nl)) {
            SAY("  line %d: bad metric name: %s\n", lineno, buf);
            bad++;
            continue;
        }
        char name[96];
        snprintf(name, sizeof name, "%.*s", (int)nl, buf);
        const char *p = buf + nl;
        if (*p == '{') {
            p++;
            while (*p && *p != '}') {
                size_t ln = strcspn(p, "=");
                if (!metric_name(p, ln) || p[ln] != '=' || p[ln + 1] != '"') {
                    SAY("  line %d: bad label: %s\n", lineno, buf);
                    bad++;
                    break;
                }
                p += ln + 2;
                while (*p && *p != '"') {
                    if (*p == '\\') {
                        if (p[1] != '\\' && p[1] != '"' && p[1] != 'n') {
                            SAY("  line %d: bad escape: %s\n", lineno,
                                   buf);
                            bad++;
                        }
                        p++;
                    }
                    if (*p)
                        p++;
                }
                if (*p != '"') {
                    SAY("  line %d: unterminated label: %s\n", lineno,
                           buf);
                    bad++;
                    break;
                }
                p++;
                if (*p == ',')
                    p++;
            }
            if (*p != '}') {
                bad++;
                continue;
            }
            p++;
        }
        if (*p != ' ') {
            SAY("  line %d: no space before the value: %s\n", lineno, buf);
            bad++;
            continue;
        }
        p++;
        char *end;
        strtod(p, &end);
        if (end == p || *end != '\0') {
            SAY("  line %d: the value is not one float (a timestamp?): "
                   "%s\n", lineno, buf);
            bad++;
        }
        struct family *f = NULL;
        for (size_t i = 0; i < nfam; i++)
            if (strcmp(fam[i].name, name) == 0)
                f = &fam[i];
        if (!f || !f->help || !f->type[0]) {
            SAY("  line %d: %s has no HELP and TYPE before it\n", lineno,
                   name);
            bad++;
        } else {
            f->samples = true;
            size_t nn = strlen(name);
            bool total = nn > 6 && strcmp(name + nn - 6, "_total") == 0;
            if ((strcmp(f->type, "counter") == 0) != total) {
                SAY("  line %d: %s: counters and only counters end in "
                       "_total\n", lineno, name);
                bad++;
            }
        }
        size_t sl = (size_t)(p - 1 - buf);
        for (size_t i = 0; i < nseries; i++)
            if (strlen(series[i]) == sl && !strncmp(series[i], buf, sl)) {
                SAY("  line %d: series twice: %.*s\n", lineno, (int)sl,
                       buf);
                bad++;
            }
        if (nseries < 128)
            snprintf(series[nseries++], sizeof series[0], "%.*s", (int)sl,
                     buf);
        samples++;
    }
    *samples_out = samples;
    return bad;
}

static double sample(const char *text, const char *series)
{
    size_t n = strlen(series);
    for (const char *p = text; (p = strstr(p, series)); p++)
        if ((p == text || p[-1] == '\n') && p[n] == ' ')
            return strtod(p + n + 1, NULL);
    return -12345;
}

static void test_prometheus(void)
{
    /* The checker catches what it must. */
    int samples;
    CHECK(exposition_problems("# HELP a x\n# TYPE a gauge\na 1\n",
                              &samples) == 0 && samples == 1,
          "checker: a good file passes");
    static const char *broken[] = {
        "a 1\n",                                            /* no HELP/TYPE */
        "# HELP a x\n# TYPE a gauge\na 1",                  /* no newline */
        "# HELP a x\n# TYPE a gauge\na 1\na 2\n",           /* twice */
        "# HELP a x\n# TYPE a gauge\na 1 1796230800000\n",  /* timestamp */
        "# HELP a x\n# TYPE a counter\na 1\n",              /* no _total */
        "# HELP a x\n# TYPE a gauge\na{l=\"q\"\"} 1\n",     /* bad quote */
        "# HELP 1a x\n# TYPE 1a gauge\n1a 1\n",             /* bad name */
        "# HELP a x\n# TYPE a gauge\na 1\n# HELP a y\n",    /* HELP after */
    };
    quiet = true;
    for (size_t i = 0; i < sizeof broken / sizeof *broken; i++)
        CHECK(exposition_problems(broken[i], &samples) > 0,
              "checker: broken file %zu is caught", i);
    quiet = false;

    struct kiosk_status s = full();
    char *text = status_prometheus(&s);
    int bad = exposition_problems(text, &samples);
    CHECK(bad == 0, "the full status is valid exposition (%d problems)",
          bad);
    CHECK(samples >= 20, "it has the samples (%d)", samples);
    CHECK(sample(text, "kiosk_display_on") == 0, "display off is 0");
    CHECK(sample(text, "kiosk_frames_drawn_total") == 123456,
          "frames drawn counter");
    CHECK(sample(text, "kiosk_state_errors_total") == 2, "errors counter");
    CHECK(sample(text, "kiosk_cpu_temperature_celsius") > 48.31 &&
              sample(text, "kiosk_cpu_temperature_celsius") < 48.32,
          "temperature in Celsius");
    CHECK(sample(text, "kiosk_memory_rss_bytes") == 51200.0 * 1024,
          "memory in bytes");
    CHECK(sample(text, "kiosk_state_free_bytes") == 12e9,
          "free bytes past 4 GB");
    CHECK(sample(text, "kiosk_status_timestamp_seconds") == WINTER,
          "the timestamp as a gauge");
    CHECK(sample(text, "kiosk_schedule_next_change_timestamp_seconds") ==
              WINTER + 16 * 3600,
          "next change");
    CHECK(sample(text, "kiosk_throttled{flag=\"under_voltage\","
                       "when=\"now\"}") == 1 &&
              sample(text, "kiosk_throttled{flag=\"throttled\","
                           "when=\"since_boot\"}") == 0,
          "throttling flags as labelled series");
    CHECK(sample(text, "kiosk_display_reason{reason=\"closed\",by=\"dpms\"}")
              == 1,
          "why the display is off");
    CHECK(strstr(text, "release=\"2026-11 \\\"winter\\\" \\\\ notes\""),
          "label values escaped: quotes and backslashes");
    free(text);

    /* Unknowns are absent, not 0. */
    struct kiosk_status e;
    memset(&e, 0, sizeof e);
    e.now = WINTER;
    e.uptime_s = -1;
    snprintf(e.release, sizeof e.release, "line\nbreak");
    text = status_prometheus(&e);
    bad = exposition_problems(text, &samples);
    CHECK(bad == 0, "a sparse status is valid exposition (%d problems)",
          bad);
    CHECK(!strstr(text, "kiosk_cpu_temperature_celsius") &&
              !strstr(text, "kiosk_throttled") &&
              !strstr(text, "kiosk_uptime_seconds") &&
              !strstr(text, "kiosk_schedule_open") &&
              !strstr(text, "kiosk_last_frame_timestamp_seconds"),
          "unknown metrics are absent");
    CHECK(strstr(text, "release=\"line\\nbreak\""),
          "a newline in a label is escaped");
    free(text);
}

static void test_text(void)
{
    struct kiosk_status s = full();
    char *text = status_text(&s);
    static const char *want[] = {
        "Kiosk status, written 2026-12-02 17:00 (+00:00)",
        "Program: 1.4.0 (abc123)",
        "Screen: reader, language ug",
        "Last frame: 2026-12-02 16:59 (+00:00), showing reader passage p07",
        "First frame: verified",
        "Display: off (closed, by dpms)",
        "Opening hours: closed now, changes 2026-12-03 09:00 (+00:00)",
        "Clock: trusted -- synchronised by NTP",
        "CPU temperature: 48.3",
        "under-voltage now!",
        "throttled now!",
        "State folder: 12.0 GB free of 30.0 GB, 2 write errors",
        "Last import: 2026-12-01 10:02",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        CHECK(strstr(text, want[i]) != NULL, "KIOSK-STATUS.txt says '%s'",
              want[i]);
    free(text);
    s.has_throttled = true;
    s.throttled = 0;
    s.clock_trusted = false;
    s.schedule_given = false;
    text = status_text(&s);
    CHECK(strstr(text, "(0x0): all good") != NULL, "no throttling: all good");
    CHECK(strstr(text, "Clock: NOT trusted") != NULL, "an untrusted clock");
    CHECK(strstr(text, "none set (always on)") != NULL, "no opening hours");
    free(text);
}

int main(void)
{
    setenv("TZ", "Europe/London", 1);
    tzset();
    test_json_full();
    test_json_unknowns();
    test_prometheus();
    test_text();
    return check_finish("test_status");
}
