/*
 * pick_product() (src/pick/product.c) on a made-up block table: a
 * product's column whose kept blocks include strings of identifiers
 * (what a shop writes to hide a "sponsored" label from blockers) and bare
 * addresses with their labels, beside the product's name and description.
 */
#include "harness.h"

#include "block_table.h"

#define PICK_TABLE_KIND KIND_PRODUCT
#include "pick_table.h"

static void
test_not_words(void)
{
    struct table t;
    start(&t);
    int col = elem(&t, 0, GUMBO_TAG_DIV, 0);
    int name = add(&t, col, GUMBO_TAG_H1, 0, BK_HEADING,
                   "Brass chain for a motorcycle", 0);
    t.blocks[name].level = 1;
    int desc = add(&t, col, GUMBO_TAG_P, 0, BK_PARA,
                   "A chain of 104 links, gold finish, for bikes of 500 to "
                   "750 cc. Sold by a shop in Turin and shipped in a week.",
                   0);
    int ids = add(&t, col, GUMBO_TAG_DIV, 0, BK_DIVTEXT,
                  "Sf2f260c3-bf1f-466a-b856-6f031758a086p16207f0d-5442-4472-"
                  "ad51-162a45a841c3U58304ab9-e401-4091-b773-e7e337a260ad "
                  "49b6f0970-183c-42bd-adfd-fa9ba7274fa7o618e27c5-5975-4f3c",
                  0);
    int label = add(&t, col, GUMBO_TAG_DT, 0, BK_DIVTEXT,
                    "cat_thumb_Gold:", 0);
    int url = add(&t, col, GUMBO_TAG_DD, 0, BK_DIVTEXT,
                  "https://cdn.shop.example/img/chain-104.jpg", 0);
    int path = add(&t, col, GUMBO_TAG_DIV, 0, BK_DIVTEXT,
                   "/motorcycle/parts/chains/", 0);
    int spec = add(&t, col, GUMBO_TAG_DT, 0, BK_DIVTEXT, "Links:", 0);
    int value = add(&t, col, GUMBO_TAG_DD, 0, BK_DIVTEXT, "104", 0);
    run(&t, col);
    KEPT(&t, name, "the product's name");
    KEPT(&t, desc, "the description");
    WENT(&t, ids, "a block of identifiers");
    WENT(&t, url, "a bare address");
    WENT(&t, label, "the label of a bare address");
    WENT(&t, path, "a bare site path");
    KEPT(&t, spec, "a specification's label");
    KEPT(&t, value, "a specification's value");
}

int
main(void)
{
    test_not_words();
    return test_done();
}
