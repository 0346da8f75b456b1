/*
 * pick_cards() (src/pick/cards.c) and repeats_find() (src/pick/repeats.c)
 * on made-up block tables: a listing whose scorer kept one card gets
 * every card, the heading and the intro, and loses the menu and the
 * cards' "Read more"; a card written twice inside is read once; a grid
 * inside one of a few heavier sections is the grid; a definition list's
 * terms come with their descriptions; a grid in columns alike is kept
 * whole; an article beside three related teasers stays as the scorer
 * left it.
 */
#include "harness.h"

#include "block_table.h"

#include "arena.h"
#include "blocks/blocks.h"
#include "pick/pick_parts.h"
#include "pick/repeats.h"

#include <gumbo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_ELEMS 256
#define MAX_BLOCKS 256

struct table {
    struct elem elems[MAX_ELEMS];
    struct block blocks[MAX_BLOCKS];
    char text[32768];
    size_t text_len;
    struct blocks bs;
    uint8_t keep[MAX_BLOCKS], selected[MAX_BLOCKS];
    const char *reason[MAX_BLOCKS];
    struct score_result sc;
};

#define ALL -1

static void
start(struct table *t)
{
    memset(t, 0, sizeof *t);
    t->bs.elems = t->elems;
    t->bs.blocks = t->blocks;
    t->bs.text = t->text;
    t->elems[0].parent = -1;
    t->elems[0].tag = GUMBO_TAG_BODY;
    t->bs.n_elems = 1;
}

static int
elem(struct table *t, int parent, GumboTag tag, uint32_t flags,
     uint32_t class_hash)
{
    int i = t->bs.n_elems++;
    if (i >= MAX_ELEMS) {
        fprintf(stderr, "test table: more than %d elements\n", MAX_ELEMS);
        exit(1);
    }
    struct elem *e = &t->elems[i];
    e->parent = parent;
    e->tag = (uint16_t)tag;
    e->flags = flags;
    e->class_hash = class_hash;
    e->depth = (uint16_t)(t->elems[parent].depth + 1);
    return i;
}

static int
block_of(struct table *t, int e, enum block_kind kind, int level,
         const char *text, int link_chars)
{
    int i = t->bs.n_blocks++;
    if (i >= MAX_BLOCKS) {
        fprintf(stderr, "test table: more than %d blocks\n", MAX_BLOCKS);
        exit(1);
    }
    struct block *b = &t->blocks[i];
    size_t len = strlen(text);
    b->elem = e;
    b->kind = (uint8_t)kind;
    b->level = (uint8_t)level;
    b->text_off = (uint32_t)t->text_len;
    b->text_len = (uint32_t)len;
    memcpy(t->text + t->text_len, text, len + 1);
    t->text_len += len + 1;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == ' ' || (*p & 0xC0) == 0x80)
            continue;
        b->chars++;
        b->stops += *p == '.' || *p == '!' || *p == '?';
    }
    b->link_chars = link_chars == ALL ? b->chars : (uint32_t)link_chars;
    b->n_links = b->link_chars ? 1 : 0;
    return i;
}

static int
add(struct table *t, int parent, GumboTag tag, enum block_kind kind,
    int level, const char *text, int link_chars)
{
    return block_of(t, elem(t, parent, tag, 0, 0), kind, level, text,
                    link_chars);
}

/* A card: a linked title, a teaser and a "Read more" link. */
static int
card(struct table *t, int grid, const char *title, const char *teaser)
{
    int c = elem(t, grid, GUMBO_TAG_DIV, 0, 0xCA4D);
    add(t, c, GUMBO_TAG_H2, BK_HEADING, 2, title, ALL);
    add(t, c, GUMBO_TAG_P, BK_PARA, 0, teaser, 0);
    return add(t, c, GUMBO_TAG_P, BK_PARA, 0, "Read more", ALL);
}

/* Ranges and sums, the scorer's choice (blocks [from, to) kept), then
 * pick_cards() for kind. */
static int
run(struct table *t, int from, int to, enum page_kind kind)
{
    block_table_ranges(&t->bs);
    t->bs.text_len = t->text_len;
    for (int b = 0; b < t->bs.n_blocks; b++) {
        t->keep[b] = t->selected[b] = b >= from && b < to;
        t->reason[b] = t->keep[b] ? "main content" : "outside";
    }
    t->sc = (struct score_result){t->keep, t->selected, t->reason, NULL,
                                  NULL, -1, 0};
    pick_recount(&t->bs, &t->sc);
    struct arena a;
    arena_init(&a);
    struct pick_input in = {&t->bs, NULL, kind, SCORE_BALANCED};
    int rc = pick_cards(&a, &in, &t->sc);
    arena_free(&a);
    return rc;
}

#define TEASER "A short walk through the week's news, with pictures."

static void
test_listing_keeps_every_card(void)
{
    struct table t;
    start(&t);
    int nav = elem(&t, 0, GUMBO_TAG_NAV, EF_NAV_TAG, 0);
    int menu = elem(&t, nav, GUMBO_TAG_UL, EF_LIST, 0);
    int m0 = add(&t, menu, GUMBO_TAG_LI, BK_LI, 1, "Home page link", ALL);
    add(&t, menu, GUMBO_TAG_LI, BK_LI, 1, "All the news today", ALL);
    add(&t, menu, GUMBO_TAG_LI, BK_LI, 1, "Contact the editors", ALL);
    add(&t, menu, GUMBO_TAG_LI, BK_LI, 1, "About this website", ALL);
    int main_ = elem(&t, 0, GUMBO_TAG_MAIN, EF_MAIN_TAG, 0);
    int h1 = add(&t, main_, GUMBO_TAG_H1, BK_HEADING, 1, "The archive", 0);
    int intro = add(&t, main_, GUMBO_TAG_P, BK_PARA, 0,
                    "Every story we ran this year.", 0);
    int grid = elem(&t, main_, GUMBO_TAG_DIV, 0, 0x661D);
    int c0 = card(&t, grid, "Rain returns to the valley", TEASER) - 2;
    card(&t, grid, "The bridge opens at last", TEASER " One.");
    card(&t, grid, "A new mayor for the town", TEASER " Two.");
    int last = card(&t, grid, "Schools close for the summer", TEASER " 3.");
    /* The scorer kept the first card only. */
    EQ_INT(run(&t, c0, c0 + 3, KIND_LISTING), 0, "pick_cards");
    EQ_INT(t.keep[h1], 1, "the page's heading");
    EQ_INT(t.keep[intro], 1, "the intro");
    for (int c = 0; c < 4; c++) {
        EQ_INT(t.keep[c0 + 3 * c], 1, "a card's linked title");
        EQ_INT(t.keep[c0 + 3 * c + 1], 1, "a card's teaser");
        EQ_INT(t.keep[c0 + 3 * c + 2], 0, "a card's \"Read more\"");
    }
    EQ_INT(t.keep[last], 0, "the last \"Read more\"");
    EQ_INT(t.keep[m0], 0, "the menu");
    EQ_INT(t.sc.main_elem, grid, "the grid is the main element");
    OK(t.sc.kept_chars > 200, "kept %zu characters", t.sc.kept_chars);
}

#define PROSE "The council approved the new budget on Tuesday, after a " \
    "debate that lasted, by most accounts, well into the evening and " \
    "beyond it."

static void
test_article_beside_teasers_stays(void)
{
    struct table t;
    start(&t);
    int art = elem(&t, 0, GUMBO_TAG_ARTICLE, EF_ARTICLE_TAG, 0);
    int h1 = add(&t, art, GUMBO_TAG_H1, BK_HEADING, 1, "Budget passes", 0);
    for (int i = 0; i < 4; i++)
        add(&t, art, GUMBO_TAG_P, BK_PARA, 0, PROSE, 0);
    int end = t.bs.n_blocks;
    int related = elem(&t, 0, GUMBO_TAG_DIV, 0, 0x4E1A);
    int c0 = card(&t, related, "Rain returns to the valley", TEASER) - 2;
    card(&t, related, "The bridge opens at last", TEASER " One.");
    card(&t, related, "A new mayor for the town", TEASER " Two.");
    EQ_INT(run(&t, h1, end, KIND_LISTING), 0, "pick_cards");
    for (int b = h1; b < end; b++)
        EQ_INT(t.keep[b], 1, "the article");
    for (int b = c0; b < t.bs.n_blocks; b++)
        EQ_INT(t.keep[b], 0, "a related teaser");
}

/* A box named like comments ("page_app_reviews") around the page's
 * <h1> and a list of reviews is the page, not its comments: the cards
 * under it are kept.  Under a comments box without the <h1>, they
 * stay out. */
static void
test_comment_named_box_with_h1(void)
{
    for (int with_h1 = 0; with_h1 < 2; with_h1++) {
        struct table t;
        start(&t);
        int head = elem(&t, 0, GUMBO_TAG_DIV, 0, 0);
        int out = add(&t, head, GUMBO_TAG_H1, BK_HEADING, 1,
                      "Reviews of the week", 0);
        int box = elem(&t, 0, GUMBO_TAG_DIV, EF_COMMENTS, 0);
        int in = add(&t, box, with_h1 ? GUMBO_TAG_H1 : GUMBO_TAG_P,
                     with_h1 ? BK_HEADING : BK_PARA, with_h1,
                     "App reviews", 0);
        int grid = elem(&t, box, GUMBO_TAG_DIV, 0, 0x661D);
        int c0 = card(&t, grid, "A calendar that plans for you", TEASER) - 2;
        card(&t, grid, "The budget app worth paying for", TEASER " One.");
        card(&t, grid, "Five photo editors compared", TEASER " Two.");
        card(&t, grid, "A weather app with no adverts", TEASER " 3.");
        (void)out;
        EQ_INT(run(&t, in, in + 1, KIND_LISTING), 0, "pick_cards");
        for (int c = 0; c < 4; c++)
            EQ_INT(t.keep[c0 + 3 * c + 1], with_h1,
                   with_h1 ? "a review's teaser under the <h1>'s box"
                           : "a teaser in a comment section");
    }
}

/* A card written twice inside (for small and large screens) is read
 * once; a short label each of its entries carries stays. */
static void
test_card_written_twice(void)
{
    struct table t;
    start(&t);
    int main_ = elem(&t, 0, GUMBO_TAG_MAIN, EF_MAIN_TAG, 0);
    int grid = elem(&t, main_, GUMBO_TAG_UL, EF_LIST, 0);
    const char *titles[] = {"Rain returns to the valley",
                            "The bridge opens at last",
                            "A new mayor for the town",
                            "Schools close for the summer"};
    int first[4], again[4], label[4];
    for (int c = 0; c < 4; c++) {
        int li = elem(&t, grid, GUMBO_TAG_LI, 0, 0xCA4D);
        first[c] = add(&t, li, GUMBO_TAG_H3, BK_HEADING, 3, titles[c], ALL);
        add(&t, li, GUMBO_TAG_P, BK_PARA, 0, "New", 0);
        add(&t, li, GUMBO_TAG_P, BK_PARA, 0, TEASER, 0);
        again[c] = add(&t, li, GUMBO_TAG_P, BK_PARA, 0, titles[c], ALL);
        label[c] = add(&t, li, GUMBO_TAG_P, BK_PARA, 0, "New", 0);
    }
    EQ_INT(run(&t, first[0], first[0] + 1, KIND_LISTING), 0, "pick_cards");
    for (int c = 0; c < 4; c++) {
        EQ_INT(t.keep[first[c]], 1, "a card's title");
        EQ_INT(t.keep[again[c]], 0, "the card's title written again");
        EQ_INT(t.keep[label[c]], 1, "a short label, again");
    }
}

/* The page's few sections are alike too (each a box with some links),
 * and heavier than the grid inside one of them: the grid, with many
 * more cards, is the one, and the prose of the other sections is no
 * card. */
static void
test_grid_inside_sections(void)
{
    struct table t;
    start(&t);
    int main_ = elem(&t, 0, GUMBO_TAG_MAIN, EF_MAIN_TAG, 0);
    int sections[2];
    for (int k = 0; k < 2; k++) {
        sections[k] = elem(&t, main_, GUMBO_TAG_DIV, 0, 0x5EC0 + k);
        for (int i = 0; i < 5; i++)
            add(&t, sections[k], GUMBO_TAG_P, BK_PARA, 0, PROSE, 0);
        add(&t, sections[k], GUMBO_TAG_P, BK_PARA, 0, "See all stores", ALL);
    }
    int box = elem(&t, main_, GUMBO_TAG_DIV, 0, 0x5EC2);
    int grid = elem(&t, box, GUMBO_TAG_UL, EF_LIST, 0);
    static const char *const titles[] = {
        "Oak stand", "Copper pitcher", "Stoneware dripper", "Glass carafe",
        "Hand grinder", "Gooseneck kettle", "Paper filters", "Canister",
        "Tasting spoons", "Linen towel", "Walnut tamper", "Brew scale"};
    int c0 = card(&t, grid, titles[0], TEASER) - 2;
    for (int c = 1; c < 12; c++)
        card(&t, grid, titles[c], TEASER);
    EQ_INT(run(&t, c0, c0 + 1, KIND_COLLECTION), 0, "pick_cards");
    EQ_INT(t.sc.main_elem, grid, "the grid is the main element");
    for (int c = 0; c < 12; c++)
        EQ_INT(t.keep[c0 + 3 * c], 1, "a card's title");
    EQ_INT(t.keep[t.elems[sections[0]].first_block], 0, "a section's prose");
}

/* A definition list's cards are pairs: each term (<dt>, the linked
 * title) with its description (<dd>), the last one's too. */
static void
test_definition_list_pairs(void)
{
    struct table t;
    start(&t);
    int main_ = elem(&t, 0, GUMBO_TAG_MAIN, EF_MAIN_TAG, 0);
    int dl = elem(&t, main_, GUMBO_TAG_DL, EF_LIST, 0);
    static const char *const titles[] = {
        "Rain returns to the valley", "The bridge opens at last",
        "A new mayor for the town", "Schools close for the summer"};
    int dt[4], dd[4];
    for (int c = 0; c < 4; c++) {
        dt[c] = add(&t, dl, GUMBO_TAG_DT, BK_PARA, 0, titles[c], ALL);
        dd[c] = add(&t, dl, GUMBO_TAG_DD, BK_PARA, 0, TEASER, 0);
    }
    EQ_INT(run(&t, dt[0], dt[0] + 1, KIND_LISTING), 0, "pick_cards");
    for (int c = 0; c < 4; c++) {
        EQ_INT(t.keep[dt[c]], 1, "a term");
        EQ_INT(t.keep[dd[c]], 1, "its description");
    }
}

/* The grid goes on in boxes alike beside its own (a column per
 * category, each a list of cards): every box's cards are kept, and the
 * heading between them. */
static void
test_grid_in_columns(void)
{
    struct table t;
    start(&t);
    int main_ = elem(&t, 0, GUMBO_TAG_MAIN, EF_MAIN_TAG, 0);
    static const char *const titles[] = {
        "Rain returns to the valley", "The bridge opens at last",
        "A new mayor for the town", "Schools close for the summer",
        "A ferry for the islands", "The library stays open late",
        "Cyclists get a new lane", "The market moves indoors"};
    int firsts[2], heads[2];
    for (int col = 0; col < 2; col++) {
        int box = elem(&t, main_, GUMBO_TAG_DIV, 0, 0xC01);
        heads[col] = add(&t, box, GUMBO_TAG_H2, BK_HEADING, 2,
                         col ? "Town" : "Weather", 0);
        int list = elem(&t, box, GUMBO_TAG_UL, EF_LIST, 0x11);
        firsts[col] = card(&t, list, titles[4 * col], TEASER) - 2;
        for (int c = 1; c < 4; c++)
            card(&t, list, titles[4 * col + c], TEASER);
    }
    EQ_INT(run(&t, firsts[0], firsts[0] + 1, KIND_LISTING), 0, "pick_cards");
    for (int col = 0; col < 2; col++)
        for (int c = 0; c < 4; c++) {
            EQ_INT(t.keep[firsts[col] + 3 * c], 1, "a card's title");
            EQ_INT(t.keep[firsts[col] + 3 * c + 1], 1, "a card's teaser");
        }
    EQ_INT(t.keep[heads[1]], 1, "the heading between the columns");
}

static void
test_repeats_find_groups(void)
{
    struct table t;
    start(&t);
    int list = elem(&t, 0, GUMBO_TAG_UL, EF_LIST, 0);
    for (int i = 0; i < 4; i++)
        add(&t, list, GUMBO_TAG_LI, BK_LI, 1, "An item of the list", ALL);
    /* Two classes of one tag: a group for the class that repeats and
     * one for the tag. */
    int grid = elem(&t, 0, GUMBO_TAG_DIV, 0, 0);
    for (int i = 0; i < 4; i++)
        block_of(&t, elem(&t, grid, GUMBO_TAG_DIV, 0, i ? 7 : 9),
                 BK_DIVTEXT, 0, "A product, $10", 0);
    block_table_ranges(&t.bs);
    struct arena a;
    arena_init(&a);
    struct repeat_group *gs;
    int ng;
    EQ_INT(repeats_find(&a, &t.bs, 3, &gs, &ng), 0, "repeats_find");
    int lis = 0, divs = 0, any = 0;
    for (int i = 0; i < ng; i++) {
        if (gs[i].parent == list && gs[i].tag == GUMBO_TAG_LI) {
            lis++;
            EQ_INT(gs[i].n, 4, "the list's items");
            EQ_INT(gs[i].n_linked, 4, "linked items");
        }
        if (gs[i].parent == grid) {
            divs++;
            any += gs[i].any_class;
            EQ_INT(gs[i].n, gs[i].any_class ? 4 : 3, "the grid's cards");
        }
    }
    EQ_INT(lis, 1, "one group for the list");
    EQ_INT(divs, 2, "two groups for the grid");
    EQ_INT(any, 1, "one of them by tag alone");
    arena_free(&a);
}

int
main(void)
{
    test_listing_keeps_every_card();
    test_article_beside_teasers_stays();
    test_comment_named_box_with_h1();
    test_card_written_twice();
    test_grid_inside_sections();
    test_definition_list_pairs();
    test_grid_in_columns();
    test_repeats_find_groups();
    return test_done();
}
