/* exhibit_app.c: the controller of the visitor's screens (see
 * exhibit_app.h) -- navigation, input routing (gestures, the bar, the
 * current screen's row in app/screens.c), kinetic scrolling, the idle
 * prompt and reset, the staff panel over everything, and the statistics
 * session.
 *
 * Everything a screen shows is laid out in app_relayout() -- when the
 * exhibit, the language, the text size or the window changes -- so drawing
 * only walks prepared layouts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/exhibit_app.h"
#include "app/screens.h"
#include "app/staff.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "map/hittest.h"
#include "ui/action.h"

#define ATTRACT_FRAME_MS 50 /* 20 frames a second are smooth enough */

static void session_end(struct exhibit_app *a)
{
    if (!a->in_session)
        return;
    a->in_session = false;
    stats_session_end(&a->session, (int64_t)time(NULL));
    /* A failure is logged once, by stats_append (a full day file once a
     * day); the visitor's exhibit goes on either way. */
    if (a->stats_dir && !stats_append(a->stats_dir, &a->session, NULL, 0))
        a->state_errors++; /* for the status file */
}

void exhibit_app_set_stats_dir(struct exhibit_app *a, const char *dir)
{
    a->stats_dir = dir;
}

void exhibit_app_set_staff(struct exhibit_app *a,
                           const struct staff_setup *setup)
{
    staff_configure(a->staff, setup);
}

bool exhibit_app_staff_open(const struct exhibit_app *a)
{
    return staff_is_open(a->staff);
}

void exhibit_app_open_staff(struct exhibit_app *a, uint32_t now)
{
    staff_open(a->staff, now);
}

void exhibit_app_set_content_problem(struct exhibit_app *a,
                                     const char *problem)
{
    staff_set_content_problem(a->staff, problem);
}

int exhibit_app_take_action(struct exhibit_app *a)
{
    return staff_take_action(a->staff);
}

void exhibit_app_set_idle_timeout(struct exhibit_app *a, unsigned seconds)
{
    a->idle_override_s = seconds;
}

static uint32_t idle_ms(const struct exhibit_app *a)
{
    return (a->idle_override_s ? a->idle_override_s
                               : a->ex->settings.idle_timeout_s) *
           1000u;
}

void exhibit_app_set_screen(struct exhibit_app *a, double diagonal_inch)
{
    a->diag_given = diagonal_inch > 0;
    a->diag_inch = diagonal_inch > 0 ? diagonal_inch
                                     : MAP_SCREEN_DIAG_INCH_DEFAULT;
}

void exhibit_app_set_display_size(struct exhibit_app *a, double diagonal_inch)
{
    a->display_inch = diagonal_inch > 0 ? diagonal_inch : 0;
}

void exhibit_app_set_text_log(struct exhibit_app *a,
                              const struct render_text_log *log)
{
    a->text_log = log;
}

void exhibit_app_set_viewing_distance(struct exhibit_app *a, double view_mm)
{
    a->view_mm = view_mm > 0 ? view_mm : 0;
}

struct exhibit_app *exhibit_app_create(const struct text_fonts *fonts)
{
    struct exhibit_app *a = xcalloc(1, sizeof *a);
    a->fonts = fonts;
    a->place = -1;
    a->diag_inch = MAP_SCREEN_DIAG_INCH_DEFAULT;
    a->map = ui_map_page_create(fonts);
    a->card = ui_place_card_create(fonts);
    a->reader = ui_reader_create(fonts);
    a->staff = staff_create(fonts, 0);
    /* A slow press is a tap: a visitor who presses and holds (a tremor, a
     * careful first touch) still opens what was pressed, and so does a
     * main loop too busy to see the release at once.  Nothing on the
     * visitor's screens means something else by a long press. */
    struct input_gesture_config gc = INPUT_GESTURE_CONFIG_DEFAULT;
    gc.long_press_ms = 0;
    input_gesture_init(&a->gesture, &gc);
    input_scroll_init(&a->scroll, 0, 0);
    app_hours_init(&a->hours);
    a->wall_trusted = true;
    return a;
}

void exhibit_app_set_hours(struct exhibit_app *a, const struct schedule *s,
                           unsigned wake_s, const struct power_ways *ways)
{
    app_hours_set(&a->hours, s, wake_s, ways);
}

void exhibit_app_set_wall(struct exhibit_app *a, time_t now, bool trusted,
                          const char *why)
{
    a->wall = now;
    a->wall_trusted = trusted;
    snprintf(a->wall_why, sizeof a->wall_why, "%s", why ? why : "");
}

bool exhibit_app_dark(const struct exhibit_app *a)
{
    return app_hours_dark(&a->hours);
}

static void reset(struct exhibit_app *a);

/* The hours' turn: true if the screen must be drawn (black, or the
 * exhibit again). */
static bool tick_hours(struct exhibit_app *a, uint32_t now)
{
    /* the black frame was drawn (and, in the main loop, presented) since
     * the last turn: now the display is turned off */
    if (a->hours.phase == HOURS_BLACK && a->frames > a->black_at)
        app_hours_shown_black(&a->hours);
    switch (app_hours_tick(&a->hours, a->wall, a->wall_trusted,
                           a->wall_why)) {
    case HOURS_CLOSING:
        reset(a);
        a->black_at = a->frames;
        return true;
    case HOURS_OPENING:
        a->last_input = now;
        a->attract_at = now;
        return true;
    case HOURS_SAME:
        break;
    }
    return false;
}

void exhibit_app_destroy(struct exhibit_app *a)
{
    if (!a)
        return;
    session_end(a);
    app_screens_free(a);
    ui_map_page_destroy(a->map);
    ui_place_card_destroy(a->card);
    ui_reader_destroy(a->reader);
    staff_destroy(a->staff);
    free(a);
}

/* The scroller follows the screen's scrollable content. */
static void scroll_bounds(struct exhibit_app *a)
{
    const struct app_screen_ops *ops = app_screen(a->screen);
    if (ops->offset) {
        input_scroll_set_bounds(&a->scroll, 0, ops->max_offset(a));
        input_scroll_jump_to(&a->scroll, ops->offset(a));
    } else {
        input_scroll_set_bounds(&a->scroll, 0, 0);
    }
}

void app_relayout(struct exhibit_app *a)
{
    a->layouts++; /* every pixel offset may mean something else now */
    app_screens_free(a);
    ui_metrics_init_view(&a->m, a->m.w, a->m.h,
                         a->diag_given ? a->diag_inch : a->display_inch,
                         a->view_mm, a->m.lang, a->large_text);
    staff_layout(a->staff, a->m.lang, a->m.w, a->m.h);
    if (!a->ex)
        return;
    app_screens_layout(a); /* the reader and About keep their place */
    scroll_bounds(a);
}

void exhibit_app_layout(struct exhibit_app *a, SDL_Renderer *renderer,
                        const struct exhibit *ex, enum text_lang lang, int w,
                        int h)
{
    bool same = a->ex == ex;
    a->renderer = renderer;
    a->ex = ex;
    a->m.lang = lang;
    a->m.w = w;
    a->m.h = h;
    if (!same) {
        a->history_n = 0; /* its places and passages may be gone */
        a->place = -1;
        /* the reader lets go of the old exhibit (freed by now) before
         * it is told to start at the top */
        ui_reader_set(a->reader, NULL, &a->m, (SDL_Rect){0, 0, 0, 0}, false);
        ui_reader_highlight(a->reader, -1, false);
        ui_reader_set_offset(a->reader, 0);
        ui_about_reset(&a->about);
    }
    app_relayout(a);
}

/* Shows screen s: the log line, the statistics session, the bar's Back,
 * Home and title, the scroller's bounds.  No history. */
static void enter(struct exhibit_app *a, enum app_screen s)
{
    const struct app_screen_ops *to = app_screen(s);
    if (s != a->screen)
        log_info("app", "screen %s", to->name);
    if (a->stats_dir && a->screen == APP_SCREEN_ATTRACT &&
        s != APP_SCREEN_ATTRACT && !a->in_session) {
        stats_session_begin(&a->session, (int64_t)time(NULL));
        stats_session_lang(&a->session, text_lang_code(a->m.lang));
        a->in_session = true;
    }
    if (a->in_session && s != a->screen)
        stats_session_screen(&a->session, to->name);
    a->screen = s;
    ui_chrome_show(&a->chrome, to->title);
    scroll_bounds(a);
}

/* The reader's first highlighted passage, or -1. */
static int highlighted(const struct exhibit_app *a)
{
    for (uint32_t i = 0; a->ex && i < a->ex->passage_count; i++)
        if (ui_reader_highlighted(a->reader, i))
            return (int)i;
    return -1;
}

/* What the current screen shows, to come back to. */
static struct app_visit visit_now(const struct exhibit_app *a)
{
    const struct app_screen_ops *ops = app_screen(a->screen);
    return (struct app_visit){
        .screen = a->screen,
        .offset = ops->offset ? ops->offset(a) : 0,
        .top_passage = ui_reader_top_passage(a->reader),
        .highlight = highlighted(a),
        .summary = a->summary,
        .place = a->place,
        .layout = a->layouts,
    };
}

void app_go(struct exhibit_app *a, enum app_screen s)
{
    if (s == APP_SCREEN_HOME) {
        a->history_n = 0; /* Home is the root: nothing is before it */
    } else if (s != a->screen && a->screen != APP_SCREEN_ATTRACT &&
               s != APP_SCREEN_ATTRACT) {
        if (a->history_n == APP_HISTORY_MAX) { /* the oldest goes */
            memmove(a->history, a->history + 1,
                    (APP_HISTORY_MAX - 1) * sizeof *a->history);
            a->history_n--;
        }
        a->history[a->history_n++] = visit_now(a);
    }
    enter(a, s);
}

void app_home(struct exhibit_app *a)
{
    app_go(a, APP_SCREEN_HOME);
}

static void select_place(struct exhibit_app *a, int place, uint32_t now,
                         bool chosen);

/* Puts back what a screen showed when it was left: the reader's summary
 * toggle, highlight and position (the same pixels if nothing was laid out
 * again since, else its top passage), the About page's position, the
 * map's place and card. */
static void restore(struct exhibit_app *a, const struct app_visit *v,
                    uint32_t now)
{
    bool same = v->layout == a->layouts && v->summary == a->summary;
    switch (v->screen) {
    case APP_SCREEN_READER: {
        if (v->summary != a->summary) {
            a->summary = v->summary;
            app_relayout(a);
        }
        ui_reader_highlight(a->reader, -1, false);
        if (v->highlight >= 0)
            ui_reader_highlight(a->reader, v->highlight, true);
        float off = same ? v->offset
                    : v->top_passage >= 0
                        ? ui_reader_passage_offset(a->reader,
                                                   (uint32_t)v->top_passage)
                        : 0;
        ui_reader_set_offset(a->reader, off);
        break;
    }
    case APP_SCREEN_ABOUT:
        /* The page starts at its top again after a new layout. */
        app_screen(v->screen)->set_offset(a, same ? v->offset : 0);
        break;
    case APP_SCREEN_MAP:
        if (v->place != a->place)
            select_place(a, v->place, now, false);
        break;
    default:
        break;
    }
}

void app_back(struct exhibit_app *a, uint32_t now)
{
    if (!a->history_n) {
        app_home(a);
        return;
    }
    struct app_visit v = a->history[--a->history_n];
    log_info("app", "back to %s", app_screen(v.screen)->name);
    restore(a, &v, now);
    if (v.screen == APP_SCREEN_HOME)
        a->history_n = 0;
    enter(a, v.screen);
}

/* Selects a place: `chosen` by the visitor (logged as such and counted),
 * or restored by Back. */
static void select_place(struct exhibit_app *a, int place, uint32_t now,
                         bool chosen)
{
    int before = a->place;
    log_info("app", "%s %s", chosen ? "selected" : "restored",
             place >= 0 ? a->ex->places[place].id : "nothing");
    if (chosen && a->in_session && place >= 0)
        stats_session_place(&a->session, a->ex->places[place].id);
    a->place = place;
    if ((before < 0) != (place < 0))
        app_screens_layout_card(a); /* the card appears or goes */
    else if (place >= 0)
        ui_place_card_set(a->card, a->ex, (uint32_t)place, &a->m,
                          a->card_area);
    ui_map_page_select(a->map, a->renderer,
                       place >= 0 ? a->ex->places[place].feature : -1, now);
    scroll_bounds(a); /* a new card starts at its top */
}

void app_select_place(struct exhibit_app *a, int place, uint32_t now)
{
    select_place(a, place, now, true);
}

void app_open_reader(struct exhibit_app *a, uint32_t passage)
{
    if (a->in_session)
        stats_session_passage(&a->session, a->ex->passages[passage].id);
    ui_reader_highlight(a->reader, -1, false);
    ui_reader_highlight(a->reader, (int)passage, true);
    ui_reader_show_passage(a->reader, passage);
    app_go(a, APP_SCREEN_READER); /* the scroller starts at the passage */
}

static void reset(struct exhibit_app *a)
{
    session_end(a);
    a->prompt = false;
    a->place = -1;
    a->summary = false;
    a->large_text = false;
    a->m.lang = a->ex ? a->ex->settings.default_lang : TEXT_LANG_EN;
    ui_reader_highlight(a->reader, -1, false);
    ui_reader_set_offset(a->reader, 0);
    ui_about_reset(&a->about);
    a->screen = APP_SCREEN_ATTRACT;
    a->history_n = 0; /* the next visitor starts afresh */
    a->pressed[0] = '\0';
    input_gesture_reset(&a->gesture, 0);
    app_relayout(a);
    ui_map_page_select(a->map, a->renderer, -1, 0);
}

/* The bar's buttons, on every screen with it. */
static bool bar_action(struct exhibit_app *a, enum ui_action act,
                       uint32_t now)
{
    enum text_lang l;
    bool menu = a->chrome.menu_open;
    ui_chrome_menu(&a->chrome, false);
    if (act == UI_ACTION_BACK) {
        app_back(a, now);
    } else if (act == UI_ACTION_HOME) {
        app_home(a);
    } else if (act == UI_ACTION_LANGUAGE) {
        ui_chrome_menu(&a->chrome, !menu);
    } else if (ui_action_is_lang(act, &l)) {
        if (l == a->m.lang)
            return menu; /* the chooser closed */
        a->m.lang = l;
        if (a->in_session)
            stats_session_lang(&a->session, text_lang_code(l));
        app_relayout(a);
    } else if (act == UI_ACTION_TEXT_SIZE) {
        a->large_text = !a->large_text;
        app_relayout(a);
    } else {
        return false;
    }
    return true;
}

bool exhibit_app_tap(struct exhibit_app *a, SDL_Renderer *renderer, int x,
                     int y, uint32_t now)
{
    a->renderer = renderer;
    a->last_input = now;
    if (!a->ex)
        return false;
    if (a->prompt) { /* any touch dismisses the prompt, and only that */
        a->prompt = false;
        return true;
    }
    const struct app_screen_ops *ops = app_screen(a->screen);
    const char *id = ops->chrome ? ui_chrome_hit(&a->chrome, x, y) : NULL;
    if (id)
        return bar_action(a, ui_action_of(id), now);
    if (a->chrome.menu_open) { /* a tap beside the chooser closes it */
        ui_chrome_menu(&a->chrome, false);
        return true;
    }
    return ops->tap && ops->tap(a, x, y, now);
}

static void apply_scroll(struct exhibit_app *a)
{
    const struct app_screen_ops *ops = app_screen(a->screen);
    if (ops->set_offset)
        ops->set_offset(a, (float)a->scroll.offset);
}

void exhibit_app_scroll(struct exhibit_app *a, float dy, uint32_t now)
{
    a->last_input = now;
    input_scroll_jump_to(&a->scroll, a->scroll.offset + dy);
    apply_scroll(a);
}

/* Whether a drag from (x, y) moves this screen's scroller. */
static bool drag_scrolls(const struct exhibit_app *a, float x, float y)
{
    const struct app_screen_ops *ops = app_screen(a->screen);
    return ops->offset &&
           (!ops->scrolls_at || ops->scrolls_at(a, (int)x, (int)y));
}

/* The id of the button under (x, y) on this screen, for press feedback. */
static const char *button_at(const struct exhibit_app *a, int x, int y)
{
    const struct app_screen_ops *ops = app_screen(a->screen);
    const char *id = ops->chrome ? ui_chrome_hit(&a->chrome, x, y) : NULL;
    if (!id && ops->button_at && !a->chrome.menu_open)
        id = ops->button_at(a, x, y);
    return id;
}

bool exhibit_app_pointer(struct exhibit_app *a, SDL_Renderer *renderer,
                         const struct input_pointer_event *ev)
{
    a->renderer = renderer;
    if (app_hours_dark(&a->hours)) {
        /* closed: a touch may wake the exhibit, and does nothing else */
        a->swallow = true;
        return ev->kind == INPUT_POINTER_DOWN && app_hours_touch(&a->hours);
    }
    bool staff_changed;
    if (staff_pointer(a->staff, ev, &staff_changed)) {
        a->last_input = ev->time_ms;
        return staff_changed; /* the staff screens have it all */
    }
    if (ev->kind == INPUT_POINTER_DOWN && a->prompt) {
        /* Any touch dismisses the prompt, and does nothing else. */
        a->prompt = false;
        a->swallow = true;
    }
    a->last_input = ev->time_ms;
    log_trace("app", "pointer %d at %.0f,%.0f t=%u", (int)ev->kind,
              (double)ev->x, (double)ev->y, ev->time_ms);
    input_gesture_feed(&a->gesture, ev);
    bool changed = false;
    struct input_gesture_event g;
    while (input_gesture_poll(&a->gesture, &g)) {
        if (a->swallow) {
            if (g.kind == INPUT_GESTURE_TAP ||
                g.kind == INPUT_GESTURE_DRAG_END ||
                g.kind == INPUT_GESTURE_CANCEL ||
                g.kind == INPUT_GESTURE_LONG_PRESS)
                a->swallow = false; /* the touch is over */
            changed = true;
            continue;
        }
        switch (g.kind) {
        case INPUT_GESTURE_PRESS: {
            const char *id = button_at(a, (int)g.x, (int)g.y);
            snprintf(a->pressed, sizeof a->pressed, "%s", id ? id : "");
            changed |= id != NULL;
            if (input_scroll_grab(&a->scroll)) /* a touch stops a fling */
                changed = true;
            break;
        }
        case INPUT_GESTURE_TAP:
            a->pressed[0] = '\0';
            input_scroll_release(&a->scroll, 0);
            changed |= exhibit_app_tap(a, renderer, (int)g.x, (int)g.y,
                                       g.time_ms);
            changed = true; /* the pressed look goes */
            break;
        case INPUT_GESTURE_DRAG_BEGIN:
        case INPUT_GESTURE_DRAG:
            if (a->pressed[0]) {
                a->pressed[0] = '\0';
                changed = true;
            }
            if (g.kind == INPUT_GESTURE_DRAG_BEGIN)
                a->drag_scrolls = drag_scrolls(a, g.start_x, g.start_y);
            if (g.kind == INPUT_GESTURE_DRAG && a->drag_scrolls) {
                input_scroll_drag(&a->scroll, -g.dy);
                apply_scroll(a);
                changed = true;
            }
            break;
        case INPUT_GESTURE_DRAG_END:
            input_scroll_release(&a->scroll, a->drag_scrolls ? -g.vy : 0);
            a->scroll_at = g.time_ms;
            changed = true;
            break;
        case INPUT_GESTURE_CANCEL:
            a->pressed[0] = '\0';
            input_scroll_release(&a->scroll, 0);
            a->scroll_at = g.time_ms;
            changed = true;
            break;
        case INPUT_GESTURE_LONG_PRESS:
            break; /* none: long presses are off (exhibit_app_create) */
        }
    }
    return changed;
}

static bool exhibit_app_tick_idle(struct exhibit_app *a, uint32_t now);

bool exhibit_app_tick(struct exhibit_app *a, uint32_t now)
{
    bool hours = tick_hours(a, now);
    if (app_hours_dark(&a->hours))
        return hours;
    bool was_open = staff_is_open(a->staff);
    bool staff = staff_tick(a->staff, now);
    if (staff_is_open(a->staff)) {
        if (!was_open) {
            /* The staff gesture's fingers are not a visitor's touch:
             * whatever they started on the exhibit is dropped. */
            input_gesture_reset(&a->gesture, now);
            struct input_gesture_event g;
            while (input_gesture_poll(&a->gesture, &g))
                ;
            input_scroll_release(&a->scroll, 0);
            a->pressed[0] = '\0';
            a->prompt = false;
        }
        a->last_input = now; /* the exhibit waits behind the panel */
        return staff;
    }
    if (was_open)
        a->last_input = now; /* a visitor's full idle time from here */
    bool moved = staff;
    input_gesture_tick(&a->gesture, now);
    if (input_scroll_animating(&a->scroll)) {
        input_scroll_step(&a->scroll, (double)(now - a->scroll_at));
        apply_scroll(a);
        moved = true;
    }
    a->scroll_at = now;
    bool idle = exhibit_app_tick_idle(a, now);
    return moved || idle || hours;
}

static bool exhibit_app_tick_idle(struct exhibit_app *a, uint32_t now)
{
    if (!a->ex)
        return false;
    if (a->screen == APP_SCREEN_ATTRACT) {
        /* The next breath frame is due. */
        bool due = now - a->attract_at >= ATTRACT_FRAME_MS;
        if (due)
            a->attract_at = now;
        return due;
    }
    uint32_t timeout = idle_ms(a);
    uint32_t idle = now - a->last_input;
    if (idle < timeout) {
        bool was = a->prompt;
        a->prompt = false;
        return was;
    }
    uint32_t into = idle - timeout;
    if (into >= UI_IDLE_COUNTDOWN_S * 1000u) {
        reset(a);
        return true;
    }
    int left = UI_IDLE_COUNTDOWN_S - (int)(into / 1000);
    bool changed = !a->prompt || left != a->seconds_left;
    a->prompt = true;
    a->seconds_left = left;
    return changed;
}

static int exhibit_wait_ms(const struct exhibit_app *a, uint32_t now);
static int exhibit_app_wait_any_ms(const struct exhibit_app *a,
                                   uint32_t now);

int exhibit_app_wait_ms(const struct exhibit_app *a, uint32_t now)
{
    /* With opening hours the clock is looked at every second. */
    int hours = a->hours.schedule ? 1000 : -1;
    if (app_hours_dark(&a->hours))
        return a->hours.phase == HOURS_BLACK ? 0 : hours;
    int any = exhibit_app_wait_any_ms(a, now);
    return any < 0 || (hours >= 0 && hours < any) ? hours : any;
}

static int exhibit_app_wait_any_ms(const struct exhibit_app *a,
                                   uint32_t now)
{
    int staff = staff_wait_ms(a->staff, now);
    if (staff_is_open(a->staff))
        return staff;
    int own = exhibit_wait_ms(a, now);
    return own < 0 || (staff >= 0 && staff < own) ? staff : own;
}

static int exhibit_wait_ms(const struct exhibit_app *a, uint32_t now)
{
    if (input_scroll_animating(&a->scroll))
        return 0; /* the next frame of a fling */
    uint32_t due;
    if (input_gesture_deadline(&a->gesture, &due))
        return due > now ? (int)(due - now) : 0;
    if (!a->ex)
        return -1;
    if (a->screen == APP_SCREEN_ATTRACT)
        return ATTRACT_FRAME_MS;
    uint32_t timeout = idle_ms(a);
    uint32_t idle = now - a->last_input;
    if (idle < timeout)
        return (int)(timeout - idle);
    return (int)(1000 - (idle - timeout) % 1000); /* the next second */
}

static bool draw(struct exhibit_app *a, SDL_Renderer *r,
                 struct atlas *atlas, uint32_t now);

/* Every frame's drawing time goes to the staff diagnostics: the work of
 * drawing (with a GPU, of queueing it), not the wait for the display. */
bool exhibit_app_draw(struct exhibit_app *a, SDL_Renderer *r,
                      struct atlas *atlas, uint32_t now)
{
    Uint64 t0 = SDL_GetPerformanceCounter();
    bool anim = draw(a, r, atlas, now);
    staff_note_frame(a->staff, (double)(SDL_GetPerformanceCounter() - t0) *
                                   1000.0 /
                                   (double)SDL_GetPerformanceFrequency());
    return anim;
}

static bool draw(struct exhibit_app *a, SDL_Renderer *r,
                 struct atlas *atlas, uint32_t now)
{
    const struct ui_palette *pal = ui_theme_palette();
    a->frames++;
    if (app_hours_dark(&a->hours)) {
        SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
        SDL_RenderClear(r);
        return false;
    }
    if (staff_is_open(a->staff)) {
        staff_draw(a->staff, r, atlas);
        return false;
    }
    SDL_SetRenderDrawColor(r, pal->paper.r, pal->paper.g, pal->paper.b, 255);
    SDL_RenderClear(r);
    if (!a->ex)
        return false;
    const struct app_screen_ops *ops = app_screen(a->screen);
    bool anim = ops->draw(a, r, atlas, now);
    if (!ops->chrome)
        return anim;
    ui_chrome_draw(&a->chrome, r, atlas, a->pressed[0] ? a->pressed : NULL);
    anim |= input_scroll_animating(&a->scroll);
    if (a->prompt)
        ui_idle_prompt_draw(&a->idle, r, atlas, a->seconds_left);
    return anim;
}

void exhibit_app_draw_shot(struct exhibit_app *a, SDL_Renderer *r,
                           struct atlas *atlas, uint32_t now)
{
    exhibit_app_draw(a, r, atlas, now);
    a->frames--;
}

enum text_lang exhibit_app_lang(const struct exhibit_app *a)
{
    return a->m.lang;
}

enum app_screen exhibit_app_screen(const struct exhibit_app *a)
{
    return a->screen;
}

const char *exhibit_app_selected_place(const struct exhibit_app *a)
{
    return a->place >= 0 ? a->ex->places[a->place].id : NULL;
}

bool exhibit_app_quiet(const struct exhibit_app *a)
{
    return input_gesture_idle(&a->gesture) &&
           !input_scroll_animating(&a->scroll);
}

unsigned long exhibit_app_frames(const struct exhibit_app *a)
{
    return a->frames;
}
