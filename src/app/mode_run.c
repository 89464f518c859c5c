/* mode_run.c: `kiosk` -- the exhibit in a window or fullscreen.
 *
 * It shows the visitor's screens (app/exhibit_app.c) of the last good
 * exhibit (app/exhibit_view.c), with the staff panel behind its hidden
 * gesture (app/staff.c; F2 in a window).  The loop sleeps in
 * SDL_WaitEventTimeout for as long as the app says and draws only when
 * something changed, so an idle exhibit uses no CPU and draws no frames.
 * With a state folder it shows the `current` release and follows its
 * switches; with --windowed and none, the content folder is watched
 * (platform/platform.h): saving a file reloads it; content that does not
 * pass the checks leaves the last good exhibit on screen with the reasons
 * in an overlay.  Escape closes the window only with --windowed:
 * fullscreen is the kiosk, where no key does anything.  It ends on SIGTERM
 * (status 0), or at the staff's request: restart (0, the service manager
 * starts it again) or the console (CLI_CONSOLE, which it does not). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL.h>

#include "app/cli.h"
#include "app/content_pick.h"
#include "app/display.h"
#include "app/exhibit_app.h"
#include "app/exhibit_view.h"
#include "app/first_frame.h"
#include "app/fonts.h"
#include "app/staff.h"
#include "core/diag.h"
#include "core/log.h"
#include "platform/platform.h"
#include "render/atlas.h"
#include "render/rotate.h"
#include "ui/error_screen.h"
#include "ui/import_panel.h"

#define MODE "run"

/* registered user events: new content, the next animation frame, a new
 * import status line */
static Uint32 reload_event, frame_event, status_event;

/* From the watcher's thread: the content changed (a curator saved a
 * file, or an import switched `current`).  The load happens here, off the
 * main loop; the main loop only takes the result, at a quiet moment. */
struct watch_ctx {
    struct exhibit_view *view;
    const char *current; /* the `current` link, or NULL (a plain folder) */
    char seen[256];      /* where it pointed when last loaded */
    const char *status;  /* the import's status file, or NULL */
    char status_seen[600];
};

/* The import's progress, for the curator overlay (watcher's thread). */
static void status_changed(struct watch_ctx *ctx)
{
    char line[600] = "";
    FILE *f = ctx->status ? fopen(ctx->status, "r") : NULL;
    if (!f)
        return;
    if (!fgets(line, sizeof line, f))
        line[0] = '\0';
    fclose(f);
    if (!line[0] || strcmp(line, ctx->status_seen) == 0)
        return;
    snprintf(ctx->status_seen, sizeof ctx->status_seen, "%s", line);
    char *copy = strdup(line);
    SDL_Event ev = {.type = status_event};
    ev.user.data1 = copy;
    if (!copy || SDL_PushEvent(&ev) <= 0)
        free(copy);
}

static void content_changed(void *arg)
{
    struct watch_ctx *ctx = arg;
    struct exhibit_view *view = ctx->view;
    status_changed(ctx);
    if (ctx->current) {
        /* The state directory changes for many reasons (import progress,
         * staging); only a switch of `current` means new content. */
        char target[256];
        ssize_t n = readlink(ctx->current, target, sizeof target - 1);
        target[n > 0 ? n : 0] = '\0';
        if (strcmp(target, ctx->seen) == 0)
            return;
        snprintf(ctx->seen, sizeof ctx->seen, "%s", target);
        log_info("app", "current release is now %s", target);
    }
    struct exhibit_load *load = malloc(sizeof *load);
    if (!load)
        return;
    exhibit_view_load(view, ctx->current, load); /* current, if releases */
    SDL_Event ev = {.type = reload_event};
    ev.user.data1 = load;
    if (SDL_PushEvent(&ev) <= 0) {
        content_destroy(load->exhibit);
        diag_list_fini(&load->diags);
        free(load);
    }
}

/* An SDL mouse or finger event as a pointer event in screen pixels (the
 * screen is w x h); false for what is not one (other buttons, mouse motion with no button, SDL's mouse events
 * synthesised from touches). */
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

/* The error screen until the service manager stops the kiosk; it keeps
 * the watchdog fed, since the process is healthy -- its inputs are not. */
static int error_loop(SDL_Renderer *ren, bool windowed, int rotation)
{
    struct render_rotation *rot = render_rotation_create(ren, rotation);
    unsigned watchdog = platform_watchdog_ms() / 2;
    bool dirty = true;
    platform_notify("READY=1");
    for (;;) {
        if (dirty) {
            int w, h;
            render_rotation_begin(rot, &w, &h);
            ui_error_screen_draw(ren, w, h);
            render_rotation_end(rot);
            SDL_RenderPresent(ren);
            dirty = false;
        }
        if (watchdog)
            platform_notify("WATCHDOG=1");
        SDL_Event ev;
        if (!SDL_WaitEventTimeout(&ev, watchdog ? (int)watchdog : 1000))
            continue;
        if (ev.type == SDL_QUIT ||
            (windowed && ev.type == SDL_KEYDOWN &&
             ev.key.keysym.sym == SDLK_ESCAPE)) {
            render_rotation_destroy(rot);
            return CLI_FAIL;
        }
        if (ev.type == SDL_WINDOWEVENT)
            dirty = true;
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

/* loop()'s answer when the first frame was wrong: try the next renderer. */
#define LOOP_WRONG_PICTURE (-1)

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

static int loop(struct app_display *d, bool verify,
                const struct text_fonts *fonts, const char *fonts_path,
                struct exhibit_view *view, bool windowed,
                const char *stats_dir, double diag_inch, int rotation,
                unsigned idle_s, const struct staff_setup *staff)
{
    SDL_Renderer *ren = d->renderer;
    struct atlas *atlas = atlas_create(ren, fonts, NULL);
    if (!atlas)
        return CLI_FAIL;
    /* A screen mounted turned: the exhibit draws upright into a picture
     * that is copied turned, and touches are turned back. */
    struct render_rotation *rot = render_rotation_create(ren, rotation);
    struct exhibit_app *app = exhibit_app_create(fonts);
    exhibit_app_set_stats_dir(app, stats_dir);
    exhibit_app_set_screen(app, diag_inch);
    exhibit_app_set_idle_timeout(app, idle_s);
    exhibit_app_set_staff(app, staff);
    content_news(view, app);
    int rc = CLI_OK;
    const struct exhibit *ex = exhibit_view_exhibit(view);
    enum text_lang lang = ex ? ex->settings.default_lang : TEXT_LANG_EN;

    bool dirty = true, relayout = true, quit = false;
    unsigned long frames = 0;
    int w = 0, h = 0; /* the exhibit's (logical) size */
    struct exhibit_load *pending = NULL; /* new content waiting */
    unsigned watchdog = platform_watchdog_ms() / 2; /* ping interval */
    uint32_t pinged = 0;
    bool ready = false;
    struct ui_import_panel *panel = ui_import_panel_create(fonts);
    uint32_t panel_until = 0; /* when an import's result goes away */
    bool announce = false; /* log when new content reaches the screen */
    while (!quit) {
        if (relayout) {
            uint32_t t0 = SDL_GetTicks();
            int sw, sh;
            SDL_GetRendererOutputSize(ren, &sw, &sh);
            render_rotation_logical_size(rot, sw, sh, &w, &h);
            exhibit_view_layout(view, w, h);
            exhibit_app_layout(app, ren, exhibit_view_exhibit(view), lang, w,
                               h);
            relayout = false;
            busy(t0, watchdog, "laying out every screen");
        }
        if (dirty) {
            uint32_t now = SDL_GetTicks();
            bool anim = app_frame_draw(ren, atlas, rot, app, view, panel,
                                       now, false);
            busy(now, watchdog, "drawing a frame");
            if (!ready && verify &&
                !app_first_frame_check(d, fonts, fonts_path, view, lang,
                                       rotation, diag_inch, now)) {
                rc = LOOP_WRONG_PICTURE;
                break;
            }
            SDL_RenderPresent(ren);
            if (!ready && !verify)
                app_first_frame_log(d, rotation, fonts_path, false,
                                    "first frame not checked");
            if (announce)
                log_info("app", "new content on screen");
            announce = false;
            if (!ready) /* the first frame is up: tell the supervisor */
                ready = platform_notify("READY=1") || true;
            /* An animation asks for the next frame; vsync paces it. */
            if (anim) {
                SDL_Event tick = {.type = frame_event};
                SDL_PushEvent(&tick);
            }
            frames++;
            dirty = false;
            log_trace("app", "frame %lu at %dx%d", frames, w, h);
        }
        /* Sleep until an event, or until the idle timer has work. */
        SDL_Event ev;
        uint32_t now_ms = SDL_GetTicks();
        /* The watchdog: a main loop that stops coming here is killed. */
        if (watchdog && now_ms - pinged >= watchdog) {
            platform_notify("WATCHDOG=1");
            pinged = now_ms;
        }
        int wait = exhibit_app_wait_ms(app, now_ms);
        if (watchdog) {
            int next = (int)(watchdog - (now_ms - pinged));
            wait = wait < 0 || next < wait ? next : wait;
        }
        if (ui_import_panel_visible(panel) &&
            ui_import_panel_finished(panel)) {
            int left = panel_until > now_ms ? (int)(panel_until - now_ms) : 0;
            if (left == 0) {
                ui_import_panel_hide(panel);
                dirty = true;
                continue;
            }
            wait = wait < 0 || left < wait ? left : wait;
        }
        if (!(wait < 0 ? SDL_WaitEvent(&ev)
                       : SDL_WaitEventTimeout(&ev, wait + 1))) {
            if (wait < 0)
                break;
            dirty |= exhibit_app_tick(app, SDL_GetTicks());
            continue;
        }
        do {
            switch (ev.type) {
            case SDL_QUIT:
                quit = true;
                break;
            case SDL_KEYDOWN:
                /* In kiosk mode no key does anything (Escape, Ctrl+Q,
                 * Alt+F4 are all ignored); a window closes on Escape. */
                if (windowed && ev.key.keysym.sym == SDLK_ESCAPE &&
                    !exhibit_app_staff_open(app))
                    quit = true;
                else if (windowed && ev.key.keysym.sym == SDLK_F2) {
                    /* A desktop has no two fingers: F2 stands in for the
                     * staff gesture, in a window only. */
                    exhibit_app_open_staff(app, SDL_GetTicks());
                    dirty = true;
                } else if (!windowed)
                    log_info("app", "key ignored (kiosk mode)");
                break;
            case SDL_MOUSEBUTTONDOWN:
            case SDL_MOUSEBUTTONUP:
            case SDL_MOUSEMOTION:
            case SDL_FINGERDOWN:
            case SDL_FINGERUP:
            case SDL_FINGERMOTION: {
                /* Mouse and touch are one: both become pointer events
                 * for the gesture recognizer. */
                struct input_pointer_event pe;
                int sw, sh;
                SDL_GetRendererOutputSize(ren, &sw, &sh);
                if (to_pointer(&ev, sw, sh, &pe)) {
                    render_rotation_to_logical(rot, pe.x, pe.y, &pe.x,
                                               &pe.y);
                    dirty |= exhibit_app_pointer(app, ren, &pe);
                }
                break;
            }
            case SDL_MOUSEWHEEL:
                exhibit_app_scroll(app, (float)(-ev.wheel.y * 80),
                                   SDL_GetTicks());
                dirty = true;
                break;
            case SDL_WINDOWEVENT:
                if (ev.window.event == SDL_WINDOWEVENT_CLOSE && windowed)
                    quit = true;
                if (ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
                    relayout = true;
                if (ev.window.event == SDL_WINDOWEVENT_EXPOSED ||
                    ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
                    dirty = true;
                break;
            case SDL_RENDER_TARGETS_RESET:
            case SDL_RENDER_DEVICE_RESET:
                atlas_clear(atlas); /* its textures are gone */
                dirty = true;
                break;
            default:
                if (ev.type == reload_event) {
                    /* Keep the newest; take it when no finger is down. */
                    if (pending) {
                        content_destroy(pending->exhibit);
                        diag_list_fini(&pending->diags);
                        free(pending);
                    }
                    pending = ev.user.data1;
                } else if (ev.type == status_event) {
                    ui_import_panel_set(panel, ev.user.data1, w, h);
                    free(ev.user.data1);
                    if (ui_import_panel_finished(panel))
                        panel_until = SDL_GetTicks() + UI_IMPORT_RESULT_MS;
                    dirty = true;
                    log_info("app", "import status shown");
                } else if (ev.type == frame_event) {
                    dirty = true; /* the next animation frame */
                }
                break;
            }
        } while (SDL_PollEvent(&ev));
        dirty |= exhibit_app_tick(app, SDL_GetTicks());
        switch (exhibit_app_take_action(app)) {
        case STAFF_ACTION_RESTART:
            log_info("app", "restarting at the staff's request");
            quit = true; /* the service manager starts it again */
            break;
        case STAFF_ACTION_CONSOLE:
            log_info("app", "leaving for the console at the staff's "
                     "request");
            rc = CLI_CONSOLE;
            quit = true;
            break;
        default:
            break;
        }
        if (pending && exhibit_app_quiet(app)) {
            exhibit_view_take(view, pending);
            free(pending);
            pending = NULL;
            content_news(view, app);
            relayout = dirty = announce = true;
        }
    }
    if (pending) {
        content_destroy(pending->exhibit);
        diag_list_fini(&pending->diags);
        free(pending);
    }
    ui_import_panel_destroy(panel);
    exhibit_app_destroy(app);
    render_rotation_destroy(rot);
    atlas_destroy(atlas);
    return rc;
}

int mode_run(int argc, char **argv, const struct cli_common *common)
{
    bool windowed = false;
    int w = 1920, h = 1080;
    const char *state = common->state_dir;
    int rotation = common->rotation;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v;
        if (strcmp(a, "--windowed") == 0) {
            windowed = true;
        } else if (strcmp(a, "--state-dir") == 0) {
            if (!(state = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
        } else if (strcmp(a, "--rotate") == 0) {
            long deg;
            if (!(v = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
            if (!cli_parse_int(v, 0, 270, &deg) ||
                !render_rotation_valid((int)deg))
                return cli_usage_error(MODE, "--rotate '%s' must be 0, 90, "
                                       "180 or 270 (degrees clockwise)", v);
            rotation = (int)deg;
        } else if (strcmp(a, "--size") == 0) {
            if (!(v = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
            if (!cli_parse_size(v, &w, &h))
                return cli_usage_error(MODE, "--size '%s' must be WxH, e.g. "
                                       "1280x720", v);
        } else {
            return cli_usage_error(MODE, "unknown option '%s'", a);
        }
    }
    struct text_fonts *fonts = app_fonts_load(common);
    int rc = CLI_FAIL;
    if (!windowed) {
        /* Lockdown: a window manager's close request (Alt+F4) does not
         * end the kiosk -- only the service manager's SIGTERM does -- and
         * the keyboard stays with the exhibit. */
        SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
        SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
        /* On its console (kiosk.service's tty1) the keyboard is the
         * exhibit's alone from now on, while it waits for a display too;
         * SDL's own console handling (on KMSDRM) keeps it so. */
        char console[256];
        if (platform_console_claim(console, sizeof console))
            log_info("app", "console %s", console);
        else
            log_debug("app", "console: %s", console);
    }
    struct app_display disp;
    if (!app_display_open(&disp, windowed, w, h)) {
        app_display_close(&disp);
        platform_console_release();
        text_fonts_destroy(fonts);
        return CLI_FAIL;
    }
    {
        if (!windowed)
            SDL_ShowCursor(SDL_DISABLE);
        /* With a state directory (the USB import's releases) the exhibit
         * shows `current` -- or, self-healing, the newest release that
         * loads, or the shipped content -- and follows its switches;
         * without one, the content folder, watched in a window for the
         * curator preview. */
        char current[4200], picked[4200];
        bool releases = state != NULL;
        if (state)
            snprintf(current, sizeof current, "%s/current", state);
        app_pick_content(state, common->content_dir, fonts, picked,
                         sizeof picked);
        const char *dir = picked;
        if (!fonts || common->config_error) {
            /* Never a black screen: show that a technician is needed. */
            log_error("app", "showing the error screen: %s",
                      !fonts ? "the fonts could not be loaded"
                             : "the settings file could not be read");
            rc = error_loop(disp.renderer, windowed, rotation);
            goto out;
        }
        struct exhibit_view *view = exhibit_view_create(fonts, dir);
        /* Visitors never see the curator's overlay (staff: panel, log,
         * status); the curator's window shows it. */
        exhibit_view_set_curator(view, windowed);
        if (!exhibit_view_reload(view))
            diag_list_print(exhibit_view_diags(view), stderr);
        reload_event = SDL_RegisterEvents(3);
        frame_event = reload_event + 1;
        status_event = reload_event + 2;
        struct platform_watch *watch = NULL;
        char status_path[4200];
        snprintf(status_path, sizeof status_path, "%s/import-status",
                 state ? state : ".");
        struct watch_ctx wctx = {view, releases ? current : NULL, "",
                                 releases ? status_path : NULL, ""};
        if (releases) { /* an old status is not news */
            FILE *sf = fopen(status_path, "r");
            if (sf && !fgets(wctx.status_seen, sizeof wctx.status_seen, sf))
                wctx.status_seen[0] = '\0';
            if (sf)
                fclose(sf);
        }
        if (releases) {
            ssize_t n = readlink(current, wctx.seen, sizeof wctx.seen - 1);
            wctx.seen[n > 0 ? n : 0] = '\0';
        }
        if (reload_event != (Uint32)-1 && releases)
            watch = platform_watch_create(state, 50, content_changed, &wctx);
        else if (reload_event != (Uint32)-1 && windowed)
            watch = platform_watch_create(dir, 200, content_changed, &wctx);
        struct staff_setup staff = {common->staff_pin,
                                    releases ? state : NULL, dir, rotation,
                                    common->screen_diagonal_inch, false};
        /* The first frame is checked; a renderer that draws it wrongly
         * gives way to the next.  If none draws it right, the first is
         * used unchecked rather than showing nothing. */
        bool verify = true;
        while ((rc = loop(&disp, verify, fonts, common->fonts_manifest,
                          view, windowed, releases ? state : NULL,
                          common->screen_diagonal_inch, rotation,
                          common->idle_timeout_s, &staff)) ==
               LOOP_WRONG_PICTURE) {
            char failed[32];
            snprintf(failed, sizeof failed, "%s", disp.renderer_name);
            if (!app_display_next_renderer(&disp)) {
                log_error("app", "no renderer left that draws the first "
                          "frame as meant; the screen may be wrong");
                disp.next = 0;
                if (!app_display_next_renderer(&disp))
                    break;
                verify = false;
            } else {
                log_warn("app", "renderer %s drew a wrong picture; trying "
                         "%s", failed, disp.renderer_name);
            }
        }
        platform_watch_destroy(watch);
        exhibit_view_destroy(view);
    }
out:
    app_display_close(&disp);
    platform_console_release();
    text_fonts_destroy(fonts);
    return rc;
}
