/*
 * Which of the scorer's passes holds the article; see refine.h.  A pass
 * is judged after its single blocks are: what counts is the text that
 * would be printed.
 */
#include "refine/refine.h"

#include "arena.h"
#include "blocks/blocks.h"

#include <string.h>

/* A pass keeping less than this lets a more relaxed one run
 * (Readability's charThreshold). */
#define PASS_MIN_CHARS 500

/* One refined pass. */
struct refined {
    uint8_t *keep;
    uint8_t *selected;
    const char **reason;
    int main_elem;
    size_t kept_chars;
    int near;
};

struct refine_choice {
    const struct blocks *bs;
    enum refine_mode mode;
    struct refined cur, best;
    int done;          /* cur is the answer */
    int have;          /* best holds a pass */
    int first_near;    /* the strictest pass was near the title */
    float *block_score, *elem_score; /* of the last pass seen; NULL
                                        when none ran (no elements, so
                                        no blocks either) */
};

static int
alloc_refined(struct arena *a, size_t nb, struct refined *r)
{
    r->keep = arena_alloc(a, nb);
    r->selected = arena_alloc(a, nb);
    r->reason = arena_alloc(a, nb * sizeof *r->reason);
    r->main_elem = -1;
    return r->keep && r->selected && r->reason ? 0 : -1;
}

int
refine_begin(struct arena *a, const struct blocks *bs, enum score_mode mode,
             struct refine_choice **out)
{
    size_t nb = (size_t)bs->n_blocks + 1;
    struct refine_choice *c = arena_calloc(a, 1, sizeof *c);
    *out = c;
    if (!c)
        return -1;
    c->bs = bs;
    c->mode = mode == SCORE_PRECISION ? REFINE_STRICT
              : mode == SCORE_RECALL  ? REFINE_LINKS
                                      : REFINE_BALANCED;
    return alloc_refined(a, nb, &c->cur) || alloc_refined(a, nb, &c->best)
               ? -1 : 0;
}

/* p's blocks judged one by one into r. */
static void
refine_one(const struct refine_choice *c, const struct score_pass *p,
           struct refined *r)
{
    const struct blocks *bs = c->bs;
    size_t nb = (size_t)bs->n_blocks;
    memcpy(r->keep, p->keep, nb);
    memcpy(r->reason, p->reason, nb * sizeof *r->reason);
    /* Rules for single blocks never empty the article: a region made only
     * of what they drop (a list of links, headings) is kept whole. */
    memcpy(r->selected, r->keep, nb);
    refine_blocks(bs, c->mode, r->keep, r->reason);
    int any = 0;
    for (size_t i = 0; i < nb && !any; i++)
        any = r->keep[i];
    for (size_t i = 0; i < nb && !any; i++)
        if (r->selected[i]) {
            r->keep[i] = 1;
            r->reason[i] = "main content (all of it)";
        }
    /* What callers see as the region: before any cleaning. */
    memcpy(r->selected, p->region, nb);
    r->kept_chars = 0;
    for (size_t i = 0; i < nb; i++)
        if (r->keep[i])
            r->kept_chars += bs->blocks[i].chars;
    r->main_elem = p->main_elem;
    r->near = p->near_title;
}

static void
copy_refined(const struct refined *from, struct refined *to, size_t nb)
{
    memcpy(to->keep, from->keep, nb);
    memcpy(to->selected, from->selected, nb);
    memcpy(to->reason, from->reason, nb * sizeof *to->reason);
    to->main_elem = from->main_elem;
    to->kept_chars = from->kept_chars;
    to->near = from->near;
}

int
refine_pass(struct refine_choice *c, const struct score_pass *p)
{
    c->block_score = p->block_score;
    c->elem_score = p->elem_score;
    refine_one(c, p, &c->cur);
    const struct refined *r = &c->cur;
    if (p->index == 0)
        c->first_near = r->near;
    /* Relaxed passes find more text, and sometimes the wrong text: the
     * comments under a short article, the sidebar beside it.  A pass
     * whose region is not where the page's title heading is loses to one
     * whose region is. */
    if (r->kept_chars >= PASS_MIN_CHARS && (r->near || !c->first_near)) {
        c->done = 1;
        return 1;
    }
    /* Keep the longest of the short attempts, near the title first. */
    if (!c->have || r->near > c->best.near ||
        (r->near == c->best.near && r->kept_chars > c->best.kept_chars)) {
        c->have = 1;
        copy_refined(r, &c->best, (size_t)c->bs->n_blocks);
    }
    return 0;
}

void
refine_result(const struct refine_choice *c, struct score_result *out)
{
    const struct refined *r = c->done ? &c->cur : &c->best;
    out->keep = r->keep;
    out->selected = r->selected;
    out->reason = r->reason;
    out->main_elem = c->done || c->have ? r->main_elem : -1;
    out->kept_chars = c->done || c->have ? r->kept_chars : 0;
    out->block_score = c->block_score;
    out->elem_score = c->elem_score;
}
