/* mentions.h: questions about place mentions in a loaded exhibit -- which
 * passages mention a place, and a short snippet around a mention. */
#ifndef CONTENT_MENTIONS_H
#define CONTENT_MENTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "content/exhibit.h"

/* One passage that mentions a place in one language: the first mention
 * there, and how many there are. */
struct content_mention_ref {
    uint32_t passage;
    uint32_t first; /* index into the text's mentions */
    uint32_t count;
};

/* The passages whose `lang` text mentions place `place`, in report order.
 * Stores up to `max`, returns how many there are. */
size_t content_mentions_of(const struct exhibit *ex, uint32_t place,
                           enum text_lang lang,
                           struct content_mention_ref *out, size_t max);

/* A snippet of text t around mention m: at most `max_chars` code points,
 * cut at spaces where the language has them, with "…" where text was left
 * out.  Writes a NUL-terminated string to out (size n) and the mention's
 * byte range inside it to *start, *end.  Returns the length. */
size_t content_snippet(const struct content_text *t,
                       const struct content_mention *m, size_t max_chars,
                       char *out, size_t n, size_t *start, size_t *end);

#endif
