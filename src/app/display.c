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

/* SDL's video, waiting for a display in kiosk mode: the DRM device can
 * appear after the service starts, and a panel can be switched on late. */
static bool video_init(bool windowed)
{
    uint32_t start = 0, logged = 0;
    bool waiting = false;
    for (;;) {
        if (SDL_InitSubSystem(SDL_INIT_VIDEO) == 0) {
            if (SDL_GetNumVideoDisplays() > 0) {
                if (waiting)
                    log_info("app", "display found after %.1f s",
                             (SDL_GetTicks() - start) / 1000.0);
                return true;
            }
            SDL_SetError("no display is connected");
            SDL_QuitSubSystem(SDL_INIT_VIDEO);
        }
        if (windowed) {
            log_error("app", "SDL cannot start video: %s", SDL_GetError());
            return false;
        }
        uint32_t now = SDL_GetTicks();
        if (!waiting || now - logged >= WAIT_LOG_EVERY_MS) {
            log_info("app", "waiting for a display (%s)", SDL_GetError());
            logged = now;
        }
        if (!waiting) {
            start = now;
            platform_notify("STATUS=waiting for a display");
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
