/* projection.c: the spherical Lambert conformal conic and its screen fit.
 *
 * Formulas from Snyder, "Map Projections: A Working Manual" (USGS PP 1395,
 * 1987), equations 15-1 to 15-5 (forward) and 14-10, 15-8 (inverse), for
 * the sphere.  The cone constant n is positive (both standard parallels
 * are north), so rho is positive and theta = atan2(e, rho0 - n) without
 * sign flips.  The screen transform is a uniform scale and a translation
 * with y flipped, so unprojecting is exact up to rounding. */
#include <math.h>
#include <stddef.h>

#include "map/projection.h"

#define DEG (M_PI / 180.0)
#define MAX_LAT 89.9

static double tan_half(double lat_rad)
{
    return tan(M_PI / 4.0 + lat_rad / 2.0);
}

void map_projection_init(struct map_projection *p)
{
    double p1 = MAP_STD_PARALLEL_1 * DEG, p2 = MAP_STD_PARALLEL_2 * DEG;
    double n = log(cos(p1) / cos(p2)) / log(tan_half(p2) / tan_half(p1));
    double f = cos(p1) * pow(tan_half(p1), n) / n;
    p->lon0 = MAP_CENTRAL_MERIDIAN * DEG;
    p->n = n;
    p->rf = MAP_EARTH_RADIUS_KM * f;
    p->rho0 = p->rf / pow(tan_half(MAP_ORIGIN_LAT * DEG), n);
    p->scale = 1.0;
    p->ox = 0.0;
    p->oy = 0.0;
}

void map_project_plane(const struct map_projection *p, double lon,
                       double lat, double *east, double *north)
{
    if (lat > MAX_LAT)
        lat = MAX_LAT;
    else if (lat < -MAX_LAT)
        lat = -MAX_LAT;
    double rho = p->rf * exp(-p->n * log(tan_half(lat * DEG)));
    /* Longitude difference in (-180, 180]: the cut is opposite the
     * central meridian. */
    double dl = remainder(lon * DEG - p->lon0, 2.0 * M_PI);
    double theta = p->n * dl;
    *east = rho * sin(theta);
    *north = p->rho0 - rho * cos(theta);
}

void map_unproject_plane(const struct map_projection *p, double east,
                         double north, double *lon, double *lat)
{
    double dy = p->rho0 - north;
    double rho = sqrt(east * east + dy * dy);
    double theta = atan2(east, dy);
    *lon = (p->lon0 + theta / p->n) / DEG;
    if (rho == 0.0)
        *lat = 90.0;
    else
        *lat = (2.0 * atan(pow(p->rf / rho, 1.0 / p->n)) - M_PI / 2.0) / DEG;
}

void map_project(const struct map_projection *p, double lon, double lat,
                 double *x, double *y)
{
    double e, n;
    map_project_plane(p, lon, lat, &e, &n);
    *x = p->ox + p->scale * e;
    *y = p->oy - p->scale * n;
}

void map_unproject(const struct map_projection *p, double x, double y,
                   double *lon, double *lat)
{
    map_unproject_plane(p, (x - p->ox) / p->scale, (p->oy - y) / p->scale,
                        lon, lat);
}

bool map_projection_fit_plane(struct map_projection *p, double e0,
                              double n0, double e1, double n1,
                              const struct map_rect *rect, float margin_px)
{
    double w = rect->w - 2.0 * margin_px, h = rect->h - 2.0 * margin_px;
    double bw = e1 - e0, bh = n1 - n0;
    if (!(w > 0.0 && h > 0.0 && bw > 0.0 && bh > 0.0))
        return false;
    double s = fmin(w / bw, h / bh);
    double cx = rect->x + rect->w / 2.0, cy = rect->y + rect->h / 2.0;
    p->scale = s;
    p->ox = cx - s * (e0 + e1) / 2.0;
    p->oy = cy + s * (n0 + n1) / 2.0;
    return true;
}

/* Samples per edge of a lon/lat box: meridians are straight on the cone,
 * parallels are arcs whose extreme is at the central meridian (added
 * explicitly), so the sampled outline is exact to well under a pixel. */
#define FIT_SAMPLES 32

bool map_projection_fit(struct map_projection *p,
                        const struct map_lonlat_box *box,
                        const struct map_rect *rect, float margin_px)
{
    if (!(box->lon1 > box->lon0 && box->lat1 > box->lat0))
        return false;
    double e0 = INFINITY, n0 = INFINITY, e1 = -INFINITY, n1 = -INFINITY;
    for (int i = 0; i <= FIT_SAMPLES + 1; i++) {
        double t = (double)i / FIT_SAMPLES;
        double lon = box->lon0 + t * (box->lon1 - box->lon0);
        double lat = box->lat0 + t * (box->lat1 - box->lat0);
        if (i == FIT_SAMPLES + 1) {
            lon = MAP_CENTRAL_MERIDIAN;
            if (lon < box->lon0 || lon > box->lon1)
                continue;
            lat = box->lat0;
        }
        const double pts[4][2] = {
            {lon, box->lat0}, {lon, box->lat1},
            {box->lon0, lat}, {box->lon1, lat},
        };
        for (size_t k = 0; k < 4; k++) {
            double e, n;
            map_project_plane(p, pts[k][0], pts[k][1], &e, &n);
            e0 = fmin(e0, e);
            e1 = fmax(e1, e);
            n0 = fmin(n0, n);
            n1 = fmax(n1, n);
        }
    }
    return map_projection_fit_plane(p, e0, n0, e1, n1, rect, margin_px);
}

double map_projection_k(const struct map_projection *p, double lat)
{
    double rho = p->rf * exp(-p->n * log(tan_half(lat * DEG)));
    return p->n * rho / (MAP_EARTH_RADIUS_KM * cos(lat * DEG));
}

double map_km_per_px(const struct map_projection *p, double lat)
{
    return 1.0 / (p->scale * map_projection_k(p, lat));
}
