/* headless.h: an off-screen render target (a surface and a software
 * renderer) for screenshots and tests, needing no window or display.
 *
 * The target's surface is ARGB8888 of the given size; whatever is drawn
 * with its renderer lands in it once render_target_flush has run (SDL
 * batches draw calls).  render_headless_init picks SDL's dummy video driver
 * unless SDL_VIDEODRIVER names one, so it works on a machine without a
 * display, over ssh or in CI.
 *
 * Owner: render_target_create returns a target the caller owns; its
 * surface and renderer are owned by it and valid until
 * render_target_destroy.  Textures made with the renderer (an atlas) must
 * be destroyed before the target. */
#ifndef RENDER_HEADLESS_H
#define RENDER_HEADLESS_H

#include <stdbool.h>

#include <SDL.h>

struct render_target {
    SDL_Surface *surface;   /* ARGB8888, width x height */
    SDL_Renderer *renderer; /* software, draws into surface */
    int width, height;
};

/* Initialises SDL video (the dummy driver unless SDL_VIDEODRIVER is set)
 * and SDL_image's PNG support, if not done yet.  False (logged) on
 * failure.  Each successful call is paired with render_headless_quit. */
bool render_headless_init(void);
void render_headless_quit(void);

/* A target of w x h pixels, cleared to opaque black.  NULL (logged) if
 * SDL cannot make it. */
struct render_target *render_target_create(int w, int h);
void render_target_destroy(struct render_target *target);

/* Makes every queued draw call land in the surface. */
void render_target_flush(struct render_target *target);

/* Flushes, then writes the surface as a PNG.  False (logged) on failure. */
bool render_target_save_png(struct render_target *target, const char *path);

#endif
