/* staff_diag.c: the Diagnostics page's rows, gathered (see staff_diag.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "app/staff_diag.h"
#include "app/version.h"
#include "core/utf8.h"
#include "platform/platform.h"
#include "state/import.h"
#include "state/release.h"

#define MAX_RELEASES 256 /* listed to find the current one's details */

void staff_frames_note(struct staff_frames *f, double ms)
{
    f->ms[f->count % STAFF_FRAME_HISTORY] = ms;
    f->count++;
}

static void row(struct ui_staff_model *m, enum ui_staff_text label,
                const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void row(struct ui_staff_model *m, enum ui_staff_text label,
                const char *fmt, ...)
{
    if (m->diag_count >= UI_STAFF_DIAG_ROWS)
        return;
    m->diag[m->diag_count].label = label;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->diag[m->diag_count].value, sizeof m->diag[0].value, fmt,
              ap);
    va_end(ap);
    m->diag_count++;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Frame times: the median, 95th percentile and worst of those kept. */
static void frame_row(struct ui_staff_model *m, const struct staff_frames *f)
{
    size_t n = f->count < STAFF_FRAME_HISTORY ? f->count
                                              : STAFF_FRAME_HISTORY;
    if (n == 0) {
        row(m, UI_ST_FRAMES, "-");
        return;
    }
    double v[STAFF_FRAME_HISTORY];
    memcpy(v, f->ms, n * sizeof v[0]);
    qsort(v, n, sizeof v[0], cmp_double);
    row(m, UI_ST_FRAMES, "p50 %.1f ms  p95 %.1f ms  max %.1f ms  (n=%zu)",
        v[n / 2], v[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1], v[n - 1],
        n);
}

/* The current release (number, date, source) and the folder shown: the
 * release's, which a rollback changes, or the content folder. */
static void release_rows(struct ui_staff_model *m,
                         const struct staff_setup *setup)
{
    const char *state = setup->state_dir;
    unsigned cur = state ? release_current(state) : 0;
    if (cur) {
        struct release_info list[MAX_RELEASES];
        size_t n = release_list(state, list, MAX_RELEASES);
        const struct release_info *info = NULL;
        for (size_t i = 0; i < n && i < MAX_RELEASES; i++)
            if (list[i].id == cur)
                info = &list[i];
        char *source = info ? utf8_escape(info->source,
                                          strlen(info->source)) : NULL;
        row(m, UI_ST_RELEASE, "%u  %s  %s", cur, info ? info->date : "",
            source ? source : "");
        free(source);
    } else {
        row(m, UI_ST_RELEASE, "-");
    }
    char folder[4200];
    if (cur)
        release_path(state, cur, folder, sizeof folder);
    row(m, UI_ST_CONTENT, "%s",
        cur ? folder : setup->content_dir ? setup->content_dir : "-");
}

static void read_report(struct ui_staff_model *m, const char *state_dir)
{
    m->import_report[0] = '\0';
    if (!state_dir)
        return;
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", state_dir, IMPORT_LAST_REPORT);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    size_t n = fread(m->import_report, 1, sizeof m->import_report - 1, f);
    m->import_report[n] = '\0';
    fclose(f);
}

static const char *jstr(json_t *o, const char *key, const char *dflt)
{
    const char *v = json_string_value(json_object_get(o, key));
    return v ? v : dflt;
}

/* "2026-12-03T17:00:00+00:00" as "2026-12-03 17:00". */
static void short_time(const char *iso, char *out, size_t size)
{
    snprintf(out, size, "%.10s %.5s", iso, strlen(iso) > 11 ? iso + 11 : "");
}

/* The display, the opening hours and the machine, as the status file
 * says them: what staff see is what a monitoring script reads. */
static void status_rows(struct ui_staff_model *m, const char *path)
{
    if (!path)
        return;
    json_error_t err;
    json_t *o = json_load_file(path, 0, &err);
    if (!json_is_object(o)) {
        row(m, UI_ST_DISPLAY, "no status file (%s: %s)", path, err.text);
        json_decref(o);
        return;
    }
    json_t *d = json_object_get(o, "display");
    json_t *sc = json_object_get(o, "schedule");
    json_t *ck = json_object_get(o, "clock");
    json_int_t written = json_integer_value(json_object_get(o, "time_unix"));
    long age = written ? (long)(time(NULL) - (time_t)written) : -1;
    char stale[64] = "";
    if (age > 30 || age < -30)
        snprintf(stale, sizeof stale, "  (status %ld s old)", age);
    bool on = json_is_true(json_object_get(d, "on"));
    if (on)
        row(m, UI_ST_DISPLAY, "on (%s)%s", jstr(d, "reason", "?"), stale);
    else
        row(m, UI_ST_DISPLAY, "off (%s), by %s%s", jstr(d, "reason", "?"),
            jstr(d, "by", "?"), stale);
    char next[40] = "";
    const char *nc = jstr(sc, "next_change", NULL);
    if (nc)
        short_time(nc, next, sizeof next);
    const char *trust = json_is_true(json_object_get(ck, "trusted"))
                            ? ""
                            : "; clock NOT trusted, the display stays on";
    if (!json_is_true(json_object_get(sc, "given")))
        row(m, UI_ST_HOURS, "none set: always on%s", trust);
    else
        row(m, UI_ST_HOURS, "%s now%s%s%s",
            json_is_true(json_object_get(sc, "open")) ? "open" : "closed",
            next[0] ? ", changes " : "", next, trust);
    char machine[256] = "";
    size_t n = 0;
    json_t *temp = json_object_get(o, "cpu_temp_c");
    if (json_is_number(temp))
        n += (size_t)snprintf(machine + n, sizeof machine - n, "%.1f °C  ",
                              json_number_value(temp));
    json_t *th = json_object_get(o, "throttled");
    if (json_is_object(th) && n < sizeof machine) {
        bool now = json_is_true(json_object_get(th, "under_voltage_now")) ||
                   json_is_true(json_object_get(th, "throttled_now"));
        const char *flags = jstr(th, "flags", "?");
        n += (size_t)snprintf(machine + n, sizeof machine - n, "%s (%s)  ",
                              now ? "UNDER-VOLTAGE/THROTTLED now"
                              : strcmp(flags, "0x0") != 0
                                  ? "throttled since boot"
                                  : "no throttling",
                              flags);
    }
    json_t *fs = json_object_get(o, "state_fs");
    json_t *fb = json_object_get(fs, "free_bytes");
    if (json_is_integer(fb) && n < sizeof machine)
        snprintf(machine + n, sizeof machine - n, "%.1f GB free, %lld "
                 "write errors", (double)json_integer_value(fb) / 1e9,
                 (long long)json_integer_value(json_object_get(fs,
                                                               "errors")));
    row(m, UI_ST_MACHINE, "%s", machine[0] ? machine : "-");
    json_decref(o);
}

void staff_diag_gather(struct ui_staff_model *m,
                       const struct staff_diag_input *in)
{
    const struct staff_setup *setup = in->setup;
    m->diag_count = 0;
    row(m, UI_ST_VERSION, "%s (%s)", KIOSK_VERSION, KIOSK_REVISION);
    release_rows(m, setup);
    uint32_t up = in->uptime_s;
    if (up >= 86400)
        row(m, UI_ST_UPTIME, "%u d %u:%02u:%02u", up / 86400,
            up / 3600 % 24, up / 60 % 60, up % 60);
    else
        row(m, UI_ST_UPTIME, "%u:%02u:%02u", up / 3600, up / 60 % 60,
            up % 60);
    if (in->problem && in->problem[0])
        row(m, UI_ST_PROBLEM, "%s", in->problem);
    frame_row(m, in->frames);
    unsigned long rss, peak;
    if (platform_memory_kib(&rss, &peak))
        row(m, UI_ST_MEMORY, "%.1f MB  (peak %.1f MB)", rss / 1024.0,
            peak / 1024.0);
    else
        row(m, UI_ST_MEMORY, "-");
    if (setup->diagonal_inch > 0)
        row(m, UI_ST_SCREEN, "%dx%d  %d°  %.1f in", in->w, in->h,
            setup->rotation, setup->diagonal_inch);
    else
        row(m, UI_ST_SCREEN, "%dx%d  %d°", in->w, in->h, setup->rotation);
    status_rows(m, setup->status_file);
    read_report(m, setup->state_dir);
}
