/* run_ops.c: the exhibit's operations on a kiosk (see run_ops.h).
 *
 * On a display that goes away and comes back the kiosk ends with
 * CLI_DISPLAY and systemd starts it again (Restart=always): a new start
 * makes SDL set the mode on the new connection, which SDL2 never does by
 * itself, and the start waits, logging, for as long as no display is
 * connected -- a wait inside one process, never a loop of restarts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL_syswm.h>

#include "app/cli.h"
#include "app/hours.h"
#include "app/run_ops.h"
#include "app/version.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "ops/status.h"
#include "platform/platform.h"
#include "state/file_replace.h"
#include "text/lang.h"

#define TRUST_EVERY_MS 30000u
#define STATUS_EVERY_MS 5000u
#define PROM_EVERY_MS 30000u

struct run_ops {
    struct platform_power *power;
    struct power_ways ways;
    int drm_fd; /* SDL's own (KMSDRM), or -1 */
    struct platform_hotplug *hotplug;
    Uint32 hotplug_event;
    int connected;          /* connectors connected, as last seen */
    char connectors[128];   /* their names */
    bool went_away;
    bool trusted;
    char why[200];
    uint32_t trust_at;
    bool trust_known;
    /* the status */
    const struct app_settings *set;
    const char *release;
    time_t started, last_frame_at;
    char last_frame_what[160];
    unsigned long frames;
    bool ff_checked, ff_ok;
    char ff_detail[200];
    uint32_t status_at, prom_at;
    bool status_written;
    char last_screen[32];
    bool last_dark;
    unsigned last_changes;  /* the display power's changes, as written */
    bool status_failed; /* logged once until it works again */
};

static Uint32 pushed_type;

static void on_hotplug(void *ctx)
{
    (void)ctx;
    SDL_Event ev = {.type = pushed_type};
    SDL_PushEvent(&ev);
}

/* SDL's DRM descriptor (KMSDRM), or -1 (a desktop window, the dummy). */
static int drm_fd_of(SDL_Window *window)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!window || !SDL_GetWindowWMInfo(window, &info))
        return -1;
#if defined(SDL_VIDEO_DRIVER_KMSDRM)
    if (info.subsystem == SDL_SYSWM_KMSDRM)
        return info.info.kmsdrm.drm_fd;
#endif
    return -1;
}

struct run_ops *run_ops_start(const struct app_settings *s,
                              SDL_Window *window, Uint32 hotplug_event,
                              const char *release)
{
    struct run_ops *o = xcalloc(1, sizeof *o);
    o->set = s;
    o->release = release;
    o->started = time(NULL);
    o->drm_fd = drm_fd_of(window);
    o->power = platform_power_create("", o->drm_fd);
    o->ways = (struct power_ways){platform_power_set, o->power};
    o->connected = platform_drm_connected(o->drm_fd, o->connectors,
                                          sizeof o->connectors);
    if (o->drm_fd >= 0 && hotplug_event) {
        pushed_type = hotplug_event;
        o->hotplug_event = hotplug_event;
        o->hotplug = platform_hotplug_create(on_hotplug, o);
        log_info("ops", "display: %d connector(s) connected (%s); "
                 "listening for hotplug", o->connected, o->connectors);
    }
    return o;
}

void run_ops_stop(struct run_ops *o)
{
    if (!o)
        return;
    platform_hotplug_destroy(o->hotplug);
    platform_power_destroy(o->power);
    free(o);
}

const struct power_ways *run_ops_ways(const struct run_ops *o)
{
    return &o->ways;
}

void run_ops_frame(struct run_ops *o, const struct exhibit_app *app)
{
    o->last_frame_at = time(NULL);
    o->frames++;
    exhibit_app_showing(app, o->last_frame_what, sizeof o->last_frame_what);
}

void run_ops_first_frame(struct run_ops *o, bool checked, bool ok,
                         const char *detail)
{
    o->ff_checked = checked;
    o->ff_ok = ok;
    snprintf(o->ff_detail, sizeof o->ff_detail, "%s", detail);
}

/* The last import's line (STATE/import-status), without its facts. */
static void last_import(const char *state, char *out, size_t size)
{
    out[0] = '\0';
    if (!state)
        return;
    char path[1100];
    snprintf(path, sizeof path, "%s/import-status", state);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    if (!fgets(out, (int)size, f))
        out[0] = '\0';
    fclose(f);
    out[strcspn(out, "\t\n")] = '\0';
}

static void snapshot(const struct run_ops *o, const struct exhibit_app *app,
                     struct kiosk_status *st)
{
    memset(st, 0, sizeof *st);
    st->now = time(NULL);
    if (!platform_uptime_s(&st->uptime_s))
        st->uptime_s = -1;
    st->run_s = difftime(st->now, o->started);
    snprintf(st->version, sizeof st->version, "%s (%s)", KIOSK_VERSION,
             KIOSK_REVISION);
    snprintf(st->screen, sizeof st->screen, "%s",
             exhibit_app_screen_name(app));
    snprintf(st->lang, sizeof st->lang, "%s",
             text_lang_code(exhibit_app_lang(app)));
    snprintf(st->release, sizeof st->release, "%s",
             o->release ? o->release : "");
    st->last_frame_at = o->last_frame_at;
    snprintf(st->last_frame_what, sizeof st->last_frame_what, "%s",
             o->last_frame_what);
    st->frames_drawn = o->frames;
    st->first_frame_checked = o->ff_checked;
    st->first_frame_ok = o->ff_ok;
    snprintf(st->first_frame, sizeof st->first_frame, "%s", o->ff_detail);
    st->has_memory = platform_memory_kib(&st->rss_kib, &st->peak_kib);
    st->has_temp = platform_cpu_temp_mdeg("", &st->cpu_mdeg);
    st->has_throttled = platform_throttled("", &st->throttled);
    const char *state = o->set->state_dir;
    st->has_space = state && platform_fs_space(state, &st->state_free_b,
                                               &st->state_total_b);
    st->state_errors = exhibit_app_state_errors(app);
    const struct app_hours *h = exhibit_app_hours(app);
    st->display_on = !app_hours_dark(h);
    snprintf(st->display_reason, sizeof st->display_reason, "%s",
             display_reason_name(h->plan.reason));
    snprintf(st->display_by, sizeof st->display_by, "%s",
             st->display_on ? "on" : display_power_by(&h->power));
    size_t n = 0;
    for (size_t i = 0; i < h->power.attempt_count; i++) {
        const struct power_attempt *a = &h->power.attempts[i];
        int w = snprintf(st->display_detail + n,
                         sizeof st->display_detail - n, "%s%s %s: %s",
                         n ? "; " : "", power_way_name(a->way),
                         power_result_name(a->result), a->why);
        n += w > 0 ? (size_t)w : 0;
        if (n >= sizeof st->display_detail)
            break;
    }
    st->schedule_given = h->schedule != NULL;
    st->open = h->plan.schedule.open || !h->schedule;
    st->change_known = h->schedule && h->plan.schedule.change_known;
    st->next_change = h->plan.schedule.next_change;
    st->clock_trusted = o->trusted;
    snprintf(st->clock_why, sizeof st->clock_why, "%s", o->why);
    last_import(state, st->last_import, sizeof st->last_import);
}

/* `text` as `path`, atomically; a failure logged once until it works. */
static bool put(struct run_ops *o, const char *path, const char *text)
{
    char err[400];
    if (file_replace(path, text, strlen(text), 0644, NULL, err, sizeof err)) {
        if (o->status_failed)
            log_info("ops", "the status is written again (%s)", path);
        o->status_failed = false;
        return true;
    }
    if (!o->status_failed)
        log_warn("ops", "the status cannot be written: %s", err);
    o->status_failed = true;
    return false;
}

static void write_status(struct run_ops *o, const struct exhibit_app *app,
                         uint32_t now, bool display_changed)
{
    struct kiosk_status st;
    snapshot(o, app, &st);
    char *json = status_json(&st), *text = status_text(&st);
    char twin[1100];
    app_status_text_path(o->set, twin, sizeof twin);
    if (o->set->status_file && put(o, o->set->status_file, json))
        put(o, twin, text);
    free(json);
    free(text);
    o->status_at = now;
    o->status_written = true;
    if (o->set->prometheus_textfile &&
        (display_changed || !o->prom_at || now - o->prom_at >= PROM_EVERY_MS)) {
        char *prom = status_prometheus(&st);
        put(o, o->set->prometheus_textfile, prom);
        free(prom);
        o->prom_at = now ? now : 1;
    }
}

void run_ops_clock(struct run_ops *o, struct exhibit_app *app)
{
    uint32_t now = SDL_GetTicks();
    if (!o->trust_known || now - o->trust_at >= TRUST_EVERY_MS) {
        char why[200];
        bool t = platform_clock_trusted("", why, sizeof why);
        if (!o->trust_known || t != o->trusted)
            LOG_AT(t ? LOG_LEVEL_INFO : LOG_LEVEL_WARN, "ops", "clock: %s",
                   why);
        o->trusted = t;
        snprintf(o->why, sizeof o->why, "%s", why);
        o->trust_at = now;
        o->trust_known = true;
    }
    exhibit_app_set_wall(app, time(NULL), o->trusted, o->why);
}

void run_ops_status(struct run_ops *o, const struct exhibit_app *app)
{
    uint32_t now = SDL_GetTicks();
    const struct app_hours *h = exhibit_app_hours(app);
    if (h->schedule && !h->have_plan)
        return; /* the first status says what the hours say */
    const char *screen = exhibit_app_screen_name(app);
    bool dark = exhibit_app_dark(app);
    /* The display's change is written twice: black on screen, then the
     * way that turned it off (or the attempts that did not) -- a frame or
     * more later, after the black frame was shown. */
    bool display = dark != o->last_dark ||
                   h->power.changes != o->last_changes;
    bool changed = strcmp(screen, o->last_screen) != 0 || display;
    if (!o->status_written || changed || now - o->status_at >= STATUS_EVERY_MS)
        write_status(o, app, now, display || !o->status_written);
    snprintf(o->last_screen, sizeof o->last_screen, "%s", screen);
    o->last_changes = h->power.changes;
    o->last_dark = dark;
}

bool run_ops_hotplug(struct run_ops *o)
{
    char names[128];
    int n = platform_drm_connected(o->drm_fd, names, sizeof names);
    if (n == o->connected && strcmp(names, o->connectors) == 0)
        return false;
    if (n <= 0) {
        log_warn("ops", "the display went away (%s disconnected): the "
                 "exhibit waits for it", o->connectors);
        o->went_away = true;
    } else {
        log_info("ops", "display connected: %s (was %s)", names,
                 o->connected > 0 ? o->connectors : "none");
    }
    bool back = n > 0 && (o->went_away || o->connected > 0);
    o->connected = n;
    snprintf(o->connectors, sizeof o->connectors, "%s", names);
    if (back)
        log_warn("ops", "the display is back: the kiosk starts afresh to "
                 "set its mode (exit status %d; systemd restarts it)",
                 CLI_DISPLAY);
    return back;
}
