/* import_diff.c: a release against the one before (see import_diff.h).
 *
 * A changed thing is listed with what changed in it: a list of field
 * names built in a small buffer ("en, zh" for a passage, "note.en,
 * name.ug" for a card), cut with "..." if a thing changed in more ways
 * than fit a line. */
#include <stdio.h>
#include <string.h>

#include "state/import_diff.h"

#define WHAT_MAX 200

struct what {
    char s[WHAT_MAX];
    size_t n;
};

static void note(struct what *w, const char *field, const char *lang)
{
    int k = snprintf(w->s + w->n, WHAT_MAX - w->n, "%s%s%s%s",
                     w->n ? ", " : "", field, lang && *field ? "." : "",
                     lang ? lang : "");
    if (k < 0 || (size_t)k >= WHAT_MAX - w->n) {
        snprintf(w->s + (WHAT_MAX - 5), 5, "...");
        w->n = WHAT_MAX - 1;
    } else {
        w->n += (size_t)k;
    }
}

static bool differ(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") != 0;
}

/* Each language whose text differs, as "field.lang" (or "lang"). */
static void langs(struct what *w, const char *field,
                  const char *const a[CONTENT_LANGS],
                  const char *const b[CONTENT_LANGS])
{
    for (int l = 0; l < CONTENT_LANGS; l++)
        if (differ(a[l], b[l]))
            note(w, field, text_lang_code((enum text_lang)l));
}

static void line(FILE *out, unsigned *count, const char *kind,
                 const char *id, const struct what *w, const char *where)
{
    (*count)++;
    fprintf(out, "  %s: %s", kind, id);
    if (w && w->n)
        fprintf(out, " — %s", w->s);
    if (where)
        fprintf(out, " (%s)", where);
    fputc('\n', out);
}

static void passages(const struct exhibit *old, const struct exhibit *ex,
                     struct import_changes *c, FILE *out)
{
    for (uint32_t i = 0; i < ex->passage_count; i++) {
        const struct content_passage *p = &ex->passages[i], *o = NULL;
        for (uint32_t k = 0; old && k < old->passage_count && !o; k++)
            if (strcmp(old->passages[k].id, p->id) == 0)
                o = &old->passages[k];
        if (!o) {
            line(out, &c->added, "passage added", p->id, NULL, NULL);
            continue;
        }
        struct what w = {0};
        for (int l = 0; l < CONTENT_LANGS; l++)
            if (differ(o->text[l].text, p->text[l].text))
                note(&w, "", text_lang_code((enum text_lang)l));
        if (w.n)
            line(out, &c->changed, "passage changed", p->id, &w, NULL);
    }
    for (uint32_t k = 0; old && k < old->passage_count; k++) {
        bool kept = false;
        for (uint32_t i = 0; i < ex->passage_count && !kept; i++)
            kept = strcmp(old->passages[k].id, ex->passages[i].id) == 0;
        if (!kept)
            line(out, &c->removed, "passage removed", old->passages[k].id,
                 NULL, NULL);
    }
}

static void places(const struct exhibit *old, const struct exhibit *ex,
                   struct import_changes *c, FILE *out)
{
    for (uint32_t i = 0; i < ex->place_count; i++) {
        const struct content_place *p = &ex->places[i];
        const struct content_place *o = old ? content_place(old, p->id)
                                            : NULL;
        if (!o) {
            line(out, &c->places_added, "place added", p->id, NULL, NULL);
            continue;
        }
        struct what w = {0};
        langs(&w, "name", o->name, p->name);
        langs(&w, "note", o->note, p->note);
        if (differ(o->source, p->source))
            note(&w, "source", NULL);
        if (w.n)
            line(out, &c->other, "place changed", p->id, &w, NULL);
    }
    for (uint32_t k = 0; old && k < old->place_count; k++)
        if (!content_place(ex, old->places[k].id))
            line(out, &c->places_removed, "place removed",
                 old->places[k].id, NULL, NULL);
}

static const struct content_string *string_of(const struct exhibit *ex,
                                              const char *id)
{
    for (uint32_t i = 0; ex && i < ex->string_count; i++)
        if (strcmp(ex->strings[i].id, id) == 0)
            return &ex->strings[i];
    return NULL;
}

static void strings(const struct exhibit *old, const struct exhibit *ex,
                    struct import_changes *c, FILE *out)
{
    for (uint32_t i = 0; i < ex->string_count; i++) {
        const struct content_string *s = &ex->strings[i];
        const struct content_string *o = string_of(old, s->id);
        struct what w = {0};
        if (!o) {
            line(out, &c->other, "interface string added", s->id, NULL,
                 NULL);
            continue;
        }
        langs(&w, "", o->text, s->text);
        if (w.n)
            line(out, &c->other, "interface string changed", s->id, &w,
                 NULL);
    }
    for (uint32_t k = 0; old && k < old->string_count; k++)
        if (!string_of(ex, old->strings[k].id))
            line(out, &c->other, "interface string removed",
                 old->strings[k].id, NULL, NULL);
}

static const struct content_section *section_of(const struct exhibit *ex,
                                                const char *id)
{
    for (uint32_t i = 0; ex && i < ex->about_count; i++)
        if (strcmp(ex->about[i].id, id) == 0)
            return &ex->about[i];
    return NULL;
}

static void about(const struct exhibit *old, const struct exhibit *ex,
                  struct import_changes *c, FILE *out)
{
    for (uint32_t i = 0; i < ex->about_count; i++) {
        const struct content_section *s = &ex->about[i];
        const struct content_section *o = section_of(old, s->id);
        if (!o) {
            line(out, &c->other, "About section added", s->id, NULL, NULL);
            continue;
        }
        struct what w = {0};
        langs(&w, "title", o->title, s->title);
        langs(&w, "text", o->text, s->text);
        if (w.n)
            line(out, &c->other, "About section changed", s->id, &w, NULL);
    }
    for (uint32_t k = 0; old && k < old->about_count; k++)
        if (!section_of(ex, old->about[k].id))
            line(out, &c->other, "About section removed", old->about[k].id,
                 NULL, NULL);
}

static void settings(const struct exhibit *old, const struct exhibit *ex,
                     struct import_changes *c, FILE *out)
{
    if (!old)
        return;
    const struct content_settings *o = &old->settings, *s = &ex->settings;
    struct what w = {0};
    langs(&w, "title", o->title, s->title);
    langs(&w, "subtitle", o->subtitle, s->subtitle);
    if (o->default_lang != s->default_lang)
        note(&w, "default-language", NULL);
    if (o->idle_timeout_s != s->idle_timeout_s)
        note(&w, "idle-timeout", NULL);
    if (w.n)
        line(out, &c->other, "settings changed", "exhibit.txt", &w, NULL);
}

static const char *const kind_file[] = {
    [CONTENT_REGION] = "map/regions.geojson",
    [CONTENT_TOWN] = "map/towns.geojson",
    [CONTENT_BORDER] = "map/borders.geojson",
    [CONTENT_OUTLINE] = "map/outline.geojson",
};

static const struct content_feature *feature_of(const struct exhibit *ex,
                                                const char *id)
{
    for (uint32_t i = 0; ex && i < ex->map.feature_count; i++)
        if (strcmp(ex->map.features[i].id, id) == 0)
            return &ex->map.features[i];
    return NULL;
}

/* Whether two features' geometries differ: parts, rings, points. */
static bool shape_differs(const struct content_map *a,
                          const struct content_feature *fa,
                          const struct content_map *b,
                          const struct content_feature *fb)
{
    if (fa->geom != fb->geom || fa->part_count != fb->part_count)
        return true;
    for (uint32_t p = 0; p < fa->part_count; p++) {
        const struct content_part *pa = &a->parts[fa->first_part + p];
        const struct content_part *pb = &b->parts[fb->first_part + p];
        if (pa->ring_count != pb->ring_count)
            return true;
        for (uint32_t r = 0; r < pa->ring_count; r++) {
            const struct content_ring *ra = &a->rings[pa->first_ring + r];
            const struct content_ring *rb = &b->rings[pb->first_ring + r];
            if (ra->count != rb->count)
                return true;
            for (uint32_t k = 0; k < ra->count; k++) {
                const struct content_lonlat *x = &a->points[ra->first + k];
                const struct content_lonlat *y = &b->points[rb->first + k];
                if (x->lon != y->lon || x->lat != y->lat)
                    return true;
            }
        }
    }
    return false;
}

static void map(const struct exhibit *old, const struct exhibit *ex,
                struct import_changes *c, FILE *out)
{
    for (uint32_t i = 0; i < ex->map.feature_count; i++) {
        const struct content_feature *f = &ex->map.features[i];
        const struct content_feature *o = feature_of(old, f->id);
        const char *file = kind_file[f->kind];
        if (!o) {
            line(out, &c->other, "map feature added", f->id, NULL, file);
            continue;
        }
        struct what w = {0};
        if (o->kind != f->kind) {
            char moved[64];
            snprintf(moved, sizeof moved, "moved from %s",
                     kind_file[o->kind]);
            note(&w, moved, NULL);
        }
        if (shape_differs(&old->map, o, &ex->map, f))
            note(&w, "shape", NULL);
        langs(&w, "name", o->name, f->name);
        if (o->has_label != f->has_label ||
            (f->has_label && (o->label.lon != f->label.lon ||
                              o->label.lat != f->label.lat)))
            note(&w, "label_point", NULL);
        if (o->context != f->context)
            note(&w, "context", NULL);
        if (o->soviet_border != f->soviet_border)
            note(&w, "soviet_border_1962", NULL);
        if (w.n)
            line(out, &c->other, "map feature changed", f->id, &w, file);
    }
    for (uint32_t k = 0; old && k < old->map.feature_count; k++) {
        const struct content_feature *o = &old->map.features[k];
        if (!feature_of(ex, o->id))
            line(out, &c->other, "map feature removed", o->id, NULL,
                 kind_file[o->kind]);
    }
}

void import_diff(const struct exhibit *old, const struct exhibit *ex,
                 struct import_changes *c, FILE *out)
{
    memset(c, 0, sizeof *c);
    passages(old, ex, c, out);
    places(old, ex, c, out);
    if (!old)
        return; /* the first release: its passages and places say enough */
    strings(old, ex, c, out);
    about(old, ex, c, out);
    settings(old, ex, c, out);
    map(old, ex, c, out);
}
