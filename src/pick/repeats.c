/*
 * Repeated siblings; see repeats.h.  Each parent's element children are
 * sorted by tag, class and position once, so that a run of the sorted
 * array is a group; every element is a child of one parent, so the whole
 * pass is a sort per parent over the table.
 */
#include "pick/repeats.h"

#include "arena.h"
#include "blocks/blocks.h"

#include <stdlib.h>

struct child {
    uint16_t tag;
    uint32_t class_hash;
    int elem;
};

static int
cmp_child(const void *a, const void *b)
{
    const struct child *x = a, *y = b;
    if (x->tag != y->tag)
        return x->tag < y->tag ? -1 : 1;
    if (x->class_hash != y->class_hash)
        return x->class_hash < y->class_hash ? -1 : 1;
    return (x->elem > y->elem) - (x->elem < y->elem);
}

int
repeat_member(const struct blocks *bs, const struct repeat_group *g, int k)
{
    const struct elem *e = &bs->elems[k];
    return e->parent == g->parent && e->tag == g->tag &&
           (g->any_class || e->class_hash == g->class_hash);
}

/* The group of the children run[0..n) (sorted by position), with its
 * counts. */
static struct repeat_group
group_of(const struct blocks *bs, int parent, const struct child *run,
         int n, int any_class)
{
    struct repeat_group g = {0};
    g.parent = parent;
    g.tag = run[0].tag;
    g.any_class = (uint8_t)any_class;
    g.class_hash = any_class ? 0 : run[0].class_hash;
    g.n = n;
    g.first = g.last = run[0].elem;
    for (int i = 0; i < n; i++) {
        const struct elem *e = &bs->elems[run[i].elem];
        if (run[i].elem < g.first)
            g.first = run[i].elem;
        if (run[i].elem > g.last)
            g.last = run[i].elem;
        g.n_text += e->chars > 0;
        g.n_linked += e->link_chars > 0;
        g.n_headed += e->n_headings > 0;
        g.chars += e->chars;
        g.link_chars += e->link_chars;
        if (e->chars > g.max_chars)
            g.max_chars = e->chars;
    }
    return g;
}

int
repeats_find(struct arena *a, const struct blocks *bs, int min_n,
             struct repeat_group **out, int *n_out)
{
    *out = NULL;
    *n_out = 0;
    if (min_n < 2)
        min_n = 2;
    if (bs->n_elems < min_n + 1)
        return 0;
    /* Each element is in at most two groups (its class's and its
     * tag's), each group of at least min_n. */
    size_t cap = (size_t)bs->n_elems * 2 / (size_t)min_n + 1;
    struct repeat_group *gs = arena_calloc(a, cap, sizeof *gs);
    struct child *kids = malloc((size_t)bs->n_elems * sizeof *kids);
    if (!gs || !kids) {
        free(kids);
        return -1;
    }
    int ng = 0;
    for (int p = 0; p < bs->n_elems; p++) {
        const struct elem *pe = &bs->elems[p];
        int nk = 0;
        for (int k = p + 1; k < pe->end_elem; k = bs->elems[k].end_elem)
            kids[nk++] = (struct child){bs->elems[k].tag,
                                        bs->elems[k].class_hash, k};
        if (nk < min_n)
            continue;
        qsort(kids, (size_t)nk, sizeof *kids, cmp_child);
        for (int i = 0; i < nk;) {
            /* The run of one tag, [i, t), and in it the runs of one
             * class. */
            int t = i, classes = 0;
            while (t < nk && kids[t].tag == kids[i].tag)
                t++;
            for (int c = i; c < t;) {
                int d = c;
                while (d < t && kids[d].class_hash == kids[c].class_hash)
                    d++;
                if (d - c >= min_n)
                    gs[ng++] = group_of(bs, p, kids + c, d - c, 0);
                classes++;
                c = d;
            }
            if (classes > 1 && t - i >= min_n)
                gs[ng++] = group_of(bs, p, kids + i, t - i, 1);
            i = t;
        }
    }
    free(kids);
    *out = gs;
    *n_out = ng;
    return 0;
}
