/* exhibit.h: one exhibit in memory -- what the content folder says, checked
 * and resolved.
 *
 * Built by content_load into one arena; immutable afterwards.  Every string
 * is NUL-terminated UTF-8 in NFC; every cross reference is resolved to an
 * index (a mention to its place, a place to its map feature).  Texts are
 * indexed by enum text_lang (zh, en, ug).  Owner: content_load's caller;
 * content_destroy frees the whole exhibit, and every pointer into it dies
 * with it. */
#ifndef CONTENT_EXHIBIT_H
#define CONTENT_EXHIBIT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/diag.h"
#include "text/font.h"
#include "text/layout.h"

#define CONTENT_LANGS TEXT_LANG_COUNT

/* Limits a content folder must keep (documented in content/README.md). */
#define CONTENT_MAX_TEXT_FILE (1u << 20)       /* bytes, .txt */
#define CONTENT_MAX_MAP_FILE (16u << 20)       /* bytes, .geojson */
#define CONTENT_MAX_FILES 64                   /* entries in the folder */
#define CONTENT_MAX_PASSAGES 500
#define CONTENT_MAX_PLACES 200
#define CONTENT_MAX_PASSAGE_CHARS 20000
#define CONTENT_MAX_MAP_POINTS 500000
#define CONTENT_MAX_FEATURES 2000

struct content_mention {
    uint32_t start, end; /* byte range in the text */
    uint32_t place;      /* index into exhibit.places */
};

struct content_text {
    const char *text;
    uint32_t len;
    const struct content_mention *mentions;
    uint32_t mention_count;
};

struct content_passage {
    const char *id;
    /* zh and en: the report; ug: the summary written for the exhibit. */
    struct content_text text[CONTENT_LANGS];
};

struct content_place {
    const char *id;
    const char *name[CONTENT_LANGS];
    const char *note[CONTENT_LANGS];
    const char *source;
    int32_t feature; /* index into map.features */
};

struct content_string {
    const char *id;
    const char *text[CONTENT_LANGS];
};

struct content_section {
    const char *id;
    const char *title[CONTENT_LANGS];
    const char *text[CONTENT_LANGS];
};

enum content_feature_kind {
    CONTENT_REGION,  /* map/regions.geojson */
    CONTENT_TOWN,    /* map/towns.geojson */
    CONTENT_BORDER,  /* map/borders.geojson */
    CONTENT_OUTLINE, /* map/outline.geojson */
};

enum content_geom {
    CONTENT_GEOM_POINT,
    CONTENT_GEOM_LINES,    /* LineString, MultiLineString */
    CONTENT_GEOM_POLYGONS, /* Polygon, MultiPolygon */
};

struct content_lonlat {
    double lon, lat;
};

/* A polygon ring (first ring of a part is the outer one, the rest holes)
 * or a polyline; closing point kept for rings. */
struct content_ring {
    uint32_t first, count; /* into map.points */
};

struct content_part {
    uint32_t first_ring, ring_count; /* into map.rings */
};

struct content_feature {
    const char *id;
    enum content_feature_kind kind;
    enum content_geom geom;
    const char *name[CONTENT_LANGS]; /* from name_zh/name_en/name_ug */
    int32_t place;                   /* index into places, -1 if none */
    bool context;                    /* drawn, never tappable */
    bool soviet_border;              /* borders: the 1962 Sino-Soviet line */
    bool has_label;
    struct content_lonlat label;     /* label_point, if given */
    uint32_t first_part, part_count; /* into map.parts */
    const char *file;                /* for diagnostics: path and line */
    uint32_t line;
};

struct content_map {
    struct content_feature *features;
    uint32_t feature_count;
    struct content_part *parts;
    uint32_t part_count;
    struct content_ring *rings;
    uint32_t ring_count;
    struct content_lonlat *points;
    uint32_t point_count;
};

struct content_settings {
    const char *title[CONTENT_LANGS];
    const char *subtitle[CONTENT_LANGS];
    enum text_lang default_lang;
    unsigned idle_timeout_s;
};

struct exhibit {
    struct arena *arena;
    const char *dir;
    struct content_settings settings;
    struct content_string *strings;
    uint32_t string_count;
    struct content_passage *passages;
    uint32_t passage_count;
    struct content_place *places;
    uint32_t place_count;
    struct content_section *about;
    uint32_t about_count;
    struct content_map map;
};

/* Loads and checks the content folder `dir`.  Every problem goes to
 * `diags`, including every character no font in `fonts` can draw; with
 * `fonts` NULL that check cannot be made, so the folder is not valid (an
 * error says so).  Returns NULL if any error was found: errors never
 * produce a half-built exhibit. */
struct exhibit *content_load(const char *dir, const struct text_fonts *fonts,
                             struct diag_list *diags);
void content_destroy(struct exhibit *exhibit);

/* An interface string; the id itself if it does not exist (never NULL). */
const char *content_string(const struct exhibit *exhibit, const char *id,
                           enum text_lang lang);
/* Borrowed, or NULL. */
const struct content_place *content_place(const struct exhibit *exhibit,
                                          const char *id);

/* The interface string ids the program uses; strings.txt must define each. */
extern const char *const content_string_ids[];
extern const size_t content_string_id_count;

#endif
