/*
 * pick_product() (src/pick/product.c) on a made-up block table: a
 * product's column whose kept blocks include strings of identifiers
 * (what a shop writes to hide a "sponsored" label from blockers) and bare
 * addresses with their labels, beside the product's name and description;
 * details written twice (for small and large screens); and a scorer that
 * chose the reviews, away from the product's own box.
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

static void
test_repeats(void)
{
    struct table t;
    start(&t);
    int col = elem(&t, 0, GUMBO_TAG_DIV, 0);
    int name = add(&t, col, GUMBO_TAG_H1, 0, BK_HEADING, "Linen apron", 0);
    t.blocks[name].level = 1;
    const char *text = "Washed linen, two pockets and a long tie. Made to "
                       "be worn every day in a busy kitchen.";
    /* The same box twice, for large screens and for small. */
    int para[2], value[2];
    for (int k = 0; k < 2; k++) {
        int box = elem(&t, col, GUMBO_TAG_DIV, 0);
        para[k] = add(&t, box, GUMBO_TAG_P, 0, BK_PARA, text, 0);
        value[k] = add(&t, box, GUMBO_TAG_DD, 0, BK_DIVTEXT, "Sand", 0);
    }
    run(&t, col);
    KEPT(&t, para[0], "the description");
    WENT(&t, para[1], "the description's second copy");
    for (int k = 0; k < 2; k++)
        KEPT(&t, value[k], "a short value, even twice (a spec table's)");
    EQ_INT((long)t.sc.kept_chars,
           (long)(t.blocks[name].chars + t.blocks[para[0]].chars +
                  2 * t.blocks[value[0]].chars),
           "kept_chars counts what is kept");
}

static void
test_name_box(void)
{
    struct table t;
    start(&t);
    int nav = elem(&t, 0, GUMBO_TAG_NAV, EF_NAV_TAG);
    int menu = add(&t, nav, GUMBO_TAG_A, 0, BK_DIVTEXT, "Kitchen", ALL);
    int main = elem(&t, 0, GUMBO_TAG_MAIN, EF_MAIN_TAG);
    int box = elem(&t, main, GUMBO_TAG_DIV, 0);
    int name = add(&t, box, GUMBO_TAG_H1, 0, BK_HEADING,
                   "Cast iron skillet, 26 cm", 0);
    t.blocks[name].level = 1;
    int desc = add(&t, box, GUMBO_TAG_P, 0, BK_PARA,
                   "Seasoned with oil before it leaves the foundry, the "
                   "skillet goes from the hob to the oven and browns, "
                   "sears and bakes. Its handle stays cool for a while.",
                   0);
    int spec = add(&t, box, GUMBO_TAG_LI, 0, BK_LI,
                   "Weight: 2.4 kg, diameter 26 cm", 0);
    int form = elem(&t, box, GUMBO_TAG_FORM, EF_FORM_TAG);
    int size = add(&t, form, GUMBO_TAG_LABEL, 0, BK_DIVTEXT,
                   "Select a size", 0);
    /* The reviews are the page's, beside its main: no element but the
     * body holds both them and the name. */
    int reviews = elem(&t, 0, GUMBO_TAG_DIV, EF_COMMENTS);
    add(&t, reviews, GUMBO_TAG_P, 0, BK_PARA,
        "Bought it for my son, he loves it and cooks with it every day. "
        "Heavy, but that is the point of it. Would buy again.",
        0);
    run(&t, reviews);
    KEPT(&t, name, "the product's name");
    KEPT(&t, desc, "the description beside the name");
    KEPT(&t, spec, "a specification beside the name");
    WENT(&t, size, "the add-to-cart form");
    WENT(&t, menu, "the menu");
    EQ_INT(t.sc.main_elem, main, "the product's box is the container");
}

int
main(void)
{
    test_not_words();
    test_repeats();
    test_name_box();
    return test_done();
}
