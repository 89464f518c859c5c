/* rotate.c: the turned display of rotate.h. */
#include <stdlib.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "render/rotate.h"

struct render_rotation {
    SDL_Renderer *renderer; /* borrowed */
    int degrees;
    SDL_Texture *picture; /* logical size; NULL at 0 degrees */
    /* The software renderer turns pictures slowly (SDL_RenderCopyEx
     * resamples through intermediate surfaces), so there the picture is
     * read back and turned here, a plain pixel permutation, into `screen`. */
    bool by_hand;
    SDL_Texture *screen; /* streaming, output size; by_hand only */
    uint32_t *pixels;    /* the picture read back; by_hand only */
    size_t pixels_cap;
    int out_w, out_h;     /* the output at the last begin */
    bool active;          /* begin set the picture as the target */
};

bool render_rotation_valid(int degrees)
{
    return degrees == 0 || degrees == 90 || degrees == 180 || degrees == 270;
}

struct render_rotation *render_rotation_create(SDL_Renderer *renderer,
                                               int degrees)
{
    if (!render_rotation_valid(degrees)) {
        log_error("render", "rotation %d: must be 0, 90, 180 or 270",
                  degrees);
        return NULL;
    }
    struct render_rotation *rot = xcalloc(1, sizeof *rot);
    rot->renderer = renderer;
    rot->degrees = degrees;
    SDL_RendererInfo info;
    rot->by_hand = SDL_GetRendererInfo(renderer, &info) == 0 &&
                   (info.flags & SDL_RENDERER_SOFTWARE);
    return rot;
}

void render_rotation_destroy(struct render_rotation *rot)
{
    if (!rot)
        return;
    if (rot->picture)
        SDL_DestroyTexture(rot->picture);
    if (rot->screen)
        SDL_DestroyTexture(rot->screen);
    free(rot->pixels);
    free(rot);
}

int render_rotation_degrees(const struct render_rotation *rot)
{
    return rot->degrees;
}

void render_rotation_set_by_hand(struct render_rotation *rot, bool by_hand)
{
    rot->by_hand = by_hand;
}

static bool sideways(const struct render_rotation *rot)
{
    return rot->degrees == 90 || rot->degrees == 270;
}

void render_rotation_logical_size(const struct render_rotation *rot,
                                  int out_w, int out_h, int *w, int *h)
{
    *w = sideways(rot) ? out_h : out_w;
    *h = sideways(rot) ? out_w : out_h;
}

bool render_rotation_begin(struct render_rotation *rot, int *w, int *h)
{
    SDL_GetRendererOutputSize(rot->renderer, &rot->out_w, &rot->out_h);
    render_rotation_logical_size(rot, rot->out_w, rot->out_h, w, h);
    rot->active = false;
    if (rot->degrees == 0)
        return true;
    int tw = 0, th = 0;
    if (rot->picture)
        SDL_QueryTexture(rot->picture, NULL, NULL, &tw, &th);
    if (!rot->picture || tw != *w || th != *h) {
        if (rot->picture)
            SDL_DestroyTexture(rot->picture);
        rot->picture = SDL_CreateTexture(rot->renderer,
                                         SDL_PIXELFORMAT_ARGB8888,
                                         SDL_TEXTUREACCESS_TARGET, *w, *h);
        if (!rot->picture) {
            log_error("render", "cannot make the %dx%d picture for a "
                      "turned display: %s", *w, *h, SDL_GetError());
            *w = rot->out_w, *h = rot->out_h;
            return false;
        }
        /* The picture covers the screen: copy it, do not blend it. */
        SDL_SetTextureBlendMode(rot->picture, SDL_BLENDMODE_NONE);
        SDL_SetTextureScaleMode(rot->picture, SDL_ScaleModeNearest);
    }
    if (SDL_SetRenderTarget(rot->renderer, rot->picture) != 0) {
        log_error("render", "cannot draw into the turned picture: %s",
                  SDL_GetError());
        *w = rot->out_w, *h = rot->out_h;
        return false;
    }
    rot->active = true;
    return true;
}

/* Screen pixel (x, y) of a W x H screen shows logical pixel
 *     90: (y, W-1-x)    180: (W-1-x, H-1-y)    270: (H-1-y, x)
 * of the lw-wide picture `src`; rows of `dst` are `pitch` pixels apart. */
static void turn(const uint32_t *src, int lw, uint32_t *dst, int pitch,
                 int w, int h, int degrees)
{
    for (int y = 0; y < h; y++) {
        uint32_t *row = dst + (size_t)y * (size_t)pitch;
        if (degrees == 180) {
            const uint32_t *from = src + (size_t)(h - 1 - y) * (size_t)lw;
            for (int x = 0; x < w; x++)
                row[x] = from[w - 1 - x];
        } else if (degrees == 90) {
            for (int x = 0; x < w; x++)
                row[x] = src[(size_t)(w - 1 - x) * (size_t)lw + (size_t)y];
        } else {
            for (int x = 0; x < w; x++)
                row[x] = src[(size_t)x * (size_t)lw + (size_t)(h - 1 - y)];
        }
    }
}

/* The software renderer's path: read back, turn, copy.  False if a step
 * failed (the caller falls back to SDL_RenderCopyEx). */
static bool end_by_hand(struct render_rotation *rot, int lw, int lh)
{
    size_t n = (size_t)lw * (size_t)lh;
    if (n > rot->pixels_cap) {
        free(rot->pixels);
        rot->pixels = malloc(n * sizeof *rot->pixels); /* screen-sized */
        rot->pixels_cap = rot->pixels ? n : 0;
        if (!rot->pixels)
            return false;
    }
    if (SDL_RenderReadPixels(rot->renderer, NULL, SDL_PIXELFORMAT_ARGB8888,
                             rot->pixels, lw * 4) != 0)
        return false;
    SDL_SetRenderTarget(rot->renderer, NULL);
    int tw = 0, th = 0;
    if (rot->screen)
        SDL_QueryTexture(rot->screen, NULL, NULL, &tw, &th);
    if (!rot->screen || tw != rot->out_w || th != rot->out_h) {
        if (rot->screen)
            SDL_DestroyTexture(rot->screen);
        rot->screen = SDL_CreateTexture(
            rot->renderer, SDL_PIXELFORMAT_ARGB8888,
            SDL_TEXTUREACCESS_STREAMING, rot->out_w, rot->out_h);
        if (!rot->screen)
            return false;
        SDL_SetTextureBlendMode(rot->screen, SDL_BLENDMODE_NONE);
    }
    void *dst;
    int pitch;
    if (SDL_LockTexture(rot->screen, NULL, &dst, &pitch) != 0)
        return false;
    turn(rot->pixels, lw, dst, pitch / 4, rot->out_w, rot->out_h,
         rot->degrees);
    SDL_UnlockTexture(rot->screen);
    SDL_RenderCopy(rot->renderer, rot->screen, NULL, NULL);
    return true;
}

void render_rotation_end(struct render_rotation *rot)
{
    if (!rot->active)
        return;
    rot->active = false;
    int lw, lh;
    render_rotation_logical_size(rot, rot->out_w, rot->out_h, &lw, &lh);
    if (rot->by_hand && end_by_hand(rot, lw, lh))
        return;
    SDL_SetRenderTarget(rot->renderer, NULL);
    /* The picture's centre on the screen's; SDL turns clockwise about it. */
    SDL_Rect dst = {(rot->out_w - lw) / 2, (rot->out_h - lh) / 2, lw, lh};
    SDL_RenderCopyEx(rot->renderer, rot->picture, NULL, &dst,
                     (double)rot->degrees, NULL, SDL_FLIP_NONE);
}

void render_rotation_to_logical(const struct render_rotation *rot, float x,
                                float y, float *lx, float *ly)
{
    float w = (float)rot->out_w, h = (float)rot->out_h;
    switch (rot->degrees) {
    case 90:
        *lx = y, *ly = w - x;
        break;
    case 180:
        *lx = w - x, *ly = h - y;
        break;
    case 270:
        *lx = h - y, *ly = x;
        break;
    default:
        *lx = x, *ly = y;
        break;
    }
}
