/*
 * A thread: every post, a Q\&A page its question and every answer.
 *
 * The scorer picks one container, and its cleaning drops what is named
 * like a comment, which on a forum is every reply.  A thread shows itself
 * by repetition instead: under one parent, siblings of the same tag and
 * class (the posts), each holding some prose and a date or an author line.
 * The picker finds the run with the most text (forum_posts.h) and keeps
 * every post's text but the boxes around it (author cards, share and nav
 * bars, forms), the single blocks refine would drop, the short lines that
 * recur in most posts (the "Reply", "Quote", "Posts: 12" of the forum's
 * chrome) and the quotes of other posts of the thread.  A page without
 * such a run passes through as it was.
 */
#include "pick/pick_parts.h"

#include "arena.h"
#include "blocks/blocks.h"
#include "pick/forum_posts.h"
#include "refine/refine.h"

#include <gumbo.h>
#include <string.h>

/* Boxes inside a post that are not its text. */
#define POST_CHROME_FLAGS                                                   \
    (EF_NAV_TAG | EF_ASIDE_TAG | EF_FOOTER_TAG | EF_SHARE | EF_BIO |        \
     EF_NAV_NAME | EF_CONSENT | EF_RELATED | EF_DIALOG | EF_FORM_TAG)
/* An author or date box, or a post's header, holds no more than this. */
#define POST_BYLINE_MAX_CHARS 200
/* Lines this short that recur in many posts are the forum's chrome. */
#define CHROME_LINE_MAX_CHARS 60
/* A quoted line this long that is also a post's own line is a repeat. */
#define QUOTE_MATCH_MIN_CHARS 20

/* Whether block i of post `post` sits in one of the post's boxes that is
 * not its text: walks up from the block's element to the post. */
static int
in_post_chrome(const struct blocks *bs, int i, int post)
{
    for (int e = bs->blocks[i].elem; e > post; e = bs->elems[e].parent) {
        const struct elem *el = &bs->elems[e];
        if (el->flags & POST_CHROME_FLAGS)
            return 1;
        /* The comments under an answer (a list of them) are their own
         * small thread, not the answer; under a comment, a list of
         * comments is its replies. */
        if ((el->flags & EF_COMMENTS) &&
            ((el->flags & EF_LIST) || el->tag == GUMBO_TAG_LI) &&
            !(bs->elems[post].flags & EF_COMMENTS) &&
            bs->elems[post].tag != GUMBO_TAG_LI)
            return 1;
        if ((el->flags & (EF_BYLINE | EF_HEADER_TAG)) &&
            !(el->flags & EF_ARTICLE_BODY) &&
            el->chars < POST_BYLINE_MAX_CHARS)
            return 1;
    }
    return 0;
}

/* FNV-1a of a line's text, case folded, without digits, spaces, commas
 * and stops, so that "Posts: 12" and "Posts: 3,410" are the same line. */
static uint32_t
line_hash(const char *t, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)t[k];
        if ((c >= '0' && c <= '9') || c == ' ' || c == ',' || c == '.')
            continue;
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        h = (h ^ c) * 16777619u;
    }
    return h ? h : 1;
}

struct line_count {
    uint32_t hash;
    int posts;     /* posts it occurs in */
    int last_post; /* the last post counted, not to count one twice */
};

/* Drops from cand the short lines that occur in at least half of the
 * posts (and in three or more, or in every one of two): they are the
 * forum's buttons and labels, not anyone's words. */
static int
drop_recurring_lines(struct arena *a, const struct blocks *bs,
                     const struct post_run *run, uint8_t *cand,
                     const char **reason)
{
    size_t cap = 64;
    while (cap < 2 * (size_t)(run->end_block - run->first_block))
        cap *= 2;
    struct line_count *tab = arena_alloc(a, cap * sizeof *tab);
    if (!tab)
        return -1;
    memset(tab, 0, cap * sizeof *tab);
    for (int pass = 0; pass < 2; pass++) {
        int post = 0;
        for (int k = run->first_post; k >= 0;
             k = post_run_next(bs, run, k), post++) {
            const struct elem *el = &bs->elems[k];
            for (int i = el->first_block; i < el->end_block; i++) {
                const struct block *b = &bs->blocks[i];
                if (!cand[i] || b->chars > CHROME_LINE_MAX_CHARS)
                    continue;
                uint32_t h = line_hash(block_text(bs, b), b->text_len);
                size_t s = h & (cap - 1);
                while (tab[s].hash && tab[s].hash != h)
                    s = (s + 1) & (cap - 1);
                if (pass == 0) {
                    tab[s].hash = h;
                    if (tab[s].last_post != post + 1) {
                        tab[s].posts++;
                        tab[s].last_post = post + 1;
                    }
                } else if (tab[s].posts * 2 >= run->n_posts &&
                           (tab[s].posts >= 3 ||
                            tab[s].posts == run->n_posts)) {
                    cand[i] = 0;
                    reason[i] = "repeated in every post";
                }
            }
        }
    }
    return 0;
}

/* The outermost blockquote around block i inside post `post`, or -1. */
static int
outer_quote(const struct blocks *bs, int i, int post)
{
    int q = -1;
    for (int e = bs->blocks[i].elem; e > post; e = bs->elems[e].parent)
        if (bs->elems[e].tag == GUMBO_TAG_BLOCKQUOTE)
            q = e;
    return q;
}

/* A reply that quotes a post of the thread repeats its words: the quote
 * is dropped (with its "X said:" and "Click to expand") when a block of
 * it is the text of a block outside any quote.  A quote of something not
 * on the page stays. */
static int
drop_repeated_quotes(struct arena *a, const struct blocks *bs,
                     const struct post_run *run, uint8_t *cand,
                     const char **reason)
{
    size_t cap = 64;
    while (cap < 2 * (size_t)(run->end_block - run->first_block))
        cap *= 2;
    uint32_t *seen = arena_alloc(a, cap * sizeof *seen);
    if (!seen)
        return -1;
    memset(seen, 0, cap * sizeof *seen);
    for (int i = run->first_block; i < run->end_block; i++) {
        const struct block *b = &bs->blocks[i];
        if (!cand[i] || b->quote_depth || b->chars < QUOTE_MATCH_MIN_CHARS)
            continue;
        uint32_t h = line_hash(block_text(bs, b), b->text_len);
        size_t s = h & (cap - 1);
        while (seen[s] && seen[s] != h)
            s = (s + 1) & (cap - 1);
        seen[s] = h;
    }
    for (int k = run->first_post; k >= 0; k = post_run_next(bs, run, k)) {
        const struct elem *el = &bs->elems[k];
        for (int i = el->first_block; i < el->end_block; i++) {
            const struct block *b = &bs->blocks[i];
            if (!b->quote_depth || b->chars < QUOTE_MATCH_MIN_CHARS)
                continue;
            uint32_t h = line_hash(block_text(bs, b), b->text_len);
            size_t s = h & (cap - 1);
            while (seen[s] && seen[s] != h)
                s = (s + 1) & (cap - 1);
            int q = seen[s] ? outer_quote(bs, i, k) : -1;
            if (q < 0)
                continue;
            for (int j = bs->elems[q].first_block;
                 j < bs->elems[q].end_block; j++) {
                cand[j] = 0;
                reason[j] = "quote of another post";
            }
            i = bs->elems[q].end_block - 1;
        }
    }
    return 0;
}

int
pick_forum(struct arena *a, const struct pick_input *in,
           struct score_result *sc)
{
    const struct blocks *bs = in->bs;
    struct post_run run;
    if (find_post_run(a, bs, sc->main_elem, &run))
        return -1;
    if (run.n_posts < 2)
        return 0;
    int nb = bs->n_blocks;
    uint8_t *cand = arena_alloc(a, (size_t)nb);
    const char **why = arena_alloc(a, (size_t)nb * sizeof *why);
    if (!cand || !why)
        return -1;
    memset(cand, 0, (size_t)nb);
    memset(why, 0, (size_t)nb * sizeof *why);
    for (int k = run.first_post; k >= 0; k = post_run_next(bs, &run, k)) {
        const struct elem *el = &bs->elems[k];
        for (int i = el->first_block; i < el->end_block; i++)
            cand[i] = !in_post_chrome(bs, i, k);
    }
    /* The single-block rules, over the posts alone: links between two
     * posts' prose stay as refine would keep them inside an article. */
    refine_blocks(bs, REFINE_BALANCED, cand, why);
    /* What the scorer kept of the posts stays, but for the forum's
     * chrome, which shows only once the posts are seen together. */
    for (int k = run.first_post; k >= 0; k = post_run_next(bs, &run, k)) {
        const struct elem *el = &bs->elems[k];
        for (int i = el->first_block; i < el->end_block; i++)
            if (sc->keep[i] && !cand[i]) {
                cand[i] = 1;
                why[i] = sc->reason[i];
            }
    }
    if (drop_recurring_lines(a, bs, &run, cand, why) ||
        drop_repeated_quotes(a, bs, &run, cand, why))
        return -1;
    for (int k = run.first_post; k >= 0; k = post_run_next(bs, &run, k)) {
        const struct elem *el = &bs->elems[k];
        for (int i = el->first_block; i < el->end_block; i++) {
            if (cand[i] && !sc->keep[i]) {
                sc->keep[i] = 1;
                sc->selected[i] = 1;
                sc->reason[i] = "post of the thread";
            } else if (!cand[i] && sc->keep[i]) {
                sc->keep[i] = 0;
                sc->reason[i] = why[i];
            }
        }
    }
    pick_recount(bs, sc);
    return 0;
}
