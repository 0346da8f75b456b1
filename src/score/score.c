/*
 * Scored blocks; see score.h.
 *
 * The container choice follows Mozilla Readability's, computed on the flat
 * tables: paragraph scores (length and commas) flow to five ancestors, a
 * container's score is cut by its link density, the best one may climb to
 * a parent that gathers several good candidates, and its siblings join
 * when they score well.  Inside the chosen region, containers that look
 * like boilerplate by their counts (images per paragraph, list items,
 * inputs, link density) are removed, then single blocks are judged.
 * The passes run one at a time, on demand: the refine stage judges the
 * single blocks of each and says when one kept enough (refine.h).
 */
#include "score/score.h"

#include "arena.h"
#include "blocks/blocks.h"
#include "similarity.h"
#include "words.h"

#include <gumbo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ constants */

/* Paragraphs shorter than this add nothing to their ancestors
 * (Readability: 25 characters). */
#define MIN_PARAGRAPH_CHARS 25
/* Ancestors that receive a paragraph's score (Readability: 5). */
#define SCORE_ANCESTORS 5
/* Candidates remembered for the promotion rule (Readability: 5). */
#define TOP_CANDIDATES 5
/* Other top candidates close to the best (>= 0.75 x) that, when at least
 * 3 share an ancestor, make that ancestor the container (Readability). */
#define CLOSE_CANDIDATE_RATIO 0.75f
#define MIN_CLOSE_CANDIDATES 3
/* A sibling joins when its score reaches max(10, 0.2 x best). */
#define SIBLING_MIN_SCORE 10.0f
#define SIBLING_RATIO 0.2f
/* A region starting within this many blocks after the title heading is
 * the article under it. */
#define NEAR_TITLE_BLOCKS 15
/* Name-based removal never takes a container holding more than this share
 * of the page's unlinked text: the article itself is sometimes inside a
 * box named "sidebar" or "comments". */
#define PROTECT_SHARE 0.7
/* Share widgets under this many characters go (Readability: 500). */
#define SHARE_MAX_CHARS 500
/* Newsletter and consent boxes, and related-story boxes, under this many
 * characters go from inside the article; longer ones might be the
 * article mislabelled. */
#define BOX_MAX_CHARS 1000
/* Related-story boxes go at any length when links fill this much. */
#define RELATED_LINK_DENSITY 0.3f
/* Readability drops boxes with more images than paragraphs; one with
 * this much text is a step-by-step or a photo essay, and stays. */
#define IMAGE_BOX_MAX_CHARS 150
/* Related-story cards: boxes of at most TEASER_MAX_CHARS with a link and
 * a heading; TEASER_MIN_ITEMS alike in a row make a list of them. */
#define TEASER_MAX_CHARS 400
#define TEASER_MIN_ITEMS 3
/* A linked line this long in a card is a headline, not "More". */
#define TEASER_HEADLINE_CHARS 25
/* Conditional cleaning keeps an element holding more than this share of
 * the chosen container's text. */
#define BULK_SHARE 0.7f
/* A box of prose, kept whatever its names: paragraphs, characters, commas
 * at least, and links under this share. */
#define PROSE_BOX_MIN_P 2
#define PROSE_BOX_MIN_CHARS 400
#define PROSE_BOX_MIN_COMMAS 3
#define PROSE_BOX_MAX_LINKS 0.15f
/* Negative names over more than this share of the region's text are the
 * page's vocabulary, not marks of boilerplate. */
#define NAMES_EVERYWHERE_SHARE 0.5f
/* Prose of an <article> past which its names are no consent box. */
#define NEWSLETTER_POST_MIN_CHARS 1000
/* Bylines and datelines under this many characters go (Readability: 100). */
#define BYLINE_MAX_CHARS 100

/* Text mass (block_mass): a block is prose from this many unlinked
 * characters, or from SENTENCE_MIN_CHARS when it has punctuation.  Shorter
 * text counts at SHORT_TEXT_WEIGHT less SHORT_TEXT_COST, and every linked
 * character costs LINK_PENALTY. */
#define PROSE_MIN_CHARS 80
#define SENTENCE_MIN_CHARS 30
#define SHORT_TEXT_WEIGHT 0.3f
#define SHORT_TEXT_COST 5.0f
#define LINK_PENALTY 1.5f
/* A parent of Readability's container replaces it when it holds this much
 * more mass (the other parts of a split article); a container elsewhere
 * replaces it when it holds this much more. */
#define GATHER_RATIO 1.2f
/* A named article body (choose_region) needs this much mass; it replaces
 * an ancestor region holding at most 1/NAMED_BODY_SHARE its mass, and a
 * region elsewhere holding at most 1/NAMED_BODY_OUTSIDE. */
#define NAMED_BODY_MIN_MASS 250.0f
#define NAMED_BODY_SHARE 0.5f
#define NAMED_BODY_OUTSIDE 0.5f
/* Comment heads are short (looks_like_thread). */
#define THREAD_META_MAX_CHARS 60
#define SWITCH_RATIO 1.5f

/* Region edges (extend_edges): prose of at least EDGE_PROSE_CHARS with a
 * link density under EDGE_MAX_LINK_DENSITY, within the ancestor
 * EDGE_SCOPE_LEVELS above the container (EDGE_SCOPE_AFTER after it), joins
 * the region; at most
 * EDGE_MAX_SKIPPED blocks that are not prose are stepped over. */
#define EDGE_PROSE_CHARS 50
#define EDGE_MAX_LINK_DENSITY 0.2f
#define EDGE_SCOPE_LEVELS 3
/* A box before the region is a standfirst when it holds at most
 * LEAD_MAX_CHARS and its links cover at most LEAD_MAX_LINK_DENSITY. */
#define LEAD_MAX_CHARS 1500
#define EDGE_FIRST_DIR -1
#define LEAD_MAX_LINK_DENSITY 0.25f
/* After the region only its own siblings count: what follows an article
 * a few levels up is more often its comments than its continuation. */
#define EDGE_SCOPE_AFTER 1
#define EDGE_MAX_SKIPPED 3

/* Rules of a pass; later passes switch them off in this order. */
enum {
    PASS_STRIP_UNLIKELY = 1,
    PASS_WEIGHT_CLASSES = 2,
    PASS_CLEAN_CONDITIONALLY = 4
};

/* ------------------------------------------------------------ state */

struct counts {
    float chars, link_chars, commas, heading_chars;
    float n_p, n_li, n_img, n_input, n_embed, list_chars;
};

struct pass {
    const struct blocks *bs;
    enum score_mode mode;
    unsigned rules;
    uint8_t *removed;      /* per element, this element itself */
    uint8_t *gone;         /* per element: it or an ancestor removed */
    const char **why;      /* per element: the rule that removed it */
    float *score;          /* per element, candidate score */
    float *mass;           /* per element, text mass of the subtree */
    uint8_t *scored;       /* per element: initialized */
    uint8_t *in_article;   /* per element */
    uint8_t *sel;          /* per block: in the chosen region */
    uint8_t *joined;       /* per block: joined from outside the container
                              (a standfirst, a split article's part) */
    struct counts *cnt;    /* per element: counts over kept content */
    int top;
    int names_said_nothing; /* negative names cover most of the region */
};

static float
tag_prior(int tag)
{
    switch (tag) {
    case GUMBO_TAG_DIV:
        return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
        return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL:
    case GUMBO_TAG_DL: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_LI: case GUMBO_TAG_FORM:
        return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
        return -5;
    default:
        return 0;
    }
}

static int
is_ancestor(const struct blocks *bs, int anc, int e)
{
    return e > anc && e < bs->elems[anc].end_elem;
}

static int has_ancestor_flag(const struct blocks *bs, int e, uint32_t flag);
static int in_titled_box(const struct blocks *bs, int e, int scope, int top);

/* ------------------------------------------------------------ removal */

static size_t
page_prose(const struct blocks *bs)
{
    size_t n = 0;
    for (int i = 0; i < bs->n_blocks; i++)
        n += bs->blocks[i].chars - bs->blocks[i].link_chars;
    return n;
}

static int
inside_tag(const struct blocks *bs, int e, int tag, int levels)
{
    for (int p = bs->elems[e].parent; p >= 0 && levels--; p = bs->elems[p].parent)
        if (bs->elems[p].tag == tag)
            return 1;
    return 0;
}

/* An <article> (or the marked article body) of prose whose names say
 * "newsletter" or "subscribe": a post of a newsletter platform, not a
 * sign-up box, which is never that long. */
static int
article_named_by_its_list(const struct elem *el)
{
    return (el->flags & (EF_ARTICLE_TAG | EF_ARTICLE_BODY)) &&
           el->chars - el->link_chars > NEWSLETTER_POST_MIN_CHARS;
}

/* Why element e goes before scoring, or NULL. */
static const char *
early_removal(const struct pass *ps, int e, size_t prose)
{
    const struct blocks *bs = ps->bs;
    const struct elem *el = &bs->elems[e];
    uint32_t f = el->flags;
    const char *why = NULL;
    if (e == bs->body_elem || el->tag == GUMBO_TAG_HTML)
        return NULL;
    if (f & EF_NOSCRIPT)
        why = "noscript";
    else if (f & EF_DIALOG)
        why = "dialog";
    else if (f & EF_NAV_TAG)
        why = "navigation";
    else if (f & EF_ASIDE_TAG)
        why = "aside";
    else if ((f & EF_CONSENT) && !article_named_by_its_list(el))
        why = "consent or newsletter box";
    else if ((ps->rules & PASS_STRIP_UNLIKELY) && (f & EF_UNLIKELY) &&
             !(f & (EF_ARTICLE_TAG | EF_MAIN_TAG | EF_ARTICLE_BODY)) &&
             !((f & EF_HEADER_NAME) &&
               has_ancestor_flag(bs, e, EF_ARTICLE_TAG | EF_ARTICLE_BODY)) &&
             !inside_tag(bs, e, GUMBO_TAG_TABLE, 3) &&
             !inside_tag(bs, e, GUMBO_TAG_CODE, 3))
        why = "unlikely class or id";
    if (!why)
        return NULL;
    /* The guard: never remove most of the page's prose by a name. */
    if ((double)(el->chars - el->link_chars) > PROTECT_SHARE * (double)prose)
        return NULL;
    return why;
}

static void
mark_gone(struct pass *ps, int e, const char *why)
{
    const struct blocks *bs = ps->bs;
    ps->removed[e] = 1;
    ps->why[e] = why;
    for (int i = e; i < bs->elems[e].end_elem; i++)
        ps->gone[i] = 1;
}

static void
remove_early(struct pass *ps)
{
    const struct blocks *bs = ps->bs;
    size_t prose = page_prose(bs);
    for (int e = 0; e < bs->n_elems; e++) {
        if (ps->gone[e])
            continue;
        const char *why = early_removal(ps, e, prose);
        if (why)
            mark_gone(ps, e, why);
    }
}

/* ------------------------------------------------------------ counts */

static int
block_gone(const struct pass *ps, const struct block *b)
{
    return b->elem >= 0 && ps->gone[b->elem];
}

/* Counts over what is still there, for every element. */
static void
count_kept(struct pass *ps)
{
    const struct blocks *bs = ps->bs;
    memset(ps->cnt, 0, sizeof *ps->cnt * (size_t)bs->n_elems);
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        if (b->elem < 0 || block_gone(ps, b))
            continue;
        struct counts *c = &ps->cnt[b->elem];
        c->chars += b->chars;
        c->link_chars += b->link_chars;
        c->commas += b->commas;
        if (b->kind == BK_HEADING)
            c->heading_chars += b->chars;
    }
    for (int e = bs->n_elems - 1; e >= 0; e--) {
        const struct elem *el = &bs->elems[e];
        struct counts *c = &ps->cnt[e];
        if (ps->gone[e]) {
            memset(c, 0, sizeof *c);
            continue;
        }
        if (el->tag == GUMBO_TAG_P)
            c->n_p++;
        else if (el->tag == GUMBO_TAG_LI)
            c->n_li++;
        if (el->tag == GUMBO_TAG_UL || el->tag == GUMBO_TAG_OL)
            c->list_chars = c->chars;
        /* Own images, inputs and embeds: the subtree totals minus the
         * children's. */
        float own_img = (float)el->n_img, own_in = (float)el->n_input,
              own_emb = (float)el->n_embed;
        for (int k = e + 1; k < el->end_elem; k = bs->elems[k].end_elem) {
            own_img -= (float)bs->elems[k].n_img;
            own_in -= (float)bs->elems[k].n_input;
            own_emb -= (float)bs->elems[k].n_embed;
        }
        c->n_img += own_img;
        c->n_input += own_in;
        c->n_embed += own_emb;
        if (el->parent >= 0) {
            struct counts *p = &ps->cnt[el->parent];
            p->chars += c->chars;
            p->link_chars += c->link_chars;
            p->commas += c->commas;
            p->heading_chars += c->heading_chars;
            p->n_p += c->n_p;
            p->n_li += c->n_li;
            p->n_img += c->n_img;
            p->n_input += c->n_input;
            p->n_embed += c->n_embed;
            p->list_chars += c->list_chars;
        }
    }
}

static float
link_density(const struct counts *c)
{
    return c->chars > 0 ? c->link_chars / c->chars : 0;
}

/* Removes element e from the counts of its ancestors up to stop. */
static void
subtract(struct pass *ps, int e, int stop)
{
    const struct blocks *bs = ps->bs;
    struct counts c = ps->cnt[e];
    for (int p = bs->elems[e].parent; p >= 0; p = bs->elems[p].parent) {
        struct counts *a = &ps->cnt[p];
        a->chars -= c.chars;
        a->link_chars -= c.link_chars;
        a->commas -= c.commas;
        a->heading_chars -= c.heading_chars;
        a->n_p -= c.n_p;
        a->n_li -= c.n_li;
        a->n_img -= c.n_img;
        a->n_input -= c.n_input;
        a->n_embed -= c.n_embed;
        a->list_chars -= c.list_chars;
        if (p == stop)
            break;
    }
}

/* ------------------------------------------------------------ candidates */

/* The element whose ancestors receive block b's score: a paragraph-like
 * owner gives it to its parent, a div's loose text (which Readability
 * wraps in a <p>) to the div itself. */
static int
score_origin(const struct blocks *bs, const struct block *b)
{
    switch (b->kind) {
    case BK_DIVTEXT:
    case BK_ROW:
        return b->elem;
    default:
        return bs->elems[b->elem].parent;
    }
}

static int
scorable(const struct block *b)
{
    switch (b->kind) {
    case BK_PARA: case BK_DIVTEXT: case BK_PRE: case BK_ROW: case BK_QUOTE:
        return 1;
    case BK_HEADING:
        return b->level >= 2;
    default:
        return 0;
    }
}

static float
paragraph_score(const struct block *b)
{
    return 1.0f + (float)(b->commas + 1) +
           (float)(b->chars / 100 < 3 ? b->chars / 100 : 3);
}

static void
init_candidate(struct pass *ps, int e)
{
    if (ps->scored[e])
        return;
    ps->scored[e] = 1;
    const struct elem *el = &ps->bs->elems[e];
    ps->score[e] = tag_prior(el->tag) +
                   ((ps->rules & PASS_WEIGHT_CLASSES) ? el->class_weight : 0);
}

static void
score_paragraphs(struct pass *ps, float *block_score)
{
    const struct blocks *bs = ps->bs;
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        if (b->elem < 0 || block_gone(ps, b) || !scorable(b) ||
            b->chars < MIN_PARAGRAPH_CHARS)
            continue;
        float s = paragraph_score(b);
        block_score[i] = s;
        int a = score_origin(bs, b);
        for (int level = 0; a >= 0 && level < SCORE_ANCESTORS; level++) {
            if (bs->elems[a].tag == GUMBO_TAG_HTML)
                break;
            init_candidate(ps, a);
            float div = level == 0 ? 1.0f : level == 1 ? 2.0f
                                                       : (float)level * 3;
            ps->score[a] += s / div;
            a = bs->elems[a].parent;
        }
    }
    for (int e = 0; e < bs->n_elems; e++)
        if (ps->scored[e])
            ps->score[e] *= 1.0f - link_density(&ps->cnt[e]);
}

static int
pick_top(struct pass *ps)
{
    const struct blocks *bs = ps->bs;
    int top[TOP_CANDIDATES];
    int n = 0;
    /* The best few, best first; on a tie the earlier element stays ahead
     * (as in Readability). */
    for (int e = 0; e < bs->n_elems; e++) {
        if (!ps->scored[e] || ps->gone[e])
            continue;
        int k;
        if (n < TOP_CANDIDATES)
            k = n++;
        else if (ps->score[e] > ps->score[top[TOP_CANDIDATES - 1]])
            k = TOP_CANDIDATES - 1;
        else
            continue;
        top[k] = e;
        while (k > 0 && ps->score[top[k]] > ps->score[top[k - 1]]) {
            int t = top[k];
            top[k] = top[k - 1];
            top[k - 1] = t;
            k--;
        }
    }
    if (n == 0)
        return -1;
    int best = top[0];
    int body = bs->body_elem;

    /* Several candidates close to the best share an ancestor: take it. */
    int close[TOP_CANDIDATES], nc = 0;
    for (int i = 1; i < n; i++)
        if (ps->score[top[i]] >= CLOSE_CANDIDATE_RATIO * ps->score[best])
            close[nc++] = top[i];
    if (nc >= MIN_CLOSE_CANDIDATES) {
        for (int p = bs->elems[best].parent; p >= 0 && p != body;
             p = bs->elems[p].parent) {
            int holding = 0;
            for (int i = 0; i < nc; i++)
                holding += is_ancestor(bs, p, close[i]);
            if (holding >= MIN_CLOSE_CANDIDATES) {
                best = p;
                break;
            }
        }
        init_candidate(ps, best);
    }

    /* Climb while the parent scores at least a third and rises. */
    float last = ps->score[best], threshold = last / 3;
    for (int p = bs->elems[best].parent; p >= 0 && p != body;
         p = bs->elems[p].parent) {
        if (!ps->scored[p])
            continue;
        if (ps->score[p] < threshold)
            break;
        if (ps->score[p] > last) {
            best = p;
            break;
        }
        last = ps->score[p];
    }

    /* An only child stands for its parent. */
    for (int p = bs->elems[best].parent;
         p >= 0 && p != body && bs->elems[p].n_children == 1;
         p = bs->elems[p].parent) {
        best = p;
        init_candidate(ps, best);
    }
    return best;
}

/* ------------------------------------------------------------ text mass */

/* What a block adds to the case for its container: its unlinked text when
 * it reads like prose, a little less than nothing when it is a short
 * label, and minus its link text scaled by LINK_PENALTY, since links are
 * what navigation, teasers and related lists are made of. */
static float
block_mass(const struct block *b)
{
    float text = (float)b->chars - (float)b->link_chars;
    float m;
    if (text >= PROSE_MIN_CHARS || (b->stops + b->commas >= 1 &&
                                    text >= SENTENCE_MIN_CHARS))
        m = text;
    else
        m = text * SHORT_TEXT_WEIGHT - SHORT_TEXT_COST;
    return m - LINK_PENALTY * (float)b->link_chars;
}

/* The element whose subtree has the most mass: the region where prose
 * outweighs everything else.  One pass over prefix sums of the blocks. */
static int
best_mass(struct pass *ps, float *mass_out)
{
    const struct blocks *bs = ps->bs;
    float *prefix = calloc((size_t)bs->n_blocks + 1, sizeof *prefix);
    if (!prefix)
        return -1;
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        prefix[i + 1] = prefix[i] + (block_gone(ps, b) ? 0 : block_mass(b));
    }
    int best = -1;
    float best_mass = 0;
    for (int e = 0; e < bs->n_elems; e++) {
        const struct elem *el = &bs->elems[e];
        if (ps->gone[e] || el->tag == GUMBO_TAG_HTML)
            continue;
        float m = prefix[el->end_block] - prefix[el->first_block];
        ps->mass[e] = m;
        if (m > best_mass) {
            best_mass = m;
            best = e;
        }
    }
    free(prefix);
    *mass_out = best_mass;
    return best;
}

/* A short line with a date, a time or a count in it, and no sentence:
 * the head of a comment ("Ana · 3 May 2024, 10:15"). */
static int
meta_line(const struct blocks *bs, const struct block *b)
{
    if (b->chars > THREAD_META_MAX_CHARS || b->stops > 1 ||
        b->kind == BK_HEADING)
        return 0;
    const char *t = block_text(bs, b);
    for (size_t i = 0; i < b->text_len; i++)
        if (t[i] >= '0' && t[i] <= '9')
            return 1;
    return 0;
}

/* What m adds to r reads like a thread of comments: prose paragraphs
 * each headed by a dated line, rather than more of the article. */
static int
looks_like_thread(struct pass *ps, int m, int r)
{
    const struct blocks *bs = ps->bs;
    const struct elem *me = &bs->elems[m], *re = &bs->elems[r];
    int heads = 0, prose = 0, after_meta = 0;
    for (int i = me->first_block; i < me->end_block; i++) {
        if (i == re->first_block)
            i = re->end_block;
        if (i >= me->end_block)
            break;
        const struct block *b = &bs->blocks[i];
        if (block_gone(ps, b))
            continue;
        if (meta_line(bs, b)) {
            after_meta = 1;
            continue;
        }
        if (b->chars >= PROSE_MIN_CHARS) {
            prose++;
            heads += after_meta;
        }
        after_meta = 0;
    }
    /* Most of the added prose comes right after such a head. */
    return heads >= 2 && 2 * heads >= prose;
}

/* Readability's container, checked against the one with the most prose:
 * when that one holds Readability's it gathers the parts of a split
 * article; when the two are apart and it holds much more prose,
 * Readability was taken in by a teaser. */
static int
mass_region(struct pass *ps)
{
    const struct blocks *bs = ps->bs;
    float best;
    int m = best_mass(ps, &best);
    int r = ps->top;
    if (m < 0 || r < 0)
        return r;
    if (m == r || is_ancestor(bs, r, m))
        return r;
    if (is_ancestor(bs, m, r))
        return ps->mass[m] > ps->mass[r] * GATHER_RATIO &&
               !looks_like_thread(ps, m, r) ? m : r;
    return ps->mass[m] > ps->mass[r] * SWITCH_RATIO ? m : r;
}

/* The element the page names as its article body (itemprop=articleBody,
 * "entry-content", "article-body"...) with the most mass, or -1. */
static int
named_body(struct pass *ps)
{
    const struct blocks *bs = ps->bs;
    int best = -1;
    for (int e = 0; e < bs->n_elems; e++)
        if ((bs->elems[e].flags & EF_ARTICLE_BODY) && !ps->gone[e] &&
            (best < 0 || ps->mass[e] > ps->mass[best]))
            best = e;
    return best;
}

/* The container by mass and Readability's scores, then checked against
 * the page's own name for its article body: a named body holding enough
 * prose is trusted over a container outside it (trafilatura's first
 * rule), and over an ancestor that adds little prose to it. */
static int
choose_region(struct pass *ps)
{
    const struct blocks *bs = ps->bs;
    int r = mass_region(ps);
    int b = named_body(ps);
    if (b < 0 || r < 0 || ps->mass[b] < NAMED_BODY_MIN_MASS)
        return r;
    if (b == r || is_ancestor(bs, b, r))
        return r;
    if (is_ancestor(bs, r, b))
        return ps->mass[b] >= NAMED_BODY_SHARE * ps->mass[r] ? b : r;
    return ps->mass[b] >= NAMED_BODY_OUTSIDE * ps->mass[r] ? b : r;
}

/* ------------------------------------------------------------ siblings */

static int
ends_sentence(const char *s, size_t len)
{
    return (len && s[len - 1] == '.') || strstr(s, ". ") != NULL;
}

static void
select_elem(struct pass *ps, int e)
{
    const struct blocks *bs = ps->bs;
    const struct elem *el = &bs->elems[e];
    for (int i = e; i < el->end_elem; i++)
        ps->in_article[i] = 1;
    for (int b = el->first_block; b < el->end_block; b++)
        ps->sel[b] = 1;
}

/* A short paragraph joins when it reads like prose (Readability's rule for
 * <p> siblings). */
static int
prose_paragraph(const struct blocks *bs, const struct block *b, float ld)
{
    const char *t = block_text(bs, b);
    if (b->chars > 80)
        return ld < 0.25f;
    return b->chars > 0 && ld == 0 && ends_sentence(t, b->text_len);
}

static void
merge_siblings(struct pass *ps)
{
    const struct blocks *bs = ps->bs;
    int top = ps->top;
    int parent = bs->elems[top].parent;
    if (parent < 0) {
        select_elem(ps, top);
        return;
    }
    float best = ps->score[top];
    float threshold = best * SIBLING_RATIO;
    if (threshold < SIBLING_MIN_SCORE)
        threshold = SIBLING_MIN_SCORE;
    const struct elem *pe = &bs->elems[parent];
    /* Element children, and the parent's own loose text between them. */
    int b = pe->first_block;
    for (int s = parent + 1; s < pe->end_elem; s = bs->elems[s].end_elem) {
        for (; b < bs->elems[s].first_block; b++) {
            const struct block *bl = &bs->blocks[b];
            if (bl->elem == parent && !block_gone(ps, bl) &&
                prose_paragraph(bs, bl, bl->chars ? (float)bl->link_chars /
                                                        (float)bl->chars : 0))
                ps->sel[b] = 1;
        }
        b = bs->elems[s].end_block;
        if (ps->gone[s])
            continue;
        const struct elem *se = &bs->elems[s];
        int append = s == top;
        if (!append && ps->scored[s]) {
            float bonus = 0;
            if (se->class_hash && se->class_hash == bs->elems[top].class_hash)
                bonus = best * SIBLING_RATIO;
            append = ps->score[s] + bonus >= threshold;
        }
        if (!append && se->tag == GUMBO_TAG_P &&
            se->first_block < se->end_block) {
            const struct block *pb = &bs->blocks[se->first_block];
            append = prose_paragraph(bs, pb, link_density(&ps->cnt[s]));
        }
        if (append)
            select_elem(ps, s);
    }
    for (; b < pe->end_block; b++) {
        const struct block *bl = &bs->blocks[b];
        if (bl->elem == parent && !block_gone(ps, bl) &&
            prose_paragraph(bs, bl, bl->chars ? (float)bl->link_chars /
                                                    (float)bl->chars : 0))
            ps->sel[b] = 1;
    }
}

/* ------------------------------------------------------------ edges */

/* Prose for the edge rule: long enough, few links. */
static int
edge_prose(const struct block *b)
{
    return b->chars >= EDGE_PROSE_CHARS &&
           (float)b->link_chars < EDGE_MAX_LINK_DENSITY * (float)b->chars &&
           b->kind != BK_LI && b->kind != BK_ROW && b->kind != BK_CAPTION;
}

/* Selects block k and makes its elements (up to scope) part of the
 * article, so that cleaning judges them like the rest. */
static void
join_block(struct pass *ps, int k, int scope)
{
    const struct blocks *bs = ps->bs;
    ps->sel[k] = 1;
    ps->joined[k] = 1;
    for (int e = bs->blocks[k].elem; e >= 0 && e != scope;
         e = bs->elems[e].parent)
        ps->in_article[e] = 1;
}

/* The ancestor of e that is levels above it, or the top. */
static int
ancestor_up(const struct blocks *bs, int e, int levels)
{
    while (levels-- > 0 && bs->elems[e].parent >= 0)
        e = bs->elems[e].parent;
    return e;
}

/* Prose just outside the chosen region and inside its near ancestors
 * joins it: a standfirst in the article's header, the part of a split
 * article after an ad slot.  Walking away from the region, short blocks
 * may be stepped over (and join when prose lies beyond them); a link
 * line, removed boilerplate or too many short blocks end the walk. */
static void
extend_edges(struct pass *ps)
{
    const struct blocks *bs = ps->bs;
    int first = -1, last = -1;
    for (int i = 0; i < bs->n_blocks; i++)
        if (ps->sel[i]) {
            if (first < 0)
                first = i;
            last = i;
        }
    if (first < 0 || ps->top < 0)
        return;
    for (int dir = EDGE_FIRST_DIR; dir <= 1; dir += 2) {
        int scope = ancestor_up(bs, ps->top, dir < 0 ? EDGE_SCOPE_LEVELS
                                                     : EDGE_SCOPE_AFTER);
        if (scope == bs->body_elem || bs->elems[scope].tag == GUMBO_TAG_HTML)
            continue;
        const struct elem *sc = &bs->elems[scope];
        int i = dir < 0 ? first - 1 : last + 1, pending = -1, skipped = 0;
        for (; i >= sc->first_block && i < sc->end_block; i += dir) {
            const struct block *b = &bs->blocks[i];
            if (ps->sel[i])
                continue;
            /* After the article, a heading opens what follows it: its
             * comments, its related stories. */
            if (dir > 0 && b->kind == BK_HEADING)
                break;
            /* Before it, a box with a heading of its own (an "about" box,
             * a widget) is another thing, whatever prose it holds. */
            if (dir < 0 && in_titled_box(bs, b->elem, scope, ps->top))
                break;
            /* Removed boilerplate, links and short lines are stepped
             * over (share buttons, bylines and dates sit between a
             * standfirst and the body); too many of them end the walk. */
            if (block_gone(ps, b))
                continue; /* removed already: share buttons, ads */
            if (!edge_prose(b)) {
                if (++skipped > EDGE_MAX_SKIPPED)
                    break;
                if (pending < 0)
                    pending = i;
                continue;
            }
            /* Prose: it joins, with the short blocks stepped over. */
            int from = pending >= 0 ? pending : i;
            for (int k = from; k != i + dir; k += dir)
                if (k == i || bs->blocks[k].kind == BK_HEADING)
                    join_block(ps, k, scope);
            pending = -1;
            skipped = 0;
        }
    }
}

/* A box with a heading of its own below h1, and no h1: a widget, an
 * "about" box.  (An article's header holds the h1 and may hold an h2
 * subtitle.) */
static int
has_subheading(const struct blocks *bs, const struct elem *box)
{
    int sub = 0;
    for (int i = box->first_block; i < box->end_block; i++) {
        const struct block *b = &bs->blocks[i];
        if (b->kind != BK_HEADING)
            continue;
        if (b->level == 1)
            return 0;
        /* A deck set as <h2>: a sentence, not the title of a box. */
        if (!block_prose_heading(bs, b))
            sub = 1;
    }
    return sub;
}

/* Whether e lies in a child of scope, other than the one holding top,
 * that has a heading below h1. */
static int
in_titled_box(const struct blocks *bs, int e, int scope, int top)
{
    int branch = e;
    while (branch >= 0 && bs->elems[branch].parent != scope)
        branch = bs->elems[branch].parent;
    if (branch < 0 || is_ancestor(bs, branch, top) || branch == top)
        return 0;
    return has_subheading(bs, &bs->elems[branch]);
}

/* Boxes before the region, among the siblings of its branch up to
 * EDGE_SCOPE_LEVELS levels: a small box of unlinked prose and no heading
 * below h1 there is the article's standfirst, wherever boxes of links or meta lines stand in
 * between (a block-by-block walk stops at them). */
static void
join_leads(struct pass *ps)
{
    const struct blocks *bs = ps->bs;
    int child = ps->top;
    for (int level = 0; child >= 0 && level < EDGE_SCOPE_LEVELS; level++) {
        int parent = bs->elems[child].parent;
        if (parent < 0 || parent == bs->body_elem ||
            bs->elems[parent].tag == GUMBO_TAG_HTML)
            break;
        for (int k = parent + 1; k < child; k = bs->elems[k].end_elem) {
            const struct counts *c = &ps->cnt[k];
            if (ps->gone[k] || c->chars == 0 || c->chars > LEAD_MAX_CHARS ||
                link_density(c) > LEAD_MAX_LINK_DENSITY)
                continue;
            const struct elem *sib = &bs->elems[k];
            if (has_subheading(bs, sib))
                continue; /* a box with a heading of its own: a widget */
            for (int i = sib->first_block; i < sib->end_block; i++)
                if (!ps->sel[i] && !block_gone(ps, &bs->blocks[i]) &&
                    edge_prose(&bs->blocks[i]))
                    join_block(ps, i, parent);
        }
        child = parent;
    }
}

/* ------------------------------------------------------------ cleaning */

static int
contains_data_table(const struct blocks *bs, int e)
{
    for (int i = e; i < bs->elems[e].end_elem; i++)
        if (bs->elems[i].flags & (EF_DATA_TABLE | EF_CODE))
            return 1;
    return 0;
}

static int
has_ancestor_flag(const struct blocks *bs, int e, uint32_t flag)
{
    for (int p = bs->elems[e].parent; p >= 0; p = bs->elems[p].parent)
        if (bs->elems[p].flags & flag)
            return 1;
    return 0;
}

/* Paragraphs of prose: several of them, long, with few links. */
static int
is_prose_box(const struct counts *c)
{
    return c->n_p >= PROSE_BOX_MIN_P && c->chars >= PROSE_BOX_MIN_CHARS &&
           link_density(c) < PROSE_BOX_MAX_LINKS &&
           c->commas >= PROSE_BOX_MIN_COMMAS;
}

/* Whether boxes of negative names (the outermost of each) hold most of the
 * region's text: then the names are the page builder's vocabulary (every
 * box a "widget"), not a mark of boilerplate, and say nothing. */
static int
negative_names_everywhere(const struct pass *ps)
{
    const struct blocks *bs = ps->bs;
    /* The body's boxes are the whole page: there the names still tell
     * its parts apart. */
    if (ps->top < 0 || !(ps->rules & PASS_WEIGHT_CLASSES) ||
        bs->elems[ps->top].tag == GUMBO_TAG_BODY)
        return 0;
    float named = 0;
    int end = bs->elems[ps->top].end_elem;
    for (int e = ps->top + 1; e < end;) {
        if (!ps->gone[e] && bs->elems[e].class_weight < 0 &&
            !(bs->elems[e].flags & EF_HIDDEN_NAME)) {
            named += ps->cnt[e].chars;
            e = bs->elems[e].end_elem;
        } else {
            e++;
        }
    }
    return named > NAMES_EVERYWHERE_SHARE * ps->cnt[ps->top].chars;
}

/* Readability's _cleanConditionally for one element: why it goes, or NULL. */
static const char *
conditional(struct pass *ps, int e)
{
    const struct blocks *bs = ps->bs;
    const struct elem *el = &bs->elems[e];
    const struct counts *c = &ps->cnt[e];
    if ((el->flags & EF_DATA_TABLE) || contains_data_table(bs, e) ||
        has_ancestor_flag(bs, e, EF_DATA_TABLE | EF_CODE))
        return NULL;
    /* Cleaning removes boilerplate around the article, never the bulk of
     * it: a box holding most of the region's text stays, whatever its
     * names or its counts of images and links. */
    if (ps->top >= 0 && c->chars > BULK_SHARE * ps->cnt[ps->top].chars)
        return NULL;
    float weight = (ps->rules & PASS_WEIGHT_CLASSES) ? el->class_weight : 0;
    /* Only the names count here: a list's negative tag prior is no
     * evidence against it. */
    /* A negative name on a box of the article's own prose (a product
     * review's "widget", a "media" figure's long caption) is outweighed by
     * what it holds: paragraphs of sentences with few links go on to the
     * tests below instead. */
    if (weight < 0 && ((el->flags & EF_HIDDEN_NAME) ||
                       (!ps->names_said_nothing && !is_prose_box(c))))
        return "negative class weight";
    if (c->commas >= 10)
        return NULL;
    int is_list = el->tag == GUMBO_TAG_UL || el->tag == GUMBO_TAG_OL ||
                  (c->chars > 0 && c->list_chars / c->chars > 0.9f);
    int in_figure = has_ancestor_flag(bs, e, EF_FIGURE);
    float ld = link_density(c);
    float heading_density = c->chars > 0 ? c->heading_chars / c->chars : 0;
    if (c->n_img > 1 && c->n_p / c->n_img < 0.5f && !in_figure &&
        c->chars < IMAGE_BOX_MAX_CHARS)
        return "more images than paragraphs";
    if (!is_list && c->n_li - 100 > c->n_p)
        return "more list items than paragraphs";
    if (c->n_input > floorf(c->n_p / 3))
        return "form inputs";
    if (!is_list && !in_figure && heading_density < 0.9f && c->chars < 25 &&
        (c->n_img == 0 || c->n_img > 2) && ld > 0)
        return "short and linked";
    if (!is_list && weight < 25 && ld > 0.2f)
        return "link density";
    if (weight >= 25 && ld > 0.5f)
        return "link density";
    if ((c->n_embed == 1 && c->chars < 75) || c->n_embed > 1)
        return "embeds";
    if (c->n_img == 0 && c->chars == 0)
        return "empty";
    return NULL;
}

static int
cleaned_tag(int tag)
{
    return tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_TABLE ||
           tag == GUMBO_TAG_UL || tag == GUMBO_TAG_FORM ||
           tag == GUMBO_TAG_FIELDSET || tag == GUMBO_TAG_SECTION;
}

static void
remove_in_article(struct pass *ps, int e, const char *why)
{
    subtract(ps, e, -1);
    mark_gone(ps, e, why);
}

/* A teaser: a small box (at most TEASER_MAX_CHARS) with a linked
 * headline, as related-story cards are made. */
static int
teaser_item(const struct pass *ps, int e)
{
    const struct blocks *bs = ps->bs;
    const struct counts *c = &ps->cnt[e];
    const struct elem *el = &bs->elems[e];
    if (c->chars == 0 || c->chars > TEASER_MAX_CHARS || c->link_chars == 0)
        return 0;
    for (int i = el->first_block; i < el->end_block; i++) {
        const struct block *b = &bs->blocks[i];
        if (block_gone(ps, b))
            continue;
        /* A linked headline; a plain heading with a "learn more" link
         * is as often a product's feature list as a teaser. */
        if ((b->kind == BK_HEADING || b->chars >= TEASER_HEADLINE_CHARS) &&
            b->link_chars * 2 > b->chars)
            return 1;
    }
    return 0;
}

/* A list of teasers: at least TEASER_MIN_ITEMS children alike (same tag
 * and class) that are all teasers. */
static int
teaser_list(const struct pass *ps, int e)
{
    const struct blocks *bs = ps->bs;
    const struct elem *el = &bs->elems[e];
    int items = 0, first = -1;
    for (int k = e + 1; k < el->end_elem; k = bs->elems[k].end_elem) {
        if (ps->gone[k] || ps->cnt[k].chars == 0)
            continue;
        if (first < 0)
            first = k;
        else if (bs->elems[k].tag != bs->elems[first].tag ||
                 bs->elems[k].class_hash != bs->elems[first].class_hash)
            return 0;
        if (!teaser_item(ps, k))
            return 0;
        items++;
    }
    return items >= TEASER_MIN_ITEMS;
}

/* A box explaining the site's cookies: most of its blocks name them.
 * The word is the same in nearly every language of the web. */
static int
cookie_box(const struct pass *ps, int e)
{
    const struct blocks *bs = ps->bs;
    const struct elem *el = &bs->elems[e];
    int blocks = 0, naming = 0;
    for (int i = el->first_block; i < el->end_block; i++) {
        const struct block *b = &bs->blocks[i];
        if (block_gone(ps, b))
            continue;
        blocks++;
        naming += words_casestr(block_text(bs, b), "cookie") != NULL;
    }
    return naming >= 2 && 2 * naming >= blocks;
}

static void
clean_article(struct pass *ps)
{
    const struct blocks *bs = ps->bs;
    /* Tags that never belong in an article body (Readability's _clean),
     * share widgets and bylines. */
    for (int e = 0; e < bs->n_elems; e++) {
        const struct elem *el = &bs->elems[e];
        if (!ps->in_article[e] || ps->gone[e] || e == ps->top)
            continue;
        const struct counts *c = &ps->cnt[e];
        if (el->flags & EF_FOOTER_TAG)
            remove_in_article(ps, e, "footer");
        else if ((el->flags & EF_SHARE) && c->chars < SHARE_MAX_CHARS)
            remove_in_article(ps, e, "share widget");
        else if ((el->flags & EF_BYLINE) && c->chars < BYLINE_MAX_CHARS &&
                 !(el->flags & EF_ARTICLE_BODY))
            remove_in_article(ps, e, "byline");
        else if ((el->flags & EF_COMMENTS) && !(el->flags & EF_ARTICLE_BODY))
            remove_in_article(ps, e, "comments");
        else if ((el->flags & EF_BIO) && !(el->flags & EF_ARTICLE_BODY))
            remove_in_article(ps, e, "author biography");
        else if ((el->flags & EF_NOTICE) && c->chars < BOX_MAX_CHARS &&
                 !(el->flags & EF_ARTICLE_BODY))
            remove_in_article(ps, e, "notice");
        else if ((el->flags & EF_NAV_NAME) && c->chars < BOX_MAX_CHARS)
            remove_in_article(ps, e, "navigation");
        else if (teaser_list(ps, e))
            remove_in_article(ps, e, "list of teasers");
        else if (c->chars < BULK_SHARE * ps->cnt[ps->top].chars &&
                 cookie_box(ps, e))
            remove_in_article(ps, e, "cookie notice");
        else if ((el->flags & EF_CONSENT) && c->chars < BOX_MAX_CHARS)
            remove_in_article(ps, e, "newsletter or consent box");
        else if ((el->flags & EF_RELATED) &&
                 (c->chars < BOX_MAX_CHARS ||
                  link_density(c) > RELATED_LINK_DENSITY))
            remove_in_article(ps, e, "related stories");
    }
    if (!(ps->rules & PASS_CLEAN_CONDITIONALLY))
        return;
    ps->names_said_nothing = negative_names_everywhere(ps);
    /* Later elements first, so that an element is judged without the
     * descendants already removed (as Readability walks them). */
    for (int e = bs->n_elems - 1; e >= 0; e--) {
        if (!ps->in_article[e] || ps->gone[e] || e == ps->top ||
            !cleaned_tag(bs->elems[e].tag))
            continue;
        const char *why = conditional(ps, e);
        if (why)
            remove_in_article(ps, e, why);
    }
}

/* ------------------------------------------------------------ a pass */

/* The pass's verdict on each block before single blocks are judged
 * (that is the refine stage's): kept when in the region and not removed,
 * with the rule that decided. */
static void
finish(struct pass *ps, const char *title, struct score_pass *out)
{
    const struct blocks *bs = ps->bs;
    int title_dropped = 0;
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        out->keep[i] = 0;
        if (!ps->sel[i]) {
            out->reason[i] = ps->gone[b->elem] ? "removed before scoring"
                                               : "outside the main content";
            for (int e = b->elem; e >= 0; e = bs->elems[e].parent)
                if (ps->removed[e]) {
                    out->reason[i] = ps->why[e];
                    break;
                }
            continue;
        }
        if (block_gone(ps, b)) {
            out->reason[i] = "removed";
            for (int e = b->elem; e >= 0; e = bs->elems[e].parent)
                if (ps->removed[e]) {
                    out->reason[i] = ps->why[e];
                    break;
                }
            continue;
        }
        if (b->kind == BK_HEADING && b->level <= 2 && !title_dropped &&
            title && text_similarity(title, block_text(bs, b)) >
                         TITLE_SIMILARITY) {
            title_dropped = 1;
            out->reason[i] = "repeats the title";
            continue;
        }
        out->keep[i] = 1;
        out->reason[i] = ps->joined[i] ? "joined the main content"
                                       : "main content";
    }
}

static void
run_pass(struct pass *ps, const char *title, float *block_score,
         struct score_pass *out)
{
    const struct blocks *bs = ps->bs;
    size_t ne = (size_t)bs->n_elems, nb = (size_t)bs->n_blocks;
    memset(ps->removed, 0, ne);
    memset(ps->gone, 0, ne);
    memset(ps->why, 0, ne * sizeof *ps->why);
    memset(ps->score, 0, ne * sizeof *ps->score);
    memset(ps->mass, 0, ne * sizeof *ps->mass);
    memset(ps->scored, 0, ne);
    memset(ps->in_article, 0, ne);
    memset(ps->sel, 0, nb);
    memset(ps->joined, 0, nb);
    memset(block_score, 0, nb * sizeof *block_score);

    remove_early(ps);
    count_kept(ps);
    score_paragraphs(ps, block_score);
    ps->top = pick_top(ps);
    int region = choose_region(ps);
    if (region != ps->top && region >= 0) {
        ps->top = region;
        init_candidate(ps, region);
        select_elem(ps, region);
    } else if (ps->top < 0) {
        /* No paragraph anywhere: the whole body is the candidate. */
        ps->top = bs->body_elem;
        if (ne)
            select_elem(ps, ps->top);
    } else {
        merge_siblings(ps);
    }
    if (ps->mode != SCORE_PRECISION) {
        extend_edges(ps);
        join_leads(ps);
    }
    clean_article(ps);
    out->main_elem = ps->top;
    finish(ps, title, out);
}

/* The first h1 or h2 block repeating the title, or -1. */
static int
title_heading(const struct blocks *bs, const char *title)
{
    if (!title)
        return -1;
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        if (b->kind == BK_HEADING && b->level <= 2 &&
            text_similarity(title, block_text(bs, b)) > TITLE_SIMILARITY)
            return i;
    }
    return -1;
}

/* Whether a region holds the title heading or starts just after it. */
static int
near_title(const struct blocks *bs, const uint8_t *selected, int title_at)
{
    if (title_at < 0)
        return 0;
    if (selected[title_at])
        return 1;
    for (int i = title_at + 1;
         i < bs->n_blocks && i <= title_at + NEAR_TITLE_BLOCKS; i++)
        if (selected[i])
            return 1;
    return 0;
}

/* The passes, strictest first: each relaxes a rule of the one before,
 * as Readability's do when a pass finds too little text. */
static const unsigned passes[] = {
    PASS_STRIP_UNLIKELY | PASS_WEIGHT_CLASSES | PASS_CLEAN_CONDITIONALLY,
    PASS_WEIGHT_CLASSES | PASS_CLEAN_CONDITIONALLY,
    PASS_CLEAN_CONDITIONALLY,
    0
};

struct scorer {
    struct pass ps;
    const char *title;
    int title_at;      /* the block of the title heading, or -1 */
    size_t next;       /* the next pass to run */
    struct score_pass out;
};

int
score_begin(struct arena *a, const struct blocks *bs, const char *title,
            enum score_mode mode, struct scorer **out)
{
    size_t ne = (size_t)bs->n_elems + 1, nb = (size_t)bs->n_blocks + 1;
    struct scorer *sc = arena_calloc(a, 1, sizeof *sc);
    *out = sc;
    if (!sc)
        return -1;
    struct pass *ps = &sc->ps;
    ps->bs = bs;
    ps->mode = mode;
    ps->removed = arena_alloc(a, ne);
    ps->gone = arena_alloc(a, ne);
    ps->why = arena_alloc(a, ne * sizeof *ps->why);
    ps->score = arena_alloc(a, ne * sizeof *ps->score);
    ps->mass = arena_alloc(a, ne * sizeof *ps->mass);
    ps->scored = arena_alloc(a, ne);
    ps->in_article = arena_alloc(a, ne);
    ps->sel = arena_alloc(a, nb);
    ps->joined = arena_alloc(a, nb);
    ps->cnt = arena_alloc(a, ne * sizeof *ps->cnt);
    sc->out.keep = arena_alloc(a, nb);
    sc->out.reason = arena_alloc(a, nb * sizeof *sc->out.reason);
    sc->out.block_score = arena_alloc(a, nb * sizeof *sc->out.block_score);
    sc->out.elem_score = ps->score;
    sc->out.region = ps->sel;
    sc->out.main_elem = -1;
    if (!ps->removed || !ps->gone || !ps->why || !ps->score || !ps->mass ||
        !ps->scored || !ps->in_article || !ps->sel || !ps->joined ||
        !ps->cnt || !sc->out.keep || !sc->out.reason ||
        !sc->out.block_score)
        return -1;
    sc->title = title;
    /* Relaxed passes find more text, and sometimes the wrong text: the
     * comments under a short article, the sidebar beside it.  Each pass
     * says whether its region is where the page's title heading is. */
    sc->title_at = title_heading(bs, title);
    /* A page without elements has no pass to run. */
    sc->next = bs->n_elems ? 0 : sizeof passes / sizeof passes[0];
    return 0;
}

const struct score_pass *
score_next_pass(struct scorer *sc)
{
    if (sc->next >= sizeof passes / sizeof passes[0])
        return NULL;
    struct pass *ps = &sc->ps;
    ps->rules = passes[sc->next];
    sc->out.index = (int)sc->next++;
    run_pass(ps, sc->title, sc->out.block_score, &sc->out);
    sc->out.near_title = near_title(ps->bs, ps->sel, sc->title_at);
    sc->out.last = sc->next >= sizeof passes / sizeof passes[0];
    return &sc->out;
}
