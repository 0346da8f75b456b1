/*
 * A product: its name, description and specifications.  The scorer's
 * container on a shop's page often takes in what surrounds the product
 * too: the site's footer or menus (when the product itself is built by
 * scripts, the footer's link lists are the densest text left), "customers
 * also viewed" rails, share and wishlist buttons, consent boxes, and the
 * review widget's own chrome.  This picker clears the kept blocks that sit
 * inside such regions, and lines that are only an address.  The text a
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

/* The product's column: the nearest element around both the chosen
 * container and the page's first <h1> (the product's name), when the
 * scorer chose a short container beside the name (a spec table, one tab)
 * and the column is not the whole page.  -1 when there is none to widen
 * to. */
static int
product_column(const struct blocks *bs, const struct score_result *sc,
               const uint8_t *around, const uint32_t *inherited)
{
    int h1 = -1;
    for (int i = 0; i < bs->n_blocks && h1 < 0; i++) {
        const struct block *b = &bs->blocks[i];
        if (b->kind == BK_HEADING && b->level == 1 && b->chars &&
            !(inherited[b->elem] & PRODUCT_CHROME_FLAGS))
            h1 = i;
    }
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
    int changed = 0;
    int col = product_column(bs, sc, around, inherited);
    if (col >= 0) {
        const struct elem *c = &bs->elems[col];
        for (int i = c->first_block; i < c->end_block; i++) {
            const struct block *b = &bs->blocks[i];
            if (sc->keep[i] || b->link_chars * 2 > b->chars)
                continue;
            sc->keep[i] = 1;
            sc->selected[i] = 1;
            sc->reason[i] = "product: in the product's column";
        }
        sc->main_elem = col;
        refine_blocks(bs, REFINE_BALANCED, sc->keep, sc->reason);
        changed = 1;
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
            changed = 1;
            /* Its label: the nearest block before it, when kept. */
            if (i > 0 && sc->keep[i - 1] && bare_url(bs, b) &&
                label_line(bs, &bs->blocks[i - 1])) {
                sc->keep[i - 1] = 0;
                sc->reason[i - 1] = "product: the label of a bare address";
            }
        }
    }
    if (changed)
        pick_recount(bs, sc);
    return 0;
}
