/* staff.c: the staff panel's way in, PIN and pages (see staff.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/staff.h"
#include "state/staff_lockout.h"
#include "state/stats.h"
#include "state/stats_reader.h"
#include "app/version.h"
#include "core/worker.h"
#include "state/import.h"
#include "state/release.h"
#include "core/diag.h"
#include "core/log.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "input/corner_hold.h"
#include "platform/platform.h"
#include "ui/format.h"
#include "ui/staff_screen.h"

#define REFRESH_MS 1000u /* diagnostics while they are shown */
#define CHECK_POLL_MS 16u /* looking for the PIN check's end */
#define STATS_POLL_MS 20u /* looking for the statistics while read */

struct staff {
    const struct text_fonts *fonts;
    struct staff_pin_hash hash;
    struct staff_setup setup;
    struct corner_hold hold;
    struct staff_pin pin;
    /* the PIN's check on a worker thread (the attempt is the worker's
     * while it runs), and the lock-out kept in the state folder */
    struct worker check;
    struct staff_pin_attempt attempt;
    bool check_shown; /* its outcome goes on screen (not closed since) */
    struct staff_lockout lockout;
    struct ui_staff_screen *screen;
    struct ui_staff_model m;
    /* the statistics page's summary, read on a worker thread */
    struct stats_reader *reader;
    size_t stats_skipped; /* damaged day files in the last summary */
    enum text_lang lang;
    int w, h;
    bool open;
    uint32_t start, now, last_input, armed_at, refreshed;
    uint32_t locked_shown; /* the seconds of lock-out on screen */
    /* press feedback: the first pointer down on the open screen */
    int64_t press_pointer;
    bool pressing;
    char pressed[48];
    /* the touch test: pointers down since the panel opened */
    struct {
        int64_t id;
        struct ui_staff_touch at;
    } touch[UI_STAFF_MAX_TOUCHES];
    size_t touch_count;
    /* frame times, a ring */
    double frame_ms[STAFF_FRAME_HISTORY];
    size_t frame_count; /* ever noted */
    enum staff_action action;
    char problem[512]; /* the content that did not load, or "" */
};

struct staff *staff_create(const struct text_fonts *fonts, uint32_t now)
{
    struct staff *s = xcalloc(1, sizeof *s);
    s->fonts = fonts;
    s->screen = ui_staff_screen_create(fonts);
    s->reader = stats_reader_create();
    s->start = s->now = now;
    s->lang = TEXT_LANG_EN;
    input_corner_hold_init(&s->hold, NULL);
    staff_pin_init(&s->pin, NULL);
    worker_init(&s->check);
    staff_lockout_init(&s->lockout, NULL);
    return s;
}

/* A PIN check still running is waited for and dropped (wiped). */
static void drop_check(struct staff *s)
{
    if (worker_busy(&s->check)) {
        worker_wait(&s->check);
        worker_poll(&s->check);
    }
    staff_pin_attempt_wipe(&s->attempt);
}

void staff_destroy(struct staff *s)
{
    if (!s)
        return;
    drop_check(s);
    staff_pin_wipe(&s->pin);
    stats_reader_destroy(s->reader);
    ui_staff_screen_destroy(s->screen);
    free(s);
}

void staff_configure(struct staff *s, const struct staff_setup *setup)
{
    s->setup = *setup;
    if (setup->pin)
        s->hash = *setup->pin;
    s->setup.pin = setup->pin ? &s->hash : NULL;
    drop_check(s);
    staff_pin_init(&s->pin, s->setup.pin);
    staff_lockout_init(&s->lockout, s->setup.state_dir);
    if (staff_pin_hash_is_legacy(s->setup.pin))
        log_warn("staff", "the staff PIN's hash is the old one-round "
                 "sha256 form, from which a PIN is quickly recovered: set "
                 "the PIN again with 'kiosk staff-pin-hash --set'");
}

bool staff_is_open(const struct staff *s)
{
    return s->open;
}

/* ---- the model -------------------------------------------------------- */

static void row(struct staff *s, enum ui_staff_text label, const char *fmt,
                ...) __attribute__((format(printf, 3, 4)));

static void row(struct staff *s, enum ui_staff_text label, const char *fmt,
                ...)
{
    if (s->m.diag_count >= UI_STAFF_DIAG_ROWS)
        return;
    s->m.diag[s->m.diag_count].label = label;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->m.diag[s->m.diag_count].value,
              sizeof s->m.diag[0].value, fmt, ap);
    va_end(ap);
    s->m.diag_count++;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Frame times: the median, 95th percentile and worst of those kept. */
static void frame_row(struct staff *s)
{
    size_t n = s->frame_count < STAFF_FRAME_HISTORY ? s->frame_count
                                                    : STAFF_FRAME_HISTORY;
    if (n == 0) {
        row(s, UI_ST_FRAMES, "-");
        return;
    }
    double v[STAFF_FRAME_HISTORY];
    memcpy(v, s->frame_ms, n * sizeof v[0]);
    qsort(v, n, sizeof v[0], cmp_double);
    row(s, UI_ST_FRAMES, "p50 %.1f ms  p95 %.1f ms  max %.1f ms  (n=%zu)",
        v[n / 2], v[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1], v[n - 1],
        n);
}

static void read_report(struct staff *s)
{
    s->m.import_report[0] = '\0';
    if (!s->setup.state_dir)
        return;
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", s->setup.state_dir,
             IMPORT_LAST_REPORT);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    size_t n = fread(s->m.import_report, 1, sizeof s->m.import_report - 1,
                     f);
    s->m.import_report[n] = '\0';
    fclose(f);
}

static void diagnostics(struct staff *s)
{
    s->m.diag_count = 0;
    row(s, UI_ST_VERSION, "%s (%s)", KIOSK_VERSION, KIOSK_REVISION);
    const char *state = s->setup.state_dir;
    unsigned cur = state ? release_current(state) : 0;
    if (cur) {
        struct release_info list[256];
        size_t n = release_list(state, list, 256);
        const struct release_info *info = NULL;
        for (size_t i = 0; i < n && i < 256; i++)
            if (list[i].id == cur)
                info = &list[i];
        /* The source is a path off a stick: escaped, so a control in it
         * cannot change what staff read. */
        char *source = info ? utf8_escape(info->source,
                                          strlen(info->source)) : NULL;
        row(s, UI_ST_RELEASE, "%u  %s  %s", cur, info ? info->date : "",
            source ? source : "");
        free(source);
    } else {
        row(s, UI_ST_RELEASE, "-");
    }
    char folder[4200];
    if (cur) /* the release now current, which a rollback changes */
        release_path(state, cur, folder, sizeof folder);
    row(s, UI_ST_CONTENT, "%s",
        cur ? folder
            : s->setup.content_dir ? s->setup.content_dir : "-");
    uint32_t up = (s->now - s->start) / 1000;
    if (up >= 86400)
        row(s, UI_ST_UPTIME, "%u d %u:%02u:%02u", up / 86400,
            up / 3600 % 24, up / 60 % 60, up % 60);
    else
        row(s, UI_ST_UPTIME, "%u:%02u:%02u", up / 3600, up / 60 % 60,
            up % 60);
    if (s->problem[0])
        row(s, UI_ST_PROBLEM, "%s", s->problem);
    frame_row(s);
    unsigned long rss, peak;
    if (platform_memory_kib(&rss, &peak))
        row(s, UI_ST_MEMORY, "%.1f MB  (peak %.1f MB)", rss / 1024.0,
            peak / 1024.0);
    else
        row(s, UI_ST_MEMORY, "-");
    if (s->setup.diagonal_inch > 0)
        row(s, UI_ST_SCREEN, "%dx%d  %d°  %.1f in", s->w, s->h,
            s->setup.rotation, s->setup.diagonal_inch);
    else
        row(s, UI_ST_SCREEN, "%dx%d  %d°", s->w, s->h, s->setup.rotation);
    read_report(s);
    s->refreshed = s->now;
}

/* Opening the statistics page: the summary is read on the worker, the
 * page says "reading" until staff_tick takes it (stats_done). */
static void statistics(struct staff *s)
{
    memset(s->m.day_sessions, 0, sizeof s->m.day_sessions);
    memset(s->m.day_label, 0, sizeof s->m.day_label);
    s->m.total_sessions = s->m.average_s = 0;
    s->stats_skipped = 0;
    s->m.stats_available = s->setup.state_dir != NULL;
    s->m.stats_reading = s->m.stats_available;
    if (s->m.stats_available)
        stats_reader_start(s->reader, s->setup.state_dir,
                           (int64_t)time(NULL), UI_STAFF_DAYS);
}

/* The page leaves, or the panel closes: nobody waits for the summary. */
static void statistics_stop(struct staff *s)
{
    stats_reader_stop(s->reader);
    s->m.stats_reading = false;
}

static void stats_done(struct staff *s, const struct stats_reader_result *r)
{
    s->m.stats_reading = false;
    if (!r->ok)
        log_warn("staff", "usage statistics: %s", r->err);
    s->stats_skipped = r->counts.skipped;
    if (r->counts.skipped)
        log_warn("staff", "usage statistics: %zu damaged day file%s "
                 "skipped (%s%s)", r->counts.skipped,
                 r->counts.skipped == 1 ? "" : "s", r->counts.skipped_name[0],
                 r->counts.skipped > 1 ? ", ..." : "");
    uint64_t seconds = 0;
    for (unsigned d = 0; d < UI_STAFF_DAYS && d < r->days; d++) {
        const struct stats_day *day = &r->day[d];
        s->m.day_sessions[d][0] = day->lang[STATS_LANG_ZH];
        s->m.day_sessions[d][1] = day->lang[STATS_LANG_EN];
        s->m.day_sessions[d][2] = day->lang[STATS_LANG_UG];
        snprintf(s->m.day_label[d], sizeof s->m.day_label[d], "%s",
                 day->date + 5);
        s->m.total_sessions += day->sessions;
        seconds += day->duration_s;
    }
    if (s->m.total_sessions)
        s->m.average_s = (uint32_t)(seconds / s->m.total_sessions);
}

static void pin_message(struct staff *s, const char *text, bool alert)
{
    snprintf(s->m.message, sizeof s->m.message, "%s", text);
    s->m.alert = alert;
}

static void locked_message(struct staff *s, uint32_t ms)
{
    char sec[16], line[256];
    snprintf(sec, sizeof sec, "%u", (ms + 999) / 1000);
    ui_fill(line, sizeof line, ui_staff_text(UI_ST_LOCKED, s->lang),
            "seconds", sec);
    pin_message(s, line, true);
}

/* Lays the screen out again from the model. */
static void show(struct staff *s)
{
    if (!s->open || s->w <= 0 || s->h <= 0)
        return;
    s->m.digits = staff_pin_length(&s->pin);
    uint32_t locked = staff_pin_locked_ms(&s->pin, s->now);
    s->m.keys_enabled = s->setup.pin && locked == 0 &&
                        !worker_busy(&s->check);
    s->locked_shown = (locked + 999) / 1000;
    if (s->m.view == UI_STAFF_VIEW_PIN && locked)
        locked_message(s, locked);
    s->m.touches = (int)s->touch_count;
    ui_staff_screen_set(s->screen, &s->m, s->lang, s->w, s->h);
}

void staff_layout(struct staff *s, enum text_lang lang, int w, int h)
{
    /* The language cannot change while the staff screens are open (the
     * bar is behind them); the size can, and new content may come. */
    s->lang = lang;
    s->w = w;
    s->h = h;
    if (s->open && s->m.view == UI_STAFF_VIEW_PANEL &&
        s->m.page == UI_STAFF_PAGE_DIAG)
        diagnostics(s);
    show(s);
}

/* ---- opening and closing ---------------------------------------------- */

void staff_open(struct staff *s, uint32_t now)
{
    s->now = s->last_input = now;
    staff_lockout_load(&s->lockout, &s->pin, now);
    s->open = true;
    memset(&s->m, 0, sizeof s->m);
    s->m.view = UI_STAFF_VIEW_PIN;
    staff_pin_wipe(&s->pin);
    s->pressing = false;
    s->pressed[0] = '\0';
    s->touch_count = 0;
    if (!s->setup.pin)
        pin_message(s, ui_staff_text(UI_ST_NO_PIN, s->lang), true);
    log_info("staff", "staff keypad opened");
    show(s);
}

static void close_panel(struct staff *s, const char *why)
{
    s->open = false;
    s->check_shown = false;
    statistics_stop(s);
    staff_pin_wipe(&s->pin);
    s->m.armed[0] = '\0';
    s->touch_count = 0;
    s->pressing = false;
    input_corner_hold_reset(&s->hold);
    log_info("staff", "staff screens closed (%s)", why);
}

/* ---- what a tap does -------------------------------------------------- */

static void pin_outcome(struct staff *s, struct staff_pin_outcome o)
{
    char n[16], line[256];
    switch (o.result) {
    case STAFF_PIN_CORRECT:
        log_info("staff", "staff PIN accepted: panel opened");
        s->m.view = UI_STAFF_VIEW_PANEL;
        s->m.page = UI_STAFF_PAGE_DIAG;
        s->m.message[0] = '\0';
        if (staff_pin_hash_is_legacy(s->setup.pin)) /* on diagnostics */
            pin_message(s, ui_staff_text(UI_ST_PIN_OLD_HASH, s->lang),
                        true);
        diagnostics(s);
        break;
    case STAFF_PIN_WRONG:
        if (o.locked_ms) {
            log_warn("staff", "wrong staff PIN %d times: keypad locked "
                     "for %u s", STAFF_PIN_MAX_FAILS, o.locked_ms / 1000);
            locked_message(s, o.locked_ms);
        } else {
            log_warn("staff", "wrong staff PIN");
            snprintf(n, sizeof n, "%d", o.attempts_left);
            ui_fill(line, sizeof line, ui_staff_text(UI_ST_WRONG, s->lang),
                    "n", n);
            pin_message(s, line, true);
        }
        break;
    case STAFF_PIN_LOCKED:
        locked_message(s, o.locked_ms);
        break;
    case STAFF_PIN_NO_HASH:
        pin_message(s, ui_staff_text(UI_ST_NO_PIN, s->lang), true);
        break;
    case STAFF_PIN_ACCEPTED:
        if (!s->m.alert)
            s->m.message[0] = '\0';
        break;
    case STAFF_PIN_CHECKING:
        pin_message(s, ui_staff_text(UI_ST_PIN_CHECKING, s->lang), false);
        break;
    case STAFF_PIN_FAILED:
        pin_message(s, ui_staff_text(UI_ST_PIN_FAILED, s->lang), true);
        break;
    default:
        break;
    }
    staff_lockout_note(&s->lockout, &s->pin, s->now);
}

static void check_job(void *attempt)
{
    staff_pin_attempt_run(attempt);
}

/* OK: the digits go to the worker; staff_tick takes the outcome. */
static void submit(struct staff *s)
{
    struct staff_pin_outcome o =
        staff_pin_submit_begin(&s->pin, s->now, &s->attempt);
    if (o.result == STAFF_PIN_CHECKING && !worker_busy(&s->check)) {
        s->check_shown = true;
        worker_start(&s->check, check_job, &s->attempt,
                     "the staff PIN's check");
    }
    pin_outcome(s, o);
}

/* The check's outcome once the worker is done (waited for on a simulated
 * clock); true if it came.  Counted even if the keypad closed. */
static bool pin_checked(struct staff *s)
{
    if (!worker_busy(&s->check))
        return false;
    if (s->setup.simulated_clock)
        worker_wait(&s->check);
    if (!worker_poll(&s->check))
        return false;
    struct staff_pin_outcome o =
        staff_pin_submit_end(&s->pin, &s->attempt, s->now);
    if (o.result == STAFF_PIN_FAILED)
        log_error("staff", "the staff PIN could not be checked: %s",
                  s->attempt.error ? s->attempt.error : "?");
    if (s->open && s->check_shown && s->m.view == UI_STAFF_VIEW_PIN) {
        pin_outcome(s, o);
        return true;
    }
    if (o.result == STAFF_PIN_WRONG)
        log_warn("staff", "wrong staff PIN (the keypad had closed)");
    staff_lockout_note(&s->lockout, &s->pin, s->now);
    return true;
}

/* The release a rollback would go to, when the actions are shown. */
static void rollback_target(struct staff *s)
{
    s->m.rollback_to = s->setup.state_dir
                           ? release_previous(s->setup.state_dir)
                           : 0;
}

static void rollback(struct staff *s)
{
    const char *state = s->setup.state_dir;
    unsigned cur = state ? release_current(state) : 0;
    unsigned prev = state ? release_previous(state) : 0;
    char n[16];
    snprintf(n, sizeof n, "%u", prev);
    if (prev && release_switch(state, prev)) {
        log_info("staff", "rolled back from release %u to release %u", cur,
                 prev);
        ui_fill(s->m.action_message, sizeof s->m.action_message,
                ui_staff_text(UI_ST_ROLLED_BACK, s->lang), "n", n);
    } else {
        log_error("staff", "rollback from release %u failed", cur);
        snprintf(s->m.action_message, sizeof s->m.action_message, "%s",
                 ui_staff_text(UI_ST_ROLLBACK_FAILED, s->lang));
    }
    rollback_target(s);
}

static void act(struct staff *s, const char *id)
{
    if (strcmp(s->m.armed, id) != 0) {
        /* The first tap only asks for a second. */
        snprintf(s->m.armed, sizeof s->m.armed, "%s", id);
        s->armed_at = s->now;
        s->m.action_message[0] = '\0';
        return;
    }
    s->m.armed[0] = '\0';
    if (strcmp(id, "staff:action:rollback") == 0) {
        rollback(s);
    } else if (strcmp(id, "staff:action:restart") == 0) {
        log_info("staff", "restart asked for from the staff panel");
        s->action = STAFF_ACTION_RESTART;
    } else if (strcmp(id, "staff:action:console") == 0) {
        log_info("staff", "exit to the console asked for from the staff "
                 "panel");
        s->action = STAFF_ACTION_CONSOLE;
    }
}

static void tap(struct staff *s, const char *id)
{
    uint32_t now = s->now;
    if (strncmp(id, "staff:key:", 10) == 0) {
        const char *k = id + 10;
        if (strcmp(k, "back") == 0)
            pin_outcome(s, staff_pin_backspace(&s->pin, now));
        else if (strcmp(k, "clear") == 0)
            pin_outcome(s, staff_pin_clear(&s->pin, now));
        else
            pin_outcome(s, staff_pin_type(&s->pin, k[0], now));
    } else if (strcmp(id, "staff:pin:ok") == 0) {
        submit(s);
    } else if (strcmp(id, "staff:pin:cancel") == 0 ||
               strcmp(id, "staff:close") == 0) {
        close_panel(s, "closed by staff");
        return;
    } else if (strncmp(id, "staff:tab:", 10) == 0) {
        for (int p = 0; p < UI_STAFF_PAGE_COUNT; p++)
            if (strcmp(id, ui_staff_page_id(p)) == 0)
                s->m.page = p;
        s->m.armed[0] = s->m.action_message[0] = '\0';
        statistics_stop(s);
        if (s->m.page == UI_STAFF_PAGE_DIAG)
            diagnostics(s);
        else if (s->m.page == UI_STAFF_PAGE_STATS)
            statistics(s);
        else if (s->m.page == UI_STAFF_PAGE_ACTIONS)
            rollback_target(s);
    } else if (strncmp(id, "staff:action:", 13) == 0) {
        act(s, id);
    }
    show(s);
}

/* ---- input and time --------------------------------------------------- */

static int touch_index(const struct staff *s, int64_t id)
{
    for (size_t i = 0; i < s->touch_count; i++)
        if (s->touch[i].id == id)
            return (int)i;
    return -1;
}

bool staff_pointer(struct staff *s, const struct input_pointer_event *ev,
                   bool *changed)
{
    *changed = false;
    if (!s->open) {
        input_corner_hold_feed(&s->hold, ev, (float)s->w);
        return false;
    }
    s->now = s->last_input = ev->time_ms;
    int t = touch_index(s, ev->id);
    size_t before = s->touch_count;
    switch (ev->kind) {
    case INPUT_POINTER_DOWN:
        if (t < 0 && s->touch_count < UI_STAFF_MAX_TOUCHES) {
            t = (int)s->touch_count++;
            s->touch[t].id = ev->id;
            s->touch[t].at = (struct ui_staff_touch){ev->x, ev->y, ev->x,
                                                     ev->y};
        }
        if (!s->pressing) {
            const char *id = ui_staff_screen_hit(s->screen, (int)ev->x,
                                                 (int)ev->y);
            s->pressing = true;
            s->press_pointer = ev->id;
            snprintf(s->pressed, sizeof s->pressed, "%s", id ? id : "");
            *changed = id != NULL;
        }
        break;
    case INPUT_POINTER_MOVE:
        if (t >= 0) {
            s->touch[t].at.x = ev->x;
            s->touch[t].at.y = ev->y;
        }
        if (s->pressing && ev->id == s->press_pointer &&
            s->pressed[0]) {
            const char *id = ui_staff_screen_hit(s->screen, (int)ev->x,
                                                 (int)ev->y);
            if (!id || strcmp(id, s->pressed) != 0) { /* slid off */
                s->pressed[0] = '\0';
                *changed = true;
            }
        }
        break;
    case INPUT_POINTER_UP:
    case INPUT_POINTER_CANCEL:
        if (t >= 0)
            s->touch[t] = s->touch[--s->touch_count];
        if (s->pressing && ev->id == s->press_pointer) {
            s->pressing = false;
            char id[48];
            snprintf(id, sizeof id, "%s", s->pressed);
            s->pressed[0] = '\0';
            *changed = true;
            const char *now_on = ui_staff_screen_hit(s->screen, (int)ev->x,
                                                     (int)ev->y);
            if (ev->kind == INPUT_POINTER_UP && id[0] && now_on &&
                strcmp(now_on, id) == 0)
                tap(s, id);
        }
        break;
    }
    if (s->open && s->m.view == UI_STAFF_VIEW_PANEL &&
        s->m.page == UI_STAFF_PAGE_TOUCH) {
        if (s->touch_count != before)
            show(s); /* the count of touches */
        *changed = true;
    }
    return true;
}

bool staff_tick(struct staff *s, uint32_t now)
{
    s->now = now;
    staff_lockout_load(&s->lockout, &s->pin, now);
    bool checked = pin_checked(s);
    if (!s->open) {
        if (input_corner_hold_tick(&s->hold, now)) {
            log_info("staff", "staff gesture recognised");
            staff_open(s, now);
            return true;
        }
        return false;
    }
    uint32_t idle = s->m.view == UI_STAFF_VIEW_PIN ? STAFF_PIN_IDLE_MS
                                                   : STAFF_PANEL_IDLE_MS;
    if (now - s->last_input >= idle && s->touch_count == 0) {
        close_panel(s, "nobody touched it");
        return true;
    }
    bool changed = checked;
    if (s->m.armed[0] && now - s->armed_at >= STAFF_CONFIRM_MS) {
        s->m.armed[0] = '\0';
        changed = true;
    }
    uint32_t locked = staff_pin_locked_ms(&s->pin, now);
    if (s->m.view == UI_STAFF_VIEW_PIN &&
        (locked + 999) / 1000 != s->locked_shown) {
        if (locked == 0)
            s->m.message[0] = '\0'; /* unlocked: the keys come back */
        changed = true;
    }
    if (s->m.view == UI_STAFF_VIEW_PANEL &&
        s->m.page == UI_STAFF_PAGE_DIAG && now - s->refreshed >= REFRESH_MS) {
        diagnostics(s);
        changed = true;
    }
    struct stats_reader_result stats;
    if (s->m.stats_reading && s->setup.simulated_clock)
        stats_reader_wait(s->reader);
    if (s->m.stats_reading && stats_reader_take(s->reader, &stats)) {
        stats_done(s, &stats);
        changed = true;
    }
    if (changed)
        show(s);
    return changed;
}

static void sooner(int *wait, uint32_t ms)
{
    int v = ms > INT32_MAX ? INT32_MAX : (int)ms;
    if (*wait < 0 || v < *wait)
        *wait = v;
}

int staff_wait_ms(const struct staff *s, uint32_t now)
{
    int wait = -1;
    if (worker_busy(&s->check))
        sooner(&wait, CHECK_POLL_MS);
    if (!s->open) {
        uint32_t at;
        if (input_corner_hold_deadline(&s->hold, &at))
            sooner(&wait, (int32_t)(at - now) > 0 ? at - now : 0);
        return wait;
    }
    uint32_t idle = s->m.view == UI_STAFF_VIEW_PIN ? STAFF_PIN_IDLE_MS
                                                   : STAFF_PANEL_IDLE_MS;
    uint32_t gone = now - s->last_input;
    sooner(&wait, gone < idle ? idle - gone : 0);
    if (s->m.armed[0]) {
        uint32_t a = now - s->armed_at;
        sooner(&wait, a < STAFF_CONFIRM_MS ? STAFF_CONFIRM_MS - a : 0);
    }
    uint32_t locked = staff_pin_locked_ms(&s->pin, now);
    if (s->m.view == UI_STAFF_VIEW_PIN && locked)
        sooner(&wait, (locked - 1) % 1000 + 1); /* the next second shown */
    else if (s->m.view == UI_STAFF_VIEW_PIN && s->locked_shown)
        sooner(&wait, 0); /* just unlocked */
    if (s->m.view == UI_STAFF_VIEW_PANEL && s->m.page == UI_STAFF_PAGE_DIAG) {
        uint32_t r = now - s->refreshed;
        sooner(&wait, r < REFRESH_MS ? REFRESH_MS - r : 0);
    }
    if (s->m.stats_reading)
        sooner(&wait, STATS_POLL_MS);
    return wait;
}

void staff_set_content_problem(struct staff *s, const char *problem)
{
    snprintf(s->problem, sizeof s->problem, "%s", problem ? problem : "");
    if (s->open)
        diagnostics(s);
}

void staff_note_frame(struct staff *s, double ms)
{
    s->frame_ms[s->frame_count % STAFF_FRAME_HISTORY] = ms;
    s->frame_count++;
}

void staff_draw(const struct staff *s, SDL_Renderer *r, struct atlas *atlas)
{
    if (!s->open)
        return;
    struct ui_staff_touch at[UI_STAFF_MAX_TOUCHES];
    for (size_t i = 0; i < s->touch_count; i++)
        at[i] = s->touch[i].at;
    ui_staff_screen_draw(s->screen, r, atlas,
                         s->pressed[0] ? s->pressed : NULL, at,
                         s->touch_count);
}

enum staff_action staff_take_action(struct staff *s)
{
    enum staff_action a = s->action;
    s->action = STAFF_ACTION_NONE;
    return a;
}

size_t staff_buttons(const struct staff *s, const struct ui_button **out,
                     size_t max)
{
    return s->open ? ui_staff_screen_buttons(s->screen, out, max) : 0;
}

void staff_write_state(const struct staff *s, FILE *out)
{
    static const char *const pages[] = {"diag", "stats", "touch",
                                        "actions"};
    static const char *const actions[] = {"none", "restart", "console"};
    fprintf(out, "{\"open\":%s,\"action\":\"%s\"",
            s->open ? "true" : "false", actions[s->action]);
    if (s->open) {
        fprintf(out, ",\"view\":\"%s\",\"page\":\"%s\",\"digits\":%d,"
                     "\"locked_ms\":%u,\"touches\":%zu,\"message\":",
                s->m.view == UI_STAFF_VIEW_PIN ? "pin" : "panel",
                pages[s->m.page], staff_pin_length(&s->pin),
                staff_pin_locked_ms(&s->pin, s->now), s->touch_count);
        diag_json_string(s->m.message, out);
        fputs(",\"armed\":", out);
        diag_json_string(s->m.armed, out);
        fputs(",\"action_message\":", out);
        diag_json_string(s->m.action_message, out);
        fprintf(out, ",\"rollback_to\":%u,\"diagnostics\":{",
                s->m.rollback_to);
        for (int i = 0; i < s->m.diag_count; i++) {
            fprintf(out, "%s\"%s\":", i ? "," : "",
                    ui_staff_text(s->m.diag[i].label, TEXT_LANG_EN));
            diag_json_string(s->m.diag[i].value, out);
        }
        const struct ui_bar_chart *c = ui_staff_screen_chart(s->screen);
        fprintf(out, "},\"chart\":{\"reading\":%s,\"skipped_days\":%zu,"
                     "\"total\":%u,\"average_s\":%u,\"axis_max\":%u,"
                     "\"bars\":[",
                s->m.stats_reading ? "true" : "false", s->stats_skipped,
                s->m.total_sessions, s->m.average_s,
                c->bars ? c->axis_max : 0);
        for (size_t i = 0; i < c->bars; i++) {
            SDL_Rect top = ui_bar_chart_segment(c, i, UI_CHART_STACKS - 1);
            SDL_Rect bottom = ui_bar_chart_segment(c, i, 0);
            fprintf(out, "%s{\"date\":\"%s\",\"zh\":%u,\"en\":%u,\"ug\":%u,"
                         "\"height\":%d}",
                    i ? "," : "", s->m.day_label[i], c->value[i][0],
                    c->value[i][1], c->value[i][2],
                    bottom.y + bottom.h - top.y);
        }
        fputs("]}", out);
    }
    fputc('}', out);
}
