/* hittest.c: towns by distance, regions by even-odd, edges by distance.
 *
 * All in screen pixels on the scene's float geometry.  Pruning never
 * changes an answer: a ring whose box does not contain the point adds an
 * even number of crossings (none) to the even-odd count, a chunk of edges
 * that lies wholly left of the point, above or below it, adds no crossing
 * of the rightward ray, and a box further away than the best distance so
 * far holds no nearer edge. */
#include <math.h>

#include "map/hittest.h"

/* Squared distance from (x, y) to a box; 0 inside. */
static float box_dist2(const struct map_box *b, float x, float y)
{
    float dx = fmaxf(fmaxf(b->x0 - x, x - b->x1), 0.0f);
    float dy = fmaxf(fmaxf(b->y0 - y, y - b->y1), 0.0f);
    return dx * dx + dy * dy;
}

static bool box_contains(const struct map_box *b, float x, float y)
{
    return x >= b->x0 && x <= b->x1 && y >= b->y0 && y <= b->y1;
}

/* Squared distance from (x, y) to segment a-b. */
static float seg_dist2(float x, float y, float ax, float ay, float bx,
                       float by)
{
    float dx = bx - ax, dy = by - ay;
    float px = x - ax, py = y - ay;
    float len2 = dx * dx + dy * dy;
    float t = len2 > 0.0f ? (px * dx + py * dy) / len2 : 0.0f;
    t = fminf(fmaxf(t, 0.0f), 1.0f);
    float ex = px - t * dx, ey = py - t * dy;
    return ex * ex + ey * ey;
}

bool map_feature_contains(const struct map_scene *s, uint32_t feature,
                          float x, float y)
{
    const struct content_map *m = s->map;
    const struct content_feature *f = &m->features[feature];
    if (f->geom != CONTENT_GEOM_POLYGONS ||
        !box_contains(&s->features[feature].box, x, y))
        return false;
    bool inside = false;
    for (uint32_t p = 0; p < f->part_count; p++) {
        const struct content_part *pt = &m->parts[f->first_part + p];
        for (uint32_t r = 0; r < pt->ring_count; r++) {
            uint32_t ri = pt->first_ring + r;
            const struct content_ring *ring = &m->rings[ri];
            if (ring->count < 2 || !box_contains(&s->ring_box[ri], x, y))
                continue;
            const float *xs = s->x + ring->first, *ys = s->y + ring->first;
            uint32_t edges = ring->count - 1;
            for (uint32_t e0 = 0; e0 < edges; e0 += MAP_CHUNK_EDGES) {
                const struct map_box *cb =
                    &s->chunks[s->ring_chunk[ri] + e0 / MAP_CHUNK_EDGES];
                if (y < cb->y0 || y > cb->y1 || x > cb->x1)
                    continue;
                uint32_t end = e0 + MAP_CHUNK_EDGES < edges
                                   ? e0 + MAP_CHUNK_EDGES : edges;
                for (uint32_t e = e0; e < end; e++) {
                    float ay = ys[e], by = ys[e + 1];
                    if ((ay > y) == (by > y))
                        continue;
                    float cx = xs[e] + (y - ay) / (by - ay) *
                                           (xs[e + 1] - xs[e]);
                    if (x < cx)
                        inside = !inside;
                }
            }
        }
    }
    return inside;
}

float map_feature_distance(const struct map_scene *s, uint32_t feature,
                           float x, float y, float limit)
{
    const struct content_map *m = s->map;
    const struct content_feature *f = &m->features[feature];
    float best2 = limit * limit;
    if (box_dist2(&s->features[feature].box, x, y) >= best2)
        return limit;
    for (uint32_t p = 0; p < f->part_count; p++) {
        const struct content_part *pt = &m->parts[f->first_part + p];
        for (uint32_t r = 0; r < pt->ring_count; r++) {
            uint32_t ri = pt->first_ring + r;
            const struct content_ring *ring = &m->rings[ri];
            const float *xs = s->x + ring->first, *ys = s->y + ring->first;
            if (ring->count == 0)
                continue;
            if (ring->count == 1) {
                float dx = xs[0] - x, dy = ys[0] - y;
                best2 = fminf(best2, dx * dx + dy * dy);
                continue;
            }
            if (box_dist2(&s->ring_box[ri], x, y) >= best2)
                continue;
            uint32_t edges = ring->count - 1;
            for (uint32_t e0 = 0; e0 < edges; e0 += MAP_CHUNK_EDGES) {
                const struct map_box *cb =
                    &s->chunks[s->ring_chunk[ri] + e0 / MAP_CHUNK_EDGES];
                if (box_dist2(cb, x, y) >= best2)
                    continue;
                uint32_t end = e0 + MAP_CHUNK_EDGES < edges
                                   ? e0 + MAP_CHUNK_EDGES : edges;
                for (uint32_t e = e0; e < end; e++)
                    best2 = fminf(best2, seg_dist2(x, y, xs[e], ys[e],
                                                   xs[e + 1], ys[e + 1]));
            }
        }
    }
    return best2 < limit * limit ? sqrtf(best2) : limit;
}

int map_hit(const struct map_scene *s, float x, float y, float slop_px)
{
    float slop = slop_px > 0.0f ? slop_px : 0.0f;
    /* 1. Towns: the nearest dot within the slop. */
    int best = -1;
    float best2 = slop * slop;
    for (uint32_t i = 0; i < s->town_count; i++) {
        const struct map_scene_feature *t = &s->features[s->towns[i]];
        if (t->hidden)
            continue;
        float dx = t->anchor_x - x, dy = t->anchor_y - y;
        float d2 = dx * dx + dy * dy;
        if (d2 <= best2 && (best < 0 || d2 < best2)) {
            best = (int)s->towns[i];
            best2 = d2;
        }
    }
    if (best >= 0)
        return best;
    /* 2. The region the point is in. */
    for (uint32_t i = 0; i < s->region_count; i++)
        if (map_feature_contains(s, s->regions[i], x, y))
            return (int)s->regions[i];
    /* 3. Inside a background region (the rest of Xinjiang, the Karamay
     * hole in Tacheng): nothing -- the sea of other regions selects no
     * place, however near an edge.  Towns in it were handled above.  The
     * neighbouring countries are not this sea: a touch just across the
     * border still finds the region by its edge. */
    if (slop <= 0.0f)
        return -1;
    const struct content_map *m = s->map;
    for (uint32_t f = 0; f < m->feature_count; f++)
        if (m->features[f].kind == CONTENT_REGION && m->features[f].context &&
            !s->features[f].neighbour && map_feature_contains(s, f, x, y))
            return -1;
    /* 4. Outside every region: the nearest region edge within the slop. */
    float bestd = slop;
    for (uint32_t i = 0; i < s->region_count; i++) {
        float d = map_feature_distance(s, s->regions[i], x, y, bestd);
        if (d < bestd) {
            best = (int)s->regions[i];
            bestd = d;
        }
    }
    return best;
}

float map_slop_px(double slop_mm, double screen_diag_inch, int w, int h)
{
    if (!(screen_diag_inch > 0.0))
        screen_diag_inch = MAP_SCREEN_DIAG_INCH_DEFAULT;
    if (w <= 0 || h <= 0 || !(slop_mm > 0.0))
        return 0.0f;
    double ppi = hypot((double)w, (double)h) / screen_diag_inch;
    return (float)(slop_mm * ppi / 25.4);
}
