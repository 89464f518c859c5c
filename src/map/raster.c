/* raster.c: signed-area coverage accumulation (see raster.h).
 *
 * An edge is cut at pixel rows, and each row piece at pixel columns; a
 * piece lying within column c, of signed height dh and mean x m, covers
 * dh * (c + 1 - m) of column c and passes the full dh on to every column
 * after it.  So column c gets that area and column c + 1 the rest; the
 * running sum of a row restores the full dh from c + 1 onwards. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "map/raster.h"

#define PI_F 3.14159265f

struct map_raster *map_raster_create(int w, int h)
{
    struct map_raster *r = xcalloc(1, sizeof *r);
    r->w = w > 0 ? w : 1;
    r->h = h > 0 ? h : 1;
    r->acc = xcalloc((size_t)(r->w + 2) * (size_t)r->h, sizeof *r->acc);
    r->x0 = r->w;
    r->y0 = r->h;
    r->x1 = r->y1 = 0;
    return r;
}

void map_raster_destroy(struct map_raster *r)
{
    if (!r)
        return;
    free(r->acc);
    free(r);
}

static void touch(struct map_raster *r, int x0, int x1, int y0, int y1)
{
    if (x0 < r->x0)
        r->x0 = x0;
    if (x1 > r->x1)
        r->x1 = x1;
    if (y0 < r->y0)
        r->y0 = y0;
    if (y1 > r->y1)
        r->y1 = y1;
}

/* Distributes a piece lying within [lo, hi] (0 <= lo <= hi <= w) of
 * signed height dh over the columns it crosses. */
static void spread(float *row, float lo, float hi, float dh)
{
    int c0 = (int)lo, c1 = (int)hi;
    if ((float)c1 == hi && c1 > c0)
        c1--; /* ends exactly on a column boundary */
    if (c0 == c1) {
        float m = 0.5f * (lo + hi) - (float)c0;
        row[c0] += dh * (1 - m);
        row[c0 + 1] += dh * m;
        return;
    }
    float span = hi - lo;
    for (int c = c0; c <= c1; c++) {
        float a = c == c0 ? lo : (float)c;
        float b = c == c1 ? hi : (float)(c + 1);
        float piece = dh * (b - a) / span;
        float m = 0.5f * (a + b) - (float)c;
        row[c] += piece * (1 - m);
        row[c + 1] += piece * m;
    }
}

/* The piece of an edge inside one row: x from xa to xb, height dh.  What
 * lies left of the image covers every visible column; what lies right of
 * it covers none.  x varies linearly with y, so height splits like x. */
static void row_piece(struct map_raster *r, float *row, float xa, float xb,
                      float dh)
{
    float lo = xa < xb ? xa : xb, hi = xa < xb ? xb : xa;
    float maxx = (float)r->w;
    if (hi <= 0) {
        row[0] += dh;
        return;
    }
    if (lo >= maxx)
        return;
    float span = hi - lo;
    if (lo < 0) {
        row[0] += dh * (0 - lo) / span;
        dh -= dh * (0 - lo) / span;
        span = hi;
        lo = 0;
    }
    if (hi > maxx) {
        dh -= dh * (hi - maxx) / span;
        hi = maxx;
    }
    spread(row, lo, hi, dh);
}

static void edge(struct map_raster *r, float x0, float y0, float x1,
                 float y1)
{
    if (y0 == y1 || !isfinite(x0) || !isfinite(y0) || !isfinite(x1) ||
        !isfinite(y1))
        return;
    float dir = 1;
    if (y0 > y1) {
        float t = x0;
        x0 = x1;
        x1 = t;
        t = y0;
        y0 = y1;
        y1 = t;
        dir = -1;
    }
    if (y1 <= 0 || y0 >= (float)r->h)
        return;
    float dxdy = (x1 - x0) / (y1 - y0);
    int ra = y0 < 0 ? 0 : (int)y0;
    int rb = y1 > (float)r->h ? r->h : (int)ceilf(y1);
    int stride = r->w + 2;
    for (int y = ra; y < rb; y++) {
        float top = (float)y > y0 ? (float)y : y0;
        float bot = (float)(y + 1) < y1 ? (float)(y + 1) : y1;
        if (bot <= top)
            continue;
        float xa = x0 + (top - y0) * dxdy, xb = x0 + (bot - y0) * dxdy;
        row_piece(r, r->acc + (size_t)y * (size_t)stride, xa, xb,
                  (bot - top) * dir);
    }
    float lx = x0 < x1 ? x0 : x1, hx = x0 < x1 ? x1 : x0;
    int cx0 = lx < 0 ? 0 : (int)lx;
    int cx1 = hx + 2 > (float)r->w ? r->w : (int)hx + 2;
    touch(r, cx0, cx1, ra, rb);
}

/* Twice the signed area (shoelace); positive for clockwise on screen. */
static double ring_area2(const float *xy, size_t n)
{
    double a = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = (i + 1) % n;
        a += (double)xy[2 * i] * xy[2 * j + 1] -
             (double)xy[2 * j] * xy[2 * i + 1];
    }
    return a;
}

void map_raster_add_ring(struct map_raster *r, const float *xy, size_t n,
                         bool hole)
{
    if (n >= 2 && xy[0] == xy[2 * (n - 1)] && xy[1] == xy[2 * n - 1])
        n--; /* drop the closing repeat */
    if (n < 3)
        return;
    bool positive = ring_area2(xy, n) > 0;
    bool reverse = positive == hole; /* outer positive, holes negative */
    for (size_t i = 0; i < n; i++) {
        size_t a = reverse ? n - 1 - i : i;
        size_t b = reverse ? (a + n - 1) % n : (a + 1) % n;
        edge(r, xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1]);
    }
}

void map_raster_add_disc(struct map_raster *r, float cx, float cy,
                         float radius)
{
    enum { SIDES = 24 };
    float xy[2 * SIDES];
    for (int i = 0; i < SIDES; i++) {
        float t = 2 * PI_F * (float)i / SIDES;
        xy[2 * i] = cx + radius * cosf(t);
        xy[2 * i + 1] = cy + radius * sinf(t);
    }
    map_raster_add_ring(r, xy, SIDES, false);
}

void map_raster_add_stroke(struct map_raster *r, const float *xy, size_t n,
                           float width)
{
    float h = width / 2;
    for (size_t i = 0; i + 1 < n; i++) {
        float ax = xy[2 * i], ay = xy[2 * i + 1];
        float bx = xy[2 * i + 2], by = xy[2 * i + 3];
        float dx = bx - ax, dy = by - ay, len = sqrtf(dx * dx + dy * dy);
        if (len <= 0)
            continue;
        float nx = -dy / len * h, ny = dx / len * h;
        float quad[8] = {ax + nx, ay + ny, bx + nx, by + ny,
                         bx - nx, by - ny, ax - nx, ay - ny};
        map_raster_add_ring(r, quad, 4, false);
    }
    /* Round joins and caps. */
    for (size_t i = 0; i < n; i++)
        map_raster_add_disc(r, xy[2 * i], xy[2 * i + 1], h);
}

void map_raster_paint(struct map_raster *r, uint32_t *argb, int pitch,
                      uint32_t rgb, uint8_t alpha, uint8_t *mask)
{
    int stride = r->w + 2;
    uint32_t cr = (rgb >> 16) & 0xff, cg = (rgb >> 8) & 0xff, cb = rgb & 0xff;
    /* Nothing was added left of x0, and right of x1 every row's sum is
     * back to zero (closed shapes), so only the dirty box is resolved. */
    int x1 = r->x1 < r->w ? r->x1 : r->w;
    for (int y = r->y0; y < r->y1; y++) {
        float *row = r->acc + (size_t)y * (size_t)stride;
        uint32_t *out = argb + (size_t)y * (size_t)pitch;
        float s = 0;
        for (int x = r->x0; x < x1; x++) {
            s += row[x];
            row[x] = 0;
            float cov = fabsf(s);
            if (cov > 1)
                cov = 1;
            if (mask)
                mask[(size_t)y * (size_t)r->w + (size_t)x] =
                    (uint8_t)(cov * 255 + 0.5f);
            if (cov <= 0.0f)
                continue;
            int a = (int)(cov * (float)alpha + 0.5f);
            uint32_t d = out[x];
            int dr = (int)((d >> 16) & 0xff), dg = (int)((d >> 8) & 0xff),
                db = (int)(d & 0xff);
            dr += ((int)cr - dr) * a / 255;
            dg += ((int)cg - dg) * a / 255;
            db += ((int)cb - db) * a / 255;
            out[x] = 0xff000000u | (uint32_t)dr << 16 | (uint32_t)dg << 8 |
                     (uint32_t)db;
        }
        for (int x = x1; x < r->w + 2; x++)
            row[x] = 0;
    }
    r->x0 = r->w;
    r->y0 = r->h;
    r->x1 = r->y1 = 0;
}
