/* arena.c: chunked bump allocation. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/xalloc.h"

struct chunk {
    struct chunk *next;
    size_t size, used;
    max_align_t data[]; /* aligned storage */
};

struct arena {
    struct chunk *head;
    size_t chunk_size;
    size_t used;
};

struct arena *arena_create(size_t chunk_size)
{
    struct arena *a = xcalloc(1, sizeof *a);
    a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
    return a;
}

void arena_destroy(struct arena *a)
{
    if (!a)
        return;
    struct chunk *c = a->head;
    while (c) {
        struct chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

void *arena_alloc(struct arena *a, size_t size)
{
    size = (size + 7) & ~(size_t)7;
    struct chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        size_t n = size > a->chunk_size ? size : a->chunk_size;
        if (n > SIZE_MAX - sizeof *c)
            abort();
        c = xmalloc(sizeof *c + n);
        c->size = n;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    a->used += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

void *arena_memdup(struct arena *a, const void *p, size_t size)
{
    void *q = arena_alloc(a, size);
    if (size)
        memcpy(q, p, size);
    return q;
}

size_t arena_used(const struct arena *a)
{
    return a->used;
}
