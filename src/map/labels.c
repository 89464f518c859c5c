/* labels.c: greedy label placement over a fixed list of candidates.
 *
 * Invariant: every placed rect but a forced one (MAP_LABEL_FORCED, a
 * `must` label with nowhere else to go) is inside the bounds less the
 * margin and keeps `pad` from every other placed rect and every town dot;
 * a label
 * is only ever compared with labels placed before it, so a later, lower
 * priority label can never displace an earlier one.  The order is a
 * stable sort by priority, which makes the result deterministic. */
#include <math.h>
#include <stdlib.h>

#include "core/xalloc.h"
#include "map/labels.h"

bool map_rects_near(const struct map_rect *a, const struct map_rect *b,
                    float pad)
{
    return a->x < b->x + b->w + pad && b->x < a->x + a->w + pad &&
           a->y < b->y + b->h + pad && b->y < a->y + a->h + pad;
}

bool map_rect_near_disc(const struct map_rect *r, float cx, float cy,
                        float radius, float pad)
{
    float nx = fminf(fmaxf(cx, r->x), r->x + r->w);
    float ny = fminf(fmaxf(cy, r->y), r->y + r->h);
    float dx = cx - nx, dy = cy - ny, reach = radius + pad;
    return dx * dx + dy * dy < reach * reach;
}

static const enum map_label_pos town_positions[] = {
    MAP_LABEL_RIGHT,       MAP_LABEL_LEFT,       MAP_LABEL_ABOVE,
    MAP_LABEL_BELOW,       MAP_LABEL_UPPER_RIGHT, MAP_LABEL_UPPER_LEFT,
    MAP_LABEL_LOWER_RIGHT, MAP_LABEL_LOWER_LEFT,
};
static const enum map_label_pos region_positions[] = {
    MAP_LABEL_CENTRE, MAP_LABEL_CENTRE_UP, MAP_LABEL_CENTRE_DOWN,
};

static struct map_rect candidate(const struct map_label_request *q,
                                 enum map_label_pos pos, float w, float h,
                                 float gap)
{
    float d = (q->is_town ? q->dot_r : 0.0f) + gap; /* dot edge + gap */
    float dd = d * 0.70710678f;                     /* on a diagonal */
    float x = q->ax - w / 2.0f, y = q->ay - h / 2.0f;
    switch (pos) {
    case MAP_LABEL_DROPPED:
    case MAP_LABEL_CENTRE:
    case MAP_LABEL_SPOT:
    case MAP_LABEL_LEADER:
    case MAP_LABEL_FORCED:
        break;
    case MAP_LABEL_CENTRE_UP:
        y -= h;
        break;
    case MAP_LABEL_CENTRE_DOWN:
        y += h;
        break;
    case MAP_LABEL_RIGHT:
        x = q->ax + d;
        break;
    case MAP_LABEL_LEFT:
        x = q->ax - d - w;
        break;
    case MAP_LABEL_ABOVE:
        y = q->ay - d - h;
        break;
    case MAP_LABEL_BELOW:
        y = q->ay + d;
        break;
    case MAP_LABEL_UPPER_RIGHT:
        x = q->ax + dd;
        y = q->ay - dd - h;
        break;
    case MAP_LABEL_UPPER_LEFT:
        x = q->ax - dd - w;
        y = q->ay - dd - h;
        break;
    case MAP_LABEL_LOWER_RIGHT:
        x = q->ax + dd;
        y = q->ay + dd;
        break;
    case MAP_LABEL_LOWER_LEFT:
        x = q->ax - dd - w;
        y = q->ay + dd;
        break;
    }
    return (struct map_rect){x, y, w, h};
}

struct placer {
    const struct map_label_request *req;
    size_t n;
    const struct map_rect *bounds;
    const struct map_label_params *par;
    struct map_rect *placed;
    size_t placed_count;
};

static bool fits(const struct placer *pl, size_t self,
                 const struct map_rect *r)
{
    const struct map_rect *b = pl->bounds;
    float m = pl->par->edge_margin;
    if (r->x < b->x + m || r->y < b->y + m || r->x + r->w > b->x + b->w - m
        || r->y + r->h > b->y + b->h - m)
        return false;
    for (size_t i = 0; i < pl->placed_count; i++)
        if (map_rects_near(r, &pl->placed[i], pl->par->pad))
            return false;
    for (size_t i = 0; i < pl->n; i++) {
        const struct map_label_request *q = &pl->req[i];
        /* A label's own dot is kept at `gap` by its candidates. */
        if (q->is_town && i != self &&
            map_rect_near_disc(r, q->ax, q->ay, q->dot_r, pl->par->pad))
            return false;
    }
    return true;
}

static bool try_rect(const struct placer *pl, size_t i,
                     const struct map_rect *r)
{
    const struct map_label_request *q = &pl->req[i];
    if (!fits(pl, i, r))
        return false;
    return !q->inside || !pl->par->inside ||
           pl->par->inside(pl->par->ctx, q->feature, r);
}

static void take(struct placer *pl, struct map_label_result *o, int form,
                 enum map_label_pos pos, const struct map_rect *r)
{
    *o = (struct map_label_result){true, form == 1, pos, *r, 0, 0, 0, 0};
    pl->placed[pl->placed_count++] = *r;
}

/* Whether segment a-b passes through rect r (Liang-Barsky clipping). */
static bool segment_hits_rect(float ax, float ay, float bx, float by,
                              const struct map_rect *r)
{
    float t0 = 0.0f, t1 = 1.0f, dx = bx - ax, dy = by - ay;
    float p[4] = {-dx, dx, -dy, dy};
    float q[4] = {ax - r->x, r->x + r->w - ax, ay - r->y, r->y + r->h - ay};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0.0f) {
            if (q[i] < 0.0f)
                return false;
            continue;
        }
        float t = q[i] / p[i];
        if (p[i] < 0.0f)
            t0 = fmaxf(t0, t);
        else
            t1 = fminf(t1, t);
        if (t0 > t1)
            return false;
    }
    return true;
}

/* Beside the anchor, in eight directions at growing distances, the
 * horizontal ones first (a label beside its place reads best). */
static bool lead_out(struct placer *pl, size_t i, int form,
                     struct map_label_result *o)
{
    static const float dirs[8][2] = {
        {1, 0}, {-1, 0}, {0, -1}, {0, 1},
        {0.7071f, -0.7071f}, {-0.7071f, -0.7071f},
        {0.7071f, 0.7071f}, {-0.7071f, 0.7071f},
    };
    static const float steps[] = {1.0f, 1.8f, 2.8f, 4.0f, 5.5f};
    const struct map_label_request *q = &pl->req[i];
    float w = form ? q->w2 : q->w, h = form ? q->h2 : q->h;
    for (size_t k = 0; k < sizeof steps / sizeof *steps; k++) {
        float d = steps[k] * (h + pl->par->gap);
        for (size_t j = 0; j < 8; j++) {
            float cx = q->ax + dirs[j][0] * (w / 2.0f + d);
            float cy = q->ay + dirs[j][1] * (h / 2.0f + d);
            struct map_rect r = {cx - w / 2.0f, cy - h / 2.0f, w, h};
            if (!fits(pl, i, &r))
                continue;
            /* The line crosses no label placed before. */
            float ex = fminf(fmaxf(q->ax, r.x), r.x + r.w);
            float ey = fminf(fmaxf(q->ay, r.y), r.y + r.h);
            bool clear = true;
            for (size_t c = 0; c < pl->placed_count && clear; c++)
                clear = !segment_hits_rect(q->ax, q->ay, ex, ey,
                                           &pl->placed[c]);
            if (!clear)
                continue;
            take(pl, o, form, MAP_LABEL_LEADER, &r);
            o->lx0 = q->ax;
            o->ly0 = q->ay;
            o->lx1 = ex;
            o->ly1 = ey;
            return true;
        }
    }
    return false;
}

/* A `must` label's last search: every position of a grid over the
 * bounds, the nearest to the anchor that fits (its leader may cross other
 * labels). */
static bool scan(struct placer *pl, size_t i, int form,
                 struct map_label_result *o)
{
    const struct map_label_request *q = &pl->req[i];
    const struct map_rect *b = pl->bounds;
    float w = form ? q->w2 : q->w, h = form ? q->h2 : q->h;
    float step = fmaxf(h / 2.0f, 2.0f);
    float best = INFINITY;
    struct map_rect pick = {0, 0, 0, 0};
    for (float y = b->y; y + h <= b->y + b->h; y += step)
        for (float x = b->x; x + w <= b->x + b->w; x += step) {
            struct map_rect r = {x, y, w, h};
            float cx = fminf(fmaxf(q->ax, x), x + w) - q->ax;
            float cy = fminf(fmaxf(q->ay, y), y + h) - q->ay;
            float d = cx * cx + cy * cy;
            if (d < best && fits(pl, i, &r)) {
                best = d;
                pick = r;
            }
        }
    if (!(best < INFINITY))
        return false;
    take(pl, o, form, MAP_LABEL_LEADER, &pick);
    o->lx0 = q->ax;
    o->ly0 = q->ay;
    o->lx1 = fminf(fmaxf(q->ax, pick.x), pick.x + pick.w);
    o->ly1 = fminf(fmaxf(q->ay, pick.y), pick.y + pick.h);
    return true;
}

static void place_one(struct placer *pl, size_t i, struct map_label_result *o)
{
    const struct map_label_request *q = &pl->req[i];
    const enum map_label_pos *pos = q->is_town ? town_positions
                                               : region_positions;
    size_t npos = q->is_town
                      ? sizeof town_positions / sizeof *town_positions
                      : sizeof region_positions / sizeof *region_positions;
    *o = (struct map_label_result){.pos = MAP_LABEL_DROPPED};
    for (int form = 0; form < 2; form++) {
        float w = form ? q->w2 : q->w, h = form ? q->h2 : q->h;
        if (!(w > 0.0f && h > 0.0f))
            continue;
        for (size_t k = 0; k < npos; k++) {
            struct map_rect r = candidate(q, pos[k], w, h, pl->par->gap);
            if (try_rect(pl, i, &r)) {
                take(pl, o, form, pos[k], &r);
                return;
            }
        }
        for (size_t k = 0; !q->is_town && k < q->spot_count; k++) {
            struct map_rect r = {q->spots[2 * k] - w / 2.0f,
                                 q->spots[2 * k + 1] - h / 2.0f, w, h};
            if (try_rect(pl, i, &r)) {
                take(pl, o, form, MAP_LABEL_SPOT, &r);
                return;
            }
        }
    }
    for (int form = 0; q->leader && form < 2; form++) {
        float w = form ? q->w2 : q->w, h = form ? q->h2 : q->h;
        if (w > 0.0f && h > 0.0f && lead_out(pl, i, form, o))
            return;
    }
    if (!q->must || !(q->w > 0.0f && q->h > 0.0f))
        return;
    int form = q->w2 > 0.0f && q->h2 > 0.0f && q->w2 < q->w ? 1 : 0;
    if (scan(pl, i, form, o))
        return;
    float w = form ? q->w2 : q->w, h = form ? q->h2 : q->h;
    const struct map_rect *b = pl->bounds;
    float m = pl->par->edge_margin;
    struct map_rect r = {q->ax - w / 2.0f, q->ay - h / 2.0f, w, h};
    r.x = fmaxf(fminf(r.x, b->x + b->w - m - w), b->x + m);
    r.y = fmaxf(fminf(r.y, b->y + b->h - m - h), b->y + m);
    take(pl, o, form, MAP_LABEL_FORCED, &r);
}

struct order_key {
    int priority;
    size_t index;
};

static int by_priority(const void *a, const void *b)
{
    const struct order_key *x = a, *y = b;
    if (x->priority != y->priority)
        return x->priority > y->priority ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

void map_labels_place(const struct map_label_request *req, size_t n,
                      const struct map_rect *bounds,
                      const struct map_label_params *params,
                      struct map_label_result *out)
{
    if (n == 0)
        return;
    struct order_key *order = xmalloc(n * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = (struct order_key){req[i].priority, i};
    qsort(order, n, sizeof *order, by_priority);
    struct placer pl = {req, n, bounds, params,
                        xmalloc(n * sizeof *pl.placed), 0};
    for (size_t k = 0; k < n; k++)
        place_one(&pl, order[k].index, &out[order[k].index]);
    free(pl.placed);
    free(order);
}

/* ---- side columns ------------------------------------------------------- */

struct side_item {
    size_t index;
    float ay, w, h;
    bool short_form;
};

static int by_anchor_y(const void *a, const void *b)
{
    const struct side_item *x = a, *y = b;
    if (x->ay != y->ay)
        return x->ay < y->ay ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

/* One column of k items stacked between top and bottom: each centred on
 * its anchor's height where the others allow (pushed down, then up);
 * false if they do not fit.  ys[i] is item i's top. */
static bool stack(const struct side_item *it, size_t k, float top,
                  float bottom, float pad, float *ys)
{
    for (size_t i = 0; i < k; i++) {
        ys[i] = it[i].ay - it[i].h / 2;
        if (ys[i] < top)
            ys[i] = top;
        if (i && ys[i] < ys[i - 1] + it[i - 1].h + pad)
            ys[i] = ys[i - 1] + it[i - 1].h + pad;
    }
    for (size_t i = k; i-- > 0;) {
        float most = i + 1 < k ? ys[i + 1] - pad - it[i].h : bottom - it[i].h;
        if (ys[i] > most)
            ys[i] = most;
    }
    return k == 0 || ys[0] >= top;
}

/* Whether must-label i is in the first half of the must-labels' anchors
 * (by x, or by y with `by_y`, then by order): the western (northern)
 * half, whose names go left of the map (above it). */
static bool first_half(const struct map_label_request *req, size_t n,
                       size_t i, size_t musts, bool by_y)
{
    float a = by_y ? req[i].ay : req[i].ax;
    size_t before = 0;
    for (size_t j = 0; j < n; j++) {
        float b = by_y ? req[j].ay : req[j].ax;
        before += req[j].must && (b < a || (b == a && j < i));
    }
    return before < musts / 2;
}

void map_labels_side_room(const struct map_label_request *req, size_t n,
                          bool brief, struct map_side_room *room)
{
    *room = (struct map_side_room){0, 0, 0, 0};
    size_t musts = 0;
    for (size_t i = 0; i < n; i++)
        musts += req[i].must;
    for (size_t i = 0; i < n; i++) {
        const struct map_label_request *q = &req[i];
        if (!q->must)
            continue;
        bool b = brief && q->w2 > 0;
        float w = b ? q->w2 : q->w, h = b ? q->h2 : q->h;
        float *x = first_half(req, n, i, musts, false) ? &room->left
                                                        : &room->right;
        float *y = first_half(req, n, i, musts, true) ? &room->above
                                                       : &room->below;
        *x = fmaxf(*x, w);
        *y = fmaxf(*y, h);
    }
}

/* The columns of map_labels_place_sides in the frame given: `side` the
 * margin left and right of them, `along` above and below, `sep` between
 * two labels of one column. */
static bool columns(const struct map_label_request *req, size_t n,
                    const struct map_rect *bounds, float side, float along,
                    float sep, const struct map_label_params *params,
                    struct map_label_result *out)
{
    float lo = INFINITY, hi = -INFINITY;
    size_t musts = 0;
    for (size_t i = 0; i < n; i++)
        if (req[i].must) {
            lo = fminf(lo, req[i].ax);
            hi = fmaxf(hi, req[i].ax);
            musts++;
        }
    if (lo > hi)
        return false;
    if (params->clear.w > 0 && params->clear.h > 0) {
        lo = fminf(lo, params->clear.x);
        hi = fmaxf(hi, params->clear.x + params->clear.w);
    }
    float gap = 2 * params->gap + params->pad; /* room for the line */
    float left_end = lo - gap, right_start = hi + gap;
    float x0 = bounds->x + side, x1 = bounds->x + bounds->w - side;
    struct side_item *it = xmalloc(2 * (n ? n : 1) * sizeof *it);
    struct side_item *left = it, *right = it + n;
    float *ys = xmalloc(2 * (n ? n : 1) * sizeof *ys);
    size_t nl = 0, nr = 0;
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const struct map_label_request *q = &req[i];
        if (!q->must)
            continue;
        bool is_left = first_half(req, n, i, musts, false);
        float room = is_left ? left_end - x0 : x1 - right_start;
        struct side_item e = {i, q->ay, q->w, q->h, false};
        if (e.w > room && q->w2 > 0 && q->w2 <= room)
            e = (struct side_item){i, q->ay, q->w2, q->h2, true};
        ok = e.w <= room;
        if (is_left)
            left[nl++] = e;
        else
            right[nr++] = e;
    }
    qsort(left, nl, sizeof *left, by_anchor_y);
    qsort(right, nr, sizeof *right, by_anchor_y);
    float top = bounds->y + along, bottom = bounds->y + bounds->h - along;
    bool stacked = false;
    for (int brief = 0; brief < 2 && ok && !stacked; brief++) {
        /* a column that will not stack in full forms takes the short
         * ones, where a label has one */
        for (size_t k = 0; brief && k < nl + nr; k++) {
            struct side_item *e = &it[k < nl ? k : n + k - nl];
            const struct map_label_request *q = &req[e->index];
            if (!e->short_form && q->w2 > 0)
                *e = (struct side_item){e->index, e->ay, q->w2, q->h2, true};
        }
        stacked = stack(left, nl, top, bottom, sep, ys) &&
                  stack(right, nr, top, bottom, sep, ys + n);
    }
    ok = ok && stacked;
    if (ok) {
        for (size_t i = 0; i < n; i++)
            out[i] = (struct map_label_result){0};
        for (size_t s = 0; s < nl + nr; s++) {
            bool l = s < nl;
            const struct side_item *e = l ? &left[s] : &right[s - nl];
            const struct map_label_request *q = &req[e->index];
            float y = l ? ys[s] : ys[n + s - nl];
            struct map_rect r = {l ? left_end - e->w : right_start, y, e->w,
                                 e->h};
            float ex = l ? r.x + r.w : r.x;
            float ey = fminf(fmaxf(q->ay, r.y), r.y + r.h);
            out[e->index] = (struct map_label_result){
                true, e->short_form, MAP_LABEL_LEADER, r, q->ax, q->ay, ex,
                ey};
        }
    }
    free(ys);
    free(it);
    return ok;
}

bool map_labels_place_sides(const struct map_label_request *req, size_t n,
                            const struct map_rect *bounds,
                            const struct map_label_params *params,
                            struct map_label_result *out)
{
    /* Columns: the screen's edge at their sides, the map's own room (a
     * bar, a strip) above and below them, where the spacing is enough. */
    if (columns(req, n, bounds, params->edge_margin, params->pad,
                params->pad, params, out))
        return true;
    /* Rows: the same with x and y exchanged. */
    struct map_label_request *t = xmalloc((n ? n : 1) * sizeof *t);
    struct map_label_result *tr = xmalloc((n ? n : 1) * sizeof *tr);
    for (size_t i = 0; i < n; i++) {
        t[i] = req[i];
        t[i].ax = req[i].ay, t[i].ay = req[i].ax;
        t[i].w = req[i].h, t[i].h = req[i].w;
        t[i].w2 = req[i].h2, t[i].h2 = req[i].w2;
    }
    struct map_rect tb = {bounds->y, bounds->x, bounds->h, bounds->w};
    struct map_label_params tp = *params;
    tp.clear = (struct map_rect){params->clear.y, params->clear.x,
                                 params->clear.h, params->clear.w};

    float sep = params->row_sep > params->pad ? params->row_sep : params->pad;
    bool ok = columns(t, n, &tb, params->pad, params->edge_margin, sep, &tp,
                      tr);
    for (size_t i = 0; ok && i < n; i++) {
        const struct map_label_result *r = &tr[i];
        out[i] = *r;
        out[i].rect = (struct map_rect){r->rect.y, r->rect.x, r->rect.h,
                                        r->rect.w};
        out[i].lx0 = r->ly0, out[i].ly0 = r->lx0;
        out[i].lx1 = r->ly1, out[i].ly1 = r->lx1;
    }
    free(tr);
    free(t);
    return ok;
}
