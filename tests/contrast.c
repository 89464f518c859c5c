/* contrast.c: WCAG contrast and pixels (see contrast.h). */
#include <stdlib.h>

#include "contrast.h"

static double channel(double c)
{
    c /= 255.0;
    return c <= 0.03928 ? c / 12.92 : SDL_pow((c + 0.055) / 1.055, 2.4);
}

double contrast_luminance(SDL_Color c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) +
           0.0722 * channel(c.b);
}

double contrast_ratio(SDL_Color a, SDL_Color b)
{
    double la = contrast_luminance(a), lb = contrast_luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

SDL_Color contrast_pixel(const SDL_Surface *s, int x, int y)
{
    x = x < 0 ? 0 : x >= s->w ? s->w - 1 : x;
    y = y < 0 ? 0 : y >= s->h ? s->h - 1 : y;
    const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels +
                                         (size_t)y * (size_t)s->pitch);
    Uint32 p = row[x];
    return (SDL_Color){(Uint8)(p >> 16), (Uint8)(p >> 8), (Uint8)p, 255};
}

static SDL_Rect clip(const SDL_Surface *s, SDL_Rect r)
{
    SDL_Rect all = {0, 0, s->w, s->h}, out;
    if (!SDL_IntersectRect(&r, &all, &out))
        out = (SDL_Rect){0, 0, 0, 0};
    return out;
}

SDL_Color contrast_background(const SDL_Surface *s, SDL_Rect r)
{
    r = clip(s, r);
    /* colours quantised to 4 bits a channel for the count */
    unsigned *count = calloc(4096, sizeof *count);
    SDL_Color best = {0, 0, 0, 255};
    unsigned most = 0;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            SDL_Color c = contrast_pixel(s, x, y);
            unsigned k = (unsigned)(c.r >> 4) << 8 | (unsigned)(c.g >> 4) << 4 |
                         (unsigned)(c.b >> 4);
            if (++count[k] > most) {
                most = count[k];
                best = c;
            }
        }
    free(count);
    return best;
}

double contrast_strongest(const SDL_Surface *s, SDL_Rect r, SDL_Color bg,
                          SDL_Color *ink)
{
    r = clip(s, r);
    double best = 1.0;
    *ink = bg;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            SDL_Color c = contrast_pixel(s, x, y);
            double k = contrast_ratio(c, bg);
            if (k > best) {
                best = k;
                *ink = c;
            }
        }
    return best;
}
