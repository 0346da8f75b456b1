/* Per-document bump allocator; see arena.h. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Chunks start at 64 KiB and double up to 4 MiB: small pages stay small,
 * large ones make few mallocs. */
#define CHUNK_MIN (64u * 1024u)
#define CHUNK_MAX (4u * 1024u * 1024u)

struct arena_chunk {
    struct arena_chunk *next;
    size_t size;
    size_t pos;
    _Alignas(16) unsigned char mem[];
};

void
arena_init(struct arena *a)
{
    a->head = NULL;
    a->used = 0;
    a->next = a->end = NULL;
}

void
arena_free(struct arena *a)
{
    struct arena_chunk *c = a->head;
    while (c) {
        struct arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    arena_init(a);
}

void *
arena_alloc_slow(struct arena *a, size_t size)
{
    if (size > SIZE_MAX - 15u)
        return NULL;
    size = (size + 15u) & ~(size_t)15u;
    if (size == 0)
        size = 16;
    struct arena_chunk *c = a->head;
    if (c)
        c->pos = (size_t)(a->next - c->mem); /* arena_alloc() moved on */
    if (!c || c->size - c->pos < size) {
        size_t want = c ? c->size * 2 : CHUNK_MIN;
        if (want > CHUNK_MAX)
            want = CHUNK_MAX;
        if (want < size)
            want = size;
        if (want > SIZE_MAX - sizeof *c)
            return NULL;
        struct arena_chunk *n = malloc(sizeof *n + want);
        if (!n)
            return NULL;
        n->size = want;
        n->pos = 0;
        /* A big one-off allocation goes behind the current chunk so the
         * room left there is not wasted. */
        if (c && want == size && c->size - c->pos > 1024) {
            n->next = c->next;
            c->next = n;
            n->pos = size;
            a->used += size;
            return n->mem; /* the head keeps its room */
        }
        n->next = c;
        a->head = n;
        c = n;
    }
    void *p = c->mem + c->pos;
    c->pos += size;
    a->used += size;
    a->next = c->mem + c->pos;
    a->end = c->mem + c->size;
    return p;
}

void *
arena_calloc(struct arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}
