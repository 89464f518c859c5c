/* map_preview.c: the map pictured in a box (see map_preview.h). */
#include <math.h>
#include <stdlib.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "map/paint.h"
#include "map/raster.h"
#include "ui/map_page.h"
#include "ui/map_preview.h"

static void drop(struct ui_map_preview *p)
{
    if (p->texture)
        SDL_DestroyTexture(p->texture);
    p->texture = NULL;
    map_scene_destroy(p->scene);
    p->scene = NULL;
    p->ex = NULL;
}

void ui_map_preview_fini(struct ui_map_preview *p)
{
    drop(p);
    p->renderer = NULL;
}

/* Builds the scene and the texture for a w x h picture. */
static bool paint(struct ui_map_preview *p, SDL_Renderer *renderer,
                  const struct exhibit *ex, int w, int h, float margin)
{
    struct map_rect rect = {0, 0, (float)w, (float)h};
    p->scene = map_scene_build(&ex->map, &rect, margin);
    if (!p->scene) {
        log_error("ui", "the map preview cannot be fitted into %dx%d", w, h);
        return false;
    }
    struct map_raster *raster = map_raster_create(w, h);
    uint32_t *img = xmalloc((size_t)w * (size_t)h * sizeof *img);
    /* The map screen's line widths and dots are for a box up to about
     * 900 px; a larger picture (a 4K panel) scales them with it. */
    struct map_style st = *ui_map_page_style();
    float k = (float)(w < h ? w : h) / 900;
    if (k > 1) {
        st.region_edge_px *= k;
        st.soviet_px *= k;
        st.other_px *= k;
        st.town_radius_px *= k;
    }
    map_paint(p->scene, &st, raster, img, w);
    map_raster_destroy(raster);
    p->texture = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888,
                                   SDL_TEXTUREACCESS_STATIC, w, h);
    if (p->texture)
        SDL_UpdateTexture(p->texture, NULL, img, w * 4);
    free(img);
    if (!p->texture) {
        log_error("ui", "cannot make the map preview's texture: %s",
                  SDL_GetError());
        return false;
    }
    p->ex = ex;
    p->renderer = renderer;
    return true;
}

/* FNV-1a over n bytes, continuing from h. */
static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *b = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ull;
    return h;
}

/* What the picture is painted from: every point, ring and part, and what
 * decides each feature's layer.  A new exhibit may sit where the old one
 * was freed; its map is only taken for the same if this matches too. */
static uint64_t map_key(const struct content_map *m)
{
    uint64_t h = 0xcbf29ce484222325ull;
    h = fnv(h, m->points, (size_t)m->point_count * sizeof *m->points);
    h = fnv(h, m->rings, (size_t)m->ring_count * sizeof *m->rings);
    h = fnv(h, m->parts, (size_t)m->part_count * sizeof *m->parts);
    for (uint32_t i = 0; i < m->feature_count; i++) {
        const struct content_feature *f = &m->features[i];
        int32_t v[6] = {(int32_t)f->kind, f->place, f->context,
                        f->soviet_border, (int32_t)f->first_part,
                        (int32_t)f->part_count};
        h = fnv(h, v, sizeof v);
    }
    return h;
}

bool ui_map_preview_set(struct ui_map_preview *p, SDL_Renderer *renderer,
                        const struct exhibit *ex, SDL_Rect box,
                        float margin_px)
{
    uint64_t key = ex ? map_key(&ex->map) : 0;
    bool same = p->texture && p->ex == ex && p->key == key &&
                p->renderer == renderer && p->box.w == box.w &&
                p->box.h == box.h;
    p->box = box;
    if (same)
        return true; /* the picture has no words: it stays */
    drop(p);
    if (!ex || box.w < 16 || box.h < 16)
        return false;
    if (!paint(p, renderer, ex, box.w, box.h, margin_px))
        return false;
    p->key = key;
    return true;
}

double ui_map_preview_aspect(const struct exhibit *ex)
{
    struct map_rect rect = {0, 0, 1000, 1000};
    struct map_scene *sc = ex ? map_scene_build(&ex->map, &rect, 0) : NULL;
    if (!sc)
        return 1;
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (uint32_t i = 0; i < sc->region_count; i++) {
        const struct map_box *b = &sc->features[sc->regions[i]].box;
        x0 = fminf(x0, b->x0), y0 = fminf(y0, b->y0);
        x1 = fmaxf(x1, b->x1), y1 = fmaxf(y1, b->y1);
    }
    map_scene_destroy(sc);
    return x1 > x0 && y1 > y0 ? (double)(x1 - x0) / (y1 - y0) : 1;
}

void ui_map_preview_draw(const struct ui_map_preview *p, SDL_Renderer *r)
{
    if (p->texture)
        SDL_RenderCopy(r, p->texture, NULL, &p->box);
}

bool ui_map_preview_anchor(const struct ui_map_preview *p, uint32_t feature,
                           SDL_Point *at)
{
    if (!p->scene || feature >= p->scene->map->feature_count)
        return false;
    const struct map_scene_feature *f = &p->scene->features[feature];
    if (f->box.x0 > f->box.x1)
        return false;
    at->x = p->box.x + (int)lroundf(f->anchor_x);
    at->y = p->box.y + (int)lroundf(f->anchor_y);
    return at->x >= p->box.x && at->x < p->box.x + p->box.w &&
           at->y >= p->box.y && at->y < p->box.y + p->box.h;
}
