/* mode_run.c: `kiosk` -- the exhibit in a window or fullscreen.
 *
 * It shows the visitor's screens (app/exhibit_app.c) of the last good
 * exhibit (app/exhibit_view.c), with the staff panel behind its hidden
 * gesture (app/staff.c; F2 in a window).  The loop sleeps in
 * SDL_WaitEventTimeout for as long as the app says and draws only when
 * something changed, so an idle exhibit uses no CPU and draws no frames.
 * With a state folder it shows the `current` release and follows its
 * switches; with --windowed and none, the content folder is watched
 * (app/run_watch.h): saving a file reloads it; content that does not
 * pass the checks leaves the last good exhibit on screen with the reasons
 * in an overlay.  Escape closes the window only with --windowed:
 * fullscreen is the kiosk, where no key does anything.  It ends on SIGTERM
 * (status 0), or at the staff's request: restart (0, the service manager
 * starts it again) or the console (CLI_CONSOLE, which it does not).
 *
 * The loop is named steps over one struct run_ctx, whose loop part
 * run_begin makes again for each renderer tried: lay out, draw a frame,
 * wait, handle an event, take the staff's action, take new content. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "app/cli.h"
#include "app/content_pick.h"
#include "app/display.h"
#include "app/exhibit_app.h"
#include "app/exhibit_view.h"
#include "app/first_frame.h"
#include "app/fonts.h"
#include "app/run_error.h"
#include "app/run_ops.h"
#include "app/run_watch.h"
#include "app/settings.h"
#include "app/staff.h"
#include "core/diag.h"
#include "core/log.h"
#include "platform/platform.h"
#include "render/atlas.h"
#include "render/rotate.h"
#include "ui/import_panel.h"

#define MODE "run"

/* registered user events: new content (app/run_watch.h), the next
 * animation frame, a new import status line (run_watch.h), a DRM hotplug
 * (app/run_ops.h) */
static Uint32 reload_event, frame_event, status_event, hotplug_event;

/* An SDL mouse or finger event as a pointer event in screen pixels (the
 * screen is w x h); false for what is not one (other buttons, mouse motion
 * with no button, SDL's mouse events synthesised from touches). */
static bool to_pointer(const SDL_Event *ev, int w, int h,
                       struct input_pointer_event *out)
{
    switch (ev->type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (ev->button.which == SDL_TOUCH_MOUSEID ||
            ev->button.button != SDL_BUTTON_LEFT)
            return false;
        *out = (struct input_pointer_event){
            ev->type == SDL_MOUSEBUTTONDOWN ? INPUT_POINTER_DOWN
                                            : INPUT_POINTER_UP,
            INPUT_POINTER_MOUSE, (float)ev->button.x, (float)ev->button.y,
            ev->button.timestamp};
        return true;
    case SDL_MOUSEMOTION:
        if (ev->motion.which == SDL_TOUCH_MOUSEID ||
            !(ev->motion.state & SDL_BUTTON_LMASK))
            return false;
        *out = (struct input_pointer_event){
            INPUT_POINTER_MOVE, INPUT_POINTER_MOUSE, (float)ev->motion.x,
            (float)ev->motion.y, ev->motion.timestamp};
        return true;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        *out = (struct input_pointer_event){
            ev->type == SDL_FINGERDOWN ? INPUT_POINTER_DOWN
            : ev->type == SDL_FINGERUP ? INPUT_POINTER_UP
                                       : INPUT_POINTER_MOVE,
            (int64_t)ev->tfinger.fingerId, ev->tfinger.x * (float)w,
            ev->tfinger.y * (float)h, ev->tfinger.timestamp};
        return true;
    default:
        return false;
    }
}

/* Work on the main loop that took long enough to worry the watchdog (a
 * quarter of its interval) is logged, naming what it was; the watchdog is
 * pinged after it, so the next step gets a whole interval. */
static void busy(uint32_t since, unsigned watchdog_ping_ms, const char *what)
{
    uint32_t ms = SDL_GetTicks() - since;
    if (!watchdog_ping_ms)
        return;
    if (ms >= watchdog_ping_ms / 2)
        log_warn("app", "the main loop was busy %u ms %s (the watchdog "
                 "allows %u ms)", ms, what, watchdog_ping_ms * 2);
    if (ms >= 50)
        platform_notify("WATCHDOG=1");
}

/* What came of the last load, for staff: the panel's diagnostics, the
 * service's status line (`systemctl status kiosk`) and, once per load, the
 * log.  Visitors see only the last good exhibit (the curator overlay is
 * off in kiosk mode). */
static void content_news(const struct exhibit_view *view,
                         struct exhibit_app *app)
{
    char problem[1024], status[1100];
    exhibit_view_problem(view, problem, sizeof problem);
    exhibit_app_set_content_problem(app, problem);
    if (problem[0]) {
        log_error("app", "%s", problem);
        snprintf(status, sizeof status, "STATUS=content problem: %s",
                 problem);
    } else {
        snprintf(status, sizeof status, "STATUS=showing the exhibit");
    }
    platform_notify(status);
}

/* loop()'s answer when the first frame was wrong: try the next renderer. */
#define LOOP_WRONG_PICTURE (-1)

/* The run.  The first part lives as long as the window; the rest is one
 * renderer's loop, made by run_begin and freed by run_end. */
struct run_ctx {
    const struct app_settings *set; /* with the run's own options */
    struct text_fonts *fonts;       /* NULL: could not be loaded */
    struct app_display display;
    bool windowed;
    char dir[4200];                 /* the content folder shown */
    struct exhibit_view *view;
    struct run_ops *ops; /* clock, display power, hotplug, status */

    bool verify; /* prove the first frame (false: the last resort) */
    struct atlas *atlas;
    struct render_rotation *rot;
    struct exhibit_app *app;
    struct ui_import_panel *panel;
    enum text_lang lang;
    int w, h;                     /* the exhibit's (logical) size */
    bool relayout, dirty, quit;
    bool ready;                   /* the first frame is up */
    bool announce;                /* log when new content reaches the screen */
    int rc;
    unsigned long frames;
    struct exhibit_load *pending; /* new content waiting */
    unsigned watchdog;            /* its ping interval (ms); 0: none */
    bool long_work;               /* the watchdog allows LONG_WORK_MS */
    uint32_t pinged;
    uint32_t panel_until;         /* when an import's result goes away */
};

/* What the watchdog allows from the start to the first frame, and from
 * new content to its first frame: a GPU emulated in software compiles its
 * shaders then, every glyph is new, every screen is laid out -- seconds
 * under emulation, far beyond the 10 s interval on a slow machine, and
 * finite.  It matches kiosk.service's TimeoutStartSec; a hang there is
 * caught after it instead of after the interval. */
#define LONG_WORK_MS 90000u

/* Long work ahead (LONG_WORK_MS): told to the watchdog once. */
static void long_work_begin(struct run_ctx *c, const char *what)
{
    if (c->long_work || !platform_watchdog_allow(LONG_WORK_MS))
        return;
    c->long_work = true;
    log_debug(MODE, "the watchdog allows %u s until %s", LONG_WORK_MS / 1000,
              what);
}

/* The frame is up: the watchdog's own interval again. */
static void long_work_end(struct run_ctx *c)
{
    if (!c->long_work)
        return;
    c->long_work = false;
    platform_watchdog_allow(0);
}

/* What one renderer's loop needs; false if it cannot be made. */
static bool run_begin(struct run_ctx *c)
{
    SDL_Renderer *ren = c->display.renderer;
    c->atlas = atlas_create(ren, c->fonts, NULL);
    if (!c->atlas)
        return false;
    /* A screen mounted turned: the exhibit draws upright into a picture
     * that is copied turned, and touches are turned back. */
    c->rot = render_rotation_create(ren, c->set->rotation);
    c->app = exhibit_app_create(c->fonts);
    app_settings_configure(c->set, c->app, c->dir, true, false,
                           run_ops_ways(c->ops));
    run_ops_clock(c->ops, c->app);
    double reported = app_display_diagonal_inch(&c->display);
    if (reported > 0)
        log_info(MODE, "the display reports a %.1f-inch diagonal", reported);
    exhibit_app_set_display_size(c->app, reported);
    content_news(c->view, c->app);
    const struct exhibit *ex = exhibit_view_exhibit(c->view);
    c->lang = ex ? ex->settings.default_lang : TEXT_LANG_EN;
    c->panel = ui_import_panel_create(c->fonts);
    c->w = c->h = 0;
    c->relayout = c->dirty = true;
    c->quit = c->ready = c->announce = false;
    c->rc = CLI_OK;
    c->frames = 0;
    c->pending = NULL;
    c->watchdog = platform_watchdog_ms() / 2;
    c->pinged = c->panel_until = 0;
    long_work_begin(c, "the first frame");
    return true;
}

static void run_end(struct run_ctx *c)
{
    exhibit_load_free(c->pending);
    c->pending = NULL;
    ui_import_panel_destroy(c->panel);
    exhibit_app_destroy(c->app);
    render_rotation_destroy(c->rot);
    atlas_destroy(c->atlas);
}

/* Every screen laid out again: the exhibit or the window's size changed. */
static void run_layout(struct run_ctx *c)
{
    SDL_Renderer *ren = c->display.renderer;
    uint32_t t0 = SDL_GetTicks();
    int sw, sh;
    SDL_GetRendererOutputSize(ren, &sw, &sh);
    render_rotation_logical_size(c->rot, sw, sh, &c->w, &c->h);
    exhibit_view_layout(c->view, c->w, c->h);
    exhibit_app_layout(c->app, ren, exhibit_view_exhibit(c->view), c->lang,
                       c->w, c->h);
    c->relayout = false;
    busy(t0, c->watchdog, "laying out every screen");
}

/* Draws and presents a frame -- the first one proved first, and then the
 * supervisor told; false if the renderer drew it wrongly. */
static bool run_frame(struct run_ctx *c)
{
    const struct app_settings *s = c->set;
    uint32_t now = SDL_GetTicks();
    bool anim = app_frame_draw(c->display.renderer, c->atlas, c->rot, c->app,
                               c->view, c->panel, now, false);
    busy(now, c->watchdog, "drawing a frame");
    if (!c->ready && c->verify &&
        !app_first_frame_check(&c->display, c->fonts, s->fonts_manifest,
                               c->view, c->lang, s->rotation,
                               s->screen_diagonal_inch, now))
        return false;
    SDL_RenderPresent(c->display.renderer);
    run_ops_frame(c->ops, c->app);
    if (!c->ready) {
        char what[200];
        app_display_describe(&c->display, what, sizeof what);
        run_ops_first_frame(c->ops, c->verify, c->verify, what);
    }
    if (!c->ready && !c->verify)
        app_first_frame_log(&c->display, s->rotation, s->fonts_manifest,
                            false, "first frame not checked");
    if (c->announce)
        log_info("app", "new content on screen");
    c->announce = false;
    if (!c->ready) /* the first frame is up: tell the supervisor */
        c->ready = platform_notify("READY=1") || true;
    long_work_end(c);
    /* An animation asks for the next frame; vsync paces it. */
    if (anim) {
        SDL_Event tick = {.type = frame_event};
        SDL_PushEvent(&tick);
    }
    c->frames++;
    c->dirty = false;
    log_trace("app", "frame %lu at %dx%d", c->frames, c->w, c->h);
    return true;
}

enum run_wait {
    RUN_EVENT,   /* an event came */
    RUN_TIMEOUT, /* the time the app, the watchdog or the panel gave ran out */
    RUN_AGAIN,   /* the import's result went away: draw again */
    RUN_STOP,    /* SDL could not wait */
};

/* Sleeps until an event (into *ev), or until the idle timer, the watchdog
 * or the import panel's result has work. */
static enum run_wait run_wait(struct run_ctx *c, SDL_Event *ev)
{
    uint32_t now = SDL_GetTicks();
    /* The watchdog: a main loop that stops coming here is killed. */
    if (c->watchdog && now - c->pinged >= c->watchdog) {
        platform_notify("WATCHDOG=1");
        c->pinged = now;
    }
    int wait = exhibit_app_wait_ms(c->app, now);
    if (c->watchdog) {
        int next = (int)(c->watchdog - (now - c->pinged));
        wait = wait < 0 || next < wait ? next : wait;
    }
    if (ui_import_panel_visible(c->panel) &&
        ui_import_panel_finished(c->panel)) {
        int left = c->panel_until > now ? (int)(c->panel_until - now) : 0;
        if (left == 0) {
            ui_import_panel_hide(c->panel);
            c->dirty = true;
            return RUN_AGAIN;
        }
        wait = wait < 0 || left < wait ? left : wait;
    }
    if (wait < 0 ? SDL_WaitEvent(ev) : SDL_WaitEventTimeout(ev, wait + 1))
        return RUN_EVENT;
    return wait < 0 ? RUN_STOP : RUN_TIMEOUT;
}

/* In kiosk mode no key does anything (Escape, Ctrl+Q, Alt+F4 are all
 * ignored); a window closes on Escape. */
static void run_key(struct run_ctx *c, const SDL_KeyboardEvent *key)
{
    SDL_Keycode sym = key->keysym.sym;
    if (c->windowed && sym == SDLK_ESCAPE &&
        !exhibit_app_staff_open(c->app)) {
        c->quit = true;
    } else if (c->windowed && sym == SDLK_F2) {
        /* A desktop has no two fingers: F2 stands in for the staff
         * gesture, in a window only. */
        exhibit_app_open_staff(c->app, SDL_GetTicks());
        c->dirty = true;
    } else if (!c->windowed) {
        log_info("app", "key ignored (kiosk mode)");
    }
}

/* Mouse and touch are one: both become pointer events for the gesture
 * recognizer, turned back into the upright exhibit's pixels. */
static void run_pointer(struct run_ctx *c, const SDL_Event *ev)
{
    struct input_pointer_event pe;
    int sw, sh;
    SDL_GetRendererOutputSize(c->display.renderer, &sw, &sh);
    if (!to_pointer(ev, sw, sh, &pe))
        return;
    render_rotation_to_logical(c->rot, pe.x, pe.y, &pe.x, &pe.y);
    c->dirty |= exhibit_app_pointer(c->app, c->display.renderer, &pe);
}

static void run_window(struct run_ctx *c, const SDL_WindowEvent *w)
{
    if (w->event == SDL_WINDOWEVENT_CLOSE && c->windowed)
        c->quit = true;
    if (w->event == SDL_WINDOWEVENT_SIZE_CHANGED) {
        c->relayout = true;
        long_work_begin(c, "the resized window's first frame");
    }
    if (w->event == SDL_WINDOWEVENT_EXPOSED ||
        w->event == SDL_WINDOWEVENT_SIZE_CHANGED)
        c->dirty = true;
}

/* The loop's own events: a load from the watcher, an import's status
 * line, the next animation frame. */
static void run_user_event(struct run_ctx *c, const SDL_UserEvent *u)
{
    if (u->type == reload_event) {
        /* Keep the newest; take it when no finger is down. */
        exhibit_load_free(c->pending);
        c->pending = u->data1;
    } else if (u->type == status_event) {
        /* Worded in the visitor's language, from the exhibit shown. */
        ui_import_panel_set(c->panel, u->data1, exhibit_view_exhibit(c->view),
                            exhibit_app_lang(c->app), c->w, c->h);
        free(u->data1);
        if (ui_import_panel_finished(c->panel))
            c->panel_until = SDL_GetTicks() + UI_IMPORT_RESULT_MS;
        c->dirty = true;
        log_info("app", "import status shown");
    } else if (u->type == frame_event) {
        c->dirty = true; /* the next animation frame */
    } else if (u->type == hotplug_event && run_ops_hotplug(c->ops)) {
        c->rc = CLI_DISPLAY;
        c->quit = true;
    }
}

static void run_event(struct run_ctx *c, const SDL_Event *ev)
{
    switch (ev->type) {
    case SDL_QUIT:
        c->quit = true;
        break;
    case SDL_KEYDOWN:
        run_key(c, &ev->key);
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION:
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        run_pointer(c, ev);
        break;
    case SDL_MOUSEWHEEL:
        exhibit_app_scroll(c->app, (float)(-ev->wheel.y * 80),
                           SDL_GetTicks());
        c->dirty = true;
        break;
    case SDL_WINDOWEVENT:
        run_window(c, &ev->window);
        break;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        atlas_clear(c->atlas); /* its textures are gone */
        c->dirty = true;
        break;
    default:
        run_user_event(c, &ev->user);
        break;
    }
}

/* What the staff panel asked of the loop: restart (status 0, the service
 * manager starts it again) or the console (CLI_CONSOLE: it does not). */
static void run_staff_action(struct run_ctx *c)
{
    switch (exhibit_app_take_action(c->app)) {
    case STAFF_ACTION_RESTART:
        log_info("app", "restarting at the staff's request");
        c->quit = true;
        break;
    case STAFF_ACTION_CONSOLE:
        log_info("app", "leaving for the console at the staff's request");
        c->rc = CLI_CONSOLE;
        c->quit = true;
        break;
    default:
        break;
    }
}

/* New content, taken when no finger is down and nothing moves. */
static void run_take_content(struct run_ctx *c)
{
    if (!c->pending || !exhibit_app_quiet(c->app))
        return;
    exhibit_view_take(c->view, c->pending);
    exhibit_load_free(c->pending);
    c->pending = NULL;
    content_news(c->view, c->app);
    c->relayout = c->dirty = c->announce = true;
    long_work_begin(c, "the new content's first frame");
}

/* The window's loop on the current renderer until it quits; its exit
 * status, or LOOP_WRONG_PICTURE. */
static int loop(struct run_ctx *c)
{
    if (!run_begin(c))
        return CLI_FAIL;
    while (!c->quit) {
        if (c->relayout)
            run_layout(c);
        if (c->dirty && !run_frame(c)) {
            c->rc = LOOP_WRONG_PICTURE;
            break;
        }
        SDL_Event ev;
        enum run_wait got = run_wait(c, &ev);
        if (got == RUN_STOP)
            break;
        if (got == RUN_AGAIN)
            continue;
        if (got == RUN_EVENT) {
            do
                run_event(c, &ev);
            while (SDL_PollEvent(&ev));
        }
        run_ops_clock(c->ops, c->app);
        c->dirty |= exhibit_app_tick(c->app, SDL_GetTicks());
        run_ops_status(c->ops, c->app);
        if (got == RUN_EVENT) {
            run_staff_action(c);
            run_take_content(c);
        }
    }
    run_end(c);
    return c->rc;
}

/* The first frame is checked; a renderer that draws it wrongly gives way
 * to the next.  If none draws it right, the first is used unchecked
 * rather than showing nothing. */
static int run_renderers(struct run_ctx *c)
{
    int rc;
    c->verify = true;
    while ((rc = loop(c)) == LOOP_WRONG_PICTURE) {
        char failed[32];
        snprintf(failed, sizeof failed, "%s", c->display.renderer_name);
        if (app_display_next_renderer(&c->display)) {
            log_warn("app", "renderer %s drew a wrong picture; trying %s",
                     failed, c->display.renderer_name);
            continue;
        }
        log_error("app", "no renderer left that draws the first frame as "
                  "meant; the screen may be wrong");
        c->display.next = 0;
        if (!app_display_next_renderer(&c->display))
            break;
        c->verify = false;
    }
    return rc;
}

/* With a state folder (the USB import's releases) the exhibit shows
 * `current` -- or, self-healing, the newest release that loads, or the
 * shipped content -- and follows its switches; without one, the content
 * folder, watched in a window for the curator preview. */
static int run_content(struct run_ctx *c)
{
    const struct app_settings *s = c->set;
    app_pick_content(s->state_dir, s->content_dir, c->fonts, c->dir,
                     sizeof c->dir);
    if (!c->fonts || s->config_error) {
        /* Never a black screen: show that a technician is needed. */
        log_error("app", "showing the error screen: %s",
                  !c->fonts ? "the fonts could not be loaded"
                            : "the settings file could not be read");
        return run_error_screen(c->display.renderer, c->windowed,
                                s->rotation);
    }
    c->view = exhibit_view_create(c->fonts, c->dir);
    /* Visitors never see the curator's overlay (staff: panel, log,
     * status); the curator's window shows it. */
    exhibit_view_set_curator(c->view, c->windowed);
    if (!exhibit_view_reload(c->view))
        diag_list_print(exhibit_view_diags(c->view), stderr);
    reload_event = SDL_RegisterEvents(4);
    frame_event = reload_event + 1;
    status_event = reload_event + 2;
    hotplug_event = reload_event + 3;
    c->ops = run_ops_start(s, c->display.window,
                           reload_event != (Uint32)-1 ? hotplug_event : 0,
                           c->dir);
    struct run_watch *watch = NULL;
    if (reload_event != (Uint32)-1)
        watch = run_watch_start(c->view, s->state_dir, c->dir, c->windowed,
                                (struct run_watch_events){reload_event,
                                                          status_event});
    int rc = run_renderers(c);
    run_watch_stop(watch);
    run_ops_stop(c->ops);
    exhibit_view_destroy(c->view);
    return rc;
}

/* The run's own options over its copy of the settings. */
static int run_options(int argc, char **argv, struct app_settings *s,
                       bool *windowed, int *w, int *h)
{
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v;
        if (strcmp(a, "--windowed") == 0) {
            *windowed = true;
        } else if (strcmp(a, "--state-dir") == 0) {
            if (!(s->state_dir = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
        } else if (strcmp(a, "--rotate") == 0) {
            long deg;
            if (!(v = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
            if (!cli_parse_int(v, 0, 270, &deg) ||
                !render_rotation_valid((int)deg))
                return cli_usage_error(MODE, "--rotate '%s' must be 0, 90, "
                                       "180 or 270 (degrees clockwise)", v);
            s->rotation = (int)deg;
        } else if (strcmp(a, "--size") == 0) {
            if (!(v = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
            if (!cli_parse_size(v, w, h))
                return cli_usage_error(MODE, "--size '%s' must be WxH, e.g. "
                                       "1280x720", v);
        } else {
            return cli_usage_error(MODE, "unknown option '%s'", a);
        }
    }
    return CLI_OK;
}

/* Kiosk mode's lockdown: a window manager's close request (Alt+F4) does
 * not end the kiosk -- only the service manager's SIGTERM does -- and the
 * keyboard stays with the exhibit.  On its console (kiosk.service's tty1)
 * the keyboard is the exhibit's alone from now on, while it waits for a
 * display too; SDL's own console handling (on KMSDRM) keeps it so. */
static void lock_down(void)
{
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
    char console[256];
    if (platform_console_claim(console, sizeof console))
        log_info("app", "console %s", console);
    else
        log_debug("app", "console: %s", console);
}

int mode_run(int argc, char **argv, const struct app_settings *settings)
{
    struct app_settings set = *settings;
    struct run_ctx c = {.set = &set};
    int w = 1920, h = 1080;
    int rc = run_options(argc, argv, &set, &c.windowed, &w, &h);
    if (rc != CLI_OK)
        return rc;
    /* From here to the first frame: fonts, the display, every screen. */
    if (platform_watchdog_allow(LONG_WORK_MS)) {
        c.long_work = true;
        log_info(MODE, "the watchdog allows %u s for the first frame, then "
                 "%u s", LONG_WORK_MS / 1000, platform_watchdog_ms() / 1000);
    }
    c.fonts = app_fonts_load(&set);
    if (!c.windowed)
        lock_down();
    rc = CLI_FAIL;
    if (app_display_open(&c.display, c.windowed, w, h)) {
        if (!c.windowed)
            SDL_ShowCursor(SDL_DISABLE);
        rc = run_content(&c);
    }
    app_display_close(&c.display);
    platform_console_release();
    text_fonts_destroy(c.fonts);
    return rc;
}
