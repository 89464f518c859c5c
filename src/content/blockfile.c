/* blockfile.c: the line-based parser of content .txt files (format in
 * blockfile.h).  One pass over the lines; the only state is the current
 * block and whether the last line was a field that may be continued. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/blockfile.h"
#include "content/chars.h"
#include "core/suggest.h"
#include "core/utf8.h"
#include "core/xalloc.h"

struct parser {
    const struct content_source *src;
    enum blockfile_mode mode;
    struct blockfile *bf;
    struct diag_list *d;
    const char *const *repeatable; /* file-level keys that may repeat */
    size_t block_cap, field_cap, seg_cap, text_cap;
    struct bf_field *last;   /* field a continuation line extends */
    bool blank_pending;      /* text mode: a blank line since the text */
    size_t errors;
    bool stop; /* a limit was hit: the rest of the file is not read */
};

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

static void error_at(struct parser *p, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void error_at(struct parser *p, size_t off, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    content_diag_at(p->d, DIAG_ERROR, p->src, off, "%s", msg);
    p->errors++;
}

static struct bf_block *current(struct parser *p)
{
    return p->bf->block_count ? &p->bf->blocks[p->bf->block_count - 1] : NULL;
}

static void append_text(struct parser *p, struct bf_block *b, const char *s,
                        size_t n, size_t src_off)
{
    if (b->text_len) {
        char sep = p->blank_pending ? '\n' : ' ';
        b->text = xgrow(b->text, &p->text_cap, b->text_len + 2, 1);
        b->text[b->text_len++] = sep;
    }
    p->blank_pending = false;
    b->segs = xgrow(b->segs, &p->seg_cap, b->seg_count + 1, sizeof *b->segs);
    b->segs[b->seg_count++] = (struct bf_segment){b->text_len, src_off};
    b->text = xgrow(b->text, &p->text_cap, b->text_len + n + 1, 1);
    memcpy(b->text + b->text_len, s, n);
    b->text_len += n;
    b->text[b->text_len] = '\0';
}

static void header(struct parser *p, const char *line, size_t len,
                   size_t off)
{
    size_t i = 0;
    while (i < len && line[i] == '#')
        i++;
    size_t hashes = i;
    while (i < len && is_space(line[i]))
        i++;
    size_t id_start = i, id_end = len;
    while (id_end > id_start && is_space(line[id_end - 1]))
        id_end--;
    p->last = NULL;
    p->blank_pending = false;
    if (hashes != 2) {
        error_at(p, off, "a block starts with exactly two '#' and a space, "
                 "like '## arrival'");
        return;
    }
    size_t n = id_end - id_start;
    if (n == 0) {
        error_at(p, off, "'##' needs an id after it, like '## arrival'");
        return;
    }
    for (size_t k = id_start; k < id_end; k++) {
        char c = line[k];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '.')) {
            size_t used;
            uint32_t cp = utf8_decode(line + k, id_end - k, &used);
            char what[160];
            content_char_describe(cp, what, sizeof what);
            error_at(p, off + k, "an id may only use lower-case letters a-z, "
                     "digits, '-' and '.'; found '%.*s', with %s%s",
                     (int)(n < 80 ? n : 80), line + id_start, what,
                     cp >= 'A' && cp <= 'Z' ? " — use the small letter"
                                           : "");
            return;
        }
    }
    if (n >= BLOCKFILE_MAX_ID) {
        error_at(p, off + id_start, "this id is %zu characters long; the "
                 "limit is %d", n, BLOCKFILE_MAX_ID - 1);
        return;
    }
    for (size_t k = 0; k < p->bf->block_count; k++) {
        const struct bf_block *o = &p->bf->blocks[k];
        if (strlen(o->id) == n && memcmp(o->id, line + id_start, n) == 0) {
            unsigned ol, oc;
            content_position(p->src->text, o->off, &ol, &oc);
            error_at(p, off + id_start, "'## %s' appears twice in this file "
                     "(first on line %u); ids must be unique", o->id, ol);
            return;
        }
    }
    if (p->bf->block_count >= BLOCKFILE_MAX_BLOCKS) {
        error_at(p, off, "more than %d blocks in one file; is it the right "
                 "file?", BLOCKFILE_MAX_BLOCKS);
        p->stop = true;
        return;
    }
    p->bf->blocks = xgrow(p->bf->blocks, &p->block_cap,
                          p->bf->block_count + 1, sizeof *p->bf->blocks);
    struct bf_block *b = &p->bf->blocks[p->bf->block_count++];
    memset(b, 0, sizeof *b);
    memcpy(b->id, line + id_start, n);
    b->off = off;
    b->id_off = off + id_start;
    p->field_cap = p->seg_cap = p->text_cap = 0;
}

/* `key: value`; returns false if the line is not of that shape. */
static bool field(struct parser *p, const char *line, size_t len, size_t off)
{
    size_t i = 0;
    while (i < len && (isalnum((unsigned char)line[i]) || line[i] == '.' ||
                       line[i] == '-' || line[i] == '_'))
        i++;
    size_t key_end = i;
    while (i < len && is_space(line[i]))
        i++;
    if (key_end == 0 || i >= len || line[i] != ':')
        return false;
    if (key_end >= BLOCKFILE_MAX_KEY) {
        error_at(p, off, "this key is too long (%zu characters)", key_end);
        return true;
    }
    size_t v = i + 1;
    while (v < len && is_space(line[v]))
        v++;
    size_t v_end = len;
    while (v_end > v && is_space(line[v_end - 1]))
        v_end--;

    struct bf_block *b = current(p);
    struct bf_field **list = b ? &b->fields : &p->bf->fields;
    size_t *count = b ? &b->field_count : &p->bf->field_count;
    char key[BLOCKFILE_MAX_KEY];
    for (size_t k = 0; k < key_end; k++)
        key[k] = (char)tolower((unsigned char)line[k]);
    key[key_end] = '\0';
    if (*count >= BLOCKFILE_MAX_FIELDS) {
        error_at(p, off, "more than %d lines 'key: value' in one block",
                 BLOCKFILE_MAX_FIELDS);
        p->stop = true;
        return true;
    }
    const struct bf_field *dup = bf_find(*list, *count, key);
    for (const char *const *r = p->repeatable; dup && !b && r && *r; r++)
        if (strcmp(*r, key) == 0)
            dup = NULL;
    if (dup) {
        unsigned dl, dc;
        content_position(p->src->text, dup->key_off, &dl, &dc);
        error_at(p, off, "'%s' is given twice here (first on line %u); "
                 "remove one", key, dl);
        return true;
    }
    if (!b && *count == 0)
        p->field_cap = 0;
    *list = xgrow(*list, &p->field_cap, *count + 1, sizeof **list);
    struct bf_field *f = &(*list)[(*count)++];
    memset(f, 0, sizeof *f);
    memcpy(f->key, key, key_end + 1);
    f->value = xstrndup(line + v, v_end - v);
    f->key_off = off;
    f->value_off = off + v;
    p->last = f;
    return true;
}

static void continuation(struct parser *p, const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && is_space(line[i]))
        i++;
    size_t end = len;
    while (end > i && is_space(line[end - 1]))
        end--;
    struct bf_field *f = p->last;
    size_t old = strlen(f->value);
    f->value = xrealloc(f->value, old + (end - i) + 2);
    f->value[old] = ' ';
    memcpy(f->value + old + 1, line + i, end - i);
    f->value[old + 1 + (end - i)] = '\0';
}

/* A line that starts with full-width '＃' (a Chinese keyboard's '#'),
 * meant as a passage or a comment: an error naming it, true.  In a text
 * block it would otherwise join the passage before it unseen. */
static bool lookalike_header(struct parser *p, const char *line, size_t len,
                             size_t off)
{
    size_t used;
    uint32_t cp = utf8_decode(line, len, &used);
    if (cp != 0xFF03 && !(cp == '#' && len > 1 &&
                          utf8_decode(line + 1, len - 1, &used) == 0xFF03))
        return false;
    size_t at = cp == 0xFF03 ? 0 : 1;
    char what[160];
    content_char_describe(0xFF03, what, sizeof what);
    error_at(p, off + at, "%s; a block starts with '## ' and a comment with "
             "'# ', typed with the ordinary '#'", what);
    return true;
}

/* A field line broken by a lookalike of the format's characters where
 * its key, colon or indent should be ("zh：伊宁", a line indented with a
 * full-width space): an error naming the character, true. */
static bool lookalike_field(struct parser *p, const char *line, size_t len,
                            size_t off)
{
    size_t i = 0;
    while (i < len && is_space(line[i]))
        i++;
    size_t key = i;
    while (i < len && (isalnum((unsigned char)line[i]) || line[i] == '.' ||
                       line[i] == '-' || line[i] == '_'))
        i++;
    size_t key_end = i;
    while (i < len && is_space(line[i]))
        i++;
    size_t used;
    uint32_t cp = i < len ? utf8_decode(line + i, len - i, &used) : 0;
    const struct content_lookalike *l = cp ? content_lookalike(cp) : NULL;
    if (!l)
        return false;
    char what[160];
    content_char_describe(cp, what, sizeof what);
    if (cp == 0xFF1A || cp == 0xFE55 || cp == 0x2236 || cp == 0xA789)
        error_at(p, off + i, "'%.*s' is followed by %s; a line here is "
                 "'key: value' with the ordinary colon",
                 (int)(key_end - key), line + key, what);
    else if (key_end == key && (cp == 0x3000 || cp == 0x00A0))
        error_at(p, off + i, "%s starts this line; a line that continues "
                 "the one above starts with two ordinary spaces", what);
    else
        error_at(p, off + i, "%s; a line here is 'key: value', like "
                 "'en: Yili'", what);
    return true;
}

static void one_line(struct parser *p, const char *line, size_t len,
                     size_t off)
{
    size_t i = 0;
    while (i < len && is_space(line[i]))
        i++;
    bool blank = i == len;
    if (blank) {
        p->last = NULL;
        if (current(p) && current(p)->text_len)
            p->blank_pending = true;
        return;
    }
    if (line[i] == '#') {
        if (i + 1 < len && line[i + 1] == '#' && i == 0)
            header(p, line, len, off);
        else if (i + 1 < len && line[i + 1] == '#')
            error_at(p, off + i, "'##' must start the line, with no spaces "
                     "before it");
        else
            lookalike_header(p, line + i, len - i, off + i); /* "#＃" */
        /* else: a comment */
        return;
    }
    struct bf_block *b = current(p);
    if (i > 0 && p->last && (p->mode == BLOCKFILE_FIELDS || !b)) {
        continuation(p, line, len);
        return;
    }
    if (lookalike_header(p, line + i, len - i, off + i))
        return;
    if (p->mode == BLOCKFILE_TEXT && b) {
        size_t end = len;
        while (end > i && is_space(line[end - 1]))
            end--;
        append_text(p, b, line + i, end - i, off + i);
        return;
    }
    if (field(p, line + i, len - i, off + i))
        return;
    if (lookalike_field(p, line, len, off))
        return;
    if (b)
        error_at(p, off + i, "expected 'key: value' in block '%s', like "
                 "'en: Yili'", b->id);
    else if (p->mode == BLOCKFILE_TEXT)
        error_at(p, off + i, "text before the first passage; start a "
                 "passage with a line like '## arrival' (or make this line "
                 "a comment with '# ')");
    else
        error_at(p, off + i, "expected 'key: value' or a block like "
                 "'## arrival'");
}

static bool parse(const struct content_source *src, enum blockfile_mode mode,
                  const char *const *repeatable, struct blockfile *out,
                  struct diag_list *d)
{
    memset(out, 0, sizeof *out);
    out->src = src;
    struct parser p = {.src = src, .mode = mode, .bf = out, .d = d,
                       .repeatable = repeatable};
    size_t off = 0;
    while (off < src->len && !p.stop) {
        const char *nl = memchr(src->text + off, '\n', src->len - off);
        size_t len = nl ? (size_t)(nl - (src->text + off)) : src->len - off;
        one_line(&p, src->text + off, len, off);
        off += len + 1;
    }
    return p.errors == 0;
}

bool blockfile_parse(const struct content_source *src,
                     enum blockfile_mode mode, struct blockfile *out,
                     struct diag_list *d)
{
    return parse(src, mode, NULL, out, d);
}

bool blockfile_parse_settings(const struct content_source *src,
                              const char *const *repeatable,
                              struct blockfile *out, struct diag_list *d)
{
    return parse(src, BLOCKFILE_FIELDS, repeatable, out, d);
}

void blockfile_fini(struct blockfile *bf)
{
    for (size_t i = 0; i < bf->field_count; i++)
        free(bf->fields[i].value);
    free(bf->fields);
    for (size_t k = 0; k < bf->block_count; k++) {
        struct bf_block *b = &bf->blocks[k];
        for (size_t i = 0; i < b->field_count; i++)
            free(b->fields[i].value);
        free(b->fields);
        free(b->text);
        free(b->segs);
    }
    free(bf->blocks);
    memset(bf, 0, sizeof *bf);
}

size_t bf_text_source_offset(const struct bf_block *b, size_t text_off)
{
    if (b->seg_count == 0)
        return b->off;
    /* The last segment starting at or before text_off. */
    size_t lo = 0, hi = b->seg_count;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (b->segs[mid].text_off <= text_off)
            lo = mid;
        else
            hi = mid;
    }
    return b->segs[lo].src_off + (text_off - b->segs[lo].text_off);
}

const struct bf_field *bf_find(const struct bf_field *fields, size_t count,
                               const char *key)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(fields[i].key, key) == 0)
            return &fields[i];
    return NULL;
}

void bf_check_keys(const struct blockfile *bf, const struct bf_field *fields,
                   size_t count, const char *const *known, size_t nknown,
                   const char *const *required, size_t nrequired,
                   size_t where, const char *what, struct diag_list *d)
{
    for (size_t i = 0; i < count; i++) {
        bool ok = false;
        for (size_t k = 0; k < nknown && !ok; k++)
            ok = strcmp(fields[i].key, known[k]) == 0;
        if (ok)
            continue;
        const char *s = suggest_closest(fields[i].key, known, nknown);
        if (s)
            content_diag_at(d, DIAG_ERROR, bf->src, fields[i].key_off,
                            "unknown key '%s' — did you mean '%s'?",
                            fields[i].key, s);
        else
            content_diag_at(d, DIAG_ERROR, bf->src, fields[i].key_off,
                            "unknown key '%s' in %s; the keys here are %s%s",
                            fields[i].key, what, known[0],
                            nknown > 1 ? ", ..." : "");
    }
    for (size_t k = 0; k < nrequired; k++) {
        const struct bf_field *f = bf_find(fields, count, required[k]);
        if (!f)
            content_diag_at(d, DIAG_ERROR, bf->src, where,
                            "%s has no '%s:' line; add one", what,
                            required[k]);
        else if (!f->value[0])
            content_diag_at(d, DIAG_ERROR, bf->src, f->value_off,
                            "'%s' is empty; write its text after the colon",
                            f->key);
    }
}

size_t bf_field_source_offset(const struct blockfile *bf,
                              const struct bf_field *f, size_t value_off)
{
    /* The value is its lines, trimmed and joined by single spaces: walk
     * the source beside it, skipping what the joining left out (line
     * ends, indents, trailing spaces). */
    const char *t = bf->src->text;
    size_t s = f->value_off, v = 0, n = bf->src->len;
    while (v < value_off && f->value[v] && s < n) {
        if (t[s] == f->value[v]) {
            s++;
            v++;
        } else if (t[s] == ' ' || t[s] == '\t' || t[s] == '\n') {
            s++;
        } else {
            v++; /* cannot happen: every value byte is in the source */
        }
    }
    while (s < n && f->value[v] && t[s] != f->value[v] &&
           (t[s] == ' ' || t[s] == '\t' || t[s] == '\n'))
        s++;
    return s;
}
