/* load.c: a content folder into one checked, immutable exhibit.
 *
 * Order of work: list the folder (unknown files, too many, names that
 * could show as something they are not: utf8_name_problem); only if that
 * found no error, read every known file (source.c: size, links, encoding)
 * and parse the block files (blockfile.c), interpret the settings,
 * strings, places and about files, build the report (passages.c: after
 * places, so mentions resolve), load the map files (geojson.c), then check
 * what links the files together (check.c).  Only if no error was reported
 * is the exhibit returned; its strings and arrays all live in its arena.
 * The parsed files live until the end of content_load so every check can
 * still point at a line. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content/blockfile.h"
#include "content/check.h"
#include "content/exhibit.h"
#include "content/geojson.h"
#include "content/markup.h"
#include "content/source.h"
#include "core/suggest.h"
#include "core/utf8.h"
#include "core/xalloc.h"

static const struct content_file_spec files[CONTENT_FILE_COUNT] = {
    [CONTENT_F_EXHIBIT] = {"exhibit.txt", BLOCKFILE_FIELDS, false,
                           "the exhibit's settings (title.zh:, title.en:, "
                           "title.ug:, default-language:)"},
    [CONTENT_F_STRINGS] = {"strings.txt", BLOCKFILE_FIELDS, false,
                           "the words of the interface, a block like "
                           "'## home.map' for each"},
    [CONTENT_F_PLACES] = {"places.txt", BLOCKFILE_FIELDS, false,
                          "a card for each place on the map, a block like "
                          "'## yili' for each"},
    [CONTENT_F_ABOUT] = {"about.txt", BLOCKFILE_FIELDS, false,
                         "the sections of the About page, a block like "
                         "'## citation' for each"},
    [CONTENT_F_REPORT_ZH] = {"report/zh.txt", BLOCKFILE_TEXT, false,
                             "the report's passages in Chinese"},
    [CONTENT_F_REPORT_EN] = {"report/en.txt", BLOCKFILE_TEXT, false,
                             "the report's passages in English"},
    [CONTENT_F_REPORT_UG] = {"report/ug.txt", BLOCKFILE_TEXT, false,
                             "the Uyghur summary of each passage"},
    [CONTENT_F_MAP_REGIONS] = {"map/regions.geojson", 0, true, NULL},
    [CONTENT_F_MAP_TOWNS] = {"map/towns.geojson", 0, true, NULL},
    [CONTENT_F_MAP_BORDERS] = {"map/borders.geojson", 0, true, NULL},
    [CONTENT_F_MAP_OUTLINE] = {"map/outline.geojson", 0, true, NULL},
};

const struct content_file_spec *content_file_spec(enum content_file f)
{
    return &files[f];
}

/* Files a curator may keep beside the content that are not loaded. */
static const char *const documents[] = {
    "README.md", "report/README.md", "map/SOURCES.md", "map/README.md",
};


static bool known_name(const char *rel)
{
    for (size_t i = 0; i < CONTENT_FILE_COUNT; i++)
        if (strcmp(rel, files[i].name) == 0)
            return true;
    for (size_t i = 0; i < sizeof documents / sizeof *documents; i++)
        if (strcmp(rel, documents[i]) == 0)
            return true;
    return strcmp(rel, "report") == 0 || strcmp(rel, "map") == 0;
}

/* Lists dir/sub: an error for a name that could show as something it is
 * not and for too many entries, a warning for an unknown file.  Returns
 * the entry count (counting stops just past the limit). */
static size_t scan(struct content_loader *L, const char *sub)
{
    char path[4096];
    snprintf(path, sizeof path, "%s%s%s", L->dir, *sub ? "/" : "", sub);
    DIR *dir = opendir(path);
    if (!dir)
        return 0;
    size_t n = 0;
    const char *cands[CONTENT_FILE_COUNT + 8];
    size_t nc = 0;
    for (size_t i = 0; i < CONTENT_FILE_COUNT; i++)
        cands[nc++] = files[i].name;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.')
            continue; /* ., .., and the ._* / .DS_Store litter of macOS */
        n++;
        if (n > CONTENT_MAX_FILES)
            break;
        char rel[1024];
        snprintf(rel, sizeof rel, "%s%s%s", sub, *sub ? "/" : "", e->d_name);
        char why[200];
        if (utf8_name_problem(e->d_name, strlen(e->d_name), why,
                              sizeof why)) {
            char *shown = utf8_escape(rel, strlen(rel));
            diag_add(L->d, DIAG_ERROR, L->dir, 0, 0, NULL,
                     "the file name '%s' contains %s; rename or remove it",
                     shown, why);
            free(shown);
            continue;
        }
        if (known_name(rel))
            continue;
        const char *s = suggest_closest(rel, cands, nc);
        char full[4096];
        snprintf(full, sizeof full, "%s/%s", L->dir, rel);
        if (s)
            diag_add(L->d, DIAG_WARNING, full, 0, 0, NULL, "unknown file, "
                     "ignored — did you mean '%s'?", s);
        else
            diag_add(L->d, DIAG_WARNING, full, 0, 0, NULL, "unknown file, "
                     "ignored (content/README.md lists the files)");
    }
    closedir(dir);
    if (n > CONTENT_MAX_FILES)
        diag_add(L->d, DIAG_ERROR, path, 0, 0, NULL, "this folder holds more "
                 "than %d entries; is it the right folder?",
                 CONTENT_MAX_FILES);
    return n;
}

/* True if src holds nothing but blank lines and comments. */
static bool nothing_in(const struct content_source *src)
{
    const char *t = src->text;
    size_t i = 0;
    while (i < src->len) {
        while (i < src->len && (t[i] == ' ' || t[i] == '\t'))
            i++;
        if (i < src->len && t[i] != '\n' &&
            !(t[i] == '#' && (i + 1 >= src->len || t[i + 1] != '#')))
            return false;
        while (i < src->len && t[i] != '\n')
            i++;
        i++;
    }
    return true;
}

static void read_files(struct content_loader *L)
{
    for (size_t i = 0; i < CONTENT_FILE_COUNT; i++) {
        char full[4096];
        snprintf(full, sizeof full, "%s/%s", L->dir, files[i].name);
        struct stat st;
        if (lstat(full, &st) != 0 && errno == ENOENT) {
            diag_add(L->d, DIAG_ERROR, full, 0, 0, NULL, "this file is "
                     "missing; every exhibit needs it (see "
                     "content/README.md)");
            continue;
        }
        size_t max = files[i].map ? CONTENT_MAX_MAP_FILE
                                  : CONTENT_MAX_TEXT_FILE;
        L->have[i] = content_source_read(L->dir, files[i].name, max,
                                         &L->src[i], L->d);
        /* An empty file is one error, not one for each thing the
         * others expect of it: it is left unparsed, and the checks
         * that need it skip it. */
        if (L->have[i] && !files[i].map && nothing_in(&L->src[i]))
            diag_add(L->d, DIAG_ERROR, L->src[i].path, 0, 0, NULL, "this "
                     "file is empty%s; it must hold %s — was it saved "
                     "before it was written, or copied only in part?",
                     L->src[i].len ? " (only comments and blank lines)" : "",
                     files[i].what);
        else if (L->have[i] && !files[i].map)
            L->parsed[i] = blockfile_parse(&L->src[i], files[i].mode,
                                           &L->bf[i], L->d) ||
                           true; /* keep what parsed for the checks */
    }
}

static const char *dup_field(struct content_loader *L,
                             const struct bf_field *fields, size_t n,
                             const char *key)
{
    const struct bf_field *f = bf_find(fields, n, key);
    return f ? arena_strdup(L->ex->arena, f->value) : NULL;
}

static void load_settings(struct content_loader *L)
{
    if (!L->parsed[CONTENT_F_EXHIBIT])
        return;
    const struct blockfile *bf = &L->bf[CONTENT_F_EXHIBIT];
    static const char *const known[] = {
        "title.zh", "title.en", "title.ug", "subtitle.zh", "subtitle.en",
        "subtitle.ug", "default-language", "idle-timeout",
    };
    static const char *const required[] = {
        "title.zh", "title.en", "title.ug", "default-language",
    };
    bf_check_keys(bf, bf->fields, bf->field_count, known, 8, required, 4, 0,
                  "exhibit.txt", L->d);
    for (size_t k = 0; k < bf->block_count; k++)
        content_diag_at(L->d, DIAG_ERROR, bf->src, bf->blocks[k].off,
                        "exhibit.txt has settings only, no '##' blocks");
    struct content_settings *s = &L->ex->settings;
    for (int l = 0; l < CONTENT_LANGS; l++) {
        char key[32];
        snprintf(key, sizeof key, "title.%s", text_lang_code((enum text_lang)l));
        s->title[l] = dup_field(L, bf->fields, bf->field_count, key);
        snprintf(key, sizeof key, "subtitle.%s", text_lang_code((enum text_lang)l));
        s->subtitle[l] = dup_field(L, bf->fields, bf->field_count, key);
        if (!s->subtitle[l])
            s->subtitle[l] = "";
    }
    s->default_lang = TEXT_LANG_EN;
    const struct bf_field *f =
        bf_find(bf->fields, bf->field_count, "default-language");
    if (f && f->value[0] && !text_lang_parse(f->value, &s->default_lang))
        content_diag_at(L->d, DIAG_ERROR, bf->src, f->value_off,
                        "default-language '%s' must be zh, en or ug",
                        f->value);
    s->idle_timeout_s = 90;
    f = bf_find(bf->fields, bf->field_count, "idle-timeout");
    if (f) {
        char *end;
        long v = strtol(f->value, &end, 10);
        while (*end == ' ')
            end++;
        if (*end == 's' && end[1] == '\0')
            end++;
        if (end == f->value || *end || v < 15 || v > 3600)
            content_diag_at(L->d, DIAG_ERROR, bf->src, f->value_off,
                            "idle-timeout '%s' must be a number of seconds "
                            "from 15 to 3600, like 'idle-timeout: 90'",
                            f->value);
        else
            s->idle_timeout_s = (unsigned)v;
    }
}

/* Blocks whose fields are KEY.zh / KEY.en / KEY.ug for each key in keys
 * (a key "" means plain zh / en / ug), plus `extra` optional keys. */
static void block_keys(const char *const *keys, size_t nkeys,
                       const char *const *extra, size_t nextra,
                       char known[][BLOCKFILE_MAX_KEY], const char **kp,
                       size_t *nknown)
{
    size_t n = 0;
    for (size_t k = 0; k < nkeys; k++) {
        for (int l = 0; l < CONTENT_LANGS; l++) {
            snprintf(known[n], BLOCKFILE_MAX_KEY, "%s%s%s", keys[k],
                     *keys[k] ? "." : "", text_lang_code((enum text_lang)l));
            kp[n] = known[n];
            n++;
        }
    }
    for (size_t k = 0; k < nextra; k++)
        kp[n++] = extra[k];
    *nknown = n;
}

static void lang_fields(struct content_loader *L, const struct bf_block *b,
                        const char *key, const char *out[CONTENT_LANGS])
{
    for (int l = 0; l < CONTENT_LANGS; l++) {
        char k[BLOCKFILE_MAX_KEY];
        snprintf(k, sizeof k, "%s%s%s", key, *key ? "." : "",
                 text_lang_code((enum text_lang)l));
        out[l] = dup_field(L, b->fields, b->field_count, k);
        if (!out[l])
            out[l] = "";
    }
}

static void check_block_fields(struct content_loader *L, enum content_file f,
                               const char *const *keys, size_t nkeys,
                               const char *const *extra, size_t nextra)
{
    const struct blockfile *bf = &L->bf[f];
    char known[16][BLOCKFILE_MAX_KEY];
    const char *kp[16];
    size_t nknown;
    block_keys(keys, nkeys, extra, nextra, known, kp, &nknown);
    for (size_t i = 0; i < bf->field_count; i++)
        content_diag_at(L->d, DIAG_ERROR, bf->src, bf->fields[i].key_off,
                        "'%s:' outside a block; put it under a '## id' line",
                        bf->fields[i].key);
    for (size_t k = 0; k < bf->block_count; k++) {
        const struct bf_block *b = &bf->blocks[k];
        char what[96];
        snprintf(what, sizeof what, "block '%s'", b->id);
        /* Every language key is required; extras are optional. */
        bf_check_keys(bf, b->fields, b->field_count, kp, nknown, kp,
                      nknown - nextra, b->off, what, L->d);
    }
}

static void load_strings(struct content_loader *L)
{
    if (!L->parsed[CONTENT_F_STRINGS])
        return;
    static const char *const keys[] = {""};
    check_block_fields(L, CONTENT_F_STRINGS, keys, 1, NULL, 0);
    const struct blockfile *bf = &L->bf[CONTENT_F_STRINGS];
    struct exhibit *ex = L->ex;
    ex->strings = arena_alloc(ex->arena, (bf->block_count + 1) *
                                             sizeof *ex->strings);
    for (size_t k = 0; k < bf->block_count; k++) {
        struct content_string *s = &ex->strings[ex->string_count++];
        s->id = arena_strdup(ex->arena, bf->blocks[k].id);
        lang_fields(L, &bf->blocks[k], "", s->text);
    }
}

static void load_places(struct content_loader *L)
{
    if (!L->parsed[CONTENT_F_PLACES])
        return;
    static const char *const keys[] = {"", "note"};
    static const char *const extra[] = {"source"};
    check_block_fields(L, CONTENT_F_PLACES, keys, 2, extra, 1);
    const struct blockfile *bf = &L->bf[CONTENT_F_PLACES];
    struct exhibit *ex = L->ex;
    if (bf->block_count > CONTENT_MAX_PLACES)
        content_diag_at(L->d, DIAG_ERROR, bf->src,
                        bf->blocks[CONTENT_MAX_PLACES].off,
                        "more than %d places; the limit is %d",
                        CONTENT_MAX_PLACES, CONTENT_MAX_PLACES);
    ex->places = arena_alloc(ex->arena, (bf->block_count + 1) *
                                            sizeof *ex->places);
    for (size_t k = 0; k < bf->block_count; k++) {
        const struct bf_block *b = &bf->blocks[k];
        struct content_place *p = &ex->places[ex->place_count++];
        p->id = arena_strdup(ex->arena, b->id);
        lang_fields(L, b, "", p->name);
        lang_fields(L, b, "note", p->note);
        p->source = dup_field(L, b->fields, b->field_count, "source");
        if (!p->source)
            p->source = "";
        p->feature = -1;
    }
}

static void load_about(struct content_loader *L)
{
    if (!L->parsed[CONTENT_F_ABOUT])
        return;
    static const char *const keys[] = {"title", "text"};
    check_block_fields(L, CONTENT_F_ABOUT, keys, 2, NULL, 0);
    const struct blockfile *bf = &L->bf[CONTENT_F_ABOUT];
    struct exhibit *ex = L->ex;
    ex->about = arena_alloc(ex->arena, (bf->block_count + 1) *
                                           sizeof *ex->about);
    for (size_t k = 0; k < bf->block_count; k++) {
        struct content_section *s = &ex->about[ex->about_count++];
        s->id = arena_strdup(ex->arena, bf->blocks[k].id);
        lang_fields(L, &bf->blocks[k], "title", s->title);
        lang_fields(L, &bf->blocks[k], "text", s->text);
    }
}

static void load_map(struct content_loader *L)
{
    static const enum content_feature_kind kinds[] = {
        CONTENT_REGION, CONTENT_TOWN, CONTENT_BORDER, CONTENT_OUTLINE,
    };
    for (int i = 0; i < 4; i++) {
        enum content_file f = CONTENT_F_MAP_REGIONS + i;
        if (L->have[f])
            L->map_loaded[kinds[i]] = geojson_load(&L->src[f], kinds[i],
                                                   L->ex->arena, &L->mb,
                                                   L->d);
    }
    struct content_map *m = &L->ex->map;
    struct arena *a = L->ex->arena;
    m->features = arena_memdup(a, L->mb.features, L->mb.feature_count *
                                                      sizeof *m->features);
    m->feature_count = (uint32_t)L->mb.feature_count;
    m->parts = arena_memdup(a, L->mb.parts, L->mb.part_count *
                                                sizeof *m->parts);
    m->part_count = (uint32_t)L->mb.part_count;
    m->rings = arena_memdup(a, L->mb.rings, L->mb.ring_count *
                                                sizeof *m->rings);
    m->ring_count = (uint32_t)L->mb.ring_count;
    m->points = arena_memdup(a, L->mb.points, L->mb.point_count *
                                                  sizeof *m->points);
    m->point_count = (uint32_t)L->mb.point_count;
}

struct exhibit *content_load(const char *dir, const struct text_fonts *fonts,
                             struct diag_list *d)
{
    size_t errors_before = d->errors;
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        diag_add(d, DIAG_ERROR, dir, 0, 0, NULL, "%s",
                 stat(dir, &st) != 0 ? "there is no content folder here"
                                     : "this is a file, not a content "
                                       "folder");
        return NULL;
    }
    if (!fonts) {
        /* A check that cannot be made fails: without fonts nobody knows
         * whether every character can be drawn. */
        diag_add(d, DIAG_ERROR, dir, 0, 0, NULL, "not checked: the fonts "
                 "could not be loaded, so nobody can tell whether every "
                 "character can be drawn; fix the font manifest first");
        return NULL;
    }
    struct content_loader *L = xcalloc(1, sizeof *L);
    L->dir = dir;
    L->d = d;
    L->fonts = fonts;
    L->ex = xcalloc(1, sizeof *L->ex);
    L->ex->arena = arena_create(256 * 1024);
    L->ex->dir = arena_strdup(L->ex->arena, dir);

    size_t top = scan(L, "");
    if (top == 0)
        diag_add(d, DIAG_ERROR, dir, 0, 0, NULL, "the content folder is "
                 "empty; copy the whole exhibit folder here");
    scan(L, "report");
    scan(L, "map");
    if (d->errors == errors_before) {
        read_files(L);
        load_settings(L);
        load_strings(L);
        load_places(L);
        load_about(L);
        content_load_passages(L);
        load_map(L);
        content_check_links(L);
    }

    for (size_t i = 0; i < CONTENT_FILE_COUNT; i++) {
        blockfile_fini(&L->bf[i]);
        content_source_fini(&L->src[i]);
    }
    geojson_build_fini(&L->mb);
    for (int l = 0; l < CONTENT_LANGS; l++)
        free(L->passage_block[l]);
    struct exhibit *ex = L->ex;
    free(L);
    if (d->errors != errors_before) {
        content_destroy(ex);
        return NULL;
    }
    return ex;
}

void content_destroy(struct exhibit *ex)
{
    if (!ex)
        return;
    arena_destroy(ex->arena);
    free(ex);
}

const char *content_string(const struct exhibit *ex, const char *id,
                           enum text_lang lang)
{
    for (uint32_t i = 0; i < ex->string_count; i++)
        if (strcmp(ex->strings[i].id, id) == 0)
            return ex->strings[i].text[lang];
    return id;
}

const struct content_place *content_place(const struct exhibit *ex,
                                          const char *id)
{
    for (uint32_t i = 0; i < ex->place_count; i++)
        if (strcmp(ex->places[i].id, id) == 0)
            return &ex->places[i];
    return NULL;
}
