/* check.h: the loader's working state and the checks that link files
 * (private to content/).
 *
 * load.c reads and interprets each file on its own; passages.c builds the
 * report from the three language files and checks them against each other
 * (every passage in every language, the English order, each mention
 * resolved to a card); check.c checks what else ties files together --
 * cards with a shape on the map and shapes with a card, the interface
 * strings the program needs, placeholders, and characters no font can
 * draw. */
#ifndef CONTENT_CHECK_H
#define CONTENT_CHECK_H

#include <stdbool.h>

#include "content/blockfile.h"
#include "content/exhibit.h"
#include "content/geojson.h"
#include "content/source.h"

enum content_file {
    CONTENT_F_EXHIBIT,
    CONTENT_F_STRINGS,
    CONTENT_F_PLACES,
    CONTENT_F_ABOUT,
    CONTENT_F_REPORT_ZH, /* in enum text_lang order */
    CONTENT_F_REPORT_EN,
    CONTENT_F_REPORT_UG,
    CONTENT_F_MAP_REGIONS,
    CONTENT_F_MAP_TOWNS,
    CONTENT_F_MAP_BORDERS,
    CONTENT_F_MAP_OUTLINE,
    CONTENT_FILE_COUNT,
};

struct content_file_spec {
    const char *name; /* relative to the content folder */
    enum blockfile_mode mode;
    bool map;
    const char *what; /* what it holds, for "this file is empty" */
};

const struct content_file_spec *content_file_spec(enum content_file f);

struct content_loader {
    const char *dir;
    struct diag_list *d;
    const struct text_fonts *fonts;
    struct exhibit *ex;
    struct content_source src[CONTENT_FILE_COUNT];
    bool have[CONTENT_FILE_COUNT];   /* read */
    bool parsed[CONTENT_FILE_COUNT]; /* block file parsed (maybe w/ errors) */
    struct blockfile bf[CONTENT_FILE_COUNT];
    struct geojson_build mb;
    bool map_loaded[4]; /* by enum content_feature_kind, without error */
    /* passages.c: for each passage and language, the block it came from */
    const struct bf_block **passage_block[CONTENT_LANGS];
};

/* passages.c: the report from report/{zh,en,ug}.txt, in English order. */
void content_load_passages(struct content_loader *L);

/* check.c: the links between files, then content_check_text. */
void content_check_links(struct content_loader *L);
/* textcheck.c: each text in its own language -- its script (a file saved
 * as ANSI), letters Uyghur writes differently, presentation forms, place
 * marks where none is allowed, card notes too long for the smallest
 * panel. */
void content_check_text(struct content_loader *L);
/* An error for a mention of an id that has no card, with a suggestion. */
void content_check_unknown_place(struct content_loader *L,
                                 const struct content_source *src,
                                 size_t off, const char *id);

#endif
