/* display.c: the video driver, window and renderer (display.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "app/display.h"
#include "core/log.h"
#include "platform/platform.h"

#define WAIT_STEP_MS 250
#define WAIT_LOG_EVERY_MS 60000
/* While waiting, ask the service manager for this much more start time. */
#define WAIT_EXTEND_US "EXTEND_TIMEOUT_USEC=20000000"

static void add(struct app_display *d, const char *name)
{
    for (int i = 0; i < d->count; i++)
        if ((!name && !d->order[i]) ||
            (name && d->order[i] && strcmp(name, d->order[i]) == 0))
            return;
    if (d->count < APP_DISPLAY_MAX_RENDERERS)
        d->order[d->count++] = name;
}

/* The renderers to try for this video driver, best first. */
static void make_order(struct app_display *d, const char *video)
{
    const char *forced = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    d->count = 0;
    if (forced && *forced)
        add(d, forced); /* the technician's choice first */
    /* SDL names its drivers in either case ("KMSDRM", "x11"). */
    if (SDL_strcasecmp(video, "kmsdrm") == 0) {
        add(d, "opengles2");
        add(d, "opengl");
        /* KMSDRM has no framebuffer of its own: SDL shows a software
         * renderer's picture through a GPU renderer, by default desktop
         * OpenGL -- the one that draws nothing without libGL. */
        SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION,
                                "opengles2", SDL_HINT_DEFAULT);
    } else if (SDL_strcasecmp(video, "dummy") != 0 &&
               SDL_strcasecmp(video, "offscreen") != 0) {
        add(d, NULL); /* SDL's choice for a desktop */
    }
    add(d, "software");
}

static SDL_Renderer *create(SDL_Window *win, const char *name)
{
    if (!name)
        return SDL_CreateRenderer(win, -1, SDL_RENDERER_ACCELERATED |
                                               SDL_RENDERER_PRESENTVSYNC);
    if (strcmp(name, "software") == 0)
        return SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    for (int i = 0; i < SDL_GetNumRenderDrivers(); i++) {
        SDL_RendererInfo info;
        if (SDL_GetRenderDriverInfo(i, &info) == 0 &&
            strcmp(info.name, name) == 0)
            return SDL_CreateRenderer(win, i, SDL_RENDERER_ACCELERATED |
                                                  SDL_RENDERER_PRESENTVSYNC);
    }
    SDL_SetError("SDL has no '%s' renderer", name);
    return NULL;
}

bool app_display_next_renderer(struct app_display *d)
{
    if (d->renderer) {
        SDL_DestroyRenderer(d->renderer);
        d->renderer = NULL;
    }
    while (d->next < d->count) {
        const char *name = d->order[d->next++];
        d->renderer = create(d->window, name);
        if (d->renderer) {
            SDL_RendererInfo info;
            SDL_GetRendererInfo(d->renderer, &info);
            snprintf(d->renderer_name, sizeof d->renderer_name, "%s",
                     info.name);
            return true;
        }
        log_warn("app", "renderer %s cannot be made: %s",
                 name ? name : "(SDL's choice)", SDL_GetError());
    }
    return false;
}

/* ---- finding a video driver ----------------------------------------------
 * SDL, left to itself, falls back to its "offscreen" driver when no real
 * one starts: the window opens nowhere and the kiosk runs unseen.  So the
 * drivers are tried one by one -- those SDL_VIDEODRIVER names, else every
 * driver SDL has that draws on a screen (a desktop one only when its
 * session's variable is set) -- and each failure is kept with its reason
 * for the message a technician reads. */

struct video_tries {
    char text[2048]; /* "  x11: DISPLAY is not set ...\n" per driver */
    size_t len;
    char first[256]; /* the first reason, for the service's status */
};

/* Drivers that open no screen: only when SDL_VIDEODRIVER names them. */
static bool draws_nowhere(const char *name)
{
    return SDL_strcasecmp(name, "offscreen") == 0 ||
           SDL_strcasecmp(name, "dummy") == 0 ||
           SDL_strcasecmp(name, "evdev") == 0;
}

static void note(struct video_tries *t, const char *name, const char *why)
{
    if (!t->first[0])
        snprintf(t->first, sizeof t->first, "%s: %s", name, why);
    int n = snprintf(t->text + t->len, sizeof t->text - t->len, "  %s: %s\n",
                     name, why);
    if (n > 0)
        t->len = t->len + (size_t)n < sizeof t->text ? t->len + (size_t)n
                                                     : sizeof t->text - 1;
}

/* A desktop driver's session variable, or NULL. */
static const char *session_var(const char *name)
{
    if (SDL_strcasecmp(name, "x11") == 0)
        return "DISPLAY";
    if (SDL_strcasecmp(name, "wayland") == 0)
        return "WAYLAND_DISPLAY";
    return NULL;
}

static bool known(const char *name)
{
    for (int i = 0; i < SDL_GetNumVideoDrivers(); i++)
        if (SDL_strcasecmp(SDL_GetVideoDriver(i), name) == 0)
            return true;
    return false;
}

/* "SDL has no such driver (it has: x11, wayland, KMSDRM, ...)" */
static void known_list(char *buf, size_t size)
{
    int n = snprintf(buf, size, "SDL has no such driver (it has:");
    for (int i = 0; n > 0 && (size_t)n < size && i < SDL_GetNumVideoDrivers();
         i++)
        n += snprintf(buf + n, size - (size_t)n, "%s %s", i ? "," : "",
                      SDL_GetVideoDriver(i));
    if (n > 0 && (size_t)n < size)
        snprintf(buf + n, size - (size_t)n, ")");
}

/* Starts SDL's video with driver `name`; false with the reason noted.
 * `named`: SDL_VIDEODRIVER asked for it, so it is tried whatever the
 * environment says. */
static bool try_driver(struct video_tries *t, const char *name, bool named)
{
    const char *var = session_var(name);
    const char *val = var ? SDL_getenv(var) : NULL;
    char why[512];
    if (var && !named && !(val && *val)) {
        snprintf(why, sizeof why, "not tried: %s is not set (no %s "
                 "desktop session)", var,
                 SDL_strcasecmp(name, "x11") == 0 ? "X11" : "Wayland");
        note(t, name, why);
        return false;
    }
    SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, name, SDL_HINT_OVERRIDE);
    bool ok = SDL_InitSubSystem(SDL_INIT_VIDEO) == 0;
    SDL_ResetHint(SDL_HINT_VIDEODRIVER);
    if (ok && SDL_GetNumVideoDisplays() > 0)
        return true;
    if (ok) {
        SDL_SetError("it starts, but no display is connected");
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
    }
    char dev[400];
    if (!known(name))
        known_list(why, sizeof why);
    else if (SDL_strcasecmp(name, "kmsdrm") == 0 && !ok &&
        !platform_display_device(dev, sizeof dev))
        snprintf(why, sizeof why, "%s", dev); /* what is really missing */
    else if (var && !(val && *val))
        snprintf(why, sizeof why, "%s (%s is not set)", SDL_GetError(), var);
    else if (var)
        snprintf(why, sizeof why, "%s (%s=%s)", SDL_GetError(), var, val);
    else
        snprintf(why, sizeof why, "%s", SDL_GetError());
    note(t, name, why);
    return false;
}

/* One round over the drivers; true when one started. */
static bool try_drivers(struct video_tries *t)
{
    t->len = 0;
    t->text[0] = t->first[0] = '\0';
    /* Events first, on their own: a video driver that fails takes down
     * what it started, and SDL's SIGTERM/SIGINT handlers (a quit event,
     * so the window closes cleanly) must outlive the failed tries. */
    if (!SDL_WasInit(SDL_INIT_EVENTS))
        SDL_InitSubSystem(SDL_INIT_EVENTS);
    const char *named = SDL_getenv("SDL_VIDEODRIVER");
    if (named && *named) {
        char list[256];
        snprintf(list, sizeof list, "%s", named);
        char *save = NULL;
        for (char *n = strtok_r(list, ",", &save); n;
             n = strtok_r(NULL, ",", &save))
            if (try_driver(t, n, true))
                return true;
        if (!t->len)
            note(t, "SDL_VIDEODRIVER", "names no driver");
        return false;
    }
    for (int i = 0; i < SDL_GetNumVideoDrivers(); i++) {
        const char *n = SDL_GetVideoDriver(i);
        if (n && !draws_nowhere(n) && try_driver(t, n, false))
            return true;
    }
    if (!t->len)
        note(t, "SDL", "has no video driver that draws on a screen");
    return false;
}

/* The message when there is no display: what was tried, what to do. */
static void log_no_display(const struct video_tries *t, bool waiting)
{
    const char *named = SDL_getenv("SDL_VIDEODRIVER");
    /* Waiting is a warning: the display may well come in a moment. */
    LOG_AT(waiting ? LOG_LEVEL_WARN : LOG_LEVEL_ERROR, "app",
              "%s: no display to draw on. Tried%s%s%s:\n%s"
              "What to do: run it in a desktop session (`make run` opens a "
              "window there); or name a driver with SDL_VIDEODRIVER "
              "(x11, wayland, kmsdrm; SDL_VIDEODRIVER=dummy draws nowhere, "
              "for tests); on the kiosk itself check that /dev/dri/card0 "
              "exists (the GPU's DRM driver, on a Raspberry Pi "
              "dtoverlay=vc4-kms-v3d) and that the kiosk's user may open "
              "it (the 'video' group, or a seat from logind), and that no "
              "desktop holds the screen.",
              waiting ? "waiting for a display" : "cannot start",
              named && *named ? " (SDL_VIDEODRIVER=" : "",
              named && *named ? named : "", named && *named ? ")" : "",
              t->text);
}

/* SDL's video.  Under a service manager in kiosk mode it waits for a
 * display as long as it takes: the DRM device can appear after the
 * service starts, and a panel can be switched on late.  A window, or a
 * kiosk started by hand, says what is missing and gives up at once. */
static bool video_init(bool windowed)
{
    uint32_t start = 0, logged = 0;
    bool waiting = false;
    struct video_tries t;
    for (;;) {
        if (try_drivers(&t)) {
            if (waiting)
                log_info("app", "display found after %.1f s",
                         (SDL_GetTicks() - start) / 1000.0);
            return true;
        }
        uint32_t now = SDL_GetTicks();
        if (!waiting) {
            char status[320];
            snprintf(status, sizeof status,
                     "STATUS=waiting for a display (%s)", t.first);
            /* Nobody to wait for the display with: the technician at the
             * terminal reads why at once. */
            if (windowed || !platform_notify(status)) {
                log_no_display(&t, false);
                return false;
            }
            start = logged = now;
            log_no_display(&t, true);
        } else if (now - logged >= WAIT_LOG_EVERY_MS) {
            log_info("app", "waiting for a display (%s)", t.first);
            logged = now;
        }
        waiting = true;
        platform_notify(WAIT_EXTEND_US);
        if (platform_watchdog_ms())
            platform_notify("WATCHDOG=1");
        SDL_Delay(WAIT_STEP_MS);
    }
}

bool app_display_open(struct app_display *d, bool windowed, int w, int h)
{
    memset(d, 0, sizeof *d);
    d->windowed = windowed;
    if (!video_init(windowed))
        return false;
    make_order(d, SDL_GetCurrentVideoDriver());
    Uint32 flags = windowed ? SDL_WINDOW_RESIZABLE
                            : SDL_WINDOW_FULLSCREEN_DESKTOP;
    d->window = SDL_CreateWindow("Work Team report, 29 May 1962",
                                 SDL_WINDOWPOS_CENTERED,
                                 SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!d->window) {
        log_error("app", "cannot open a window: %s", SDL_GetError());
        return false;
    }
    if (!app_display_next_renderer(d)) {
        log_error("app", "no renderer can draw on this display");
        return false;
    }
    return true;
}

void app_display_describe(const struct app_display *d, char *buf, size_t n)
{
    SDL_DisplayMode mode = {0};
    int idx = d->window ? SDL_GetWindowDisplayIndex(d->window) : 0;
    if (SDL_GetCurrentDisplayMode(idx < 0 ? 0 : idx, &mode) != 0)
        memset(&mode, 0, sizeof mode);
    int ow = 0, oh = 0;
    if (d->renderer)
        SDL_GetRendererOutputSize(d->renderer, &ow, &oh);
    char video[32];
    snprintf(video, sizeof video, "%s",
             SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "-");
    for (char *c = video; *c; c++) /* one spelling in the log: "kmsdrm" */
        *c = (char)SDL_tolower((unsigned char)*c);
    snprintf(buf, n, "video %s, renderer %s, %dx%d@%d", video,
             d->renderer ? d->renderer_name : "-", d->windowed ? ow : mode.w,
             d->windowed ? oh : mode.h, mode.refresh_rate);
}

bool app_display_check_frame(struct app_display *d,
                             const struct render_target *ref,
                             struct frame_rect *where,
                             struct frame_check *result)
{
    memset(result, 0, sizeof *result);
    SDL_Surface *s = ref->surface;
    const uint32_t *px = s->pixels;
    int pitch = s->pitch / 4;
    /* A tile about a sixth of the screen across: big enough to hold
     * words, small enough to read back in a moment. */
    int tw = ref->width / 6 > 64 ? ref->width / 6 : 64;
    int th = ref->height / 10 > 32 ? ref->height / 10 : 32;
    *where = frame_check_pick(px, ref->width, ref->height, pitch, tw, th);
    uint32_t *seen = malloc((size_t)where->w * (size_t)where->h * 4);
    if (!seen)
        return false;
    SDL_Rect r = {where->x, where->y, where->w, where->h};
    if (SDL_RenderReadPixels(d->renderer, &r, SDL_PIXELFORMAT_ARGB8888,
                             seen, where->w * 4) != 0) {
        log_warn("app", "renderer %s cannot read its frame back: %s",
                 d->renderer_name, SDL_GetError());
        free(seen);
        return false;
    }
    *result = frame_check_compare(px + (size_t)where->y * pitch + where->x,
                                  pitch, seen, where->w, where->w,
                                  where->h);
    free(seen);
    return result->ok;
}

void app_display_close(struct app_display *d)
{
    if (d->renderer)
        SDL_DestroyRenderer(d->renderer);
    if (d->window)
        SDL_DestroyWindow(d->window);
    d->renderer = NULL;
    d->window = NULL;
    SDL_Quit();
}

double app_display_diagonal_inch(const struct app_display *d)
{
    int idx = d->window ? SDL_GetWindowDisplayIndex(d->window) : 0;
    float ddpi = 0;
    SDL_DisplayMode mode;
    if (idx < 0 || SDL_GetDisplayDPI(idx, &ddpi, NULL, NULL) != 0 ||
        !(ddpi > 0) || SDL_GetCurrentDisplayMode(idx, &mode) != 0)
        return 0;
    return sqrt((double)mode.w * mode.w + (double)mode.h * mode.h) / ddpi;
}
