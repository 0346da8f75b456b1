/*
 * What the byline and visible-text walks work out about an element, kept
 * per element; see meta_parts.h.  An open-addressing table keyed by the
 * node's address, sized once for every node of the tree (Gumbo's nodes do
 * not move), so that a slot's address holds while the memo lives.
 */
#include "meta/meta_parts.h"

#include "arena.h"
#include "dom/dom.h"

#include <stdint.h>
#include <string.h>

static void
size_table(struct node_memo *m)
{
    size_t n = 0;
    for (const GumboNode *d = m->root; d; d = dom_next(m->root, d, 0))
        n += d->type == GUMBO_NODE_ELEMENT;
    /* At most half full: probes stay short. */
    unsigned shift = 4;
    while (((size_t)1 << shift) < 2 * n + 2)
        shift++;
    size_t cap = (size_t)1 << shift;
    m->keys = arena_calloc(m->a, cap, sizeof *m->keys);
    m->bits = m->keys ? arena_calloc(m->a, cap, sizeof *m->bits) : NULL;
    if (!m->bits) {
        m->keys = NULL;
        m->failed = 1;
        return;
    }
    m->shift = 64 - shift;
    m->mask = cap - 1;
    m->left = cap / 2;
}

void
meta_memo_init(struct node_memo *m, struct arena *a, const GumboNode *root)
{
    memset(m, 0, sizeof *m);
    m->a = a;
    m->root = root;
}

unsigned *
meta_memo_at(struct node_memo *m, const GumboNode *n)
{
    if (!m || m->failed)
        return NULL;
    if (!m->keys) {
        size_table(m);
        if (m->failed)
            return NULL;
    }
    uint64_t h = ((uint64_t)(uintptr_t)n >> 4) * 0x9E3779B97F4A7C15ull;
    for (size_t i = (size_t)(h >> m->shift);; i = (i + 1) & m->mask) {
        if (m->keys[i] == n)
            return &m->bits[i];
        if (!m->keys[i]) {
            /* A node outside the tree counted (none should come): the
             * table stays at most half full, and such nodes go unkept. */
            if (!m->left)
                return NULL;
            m->left--;
            m->keys[i] = n;
            return &m->bits[i];
        }
    }
}

const char **
meta_memo_text(struct node_memo *m, const unsigned *slot)
{
    if (!m->texts) {
        m->texts = arena_calloc(m->a, m->mask + 1, sizeof *m->texts);
        if (!m->texts)
            return NULL;
    }
    return &m->texts[slot - m->bits];
}
