/* check.c: the checks that tie content files together (see check.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/check.h"
#include "core/suggest.h"
#include "core/utf8.h"
#include "core/xalloc.h"

#define TOFU_REPORT_MAX 8 /* per text: the first few are enough */

void content_check_unknown_place(struct content_loader *L,
                                 const struct content_source *src,
                                 size_t off, const char *id)
{
    const struct exhibit *ex = L->ex;
    const char **ids = xmalloc((ex->place_count + 1) * sizeof *ids);
    for (uint32_t i = 0; i < ex->place_count; i++)
        ids[i] = ex->places[i].id;
    const char *s = suggest_closest(id, ids, ex->place_count);
    if (s)
        content_diag_at(L->d, DIAG_ERROR, src, off, "no place '%s' in "
                        "places.txt — did you mean '%s'?", id, s);
    else
        content_diag_at(L->d, DIAG_ERROR, src, off, "no place '%s' in "
                        "places.txt; add a card for it there (and its "
                        "shape to the map) or fix the id", id);
    free(ids);
}

static const struct bf_block *place_block(struct content_loader *L,
                                          const char *id)
{
    const struct blockfile *bf = &L->bf[CONTENT_F_PLACES];
    for (size_t k = 0; k < bf->block_count; k++)
        if (strcmp(bf->blocks[k].id, id) == 0)
            return &bf->blocks[k];
    return NULL;
}

/* Cards and map features: every card has a shape, every tappable shape a
 * card. */
static void check_places_map(struct content_loader *L)
{
    struct exhibit *ex = L->ex;
    struct content_map *m = &ex->map;
    bool map_ok = L->map_loaded[CONTENT_REGION] &&
                  L->map_loaded[CONTENT_TOWN] &&
                  L->map_loaded[CONTENT_OUTLINE];
    for (uint32_t i = 0; i < m->feature_count; i++) {
        struct content_feature *f = &m->features[i];
        const struct content_place *p = content_place(ex, f->id);
        if (p) {
            f->place = (int32_t)(p - ex->places);
            ex->places[f->place].feature = (int32_t)i;
        } else if (f->kind != CONTENT_BORDER && !f->context &&
                   L->parsed[CONTENT_F_PLACES]) {
            diag_add(L->d, DIAG_ERROR, f->file, f->line, 0, NULL,
                     "map feature '%s' has no card in places.txt; add a "
                     "'## %s' card, or mark it \"context\": true if it is "
                     "only background", f->id, f->id);
        }
    }
    if (!map_ok)
        return; /* a broken map file was reported already */
    for (uint32_t i = 0; i < ex->place_count; i++) {
        if (ex->places[i].feature >= 0)
            continue;
        const struct bf_block *b = place_block(L, ex->places[i].id);
        content_diag_at(L->d, DIAG_ERROR, &L->src[CONTENT_F_PLACES],
                        b ? b->id_off : 0, "place '%s' has no shape on the "
                        "map; add a feature with \"id\": \"%s\" to "
                        "map/towns.geojson or map/regions.geojson", 
                        ex->places[i].id, ex->places[i].id);
    }
}

/* Collects the {placeholder} names of s, sorted, joined by ','. */
static void placeholders(const char *s, char *out, size_t n)
{
    char names[16][32];
    size_t count = 0;
    for (const char *p = s; (p = strchr(p, '{')); p++) {
        const char *e = strchr(p, '}');
        if (!e || e - p - 1 <= 0 || e - p - 1 >= 32 || count == 16)
            continue;
        memcpy(names[count], p + 1, (size_t)(e - p - 1));
        names[count][e - p - 1] = '\0';
        count++;
    }
    /* Insertion sort: a handful at most. */
    for (size_t i = 1; i < count; i++)
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char t[32];
            memcpy(t, names[j], 32);
            memcpy(names[j], names[j - 1], 32);
            memcpy(names[j - 1], t, 32);
        }
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < count && o < n; i++)
        o += (size_t)snprintf(out + o, n - o, "%s{%s}", i ? "," : "",
                              names[i]);
}

static void check_strings(struct content_loader *L)
{
    if (!L->parsed[CONTENT_F_STRINGS])
        return;
    const struct blockfile *bf = &L->bf[CONTENT_F_STRINGS];
    const struct content_source *src = &L->src[CONTENT_F_STRINGS];
    for (size_t i = 0; i < content_string_id_count; i++) {
        bool found = false;
        for (size_t k = 0; k < bf->block_count && !found; k++)
            found = strcmp(bf->blocks[k].id, content_string_ids[i]) == 0;
        if (!found)
            content_diag_eof(L->d, DIAG_ERROR, src,
                             "the interface string '%s' is missing; add a "
                             "'## %s' block with zh, en and ug",
                             content_string_ids[i], content_string_ids[i]);
    }
    for (size_t k = 0; k < bf->block_count; k++) {
        const struct bf_block *b = &bf->blocks[k];
        bool known = false;
        for (size_t i = 0; i < content_string_id_count && !known; i++)
            known = strcmp(b->id, content_string_ids[i]) == 0;
        if (!known) {
            const char *s = suggest_closest(b->id, content_string_ids,
                                            content_string_id_count);
            if (s)
                content_diag_at(L->d, DIAG_WARNING, src, b->id_off,
                                "the exhibit never shows '%s' — did you "
                                "mean '%s'?", b->id, s);
            else
                content_diag_at(L->d, DIAG_WARNING, src, b->id_off,
                                "the exhibit never shows '%s'; it is "
                                "ignored", b->id);
        }
        /* The same {placeholders} in every language. */
        const struct bf_field *en = bf_find(b->fields, b->field_count, "en");
        if (!en)
            continue;
        char want[256], got[256];
        placeholders(en->value, want, sizeof want);
        for (int l = 0; l < CONTENT_LANGS; l++) {
            const struct bf_field *f =
                bf_find(b->fields, b->field_count, text_lang_code((enum text_lang)l));
            if (!f || f == en)
                continue;
            placeholders(f->value, got, sizeof got);
            if (strcmp(want, got) != 0)
                content_diag_at(L->d, DIAG_ERROR, src, f->value_off,
                                "the %s text has placeholders '%s' but the "
                                "English has '%s'; they must match (the "
                                "exhibit fills them in)", text_lang_code((enum text_lang)l),
                                got[0] ? got : "(none)",
                                want[0] ? want : "(none)");
        }
    }
}

/* Characters no font of `role` can draw, in text[0..len) at source offset
 * base (for a block's joined text, offsets are mapped through `block`). */
static void tofu(struct content_loader *L, const struct content_source *src,
                 const struct text_role *role, const char *text, size_t len,
                 size_t base, const struct bf_block *block)
{
    uint32_t offs[TOFU_REPORT_MAX];
    size_t n = text_fonts_uncovered(L->fonts, role, text, len, offs,
                                    TOFU_REPORT_MAX);
    for (size_t i = 0; i < n && i < TOFU_REPORT_MAX; i++) {
        size_t used;
        uint32_t cp = utf8_decode(text + offs[i], len - offs[i], &used);
        size_t at = block ? bf_text_source_offset(block, offs[i])
                          : base + offs[i];
        content_diag_at(L->d, DIAG_ERROR, src, at, "no font of the exhibit "
                        "can draw U+%04X '%.*s' (it would show as a box); "
                        "replace it or add a font for it", cp, (int)used,
                        text + offs[i]);
    }
}

static void check_tofu(struct content_loader *L)
{
    if (!L->fonts)
        return;
    const struct text_role *ui = text_fonts_role(L->fonts, "ui");
    const struct text_role *body = text_fonts_role(L->fonts, "body");
    if (!ui || !body)
        return;
    for (int f = 0; f < CONTENT_FILE_COUNT; f++) {
        if (!L->parsed[f])
            continue;
        const struct blockfile *bf = &L->bf[f];
        const struct content_source *src = &L->src[f];
        for (size_t i = 0; i < bf->field_count; i++)
            tofu(L, src, ui, bf->fields[i].value,
                 strlen(bf->fields[i].value), bf->fields[i].value_off, NULL);
        for (size_t k = 0; k < bf->block_count; k++) {
            const struct bf_block *b = &bf->blocks[k];
            for (size_t i = 0; i < b->field_count; i++)
                tofu(L, src, ui, b->fields[i].value,
                     strlen(b->fields[i].value), b->fields[i].value_off,
                     NULL);
            if (b->text)
                tofu(L, src, body, b->text, b->text_len, 0, b);
        }
    }
}

void content_check_links(struct content_loader *L)
{
    check_places_map(L);
    check_strings(L);
    check_tofu(L);
    content_check_text(L);
}
