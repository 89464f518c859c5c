/* staff.c: the staff panel's controller (see staff.h) -- the way in,
 * the keypad's answers, the pages opened, the actions, input and time.
 *
 * It keeps the model (struct ui_staff_model) that ui/staff_screen.c lays
 * out whenever it changes (show).  The pages have files of their own:
 * app/staff_diag.c gathers the diagnostics, app/staff_stats.c reads the
 * statistics on a worker, app/staff_actions.c does the actions; the PIN is
 * checked on a worker by app/staff_check.c, and app/staff_touch.c follows
 * the fingers.  Files are read only when a page opens, or once a second
 * for the diagnostics while they are shown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/staff.h"
#include "app/staff_actions.h"
#include "app/staff_check.h"
#include "app/staff_diag.h"
#include "app/staff_stats.h"
#include "app/staff_touch.h"
#include "core/diag.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "input/corner_hold.h"
#include "state/staff_lockout.h"
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
    /* the PIN's check on a worker thread, and the lock-out kept in the
     * state folder */
    struct staff_check check;
    bool check_shown; /* its outcome goes on screen (not closed since) */
    struct staff_lockout lockout;
    struct ui_staff_screen *screen;
    struct ui_staff_model m;
    struct staff_stats stats; /* the statistics page's summary */
    enum text_lang lang;
    int w, h;
    bool open;
    uint32_t start, now, last_input, refreshed;
    uint32_t locked_shown; /* the seconds of lock-out on screen */
    struct staff_touch touch; /* the touch test's and the pressed button */
    struct staff_frames frames;
    struct staff_actions actions;
    enum staff_action action; /* asked of the main loop, until taken */
    char problem[512]; /* the content that did not load, or "" */
};

struct staff *staff_create(const struct text_fonts *fonts, uint32_t now)
{
    struct staff *s = xcalloc(1, sizeof *s);
    s->fonts = fonts;
    s->screen = ui_staff_screen_create(fonts);
    staff_stats_init(&s->stats);
    s->start = s->now = now;
    s->lang = TEXT_LANG_EN;
    input_corner_hold_init(&s->hold, NULL);
    staff_pin_init(&s->pin, NULL);
    staff_check_init(&s->check);
    staff_lockout_init(&s->lockout, NULL);
    return s;
}

void staff_destroy(struct staff *s)
{
    if (!s)
        return;
    staff_check_drop(&s->check);
    staff_pin_wipe(&s->pin);
    staff_stats_fini(&s->stats);
    ui_staff_screen_destroy(s->screen);
    free(s);
}

void staff_configure(struct staff *s, const struct staff_setup *setup)
{
    s->setup = *setup;
    if (setup->pin)
        s->hash = *setup->pin;
    s->setup.pin = setup->pin ? &s->hash : NULL;
    staff_check_drop(&s->check);
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

static void diagnostics(struct staff *s)
{
    struct staff_diag_input in = {
        .setup = &s->setup,
        .uptime_s = (s->now - s->start) / 1000,
        .problem = s->problem,
        .frames = &s->frames,
        .w = s->w,
        .h = s->h,
    };
    staff_diag_gather(&s->m, &in);
    s->refreshed = s->now;
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
                        !staff_check_busy(&s->check);
    s->locked_shown = (locked + 999) / 1000;
    if (s->m.view == UI_STAFF_VIEW_PIN && locked)
        locked_message(s, locked);
    s->m.touches = (int)s->touch.count;
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
    staff_touch_reset(&s->touch);
    if (!s->setup.pin)
        pin_message(s, ui_staff_text(UI_ST_NO_PIN, s->lang), true);
    log_info("staff", "staff keypad opened");
    show(s);
}

static void close_panel(struct staff *s, const char *why)
{
    s->open = false;
    s->check_shown = false;
    staff_stats_stop(&s->stats, &s->m);
    staff_pin_wipe(&s->pin);
    s->m.armed[0] = '\0';
    staff_touch_reset(&s->touch);
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

/* OK: the digits go to the worker; staff_tick takes the outcome. */
static void submit(struct staff *s)
{
    bool started;
    struct staff_pin_outcome o =
        staff_check_submit(&s->check, &s->pin, s->now, &started);
    if (started)
        s->check_shown = true;
    pin_outcome(s, o);
}

/* The check's outcome once the worker is done (waited for on a simulated
 * clock); true if it came.  Counted even if the keypad closed. */
static bool pin_checked(struct staff *s)
{
    struct staff_pin_outcome o;
    if (!staff_check_take(&s->check, &s->pin, s->now,
                          s->setup.simulated_clock, &o))
        return false;
    if (s->open && s->check_shown && s->m.view == UI_STAFF_VIEW_PIN) {
        pin_outcome(s, o);
        return true;
    }
    if (o.result == STAFF_PIN_WRONG)
        log_warn("staff", "wrong staff PIN (the keypad had closed)");
    staff_lockout_note(&s->lockout, &s->pin, s->now);
    return true;
}

/* A tab opens its page afresh (an unknown id, the page shown): a read of
 * the statistics stops, an armed action is forgotten, and the page
 * gathers what it shows. */
static void open_page(struct staff *s, const char *tab)
{
    for (int p = 0; p < UI_STAFF_PAGE_COUNT; p++)
        if (strcmp(tab, ui_staff_page_id(p)) == 0)
            s->m.page = p;
    s->m.armed[0] = s->m.action_message[0] = '\0';
    staff_stats_stop(&s->stats, &s->m);
    if (s->m.page == UI_STAFF_PAGE_DIAG)
        diagnostics(s);
    else if (s->m.page == UI_STAFF_PAGE_STATS)
        staff_stats_start(&s->stats, &s->m, s->setup.state_dir,
                          (int64_t)time(NULL));
    else if (s->m.page == UI_STAFF_PAGE_ACTIONS)
        staff_actions_show(&s->m, s->setup.state_dir);
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
        open_page(s, id);
    } else if (strncmp(id, "staff:action:", 13) == 0) {
        enum staff_action a = staff_actions_tap(
            &s->actions, &s->m, id, s->setup.state_dir, s->lang, now);
        if (a != STAFF_ACTION_NONE)
            s->action = a;
    }
    show(s);
}

/* ---- input and time --------------------------------------------------- */

bool staff_pointer(struct staff *s, const struct input_pointer_event *ev,
                   bool *changed)
{
    *changed = false;
    if (!s->open) {
        input_corner_hold_feed(&s->hold, ev, (float)s->w);
        return false;
    }
    s->now = s->last_input = ev->time_ms;
    size_t before = s->touch.count;
    char tapped[STAFF_TOUCH_ID_SIZE];
    if (staff_touch_feed(&s->touch, s->screen, ev, changed, tapped))
        tap(s, tapped);
    if (s->open && s->m.view == UI_STAFF_VIEW_PANEL &&
        s->m.page == UI_STAFF_PAGE_TOUCH) {
        if (s->touch.count != before)
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
    if (now - s->last_input >= idle && s->touch.count == 0) {
        close_panel(s, "nobody touched it");
        return true;
    }
    bool changed = checked;
    if (staff_actions_expire(&s->actions, &s->m, now))
        changed = true;
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
    if (staff_stats_take(&s->stats, &s->m, s->setup.simulated_clock))
        changed = true;
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
    if (staff_check_busy(&s->check))
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
    int armed = staff_actions_wait_ms(&s->actions, &s->m, now);
    if (armed >= 0)
        sooner(&wait, (uint32_t)armed);
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
    staff_frames_note(&s->frames, ms);
}

void staff_draw(const struct staff *s, SDL_Renderer *r, struct atlas *atlas)
{
    if (!s->open)
        return;
    struct ui_staff_touch at[UI_STAFF_MAX_TOUCHES];
    size_t n = staff_touch_points(&s->touch, at);
    ui_staff_screen_draw(s->screen, r, atlas,
                         s->touch.pressed[0] ? s->touch.pressed : NULL, at,
                         n);
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
                staff_pin_locked_ms(&s->pin, s->now), s->touch.count);
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
        fputs("},\"chart\":", out);
        staff_stats_write_state(&s->stats, &s->m,
                                ui_staff_screen_chart(s->screen), out);
    }
    fputc('}', out);
}
