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
    r->row_x0 = xmalloc((size_t)r->h * sizeof *r->row_x0);
    r->row_x1 = xmalloc((size_t)r->h * sizeof *r->row_x1);
    for (int y = 0; y < r->h; y++) {
        r->row_x0[y] = r->w;
        r->row_x1[y] = 0;
    }
    r->y0 = r->h;
    r->y1 = 0;
    return r;
}

void map_raster_destroy(struct map_raster *r)
{
    if (!r)
        return;
    free(r->acc);
    free(r->row_x0);
    free(r->row_x1);
    free(r);
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
        /* This row's dirty columns: the piece's, plus one for its carry. */
        float lo = xa < xb ? xa : xb, hi = xa < xb ? xb : xa;
        int c0 = lo < 0 ? 0 : lo >= (float)r->w ? r->w : (int)lo;
        int c1 = hi + 2 >= (float)r->w ? r->w : hi < 0 ? 1 : (int)hi + 2;
        if (c0 < r->row_x0[y])
            r->row_x0[y] = c0;
        if (c1 > r->row_x1[y])
            r->row_x1[y] = c1;
    }
    if (ra < r->y0)
        r->y0 = ra;
    if (rb > r->y1)
        r->y1 = rb;
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

/* Enough sides that a polygon of this radius strays less than a
 * twentieth of a pixel from the circle: sagitta r (1 - cos(pi / n)). */
static int sides_for(float radius)
{
    int sides = 6;
    while (sides < 48 && radius * (1 - cosf(PI_F / (float)sides)) > 0.05f)
        sides += 2;
    return sides;
}

/* A regular polygon of `sides` sides around (cx, cy). */
static void polygon(struct map_raster *r, float cx, float cy, float radius,
                    int sides)
{
    enum { MAX_SIDES = 48 };
    static float unit[MAX_SIDES + 1][2 * MAX_SIDES];
    static bool ready;
    if (!ready) {
        for (int n = 3; n <= MAX_SIDES; n++)
            for (int i = 0; i < n; i++) {
                float t = 2 * PI_F * (float)i / (float)n;
                unit[n][2 * i] = cosf(t);
                unit[n][2 * i + 1] = sinf(t);
            }
        ready = true;
    }
    float xy[2 * MAX_SIDES];
    for (int i = 0; i < sides; i++) {
        xy[2 * i] = cx + radius * unit[sides][2 * i];
        xy[2 * i + 1] = cy + radius * unit[sides][2 * i + 1];
    }
    map_raster_add_ring(r, xy, (size_t)sides, false);
}

void map_raster_add_disc(struct map_raster *r, float cx, float cy,
                         float radius)
{
    polygon(r, cx, cy, radius, sides_for(radius));
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
    /* Round joins and caps; a join is only visible where the line turns,
     * and not at all on hairlines. */
    if (h < 0.75f)
        return;
    int sides = sides_for(h);
    for (size_t i = 0; i < n; i++) {
        bool end = i == 0 || i + 1 == n;
        if (!end) {
            float ux = xy[2 * i] - xy[2 * i - 2];
            float uy = xy[2 * i + 1] - xy[2 * i - 1];
            float vx = xy[2 * i + 2] - xy[2 * i];
            float vy = xy[2 * i + 3] - xy[2 * i + 1];
            float cross = ux * vy - uy * vx, dot = ux * vx + uy * vy;
            /* The gap a turn of angle a opens is about h * a. */
            if (dot > 0 && fabsf(cross) * h < 0.1f * dot)
                continue;
        }
        polygon(r, xy[2 * i], xy[2 * i + 1], h, sides);
    }
}

/* Blends one pixel: d + (c - d) * a / 255 per channel. */
static inline uint32_t blend(uint32_t d, uint32_t c, int a)
{
    int dr = (int)((d >> 16) & 0xff), dg = (int)((d >> 8) & 0xff),
        db = (int)(d & 0xff);
    dr += ((int)((c >> 16) & 0xff) - dr) * a / 255;
    dg += ((int)((c >> 8) & 0xff) - dg) * a / 255;
    db += ((int)(c & 0xff) - db) * a / 255;
    return 0xff000000u | (uint32_t)dr << 16 | (uint32_t)dg << 8 |
           (uint32_t)db;
}

void map_raster_paint(struct map_raster *r, uint32_t *argb, int pitch,
                      uint32_t rgb, uint8_t alpha, uint8_t *mask)
{
    int stride = r->w + 2;
    uint32_t solid = alpha == 255 ? (0xff000000u | rgb) : 0;
    /* Nothing was added left of a row's x0, and right of its x1 the row's
     * sum is back to zero (closed shapes), so only that span is resolved.
     * Most pixels are empty or fully covered: those take no blending. */
    for (int y = r->y0; y < r->y1; y++) {
        float *row = r->acc + (size_t)y * (size_t)stride;
        int x0 = r->row_x0[y], x1 = r->row_x1[y];
        r->row_x0[y] = r->w;
        r->row_x1[y] = 0;
        if (x0 >= x1) {
            row[r->w] = row[r->w + 1] = 0;
            continue;
        }
        uint32_t *out = argb + (size_t)y * (size_t)pitch;
        uint8_t *mrow = mask ? mask + (size_t)y * (size_t)r->w : NULL;
        float s = 0;
        for (int x = x0; x < x1; x++) {
            s += row[x];
            row[x] = 0;
            float cov = fabsf(s);
            if (cov < 0.5f / 255) {
                continue;
            } else if (cov >= 1 - 0.5f / 255) {
                if (mrow)
                    mrow[x] = 255;
                out[x] = solid ? solid : blend(out[x], rgb, alpha);
                continue;
            }
            if (mrow)
                mrow[x] = (uint8_t)(cov * 255 + 0.5f);
            int a = (int)(cov * (float)alpha + 0.5f);
            if (a > 0)
                out[x] = blend(out[x], rgb, a);
        }
        for (int x = x1; x < r->w + 2 && x < x1 + 2; x++)
            row[x] = 0;
        row[r->w] = row[r->w + 1] = 0;
    }
    r->y0 = r->h;
    r->y1 = 0;
}
