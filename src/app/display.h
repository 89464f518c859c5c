/* display.h: the screen the exhibit draws on -- SDL's video driver, a
 * window and a renderer chosen deliberately, and proof of the first frame.
 *
 * In kiosk mode (fullscreen) the display device may appear after the
 * program starts (a DRM driver loaded by udev a moment after boot, a
 * panel switched on later): app_display_open waits for it, telling the
 * service manager it is alive and why it waits.  The renderer is tried
 * from a list made for the video driver: on KMSDRM (the Pi) GLES2 first
 * -- the Pi's native API, and the one that needs no desktop libGL --
 * then desktop OpenGL, then SDL's software renderer; on a desktop SDL's
 * own choice, then software.  A renderer can be created and still draw
 * wrongly (OpenGL on KMSDRM without libGL clears the page and draws no
 * text), so the caller checks its first frame (app_display_check_frame)
 * and, if the picture is wrong, moves on (app_display_next_renderer).
 *
 * Owner: the caller's struct; app_display_close frees the window and
 * renderer and quits SDL's video. */
#ifndef APP_DISPLAY_H
#define APP_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "render/frame_check.h"
#include "render/headless.h"

#define APP_DISPLAY_MAX_RENDERERS 4

struct app_display {
    SDL_Window *window;
    SDL_Renderer *renderer;
    bool windowed;
    const char *order[APP_DISPLAY_MAX_RENDERERS]; /* NULL name: SDL's */
    int count, next;       /* renderers to try, the next one's index */
    char renderer_name[32];
};

/* Starts SDL video and opens the window (fullscreen unless windowed, then
 * w x h) with the first renderer that can be made.  In kiosk mode it
 * waits as long as it takes for a display, pinging the service manager.
 * False (logged) if there is none or no renderer can be made. */
bool app_display_open(struct app_display *d, bool windowed, int w, int h);

/* Replaces the renderer with the next one in the list (logged); false
 * when none is left.  Every texture of the old renderer is gone. */
bool app_display_next_renderer(struct app_display *d);

/* "video kmsdrm, renderer opengles2, 1280x800@60" */
void app_display_describe(const struct app_display *d, char *buf, size_t n);

/* Compares what was just drawn into the renderer (before
 * SDL_RenderPresent) with `ref`, the same frame drawn by the software
 * renderer at the same output size: the region with the most ink is read
 * back.  False if the picture is wrong or cannot be read back. */
bool app_display_check_frame(struct app_display *d,
                             const struct render_target *ref,
                             struct frame_rect *where,
                             struct frame_check *result);

void app_display_close(struct app_display *d);

/* The display's diagonal in inches as SDL reports it (its DPI and mode),
 * or 0 when it does not know. */
double app_display_diagonal_inch(const struct app_display *d);

#endif
