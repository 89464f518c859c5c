/* passages.c: the report, passage by passage, from the three language files.
 *
 * report/en.txt sets the order; zh.txt and ug.txt must have the same ids.
 * Each passage's text has its mention marks parsed into plain text and
 * (start, end, place) triples, resolved at once: load.c has loaded
 * places.txt before the report, and a mention of an id with no card is
 * reported (content_check_unknown_place) and left out. */
#include <stdlib.h>
#include <string.h>

#include "content/check.h"
#include "content/markup.h"
#include "core/xalloc.h"

struct mark_ctx {
    struct content_loader *L;
    const struct content_source *src;
    const struct bf_block *block;
};

static void mark_error(void *ctx, size_t off, const char *msg)
{
    struct mark_ctx *m = ctx;
    content_diag_at(m->L->d, DIAG_ERROR, m->src,
                    bf_text_source_offset(m->block, off), "%s", msg);
}

static const struct bf_block *find_block(const struct blockfile *bf,
                                         const char *id)
{
    for (size_t k = 0; k < bf->block_count; k++)
        if (strcmp(bf->blocks[k].id, id) == 0)
            return &bf->blocks[k];
    return NULL;
}

/* Fills t from block b: its plain text and its mentions, each resolved to
 * its place (one with an unknown id is reported and left out; all are
 * left out when places.txt could not be read, which was reported). */
static void passage_text(struct content_loader *L, enum content_file f,
                         const struct bf_block *b, struct content_text *t)
{
    struct mark_ctx mc = {L, &L->src[f], b};
    struct markup_result r;
    markup_parse(b->text ? b->text : "", b->text_len, &r, mark_error, &mc);
    struct arena *a = L->ex->arena;
    t->text = arena_strndup(a, r.plain, r.plain_len);
    t->len = (uint32_t)r.plain_len;
    struct content_mention *ms =
        arena_alloc(a, (r.count + 1) * sizeof *ms);
    uint32_t n = 0;
    for (size_t i = 0; i < r.count; i++) {
        const struct markup_mention *mm = &r.mentions[i];
        const struct content_place *place = content_place(L->ex, mm->id);
        if (!place && !L->parsed[CONTENT_F_PLACES])
            continue; /* places.txt itself is broken: reported already */
        if (!place && L->parsed[CONTENT_F_PLACES]) {
            content_check_unknown_place(L, &L->src[f],
                                        bf_text_source_offset(b, mm->id_off),
                                        mm->id);
            continue;
        }
        ms[n++] = (struct content_mention){
            (uint32_t)mm->start, (uint32_t)mm->end,
            (uint32_t)(place - L->ex->places)};
    }
    t->mentions = ms;
    t->mention_count = n;
    if (!b->text_len)
        content_diag_at(L->d, DIAG_ERROR, &L->src[f], b->off,
                        "passage '%s' has no text; write it on the lines "
                        "after '## %s'", b->id, b->id);
    size_t chars = 0;
    for (size_t i = 0; i < r.plain_len; i++)
        chars += ((unsigned char)r.plain[i] & 0xC0) != 0x80;
    if (chars > CONTENT_MAX_PASSAGE_CHARS)
        content_diag_at(L->d, DIAG_ERROR, &L->src[f], b->off,
                        "passage '%s' is %zu characters long; the limit is "
                        "%d — split it into two passages", b->id, chars,
                        CONTENT_MAX_PASSAGE_CHARS);
    markup_result_fini(&r);
}

/* What is wrong with one language file on its own: fields before the
 * first passage, too many passages. */
static void check_report_file(struct content_loader *L, enum content_file f)
{
    const struct blockfile *bf = &L->bf[f];
    for (size_t i = 0; i < bf->field_count; i++)
        content_diag_at(L->d, DIAG_ERROR, bf->src, bf->fields[i].key_off,
                        "text before the first passage; start a passage "
                        "with '## id' (or make the line a comment with "
                        "'# ')");
    if (bf->block_count > CONTENT_MAX_PASSAGES)
        content_diag_at(L->d, DIAG_ERROR, bf->src,
                        bf->blocks[CONTENT_MAX_PASSAGES].off,
                        "more than %d passages; the limit is %d",
                        CONTENT_MAX_PASSAGES, CONTENT_MAX_PASSAGES);
}

/* The end of block b in its file: the last line with something on it
 * before the next block (or the end of the file). */
static size_t block_end(const struct blockfile *bf, const struct bf_block *b)
{
    size_t end = bf->src->len;
    for (size_t k = 0; k < bf->block_count; k++)
        if (bf->blocks[k].off > b->off && bf->blocks[k].off < end)
            end = bf->blocks[k].off;
    const char *t = bf->src->text;
    while (end > b->off && (t[end - 1] == '\n' || t[end - 1] == ' '))
        end--;
    return end > b->off ? end - 1 : b->off;
}

/* English passage k is missing from file f: an error where it belongs --
 * on the '##' line of the passage that follows it in English order, or
 * else after the one before it, or else at the file's end.  Only the
 * NEAR passages on either side are looked for (a file missing hundreds
 * stays quick to check). */
#define NEAR 32
static void missing_passage(struct content_loader *L, enum content_file f,
                            size_t k)
{
    const struct blockfile *ebf = &L->bf[CONTENT_F_REPORT_EN];
    const struct blockfile *bf = &L->bf[f];
    const char *id = ebf->blocks[k].id;
    unsigned el, ec;
    content_position(ebf->src->text, ebf->blocks[k].off, &el, &ec);
    for (size_t j = k + 1; j < ebf->block_count && j <= k + NEAR; j++) {
        const struct bf_block *next = find_block(bf, ebf->blocks[j].id);
        if (!next)
            continue;
        unsigned line, col;
        content_position(bf->src->text, next->off, &line, &col);
        diag_add(L->d, DIAG_ERROR, bf->src->path, line, 0,
                 content_line_start(bf->src->text, next->off),
                 "passage '%s' (report/en.txt line %u) is missing; add "
                 "'## %s' with its text before this passage ('%s')", id, el,
                 id, next->id);
        return;
    }
    for (size_t j = k; j-- > 0 && j + NEAR >= k;) {
        const struct bf_block *prev = find_block(bf, ebf->blocks[j].id);
        if (!prev)
            continue;
        size_t end = block_end(bf, prev);
        unsigned line, col;
        content_position(bf->src->text, end, &line, &col);
        diag_add(L->d, DIAG_ERROR, bf->src->path, line, 0,
                 content_line_start(bf->src->text, end),
                 "passage '%s' (report/en.txt line %u) is missing; add "
                 "'## %s' with its text after passage '%s', which ends "
                 "here", id, el, id, prev->id);
        return;
    }
    content_diag_eof(L->d, DIAG_ERROR, bf->src, "passage '%s' "
                     "(report/en.txt line %u) is missing here; add '## %s' "
                     "with its text", id, el, id);
}

/* Passage k of report/en.txt, in every language: its text from the block
 * with the same id, or "" and an error where it belongs in a language
 * file that lacks it (nothing for a file that could not be read:
 * reported). */
static void build_passage(struct content_loader *L, size_t k,
                          struct content_passage *p)
{
    for (int l = 0; l < CONTENT_LANGS; l++) {
        enum content_file f = CONTENT_F_REPORT_ZH + l;
        const struct bf_block *b =
            L->parsed[f] ? find_block(&L->bf[f], p->id) : NULL;
        L->passage_block[l][k] = b;
        if (b) {
            passage_text(L, f, b, &p->text[l]);
            continue;
        }
        p->text[l].text = "";
        if (L->parsed[f])
            missing_passage(L, f, k);
    }
}

/* Passages in file f (zh or ug) that English does not have, and the first
 * one out of English order (a warning: the English order is used). */
static void check_against_english(struct content_loader *L,
                                  enum content_file f)
{
    const struct blockfile *ebf = &L->bf[CONTENT_F_REPORT_EN];
    const struct blockfile *bf = &L->bf[f];
    size_t expect = 0; /* English position of the last passage matched */
    bool order_ok = true;
    for (size_t k = 0; k < bf->block_count; k++) {
        const struct bf_block *b = &bf->blocks[k];
        const struct bf_block *eb = find_block(ebf, b->id);
        if (!eb) {
            content_diag_at(L->d, DIAG_ERROR, bf->src, b->id_off,
                            "passage '%s' is not in report/en.txt; every "
                            "passage needs all three languages (is the id "
                            "misspelt?)", b->id);
            continue;
        }
        size_t pos = (size_t)(eb - ebf->blocks);
        if (pos < expect && order_ok) {
            content_diag_at(L->d, DIAG_WARNING, bf->src, b->off,
                            "passage '%s' comes in a different order than "
                            "in report/en.txt; the exhibit uses the English "
                            "order", b->id);
            order_ok = false;
        }
        expect = pos;
    }
}

/* Each language file on its own first, then (only if English was read)
 * the passages in English order, then what zh and ug have that English
 * has not. */
void content_load_passages(struct content_loader *L)
{
    const enum content_file en = CONTENT_F_REPORT_EN;
    for (int l = 0; l < CONTENT_LANGS; l++)
        if (L->parsed[CONTENT_F_REPORT_ZH + l])
            check_report_file(L, CONTENT_F_REPORT_ZH + l);
    if (!L->parsed[en])
        return;
    struct exhibit *ex = L->ex;
    size_t n = L->bf[en].block_count;
    ex->passages = arena_alloc(ex->arena, (n + 1) * sizeof *ex->passages);
    for (int l = 0; l < CONTENT_LANGS; l++)
        L->passage_block[l] = xcalloc(n + 1, sizeof **L->passage_block);
    for (size_t k = 0; k < n; k++) {
        struct content_passage *p = &ex->passages[ex->passage_count++];
        p->id = arena_strdup(ex->arena, L->bf[en].blocks[k].id);
        build_passage(L, k, p);
    }
    for (int l = 0; l < CONTENT_LANGS; l++) {
        enum content_file f = CONTENT_F_REPORT_ZH + l;
        if (f != en && L->parsed[f])
            check_against_english(L, f);
    }
}
