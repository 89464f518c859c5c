/* arena.h: a bump allocator that frees everything at once.
 *
 * Content is built into one arena, validated, then treated as immutable;
 * swapping content frees the old arena whole.  Allocations are 8-byte
 * aligned and never move.  Owner: whoever calls arena_create; every pointer
 * it returned dies with arena_destroy. */
#ifndef CORE_ARENA_H
#define CORE_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_create(size_t chunk_size);
void arena_destroy(struct arena *arena);

/* Zeroed memory; aborts on out-of-memory (callers bound sizes first). */
void *arena_alloc(struct arena *arena, size_t size);
/* Copies of strings / byte ranges, NUL-terminated. */
char *arena_strdup(struct arena *arena, const char *s);
char *arena_strndup(struct arena *arena, const char *s, size_t n);
/* A copy of n elements of `size` bytes. */
void *arena_memdup(struct arena *arena, const void *p, size_t size);

/* Bytes handed out so far (for benchmarks and limits). */
size_t arena_used(const struct arena *arena);

#endif
