/* paint.c: the still map image and highlight masks (see paint.h). */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "map/paint.h"
#include "map/raster.h"

/* The rings (or lines) of feature f in screen px, added to the raster:
 * filled (holes as holes), or else stroked `width` px wide. */
static void add_rings(struct map_raster *r, const struct map_scene *s,
                      uint32_t f, bool fill, float width, float **buf,
                      size_t *cap)
{
    const struct content_map *m = s->map;
    const struct content_feature *ft = &m->features[f];
    for (uint32_t p = ft->first_part; p < ft->first_part + ft->part_count;
         p++) {
        const struct content_part *part = &m->parts[p];
        for (uint32_t k = 0; k < part->ring_count; k++) {
            const struct content_ring *ring = &m->rings[part->first_ring + k];
            *buf = xgrow(*buf, cap, (size_t)ring->count * 2, sizeof **buf);
            for (uint32_t i = 0; i < ring->count; i++) {
                (*buf)[2 * i] = s->x[ring->first + i];
                (*buf)[2 * i + 1] = s->y[ring->first + i];
            }
            if (fill)
                map_raster_add_ring(r, *buf, ring->count, k > 0);
            else
                map_raster_add_stroke(r, *buf, ring->count, width);
        }
    }
}

static void add_fill(struct map_raster *r, const struct map_scene *s,
                     uint32_t f, float **buf, size_t *cap)
{
    add_rings(r, s, f, true, 0, buf, cap);
}

void map_paint(const struct map_scene *s, const struct map_style *st,
               struct map_raster *r, uint32_t *argb, int pitch)
{
    for (int y = 0; y < r->h; y++)
        for (int x = 0; x < r->w; x++)
            argb[(size_t)y * (size_t)pitch + (size_t)x] = 0xff000000u |
                                                          st->paper;
    float *buf = NULL;
    size_t cap = 0;
    const struct content_map *m = s->map;

    for (uint32_t f = 0; f < m->feature_count; f++)
        if (s->features[f].neighbour)
            add_fill(r, s, f, &buf, &cap);
    map_raster_paint(r, argb, pitch, st->neighbour, 255, NULL);
    for (uint32_t f = 0; f < m->feature_count; f++)
        if (m->features[f].kind == CONTENT_OUTLINE)
            add_fill(r, s, f, &buf, &cap);
    map_raster_paint(r, argb, pitch, st->xinjiang, 255, NULL);
    if (st->context != st->xinjiang) { /* else the outline painted it */
        for (uint32_t f = 0; f < m->feature_count; f++)
            if (m->features[f].kind == CONTENT_REGION &&
                m->features[f].context && !s->features[f].neighbour)
                add_fill(r, s, f, &buf, &cap);
        map_raster_paint(r, argb, pitch, st->context, 255, NULL);
    }
    for (uint32_t i = 0; i < s->region_count; i++) {
        add_fill(r, s, s->regions[i], &buf, &cap);
        map_raster_paint(r, argb, pitch,
                         st->region[i % MAP_REGION_COLOURS], 255, NULL);
    }
    for (uint32_t f = 0; f < m->feature_count; f++)
        if (m->features[f].kind == CONTENT_REGION ||
            m->features[f].kind == CONTENT_OUTLINE)
            add_rings(r, s, f, false, st->region_edge_px, &buf, &cap);
    map_raster_paint(r, argb, pitch, st->region_edge, 255, NULL);
    for (int soviet = 0; soviet < 2; soviet++) {
        for (uint32_t f = 0; f < m->feature_count; f++)
            if (m->features[f].kind == CONTENT_BORDER &&
                m->features[f].soviet_border == (soviet == 1))
                add_rings(r, s, f, false,
                          soviet ? st->soviet_px : st->other_px, &buf,
                          &cap);
        map_raster_paint(r, argb, pitch,
                         soviet ? st->soviet_border : st->other_border, 255,
                         NULL);
    }
    for (uint32_t i = 0; i < s->town_count; i++) {
        const struct map_scene_feature *t = &s->features[s->towns[i]];
        if (!t->hidden)
            map_raster_add_disc(r, t->anchor_x, t->anchor_y,
                                st->town_radius_px + 1.5f);
    }
    map_raster_paint(r, argb, pitch, st->town_edge, 255, NULL);
    for (uint32_t i = 0; i < s->town_count; i++) {
        const struct map_scene_feature *t = &s->features[s->towns[i]];
        if (!t->hidden)
            map_raster_add_disc(r, t->anchor_x, t->anchor_y,
                                st->town_radius_px);
    }
    map_raster_paint(r, argb, pitch, st->town, 255, NULL);
    free(buf);
}

void map_paint_highlight(const struct map_scene *s, uint32_t feature,
                         float grow_px, struct map_raster *r,
                         uint32_t *scratch, uint8_t *mask)
{
    float *buf = NULL;
    size_t cap = 0;
    memset(mask, 0, (size_t)r->w * (size_t)r->h);
    const struct content_feature *ft = &s->map->features[feature];
    if (ft->kind == CONTENT_TOWN) {
        const struct map_scene_feature *t = &s->features[feature];
        map_raster_add_disc(r, t->anchor_x, t->anchor_y, grow_px);
    } else {
        add_fill(r, s, feature, &buf, &cap);
    }
    map_raster_paint(r, scratch, r->w, 0, 255, mask);
    free(buf);
}
