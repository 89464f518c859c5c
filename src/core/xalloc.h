/* xalloc.h: allocation helpers that abort on out-of-memory.
 *
 * For small, program-sized allocations only (foot's xmalloc).  Anything sized
 * by content must be checked by the caller against its limits first, so that
 * a hostile file becomes a diagnostic, never an abort. */
#ifndef CORE_XALLOC_H
#define CORE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows an array to hold at least `need` elements of `elem` bytes;
 * `*cap` is updated.  Doubles, so appends are amortised O(1). */
void *xgrow(void *ptr, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
