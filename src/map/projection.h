/* projection.h: lon/lat to screen pixels, Lambert conformal conic.
 *
 * Why Lambert conformal conic: it is conformal, so small shapes and angles
 * are true everywhere on the map (a region looks like itself, north is
 * straight up along the central meridian), and with two standard parallels
 * that bracket the area its scale error stays small: along 40 N and 48 N
 * the scale is exact, between them it is at most 0.25% too small (at
 * 44 N) and at 49.2 N (the top of Altay) 0.17% too large.  It is the usual
 * choice for a mid-latitude area wider east-west than north-south, such as
 * northern Xinjiang (80-91 E, 42-49 N).
 *
 * Parameters: standard parallels 40 N and 48 N, central meridian 85 E,
 * latitude of origin 44 N, on a sphere of radius 6371.0088 km (the IUGG
 * mean Earth radius).  The sphere instead of the WGS84 ellipsoid changes
 * shapes by well under 0.5%, far below a pixel of difference in shape at
 * the scale of the kiosk; distances (the scale bar) are good to about 0.5%.
 *
 * Plane coordinates are km east/north of the origin; screen coordinates are
 * pixels, x to the right, y downwards (north up).  A projection is plain
 * data in the caller's storage: _init sets the cone, _fit the screen
 * transform; no allocation, nothing to free. */
#ifndef MAP_PROJECTION_H
#define MAP_PROJECTION_H

#include <stdbool.h>

#define MAP_EARTH_RADIUS_KM 6371.0088
#define MAP_STD_PARALLEL_1 40.0
#define MAP_STD_PARALLEL_2 48.0
#define MAP_CENTRAL_MERIDIAN 85.0
#define MAP_ORIGIN_LAT 44.0

/* A screen rectangle in pixels (x, y: top-left corner). */
struct map_rect {
    float x, y, w, h;
};

/* A lon/lat bounding box in degrees. */
struct map_lonlat_box {
    double lon0, lat0, lon1, lat1; /* west, south, east, north */
};

struct map_projection {
    /* The cone (from _init). */
    double lon0;  /* central meridian, radians */
    double n;     /* cone constant */
    double rf;    /* R * F, km */
    double rho0;  /* radius of the origin parallel, km */
    /* The screen transform (from _fit): x = ox + scale * e,
     * y = oy - scale * n, with (e, n) plane km. */
    double scale; /* pixels per plane km */
    double ox, oy;
};

/* The exhibit's cone (the parameters above), with a 1 px/km transform
 * that puts the origin at screen (0, 0). */
void map_projection_init(struct map_projection *p);

/* Degrees to plane km (east, north) and back.  Latitudes are clamped to
 * +-89.9 degrees (the pole is a point at infinity for this cone). */
void map_project_plane(const struct map_projection *p, double lon,
                       double lat, double *east, double *north);
void map_unproject_plane(const struct map_projection *p, double east,
                         double north, double *lon, double *lat);

/* Degrees to screen pixels and back. */
void map_project(const struct map_projection *p, double lon, double lat,
                 double *x, double *y);
void map_unproject(const struct map_projection *p, double x, double y,
                   double *lon, double *lat);

/* Sets the screen transform so that `box` (its outline, parallels and
 * meridians being curves on the cone) fits inside `rect` less `margin_px`
 * on every side: one uniform scale (shapes stay true), north up, centred
 * in both directions; any aspect ratio.  False (transform unchanged) if
 * the box or the rect less its margins is empty. */
bool map_projection_fit(struct map_projection *p,
                        const struct map_lonlat_box *box,
                        const struct map_rect *rect, float margin_px);

/* The same for a box already in plane km. */
bool map_projection_fit_plane(struct map_projection *p, double e0,
                              double n0, double e1, double n1,
                              const struct map_rect *rect, float margin_px);

/* The point scale factor k at a latitude (1 on the standard parallels). */
double map_projection_k(const struct map_projection *p, double lat);

/* Ground kilometres per screen pixel at a latitude (for the scale bar):
 * 1 / (scale * k(lat)). */
double map_km_per_px(const struct map_projection *p, double lat);

#endif
