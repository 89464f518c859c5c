/* geojson.c: GeoJSON features into exhibit geometry (see geojson.h). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "content/geojson.h"
#include "core/xalloc.h"

struct ctx {
    const struct content_source *src;
    struct diag_list *d;
    struct arena *arena;
    struct geojson_build *mb;
    enum content_feature_kind kind;
    size_t *offs;
    size_t noffs;
    size_t feature;      /* index in the file, for positions */
    size_t errors;
};

static void err(struct ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void err(struct ctx *c, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t off = c->feature < c->noffs ? c->offs[c->feature] : 0;
    content_diag_at(c->d, DIAG_ERROR, c->src, off, "feature %zu: %s",
                    c->feature + 1, msg);
    c->errors++;
}

size_t geojson_feature_offsets(const char *t, size_t len, size_t *out,
                               size_t max)
{
    /* Find "features" as a key at depth 1, then record each element start
     * of the array that follows at depth 2. */
    int depth = 0;
    size_t n = 0;
    bool in_features = false, want_value = false, expect_elem = false;
    int features_depth = -1;
    for (size_t i = 0; i < len; i++) {
        char ch = t[i];
        if (ch == '"') {
            size_t s = i + 1, j = s;
            while (j < len && t[j] != '"') {
                if (t[j] == '\\')
                    j++;
                j++;
            }
            if (in_features && expect_elem && depth == features_depth + 1) {
                if (n < max)
                    out[n] = i;
                n++;
                expect_elem = false;
            }
            if (depth == 1 && !in_features && j - s == 8 &&
                memcmp(t + s, "features", 8) == 0)
                want_value = true;
            i = j;
            continue;
        }
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == ':')
            continue;
        if (want_value) {
            want_value = false;
            if (ch == '[') {
                in_features = true;
                features_depth = depth;
                expect_elem = true;
                depth++;
                continue;
            }
        }
        if (in_features && expect_elem && depth == features_depth + 1 &&
            ch != ']' && ch != ',') {
            if (n < max)
                out[n] = i;
            n++;
            expect_elem = false;
        }
        if (ch == '{' || ch == '[') {
            depth++;
        } else if (ch == '}' || ch == ']') {
            depth--;
            if (in_features && depth == features_depth) {
                in_features = false;
                features_depth = -1;
            }
        } else if (ch == ',' && in_features &&
                   depth == features_depth + 1) {
            expect_elem = true;
        }
    }
    return n;
}

static bool add_point(struct ctx *c, json_t *pos, const char *where)
{
    if (!json_is_array(pos) || json_array_size(pos) < 2 ||
        !json_is_number(json_array_get(pos, 0)) ||
        !json_is_number(json_array_get(pos, 1))) {
        err(c, "%s: a position must be [longitude, latitude]", where);
        return false;
    }
    double lon = json_number_value(json_array_get(pos, 0));
    double lat = json_number_value(json_array_get(pos, 1));
    if (!isfinite(lon) || !isfinite(lat) || lon < -180 || lon > 180 ||
        lat < -90 || lat > 90) {
        err(c, "%s: position [%g, %g] is outside longitude -180..180, "
            "latitude -90..90 (are longitude and latitude swapped?)",
            where, lon, lat);
        return false;
    }
    if (c->mb->point_count >= CONTENT_MAX_MAP_POINTS) {
        err(c, "the map has more than %d points; simplify it (for example "
            "with mapshaper or QGIS)", CONTENT_MAX_MAP_POINTS);
        return false;
    }
    struct geojson_build *mb = c->mb;
    mb->points = xgrow(mb->points, &mb->point_cap, mb->point_count + 1,
                       sizeof *mb->points);
    mb->points[mb->point_count++] = (struct content_lonlat){lon, lat};
    return true;
}

struct seg {
    double x0, y0, x1, y1, minx, maxx;
    uint32_t i; /* index of its first point in the ring */
};

static int seg_cmp(const void *a, const void *b)
{
    double x = ((const struct seg *)a)->minx, y = ((const struct seg *)b)->minx;
    return (x > y) - (x < y);
}

static double orient(double ax, double ay, double bx, double by, double cx,
                     double cy)
{
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

static bool on_segment(double ax, double ay, double bx, double by, double px,
                       double py)
{
    return px >= fmin(ax, bx) && px <= fmax(ax, bx) && py >= fmin(ay, by) &&
           py <= fmax(ay, by);
}

static bool segs_meet(const struct seg *a, const struct seg *b)
{
    double d1 = orient(a->x0, a->y0, a->x1, a->y1, b->x0, b->y0);
    double d2 = orient(a->x0, a->y0, a->x1, a->y1, b->x1, b->y1);
    double d3 = orient(b->x0, b->y0, b->x1, b->y1, a->x0, a->y0);
    double d4 = orient(b->x0, b->y0, b->x1, b->y1, a->x1, a->y1);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) &&
        ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        return true;
    return (d1 == 0 && on_segment(a->x0, a->y0, a->x1, a->y1, b->x0, b->y0)) ||
           (d2 == 0 && on_segment(a->x0, a->y0, a->x1, a->y1, b->x1, b->y1)) ||
           (d3 == 0 && on_segment(b->x0, b->y0, b->x1, b->y1, a->x0, a->y0)) ||
           (d4 == 0 && on_segment(b->x0, b->y0, b->x1, b->y1, a->x1, a->y1));
}

/* Whether the closed ring of n points (last = first) crosses or touches
 * itself; *where gets a point near the first place found.  Segments are
 * swept in order of their left ends, so only those whose x ranges overlap
 * are compared. */
static bool ring_self_intersects(const struct content_lonlat *p, uint32_t n,
                                 struct content_lonlat *where)
{
    uint32_t m = n - 1; /* segments */
    struct seg *sg = xmalloc(m * sizeof *sg);
    for (uint32_t i = 0; i < m; i++) {
        sg[i] = (struct seg){p[i].lon, p[i].lat, p[i + 1].lon, p[i + 1].lat,
                             fmin(p[i].lon, p[i + 1].lon),
                             fmax(p[i].lon, p[i + 1].lon), i};
    }
    qsort(sg, m, sizeof *sg, seg_cmp);
    bool found = false;
    for (uint32_t a = 0; a < m && !found; a++) {
        for (uint32_t b = a + 1; b < m && sg[b].minx <= sg[a].maxx; b++) {
            uint32_t i = sg[a].i, j = sg[b].i;
            uint32_t gap = i > j ? i - j : j - i;
            if (gap == 1 || gap == m - 1)
                continue; /* neighbours share a point by design */
            if (segs_meet(&sg[a], &sg[b])) {
                where->lon = sg[a].x0;
                where->lat = sg[a].y0;
                found = true;
                break;
            }
        }
    }
    free(sg);
    return found;
}

/* A ring or polyline; rings must be closed and have 4+ positions. */
static bool add_ring(struct ctx *c, json_t *coords, bool ring,
                     const char *where)
{
    size_t n = json_is_array(coords) ? json_array_size(coords) : 0;
    if (!json_is_array(coords) || n < (ring ? 4u : 2u)) {
        err(c, "%s: a %s needs at least %d positions", where,
            ring ? "polygon ring" : "line", ring ? 4 : 2);
        return false;
    }
    struct geojson_build *mb = c->mb;
    uint32_t first = (uint32_t)mb->point_count;
    for (size_t i = 0; i < n; i++)
        if (!add_point(c, json_array_get(coords, i), where))
            return false;
    if (ring) {
        struct content_lonlat a = mb->points[first];
        struct content_lonlat b = mb->points[mb->point_count - 1];
        if (a.lon != b.lon || a.lat != b.lat) {
            err(c, "%s: the ring is not closed; its last position must "
                "repeat the first [%g, %g]", where, a.lon, a.lat);
            return false;
        }
        struct content_lonlat at;
        if (ring_self_intersects(mb->points + first,
                                 (uint32_t)(mb->point_count - first), &at)) {
            err(c, "%s: a ring crosses or touches itself near [%g, %g]; "
                "redraw it there (QGIS: Vector > Geometry Tools > Check "
                "Validity)", where, at.lon, at.lat);
            return false;
        }
    }
    mb->rings = xgrow(mb->rings, &mb->ring_cap, mb->ring_count + 1,
                      sizeof *mb->rings);
    mb->rings[mb->ring_count++] =
        (struct content_ring){first, (uint32_t)(mb->point_count - first)};
    return true;
}

static bool add_part(struct ctx *c, json_t *coords, bool polygon,
                     const char *where)
{
    struct geojson_build *mb = c->mb;
    uint32_t first_ring = (uint32_t)mb->ring_count;
    if (polygon) {
        if (!json_is_array(coords) || json_array_size(coords) == 0) {
            err(c, "%s: a polygon needs at least one ring", where);
            return false;
        }
        for (size_t i = 0; i < json_array_size(coords); i++)
            if (!add_ring(c, json_array_get(coords, i), true, where))
                return false;
    } else if (!add_ring(c, coords, false, where)) {
        return false;
    }
    mb->parts = xgrow(mb->parts, &mb->part_cap, mb->part_count + 1,
                      sizeof *mb->parts);
    mb->parts[mb->part_count++] = (struct content_part){
        first_ring, (uint32_t)(mb->ring_count - first_ring)};
    return true;
}

static bool geometry(struct ctx *c, json_t *g, struct content_feature *f)
{
    if (!json_is_object(g)) {
        err(c, "\"geometry\" is missing or null; draw the shape (e.g. in "
            "geojson.io) or remove the feature");
        return false;
    }
    const char *type = json_string_value(json_object_get(g, "type"));
    json_t *coords = json_object_get(g, "coordinates");
    if (!type) {
        err(c, "the geometry has no \"type\"");
        return false;
    }
    static const char *const allowed[] = {
        [CONTENT_REGION] = "Polygon or MultiPolygon",
        [CONTENT_TOWN] = "Point",
        [CONTENT_BORDER] = "LineString or MultiLineString",
        [CONTENT_OUTLINE] = "Polygon or MultiPolygon",
    };
    bool multi = strncmp(type, "Multi", 5) == 0;
    const char *base = multi ? type + 5 : type;
    enum content_geom want = c->kind == CONTENT_TOWN     ? CONTENT_GEOM_POINT
                             : c->kind == CONTENT_BORDER ? CONTENT_GEOM_LINES
                                                         : CONTENT_GEOM_POLYGONS;
    enum content_geom got;
    if (strcmp(base, "Point") == 0 && !multi)
        got = CONTENT_GEOM_POINT;
    else if (strcmp(base, "LineString") == 0)
        got = CONTENT_GEOM_LINES;
    else if (strcmp(base, "Polygon") == 0)
        got = CONTENT_GEOM_POLYGONS;
    else {
        err(c, "geometry type \"%s\" is not supported; this file takes %s",
            type, allowed[c->kind]);
        return false;
    }
    if (got != want) {
        err(c, "geometry type \"%s\" does not belong in this file; it "
            "takes %s", type, allowed[c->kind]);
        return false;
    }
    f->geom = got;
    f->first_part = (uint32_t)c->mb->part_count;
    if (got == CONTENT_GEOM_POINT) {
        uint32_t first = (uint32_t)c->mb->point_count;
        if (!add_point(c, coords, "Point"))
            return false;
        struct geojson_build *mb = c->mb;
        mb->rings = xgrow(mb->rings, &mb->ring_cap, mb->ring_count + 1,
                          sizeof *mb->rings);
        mb->rings[mb->ring_count++] = (struct content_ring){first, 1};
        mb->parts = xgrow(mb->parts, &mb->part_cap, mb->part_count + 1,
                          sizeof *mb->parts);
        mb->parts[mb->part_count++] =
            (struct content_part){(uint32_t)mb->ring_count - 1, 1};
    } else if (multi) {
        if (!json_is_array(coords) || json_array_size(coords) == 0) {
            err(c, "%s has no coordinates (empty geometry)", type);
            return false;
        }
        for (size_t i = 0; i < json_array_size(coords); i++)
            if (!add_part(c, json_array_get(coords, i),
                          got == CONTENT_GEOM_POLYGONS, type))
                return false;
    } else if (!add_part(c, coords, got == CONTENT_GEOM_POLYGONS, type)) {
        return false;
    }
    f->part_count = (uint32_t)c->mb->part_count - f->first_part;
    return true;
}

static bool is_string(json_t *v, const char *s)
{
    const char *t = json_string_value(v);
    return t && strcmp(t, s) == 0;
}

static const char *prop_string(struct ctx *c, json_t *props, const char *k)
{
    const char *s = json_string_value(json_object_get(props, k));
    return s ? arena_strdup(c->arena, s) : NULL;
}

static bool valid_id(const char *s)
{
    if (!*s || strlen(s) >= 64)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '-'))
            return false;
    return true;
}

static void feature(struct ctx *c, json_t *ft)
{
    if (!json_is_object(ft) || !is_string(json_object_get(ft, "type"),
                                          "Feature")) {
        err(c, "each element of \"features\" must be an object with "
            "\"type\": \"Feature\"");
        return;
    }
    json_t *props = json_object_get(ft, "properties");
    const char *id = json_string_value(json_object_get(props, "id"));
    if (!id) {
        err(c, "the feature has no \"id\" in its \"properties\"; add one "
            "that matches its card in places.txt");
        return;
    }
    if (!valid_id(id)) {
        err(c, "id \"%s\" may only use lower-case letters, digits and '-'",
            id);
        return;
    }
    struct geojson_build *mb = c->mb;
    for (size_t i = 0; i < mb->feature_count; i++) {
        if (strcmp(mb->features[i].id, id) == 0) {
            err(c, "id \"%s\" is used twice on the map (also %s line %u); "
                "ids must be unique", id, mb->features[i].file,
                mb->features[i].line);
            return;
        }
    }
    if (mb->feature_count >= CONTENT_MAX_FEATURES) {
        err(c, "the map has more than %d features", CONTENT_MAX_FEATURES);
        return;
    }
    struct content_feature f = {
        .id = arena_strdup(c->arena, id),
        .kind = c->kind,
        .place = -1,
        .file = c->src->path,
    };
    unsigned col;
    content_position(c->src->text, c->feature < c->noffs
                                        ? c->offs[c->feature] : 0,
                     &f.line, &col);
    f.name[TEXT_LANG_ZH] = prop_string(c, props, "name_zh");
    f.name[TEXT_LANG_EN] = prop_string(c, props, "name_en");
    f.name[TEXT_LANG_UG] = prop_string(c, props, "name_ug");
    f.context = json_is_true(json_object_get(props, "context"));
    f.soviet_border =
        json_is_true(json_object_get(props, "soviet_border_1962"));
    json_t *label = json_object_get(props, "label_point");
    if (json_is_array(label) && json_array_size(label) == 2 &&
        json_is_number(json_array_get(label, 0)) &&
        json_is_number(json_array_get(label, 1))) {
        f.has_label = true;
        f.label.lon = json_number_value(json_array_get(label, 0));
        f.label.lat = json_number_value(json_array_get(label, 1));
    }
    size_t points = mb->point_count, rings = mb->ring_count,
           parts = mb->part_count;
    if (!geometry(c, json_object_get(ft, "geometry"), &f)) {
        mb->point_count = points; /* drop what the bad feature added */
        mb->ring_count = rings;
        mb->part_count = parts;
        return;
    }
    mb->features = xgrow(mb->features, &mb->feature_cap,
                         mb->feature_count + 1, sizeof *mb->features);
    mb->features[mb->feature_count++] = f;
}

/* Counts '[' outside strings: an upper bound on positions, so a file of
 * a million points is refused before jansson builds a million arrays. */
static size_t count_arrays(const char *t, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (t[i] == '"') {
            for (i++; i < len && t[i] != '"'; i++)
                if (t[i] == '\\')
                    i++;
        } else if (t[i] == '[') {
            n++;
        }
    }
    return n;
}

bool geojson_load(const struct content_source *src,
                  enum content_feature_kind kind, struct arena *arena,
                  struct geojson_build *mb, struct diag_list *d)
{
    struct ctx c = {.src = src, .d = d, .arena = arena, .mb = mb,
                    .kind = kind};
    size_t arrays = count_arrays(src->text, src->len);
    if (arrays > CONTENT_MAX_MAP_POINTS + CONTENT_MAX_MAP_POINTS / 5) {
        diag_add(d, DIAG_ERROR, src->path, 0, 0, NULL, "this map file has "
                 "about %zu coordinate lists; the limit is %d points — "
                 "simplify it (for example with mapshaper or QGIS)", arrays,
                 CONTENT_MAX_MAP_POINTS);
        return false;
    }
    json_error_t je;
    json_t *root = json_loadb(src->text, src->len, JSON_ALLOW_NUL, &je);
    if (!root) {
        unsigned line = je.line > 0 ? (unsigned)je.line : 0;
        unsigned col = je.column > 0 ? (unsigned)je.column : 0;
        const char *lstart = src->text;
        for (unsigned l = 1; l < line && lstart; l++) {
            lstart = strchr(lstart, '\n');
            lstart = lstart ? lstart + 1 : NULL;
        }
        diag_add(d, DIAG_ERROR, src->path, line, col, lstart,
                 "this is not valid JSON: %s (check the commas and brackets "
                 "near here, or open the file in geojson.io)", je.text);
        return false;
    }
    json_t *features = json_object_get(root, "features");
    if (!json_is_object(root) ||
        !is_string(json_object_get(root, "type"), "FeatureCollection") ||
        !json_is_array(features)) {
        diag_add(d, DIAG_ERROR, src->path, 1, 1, src->text, "a map file "
                 "must be a GeoJSON FeatureCollection: {\"type\": "
                 "\"FeatureCollection\", \"features\": [...]}");
        json_decref(root);
        return false;
    }
    size_t n = json_array_size(features);
    c.offs = xmalloc((n + 1) * sizeof *c.offs);
    c.noffs = geojson_feature_offsets(src->text, src->len, c.offs, n);
    if (n == 0)
        diag_add(d, DIAG_ERROR, src->path, 1, 1, src->text,
                 "this map file has no features");
    for (size_t i = 0; i < n; i++) {
        c.feature = i;
        feature(&c, json_array_get(features, i));
    }
    free(c.offs);
    json_decref(root);
    return c.errors == 0 && n > 0;
}

void geojson_build_fini(struct geojson_build *mb)
{
    free(mb->features);
    free(mb->parts);
    free(mb->rings);
    free(mb->points);
    memset(mb, 0, sizeof *mb);
}
