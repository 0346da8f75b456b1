/*
 * The posts of a thread, by repetition (forum_posts.h).  One linear pass
 * over the elements: every element's children are compared by tag and
 * class, with counts over their subtrees read from prefix sums.
 */
#include "pick/forum_posts.h"

#include "arena.h"
#include "blocks/blocks.h"

#include <gumbo.h>

#include <string.h>

/* A block of prose: a sentence or more, not a link. */
#define PROSE_MIN_CHARS 30
/* At most this many kinds of children are told apart under one parent. */
#define MAX_SIGS FORUM_POST_CLASSES
/* The posts' text is mostly not links (a list of related threads is). */
#define POSTS_MAX_LINK_DENSITY 0.4

/* A run this long or longer may be a thread; a shorter one (two
 * siblings are as often a layout's columns) only when each member is an
 * <article> or named a comment, and dated ... */
#define MIN_POSTS 3
/* ... and a run shorter than this one needs a date or author in each. */
#define FEW_POSTS 5
/* A date line is short. */
#define DATE_LINE_MAX_CHARS 80

struct sig {
    uint16_t tag;
    uint32_t hash;
    int first, n;
    int prose;   /* members holding a block of prose */
    int multi;   /* members holding two blocks or more */
    int signal;  /* members with a date or an author line, or named like a
                    post, comment or article */
    int named;   /* members that are an <article>, named a comment or
                    declared a post by microdata */
    int dated;   /* members with a date line */
    size_t chars, links;
};

/* Counts over the subtree of element k, from prefix sums. */
static int
range(const int *pre, int from, int to)
{
    return pre[to] - pre[from];
}

/* A short line that dates something: a year standing alone (1990 to
 * 2039), a clock time (12:45), or the word "ago" after a number.  How a post
 * shows when it was written where there is no <time> element. */
static int
date_line(const struct blocks *bs, const struct block *b)
{
    if (b->chars > DATE_LINE_MAX_CHARS)
        return 0;
    const char *t = block_text(bs, b);
    size_t n = b->text_len;
    int digit_seen = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)t[k];
        int prev_digit = k > 0 && t[k - 1] >= '0' && t[k - 1] <= '9';
        if (c >= '0' && c <= '9') {
            digit_seen = 1;
            if (prev_digit)
                continue;
            size_t r = k;
            while (r < n && t[r] >= '0' && t[r] <= '9')
                r++;
            if (r - k == 4 && ((t[k] == '1' && t[k + 1] == '9' &&
                                t[k + 2] == '9') ||
                               (t[k] == '2' && t[k + 1] == '0' &&
                                t[k + 2] <= '3')))
                return 1;
            if (r + 2 < n && t[r] == ':' && t[r + 1] >= '0' &&
                t[r + 1] <= '5' && t[r + 2] >= '0' && t[r + 2] <= '9' &&
                r - k <= 2)
                return 1;
        } else if (digit_seen && k > 0 && t[k - 1] == ' ' &&
                   (c == 'a' || c == 'A') && k + 3 <= n &&
                   (t[k + 1] == 'g' || t[k + 1] == 'G') &&
                   (t[k + 2] == 'o' || t[k + 2] == 'O') &&
                   (k + 3 == n || t[k + 3] == ' ' || t[k + 3] == '.')) {
            return 1;
        }
    }
    return 0;
}

/* Whether the kind g may join others of its tag: when it repeats, since
 * single children taken together would make any layout's columns a
 * thread, or when its members are items of a list, which are entries
 * whatever their classes ("Item ItemComment", "Item Alt ItemComment
 * Rank-Admin": a class for each post's author or place). */
static int
joins(const struct sig *g)
{
    return g->n >= 2 || g->tag == GUMBO_TAG_LI;
}

/* Members of one kind that, most of them, hold prose, two blocks or
 * more, and a date or an author line. */
static int
post_like(const struct sig *g)
{
    return 2 * g->signal >= g->n && 2 * g->prose >= g->n &&
           2 * g->multi >= g->n;
}

static void
add_sig(struct sig *to, const struct sig *g)
{
    to->first = g->first < to->first ? g->first : to->first;
    to->n += g->n;
    to->prose += g->prose;
    to->multi += g->multi;
    to->signal += g->signal;
    to->named += g->named;
    to->dated += g->dated;
    to->chars += g->chars;
    to->links += g->links;
}

/* Whether the posts of g make a thread.  A few siblings are as often the
 * columns of a layout as a short thread: a short run is a thread only
 * when each member is dated or signed, two only when each is also an
 * <article> or named a comment.  Off the chosen container's line a run
 * needs a third dated post. */
static int
thread_like(const struct sig *g, int on_line)
{
    if (g->n < 2 || !post_like(g) || g->signal < (on_line ? 2 : 3))
        return 0;
    if (g->n < MIN_POSTS && (g->named < g->n || g->dated < g->n))
        return 0;
    if (g->n < FEW_POSTS && g->signal < g->n)
        return 0;
    return (double)g->links <= POSTS_MAX_LINK_DENSITY * (double)g->chars;
}

int
post_run_next(const struct blocks *bs, const struct post_run *run, int k)
{
    int end = bs->elems[run->parent].end_elem;
    for (k = bs->elems[k].end_elem; k < end; k = bs->elems[k].end_elem) {
        const struct elem *el = &bs->elems[k];
        if (el->tag != run->tag || !el->chars)
            continue;
        for (int h = 0; h < run->n_hashes; h++)
            if (el->class_hash == run->class_hash[h])
                return k;
    }
    return -1;
}

int
find_post_run(struct arena *a, const struct blocks *bs, int main_elem,
              struct post_run *out)
{
    memset(out, 0, sizeof *out);
    out->parent = out->first_post = -1;
    int nb = bs->n_blocks, ne = bs->n_elems;
    int *prose = arena_alloc(a, (size_t)(nb + 1) * sizeof *prose);
    int *dated = arena_alloc(a, (size_t)(nb + 1) * sizeof *dated);
    int *bylines = arena_alloc(a, (size_t)(ne + 1) * sizeof *bylines);
    uint8_t *chrome = arena_alloc(a, (size_t)ne + 1);
    if (!prose || !dated || !bylines || !chrome)
        return -1;
    prose[0] = dated[0] = 0;
    for (int i = 0; i < nb; i++) {
        const struct block *b = &bs->blocks[i];
        prose[i + 1] = prose[i] + (b->chars >= PROSE_MIN_CHARS &&
                                   b->link_chars * 2 < b->chars);
        dated[i + 1] = dated[i] + (b->time_chars > 0 || date_line(bs, b));
    }
    bylines[0] = 0;
    for (int e = 0; e < ne; e++) {
        const struct elem *el = &bs->elems[e];
        bylines[e + 1] = bylines[e] + ((el->flags & EF_BYLINE) != 0);
        /* Navigation, sidebars, footers and dialogs hold no thread. */
        chrome[e] = (el->flags & (EF_NAV_TAG | EF_ASIDE_TAG |
                                  EF_FOOTER_TAG | EF_DIALOG)) != 0 ||
                    (el->parent >= 0 && chrome[el->parent]);
    }
    size_t best = 0;
    for (int p = 0; p < ne; p++) {
        const struct elem *pe = &bs->elems[p];
        if (chrome[p] || pe->end_elem - p < 3 || pe->chars == 0)
            continue;
        /* On the chosen container's line, one holding the other, a run
         * needs less to show it is the thread. */
        int on_line = main_elem < 0 ||
                      (p <= main_elem && main_elem < pe->end_elem) ||
                      (main_elem <= p && p < bs->elems[main_elem].end_elem);
        struct sig sigs[MAX_SIGS];
        int ns = 0;
        for (int k = p + 1; k < pe->end_elem; k = bs->elems[k].end_elem) {
            const struct elem *el = &bs->elems[k];
            if (!el->chars)
                continue;
            int s = 0;
            while (s < ns && (sigs[s].tag != el->tag ||
                              sigs[s].hash != el->class_hash))
                s++;
            if (s == ns) {
                if (ns == MAX_SIGS)
                    continue;
                memset(&sigs[s], 0, sizeof sigs[s]);
                sigs[s].tag = el->tag;
                sigs[s].hash = el->class_hash;
                sigs[s].first = k;
                ns++;
            }
            struct sig *g = &sigs[s];
            g->n++;
            g->chars += el->chars;
            g->links += el->link_chars;
            g->prose += range(prose, el->first_block, el->end_block) > 0;
            g->multi += el->end_block - el->first_block >= 2;
            int has_date = range(dated, el->first_block, el->end_block) > 0;
            int named = (el->flags & (EF_COMMENTS | EF_ARTICLE_TAG |
                                      EF_POST_TYPE)) != 0;
            g->dated += has_date;
            g->named += named;
            g->signal += has_date || named ||
                range(bylines, k, el->end_elem) > 0;
        }
        /* Posts of one thread may alternate their class ("post bg1",
         * "post bg2"): the kinds of children of one tag that each look
         * like posts are taken together. */
        uint8_t used[MAX_SIGS] = {0};
        for (int s = 0; s < ns; s++) {
            if (used[s] || !joins(&sigs[s]) || !post_like(&sigs[s]))
                continue;
            struct sig g = sigs[s];
            uint32_t hashes[MAX_SIGS];
            int nh = 0;
            hashes[nh++] = g.hash;
            for (int t = s + 1; t < ns; t++) {
                if (used[t] || sigs[t].tag != g.tag || !joins(&sigs[t]) ||
                    !post_like(&sigs[t]))
                    continue;
                used[t] = 1;
                hashes[nh++] = sigs[t].hash;
                add_sig(&g, &sigs[t]);
            }
            if (!thread_like(&g, on_line))
                continue;
            size_t text = g.chars - g.links;
            if (text <= best)
                continue;
            best = text;
            out->parent = p;
            out->tag = g.tag;
            memcpy(out->class_hash, hashes, sizeof hashes[0] * (size_t)nh);
            out->n_hashes = nh;
            out->first_post = g.first;
            out->n_posts = g.n;
        }
    }
    if (out->first_post < 0)
        return 0;
    out->first_block = bs->elems[out->first_post].first_block;
    int last = out->first_post;
    for (int k = last; k >= 0; k = post_run_next(bs, out, k))
        last = k;
    out->end_block = bs->elems[last].end_block;
    return 0;
}
