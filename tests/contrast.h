/* contrast.h: WCAG 2 contrast and reading pixels of rendered pictures, for
 * the tests that judge what a visitor sees. */
#ifndef TESTS_CONTRAST_H
#define TESTS_CONTRAST_H

#include <SDL.h>

/* WCAG 2 relative luminance (0..1) and the contrast ratio (1..21). */
double contrast_luminance(SDL_Color c);
double contrast_ratio(SDL_Color a, SDL_Color b);

/* The pixel at (x, y) of an ARGB8888 surface (clamped to it). */
SDL_Color contrast_pixel(const SDL_Surface *s, int x, int y);

/* The commonest colour of the pixels of `r` (clipped to the surface): the
 * background behind text. */
SDL_Color contrast_background(const SDL_Surface *s, SDL_Rect r);

/* The pixel of `r` that contrasts most with `bg`, and the ratio. */
double contrast_strongest(const SDL_Surface *s, SDL_Rect r, SDL_Color bg,
                          SDL_Color *ink);

#endif
