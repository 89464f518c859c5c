/* raster.h: anti-aliased polygon coverage, for drawing the map once per
 * content and size.
 *
 * Exact area coverage: every edge adds, to the cells of each pixel row it
 * crosses, the signed area it leaves to its right; a running sum along the
 * row then gives each pixel's covered fraction.  The sum of signed areas is
 * the winding number weighted by area, so with outer rings and holes wound
 * oppositely (map_raster_add_ring orients them) holes come out empty, and
 * overlapping shapes of one fill (a stroke's segments) saturate at full.
 * Pure C, no SDL.  Owner: the caller of map_raster_create. */
#ifndef MAP_RASTER_H
#define MAP_RASTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct map_raster {
    int w, h;
    float *acc;          /* (w + 2) * h signed area deltas */
    int y0, y1;          /* the dirty rows */
    int *row_x0, *row_x1; /* [h]: each row's dirty columns */
};

struct map_raster *map_raster_create(int w, int h);
void map_raster_destroy(struct map_raster *r);

/* Adds a closed ring of n points (xy pairs, screen px; the last point may
 * repeat the first).  `hole` rings are wound opposite to outer rings
 * whatever their order in the data. */
void map_raster_add_ring(struct map_raster *r, const float *xy, size_t n,
                         bool hole);

/* Adds a polyline stroked `width` px wide with round joins and caps. */
void map_raster_add_stroke(struct map_raster *r, const float *xy, size_t n,
                           float width);

/* Adds a disc (a town's dot). */
void map_raster_add_disc(struct map_raster *r, float cx, float cy,
                         float radius);

/* Blends colour (0xRRGGBB, alpha 0..255 scaled by coverage) into an
 * ARGB8888 image of the same size (pitch in pixels), then clears the
 * accumulated shapes.  If `mask` is not NULL the coverage (0..255) is also
 * written there (w * h bytes). */
void map_raster_paint(struct map_raster *r, uint32_t *argb, int pitch,
                      uint32_t rgb, uint8_t alpha, uint8_t *mask);

#endif
