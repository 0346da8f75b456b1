/*
 * pick_sections() (src/pick/sections.c) and the main column
 * (src/pick/column.c) on made-up block tables: a landing page of
 * sections between a site header and a footer, the scorer having chosen
 * one section; the same page inside a <main>; an article whose body the
 * scorer already holds.
 */
#include "harness.h"

#include "block_table.h"

#include "pick/column.h"

#define PICK_TABLE_KIND KIND_SERVICE
#include "pick_table.h"

/* A landing page: header, hero, features, pricing, a box of links, a
 * call to action, footer; parent is body or a <main>. */
struct page {
    int nav1, nav2, hero_h, hero_p, button, feat_h, card1_h, card1_p,
        card2_h, card2_p, price_h, price_p, faq_q, faq_a, links_h, link1,
        link2, link3, cta_h, cta_button, copy, cookie, card_blurb;
    int hero, footer;
};

static void
landing(struct table *t, int parent, struct page *p)
{
    int header = elem(t, 0, GUMBO_TAG_HEADER, EF_HEADER_TAG);
    int nav = elem(t, header, GUMBO_TAG_UL, EF_LIST);
    p->nav1 = add(t, nav, GUMBO_TAG_LI, 0, BK_LI, "Pricing", ALL);
    p->nav2 = add(t, nav, GUMBO_TAG_LI, 0, BK_LI, "Customers", ALL);
    int hero = elem(t, parent, GUMBO_TAG_SECTION, 0);
    p->hero = hero;
    p->hero_h = add(t, hero, GUMBO_TAG_H1, 0, BK_HEADING,
                    "Ship faster with Acme", 0);
    p->hero_p = add(t, hero, GUMBO_TAG_P, 0, BK_PARA,
                    "Acme builds, tests and deploys your code, so that "
                    "your team can spend its days on the product and not "
                    "on the pipeline that carries it.", 0);
    p->button = add(t, hero, GUMBO_TAG_DIV, 0, BK_DIVTEXT, "Get started",
                    ALL);
    /* Features: a box named like boilerplate ("banner"), cards. */
    int feat = elem(t, parent, GUMBO_TAG_SECTION, EF_UNLIKELY);
    p->feat_h = add(t, feat, GUMBO_TAG_H2, 0, BK_HEADING, "Features", 0);
    int card1 = elem(t, feat, GUMBO_TAG_DIV, 0);
    p->card1_h = add(t, card1, GUMBO_TAG_H3, 0, BK_HEADING, "Pipelines",
                     ALL);
    p->card1_p = add(t, card1, GUMBO_TAG_P, 0, BK_PARA,
                     "Every commit built in minutes and tested on each "
                     "platform you support.", 0);
    int card2 = elem(t, feat, GUMBO_TAG_DIV, 0);
    p->card2_h = add(t, card2, GUMBO_TAG_H3, 0, BK_HEADING, "Previews",
                     ALL);
    p->card2_p = add(t, card2, GUMBO_TAG_P, 0, BK_PARA,
                     "A live site for every branch, with a link to share "
                     "with the team.", 0);
    /* A card that is one link: its blurb is linked too. */
    int link_card = elem(t, feat, GUMBO_TAG_A, 0);
    p->card_blurb = add(t, link_card, GUMBO_TAG_P, EF_LINK_WRAP, BK_PARA,
                        "Rollbacks in one click, any time.", ALL);
    int price = elem(t, parent, GUMBO_TAG_SECTION, 0);
    p->price_h = add(t, price, GUMBO_TAG_H2, 0, BK_HEADING, "Pro", 0);
    p->price_p = add(t, price, GUMBO_TAG_P, 0, BK_PARA, "$20 per month", 0);
    int faq = elem(t, parent, GUMBO_TAG_SECTION, 0);
    p->faq_q = add(t, faq, GUMBO_TAG_H3, 0, BK_HEADING,
                   "Can I cancel at any time?", 0);
    p->faq_a = add(t, faq, GUMBO_TAG_P, 0, BK_PARA,
                   "Yes. Plans are billed monthly and end when you say.",
                   0);
    int links = elem(t, parent, GUMBO_TAG_SECTION, 0);
    p->links_h = add(t, links, GUMBO_TAG_H2, 0, BK_HEADING, "Resources", 0);
    int ul = elem(t, links, GUMBO_TAG_UL, EF_LIST);
    p->link1 = add(t, ul, GUMBO_TAG_LI, 0, BK_LI, "Documentation", ALL);
    p->link2 = add(t, ul, GUMBO_TAG_LI, 0, BK_LI, "Blog", ALL);
    p->link3 = add(t, ul, GUMBO_TAG_LI, 0, BK_LI, "Status", ALL);
    int cta = elem(t, parent, GUMBO_TAG_SECTION, 0);
    p->cta_h = add(t, cta, GUMBO_TAG_H2, 0, BK_HEADING,
                   "Ready when you are", 0);
    p->cta_button = add(t, cta, GUMBO_TAG_DIV, 0, BK_DIVTEXT,
                        "Start free trial", ALL);
    p->cookie = add(t, parent, GUMBO_TAG_P, 0, BK_PARA,
                    "This site uses cookies to measure its audience.", 0);
    p->footer = elem(t, 0, GUMBO_TAG_FOOTER, EF_FOOTER_TAG);
    p->copy = add(t, p->footer, GUMBO_TAG_P, 0, BK_PARA,
                  "\xC2\xA9 2026 Acme Inc.", 0);
}

static void
check_landing(struct table *t, const struct page *p, const char *where)
{
    printf("# %s\n", where);
    KEPT(t, p->hero_h, "hero heading");
    KEPT(t, p->hero_p, "hero text");
    KEPT(t, p->feat_h, "features heading in a box named like boilerplate");
    KEPT(t, p->card1_h, "linked card title");
    KEPT(t, p->card1_p, "card text");
    KEPT(t, p->card2_h, "second card title");
    KEPT(t, p->card2_p, "second card text");
    KEPT(t, p->card_blurb, "blurb of a card that is one link");
    KEPT(t, p->price_h, "pricing plan");
    KEPT(t, p->price_p, "price");
    KEPT(t, p->faq_q, "FAQ question");
    KEPT(t, p->faq_a, "FAQ answer");
    KEPT(t, p->cta_h, "heading of the call to action");
    WENT(t, p->button, "button label");
    WENT(t, p->cta_button, "button of the call to action");
    WENT(t, p->link1, "link list item");
    WENT(t, p->link3, "link list item");
    WENT(t, p->links_h, "heading of a list of links");
    WENT(t, p->nav1, "site navigation");
    WENT(t, p->nav2, "site navigation");
    WENT(t, p->copy, "footer");
    WENT(t, p->cookie, "cookie notice");
}

/* No <main>: the column is the body without its chrome. */
static void
test_body_column(void)
{
    struct table t;
    struct page p;
    start(&t);
    landing(&t, 0, &p);
    run(&t, p.hero);
    check_landing(&t, &p, "body column");
    EQ_INT(t.sc.main_elem, 0, "the column is the body");
    OK(t.selected[p.faq_a] && !t.selected[p.copy],
       "selected: the column without its chrome");
}

/* A <main>: the column; a <header> inside it is the page's own. */
static void
test_main_column(void)
{
    struct table t;
    struct page p;
    start(&t);
    int main = elem(&t, 0, GUMBO_TAG_MAIN, EF_MAIN_TAG);
    int own = elem(&t, main, GUMBO_TAG_HEADER, EF_HEADER_TAG);
    int tagline = add(&t, own, GUMBO_TAG_P, 0, BK_PARA,
                      "The platform for teams that ship.", 0);
    landing(&t, main, &p);
    run(&t, p.hero);
    check_landing(&t, &p, "main column");
    KEPT(&t, tagline, "header inside <main>");
    EQ_INT(t.sc.main_elem, main, "the column is <main>");
    EQ_INT(column_find(&t.bs, -1), main, "<main> found without a choice");
}

/* An article the scorer holds whole: the picker leaves its choice. */
static void
test_article_kept(void)
{
    struct table t;
    start(&t);
    int body = elem(&t, 0, GUMBO_TAG_DIV, EF_ARTICLE_BODY);
    int p1 = add(&t, body, GUMBO_TAG_P, 0, BK_PARA,
                 "The council approved the new budget on Tuesday, after a "
                 "debate that lasted, by most accounts, well into the "
                 "evening and beyond.", 0);
    int p2 = add(&t, body, GUMBO_TAG_P, 0, BK_PARA,
                 "Members argued about the library, the swimming pool, "
                 "and the long-delayed repairs to the bridge over the "
                 "river, among others.", 0);
    int box = elem(&t, 0, GUMBO_TAG_DIV, 0);
    int more = add(&t, box, GUMBO_TAG_H2, 0, BK_HEADING, "More news", 0);
    int teaser = add(&t, box, GUMBO_TAG_P, 0, BK_PARA,
                     "Bridge closed for a week", 0);
    run(&t, body);
    KEPT(&t, p1, "article paragraph");
    KEPT(&t, p2, "article paragraph");
    WENT(&t, more, "a box beside the article");
    WENT(&t, teaser, "a box beside the article");
    EQ_INT(t.sc.main_elem, body, "the scorer's container stays");
}

/* The section the scorer chose in the tests below: a heading and its
 * paragraph, after what the test wrote before it. */
struct chosen {
    int section, heading, para;
};

static struct chosen
chosen_section(struct table *t)
{
    struct chosen c;
    c.section = elem(t, 0, GUMBO_TAG_SECTION, 0);
    c.heading = add(t, c.section, GUMBO_TAG_H2, 0, BK_HEADING,
                    "How it works", 0);
    c.para = add(t, c.section, GUMBO_TAG_P, 0, BK_PARA,
                 "Connect a repository, push, and watch it go live on a "
                 "domain of your own within a minute or two.", 0);
    return c;
}

static void
run_chosen(struct table *t, const struct chosen *c)
{
    run(t, c->section);
    KEPT(t, c->heading, "the scorer's section");
    KEPT(t, c->para, "the scorer's section");
}

/* A landing page whose one long section the scorer chose, unmarked as an
 * article: the column's hero and short sections join it. */
static void
test_long_section(void)
{
    struct table t;
    start(&t);
    int tagline = add(&t, elem(&t, 0, GUMBO_TAG_SECTION, 0), GUMBO_TAG_H2,
                      0, BK_HEADING, "Ship faster with Acme", 0);
    int s = elem(&t, 0, GUMBO_TAG_SECTION, 0);
    int p1 = add(&t, s, GUMBO_TAG_P, 0, BK_PARA,
                 "Acme builds, tests and deploys your code, so that your "
                 "team can spend its days on the product and not on the "
                 "pipeline that carries it, from the first commit of the "
                 "morning to the release at night.", 0);
    int p2 = add(&t, s, GUMBO_TAG_P, 0, BK_PARA,
                 "Every branch gets a preview of its own, with a link to "
                 "share, and every release can be rolled back with one "
                 "click when something goes wrong in the field.", 0);
    run(&t, s);
    KEPT(&t, tagline, "the hero beside the scorer's section");
    KEPT(&t, p1, "the scorer's section");
    KEPT(&t, p2, "the scorer's section");
    EQ_INT(t.sc.main_elem, 0, "the column is the body");
}

/* A carousel's items written twice keep once. */
static void
test_repeats(void)
{
    struct table t;
    start(&t);
    int s = elem(&t, 0, GUMBO_TAG_SECTION, 0);
    int h = add(&t, s, GUMBO_TAG_H2, 0, BK_HEADING, "What customers say", 0);
    int q1 = add(&t, s, GUMBO_TAG_P, 0, BK_PARA,
                 "It halved our release time in a month.", 0);
    int q2 = add(&t, s, GUMBO_TAG_P, 0, BK_PARA,
                 "It halved our release time in a month.", 0);
    struct chosen c = chosen_section(&t);
    run_chosen(&t, &c);
    KEPT(&t, h, "testimonials heading");
    KEPT(&t, q1, "first copy of a testimonial");
    WENT(&t, q2, "second copy of a testimonial");
}

/* A pricing table whose feature names link to their definitions: its
 * rows are data, not a menu. */
static void
test_table_rows(void)
{
    struct table t;
    start(&t);
    int table = elem(&t, 0, GUMBO_TAG_TABLE, EF_DATA_TABLE);
    int r1 = add(&t, table, GUMBO_TAG_TR, 0, BK_ROW,
                 "Priority support | Yes | Yes", 15);
    int r2 = add(&t, table, GUMBO_TAG_TR, 0, BK_ROW,
                 "Custom domains | No | Yes", 13);
    struct chosen c = chosen_section(&t);
    int ul = elem(&t, 0, GUMBO_TAG_UL, EF_LIST);
    int link = add(&t, ul, GUMBO_TAG_LI, 0, BK_LI, "Documentation", ALL);
    run_chosen(&t, &c);
    KEPT(&t, r1, "table row with a linked first cell");
    KEPT(&t, r2, "table row with a linked first cell");
    WENT(&t, link, "link list item");
}

int
main(void)
{
    test_body_column();
    test_main_column();
    test_article_kept();
    test_long_section();
    test_repeats();
    test_table_rows();
    return test_done();
}
