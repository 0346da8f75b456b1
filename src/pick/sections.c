/*
 * A service page: every section of its main column.
 *
 * A product's or a company's landing page is a stack of sections (hero,
 * features, how it works, pricing, testimonials, FAQ, a last call to
 * action), each a box of its own with a heading and short texts.  The
 * scorer finds the one box with the most prose, and its cleaning takes
 * out what an article's region should not hold: boxes of cards, boxes
 * named "banner" or "promo", accordions whose buttons count as inputs.
 * Here the choice is the whole main column (column.h) without its
 * chrome, and single blocks go only for being links (a menu, a button's
 * label, the heading of a list of links), for repeating a block above
 * (a carousel written twice) or for being the site's small print.
 */
#include "pick/pick_parts.h"

#include "arena.h"
#include "blocks/blocks.h"
#include "pick/column.h"
#include "refine/refine.h"

#include <string.h>
#include <strings.h>

/* A linked block this long is a paragraph with links in it (a
 * testimonial, an answer), not a menu item or a button. */
#define LINKED_PROSE_CHARS 80
/* A linked line this long inside a card that is one link is its blurb. */
#define CARD_TEXT_CHARS 25
/* Links lost under a heading that make it the heading of a list. */
#define LINK_LIST_MIN_ITEMS 2
/* Short lines repeat in any page ("Features", "Pricing"); a repeated
 * sentence is a copy. */
#define REPEAT_MIN_CHARS 20
/* When the scorer's choice already holds this share of what the column
 * keeps and its markup says article (an <article>, a box named as an
 * article's body), the page is one body of text taken for a service
 * page, and the rest of the column is what surrounds it: related links,
 * comments, boxes of the site.  A landing page's largest section often
 * holds as much, and the rest of the column is its hero and its other
 * sections. */
#define SCORER_SHARE 0.8
/* Notices about cookies and copyright lines are short. */
#define NOTICE_MAX_CHARS 200

/* The reason for a block dropped as links, compared by address. */
static const char LINK_LABEL[] = "link or button label";

/* The text of a card that is one link (a box inside an <a>: its title
 * and its blurb), long enough to say something: not a count, not a
 * button's label. */
static int
card_text(const struct blocks *bs, const struct block *b)
{
    return b->chars >= CARD_TEXT_CHARS && b->kind != BK_LI &&
           (bs->elems[b->elem].flags & EF_LINK_WRAP);
}

static const char *
block_verdict(const struct blocks *bs, const struct block *b)
{
    const char *t = block_text(bs, b);
    /* Mostly links: a menu, a list of links, a button's label.  A
     * heading stays: a feature card's linked title, a section's; so does
     * a row of a data table, whose first cell may link to a definition
     * (a pricing table's feature names) without the row being a menu. */
    if (b->kind != BK_HEADING && b->kind != BK_PRE && b->kind != BK_ROW &&
        2 * b->link_chars >= b->chars &&
        (b->chars < LINKED_PROSE_CHARS || b->kind == BK_LI) &&
        !card_text(bs, b))
        return LINK_LABEL;
    if (b->chars < NOTICE_MAX_CHARS &&
        (strcasestr(t, "cookie") || strstr(t, "\xC2\xA9") ||
         !strncasecmp(t, "copyright", 9)))
        return "cookie notice or copyright line";
    if (b->kind != BK_ROW && refine_ticker(t, b->text_len))
        return "ticker";
    return NULL;
}

/* A heading whose section keeps nothing but a list of links (a box of
 * further reading, a column of a footer's menu) headed that list.  One
 * button after a heading is a call to action, whose heading is the
 * page's last word.  From the end back, so that a heading goes only when
 * nothing it heads stays: content[l] says whether the section of level l
 * open at this point keeps anything, links[l] how many links it lost. */
static void
drop_link_list_heads(const struct blocks *bs, int from, int to,
                     struct score_result *sc)
{
    uint8_t content[8] = {0};
    int links[8] = {0};
    for (int i = to - 1; i >= from; i--) {
        const struct block *b = &bs->blocks[i];
        /* A linked heading is a card's title: content of its own. */
        if (b->kind != BK_HEADING || block_prose_heading(bs, b) ||
            2 * b->link_chars > b->chars) {
            if (sc->keep[i])
                memset(content, 1, sizeof content);
            else if (sc->reason[i] == LINK_LABEL)
                for (int l = 0; l < 8; l++)
                    links[l]++;
            continue;
        }
        int level = b->level >= 1 && b->level <= 6 ? b->level : 6;
        if (sc->keep[i] && !content[level] &&
            links[level] >= LINK_LIST_MIN_ITEMS) {
            sc->keep[i] = 0;
            sc->reason[i] = "heading of a list of links";
        }
        for (int l = level; l < 8; l++) {
            content[l] = 0;
            links[l] = 0;
        }
        if (sc->keep[i])
            memset(content, 1, (size_t)level);
    }
}

/* Whether the scorer's container is an article by its markup: an
 * <article>, or a box named as an article's body, or inside one. */
static int
marked_article(const struct blocks *bs, int e)
{
    for (; e >= 0; e = bs->elems[e].parent)
        if (bs->elems[e].flags & (EF_ARTICLE_TAG | EF_ARTICLE_BODY))
            return 1;
    return 0;
}

int
pick_sections(struct arena *a, const struct pick_input *in,
              struct score_result *sc)
{
    const struct blocks *bs = in->bs;
    int chosen = sc->main_elem;
    int column = column_find(bs, chosen);
    if (column < 0)
        return 0;
    uint8_t *chrome = arena_calloc(a, (size_t)bs->n_elems + 1, 1);
    if (!chrome)
        return -1;
    column_chrome(bs, column, chrome);
    /* The scorer's choice, to go back to when the column keeps less
     * than half of it (the column was misread: a page inside one box
     * named like chrome) or, for a marked article, little more
     * (SCORER_SHARE). */
    size_t nb = (size_t)bs->n_blocks, before = sc->kept_chars;
    uint8_t *keep0 = arena_alloc(a, nb + 1);
    uint8_t *selected0 = arena_alloc(a, nb + 1);
    const char **reason0 = arena_alloc(a, (nb + 1) * sizeof *reason0);
    if (!keep0 || !selected0 || !reason0)
        return -1;
    memcpy(keep0, sc->keep, nb);
    memcpy(selected0, sc->selected, nb);
    memcpy(reason0, sc->reason, nb * sizeof *reason0);
    const struct elem *col = &bs->elems[column];
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        int inside = i >= col->first_block && i < col->end_block;
        sc->selected[i] = (uint8_t)(inside && !chrome[b->elem]);
        if (!inside) {
            if (sc->keep[i]) {
                sc->keep[i] = 0;
                sc->reason[i] = "outside the main column";
            }
            continue;
        }
        if (chrome[b->elem]) {
            sc->keep[i] = 0;
            sc->reason[i] = "chrome of the page";
            continue;
        }
        /* The heading that repeats the title stays: it is the page's
         * hero, and a landing page's text starts with it. */
        const char *why = block_verdict(bs, b);
        sc->keep[i] = !why;
        sc->reason[i] = why ? why : "section of the main column";
    }
    drop_link_list_heads(bs, col->first_block, col->end_block, sc);
    if (pick_drop_repeats(a, bs, col->first_block, col->end_block,
                          REPEAT_MIN_CHARS, sc))
        return -1;
    pick_recount(bs, sc);
    if (2 * sc->kept_chars < before ||
        ((double)before >= SCORER_SHARE * (double)sc->kept_chars &&
         marked_article(bs, chosen))) {
        memcpy(sc->keep, keep0, nb);
        memcpy(sc->selected, selected0, nb);
        memcpy(sc->reason, reason0, nb * sizeof *reason0);
        sc->kept_chars = before;
        return 0;
    }
    sc->main_elem = column;
    return 0;
}
