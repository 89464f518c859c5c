/* hittest.h: from a touch point to the tappable map feature under it.
 *
 * Works on a map_scene's screen-space geometry only.  Rules, in order:
 *  1. a tappable town whose dot is within the slop wins (the nearest one;
 *     on a tie the first in content order); a hidden town (its dot not
 *     drawn) is not there;
 *  2. else the tappable region that contains the point, even-odd over all
 *     the rings of all its parts, so a point in a hole (the Karamay hole in
 *     Tacheng) is not in the region;
 *  3. else, if the point is inside a background (context) region -- the
 *     rest of Xinjiang, which fills the Karamay hole -- nothing: the sea of
 *     other regions selects no place, however near an edge (a neighbouring
 *     country is not such a region);
 *  4. else (outside Xinjiang) the tappable region whose edge is nearest,
 *     if within the slop;
 *  5. else nothing (-1).  Borders, the outline and context features are
 *     never hit.
 * Boxes per feature, ring and chunk of edges prune nearly all the work. */
#ifndef MAP_HITTEST_H
#define MAP_HITTEST_H

#include <stdbool.h>
#include <stdint.h>

#include "map/scene.h"

/* The default touch slop and the default screen.  8 mm on the 21.5-inch
 * 1920x1080 panel (102.5 pixels per inch) is 32.3 px; the "about
 * 40 px" would be 10 mm on that panel. */
#define MAP_SLOP_MM_DEFAULT 8.0
#define MAP_SCREEN_DIAG_INCH_DEFAULT 21.5

/* The index of the feature a touch at (x, y) selects, or -1. */
int map_hit(const struct map_scene *scene, float x, float y, float slop_px);

/* A physical slop in pixels: slop_mm * ppi / 25.4, with ppi the diagonal
 * in pixels over the diagonal in inches.  w and h are the display's full
 * resolution (not a window's size); a diagonal <= 0 means the default
 * 21.5 inches.  8 mm: 32.3 px on 21.5" 1920x1080 (or 1080x1920), 42.0 px
 * on the 7" 800x480 Raspberry Pi touch display, 47.1 px on a 10.1"
 * 1280x800 panel. */
float map_slop_px(double slop_mm, double screen_diag_inch, int w, int h);

/* Whether a polygon feature contains (x, y), even-odd over all its rings
 * (false for points and lines). */
bool map_feature_contains(const struct map_scene *scene, uint32_t feature,
                          float x, float y);

/* The distance from (x, y) to the nearest edge of a feature's rings or
 * lines, or to its point; any value >= `limit` means "not within limit"
 * (pruned work returns `limit` itself). */
float map_feature_distance(const struct map_scene *scene, uint32_t feature,
                           float x, float y, float limit);

#endif
