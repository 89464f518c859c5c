/* rotate.c: the turned display of rotate.h. */
#include <stdlib.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "render/rotate.h"

struct render_rotation {
    SDL_Renderer *renderer; /* borrowed */
    int degrees;
    SDL_Texture *picture; /* logical size; NULL at 0 degrees */
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
    return rot;
}

void render_rotation_destroy(struct render_rotation *rot)
{
    if (!rot)
        return;
    if (rot->picture)
        SDL_DestroyTexture(rot->picture);
    free(rot);
}

int render_rotation_degrees(const struct render_rotation *rot)
{
    return rot->degrees;
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

void render_rotation_end(struct render_rotation *rot)
{
    if (!rot->active)
        return;
    rot->active = false;
    SDL_SetRenderTarget(rot->renderer, NULL);
    int lw, lh;
    render_rotation_logical_size(rot, rot->out_w, rot->out_h, &lw, &lh);
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
