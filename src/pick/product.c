/*
 * A product: its name, description and specifications.  The scorer's
 * container on a shop's page often takes in what surrounds the product
 * too: the site's footer or menus (when the product itself is built by
 * scripts, the footer's link lists are the densest text left), "customers
 * also viewed" rails, share and wishlist buttons, consent boxes, and the
 * review widget's own chrome.  This picker clears the kept blocks that sit
 * inside such regions, lines that are only an address, and the second
 * copy of a line (the details written once for small screens and once
 * for large).  When the scorer chose a box away from the product's name
 * (the reviews, a rail of deals, a consent banner), the product's own box
 * around its name is taken, without its add-to-cart form.  The text a
 * product hides behind tabs or only in its JSON-LD is added by assemble
 * (assemble.h, product_text).  One pass over the element table, one over
 * the blocks.
 */
#include "pick/pick_parts.h"

#include "arena.h"
#include "blocks/blocks.h"
#include "limits.h"

#include <string.h>

/* Regions of a product page that are never the product's text. */
#define PRODUCT_CHROME_FLAGS                                                \
    (EF_NAV_TAG | EF_FOOTER_TAG | EF_RELATED | EF_SHARE |                   \
     EF_CONSENT | EF_DIALOG | EF_NAV_NAME)

/* A block this long whose words average more than this many characters
 * is not words: strings of identifiers a shop writes to hide a
 * "sponsored" label from blockers, hashes, encoded data. */
#define NOT_WORDS_MIN_CHARS 100
#define NOT_WORDS_MEAN_WORD 24

/* The product's column is looked for only when the chosen text is short
 * (a spec table, one tab: longer is the product's description, and the
 * column around it holds reviews and rails), and taken when it holds at
 * most this many times the chosen text: more is the whole page. */
#define PRODUCT_COLUMN_MAX_CHOSEN 1200
#define PRODUCT_COLUMN_GROWTH 4

/* A shop writes its details twice, for small and for large screens, and
 * shows one; a line this long that repeats one kept above is that copy.
 * Shorter lines repeat in any spec table ("Yes", "Black"). */
#define PRODUCT_REPEAT_MIN_CHARS 10

/* A block that is one URL or one site path ("/men/t-shirts/") and
 * nothing else: a theme's leaked settings ("cat_thumb: https://..."), an
 * image address. */
static int
bare_url(const struct blocks *bs, const struct block *b)
{
    const char *t = block_text(bs, b);
    size_t n = b->text_len;
    while (n && (*t == ' ' || *t == '\n'))
        t++, n--;
    int path = n >= 3 && t[0] == '/' && t[1] != '/' &&
               memchr(t + 1, '/', n - 1) != NULL;
    if (!path &&
        (n < 8 || (strncmp(t, "http://", 7) && strncmp(t, "https://", 8))))
        return 0;
    return memchr(t, ' ', n) == NULL && memchr(t, '\n', n) == NULL;
}

/* A short label ending in a colon ("cat_thumb_Navy:"): when what it
 * labels is a bare address, the pair is a leaked setting. */
#define LABEL_MAX_CHARS 60

static int
label_line(const struct blocks *bs, const struct block *b)
{
    const char *t = block_text(bs, b);
    size_t n = b->text_len;
    while (n && (t[n - 1] == ' ' || t[n - 1] == '\n'))
        n--;
    return n && b->chars <= LABEL_MAX_CHARS && t[n - 1] == ':';
}

/* A long block of few, very long "words". */
static int
not_words(const struct blocks *bs, const struct block *b)
{
    if (b->text_len < NOT_WORDS_MIN_CHARS)
        return 0;
    const char *t = block_text(bs, b);
    size_t words = 0;
    for (size_t k = 0; k < b->text_len; k++)
        if (t[k] != ' ' && t[k] != '\n' &&
            (k == 0 || t[k - 1] == ' ' || t[k - 1] == '\n'))
            words++;
    return words * NOT_WORDS_MEAN_WORD < b->text_len;
}

/* The product's name: the page's first <h1> outside the chrome, or -1. */
static int
name_block(const struct blocks *bs, const uint32_t *inherited)
{
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        if (b->kind == BK_HEADING && b->level == 1 && b->chars &&
            !(inherited[b->elem] & PRODUCT_CHROME_FLAGS))
            return i;
    }
    return -1;
}

/* The product's column: the nearest element around both the chosen
 * container and the product's name, when the scorer chose a short
 * container beside the name (a spec table, one tab) and the column is
 * not the whole page.  -1 when there is none to widen to. */
static int
product_column(const struct blocks *bs, const struct score_result *sc,
               const uint8_t *around, int h1)
{
    if (h1 < 0 || sc->main_elem < 0 || sc->keep[h1] ||
        sc->kept_chars > PRODUCT_COLUMN_MAX_CHOSEN)
        return -1;
    int e = bs->blocks[h1].elem;
    for (int d = 0; e >= 0 && !around[e] && d <= PITH_MAX_DEPTH; d++)
        e = bs->elems[e].parent;
    if (e < 0 || !around[e] || e == bs->body_elem || e == 0)
        return -1;
    const struct elem *col = &bs->elems[e];
    if (col->chars > PRODUCT_COLUMN_GROWTH * (sc->kept_chars + 200))
        return -1;
    return e;
}

/* Regions that end the product's own box: a box that holds one of them
 * holds the page around the product too. */
#define NAME_BOX_STOP_FLAGS                                                 \
    (EF_NAV_TAG | EF_FOOTER_TAG | EF_RELATED | EF_COMMENTS | EF_NAV_NAME)

/* Is block i inside element e? */
static int
inside(const struct blocks *bs, int i, int e)
{
    int k = bs->blocks[i].elem;
    for (int d = 0; k >= 0 && d <= PITH_MAX_DEPTH; d++) {
        if (k == e)
            return 1;
        k = bs->elems[k].parent;
    }
    return 0;
}

/* The product's own box: the largest element around its name (block h1)
 * that holds no menu, footer, related rail or reviews.  -1 when the name
 * stands alone, -2 when out of memory. */
static int
name_box(struct arena *a, const struct blocks *bs, int h1)
{
    /* The flags of each element and of everything inside it: children
     * come after their parent in the table. */
    uint32_t *within = arena_calloc(a, (size_t)bs->n_elems + 1,
                                    sizeof *within);
    if (!within)
        return -2;
    for (int i = bs->n_elems - 1; i >= 0; i--) {
        within[i] |= bs->elems[i].flags;
        int p = bs->elems[i].parent;
        if (p >= 0 && p < i)
            within[p] |= within[i];
    }
    int e = bs->blocks[h1].elem;
    if (e < 0 || (within[e] & NAME_BOX_STOP_FLAGS))
        return -1;
    for (int d = 0; d <= PITH_MAX_DEPTH; d++) {
        int p = bs->elems[e].parent;
        if (p < 0 || p == bs->body_elem || p == 0 ||
            (within[p] & NAME_BOX_STOP_FLAGS))
            break;
        e = p;
    }
    return e;
}

/* Keeps the blocks of element col that are not mostly links nor inside
 * an element flagged skip (after inherited), and makes col the chosen
 * container. */
static void
widen_to(const struct blocks *bs, int col, struct score_result *sc,
         const char *why, const uint32_t *inherited, uint32_t skip)
{
    const struct elem *c = &bs->elems[col];
    for (int i = c->first_block; i < c->end_block; i++) {
        const struct block *b = &bs->blocks[i];
        if (sc->keep[i] || b->link_chars * 2 > b->chars ||
            (b->elem >= 0 && (inherited[b->elem] & skip)))
            continue;
        sc->keep[i] = 1;
        sc->selected[i] = 1;
        sc->reason[i] = why;
    }
    sc->main_elem = col;
    refine_blocks(bs, REFINE_BALANCED, sc->keep, sc->reason);
}

int
pick_product(struct arena *a, const struct pick_input *in,
             struct score_result *sc)
{
    const struct blocks *bs = in->bs;
    /* Flags of each element and of all its ancestors: parents come
     * first in document order. */
    uint32_t *inherited = arena_calloc(a, (size_t)bs->n_elems + 1,
                                       sizeof *inherited);
    if (!inherited)
        return -1;
    /* The chosen container and its ancestors count only as the tags
     * they are (a <footer>, a <nav>): their class names are often a
     * theme's whole vocabulary ("has-related-products", "header-top")
     * and would clear the product with the chrome. */
    uint8_t *around = arena_calloc(a, (size_t)bs->n_elems + 1, 1);
    if (!around)
        return -1;
    for (int e = sc->main_elem, d = 0;
         e >= 0 && e < bs->n_elems && d <= PITH_MAX_DEPTH;
         e = bs->elems[e].parent, d++)
        around[e] = 1;
    for (int i = 0; i < bs->n_elems; i++) {
        int p = bs->elems[i].parent;
        uint32_t own = bs->elems[i].flags;
        if (around[i])
            own &= EF_FOOTER_TAG | EF_NAV_TAG;
        inherited[i] = own | (p >= 0 && p < i ? inherited[p] : 0);
    }
    int h1 = name_block(bs, inherited);
    int col = product_column(bs, sc, around, h1);
    if (col >= 0) {
        widen_to(bs, col, sc, "product: in the product's column", inherited,
                 0);
    } else if (h1 >= 0 && !sc->keep[h1] && !inside(bs, h1, sc->main_elem)) {
        /* The scorer chose a box away from the product (its reviews, a
         * rail of deals, a consent banner): the product's own box is
         * the text. */
        int box = name_box(a, bs, h1);
        if (box == -2)
            return -1;
        if (box >= 0 && bs->elems[box].chars > sc->kept_chars)
            widen_to(bs, box, sc, "product: in the box of the product's name",
                     inherited, EF_FORM_TAG);
    }
    for (int i = 0; i < bs->n_blocks; i++) {
        if (!sc->keep[i])
            continue;
        const struct block *b = &bs->blocks[i];
        const char *why = NULL;
        if (b->elem >= 0 && (inherited[b->elem] & PRODUCT_CHROME_FLAGS))
            why = "product: inside navigation, footer or a related rail";
        else if (bare_url(bs, b))
            why = "product: a bare address";
        else if (not_words(bs, b))
            why = "product: not words (identifiers, encoded data)";
        if (why) {
            sc->keep[i] = 0;
            sc->reason[i] = why;
            /* Its label: the nearest block before it, when kept. */
            if (i > 0 && sc->keep[i - 1] && bare_url(bs, b) &&
                label_line(bs, &bs->blocks[i - 1])) {
                sc->keep[i - 1] = 0;
                sc->reason[i - 1] = "product: the label of a bare address";
            }
        }
    }
    if (pick_drop_repeats(a, bs, 0, bs->n_blocks, PRODUCT_REPEAT_MIN_CHARS,
                          sc))
        return -1;
    pick_recount(bs, sc);
    return 0;
}
