/* markup.h: place mentions marked inside passage text.
 *
 *     ... arrived in {Wulumuqi [Urumqi]|urumqi} on 21 May ...
 *
 * `{shown text|place-id}` marks a mention; `{{` and `}}` stand for literal
 * braces.  Parsing yields the plain text (what visitors read) and, for each
 * mention, its byte range in the plain text and the place id.  Pure: errors
 * are reported through a callback with the byte offset in the marked text,
 * so the caller can turn them into file positions. */
#ifndef CONTENT_MARKUP_H
#define CONTENT_MARKUP_H

#include <stdbool.h>
#include <stddef.h>

#define MARKUP_MAX_ID 64

struct markup_mention {
    size_t start, end;       /* byte range in the plain text */
    size_t mark_off, id_off; /* offsets of '{' and of the id, marked text */
    char id[MARKUP_MAX_ID];
};

struct markup_result {
    char *plain; /* owned, NUL-terminated */
    size_t plain_len;
    struct markup_mention *mentions; /* owned */
    size_t count;
};

typedef void markup_error_fn(void *ctx, size_t off, const char *message);

/* Returns false if any error was reported; the result is still filled (a
 * broken mark is kept as plain text). */
bool markup_parse(const char *text, size_t len, struct markup_result *out,
                  markup_error_fn *error, void *ctx);
void markup_result_fini(struct markup_result *r);

#endif
