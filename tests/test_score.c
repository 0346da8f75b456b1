/*
 * Block segmentation, scoring and the choice between passes
 * (src/blocks/, src/score/, src/refine/) on small pages written for one
 * signal each.
 */
#include "harness.h"

#include "arena.h"
#include "blocks/blocks.h"
#include "dom/dom.h"
#include "refine/refine.h"
#include "score/score.h"
#include "similarity.h"

#include <stdlib.h>

/* Scores bs as the pipeline does: pass after pass, each refined, until
 * one holds the article. */
static int
score_page(struct arena *a, const struct blocks *bs, const char *title,
           struct score_result *sc)
{
    struct scorer *scorer;
    struct refine_choice *choice;
    if (score_begin(a, bs, title, SCORE_BALANCED, &scorer) ||
        refine_begin(a, bs, SCORE_BALANCED, &choice))
        return -1;
    const struct score_pass *pass;
    while ((pass = score_next_pass(scorer)) && !refine_pass(choice, pass))
        ;
    refine_result(choice, sc);
    return 0;
}

/* The kept blocks of html, joined by '|'. */
static char *
kept(const char *html, const char *title)
{
    struct arena a;
    arena_init(&a);
    int failed;
    GumboOutput *doc = dom_parse(&a, html, strlen(html), &failed);
    const GumboNode *body = dom_find(doc->root, GUMBO_TAG_BODY);
    struct blocks bs;
    struct score_result sc;
    char *out = calloc(1, 1 << 16);
    if (blocks_build(&a, (GumboNode *)body, 0, &bs) == 0 &&
        score_page(&a, &bs, title, &sc) == 0) {
        for (int i = 0; i < bs.n_blocks; i++) {
            if (!sc.keep[i])
                continue;
            if (*out)
                strcat(out, "|");
            strncat(out, block_text(&bs, &bs.blocks[i]), 1000);
        }
    }
    arena_free(&a);
    return out;
}

#define PROSE1 "<p>The council approved the new budget on Tuesday, after a " \
    "debate that lasted, by most accounts, well into the evening hours.</p>"
#define PROSE2 "<p>Members argued about the library, the swimming pool, and " \
    "the long-delayed repairs to the bridge over the river, among others.</p>"
#define PROSE3 "<p>In the end, the vote was seven to four, with two members " \
    "absent, and the mayor said she was pleased with the outcome.</p>"

#define PROSE4 "<p>The budget also sets aside money for new street lights, " \
    "a bus shelter by the school, and the first study of a cycle path.</p>"

#define PROSE5 "<p>A public meeting on the cycle path, the council said, " \
    "will be held in the town hall early next year, before any digging.</p>"

static void
test_nav_and_article(void)
{
    char *k = kept("<body><nav><ul><li><a href=/>Home</a></li><li><a "
                   "href=/n>News</a></li></ul></nav><div id=content>" PROSE1
                   PROSE2 PROSE3 "</div><footer><a href=/about>About us</a>"
                   " Copyright 2024</footer></body>", NULL);
    OK(strstr(k, "approved the new budget") != NULL, "article kept: %s", k);
    OK(strstr(k, "seven to four") != NULL, "last paragraph kept");
    OK(strstr(k, "Home") == NULL, "navigation dropped: %s", k);
    OK(strstr(k, "About us") == NULL, "footer dropped: %s", k);
    free(k);
}

static void
test_link_list_dropped(void)
{
    char *k = kept("<body><div class=story>" PROSE1 PROSE2 PROSE3
                   "<div class=more><ul><li><a href=/a>Another story about "
                   "the town</a></li><li><a href=/b>Yet another story here"
                   "</a></li><li><a href=/c>A third linked headline</a></li>"
                   "</ul></div></div></body>", NULL);
    OK(strstr(k, "Another story") == NULL, "link list dropped: %s", k);
    OK(strstr(k, "budget") != NULL, "article kept");
    free(k);
}

static void
test_hidden_and_dialog(void)
{
    char *k = kept("<body><div role=dialog aria-modal=true><p>We use cookies "
                   "to improve your experience, and by continuing you agree, "
                   "as explained in our policy.</p></div><article>" PROSE1
                   PROSE2 "<p style='display: none'>Hidden text that no "
                   "reader sees, although it is long enough to count.</p>"
                   "<p hidden>Also hidden.</p><p aria-hidden=true>Aria hidden."
                   "</p>" PROSE3 "</article></body>", NULL);
    OK(strstr(k, "cookies") == NULL, "cookie dialog dropped: %s", k);
    OK(strstr(k, "Hidden text") == NULL, "display:none dropped");
    OK(strstr(k, "Also hidden") == NULL, "hidden attribute dropped");
    OK(strstr(k, "Aria hidden") == NULL, "aria-hidden dropped");
    OK(strstr(k, "seven to four") != NULL, "article kept: %s", k);
    free(k);
}

/* A box of the article's own prose stays whatever its names say: a
 * review's product "widget" is no promotion. */
static void
test_prose_in_negative_box(void)
{
    char *k = kept("<body><div class=article-body>" PROSE1 PROSE2
                   "<div class=product-widget><h3>The quiet dishwasher</h3>"
                   "<p>This dishwasher is the quietest we tested, and it "
                   "cleaned baked-on lasagne, dried egg and tea stains in a "
                   "single short cycle, which few others managed.</p><p>Its "
                   "third rack holds cutlery and ladles, the door closes "
                   "softly, and the app, which we rarely needed, tells you "
                   "when the salt runs low or the filter needs a rinse.</p>"
                   "<p>It costs more than most, but, over ten years of "
                   "use, the water and power it saves pay back much of it.</p>"
                   "<p>Installers, for their part, liked the long hoses, the "
                   "level feet and the clear printed guide.</p>"
                   "</div>" PROSE3 PROSE4 PROSE5 "<div class=promo><p>Offers, deals, "
                   "more.</p></div></div></body>", NULL);
    OK(strstr(k, "quietest we tested") != NULL, "prose box kept: %s", k);
    OK(strstr(k, "third rack") != NULL, "its second paragraph kept");
    OK(strstr(k, "Offers") == NULL, "short promotion dropped: %s", k);
    free(k);
}

/* When boxes of a negative name hold most of the article (a page builder
 * calls every box a "widget"), the name says nothing and every box stays
 * in the first pass; a box named hidden (a copy of the text for another
 * screen size) still goes. */
static void
test_builder_names_everywhere(void)
{
    char *k = kept("<body><nav><a href=/>Home</a> <a href=/b>Blog</a></nav>"
                   "<div class=post-content>"
                   "<div class=elementor-widget>" PROSE1 "</div>"
                   "<div class=elementor-widget>" PROSE2 "</div>"
                   "<div class=elementor-widget><p>A short line.</p></div>"
                   "<div class=elementor-widget>" PROSE3 "</div>"
                   "<div class=elementor-widget>" PROSE4 "</div>"
                   "<div class=elementor-widget><p>Work on the bridge is "
                   "to start in the spring, once the river is lower, and "
                   "should take about eight months, the engineers say, "
                   "if the weather holds through the autumn.</p></div>"
                   "<div class='variant hidden-x7z'><p>The council approved a "
                   "copy of the budget for the screens of phones, which the "
                   "page repeats for them.</p></div>"
                   "</div></body>", NULL);
    OK(strstr(k, "approved the new budget") != NULL, "first box kept: %s", k);
    OK(strstr(k, "A short line") != NULL, "short box kept: %s", k);
    OK(strstr(k, "seven to four") != NULL, "last box kept");
    OK(strstr(k, "screens of phones") == NULL, "hidden copy dropped: %s", k);
    free(k);
}

/* A newsletter platform's post is an <article> named "newsletter-post":
 * kept even when the comments under it hold more prose than it does,
 * while a short sign-up box of that name still goes. */
static void
test_newsletter_post(void)
{
    char *k = kept("<body><article class=newsletter-post>" PROSE1 PROSE2
                   PROSE3 PROSE4 PROSE5 PROSE2 PROSE3 PROSE4 PROSE5 PROSE2
                   PROSE3 PROSE4 PROSE5 "</article>"
                   "<div class=newsletter-signup><p>Subscribe to get new "
                   "posts by email.</p></div><div class=comments>"
                   PROSE4 PROSE5 PROSE2 PROSE3 PROSE4 PROSE5 PROSE2 PROSE3
                   PROSE4 PROSE5 PROSE2 PROSE3 PROSE4 PROSE5 PROSE2 PROSE3
                   PROSE4 PROSE5 PROSE2 PROSE3 "</div></body>", NULL);
    OK(strstr(k, "approved the new budget") != NULL, "post kept: %s", k);
    OK(strstr(k, "Subscribe") == NULL, "sign-up box dropped: %s", k);
    free(k);
}

static void
test_title_heading_and_table(void)
{
    char *k = kept("<body><div><h1>Council Approves Budget</h1>" PROSE1 PROSE2
                   "<table><thead><tr><th>Item</th><th>Cost</th></tr></thead>"
                   "<tbody><tr><td>Library</td><td>40</td></tr><tr><td>Pool"
                   "</td><td>25</td></tr></tbody></table>" PROSE3
                   "</div></body>", "Council Approves Budget");
    OK(strstr(k, "Council Approves Budget") == NULL,
       "heading repeating the title dropped: %s", k);
    OK(strstr(k, "Item | Cost") != NULL, "table header row kept: %s", k);
    OK(strstr(k, "Library | 40") != NULL, "table row kept as one block");
    free(k);
}

static void
test_br_paragraphs(void)
{
    char *k = kept("<body><div>First paragraph of text, long enough to be "
                   "scored as a paragraph by the extractor.<br><br>Second "
                   "paragraph, which also has some length, and commas, too."
                   "<br>with a line break</div></body>", NULL);
    OK(strstr(k, "extractor.|Second") != NULL, "<br><br> splits: %s", k);
    OK(strstr(k, "too.\nwith a line") != NULL, "<br> is a line break: %s", k);
    free(k);
}

static void
test_similarity(void)
{
    OK(text_similarity("Council approves budget",
                             "Council Approves Budget") > 0.99,
       "same words");
    OK(text_similarity("Council approves budget | Gazette",
                             "Council approves budget") > 0.99,
       "title with site name");
    OK(text_similarity("Council approves budget",
                             "Weather for the weekend") < 0.1,
       "different words");
    OK(text_similarity(NULL, "x") == 0, "NULL is harmless");
}

static void
test_empty(void)
{
    char *k = kept("", NULL);
    EQ_STR(k, "", "empty page");
    free(k);
    k = kept("<body><div><span>   </span></div></body>", NULL);
    EQ_STR(k, "", "only white space");
    free(k);
}

int
main(void)
{
    test_nav_and_article();
    test_link_list_dropped();
    test_hidden_and_dialog();
    test_prose_in_negative_box();
    test_builder_names_everywhere();
    test_newsletter_post();
    test_title_heading_and_table();
    test_br_paragraphs();
    test_similarity();
    test_empty();
    return test_done();
}
