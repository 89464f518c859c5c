/* label_spots.c: candidate label centres inside a region, and the rect
 * test (see label_spots.h).
 *
 * Invariant: the spots come out in one deterministic order (distance, then
 * grid order), so the same scene always labels the same way. */
#include <math.h>
#include <stdlib.h>

#include "core/xalloc.h"
#include "map/hittest.h"
#include "map/label_spots.h"

struct spot {
    float x, y, d2;
    size_t order;
};

static int by_distance(const void *a, const void *b)
{
    const struct spot *p = a, *q = b;
    if (p->d2 != q->d2)
        return p->d2 < q->d2 ? -1 : 1;
    return (p->order > q->order) - (p->order < q->order);
}

size_t map_label_spots(const struct map_scene *s, uint32_t feature,
                       const struct map_rect *clip, float ax, float ay,
                       float step, float *xy, size_t max)
{
    const struct map_box *b = &s->features[feature].box;
    float x0 = fmaxf(b->x0, clip->x), y0 = fmaxf(b->y0, clip->y);
    float x1 = fminf(b->x1, clip->x + clip->w);
    float y1 = fminf(b->y1, clip->y + clip->h);
    if (max == 0 || !(x1 > x0 && y1 > y0) || !(step > 0.0f))
        return 0;
    float cells = (x1 - x0) * (y1 - y0) / (step * step);
    if (cells > 4.0f * (float)max)
        step *= sqrtf(cells / (4.0f * (float)max));
    size_t cols = (size_t)((x1 - x0) / step) + 1;
    size_t rows = (size_t)((y1 - y0) / step) + 1;
    struct spot *sp = xmalloc(cols * rows * sizeof *sp);
    size_t n = 0;
    for (size_t r = 0; r < rows; r++)
        for (size_t c = 0; c < cols; c++) {
            float x = x0 + step * ((float)c + 0.5f);
            float y = y0 + step * ((float)r + 0.5f);
            if (x > x1 || y > y1 || !map_feature_contains(s, feature, x, y))
                continue;
            float dx = x - ax, dy = y - ay;
            sp[n] = (struct spot){x, y, dx * dx + dy * dy, r * cols + c};
            n++;
        }
    qsort(sp, n, sizeof *sp, by_distance);
    size_t out = n < max ? n : max;
    for (size_t i = 0; i < out; i++) {
        xy[2 * i] = sp[i].x;
        xy[2 * i + 1] = sp[i].y;
    }
    free(sp);
    return out;
}

bool map_rect_inside_feature(const struct map_scene *s, uint32_t feature,
                             const struct map_rect *r, float step)
{
    if (!map_feature_contains(s, feature, r->x + r->w / 2.0f,
                              r->y + r->h / 2.0f))
        return false;
    step = step > 1.0f ? step : 1.0f;
    int nx = (int)ceilf(r->w / step), ny = (int)ceilf(r->h / step);
    nx = nx > 1 ? nx : 1;
    ny = ny > 1 ? ny : 1;
    for (int i = 0; i <= nx; i++) {
        float x = r->x + r->w * (float)i / (float)nx;
        if (!map_feature_contains(s, feature, x, r->y) ||
            !map_feature_contains(s, feature, x, r->y + r->h))
            return false;
    }
    for (int j = 1; j < ny; j++) {
        float y = r->y + r->h * (float)j / (float)ny;
        if (!map_feature_contains(s, feature, r->x, y) ||
            !map_feature_contains(s, feature, r->x + r->w, y))
            return false;
    }
    return true;
}
