/*
 * A per-document bump allocator.  Everything a page's extraction allocates
 * (Gumbo's tree, the element and block tables, the result) comes from one
 * arena, and arena_free() releases it all at once: no per-node frees, and
 * no recursive tree destruction that deep pages could overflow.
 */
#ifndef PITH_ARENA_H
#define PITH_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
    struct arena_chunk *head;
    size_t used;  /* bytes handed out, for limits and statistics */
    unsigned char *next, *end; /* the room left in head */
};

void arena_init(struct arena *a);
void arena_free(struct arena *a); /* releases every allocation */
void *arena_alloc_slow(struct arena *a, size_t size);

/* 16-byte aligned memory, or NULL when out of memory.  Gumbo allocates
 * through here for every token, so the common case is inline. */
static inline void *
arena_alloc(struct arena *a, size_t size)
{
    size_t r = (size + 15u) & ~(size_t)15u;
    if (r && r <= (size_t)(a->end - a->next)) {
        void *p = a->next;
        a->next += r;
        a->used += r;
        return p;
    }
    return arena_alloc_slow(a, size);
}

void *arena_calloc(struct arena *a, size_t n, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);

#endif
