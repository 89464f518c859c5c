/* test_map.c: projection, scene, hit-testing, tap targets and labels.
 *
 * Everything runs against the shipped exhibit in content/ (loaded without
 * fonts), at the four screen sizes the issue names, each with the slop of
 * a plausible physical display for it.  Coordinates come from the map data
 * itself (towns' points, regions' label points, border vertices) and every
 * geographic claim a case relies on (a point is in the Karamay hole, a
 * point is outside China) is checked before the hit test that uses it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "content/exhibit.h"
#include "core/diag.h"
#include "map/hittest.h"
#include "map/labels.h"
#include "map/projection.h"
#include "map/scene.h"
#include "shipped.h"
#include "text/font.h"

#define MARGIN 24.0f
#define KM_PER_DEG (M_PI / 180.0 * MAP_EARTH_RADIUS_KM)

static const struct screen {
    int w, h;
    double diag_inch;
} screens[] = {
    {800, 480, 7.0},    /* the Raspberry Pi touch display */
    {1280, 800, 10.1},
    {1920, 1080, 21.5}, /* the exhibit's panel */
    {1080, 1920, 21.5}, /* the same, portrait */
};
#define NSCREENS (sizeof screens / sizeof *screens)

static const struct content_map *map;

static int feature_id(const char *id)
{
    for (uint32_t i = 0; i < map->feature_count; i++)
        if (strcmp(map->features[i].id, id) == 0)
            return (int)i;
    return -1;
}

static const char *name_of(int f)
{
    return f < 0 ? "(none)" : map->features[f].id;
}

static struct content_lonlat town_lonlat(int f)
{
    const struct content_feature *ft = &map->features[f];
    return map->points[map->rings[map->parts[ft->first_part].first_ring]
                           .first];
}

static struct map_rect screen_rect(const struct screen *sc)
{
    return (struct map_rect){0, 0, (float)sc->w, (float)sc->h};
}

static float slop_of(const struct screen *sc)
{
    return map_slop_px(MAP_SLOP_MM_DEFAULT, sc->diag_inch, sc->w, sc->h);
}

static void to_screen(const struct map_scene *s, double lon, double lat,
                      float *x, float *y)
{
    double dx, dy;
    map_project(&s->proj, lon, lat, &dx, &dy);
    *x = (float)dx;
    *y = (float)dy;
}

/* ---- projection -------------------------------------------------------- */

static void test_projection_basics(void)
{
    struct map_projection p;
    map_projection_init(&p);
    double e, n;
    map_project_plane(&p, MAP_CENTRAL_MERIDIAN, MAP_ORIGIN_LAT, &e, &n);
    CHECK(fabs(e) < 1e-9 && fabs(n) < 1e-9, "origin at (0,0): %g %g", e, n);
    CHECK(fabs(map_projection_k(&p, 40.0) - 1.0) < 1e-12 &&
          fabs(map_projection_k(&p, 48.0) - 1.0) < 1e-12,
          "scale exact on the standard parallels: %.15f %.15f",
          map_projection_k(&p, 40.0), map_projection_k(&p, 48.0));
    double k44 = map_projection_k(&p, 44.0);
    CHECK(k44 < 1.0 && k44 > 0.997, "k(44N) = %.6f", k44);
    /* Plane km are ground km near the standard parallels: 1 degree of
     * latitude along the central meridian at 40..41 N. */
    double n40, n41;
    map_project_plane(&p, 85.0, 40.0, &e, &n40);
    map_project_plane(&p, 85.0, 41.0, &e, &n41);
    CHECK(fabs((n41 - n40) / KM_PER_DEG - 1.0) < 0.003,
          "1 deg of latitude at 40.5N: %.3f km (sphere %.3f)", n41 - n40,
          KM_PER_DEG);
    /* The central meridian is a straight vertical line. */
    map_project_plane(&p, 85.0, 49.0, &e, &n);
    CHECK(fabs(e) < 1e-9, "central meridian vertical: %g", e);
    /* Longitudes wrap: 85 + 360 is 85. */
    double e2, n2;
    map_project_plane(&p, 85.0 + 360.0, 45.0, &e, &n);
    map_project_plane(&p, 85.0, 45.0, &e2, &n2);
    CHECK(fabs(e - e2) < 1e-6 && fabs(n - n2) < 1e-6, "longitude wraps");
}

static void test_projection_round_trip(void)
{
    static const double pts[][2] = {
        {85.0, 44.0},     {79.882, 42.2665}, {91.0749, 49.1774},
        {73.5008, 34.3348}, {96.3873, 45.487}, {82.9869, 46.7517},
        {81.2777, 43.908}, {87.6167, 43.8253}, {60.0, 20.0},
        {110.0, 60.0},
    };
    struct map_lonlat_box box = {79.882, 42.2665, 91.0749, 49.1774};
    for (size_t s = 0; s < NSCREENS; s++) {
        struct map_projection p;
        map_projection_init(&p);
        struct map_rect r = screen_rect(&screens[s]);
        CHECK(map_projection_fit(&p, &box, &r, MARGIN), "fit %dx%d",
              screens[s].w, screens[s].h);
        double worst = 0.0;
        for (size_t i = 0; i < sizeof pts / sizeof *pts; i++) {
            double x, y, lon, lat;
            map_project(&p, pts[i][0], pts[i][1], &x, &y);
            map_unproject(&p, x, y, &lon, &lat);
            worst = fmax(worst, fmax(fabs(lon - pts[i][0]),
                                     fabs(lat - pts[i][1])));
        }
        CHECK(worst < 1e-6, "round trip at %dx%d: worst error %.3g deg",
              screens[s].w, screens[s].h, worst);
        /* And screen -> lon/lat -> screen over the whole rect. */
        double worst_px = 0.0;
        for (int i = 0; i <= 10; i++)
            for (int j = 0; j <= 10; j++) {
                double x = r.w * i / 10.0, y = r.h * j / 10.0, lon, lat, x2,
                       y2;
                map_unproject(&p, x, y, &lon, &lat);
                map_project(&p, lon, lat, &x2, &y2);
                worst_px = fmax(worst_px, hypot(x2 - x, y2 - y));
            }
        CHECK(worst_px < 1e-6, "px round trip at %dx%d: %.3g px",
              screens[s].w, screens[s].h, worst_px);
    }
}

static void test_north_up_and_shape(void)
{
    struct map_lonlat_box box = {79.882, 42.2665, 91.0749, 49.1774};
    for (size_t s = 0; s < NSCREENS; s++) {
        struct map_projection p;
        map_projection_init(&p);
        struct map_rect r = screen_rect(&screens[s]);
        map_projection_fit(&p, &box, &r, MARGIN);
        bool north_up = true;
        for (double lon = 80.0; lon <= 91.0; lon += 1.0)
            for (double lat = 42.0; lat < 49.5; lat += 0.5) {
                double x0, y0, x1, y1;
                map_project(&p, lon, lat, &x0, &y0);
                map_project(&p, lon, lat + 0.1, &x1, &y1);
                if (!(y1 < y0))
                    north_up = false;
            }
        CHECK(north_up, "further north is higher on screen at %dx%d",
              screens[s].w, screens[s].h);
        /* East is to the right along every parallel. */
        double xa, ya, xb, yb;
        map_project(&p, 80.0, 45.0, &xa, &ya);
        map_project(&p, 90.0, 45.0, &xb, &yb);
        CHECK(xb > xa, "east is right");
        /* Conformality at the map centre: 1 deg of latitude and
         * cos(lat) * 1 deg of longitude (the same ground distance) give
         * the same pixel distance, to the curvature of a 1-degree step;
         * with tiny steps, exactly. */
        double clon = (box.lon0 + box.lon1) / 2, clat = (box.lat0 +
                                                         box.lat1) / 2;
        static const double steps[] = {1.0, 1e-4};
        for (size_t k = 0; k < 2; k++) {
            double h = steps[k] / 2, c = cos(clat * M_PI / 180.0);
            double n0x, n0y, n1x, n1y, e0x, e0y, e1x, e1y;
            map_project(&p, clon, clat - h, &n0x, &n0y);
            map_project(&p, clon, clat + h, &n1x, &n1y);
            map_project(&p, clon - h, clat, &e0x, &e0y);
            map_project(&p, clon + h, clat, &e1x, &e1y);
            double dn = hypot(n1x - n0x, n1y - n0y);
            double de = hypot(e1x - e0x, e1y - e0y) / c;
            double tol = k == 0 ? 2e-3 : 1e-6;
            CHECK(fabs(de / dn - 1.0) < tol,
                  "conformal at %dx%d, step %g: lat %.4f px, lon*cos "
                  "%.4f px", screens[s].w, screens[s].h, steps[k], dn, de);
            /* And the two directions are perpendicular on screen. */
            double dot = (n1x - n0x) * (e1x - e0x) +
                         (n1y - n0y) * (e1y - e0y);
            CHECK(fabs(dot) / (dn * de * c) < 1e-6 || k == 0,
                  "meridian and parallel perpendicular: cos %.3g",
                  dot / (dn * de * c));
        }
        /* km per px agrees with the scale and k. */
        double km = map_km_per_px(&p, 44.0);
        double x0, y0, x1, y1;
        map_project(&p, 85.0, 43.95, &x0, &y0);
        map_project(&p, 85.0, 44.05, &x1, &y1);
        double ground = 0.1 * KM_PER_DEG, px = hypot(x1 - x0, y1 - y0);
        CHECK(fabs(km * px / ground - 1.0) < 1e-4,
              "km/px at 44N at %dx%d: %.4f, measured %.4f", screens[s].w,
              screens[s].h, km, ground / px);
    }
}

static void test_fit(void)
{
    struct map_lonlat_box boxes[] = {
        {79.882, 42.2665, 91.0749, 49.1774}, /* the four regions */
        {73.5, 34.3, 96.4, 49.2},            /* all of Xinjiang */
        {84.0, 44.0, 84.5, 47.0},            /* tall and thin */
    };
    for (size_t b = 0; b < sizeof boxes / sizeof *boxes; b++)
        for (size_t s = 0; s < NSCREENS; s++) {
            const struct map_lonlat_box *bx = &boxes[b];
            struct map_projection p;
            map_projection_init(&p);
            struct map_rect r = screen_rect(&screens[s]);
            map_projection_fit(&p, bx, &r, MARGIN);
            double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY,
                   y1 = -INFINITY;
            for (int i = 0; i <= 200; i++) {
                double t = i / 200.0, x, y;
                double lon = bx->lon0 + t * (bx->lon1 - bx->lon0);
                double lat = bx->lat0 + t * (bx->lat1 - bx->lat0);
                const double q[4][2] = {{lon, bx->lat0}, {lon, bx->lat1},
                                        {bx->lon0, lat}, {bx->lon1, lat}};
                for (int k = 0; k < 4; k++) {
                    map_project(&p, q[k][0], q[k][1], &x, &y);
                    x0 = fmin(x0, x);
                    y0 = fmin(y0, y);
                    x1 = fmax(x1, x);
                    y1 = fmax(y1, y);
                }
            }
            double w = screens[s].w - 2 * MARGIN,
                   h = screens[s].h - 2 * MARGIN;
            CHECK(x0 >= MARGIN - 0.01 && y0 >= MARGIN - 0.01 &&
                      x1 <= MARGIN + w + 0.01 && y1 <= MARGIN + h + 0.01,
                  "box %zu inside %dx%d: %.2f %.2f %.2f %.2f", b,
                  screens[s].w, screens[s].h, x0, y0, x1, y1);
            CHECK(fabs((x1 - x0) - w) < 0.01 || fabs((y1 - y0) - h) < 0.01,
                  "box %zu fills one dimension at %dx%d: %.2f x %.2f",
                  b, screens[s].w, screens[s].h, x1 - x0, y1 - y0);
            CHECK(fabs((x0 + x1) / 2 - screens[s].w / 2.0) < 0.01 &&
                      fabs((y0 + y1) / 2 - screens[s].h / 2.0) < 0.01,
                  "box %zu centred at %dx%d", b, screens[s].w,
                  screens[s].h);
        }
    struct map_projection p;
    map_projection_init(&p);
    struct map_rect tiny = {0, 0, 40, 40};
    CHECK(!map_projection_fit(&p, &boxes[0], &tiny, 20.0f),
          "a rect eaten by its margins cannot be fitted");
    struct map_lonlat_box empty = {85, 45, 85, 46};
    struct map_rect r = screen_rect(&screens[0]);
    CHECK(!map_projection_fit(&p, &empty, &r, 0), "an empty box is refused");
}

/* ---- scene ------------------------------------------------------------- */

static void test_scene(void)
{
    map_scene_destroy(NULL);
    struct map_rect tiny = {0, 0, 30, 30};
    CHECK(map_scene_build(map, &tiny, 20.0f) == NULL,
          "no scene in a rect smaller than its margins");
    for (size_t s = 0; s < NSCREENS; s++) {
        struct map_rect r = screen_rect(&screens[s]);
        struct map_scene *sc = map_scene_build(map, &r, MARGIN);
        if (!CHECK(sc, "scene at %dx%d", screens[s].w, screens[s].h))
            continue;
        CHECK(sc->town_count == 8 && sc->region_count == 4,
              "8 tappable towns, 4 tappable regions: %u %u",
              sc->town_count, sc->region_count);
        /* The four regions fill the view and stay inside it. */
        struct map_box u = {INFINITY, INFINITY, -INFINITY, -INFINITY};
        for (uint32_t i = 0; i < sc->region_count; i++) {
            const struct map_box *b = &sc->features[sc->regions[i]].box;
            u.x0 = fminf(u.x0, b->x0);
            u.y0 = fminf(u.y0, b->y0);
            u.x1 = fmaxf(u.x1, b->x1);
            u.y1 = fmaxf(u.y1, b->y1);
        }
        float w = r.w - 2 * MARGIN, h = r.h - 2 * MARGIN;
        CHECK(u.x0 >= MARGIN - 0.5f && u.y0 >= MARGIN - 0.5f &&
                  u.x1 <= r.w - MARGIN + 0.5f && u.y1 <= r.h - MARGIN + 0.5f,
              "regions inside %dx%d: %.1f %.1f %.1f %.1f", screens[s].w,
              screens[s].h, u.x0, u.y0, u.x1, u.y1);
        float fill = fmaxf((u.x1 - u.x0) / w, (u.y1 - u.y0) / h);
        CHECK(fill > 0.95f, "regions fill %dx%d: %.3f", screens[s].w,
              screens[s].h, fill);
        /* The outline (all of Xinjiang) goes well beyond. */
        int outline = feature_id("xinjiang");
        CHECK(outline >= 0 && sc->features[outline].box.y1 > r.h,
              "the outline reaches beyond the rect");
        /* Points mirror the content's. */
        bool same = true;
        for (uint32_t i = 0; i < map->point_count; i += 97) {
            float x, y;
            to_screen(sc, map->points[i].lon, map->points[i].lat, &x, &y);
            if (x != sc->x[i] || y != sc->y[i])
                same = false;
        }
        CHECK(same, "scene points are the content's points projected");
        /* Chunk boxes cover their edges. */
        bool covered = true;
        for (uint32_t ri = 0; ri < map->ring_count; ri++) {
            const struct content_ring *ring = &map->rings[ri];
            for (uint32_t e = 0; e + 1 < ring->count; e++) {
                const struct map_box *b =
                    &sc->chunks[sc->ring_chunk[ri] + e / MAP_CHUNK_EDGES];
                for (uint32_t k = e; k <= e + 1; k++) {
                    float x = sc->x[ring->first + k],
                          y = sc->y[ring->first + k];
                    if (x < b->x0 || x > b->x1 || y < b->y0 || y > b->y1)
                        covered = false;
                }
            }
        }
        CHECK(covered, "chunk boxes cover their edges");
        map_scene_destroy(sc);
    }
}

/* ---- hit tests --------------------------------------------------------- */

/* A point moved `km` east and `km_n` north (small distances). */
static struct content_lonlat moved(struct content_lonlat p, double km_e,
                                   double km_n)
{
    p.lon += km_e / (KM_PER_DEG * cos(p.lat * M_PI / 180.0));
    p.lat += km_n / KM_PER_DEG;
    return p;
}

/* The vertex of a feature nearest to (lon, lat) (plain degrees, fine for
 * picking a vertex). */
static struct content_lonlat nearest_vertex(int f, double lon, double lat)
{
    const struct content_feature *ft = &map->features[f];
    struct content_lonlat best = {0, 0};
    double bd = INFINITY;
    for (uint32_t p = 0; p < ft->part_count; p++) {
        const struct content_part *pt = &map->parts[ft->first_part + p];
        for (uint32_t r = 0; r < pt->ring_count; r++) {
            const struct content_ring *ring =
                &map->rings[pt->first_ring + r];
            for (uint32_t k = 0; k < ring->count; k++) {
                struct content_lonlat q = map->points[ring->first + k];
                double d = hypot(q.lon - lon, q.lat - lat);
                if (d < bd) {
                    bd = d;
                    best = q;
                }
            }
        }
    }
    return best;
}

/* The nearest tappable region edge from a point outside every region. */
static int nearest_region(const struct map_scene *sc, float x, float y,
                          float *dist)
{
    int best = -1;
    *dist = INFINITY;
    for (uint32_t i = 0; i < sc->region_count; i++) {
        float d = map_feature_distance(sc, sc->regions[i], x, y, INFINITY);
        if (d < *dist) {
            *dist = d;
            best = (int)sc->regions[i];
        }
    }
    return best;
}

static void test_hits_at(const struct screen *scr)
{
    struct map_rect r = screen_rect(scr);
    struct map_scene *sc = map_scene_build(map, &r, MARGIN);
    if (!sc)
        return;
    float slop = slop_of(scr);
    int w = scr->w, h = scr->h;
    int tacheng = feature_id("tacheng-prefecture"),
        yili = feature_id("yili"), altay = feature_id("altay"),
        other = feature_id("xinjiang-other"),
        outline = feature_id("xinjiang"), yining = feature_id("yining");

    /* Each town at its own coordinates, with and without slop. */
    for (uint32_t i = 0; i < sc->town_count; i++) {
        int f = (int)sc->towns[i];
        struct content_lonlat ll = town_lonlat(f);
        float x, y;
        to_screen(sc, ll.lon, ll.lat, &x, &y);
        int got = map_hit(sc, x, y, slop), got0 = map_hit(sc, x, y, 0);
        CHECK(got == f && got0 == f, "%dx%d: town %s at %.4f,%.4f -> %s/%s",
              w, h, name_of(f), ll.lon, ll.lat, name_of(got),
              name_of(got0));
    }

    /* Each region at its label point: inside it (no slop); with the slop
     * too unless a town's dot is within the slop of that point. */
    for (uint32_t i = 0; i < sc->region_count; i++) {
        int f = (int)sc->regions[i];
        const struct content_feature *ft = &map->features[f];
        if (!CHECK(ft->has_label, "%s has a label point", ft->id))
            continue;
        float x, y;
        to_screen(sc, ft->label.lon, ft->label.lat, &x, &y);
        int got0 = map_hit(sc, x, y, 0);
        CHECK(got0 == f, "%dx%d: label point of %s -> %s", w, h, ft->id,
              name_of(got0));
        int near_town = -1;
        for (uint32_t t = 0; t < sc->town_count; t++) {
            const struct map_scene_feature *tf =
                &sc->features[sc->towns[t]];
            if (hypotf(tf->anchor_x - x, tf->anchor_y - y) <= slop)
                near_town = (int)sc->towns[t];
        }
        int got = map_hit(sc, x, y, slop);
        CHECK(got == (near_town >= 0 ? near_town : f),
              "%dx%d: label point of %s with slop -> %s (town near: %s)",
              w, h, ft->id, name_of(got), name_of(near_town));
    }

    /* The Karamay hole.  84.87E 45.6N (Karamay city) and 84.908E 45.277N
     * (the point of the hole furthest from its edge, found by sampling the
     * data on a 0.008-degree grid: 23 km from the edge) are in
     * xinjiang-other's Karamay part, inside Tacheng's outer ring but in
     * its hole.  The hole is narrow: at these sizes every point of it is
     * within the 8 mm slop of Tacheng's (or Yili's) edge; still, a tap
     * there selects nothing, whatever the slop: it is inside the rest of
     * Xinjiang, a background region. */
    static const double karamay[][2] = {{84.87, 45.6}, {84.908, 45.277}};
    for (size_t k = 0; k < 2; k++) {
        float x, y;
        to_screen(sc, karamay[k][0], karamay[k][1], &x, &y);
        CHECK(map_feature_contains(sc, (uint32_t)other, x, y),
              "Karamay point %zu is in xinjiang-other", k);
        const struct content_feature *tf = &map->features[tacheng];
        const struct content_part *pt = &map->parts[tf->first_part];
        CHECK(tf->part_count == 1 && pt->ring_count == 2,
              "tacheng-prefecture is one polygon with one hole");
        const struct map_box *outer = &sc->ring_box[pt->first_ring];
        const struct map_box *hole = &sc->ring_box[pt->first_ring + 1];
        CHECK(x > outer->x0 && x < outer->x1 && y > outer->y0 &&
                  y < outer->y1 && x > hole->x0 && x < hole->x1 &&
                  y > hole->y0 && y < hole->y1,
              "Karamay point %zu lies within Tacheng's outer ring and hole "
              "boxes", k);
        CHECK(!map_feature_contains(sc, (uint32_t)tacheng, x, y),
              "Karamay point %zu is not in tacheng-prefecture", k);
        CHECK(map_hit(sc, x, y, 0) == -1,
              "%dx%d: Karamay point %zu, no slop -> -1", w, h, k);
        float d;
        int nr = nearest_region(sc, x, y, &d);
        CHECK(map_hit(sc, x, y, 0.9f * d) == -1,
              "%dx%d: Karamay point %zu, slop below its %.1f px to the "
              "edge -> -1", w, h, k, d);
        int got = map_hit(sc, x, y, slop);
        CHECK(got == -1 && d < slop,
              "%dx%d: Karamay point %zu with slop %.1f (%s's edge %.1f px "
              "away, within the slop) -> %s", w, h, k, slop, name_of(nr), d,
              name_of(got));
        if (k == 1)
            printf("  %dx%d: the deepest point of the Karamay hole is "
                   "%.1f px from %s's edge; slop %.1f px\n", w, h, d,
                   name_of(nr), slop);
    }
    /* Just inside the hole near its edge: still nothing. */
    {
        float x, y;
        to_screen(sc, 84.908, 45.277, &x, &y);
        struct content_lonlat v = nearest_vertex(tacheng, 84.908, 45.277);
        float vx, vy;
        to_screen(sc, v.lon, v.lat, &vx, &vy);
        float dx = x - vx, dy = y - vy, len = hypotf(dx, dy);
        float px = vx + dx / len * 0.3f * slop,
              py = vy + dy / len * 0.3f * slop;
        float d;
        int nr = nearest_region(sc, px, py, &d);
        if (CHECK(map_feature_contains(sc, (uint32_t)other, px, py) &&
                      nr == tacheng,
                  "%dx%d: a point in the hole near Tacheng's edge", w, h)) {
            int g = map_hit(sc, px, py, slop);
            CHECK(g == -1, "%dx%d: in the hole %.1f px from Tacheng's edge "
                  "-> %s", w, h, d, name_of(g));
        }
    }

    /* Just outside the border near Horgos: west of the China-Kazakhstan
     * line at Yili. */
    {
        struct content_lonlat v = nearest_vertex(feature_id(
                                                     "china-kazakhstan"),
                                                 80.2, 44.2);
        static const double kms[] = {3.0, 10.0, 100.0};
        for (size_t k = 0; k < 3; k++) {
            struct content_lonlat q = moved(v, -kms[k], 0.0);
            float x, y;
            to_screen(sc, q.lon, q.lat, &x, &y);
            CHECK(!map_feature_contains(sc, (uint32_t)outline, x, y),
                  "%.4f,%.4f is outside China", q.lon, q.lat);
            CHECK(map_hit(sc, x, y, 0) == -1, "%dx%d: %g km into "
                  "Kazakhstan, no slop -> -1", w, h, kms[k]);
            float d;
            int nr = nearest_region(sc, x, y, &d);
            int got = map_hit(sc, x, y, slop);
            CHECK(got == (d < slop ? nr : -1),
                  "%dx%d: %g km into Kazakhstan (%.1f px from %s, slop "
                  "%.1f) -> %s", w, h, kms[k], d, name_of(nr), slop,
                  name_of(got));
            if (kms[k] == 3.0)
                CHECK(got == yili, "%dx%d: 3 km west of Horgos is within "
                      "the slop of Yili -> %s", w, h, name_of(got));
            if (kms[k] == 100.0)
                CHECK(got == -1, "%dx%d: 100 km into Kazakhstan -> %s", w,
                      h, name_of(got));
        }
    }

    /* North of Altay (Russia / Mongolia / Kazakhstan): due north of the
     * northernmost vertex, so certainly outside China. */
    {
        struct content_lonlat top = nearest_vertex(altay, 87.0, 60.0);
        static const double kms[] = {5.0, 120.0};
        for (size_t k = 0; k < 2; k++) {
            struct content_lonlat q = moved(top, 0.0, kms[k]);
            float x, y;
            to_screen(sc, q.lon, q.lat, &x, &y);
            CHECK(!map_feature_contains(sc, (uint32_t)outline, x, y),
                  "north of Altay is outside China");
            float d;
            int nr = nearest_region(sc, x, y, &d);
            int got = map_hit(sc, x, y, slop);
            CHECK(got == (d < slop ? nr : -1) && map_hit(sc, x, y, 0) == -1,
                  "%dx%d: %g km north of Altay (%.1f px) -> %s", w, h,
                  kms[k], d, name_of(got));
            if (kms[k] == 5.0)
                CHECK(got == altay, "%dx%d: 5 km north of Altay -> %s", w,
                      h, name_of(got));
            else
                CHECK(got == -1, "%dx%d: 120 km north of Altay -> %s", w, h,
                      name_of(got));
        }
    }

    /* Towns beat regions inside their slop; beyond it, the region. */
    {
        struct content_lonlat ll = town_lonlat(yining);
        float x, y;
        to_screen(sc, ll.lon, ll.lat, &x, &y);
        float px = x, py = y - 0.8f * slop;
        CHECK(map_feature_contains(sc, (uint32_t)yili, px, py),
              "the point north of Yining is in Yili");
        CHECK(map_hit(sc, px, py, slop) == yining, "%dx%d: 0.8 slop from "
              "Yining -> %s", w, h, name_of(map_hit(sc, px, py, slop)));
        py = y - 1.2f * slop;
        if (map_feature_contains(sc, (uint32_t)yili, px, py))
            CHECK(map_hit(sc, px, py, slop) == yili, "%dx%d: 1.2 slop from "
                  "Yining -> %s", w, h, name_of(map_hit(sc, px, py, slop)));
    }

    /* Borders, the outline and the context region are never hit. */
    {
        float x, y;
        to_screen(sc, 87.0, 40.0, &x, &y); /* the Tarim basin */
        CHECK(map_hit(sc, x, y, slop) == -1, "%dx%d: xinjiang-other -> -1",
              w, h);
        bool never = true;
        for (uint32_t i = 0; i < map->feature_count; i++) {
            const struct content_feature *f = &map->features[i];
            if (f->kind == CONTENT_BORDER || f->kind == CONTENT_OUTLINE ||
                f->context)
                for (uint32_t k = 0; k < sc->region_count; k++)
                    if (sc->regions[k] == i)
                        never = false;
        }
        CHECK(never, "no border, outline or context feature is tappable");
    }
    map_scene_destroy(sc);
}

static void test_slop(void)
{
    float s = map_slop_px(8.0, 21.5, 1920, 1080);
    CHECK(fabsf(s - 32.27f) < 0.01f, "8 mm on 21.5\" 1080p: %.2f px", s);
    CHECK(map_slop_px(8.0, 0.0, 1920, 1080) == s,
          "diagonal 0 means the default 21.5\"");
    float pi = map_slop_px(8.0, 7.0, 800, 480);
    CHECK(fabsf(pi - 41.98f) < 0.01f, "8 mm on the 7\" Pi display: %.2f",
          pi);
    CHECK(map_slop_px(8.0, 21.5, 0, 0) == 0.0f, "no screen, no slop");
}

static void test_targets(void)
{
    for (size_t s = 0; s < NSCREENS; s++) {
        struct map_rect r = screen_rect(&screens[s]);
        struct map_scene *sc = map_scene_build(map, &r, MARGIN);
        if (!sc)
            continue;
        float slop = slop_of(&screens[s]);
        struct map_target t[32];
        size_t n = map_scene_targets(sc, slop, t, 32);
        CHECK(n == 12, "12 targets: %zu", n);
        CHECK(map_scene_targets(sc, slop, t, 3) == n,
              "a short array still counts them all");
        n = map_scene_targets(sc, slop, t, 32);
        for (size_t i = 0; i < n && i < 32; i++) {
            int got = map_hit(sc, t[i].x, t[i].y, slop);
            CHECK(got == (int)t[i].feature && t[i].id &&
                      strcmp(t[i].id, map->features[t[i].feature].id) == 0,
                  "%dx%d: target %s at %.1f,%.1f -> %s", screens[s].w,
                  screens[s].h, t[i].id, t[i].x, t[i].y, name_of(got));
            CHECK(t[i].x >= 0 && t[i].y >= 0 && t[i].x <= r.w &&
                      t[i].y <= r.h, "target %s on screen", t[i].id);
        }
        /* With a larger slop the label points of small regions are
         * covered by town discs; targets must still find a point that
         * works. */
        n = map_scene_targets(sc, 1.5f * slop, t, 32);
        for (size_t i = 0; i < n && i < 32; i++) {
            int got = map_hit(sc, t[i].x, t[i].y, 1.5f * slop);
            CHECK(got == (int)t[i].feature, "%dx%d, slop %.0f: target %s "
                  "-> %s", screens[s].w, screens[s].h, 1.5f * slop,
                  t[i].id, name_of(got));
        }
        map_scene_destroy(sc);
    }
}

/* ---- labels ------------------------------------------------------------ */

/* A realistic width of a label at 24 px text: Latin 8 px a character,
 * Chinese 24 px (full em), Uyghur 9 px a letter. */
static float text_width(const char *s, size_t bytes)
{
    float w = 0;
    for (size_t i = 0; i < bytes && s[i];) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        w += len == 3 ? 24.0f : len == 2 ? 9.0f : 8.0f;
        i += len;
    }
    return w;
}

static void check_layout(const struct map_label_request *req, size_t n,
                         const struct map_label_result *res,
                         const struct map_rect *b,
                         const struct map_label_params *par,
                         const char *what)
{
    bool ok_overlap = true, ok_dot = true, ok_edge = true, ok_size = true;
    for (size_t i = 0; i < n; i++) {
        if (!res[i].placed)
            continue;
        const struct map_rect *a = &res[i].rect;
        float ew = res[i].short_form ? req[i].w2 : req[i].w;
        float eh = res[i].short_form ? req[i].h2 : req[i].h;
        if (a->w != ew || a->h != eh)
            ok_size = false;
        for (size_t j = i + 1; j < n; j++)
            if (res[j].placed && map_rects_near(a, &res[j].rect, 0.0f))
                ok_overlap = false;
        for (size_t j = 0; j < n; j++)
            if (req[j].is_town &&
                map_rect_near_disc(a, req[j].ax, req[j].ay, req[j].dot_r,
                                   0.0f))
                ok_dot = false;
        if (a->x < b->x + par->edge_margin - 1e-3f ||
            a->y < b->y + par->edge_margin - 1e-3f ||
            a->x + a->w > b->x + b->w - par->edge_margin + 1e-3f ||
            a->y + a->h > b->y + b->h - par->edge_margin + 1e-3f)
            ok_edge = false;
    }
    CHECK(ok_overlap, "%s: no two labels overlap", what);
    CHECK(ok_dot, "%s: no label covers a dot", what);
    CHECK(ok_edge, "%s: every label keeps the edge margin", what);
    CHECK(ok_size, "%s: placed rects have the label's size", what);
}

static void test_labels_map(void)
{
    struct map_label_params par = MAP_LABEL_PARAMS_DEFAULT;
    for (size_t s = 0; s < NSCREENS; s++) {
        struct map_rect r = screen_rect(&screens[s]);
        struct map_scene *sc = map_scene_build(map, &r, MARGIN);
        if (!sc)
            continue;
        for (int lang = 0; lang < CONTENT_LANGS; lang++) {
            struct map_label_request req[32];
            struct map_label_result res[32], res2[32];
            size_t n = 0;
            for (uint32_t i = 0; i < map->feature_count && n < 32; i++) {
                const struct map_scene_feature *sf = &sc->features[i];
                const struct content_feature *f = &map->features[i];
                if (!sf->tappable)
                    continue;
                const char *name = f->name[lang] ? f->name[lang] : f->id;
                const char *sp = strchr(name, ' ');
                bool town = f->kind == CONTENT_TOWN;
                req[n] = (struct map_label_request){
                    .feature = (int32_t)i,
                    .ax = sf->anchor_x,
                    .ay = sf->anchor_y,
                    .w = text_width(name, strlen(name)),
                    .h = 30.0f,
                    .w2 = sp ? text_width(name, (size_t)(sp - name)) : 0,
                    .h2 = sp ? 30.0f : 0,
                    .priority = town ? 10 : 20,
                    .is_town = town,
                    .dot_r = town ? 7.0f : 0.0f,
                };
                n++;
            }
            map_labels_place(req, n, &r, &par, res);
            char what[64];
            snprintf(what, sizeof what, "%dx%d lang %d", screens[s].w,
                     screens[s].h, lang);
            check_layout(req, n, res, &r, &par, what);
            size_t placed = 0;
            for (size_t i = 0; i < n; i++)
                placed += res[i].placed;
            printf("  labels %s: %zu of %zu placed\n", what, placed, n);
            CHECK(placed >= n / 2, "%s: most labels fit (%zu of %zu)", what,
                  placed, n);
            map_labels_place(req, n, &r, &par, res2);
            CHECK(memcmp(res, res2, n * sizeof *res) == 0,
                  "%s: deterministic", what);
        }
        map_scene_destroy(sc);
    }
}

/* Four region labels too large for a wide, short map (800x200, the
 * anchors within 120 px of each other): in two columns beside the
 * anchors' span, the western two left and the eastern two right, each
 * inside the bounds less the margin at the sides and `pad` above and
 * below, apart from the others, ordered by their anchors' heights, led
 * out from their anchors; towns dropped.  Where columns do not fit, rows
 * above and below; where neither does, a refusal that leaves the
 * results. */
static void test_labels_sides(void)
{
    struct map_label_params par = MAP_LABEL_PARAMS_DEFAULT;
    struct map_rect b = {0, 200, 800, 200};
    struct map_label_request req[5] = {
        {.feature = 0, .ax = 340, .ay = 360, .w = 216, .h = 69, .must = true},
        {.feature = 1, .ax = 350, .ay = 330, .w = 207, .h = 69, .w2 = 120,
         .h2 = 69, .must = true},
        {.feature = 2, .ax = 450, .ay = 300, .w = 232, .h = 69, .must = true},
        {.feature = 3, .ax = 460, .ay = 290, .w = 147, .h = 69, .must = true},
        {.feature = 4, .ax = 400, .ay = 320, .w = 80, .h = 30,
         .is_town = true, .dot_r = 5},
    };
    struct map_label_result res[5];
    bool ok = map_labels_place_sides(req, 5, &b, &par, res);
    CHECK(ok, "sides: four labels fit in two columns");
    if (!ok)
        return;
    float m = par.edge_margin;
    bool inside = true, apart = true, lines = true;
    for (int i = 0; i < 4; i++) {
        const struct map_rect *r = &res[i].rect;
        inside &= res[i].placed && r->x >= b.x + m &&
                  r->y >= b.y + par.pad && r->x + r->w <= b.x + b.w - m &&
                  r->y + r->h <= b.y + b.h - par.pad;
        lines &= res[i].pos == MAP_LABEL_LEADER && res[i].lx0 == req[i].ax &&
                 res[i].ly0 == req[i].ay;
        for (int j = 0; j < i; j++)
            apart &= !map_rects_near(&res[i].rect, &res[j].rect, par.pad);
    }
    CHECK(inside && apart && lines,
          "sides: inside the margin %d, apart %d, led from their anchors %d",
          inside, apart, lines);
    CHECK(res[0].rect.x + res[0].rect.w <= 340 &&
              res[1].rect.x + res[1].rect.w <= 340 && res[2].rect.x >= 460 &&
              res[3].rect.x >= 460,
          "sides: the western two left of every anchor, the eastern two right");
    CHECK(res[1].rect.y < res[0].rect.y && res[3].rect.y < res[2].rect.y,
          "sides: each column in the order of its anchors' heights");
    CHECK(!res[4].placed, "sides: the town's label is dropped");
    /* the room asked for beside the map is what each column holds: left
     * the western two (216, and 207 or its short 120), right the eastern
     * two (232, 147); above the northern two, below the southern */
    struct map_side_room room, brief;
    map_labels_side_room(req, 5, false, &room);
    map_labels_side_room(req, 5, true, &brief);
    CHECK(room.left == 216 && room.right == 232 && room.above == 69 &&
              room.below == 69 && brief.left == 216 && brief.right == 232,
          "sides: room left %.0f right %.0f above %.0f below %.0f",
          room.left, room.right, room.above, room.below);
    struct map_label_request narrow[5];
    memcpy(narrow, req, sizeof narrow);
    narrow[0].w2 = 100, narrow[0].h2 = 50; /* a western short form */
    map_labels_side_room(narrow, 5, true, &brief);
    CHECK(brief.left == 120 && brief.right == 232 && brief.above == 69 &&
              brief.below == 69,
          "sides: with short forms, room left %.0f (the widest short) "
          "right %.0f; above %.0f below %.0f", brief.left, brief.right,
          brief.above, brief.below);
    /* the same four in a narrow, tall map (300x700): no room beside the
     * anchors, so rows -- the northern two above every anchor, the
     * southern two below, each row by x, inside the margins */
    struct map_rect tall = {0, 0, 300, 700};
    struct map_label_request col[4];
    for (int i = 0; i < 4; i++) {
        col[i] = req[i];
        col[i].w = 120, col[i].h = 40, col[i].w2 = 0, col[i].h2 = 0;
        col[i].ax = 100.0f + 30.0f * (float)i;
        col[i].ay = 300.0f + 40.0f * (float)i;
    }
    struct map_label_result rows[4];
    ok = map_labels_place_sides(col, 4, &tall, &par, rows);
    bool above = ok, beside = ok;
    for (int i = 0; ok && i < 4; i++) {
        const struct map_rect *r = &rows[i].rect;
        above &= i < 2 ? r->y + r->h <= 300 : r->y >= 420;
        beside &= r->x >= tall.x + par.edge_margin &&
                  r->x + r->w <= tall.x + tall.w - par.edge_margin &&
                  rows[i].pos == MAP_LABEL_LEADER;
    }
    CHECK(ok && above && beside && rows[0].rect.x < rows[1].rect.x &&
              rows[2].rect.x < rows[3].rect.x,
          "sides: in a tall map, rows above and below (%d, %d, %d)", ok,
          above, beside);
    /* five in the wide map: the eastern three of 69 px cannot stack in
     * 200 px, nor a row of 700 px fit above the anchors */
    struct map_label_request five[5] = {req[0], req[1], req[2], req[3],
                                        req[2]};
    five[4].ax = 470;
    struct map_label_result keep[5];
    for (int i = 0; i < 5; i++)
        keep[i] = (struct map_label_result){.placed = true, .pos = 1};
    CHECK(!map_labels_place_sides(five, 5, &b, &par, keep) &&
              keep[0].placed && keep[0].pos == 1,
          "sides: a column too tall refuses and leaves the results");
}

static void test_labels_crowded(void)
{
    struct map_label_params par = MAP_LABEL_PARAMS_DEFAULT;
    struct map_rect b = {0, 0, 400, 300};
    /* Twelve towns in a 3x4 grid 40 px apart, each label 100x24 with a
     * 40x24 short form: far too many for the space. Priorities are
     * scattered through the array so input order cannot decide. */
    struct map_label_request req[12];
    struct map_label_result res[12];
    for (int i = 0; i < 12; i++)
        req[i] = (struct map_label_request){
            .feature = i,
            .ax = 140.0f + 40.0f * (float)(i % 3),
            .ay = 90.0f + 40.0f * (float)(i / 3),
            .w = 100, .h = 24, .w2 = 40, .h2 = 24,
            .priority = (i * 7) % 12,
            .is_town = true,
            .dot_r = 5,
        };
    map_labels_place(req, 12, &b, &par, res);
    check_layout(req, 12, res, &b, &par, "crowded");
    int placed = 0, shortened = 0, dropped = 0;
    for (int i = 0; i < 12; i++) {
        placed += res[i].placed;
        shortened += res[i].placed && res[i].short_form;
        dropped += !res[i].placed;
    }
    CHECK(dropped > 0 && placed > 0, "crowded: %d placed (%d short), "
          "%d dropped", placed, shortened, dropped);
    /* The highest priority takes its first choice, in full. */
    int top = -1;
    for (int i = 0; i < 12; i++)
        if (req[i].priority == 11)
            top = i;
    CHECK(top >= 0 && res[top].placed && !res[top].short_form &&
              res[top].pos == MAP_LABEL_RIGHT,
          "crowded: the top priority is placed right of its dot in full");
    /* Priorities win: a label's placement never depends on labels of
     * lower priority.  Placing only the labels of equal or higher
     * priority (the others' dots stay, with no label) gives each the
     * same result. */
    bool monotone = true;
    for (int i = 0; i < 12; i++) {
        struct map_label_request sub[12];
        struct map_label_result sres[12];
        int self = -1;
        for (int j = 0; j < 12; j++) {
            sub[j] = req[j];
            if (j == i)
                self = j;
            if (req[j].priority < req[i].priority)
                sub[j].w = sub[j].h = sub[j].w2 = sub[j].h2 = 0;
        }
        map_labels_place(sub, 12, &b, &par, sres);
        if (sres[self].placed != res[i].placed ||
            sres[self].short_form != res[i].short_form ||
            sres[self].pos != res[i].pos)
            monotone = false;
    }
    CHECK(monotone, "crowded: lower priorities never change a higher "
          "label's placement");

    /* Two towns competing for the same spot: the higher priority one gets
     * it, whatever the input order. */
    for (int order = 0; order < 2; order++) {
        struct map_label_request two[2] = {
            {.feature = 0, .ax = 100, .ay = 150, .w = 150, .h = 24,
             .priority = 1, .is_town = true, .dot_r = 5},
            {.feature = 1, .ax = 100, .ay = 165, .w = 150, .h = 24,
             .priority = 9, .is_town = true, .dot_r = 5},
        };
        if (order) {
            struct map_label_request t = two[0];
            two[0] = two[1];
            two[1] = t;
        }
        struct map_label_result tr[2];
        struct map_rect narrow = {0, 0, 280, 300};
        map_labels_place(two, 2, &narrow, &par, tr);
        int hi = order ? 0 : 1, lo = order ? 1 : 0;
        CHECK(tr[hi].placed && tr[hi].pos == MAP_LABEL_RIGHT,
              "order %d: the high priority town keeps the right side",
              order);
        CHECK(!tr[lo].placed || tr[lo].pos != MAP_LABEL_RIGHT,
              "order %d: the low priority town moves or drops", order);
        check_layout(two, 2, tr, &narrow, &par, "two towns");
    }

    /* A row of towns 60 px apart in a strip too low for labels above or
     * below: full labels (100 px) fit only outside the row, short ones
     * (36 px) between the dots. */
    struct map_label_request row[6];
    struct map_label_result rr[6];
    struct map_rect strip = {0, 0, 520, 60};
    for (int i = 0; i < 6; i++)
        row[i] = (struct map_label_request){
            .feature = i, .ax = 130.0f + 60.0f * (float)i, .ay = 30,
            .w = 100, .h = 24, .w2 = 36, .h2 = 24, .priority = 6 - i,
            .is_town = true, .dot_r = 5,
        };
    map_labels_place(row, 6, &strip, &par, rr);
    check_layout(row, 6, rr, &strip, &par, "row");
    CHECK(rr[0].placed && !rr[0].short_form && rr[0].pos == MAP_LABEL_LEFT,
          "row: the first town's full label goes left, outside the row");
    bool shorts = true;
    for (int i = 1; i < 6; i++)
        if (!rr[i].placed || !rr[i].short_form)
            shorts = false;
    CHECK(shorts, "row: the others are shortened, none dropped");

    /* A region label too wide for the screen takes its short form; one
     * with no short form is dropped. */
    struct map_label_request wide[2] = {
        {.feature = 0, .ax = 200, .ay = 100, .w = 390, .h = 30, .w2 = 120,
         .h2 = 30, .priority = 5},
        {.feature = 1, .ax = 200, .ay = 200, .w = 390, .h = 30,
         .priority = 5},
    };
    struct map_label_result wr[2];
    map_labels_place(wide, 2, &b, &par, wr);
    CHECK(wr[0].placed && wr[0].short_form && wr[0].rect.w == 120,
          "too wide: the short form is used");
    CHECK(!wr[1].placed && wr[1].pos == MAP_LABEL_DROPPED,
          "too wide with no short form: dropped");
    /* A region label centred on a dot moves off it. */
    struct map_label_request cover[2] = {
        {.feature = 0, .ax = 200, .ay = 150, .w = 80, .h = 24,
         .priority = 5},
        {.feature = 1, .ax = 200, .ay = 150, .w = 0, .h = 0,
         .priority = 1, .is_town = true, .dot_r = 5},
    };
    struct map_label_result cr[2];
    map_labels_place(cover, 2, &b, &par, cr);
    CHECK(cr[0].placed && cr[0].pos != MAP_LABEL_CENTRE,
          "a region label steps off a town dot");
    check_layout(cover, 2, cr, &b, &par, "cover");
}

int main(void)
{
    struct text_fonts *fonts;
    struct exhibit *ex;
    if (!CHECK(shipped_load(&fonts, &ex), "the shipped content loads"))
        return check_finish("test_map");
    map = &ex->map;
    test_projection_basics();
    test_projection_round_trip();
    test_north_up_and_shape();
    test_fit();
    test_scene();
    test_slop();
    for (size_t s = 0; s < NSCREENS; s++)
        test_hits_at(&screens[s]);
    test_targets();
    test_labels_map();
    test_labels_crowded();
    test_labels_sides();
    content_destroy(ex);
    text_fonts_destroy(fonts);
    return check_finish("test_map");
}
