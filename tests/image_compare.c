/* image_compare.c: tolerant image comparison for screenshot tests.
 *
 * Both images are converted to ARGB8888 before comparing, so a golden
 * saved as RGB or RGBA PNG compares the same way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_image.h>

#include "check.h"
#include "image_compare.h"

static SDL_Surface *to_argb(SDL_Surface *s)
{
    return SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
}

static uint32_t pixel(const SDL_Surface *s, int x, int y)
{
    const uint8_t *row = (const uint8_t *)s->pixels + (size_t)y * s->pitch;
    return ((const uint32_t *)row)[x];
}

static int channel_diff(uint32_t a, uint32_t b)
{
    int worst = 0;
    for (int shift = 0; shift < 32; shift += 8) {
        int d = (int)((a >> shift) & 0xff) - (int)((b >> shift) & 0xff);
        if (d < 0)
            d = -d;
        if (d > worst)
            worst = d;
    }
    return worst;
}

/* The golden's pixel faded three quarters of the way to white. */
static uint32_t faded(uint32_t p)
{
    uint32_t out = 0xff000000u;
    for (int shift = 0; shift < 24; shift += 8) {
        uint32_t c = (p >> shift) & 0xff;
        out |= ((c + 3 * 255) / 4) << shift;
    }
    return out;
}

bool image_compare(SDL_Surface *actual, SDL_Surface *golden,
                   const struct image_tolerance *tol, struct image_diff *out,
                   SDL_Surface **diff_out)
{
    memset(out, 0, sizeof *out);
    if (diff_out)
        *diff_out = NULL;
    out->same_size = actual->w == golden->w && actual->h == golden->h;
    if (!out->same_size)
        return false;
    SDL_Surface *a = to_argb(actual), *g = to_argb(golden);
    SDL_Surface *d = NULL;
    if (diff_out)
        d = SDL_CreateRGBSurfaceWithFormat(0, a->w, a->h, 32,
                                           SDL_PIXELFORMAT_ARGB8888);
    for (int y = 0; y < a->h; y++) {
        for (int x = 0; x < a->w; x++) {
            uint32_t pa = pixel(a, x, y), pg = pixel(g, x, y);
            int diff = channel_diff(pa, pg);
            if (diff > out->max_diff)
                out->max_diff = diff;
            if (diff > tol->max_channel_diff)
                out->differing++;
            if (d) {
                uint32_t c = diff > tol->max_channel_diff ? 0xffff0000u
                             : diff > 0                    ? 0xffff9900u
                                                           : faded(pg);
                uint8_t *row = (uint8_t *)d->pixels + (size_t)y * d->pitch;
                ((uint32_t *)row)[x] = c;
            }
        }
    }
    out->pixels = (uint64_t)a->w * (uint64_t)a->h;
    SDL_FreeSurface(a);
    SDL_FreeSurface(g);
    if (diff_out)
        *diff_out = d;
    return (double)out->differing <= tol->max_fraction * (double)out->pixels;
}

bool image_compare_png(const char *actual_path, const char *golden_path,
                       const struct image_tolerance *tol,
                       struct image_diff *out)
{
    memset(out, 0, sizeof *out);
    SDL_Surface *a = IMG_Load(actual_path), *g = IMG_Load(golden_path);
    bool ok = a && g && image_compare(a, g, tol, out, NULL);
    SDL_FreeSurface(a);
    SDL_FreeSurface(g);
    return ok;
}

/* path without its ".png", then suffix. */
static void sibling(char *buf, size_t n, const char *path, const char *suffix)
{
    size_t len = strlen(path);
    if (len > 4 && strcmp(path + len - 4, ".png") == 0)
        len -= 4;
    snprintf(buf, n, "%.*s%s", (int)len, path, suffix);
}

bool image_check_golden(SDL_Surface *actual, const char *golden_path,
                        const struct image_tolerance *tol)
{
    const char *update = getenv("KIOSK_UPDATE_GOLDEN");
    if (update && strcmp(update, "1") == 0) {
        bool ok = IMG_SavePNG(actual, golden_path) == 0;
        return CHECK(ok, "cannot write golden %s: %s", golden_path,
                     IMG_GetError());
    }
    SDL_Surface *golden = IMG_Load(golden_path);
    if (!golden)
        return CHECK(false, "missing golden image %s (make golden): %s",
                     golden_path, IMG_GetError());
    struct image_diff res;
    SDL_Surface *diff = NULL;
    bool ok = image_compare(actual, golden, tol, &res, &diff);
    if (!ok) {
        char path[1024];
        sibling(path, sizeof path, golden_path, "_actual.png");
        IMG_SavePNG(actual, path);
        if (diff) {
            sibling(path, sizeof path, golden_path, "_diff.png");
            IMG_SavePNG(diff, path);
        }
    }
    if (!res.same_size)
        CHECK(false, "%s: size %dx%d, golden %dx%d", golden_path, actual->w,
              actual->h, golden->w, golden->h);
    else
        CHECK(ok, "%s: %llu of %llu pixels differ by more than %d "
              "(allowed %.3f%%), largest difference %d; see *_diff.png",
              golden_path, (unsigned long long)res.differing,
              (unsigned long long)res.pixels, tol->max_channel_diff,
              tol->max_fraction * 100.0, res.max_diff);
    SDL_FreeSurface(diff);
    SDL_FreeSurface(golden);
    return ok;
}
