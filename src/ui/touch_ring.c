/* touch_ring.c: the breathing ring (see touch_ring.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "map/raster.h"
#include "ui/theme.h"
#include "ui/touch_ring.h"

#define SMALLEST 0.55f /* of the largest radius */
#define SEGMENTS 96

static void add_circle(struct map_raster *r, float c, float radius,
                       float width)
{
    float xy[2 * (SEGMENTS + 1)];
    for (int i = 0; i <= SEGMENTS; i++) {
        double a = 2 * M_PI * i / SEGMENTS;
        xy[2 * i] = c + radius * (float)cos(a);
        xy[2 * i + 1] = c + radius * (float)sin(a);
    }
    map_raster_add_stroke(r, xy, SEGMENTS + 1, width);
}

/* The coverage of what was added, 0..255, into mask (cell x cell). */
static void cover(struct map_raster *r, uint32_t *scratch, uint8_t *mask)
{
    memset(mask, 0, (size_t)r->w * (size_t)r->h);
    map_raster_paint(r, scratch, r->w, 0, 255, mask);
}

static uint8_t mix(uint8_t fg, uint8_t bg, float a_fg, float a_bg, float a)
{
    float v = (fg * a_fg + bg * a_bg * (1 - a_fg)) / a;
    return (uint8_t)(v > 255 ? 255 : v + 0.5f);
}

/* Cell `k` of the strip: the ring (accent) over its halo (paper). */
static void paint_cell(struct map_raster *r, uint32_t *scratch,
                       uint8_t *ring, uint8_t *halo, uint32_t *out,
                       int pitch, int k, float radius, float stroke,
                       bool dot)
{
    int n = r->w;
    float c = n / 2.0f;
    float s = (float)k / (UI_TOUCH_RING_STEPS - 1);
    float rad = radius * (SMALLEST + (1 - SMALLEST) * s);
    float pad = stroke * 0.75f;
    add_circle(r, c, rad, stroke + 2 * pad);
    if (dot)
        map_raster_add_disc(r, c, c, radius / 3 + pad);
    cover(r, scratch, halo);
    add_circle(r, c, rad, stroke);
    if (dot)
        map_raster_add_disc(r, c, c, radius / 3);
    cover(r, scratch, ring);
    const struct ui_palette *pal = ui_theme_palette();
    SDL_Color fg = pal->accent, bg = pal->paper;
    for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++) {
            size_t i = (size_t)y * (size_t)n + (size_t)x;
            float ar = ring[i] / 255.0f, ah = halo[i] / 255.0f;
            float a = ar + ah * (1 - ar);
            uint32_t px = 0;
            if (a > 0)
                px = (uint32_t)(a * 255 + 0.5f) << 24 |
                     (uint32_t)mix(fg.r, bg.r, ar, ah, a) << 16 |
                     (uint32_t)mix(fg.g, bg.g, ar, ah, a) << 8 |
                     mix(fg.b, bg.b, ar, ah, a);
            out[(size_t)y * (size_t)pitch + (size_t)(k * n + x)] = px;
        }
}

bool ui_touch_ring_set(struct ui_touch_ring *t, SDL_Renderer *renderer,
                       int radius, int stroke, bool dot)
{
    ui_touch_ring_fini(t);
    if (radius < 2 || stroke < 1)
        return false;
    int n = 2 * (radius + stroke * 2) + 2;
    int pitch = n * UI_TOUCH_RING_STEPS;
    struct map_raster *r = map_raster_create(n, n);
    uint32_t *scratch = xmalloc((size_t)n * (size_t)n * sizeof *scratch);
    uint8_t *ring = xmalloc((size_t)n * (size_t)n);
    uint8_t *halo = xmalloc((size_t)n * (size_t)n);
    uint32_t *strip = xmalloc((size_t)pitch * (size_t)n * sizeof *strip);
    for (int k = 0; k < UI_TOUCH_RING_STEPS; k++)
        paint_cell(r, scratch, ring, halo, strip, pitch, k, (float)radius,
                   (float)stroke, dot);
    t->strip = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888,
                                 SDL_TEXTUREACCESS_STATIC, pitch, n);
    if (t->strip) {
        SDL_UpdateTexture(t->strip, NULL, strip, pitch * 4);
        SDL_SetTextureBlendMode(t->strip, SDL_BLENDMODE_BLEND);
        t->cell = n;
    } else {
        log_error("ui", "cannot make the touch ring's texture: %s",
                  SDL_GetError());
    }
    free(strip);
    free(halo);
    free(ring);
    free(scratch);
    map_raster_destroy(r);
    return t->strip != NULL;
}

void ui_touch_ring_fini(struct ui_touch_ring *t)
{
    if (t->strip)
        SDL_DestroyTexture(t->strip);
    t->strip = NULL;
    t->cell = 0;
}

SDL_Rect ui_touch_ring_box(const struct ui_touch_ring *t, int x, int y)
{
    return (SDL_Rect){x - t->cell / 2, y - t->cell / 2, t->cell, t->cell};
}

void ui_touch_ring_draw(const struct ui_touch_ring *t, SDL_Renderer *r,
                        int x, int y, float phase)
{
    if (!t->strip)
        return;
    /* An even breath: slow at either end, like the old pulse's rhythm. */
    float s = (1 - cosf(2 * (float)M_PI * phase)) / 2;
    int k = (int)lroundf(s * (UI_TOUCH_RING_STEPS - 1));
    SDL_Rect src = {k * t->cell, 0, t->cell, t->cell};
    SDL_Rect dst = ui_touch_ring_box(t, x, y);
    SDL_RenderCopy(r, t->strip, &src, &dst);
}
