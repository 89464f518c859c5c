/* scene.h: the exhibit's map projected to one screen rectangle.
 *
 * Built once per (content map, screen rect), never per frame: every point
 * of every feature in screen pixels, indexed exactly like the content's
 * points (so the content's features -> parts -> rings -> points structure
 * applies unchanged), bounding boxes per feature, per ring and per chunk of
 * MAP_CHUNK_EDGES ring edges (for pruning hit tests and drawing), and the
 * list of tappable features.  The projection is fitted to the bounding
 * box of the projected tappable (non-context) regions and towns, so the
 * four regions fill the view; the outline, the context regions and the
 * neighbouring countries reach beyond it and are clipped to the drawn
 * rect.  The view the map is fitted to may be smaller than the drawn rect
 * (the map screen keeps its card's side free, so the map never moves when
 * a card opens).
 *
 * Ownership: map_scene_build's caller owns the scene (map_scene_destroy).
 * The scene borrows the content map (its rings, parts and strings, and
 * every `id` handed out by map_scene_targets): destroy the scene before
 * the exhibit it was built from. */
#ifndef MAP_SCENE_H
#define MAP_SCENE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content/exhibit.h"
#include "map/projection.h"

/* Ring edges per pruning chunk. */
#define MAP_CHUNK_EDGES 16

/* An axis-aligned box in screen pixels, x0 <= x1 and y0 <= y1 (empty
 * features have x0 > x1). */
struct map_box {
    float x0, y0, x1, y1;
};

struct map_scene_feature {
    struct map_box box;       /* all its points */
    float anchor_x, anchor_y; /* towns: the dot; regions: the label point,
                                 or the box centre if it has none */
    bool tappable;            /* a non-context region or town with a card */
    bool neighbour;           /* a context region outside Xinjiang's
                                 outline (its anchor is outside): a
                                 neighbouring country, tinted, labelled,
                                 never a sea that swallows taps */
    bool hidden;              /* a town whose dot is not drawn and cannot
                                 be hit (its label did not fit); set by the
                                 scene's owner before painting */
};

struct map_scene {
    const struct content_map *map; /* borrowed */
    struct map_projection proj;
    struct map_rect rect; /* drawn */
    struct map_rect view; /* fitted to */
    float margin;
    /* [map->point_count]: screen position of map->points[i]. */
    float *x, *y;
    /* [map->feature_count] */
    struct map_scene_feature *features;
    /* [map->ring_count]: the box of each ring, and the index of its first
     * chunk in `chunks`; ring r's edge e (points e and e + 1) is in chunk
     * ring_chunk[r] + e / MAP_CHUNK_EDGES. */
    struct map_box *ring_box;
    uint32_t *ring_chunk;
    struct map_box *chunks;
    uint32_t chunk_count;
    /* Tappable features (indices into map->features), in content order. */
    uint32_t *towns;
    uint32_t town_count;
    uint32_t *regions;
    uint32_t region_count;
};

/* Projects `map` into `rect`, fitted with `margin_px` on every side.
 * NULL if the rect less its margins is empty or the map has no points.
 * If the map has no tappable region, the fit falls back to all polygons,
 * then to all points. */
struct map_scene *map_scene_build(const struct content_map *map,
                                  const struct map_rect *rect,
                                  float margin_px);
/* The same, fitted into `view` (inside `rect`) and drawn over `rect`. */
struct map_scene *map_scene_build_view(const struct content_map *map,
                                       const struct map_rect *rect,
                                       const struct map_rect *view,
                                       float margin_px);
void map_scene_destroy(struct map_scene *scene);

/* A tappable feature and a screen point that map_hit maps back to it. */
struct map_target {
    uint32_t feature;
    const char *id; /* borrowed from the content map */
    float x, y;
};

/* Every tappable feature but the hidden towns (towns first, then regions, each in content
 * order) with a point that map_hit(scene, x, y, slop_px) resolves to that
 * feature: a town's dot; a region's label point if it hits the region
 * (inside it, not in a hole, not within slop of a town), else the point
 * furthest from the region's edges and from the towns' slop discs among
 * the midpoints of the inside spans of 24 scanlines.  Stores up to `max`,
 * returns how many there are.  A region with no such point (a sliver
 * covered by town slop) gets its best span midpoint anyway and a warning
 * in the log; it would not hit-test back. */
size_t map_scene_targets(const struct map_scene *scene, float slop_px,
                         struct map_target *out, size_t max);

#endif
