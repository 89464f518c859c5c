/* blockfile.h: the one text format every content .txt file uses.
 *
 *     # a comment
 *     key: value            file-level fields, before the first block
 *     ## id                 starts a block
 *     key: value            a field of the block (field files)
 *       continued value     a line indented by spaces continues the field
 *     free text             the block's text (text files: the report)
 *
 * Keys are matched case-insensitively and stored lower-case; block ids are
 * lower-case letters, digits, hyphens and dots.  In text files a block's lines are
 * joined with single spaces and a blank line between them becomes a line
 * break; in field files every non-blank line must be a field.  Positions of
 * everything are kept, so later checks can point at the right line and
 * column.  Owner: blockfile_parse fills a struct the caller finalises with
 * blockfile_fini; it borrows the source, which must outlive it. */
#ifndef CONTENT_BLOCKFILE_H
#define CONTENT_BLOCKFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "content/source.h"
#include "core/diag.h"

#define BLOCKFILE_MAX_KEY 48
#define BLOCKFILE_MAX_ID 64
#define BLOCKFILE_MAX_BLOCKS 2000 /* per file; more is refused */
#define BLOCKFILE_MAX_FIELDS 64   /* per block or file level */

enum blockfile_mode {
    BLOCKFILE_FIELDS, /* every block line is `key: value` */
    BLOCKFILE_TEXT,   /* block lines are free text */
};

struct bf_field {
    char key[BLOCKFILE_MAX_KEY]; /* lower-case */
    char *value;                 /* owned; continuation lines joined */
    size_t key_off, value_off;   /* byte offsets in the source */
};

/* Maps a stretch of a block's joined text back to its source line. */
struct bf_segment {
    size_t text_off, src_off;
};

struct bf_block {
    char id[BLOCKFILE_MAX_ID];
    size_t off;     /* the "##" of the block */
    size_t id_off;  /* its id */
    struct bf_field *fields;
    size_t field_count;
    char *text;     /* text mode: the joined text (owned), else NULL */
    size_t text_len;
    struct bf_segment *segs;
    size_t seg_count;
};

struct blockfile {
    const struct content_source *src;
    struct bf_field *fields; /* file level */
    size_t field_count;
    struct bf_block *blocks;
    size_t block_count;
};

/* Parses src; syntax problems go to diags.  Lines in error are skipped, so
 * the rest of the file is still checked.  Returns false if any error was
 * reported. */
bool blockfile_parse(const struct content_source *src,
                     enum blockfile_mode mode, struct blockfile *out,
                     struct diag_list *diags);
/* A settings file (kiosk.conf): as blockfile_parse in BLOCKFILE_FIELDS
 * mode, but the file-level keys in `repeatable` (NULL-terminated) may be
 * given on several lines, each kept as a field of its own, in order. */
bool blockfile_parse_settings(const struct content_source *src,
                              const char *const *repeatable,
                              struct blockfile *out, struct diag_list *d);
void blockfile_fini(struct blockfile *bf);

/* The source offset of byte `text_off` of a block's joined text. */
size_t bf_text_source_offset(const struct bf_block *b, size_t text_off);

/* The source offset of byte `value_off` of field f's value (continuation
 * lines included). */
size_t bf_field_source_offset(const struct blockfile *bf,
                              const struct bf_field *f, size_t value_off);

/* The field `key` of a list, or NULL. */
const struct bf_field *bf_find(const struct bf_field *fields, size_t count,
                               const char *key);

/* Checks a list of fields against the keys allowed there: an unknown key is
 * an error with a suggestion, a missing required key an error at `where`.
 * `what` names the place in messages ("this block", "exhibit settings"). */
void bf_check_keys(const struct blockfile *bf, const struct bf_field *fields,
                   size_t count, const char *const *known, size_t nknown,
                   const char *const *required, size_t nrequired,
                   size_t where, const char *what, struct diag_list *diags);

#endif
