/* scene.c: projecting the content map once, and the tap targets.
 *
 * Invariant: every array of a scene is sized by the content map it was
 * built from, which the content loader has already bounded
 * (CONTENT_MAX_MAP_POINTS, CONTENT_MAX_FEATURES) and whose rings it has
 * checked to be closed (first point == last point), so ring r has
 * count - 1 edges, edge e joining points e and e + 1. */
#include <math.h>
#include <stdlib.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "map/hittest.h"
#include "map/scene.h"

static const struct map_box empty_box = {INFINITY, INFINITY, -INFINITY,
                                         -INFINITY};

static void box_add(struct map_box *b, float x, float y)
{
    b->x0 = fminf(b->x0, x);
    b->y0 = fminf(b->y0, y);
    b->x1 = fmaxf(b->x1, x);
    b->y1 = fmaxf(b->y1, y);
}

static bool is_tappable(const struct content_feature *f)
{
    return !f->context && f->place >= 0 &&
           ((f->kind == CONTENT_REGION && f->geom == CONTENT_GEOM_POLYGONS) ||
            (f->kind == CONTENT_TOWN && f->geom == CONTENT_GEOM_POINT));
}

/* The plane box (km) the view is fitted to: the projected points of the
 * tappable regions' outer rings and of the tappable towns (so the regions
 * themselves, not the lon/lat box around them, fill the view, and no town
 * with a card falls outside it), else of every polygon, else every point.
 * False if there is nothing. */
static bool fit_box(const struct content_map *m,
                    const struct map_projection *proj, double box[4])
{
    for (int pass = 0; pass < 3; pass++) {
        double e0 = INFINITY, n0 = INFINITY, e1 = -INFINITY, n1 = -INFINITY;
        bool region = false;
        for (uint32_t i = 0; i < m->feature_count; i++) {
            const struct content_feature *f = &m->features[i];
            if ((pass == 0 && !is_tappable(f)) ||
                (pass == 1 && f->geom != CONTENT_GEOM_POLYGONS))
                continue;
            region |= f->kind == CONTENT_REGION;
            for (uint32_t p = 0; p < f->part_count; p++) {
                const struct content_part *pt =
                    &m->parts[f->first_part + p];
                /* The outer ring bounds its holes. */
                const struct content_ring *r = &m->rings[pt->first_ring];
                for (uint32_t k = 0; k < r->count; k++) {
                    double e, n;
                    map_project_plane(proj, m->points[r->first + k].lon,
                                      m->points[r->first + k].lat, &e, &n);
                    e0 = fmin(e0, e);
                    n0 = fmin(n0, n);
                    e1 = fmax(e1, e);
                    n1 = fmax(n1, n);
                }
            }
        }
        if (pass == 0 && !region)
            continue; /* towns alone do not make the view */
        if (e0 <= e1) {
            /* A single point or a line still gets an area to show. */
            if (e1 - e0 < 1.0) {
                e0 -= 50.0;
                e1 += 50.0;
            }
            if (n1 - n0 < 1.0) {
                n0 -= 50.0;
                n1 += 50.0;
            }
            box[0] = e0;
            box[1] = n0;
            box[2] = e1;
            box[3] = n1;
            return true;
        }
    }
    return false;
}

static void build_boxes(struct map_scene *s)
{
    const struct content_map *m = s->map;
    uint32_t chunks = 0;
    for (uint32_t r = 0; r < m->ring_count; r++) {
        uint32_t edges = m->rings[r].count > 1 ? m->rings[r].count - 1 : 0;
        s->ring_chunk[r] = chunks;
        chunks += (edges + MAP_CHUNK_EDGES - 1) / MAP_CHUNK_EDGES;
    }
    s->chunk_count = chunks;
    s->chunks = xmalloc((chunks ? chunks : 1) * sizeof *s->chunks);
    for (uint32_t r = 0; r < m->ring_count; r++) {
        const struct content_ring *ring = &m->rings[r];
        const float *x = s->x + ring->first, *y = s->y + ring->first;
        struct map_box rb = empty_box;
        for (uint32_t k = 0; k < ring->count; k++)
            box_add(&rb, x[k], y[k]);
        s->ring_box[r] = rb;
        uint32_t edges = ring->count > 1 ? ring->count - 1 : 0;
        for (uint32_t e = 0; e < edges; e += MAP_CHUNK_EDGES) {
            uint32_t end = e + MAP_CHUNK_EDGES < edges ? e + MAP_CHUNK_EDGES
                                                       : edges;
            struct map_box cb = empty_box;
            for (uint32_t k = e; k <= end; k++)
                box_add(&cb, x[k], y[k]);
            s->chunks[s->ring_chunk[r] + e / MAP_CHUNK_EDGES] = cb;
        }
    }
}

/* A context region whose anchor lies outside every outline is a
 * neighbouring country. */
static bool outside_outlines(const struct map_scene *s, float x, float y)
{
    const struct content_map *m = s->map;
    bool any = false;
    for (uint32_t i = 0; i < m->feature_count; i++) {
        if (m->features[i].kind != CONTENT_OUTLINE)
            continue;
        any = true;
        if (map_feature_contains(s, i, x, y))
            return false;
    }
    return any;
}

static void build_features(struct map_scene *s)
{
    const struct content_map *m = s->map;
    uint32_t towns = 0, regions = 0;
    for (uint32_t i = 0; i < m->feature_count; i++) {
        const struct content_feature *f = &m->features[i];
        struct map_scene_feature *sf = &s->features[i];
        sf->box = empty_box;
        for (uint32_t p = 0; p < f->part_count; p++) {
            const struct content_part *pt = &m->parts[f->first_part + p];
            for (uint32_t r = 0; r < pt->ring_count; r++) {
                const struct map_box *rb = &s->ring_box[pt->first_ring + r];
                box_add(&sf->box, rb->x0, rb->y0);
                box_add(&sf->box, rb->x1, rb->y1);
            }
        }
        sf->tappable = is_tappable(f);
        sf->hidden = false;
        if (f->geom == CONTENT_GEOM_POINT && f->part_count > 0) {
            uint32_t pi = m->rings[m->parts[f->first_part].first_ring].first;
            sf->anchor_x = s->x[pi];
            sf->anchor_y = s->y[pi];
        } else if (f->has_label) {
            double ax, ay;
            map_project(&s->proj, f->label.lon, f->label.lat, &ax, &ay);
            sf->anchor_x = (float)ax;
            sf->anchor_y = (float)ay;
        } else {
            sf->anchor_x = (sf->box.x0 + sf->box.x1) / 2.0f;
            sf->anchor_y = (sf->box.y0 + sf->box.y1) / 2.0f;
        }
        if (sf->tappable && f->kind == CONTENT_TOWN)
            towns++;
        else if (sf->tappable)
            regions++;
    }
    /* Once every box is known (the outline's too). */
    for (uint32_t i = 0; i < m->feature_count; i++) {
        const struct content_feature *f = &m->features[i];
        struct map_scene_feature *sf = &s->features[i];
        sf->neighbour = f->kind == CONTENT_REGION && f->context &&
                        f->geom == CONTENT_GEOM_POLYGONS &&
                        outside_outlines(s, sf->anchor_x, sf->anchor_y);
    }
    s->towns = xmalloc((towns ? towns : 1) * sizeof *s->towns);
    s->regions = xmalloc((regions ? regions : 1) * sizeof *s->regions);
    for (uint32_t i = 0; i < m->feature_count; i++) {
        if (!s->features[i].tappable)
            continue;
        if (m->features[i].kind == CONTENT_TOWN)
            s->towns[s->town_count++] = i;
        else
            s->regions[s->region_count++] = i;
    }
}

struct map_scene *map_scene_build(const struct content_map *map,
                                  const struct map_rect *rect,
                                  float margin_px)
{
    return map_scene_build_view(map, rect, rect, margin_px);
}

struct map_scene *map_scene_build_view(const struct content_map *map,
                                       const struct map_rect *rect,
                                       const struct map_rect *view,
                                       float margin_px)
{
    struct map_projection proj;
    map_projection_init(&proj);
    double box[4];
    if (map->point_count == 0 || !fit_box(map, &proj, box) ||
        !map_projection_fit_plane(&proj, box[0], box[1], box[2], box[3],
                                  view, margin_px))
        return NULL;
    struct map_scene *s = xcalloc(1, sizeof *s);
    s->map = map;
    s->proj = proj;
    s->rect = *rect;
    s->view = *view;
    s->margin = margin_px;
    s->x = xmalloc(map->point_count * sizeof *s->x);
    s->y = xmalloc(map->point_count * sizeof *s->y);
    for (uint32_t i = 0; i < map->point_count; i++) {
        double x, y;
        map_project(&proj, map->points[i].lon, map->points[i].lat, &x, &y);
        s->x[i] = (float)x;
        s->y[i] = (float)y;
    }
    size_t rings = map->ring_count ? map->ring_count : 1;
    s->ring_box = xmalloc(rings * sizeof *s->ring_box);
    s->ring_chunk = xmalloc(rings * sizeof *s->ring_chunk);
    build_boxes(s);
    s->features = xcalloc(map->feature_count ? map->feature_count : 1,
                          sizeof *s->features);
    build_features(s);
    return s;
}

void map_scene_destroy(struct map_scene *scene)
{
    if (!scene)
        return;
    free(scene->x);
    free(scene->y);
    free(scene->features);
    free(scene->ring_box);
    free(scene->ring_chunk);
    free(scene->chunks);
    free(scene->towns);
    free(scene->regions);
    free(scene);
}

/* ---- targets ----------------------------------------------------------- */

#define TARGET_ROWS 24
#define MAX_CROSSINGS 256

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* The x of every crossing of row y with the feature's ring edges, sorted;
 * consecutive pairs are the inside spans (even-odd).  Returns the count,
 * at most `max` (further crossings are ignored). */
static size_t row_crossings(const struct map_scene *s, uint32_t feature,
                            float y, float *out, size_t max)
{
    const struct content_map *m = s->map;
    const struct content_feature *f = &m->features[feature];
    size_t n = 0;
    for (uint32_t p = 0; p < f->part_count; p++) {
        const struct content_part *pt = &m->parts[f->first_part + p];
        for (uint32_t r = 0; r < pt->ring_count; r++) {
            uint32_t ri = pt->first_ring + r;
            const struct content_ring *ring = &m->rings[ri];
            if (y < s->ring_box[ri].y0 || y > s->ring_box[ri].y1)
                continue;
            const float *x = s->x + ring->first, *yy = s->y + ring->first;
            for (uint32_t e = 0; e + 1 < ring->count; e++) {
                if ((yy[e] > y) == (yy[e + 1] > y))
                    continue;
                float t = (y - yy[e]) / (yy[e + 1] - yy[e]);
                if (n < max)
                    out[n++] = x[e] + t * (x[e + 1] - x[e]);
            }
        }
    }
    qsort(out, n, sizeof *out, cmp_float);
    return n;
}

/* How far (x, y) is from trouble: the region's edges and the slop discs
 * of the towns. */
static float clearance(const struct map_scene *s, uint32_t feature, float x,
                       float y, float slop)
{
    float c = map_feature_distance(s, feature, x, y, INFINITY);
    for (uint32_t i = 0; i < s->town_count; i++) {
        const struct map_scene_feature *t = &s->features[s->towns[i]];
        if (t->hidden)
            continue;
        c = fminf(c, hypotf(x - t->anchor_x, y - t->anchor_y) - slop);
    }
    return c;
}

static void region_point(const struct map_scene *s, uint32_t feature,
                         float slop, float *ox, float *oy)
{
    const struct map_scene_feature *sf = &s->features[feature];
    *ox = sf->anchor_x;
    *oy = sf->anchor_y;
    if (s->map->features[feature].has_label &&
        map_hit(s, sf->anchor_x, sf->anchor_y, slop) == (int)feature)
        return;
    float xs[MAX_CROSSINGS];
    float best = -INFINITY;
    bool hits = false;
    for (int row = 0; row < TARGET_ROWS; row++) {
        float y = sf->box.y0 +
                  (sf->box.y1 - sf->box.y0) * (row + 0.5f) / TARGET_ROWS;
        size_t n = row_crossings(s, feature, y, xs, MAX_CROSSINGS);
        for (size_t k = 0; k + 1 < n; k += 2) {
            float x = (xs[k] + xs[k + 1]) / 2.0f;
            bool hit = map_hit(s, x, y, slop) == (int)feature;
            float c = clearance(s, feature, x, y, slop);
            /* A point that hits back beats any that does not. */
            if ((hit && !hits) || (hit == hits && c > best)) {
                hits = hit;
                best = c;
                *ox = x;
                *oy = y;
            }
        }
    }
    if (!hits)
        log_warn("map", "no tap target inside region '%s' hit-tests back "
                 "to it", s->map->features[feature].id);
}

size_t map_scene_targets(const struct map_scene *scene, float slop_px,
                         struct map_target *out, size_t max)
{
    size_t n = 0;
    for (uint32_t i = 0; i < scene->town_count; i++) {
        uint32_t f = scene->towns[i];
        if (scene->features[f].hidden || n++ >= max)
            continue;
        out[n - 1] = (struct map_target){f, scene->map->features[f].id,
                                         scene->features[f].anchor_x,
                                         scene->features[f].anchor_y};
    }
    for (uint32_t i = 0; i < scene->region_count; i++, n++) {
        if (n >= max)
            continue;
        uint32_t f = scene->regions[i];
        out[n] = (struct map_target){f, scene->map->features[f].id, 0, 0};
        region_point(scene, f, slop_px, &out[n].x, &out[n].y);
    }
    return n;
}
