/*
 * The shape of the block table; see shape.h.  Linear passes: each
 * linked heading marks its few nearest ancestors, and elements holding
 * exactly one are counted by (parent, tag, class) in a hash table, so
 * that a grid of cards shows as one large group of siblings.  Teasers
 * are counted the same way, from each element's own counts: a link
 * with text besides it, as an index's entries are whatever their
 * markup (no heading needed).
 */
#include "kind/shape.h"

#include "blocks/blocks.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A paragraph this long is prose, not a teaser or a caption. */
#define LONG_PARA_CHARS 200
/* How far above its heading a card's element may be. */
#define CARD_LEVELS 4
/* Cards must have some text: a heading of a few letters is a label. */
#define CARD_HEADING_CHARS 8
/* A teaser: a link of a few words with text of its own beside it (a
 * summary, a date, a price), short enough to be one entry, not a
 * section of prose or a comment thread. */
#define TEASER_LINK_CHARS 10
#define TEASER_OWN_CHARS 40
#define TEASER_MAX_CHARS 1200
/* Where entries of an index are not: menus, footers, sidebars,
 * comments and the related links under an article. */
#define TEASER_OUTSIDE (EF_NAV_TAG | EF_FOOTER_TAG | EF_HEADER_TAG | \
                        EF_ASIDE_TAG | EF_COMMENTS | EF_RELATED | \
                        EF_NAV_NAME)

struct group {
    int parent;
    uint32_t cls;
    uint16_t tag;
    int count;
    int chars;
};

/* The group of e's siblings of its tag and class in g (cap a power of
 * two, at least twice the elements counted). */
static struct group *
group_of(struct group *g, size_t cap, const struct elem *e)
{
    uint32_t h = (uint32_t)e->parent * 2654435761u ^ e->class_hash ^
                 (uint32_t)e->tag * 40503u;
    size_t k = h & (cap - 1);
    while (g[k].count && !(g[k].parent == e->parent &&
                           g[k].cls == e->class_hash &&
                           g[k].tag == e->tag))
        k = (k + 1) & (cap - 1);
    g[k].parent = e->parent;
    g[k].cls = e->class_hash;
    g[k].tag = e->tag;
    return &g[k];
}

static size_t
groups_cap(const struct blocks *bs)
{
    size_t cap = 64;
    while (cap < (size_t)bs->n_elems * 2)
        cap *= 2;
    return cap;
}

static int
is_teaser(const struct elem *e)
{
    return e->link_chars >= TEASER_LINK_CHARS &&
           e->chars >= e->link_chars + TEASER_OWN_CHARS &&
           e->chars <= TEASER_MAX_CHARS &&
           e->end_block - e->first_block >= 2;
}

/* The largest group of sibling teasers into out->teasers and
 * out->teaser_chars.  Returns 0, or -1 when out of memory. */
static int
largest_teasers(const struct blocks *bs, struct page_shape *out)
{
    size_t cap = groups_cap(bs);
    struct group *g = calloc(cap, sizeof *g);
    uint32_t *inherited = malloc(((size_t)bs->n_elems + 1) *
                                 sizeof *inherited);
    if (!g || !inherited) {
        free(g);
        free(inherited);
        return -1;
    }
    for (int i = 0; i < bs->n_elems; i++) {
        const struct elem *e = &bs->elems[i];
        /* parents come before their children */
        inherited[i] = (e->flags & TEASER_OUTSIDE) |
                       (e->parent >= 0 ? inherited[e->parent] : 0);
        if (inherited[i] || e->parent < 0 || !is_teaser(e))
            continue;
        struct group *gr = group_of(g, cap, e);
        gr->count++;
        gr->chars += (int)e->chars;
        if (gr->count > out->teasers) {
            out->teasers = gr->count;
            out->teaser_chars = gr->chars;
        }
    }
    free(g);
    free(inherited);
    return 0;
}

static int
largest_group(const struct blocks *bs, const int *marks)
{
    size_t cap = groups_cap(bs);
    struct group *g = calloc(cap, sizeof *g);
    if (!g)
        return -1;
    int best = 0;
    for (int i = 0; i < bs->n_elems; i++) {
        if (marks[i] != 1)
            continue;
        const struct elem *e = &bs->elems[i];
        if (e->flags & (EF_NAV_TAG | EF_FOOTER_TAG | EF_HEADER_TAG))
            continue;
        struct group *gr = group_of(g, cap, e);
        if (++gr->count > best)
            best = gr->count;
    }
    free(g);
    return best;
}

int
page_shape_read(const struct blocks *bs, struct page_shape *out)
{
    memset(out, 0, sizeof *out);
    int *marks = calloc((size_t)bs->n_elems + 1, sizeof *marks);
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        out->total_chars += (int)b->chars;
        out->link_chars += (int)b->link_chars;
        out->list_items += b->kind == BK_LI;
        out->table_rows += b->kind == BK_ROW;
        out->h1s += b->kind == BK_HEADING && b->level == 1;
        if (b->time_chars)
            out->time_blocks++;
        if (b->kind == BK_PRE)
            out->pre_blocks++;
        if ((b->kind == BK_PARA || b->kind == BK_DIVTEXT) &&
            b->chars >= LONG_PARA_CHARS && b->link_chars * 4 < b->chars) {
            out->long_paras++;
            out->prose_chars += (int)b->chars;
        }
        if (b->kind != BK_HEADING)
            continue;
        if (b->link_chars * 2 < b->chars || b->chars < CARD_HEADING_CHARS) {
            out->headings++;
            continue;
        }
        out->linked_headings++;
        int e = b->elem;
        for (int up = 0; marks && e >= 0 && up < CARD_LEVELS; up++) {
            marks[e]++;
            e = bs->elems[e].parent;
        }
    }
    for (int i = 0; i < bs->n_elems; i++) {
        const struct elem *e = &bs->elems[i];
        uint32_t parent = e->parent >= 0 ? bs->elems[e->parent].flags : 0;
        if (e->flags & EF_BYLINE)
            out->bylines++;
        /* the outermost form or comment box, not each of its parts */
        if ((e->flags & EF_FORM_TAG) && !(parent & EF_FORM_TAG))
            out->form_chars += (int)e->chars;
        if ((e->flags & EF_COMMENTS) && !(parent & EF_COMMENTS))
            out->comment_chars += (int)e->chars;
        out->main_tag |= (e->flags & EF_MAIN_TAG) != 0;
        out->article_tags += (e->flags & EF_ARTICLE_TAG) &&
                             !(parent & EF_ARTICLE_TAG);
    }
    if (!marks)
        return -1;
    out->max_cards = largest_group(bs, marks);
    free(marks);
    if (out->max_cards < 0)
        return -1;
    return largest_teasers(bs, out);
}
