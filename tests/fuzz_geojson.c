/* fuzz_geojson.c: libFuzzer target for map files (jansson + geojson.c).
 *
 * The first byte chooses the kind of map file; the rest is the file.  All
 * geometry built must index inside its arrays and stay in lon/lat range.
 * Inputs are capped at 256 KiB. */
#include <stdint.h>
#include <stdlib.h>

#include "content/geojson.h"
#include "content/source.h"
#include "core/arena.h"
#include "core/diag.h"
#include "text/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 256 * 1024)
        return 0;
    struct content_source src = {.path = (char *)"fuzz.geojson"};
    src.text = text_normalize_file((const char *)data + 1, size - 1,
                                   &src.len);
    struct diag_list d;
    diag_list_init(&d);
    struct arena *a = arena_create(0);
    struct geojson_build mb = {0};
    geojson_load(&src, (enum content_feature_kind)(data[0] % 4), a, &mb, &d);
    for (size_t i = 0; i < mb.feature_count; i++) {
        const struct content_feature *f = &mb.features[i];
        if (f->first_part + f->part_count > mb.part_count || !f->id)
            abort();
        for (uint32_t p = f->first_part; p < f->first_part + f->part_count;
             p++) {
            const struct content_part *part = &mb.parts[p];
            if (part->first_ring + part->ring_count > mb.ring_count)
                abort();
            for (uint32_t r = part->first_ring;
                 r < part->first_ring + part->ring_count; r++) {
                const struct content_ring *ring = &mb.rings[r];
                if (ring->first + ring->count > mb.point_count)
                    abort();
            }
        }
    }
    for (size_t i = 0; i < mb.point_count; i++)
        if (!(mb.points[i].lon >= -180 && mb.points[i].lon <= 180 &&
              mb.points[i].lat >= -90 && mb.points[i].lat <= 90))
            abort();
    geojson_build_fini(&mb);
    arena_destroy(a);
    diag_list_fini(&d);
    free(src.text);
    return 0;
}
