/* geojson.h: map features from a GeoJSON FeatureCollection (RFC 7946).
 *
 * The JSON itself is parsed by jansson; this file turns features into the
 * exhibit's geometry (points, rings, parts) and checks what a curator can
 * get wrong: the structure, geometry types, empty geometry, coordinates
 * outside +-180 / +-90, unclosed or too short rings, missing or duplicate
 * ids, and the point limit.  Diagnostics point at the feature's line in the
 * file (jansson keeps no positions, so a small scanner finds where each
 * element of "features" starts). */
#ifndef CONTENT_GEOJSON_H
#define CONTENT_GEOJSON_H

#include <stdbool.h>
#include <stddef.h>

#include "content/exhibit.h"
#include "content/source.h"
#include "core/arena.h"

/* Growing arrays, copied into the arena when the exhibit is complete. */
struct geojson_build {
    struct content_feature *features;
    size_t feature_count, feature_cap;
    struct content_part *parts;
    size_t part_count, part_cap;
    struct content_ring *rings;
    size_t ring_count, ring_cap;
    struct content_lonlat *points;
    size_t point_count, point_cap;
};

/* Appends the features of src (all of one kind) to mb; strings go to the
 * arena.  False if any error was reported. */
bool geojson_load(const struct content_source *src,
                  enum content_feature_kind kind, struct arena *arena,
                  struct geojson_build *mb, struct diag_list *diags);
void geojson_build_fini(struct geojson_build *mb);

/* Byte offsets where the elements of the top-level "features" array
 * start; up to max are stored, the total is returned. */
size_t geojson_feature_offsets(const char *text, size_t len, size_t *out,
                               size_t max);

#endif
