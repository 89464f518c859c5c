/* headless.c: the off-screen render target of headless.h.
 *
 * SDL_Init counts its users, so render_headless_init can be called by every
 * test and tool that needs it; each call that succeeded is undone by one
 * render_headless_quit. */
#include <stdlib.h>

#include <SDL.h>
#include <SDL_image.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "render/headless.h"

bool render_headless_init(void)
{
    if (!SDL_getenv("SDL_VIDEODRIVER"))
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        log_error("render", "cannot initialise SDL video: %s",
                  SDL_GetError());
        return false;
    }
    if (!(IMG_Init(IMG_INIT_PNG) & IMG_INIT_PNG)) {
        log_error("render", "SDL_image has no PNG support: %s",
                  IMG_GetError());
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return false;
    }
    return true;
}

/* IMG_Init is not counted like SDL_Init, so SDL_image stays initialised
 * for whoever else uses it; it holds nothing that needs freeing. */
void render_headless_quit(void)
{
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

struct render_target *render_target_create(int w, int h)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
                                                    SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        log_error("render", "cannot create a %dx%d surface: %s", w, h,
                  SDL_GetError());
        return NULL;
    }
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    if (!r) {
        log_error("render", "cannot create a software renderer: %s",
                  SDL_GetError());
        SDL_FreeSurface(s);
        return NULL;
    }
    struct render_target *t = xcalloc(1, sizeof *t);
    t->surface = s;
    t->renderer = r;
    t->width = w;
    t->height = h;
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    SDL_RenderClear(r);
    render_target_flush(t);
    return t;
}

void render_target_destroy(struct render_target *t)
{
    if (!t)
        return;
    SDL_DestroyRenderer(t->renderer);
    SDL_FreeSurface(t->surface);
    free(t);
}

void render_target_flush(struct render_target *t)
{
    SDL_RenderFlush(t->renderer);
}

bool render_target_save_png(struct render_target *t, const char *path)
{
    render_target_flush(t);
    if (IMG_SavePNG(t->surface, path) != 0) {
        log_error("render", "cannot write %s: %s", path, IMG_GetError());
        return false;
    }
    return true;
}
