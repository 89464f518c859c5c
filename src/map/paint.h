/* paint.h: the map's still image -- everything that does not move, painted
 * once per scene into an ARGB8888 buffer (pure C; render/ uploads it).
 *
 * Layers, bottom to top: paper; the neighbouring countries in a cool
 * tint; Xinjiang in a quiet tone; the background (context) regions; the tappable regions, each in its own colour; region
 * edges; the international borders, the 1962 Sino-Soviet ones emphasised;
 * town dots (not those the scene marks hidden).  A selected feature's highlight is painted separately into a
 * coverage mask (map_paint_highlight), so the selection can animate
 * without repainting the map. */
#ifndef MAP_PAINT_H
#define MAP_PAINT_H

#include <stdint.h>

#include "map/raster.h"
#include "map/scene.h"

#define MAP_REGION_COLOURS 4

struct map_style {
    uint32_t paper, xinjiang, context;      /* 0xRRGGBB */
    uint32_t neighbour;                     /* the countries around */
    uint32_t region[MAP_REGION_COLOURS];    /* by tappable-region order */
    uint32_t region_edge, soviet_border, other_border, town, town_edge;
    float region_edge_px, soviet_px, other_px, town_radius_px;
};

/* Paints the still map of `scene` into argb (raster->w x raster->h, pitch
 * in pixels), using `raster` (empty; left empty) as scratch. */
void map_paint(const struct map_scene *scene, const struct map_style *style,
               struct map_raster *raster, uint32_t *argb, int pitch);

/* The coverage (0..255, raster->w x raster->h bytes) of feature `feature`
 * for its highlight: a region's area, or a town's dot grown by
 * `grow_px`.  `scratch` is raster->w x raster->h pixels of scratch. */
void map_paint_highlight(const struct map_scene *scene, uint32_t feature,
                         float grow_px, struct map_raster *raster,
                         uint32_t *scratch, uint8_t *mask);

#endif
