/* status.c: the status snapshot as JSON, Prometheus text and plain text
 * (see status.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/xalloc.h"
#include "ops/status.h"

/* The Pi firmware's bits: the condition now and "has occurred". */
static const struct {
    unsigned now, since;
    const char *name, *text;
} flags[] = {
    {1u << 0, 1u << 16, "under_voltage", "under-voltage"},
    {1u << 1, 1u << 17, "frequency_capped", "ARM frequency capped"},
    {1u << 2, 1u << 18, "throttled", "throttled"},
    {1u << 3, 1u << 19, "soft_temperature_limit", "soft temperature limit"},
};
#define FLAG_COUNT (sizeof flags / sizeof *flags)

/* Local ISO 8601 with a colon in the offset. */
static void iso(time_t t, char *buf, size_t size)
{
    struct tm tm;
    char raw[40];
    localtime_r(&t, &tm);
    strftime(raw, sizeof raw, "%Y-%m-%dT%H:%M:%S%z", &tm);
    size_t n = strlen(raw);
    snprintf(buf, size, "%.*s:%s", (int)(n - 2), raw, raw + n - 2);
}

static json_t *time_or_null(time_t t)
{
    char buf[40];
    if (!t)
        return json_null();
    iso(t, buf, sizeof buf);
    return json_string(buf);
}

/* A string member that may not be UTF-8 (a path, a log line): escaped
 * rather than dropped. */
static json_t *str(const char *s)
{
    json_t *j = json_string(s);
    return j ? j : json_string("(not UTF-8)");
}

char *status_json(const struct kiosk_status *s)
{
    json_t *o = json_object();
    json_object_set_new(o, "time", time_or_null(s->now));
    json_object_set_new(o, "time_unix", json_integer((json_int_t)s->now));
    json_object_set_new(o, "version", str(s->version));
    json_object_set_new(o, "uptime_s", s->uptime_s >= 0
                                           ? json_real(s->uptime_s)
                                           : json_null());
    json_object_set_new(o, "running_s", json_real(s->run_s));
    json_object_set_new(o, "screen", s->screen[0] ? str(s->screen)
                                                  : json_null());
    json_object_set_new(o, "lang", str(s->lang));
    json_object_set_new(o, "release", str(s->release));
    json_t *lf = json_object();
    json_object_set_new(lf, "at", time_or_null(s->last_frame_at));
    json_object_set_new(lf, "age_s",
                        s->last_frame_at
                            ? json_integer((json_int_t)(s->now -
                                                        s->last_frame_at))
                            : json_null());
    json_object_set_new(lf, "what", str(s->last_frame_what));
    json_object_set_new(o, "last_frame", lf);
    json_object_set_new(o, "frames_drawn",
                        json_integer((json_int_t)s->frames_drawn));
    json_t *ff = json_object();
    json_object_set_new(ff, "checked", json_boolean(s->first_frame_checked));
    json_object_set_new(ff, "ok", s->first_frame_checked
                                      ? json_boolean(s->first_frame_ok)
                                      : json_null());
    json_object_set_new(ff, "detail", str(s->first_frame));
    json_object_set_new(o, "first_frame", ff);
    json_t *mem = json_null();
    if (s->has_memory) {
        mem = json_object();
        json_object_set_new(mem, "rss_kib", json_integer((json_int_t)s->rss_kib));
        json_object_set_new(mem, "peak_kib",
                            json_integer((json_int_t)s->peak_kib));
    }
    json_object_set_new(o, "memory", mem);
    json_object_set_new(o, "cpu_temp_c", s->has_temp
                                             ? json_real(s->cpu_mdeg / 1000.0)
                                             : json_null());
    json_t *th = json_null();
    if (s->has_throttled) {
        char hex[16];
        snprintf(hex, sizeof hex, "0x%x", s->throttled);
        th = json_object();
        json_object_set_new(th, "flags", json_string(hex));
        for (size_t i = 0; i < FLAG_COUNT; i++) {
            char key[64];
            snprintf(key, sizeof key, "%s_now", flags[i].name);
            json_object_set_new(th, key,
                                json_boolean(s->throttled & flags[i].now));
            snprintf(key, sizeof key, "%s_since_boot", flags[i].name);
            json_object_set_new(th, key,
                                json_boolean(s->throttled & flags[i].since));
        }
    }
    json_object_set_new(o, "throttled", th);
    json_t *fs = json_object();
    json_object_set_new(fs, "free_bytes",
                        s->has_space ? json_integer((json_int_t)s->state_free_b)
                                     : json_null());
    json_object_set_new(fs, "total_bytes",
                        s->has_space
                            ? json_integer((json_int_t)s->state_total_b)
                            : json_null());
    json_object_set_new(fs, "errors", json_integer(s->state_errors));
    json_object_set_new(o, "state_fs", fs);
    json_t *d = json_object();
    json_object_set_new(d, "on", json_boolean(s->display_on));
    json_object_set_new(d, "reason", str(s->display_reason));
    json_object_set_new(d, "by", str(s->display_by));
    json_object_set_new(d, "detail", str(s->display_detail));
    json_object_set_new(o, "display", d);
    json_t *sc = json_object();
    json_object_set_new(sc, "given", json_boolean(s->schedule_given));
    json_object_set_new(sc, "open", json_boolean(s->open));
    json_object_set_new(sc, "next_change",
                        s->change_known ? time_or_null(s->next_change)
                                        : json_null());
    json_object_set_new(o, "schedule", sc);
    json_t *ck = json_object();
    json_object_set_new(ck, "trusted", json_boolean(s->clock_trusted));
    json_object_set_new(ck, "why", str(s->clock_why));
    json_object_set_new(o, "clock", ck);
    json_object_set_new(o, "last_import", s->last_import[0]
                                              ? str(s->last_import)
                                              : json_null());
    char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(o);
    size_t n = text ? strlen(text) : 0;
    char *out = xmalloc(n + 2);
    memcpy(out, text ? text : "", n);
    out[n] = '\n';
    out[n + 1] = '\0';
    free(text);
    return out;
}

/* ---- Prometheus ------------------------------------------------------- */

/* A label value escaped as the exposition format says. */
static void label(FILE *f, const char *v)
{
    fputc('"', f);
    for (; *v; v++) {
        if (*v == '\\' || *v == '"')
            fprintf(f, "\\%c", *v);
        else if (*v == '\n')
            fputs("\\n", f);
        else
            fputc(*v, f);
    }
    fputc('"', f);
}

static void family(FILE *f, const char *name, const char *type,
                   const char *help)
{
    fprintf(f, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static void gauge(FILE *f, const char *name, const char *help, double v)
{
    family(f, name, "gauge", help);
    fprintf(f, "%s %.17g\n", name, v);
}

char *status_prometheus(const struct kiosk_status *s)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return xstrdup("");
    family(f, "kiosk_info", "gauge", "The exhibit's version and what it "
           "shows (always 1).");
    fputs("kiosk_info{version=", f);
    label(f, s->version);
    fputs(",release=", f);
    label(f, s->release);
    fputs(",screen=", f);
    label(f, s->screen);
    fputs(",lang=", f);
    label(f, s->lang);
    fputs("} 1\n", f);
    gauge(f, "kiosk_status_timestamp_seconds", "When this was written.",
          (double)s->now);
    if (s->uptime_s >= 0)
        gauge(f, "kiosk_uptime_seconds", "The system's time since boot.",
              s->uptime_s);
    gauge(f, "kiosk_running_seconds", "The exhibit's time since it started.",
          s->run_s);
    family(f, "kiosk_frames_drawn_total", "counter", "Frames drawn.");
    fprintf(f, "kiosk_frames_drawn_total %lu\n", s->frames_drawn);
    if (s->last_frame_at)
        gauge(f, "kiosk_last_frame_timestamp_seconds",
              "When the last frame was drawn.", (double)s->last_frame_at);
    if (s->first_frame_checked)
        gauge(f, "kiosk_first_frame_ok", "1 if the first frame was verified "
              "as drawn right.", s->first_frame_ok);
    if (s->has_memory)
        gauge(f, "kiosk_memory_rss_bytes", "Resident memory.",
              (double)s->rss_kib * 1024.0);
    if (s->has_temp)
        gauge(f, "kiosk_cpu_temperature_celsius", "The CPU's temperature.",
              s->cpu_mdeg / 1000.0);
    if (s->has_throttled) {
        family(f, "kiosk_throttled", "gauge", "The Raspberry Pi firmware's "
               "throttling flags, now and since boot.");
        for (size_t i = 0; i < FLAG_COUNT; i++)
            fprintf(f, "kiosk_throttled{flag=\"%s\",when=\"now\"} %d\n"
                       "kiosk_throttled{flag=\"%s\",when=\"since_boot\"} %d\n",
                    flags[i].name, !!(s->throttled & flags[i].now),
                    flags[i].name, !!(s->throttled & flags[i].since));
    }
    if (s->has_space) {
        gauge(f, "kiosk_state_free_bytes", "Free space on the state folder's "
              "file system.", (double)s->state_free_b);
        gauge(f, "kiosk_state_size_bytes", "The state folder's file system's "
              "size.", (double)s->state_total_b);
    }
    family(f, "kiosk_state_errors_total", "counter", "Write errors on the "
           "state folder since the exhibit started.");
    fprintf(f, "kiosk_state_errors_total %u\n", s->state_errors);
    gauge(f, "kiosk_display_on", "1 if the display is on.", s->display_on);
    family(f, "kiosk_display_reason", "gauge", "Why the display is on or off "
           "(always 1).");
    fputs("kiosk_display_reason{reason=", f);
    label(f, s->display_reason);
    fputs(",by=", f);
    label(f, s->display_by);
    fputs("} 1\n", f);
    if (s->schedule_given) {
        gauge(f, "kiosk_schedule_open", "1 within the opening hours.",
              s->open);
        if (s->change_known)
            gauge(f, "kiosk_schedule_next_change_timestamp_seconds",
                  "When the opening hours change next.",
                  (double)s->next_change);
    }
    gauge(f, "kiosk_clock_trusted", "1 if the wall clock is known to be "
          "right.", s->clock_trusted);
    fclose(f);
    return text;
}

/* ---- KIOSK-STATUS.txt ------------------------------------------------- */

static void local(time_t t, char *buf, size_t size)
{
    struct tm tm;
    char zone[8];
    localtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%d %H:%M", &tm);
    strftime(zone, sizeof zone, "%z", &tm);
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, " (%.3s:%s)", zone, zone + 3);
}

char *status_text(const struct kiosk_status *s)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return xstrdup("");
    char t[64];
    local(s->now, t, sizeof t);
    fprintf(f, "Kiosk status, written %s\n", t);
    fprintf(f, "Program: %s\n", s->version);
    fprintf(f, "Content on screen: %s\n", s->release);
    fprintf(f, "Screen: %s, language %s\n", s->screen[0] ? s->screen
                                                        : "(none yet)",
            s->lang);
    if (s->last_frame_at) {
        local(s->last_frame_at, t, sizeof t);
        fprintf(f, "Last frame: %s, showing %s\n", t, s->last_frame_what);
    } else {
        fprintf(f, "Last frame: none drawn yet\n");
    }
    fprintf(f, "Frames drawn: %lu\n", s->frames_drawn);
    fprintf(f, "First frame: %s\n",
            !s->first_frame_checked ? "not checked"
            : s->first_frame_ok     ? "verified"
                                    : "WRONG");
    if (s->first_frame[0])
        fprintf(f, "First frame detail: %s\n", s->first_frame);
    fprintf(f, "Display: %s (%s, by %s)\n", s->display_on ? "on" : "off",
            s->display_reason, s->display_by);
    if (s->display_detail[0])
        fprintf(f, "Display detail: %s\n", s->display_detail);
    if (s->schedule_given) {
        fprintf(f, "Opening hours: %s now", s->open ? "open" : "closed");
        if (s->change_known) {
            local(s->next_change, t, sizeof t);
            fprintf(f, ", changes %s", t);
        }
        fputc('\n', f);
    } else {
        fprintf(f, "Opening hours: none set (always on)\n");
    }
    fprintf(f, "Clock: %s -- %s\n", s->clock_trusted ? "trusted" : "NOT "
            "trusted", s->clock_why);
    if (s->uptime_s >= 0)
        fprintf(f, "Up since boot: %.1f hours\n", s->uptime_s / 3600.0);
    fprintf(f, "Exhibit running: %.1f hours\n", s->run_s / 3600.0);
    if (s->has_memory)
        fprintf(f, "Memory: %.1f MB (peak %.1f MB)\n", s->rss_kib / 1024.0,
                s->peak_kib / 1024.0);
    if (s->has_temp)
        fprintf(f, "CPU temperature: %.1f \xC2\xB0" "C\n",
                s->cpu_mdeg / 1000.0);
    if (s->has_throttled) {
        fprintf(f, "Power and throttling (0x%x):", s->throttled);
        int any = 0;
        for (size_t i = 0; i < FLAG_COUNT; i++) {
            if (s->throttled & flags[i].now)
                fprintf(f, "%s %s now!", any++ ? "," : "", flags[i].text);
            else if (s->throttled & flags[i].since)
                fprintf(f, "%s %s has occurred since boot",
                        any++ ? "," : "", flags[i].text);
        }
        fprintf(f, "%s\n", any ? "" : " all good");
    }
    if (s->has_space)
        fprintf(f, "State folder: %.1f GB free of %.1f GB, %u write "
                "error%s\n", s->state_free_b / 1e9, s->state_total_b / 1e9,
                s->state_errors, s->state_errors == 1 ? "" : "s");
    if (s->last_import[0])
        fprintf(f, "Last import: %s\n", s->last_import);
    fclose(f);
    return text;
}
