/*
 * Selector steps of the element table; see paths.h.
 */
#include "blocks/paths.h"

#include "arena.h"
#include "blocks/blocks.h"
#include "buf.h"
#include "dom/dom.h"
#include "limits.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends "#id" or ".a.b" for the words of an id or class attribute that
 * are plain CSS identifiers; other words are left out (the nth-child
 * positions alone already find the element). */
static void
simple_names(struct buf *b, char prefix, const char *value)
{
    if (!value)
        return;
    for (const char *p = value; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        const char *start = p;
        int plain = !(*p >= '0' && *p <= '9') && *p != '-';
        while (*p && *p != ' ' && *p != '\t' && *p != '\n') {
            char c = *p++;
            plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                              (c >= '0' && c <= '9') || c == '-' || c == '_');
        }
        if (p > start && plain && p - start < 64) {
            buf_putc(b, prefix);
            buf_append(b, start, (size_t)(p - start));
        }
        if (prefix == '#')
            break;
    }
}

/* Where the last element at each level of a selector was among its
 * parent's children: elements come in document order, so the next
 * position at a level counts on from there, and a page of 100 000
 * sibling paragraphs is not counted over for each. */
struct nth_cache {
    const GumboNode *parent;
    unsigned index, pos;
};

/* e's position among its parent's element children, from 1. */
static unsigned
nth_child(const GumboNode *e, struct nth_cache *c)
{
    const GumboNode *parent = e->parent;
    const GumboVector *kids = &parent->v.element.children;
    unsigned from = 0, pos = 0;
    if (c->parent == parent && c->index <= e->index_within_parent) {
        from = c->index + 1;
        pos = c->pos;
    }
    for (unsigned k = from; k <= e->index_within_parent && k < kids->length;
         k++)
        pos += ((const GumboNode *)kids->data[k])->type == GUMBO_NODE_ELEMENT;
    c->parent = parent;
    c->index = e->index_within_parent;
    c->pos = pos;
    return pos;
}

/* The steps from below stop (exclusive; NULL for the top) down to node,
 * joined by " > ".  cache has PITH_MAX_DEPTH entries, one per level. */
static void
steps(struct buf *b, const GumboNode *node, const GumboNode *stop,
      struct nth_cache *cache)
{
    const GumboNode *chain[PITH_MAX_DEPTH];
    int n = 0, below = -1;
    for (const GumboNode *p = node; p && p->type == GUMBO_NODE_ELEMENT &&
                                    n < PITH_MAX_DEPTH; p = p->parent) {
        if (p == stop && below < 0)
            below = n;
        chain[n++] = p;
    }
    int first = below >= 0 ? below - 1 : n - 1;
    for (int i = first; i >= 0; i--) {
        const GumboNode *e = chain[i];
        char name[64];
        dom_tag_name(e, name, sizeof name);
        buf_puts(b, name);
        simple_names(b, '#', dom_attr(e, "id"));
        simple_names(b, '.', dom_attr(e, "class"));
        const GumboNode *parent = e->parent;
        if (parent && parent->type == GUMBO_NODE_ELEMENT &&
            e->v.element.tag != GUMBO_TAG_BODY &&
            e->v.element.tag != GUMBO_TAG_HEAD) {
            unsigned pos = nth_child(e, &cache[n - 1 - i]);
            char nth[32];
            snprintf(nth, sizeof nth, ":nth-child(%u)", pos);
            buf_puts(b, nth);
        }
        if (i)
            buf_puts(b, " > ");
    }
}

int
blocks_paths(struct arena *a, const GumboNode *const *nodes,
             struct blocks *out)
{
    out->paths = arena_calloc(a, (size_t)out->n_elems + 1,
                              sizeof *out->paths);
    struct nth_cache *cache = calloc(PITH_MAX_DEPTH, sizeof *cache);
    struct buf b;
    buf_init(&b, 1u << 20);
    int rc = out->paths && cache ? 0 : -1;
    for (int i = 0; !rc && i < out->n_elems; i++) {
        int p = out->elems[i].parent;
        buf_reset(&b);
        steps(&b, nodes[i], p >= 0 ? nodes[p] : NULL, cache);
        out->paths[i] = arena_strndup(a, b.data ? b.data : "", b.len);
        if (!out->paths[i] || buf_failed(&b))
            rc = -1;
    }
    buf_free(&b);
    free(cache);
    return rc;
}

void
blocks_path_put(const struct blocks *bs, int e, struct buf *b)
{
    /* The ancestors' steps, top first: a stack of indexes. */
    int chain[PITH_MAX_DEPTH + 2];
    int n = 0;
    for (; e >= 0 && n < (int)(sizeof chain / sizeof chain[0]);
         e = bs->elems[e].parent)
        chain[n++] = e;
    int written = 0;
    for (int i = n - 1; i >= 0; i--) {
        const char *s = bs->paths[chain[i]];
        if (!*s)
            continue;
        if (written++)
            buf_puts(b, " > ");
        buf_puts(b, s);
    }
}
