/* label_spots.h: where a label may sit on a polygon feature's own fill.
 *
 * Pure geometry on a map_scene (screen px): candidate centres inside a
 * region, nearest its preferred anchor first, and whether a label's
 * rectangle lies wholly on the feature.  map/labels.c takes both (its
 * request's `spots` and params' `inside`), so a region's label moves
 * within the region rather than onto a neighbour's fill. */
#ifndef MAP_LABEL_SPOTS_H
#define MAP_LABEL_SPOTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "map/scene.h"

/* Points of a grid `step` px apart inside polygon feature `feature` and
 * inside `clip`, ordered by their distance from (ax, ay) (ties by grid
 * order); writes up to `max` x, y pairs to xy and returns how many.  The
 * grid is coarsened (step grown) when the feature's box would give more
 * than about 4 * max points, so the cost stays bounded. */
size_t map_label_spots(const struct map_scene *scene, uint32_t feature,
                       const struct map_rect *clip, float ax, float ay,
                       float step, float *xy, size_t max);

/* Whether `r` lies on feature `feature`: its centre, its corners and
 * points along its edges at most `step` px apart are all inside the
 * feature (even-odd over its rings, so not over a hole). */
bool map_rect_inside_feature(const struct map_scene *scene, uint32_t feature,
                             const struct map_rect *r, float step);

#endif
