/* touch_ring.h: the exhibit's "touch here" accent -- a ring that breathes
 * (its radius grows and shrinks; its colour never fades), with a paper
 * halo so it reads on the map's fills as on paper, and optionally a
 * fingertip dot in the middle.
 *
 * Every radius the breath passes through is painted once, anti-aliased,
 * into one strip texture when the ring is set (map/raster.c does the
 * coverage); a frame copies one cell.  The ring is the accent colour, at
 * least 4.5:1 against paper in every phase (tests/test_home.c measures
 * it).  Owner: the caller's storage, zeroed; the ring owns its texture. */
#ifndef UI_TOUCH_RING_H
#define UI_TOUCH_RING_H

#include <stdbool.h>

#include <SDL.h>

#define UI_TOUCH_RING_STEPS 16 /* radii painted between smallest and largest */

struct ui_touch_ring {
    SDL_Texture *strip; /* UI_TOUCH_RING_STEPS cells side by side */
    int cell;           /* a cell's side, px */
};

/* Paints a ring whose radius breathes up to `radius` px, drawn `stroke`
 * px wide; with `dot`, a filled dot of a third of the radius in the
 * middle.  False (logged) if the texture cannot be made. */
bool ui_touch_ring_set(struct ui_touch_ring *t, SDL_Renderer *renderer,
                       int radius, int stroke, bool dot);
void ui_touch_ring_fini(struct ui_touch_ring *t);

/* The ring centred on (x, y) at `phase` (0..1) of its breath: smallest at
 * 0 and 1, largest at 0.5. */
void ui_touch_ring_draw(const struct ui_touch_ring *t, SDL_Renderer *r,
                        int x, int y, float phase);

/* The box the ring may cover, centred on (x, y). */
SDL_Rect ui_touch_ring_box(const struct ui_touch_ring *t, int x, int y);

#endif
