/*
 * A listing or a collection: every card's title and teaser, without
 * filters, sort bars and pagination.
 *
 * The scorer keeps one container, which on such a page is one card, the
 * intro, or the filters.  The cards are the largest group of siblings
 * alike (repeats.h) in the main column, each holding a link and some
 * text; every block of every card is kept, titles too though they are
 * links, with the page's heading and intro above the grid.
 */
#include "pick/pick_parts.h"

#include "arena.h"
#include "blocks/blocks.h"
#include "pick/repeats.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Where the page's own furniture lives: a group under one of these is
 * navigation, a footer's columns, a sidebar, a dialog, never the cards. */
#define OUTSIDE_FLAGS (EF_NAV_TAG | EF_ASIDE_TAG | EF_FOOTER_TAG | \
                       EF_HEADER_TAG | EF_DIALOG | EF_NAV_NAME |       \
                       EF_CONSENT | EF_COMMENTS)
/* Inside a card, a <header> or <footer> holds its title or its date,
 * and a "cta" its link; only a menu or a dialog is no part of it. */
#define CARD_OUTSIDE_FLAGS (EF_NAV_TAG | EF_DIALOG)
/* The intro above the grid may sit in the content's <header>. */
#define LEAD_OUTSIDE_FLAGS (OUTSIDE_FLAGS & ~EF_HEADER_TAG)

/* A grid shows at least this many cards with text. */
#define MIN_CARDS 3
/* A card holds a name and more: a menu's items are shorter on
 * average. */
#define MIN_CARD_CHARS 20

/* A line repeated in one card is dropped from this length on; a
 * shorter one is a label each entry of the card may carry ("New",
 * "Honoree"). */
#define CARD_REPEAT_CHARS 10

/* More text than a pager or a breadcrumb holds. */
#define NAV_BOX_MAX_CHARS 1000

/* Per element: its flags and those of every ancestor.  The classes of
 * <body> and <html> describe the page's state ("no-breadcrumbs",
 * "has-cookie-banner"), not a box: they count for nothing. */
static uint32_t *
inherited_flags(struct arena *a, const struct blocks *bs)
{
    uint32_t *f = arena_alloc(a, (size_t)bs->n_elems * sizeof *f);
    if (!f)
        return NULL;
    /* A box holding the page's <h1> is no comment section, whatever its
     * name says ("page_app_reviews" around a list of reviews): mark the
     * <h1>s' ancestors first, each once. */
    memset(f, 0, (size_t)bs->n_elems * sizeof *f);
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        if (b->kind != BK_HEADING || b->level != 1)
            continue;
        for (int k = b->elem; k >= 0 && !f[k]; k = bs->elems[k].parent)
            f[k] = 1;
    }
    for (int i = 0; i < bs->n_elems; i++) {
        const struct elem *e = &bs->elems[i];
        int page = e->tag == GUMBO_TAG_BODY || e->tag == GUMBO_TAG_HTML;
        uint32_t own = page ? 0 : e->flags;
        if (f[i])
            own &= ~(uint32_t)EF_COMMENTS;
        /* A pager or a breadcrumb is short: a box so named that holds
         * a page of text wraps the grid it pages ("pagination" around
         * the products). */
        if (e->chars >= NAV_BOX_MAX_CHARS)
            own &= ~(uint32_t)EF_NAV_NAME;
        f[i] = own | (e->parent >= 0 ? f[e->parent] : 0);
    }
    return f;
}

/* Whether g looks like a grid of cards: enough of them with text, most
 * linked, none holding most of the text (a page's sections are not
 * alike in size), and outside the page's furniture. */
static int
is_card_group(const struct blocks *bs, const uint32_t *inh,
              const struct repeat_group *g)
{
    if (g->n_text < MIN_CARDS || g->max_chars * 2 > g->chars ||
        g->n_linked * 2 < g->n_text ||
        g->chars < (uint32_t)g->n_text * MIN_CARD_CHARS)
        return 0;
    return !(inh[g->parent] & OUTSIDE_FLAGS) &&
           !(bs->elems[g->first].flags & OUTSIDE_FLAGS);
}

/* The text of a card, hashed. */
static uint32_t
card_text_hash(const struct blocks *bs, int k)
{
    const struct elem *e = &bs->elems[k];
    uint32_t h = 2166136261u;
    for (int i = e->first_block; i < e->end_block; i++) {
        const struct block *b = &bs->blocks[i];
        const char *t = block_text(bs, b);
        for (uint32_t j = 0; j <= b->text_len; j++)
            h = (h ^ (unsigned char)t[j]) * 16777619u;
    }
    return h;
}

static int
cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Whether most cards of g differ: placeholders a script would fill
 * ("Loading...") are alike. */
static int
cards_differ(const struct blocks *bs, const struct repeat_group *g)
{
    uint32_t *h = malloc((size_t)g->n * sizeof *h);
    int n = 0, distinct = 0;
    if (!h)
        return 1;
    for (int k = g->first; k <= g->last; k = bs->elems[k].end_elem)
        if (repeat_member(bs, g, k) && bs->elems[k].chars)
            h[n++] = card_text_hash(bs, k);
    qsort(h, (size_t)n, sizeof *h, cmp_u32);
    for (int i = 0; i < n; i++)
        distinct += i == 0 || h[i] != h[i - 1];
    free(h);
    return distinct * 2 > n;
}

/* A grid under a box named like boilerplate ("footer", "menu",
 * "related") is a footer's columns or a menu more often than the
 * content, but not always: such a group counts for this share of its
 * text. */
#define UNLIKELY_WEIGHT 0.25

static double
group_weight(const uint32_t *inh, const struct repeat_group *g)
{
    return g->chars * (inh[g->parent] & EF_UNLIKELY ? UNLIKELY_WEIGHT : 1.0);
}

/* A grid inside a heavier group of sections: it has this many cards at
 * least, this many times their number, and this share (one in) of
 * their text. */
#define NESTED_MIN_CARDS 10
#define NESTED_MORE 3
#define NESTED_SHARE 4

/* How many of the heaviest card groups are checked for placeholders
 * before giving up. */
#define MAX_TRIES 16

/* The grid: the card group with the most text. */
static const struct repeat_group *
best_group(const struct blocks *bs, const uint32_t *inh,
           struct repeat_group *gs, int ng)
{
    /* A rejected group's weight is set to -1 in w. */
    double *w = malloc((size_t)(ng ? ng : 1) * sizeof *w);
    if (!w)
        return NULL;
    for (int i = 0; i < ng; i++)
        w[i] = is_card_group(bs, inh, &gs[i]) ? group_weight(inh, &gs[i]) : -1;
    const struct repeat_group *best = NULL;
    for (int t = 0; t < MAX_TRIES && !best; t++) {
        int top = -1;
        for (int i = 0; i < ng; i++)
            if (w[i] >= 0 && (top < 0 || w[i] > w[top]))
                top = i;
        if (top < 0)
            break;
        if (cards_differ(bs, &gs[top]))
            best = &gs[top];
        w[top] = -1;
    }
    /* A few sections of the page are alike too, and heavier than the
     * grid inside one of them: the grid with many more cards, and a
     * fair share of the text, is the one. */
    for (int i = 0; best && i < ng; i++) {
        const struct repeat_group *h = &gs[i];
        if (h == best || !is_card_group(bs, inh, h) ||
            h->n_text < NESTED_MIN_CARDS ||
            h->n_text < NESTED_MORE * best->n_text ||
            (uint64_t)h->chars * NESTED_SHARE < best->chars ||
            h->parent < best->first ||
            h->parent >= bs->elems[best->last].end_elem ||
            !cards_differ(bs, h))
            continue;
        best = h;
    }
    free(w);
    return best;
}

static void
take(struct score_result *sc, int i, const char *why)
{
    sc->keep[i] = 1;
    sc->selected[i] = 1;
    sc->reason[i] = why;
}

/* Whether element e, between the cards of g, is the other half of a
 * card of a definition list: the term (<dt>) of each description
 * (<dd>), or the other way round. */
static int
card_half(const struct repeat_group *g, const struct elem *e)
{
    return (g->tag == GUMBO_TAG_DD && e->tag == GUMBO_TAG_DT) ||
           (g->tag == GUMBO_TAG_DT && e->tag == GUMBO_TAG_DD);
}

/* Every block of every card; of the other children between the cards,
 * the headings (a grid split by category). */
static void
keep_cards(const struct blocks *bs, const uint32_t *inh,
           const struct repeat_group *g, struct score_result *sc)
{
    /* The first card's term comes before it, the last card's
     * description after it. */
    int from = g->first, to = g->last;
    for (int k = g->parent + 1; k < g->first; k = bs->elems[k].end_elem)
        if (bs->elems[k].end_elem == g->first && card_half(g, &bs->elems[k]))
            from = k;
    int next = bs->elems[g->last].end_elem;
    if (next < bs->elems[g->parent].end_elem &&
        card_half(g, &bs->elems[next]))
        to = next;
    for (int k = from; k <= to; k = bs->elems[k].end_elem) {
        const struct elem *e = &bs->elems[k];
        int member = repeat_member(bs, g, k) || card_half(g, e);
        for (int i = e->first_block; i < e->end_block; i++) {
            const struct block *b = &bs->blocks[i];
            if (inh[b->elem] & CARD_OUTSIDE_FLAGS & ~inh[g->parent])
                continue;
            if (member)
                take(sc, i, "a card");
            else if (b->kind == BK_HEADING)
                take(sc, i, "heading between the cards");
        }
    }
}

/* Whether elements x and y are alike: the same tag and class. */
static int
alike(const struct blocks *bs, int x, int y)
{
    return bs->elems[x].tag == bs->elems[y].tag &&
           bs->elems[x].class_hash == bs->elems[y].class_hash;
}

/* Whether h is more of g's grid, in another box alike beside g's (the
 * box, or the box around it): a list per day, a column per letter. */
static int
same_grid(const struct blocks *bs, const uint32_t *inh,
          const struct repeat_group *g, const struct repeat_group *h)
{
    if (h->parent == g->parent || h->tag != g->tag ||
        h->any_class != g->any_class || h->class_hash != g->class_hash ||
        !h->n_text || h->n_linked * 2 < h->n_text ||
        (inh[h->parent] & OUTSIDE_FLAGS) || !alike(bs, g->parent, h->parent))
        return 0;
    int p = bs->elems[g->parent].parent, q = bs->elems[h->parent].parent;
    if (p == q)
        return 1;
    return p >= 0 && q >= 0 && alike(bs, p, q) &&
           bs->elems[p].parent == bs->elems[q].parent;
}

static uint32_t
text_hash(const struct blocks *bs, int i)
{
    const struct block *b = &bs->blocks[i];
    const char *t = block_text(bs, b);
    uint32_t h = 2166136261u;
    for (uint32_t k = 0; k < b->text_len; k++)
        h = (h ^ (unsigned char)t[k]) * 16777619u;
    return h;
}

/* How many times h is in the sorted hs[0..n). */
static int
count_of(const uint32_t *hs, int n, uint32_t h)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (hs[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    int c = 0;
    while (lo + c < n && hs[lo + c] == h)
        c++;
    return c;
}

/* Words that open the label of a button or a link that acts rather
 * than names: "Add to cart", "Read more", "Quick view", "+ wishlist".
 * Matched on a short line, case-insensitively, as whole words. */
static const char *const action_words[] = {
    "add", "buy", "shop", "order", "read", "learn", "view", "see", "more",
    "show", "explore", "discover", "compare", "quick", "select", "choose",
    "download", "apply", "listen", "watch", "rate", "clear", "calculate",
    "+", "in den", "zum", "mehr", "weiter", "weiterlesen", "jetzt",
    "ajouter", "voir", "lire", "acheter", "añadir", "ver", "leer",
    "comprar", "aggiungi", "scopri", "leggi", "bekijk", "lees", NULL
};
/* Such a label is short. */
#define ACTION_MAX_CHARS 40

static int
is_action_label(const struct blocks *bs, const struct block *b)
{
    if (b->chars > ACTION_MAX_CHARS || b->kind == BK_HEADING)
        return 0;
    const char *t = block_text(bs, b);
    for (int i = 0; action_words[i]; i++) {
        size_t n = strlen(action_words[i]);
        if (!strncasecmp(t, action_words[i], n) &&
            (t[n] == ' ' || t[n] == '\0' || action_words[i][n - 1] == '+'))
            return 1;
    }
    return 0;
}

/* An action label in half the cards or more is the grid's button, not a
 * card's text.  Counted once per card. */
static void
drop_card_actions(const struct blocks *bs, const struct repeat_group *g,
                  struct score_result *sc)
{
    int from = bs->elems[g->first].first_block;
    int to = bs->elems[g->last].end_block;
    if (to - from < 1 || g->n_text < MIN_CARDS)
        return;
    uint32_t *hs = malloc((size_t)(to - from) * sizeof *hs);
    if (!hs)
        return;
    int n = 0;
    for (int k = g->first; k <= g->last; k = bs->elems[k].end_elem) {
        const struct elem *e = &bs->elems[k];
        if (!repeat_member(bs, g, k))
            continue;
        int m = n;
        for (int i = e->first_block; i < e->end_block; i++)
            if (sc->keep[i] && is_action_label(bs, &bs->blocks[i]))
                hs[n++] = text_hash(bs, i);
        qsort(hs + m, (size_t)(n - m), sizeof *hs, cmp_u32);
        int u = m;
        for (int i = m; i < n; i++)
            if (i == m || hs[i] != hs[i - 1])
                hs[u++] = hs[i];
        n = u;
    }
    qsort(hs, (size_t)n, sizeof *hs, cmp_u32);
    for (int i = from; i < to; i++)
        if (sc->keep[i] && is_action_label(bs, &bs->blocks[i]) &&
            count_of(hs, n, text_hash(bs, i)) * 2 >= g->n_text) {
            sc->keep[i] = 0;
            sc->reason[i] = "a button's label in every card";
        }
    free(hs);
}

/* Whether block i, beside the grid whose first card is element card,
 * is in a filter panel, a sort bar or a form, no part of the intro nor
 * of the text around the grid: a box named so or a form.  Only the
 * boxes that do not hold the grid count (a page may sit whole in one
 * <form>). */
static int
in_controls(const struct blocks *bs, int i, int card)
{
    for (int k = bs->blocks[i].elem; k >= 0; k = bs->elems[k].parent) {
        const struct elem *e = &bs->elems[k];
        if (k <= card && card < e->end_elem)
            return 0;
        if (e->flags & (EF_FORM_TAG | EF_CONTROL_NAME))
            return 1;
    }
    return 0;
}

/* The page's heading and intro above the grid: from the last <h1>
 * before it, what is not furniture, links nor controls. */
static void
keep_lead(const struct blocks *bs, const uint32_t *inh, int card,
          const uint8_t *was_kept, struct score_result *sc)
{
    int start = bs->elems[card].first_block;
    int h1 = -1;
    for (int i = start - 1; i >= 0; i--) {
        const struct block *b = &bs->blocks[i];
        if (b->kind == BK_HEADING && b->level == 1 &&
            !(inh[b->elem] & LEAD_OUTSIDE_FLAGS)) {
            h1 = i;
            break;
        }
    }
    for (int i = h1 < 0 ? 0 : h1; i < start; i++) {
        const struct block *b = &bs->blocks[i];
        if (h1 < 0 ? !was_kept[i]
                   : (inh[b->elem] & LEAD_OUTSIDE_FLAGS) ||
                         b->link_chars * 2 > b->chars)
            continue;
        if (in_controls(bs, i, card))
            continue;
        take(sc, i, "heading or intro above the cards");
    }
}

/* A line of prose: a paragraph with this much unlinked text (a line of
 * Chinese is short), links under half. */
#define PROSE_LINE_CHARS 30

static int
is_prose(const struct block *b)
{
    return (b->kind == BK_PARA || b->kind == BK_DIVTEXT ||
            b->kind == BK_QUOTE) &&
           b->chars - b->link_chars >= PROSE_LINE_CHARS &&
           b->link_chars * 2 < b->chars;
}

/* Less prose than this is a caption or a teaser, no text of the page's
 * own. */
#define MIN_PROSE 100
/* Beside prose, a grid is the page's content when it has this many
 * cards, or this many times the prose's text; a few teasers beside an
 * article (related stories) are not. */
#define MANY_CARDS 10
#define CARDS_OVER_PROSE 4
/* A listing's entries (posts, results, events) are fewer to a page than
 * a shop's products, and longer: fewer of them beside prose make the
 * page.  A collection keeps MANY_CARDS (6 loses there). */
#define MANY_LISTED 7

/* What the scorer may keep and still be wrong about: a consent
 * dialog's prose, a footer's "about us". */
#define SCORED_OUTSIDE_FLAGS (EF_DIALOG | EF_CONSENT | EF_NAV_TAG | \
                              EF_FOOTER_TAG | EF_ASIDE_TAG | EF_HEADER_TAG)

/* Whether the scorer's block i stays beside the cards. */
static int
scored_stays(const struct blocks *bs, const uint32_t *inh,
             const struct score_result *sc, int i)
{
    return sc->keep[i] && !(inh[bs->blocks[i].elem] & SCORED_OUTSIDE_FLAGS);
}

/* Characters of the prose paragraphs the scorer kept. */
static size_t
kept_prose(const struct blocks *bs, const uint32_t *inh,
           const struct score_result *sc)
{
    size_t n = 0;
    for (int i = 0; i < bs->n_blocks; i++)
        if (scored_stays(bs, inh, sc, i) && is_prose(&bs->blocks[i]))
            n += bs->blocks[i].chars;
    return n;
}

int
pick_cards(struct arena *a, const struct pick_input *in,
           struct score_result *sc)
{
    const struct blocks *bs = in->bs;
    struct repeat_group *gs;
    int ng;
    if (repeats_find(a, bs, MIN_CARDS, &gs, &ng))
        return -1;
    uint32_t *inh = inherited_flags(a, bs);
    uint8_t *was_kept = arena_alloc(a, (size_t)bs->n_blocks);
    if (!inh || !was_kept)
        return -1;
    const struct repeat_group *g = best_group(bs, inh, gs, ng);
    /* Cards with less text than the prose the scorer found are a box
     * beside it (related stories, a shop's other products): the prose
     * is the page, as on an article. */
    size_t prose = kept_prose(bs, inh, sc);
    if (prose < MIN_PROSE)
        prose = 0;
    int many = in->kind == KIND_LISTING ? MANY_LISTED : MANY_CARDS;
    if (!g || g->chars < prose ||
        (g->n_text < many && g->chars < CARDS_OVER_PROSE * prose))
        return 0;
    /* The scorer's choice stays when it holds prose (a category's
     * description, often below the grid), but for the filters beside
     * the grid; when it holds none, it was filters, a banner or one
     * card. */
    memcpy(was_kept, sc->keep, (size_t)bs->n_blocks);
    for (int i = 0; i < bs->n_blocks; i++) {
        if (prose && scored_stays(bs, inh, sc, i) &&
            !in_controls(bs, i, g->first)) {
            sc->selected[i] = 1;
            continue;
        }
        if (sc->keep[i])
            sc->reason[i] = "outside the cards";
        sc->keep[i] = sc->selected[i] = 0;
    }
    /* The grid, and the rest of it in boxes alike beside its box: lo
     * and hi the first and the last of its groups. */
    const struct repeat_group *lo = g, *hi = g;
    for (int j = -1; j < ng; j++) {
        const struct repeat_group *h = j < 0 ? g : &gs[j];
        if (j >= 0 && !same_grid(bs, inh, g, h))
            continue;
        keep_cards(bs, inh, h, sc);
        /* A card written twice inside, for small and large screens (or
         * its title over the picture and under it), is read once. */
        for (int k = h->first; k <= h->last; k = bs->elems[k].end_elem)
            if (repeat_member(bs, h, k) &&
                pick_drop_repeats(a, bs, bs->elems[k].first_block,
                                  bs->elems[k].end_block,
                                  CARD_REPEAT_CHARS, sc))
                return -1;
        drop_card_actions(bs, h, sc);
        if (h->first < lo->first)
            lo = h;
        if (h->last > hi->last)
            hi = h;
    }
    /* The headings between the boxes name them (a day, a category). */
    for (int i = bs->elems[lo->first].first_block;
         lo != hi && i < bs->elems[hi->last].end_block; i++)
        if (bs->blocks[i].kind == BK_HEADING && !sc->keep[i] &&
            !(inh[bs->blocks[i].elem] & OUTSIDE_FLAGS))
            take(sc, i, "heading between the cards");
    keep_lead(bs, inh, lo->first, was_kept, sc);
    sc->main_elem = g->parent;
    pick_recount(bs, sc);
    return 0;
}
