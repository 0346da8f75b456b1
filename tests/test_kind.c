/*
 * The page's kind classifier on made-up pages: block tables written by
 * hand, with the signals and metadata a page would have given.
 */
#include "harness.h"
#include "block_table.h"

#include "blocks/signals.h"
#include "kind/kind.h"
#include "kind/kind_model.h"
#include "kind/voice.h"
#include "meta/meta.h"

#include <gumbo.h>

#define MAX_ELEMS 256
#define MAX_BLOCKS 256

struct page {
    struct elem elems[MAX_ELEMS];
    struct block blocks[MAX_BLOCKS];
    struct blocks bs;
    struct page_signals sig;
    struct meta meta;
    char text[1];
};

static void
page_init(struct page *p)
{
    memset(p, 0, sizeof *p);
    p->bs.elems = p->elems;
    p->bs.blocks = p->blocks;
    p->bs.text = p->text;
    p->elems[0].parent = -1; /* <body> */
    p->elems[0].tag = GUMBO_TAG_BODY;
    p->bs.n_elems = 1;
}

static int
elem(struct page *p, int parent, GumboTag tag, uint32_t class_hash)
{
    int i = p->bs.n_elems++;
    p->elems[i].parent = parent;
    p->elems[i].tag = (uint16_t)tag;
    p->elems[i].class_hash = class_hash;
    return i;
}

static void
block(struct page *p, int parent, GumboTag tag, enum block_kind kind,
      uint32_t chars, uint32_t link_chars)
{
    int e = elem(p, parent, tag, 0);
    struct block *b = &p->blocks[p->bs.n_blocks++];
    b->elem = e;
    b->kind = (uint8_t)kind;
    b->chars = chars;
    b->link_chars = link_chars;
    b->stops = (uint16_t)(chars / 80);
}

/* An article's body: a headline and paragraphs of prose. */
static void
prose(struct page *p, int paragraphs)
{
    int art = elem(p, 0, GUMBO_TAG_ARTICLE, 11);
    block(p, art, GUMBO_TAG_H1, BK_HEADING, 60, 0);
    for (int i = 0; i < paragraphs; i++)
        block(p, art, GUMBO_TAG_P, BK_PARA, 420, 12);
}

static struct kind_verdict
classify(struct page *p, const char *url)
{
    block_table_ranges(&p->bs);
    struct kind_input in = {&p->bs, &p->meta, &p->sig, url};
    struct kind_verdict v;
    kind_classify(&in, &v);
    return v;
}

static void
test_article_stays_article(void)
{
    struct page p;
    page_init(&p);
    prose(&p, 10);
    p.meta.date_published = "2024-03-05";
    struct kind_verdict v = classify(&p,
        "https://news.example/2024/03/a-long-story-about-the-river-town");
    EQ_STR(kind_name(v.kind), "article", "plain article");
    OK(v.why[0], "the verdict says why");
    /* A few related links under it make no listing. */
    int rel = elem(&p, 0, GUMBO_TAG_DIV, 77);
    for (int i = 0; i < 3; i++) {
        int card = elem(&p, rel, GUMBO_TAG_DIV, 78);
        block(&p, card, GUMBO_TAG_H3, BK_HEADING, 40, 40);
    }
    v = classify(&p, NULL);
    EQ_STR(kind_name(v.kind), "article", "article with related links");
}

static void
test_product_jsonld(void)
{
    struct page p;
    page_init(&p);
    prose(&p, 2);
    kind_signals_jsonld("{\"@context\": \"https://schema.org\", "
                        "\"@type\": \"Product\", \"name\": \"Kettle\", "
                        "\"offers\": {\"@type\": \"Offer\", "
                        "\"price\": \"20\"}}", &p.sig.kind);
    struct kind_verdict v = classify(&p, NULL);
    EQ_STR(kind_name(v.kind), "product", "Product JSON-LD");
    OK(v.score[KIND_PRODUCT] > v.score[KIND_ARTICLE], "product evidence");
}

/* Many products in JSON-LD, in no ItemList: a shop's grid, unless they
 * are the variants of one product (sizes, colours). */
static void
test_many_products(void)
{
    char ld[4096] = "[";
    for (int i = 0; i < 24; i++)
        strcat(ld, i ? ", {\"@type\": \"Product\", \"name\": \"Mug\"}"
                     : "{\"@type\": \"Product\", \"name\": \"Mug\"}");
    strcat(ld, "]");
    struct page p;
    page_init(&p);
    int grid = elem(&p, 0, GUMBO_TAG_DIV, 90);
    for (int i = 0; i < 24; i++) {
        int card = elem(&p, grid, GUMBO_TAG_ARTICLE, 91);
        block(&p, card, GUMBO_TAG_H3, BK_HEADING, 30, 30);
        block(&p, card, GUMBO_TAG_SPAN, BK_PARA, 8, 0);
    }
    kind_signals_jsonld(ld, &p.sig.kind);
    p.sig.kind.n_price = 24; /* each card's price and button */
    p.sig.kind.n_cart = 24;
    struct kind_verdict v = classify(&p, NULL);
    EQ_STR(kind_name(v.kind), "collection", "24 products, no list");
    OK(strstr(v.why, "ld products") != NULL, "said why: %s", v.why);

    struct page q;
    page_init(&q);
    prose(&q, 2);
    char group[4200] = "{\"@type\": \"ProductGroup\", \"hasVariant\": ";
    strcat(group, ld);
    strcat(group, "}");
    kind_signals_jsonld(group, &q.sig.kind);
    v = classify(&q, NULL);
    EQ_STR(kind_name(v.kind), "product", "24 variants of one product");
}

static void
test_forum_platform(void)
{
    struct page p;
    page_init(&p);
    prose(&p, 3);
    kind_signals_jsonld("[{\"@type\": [\"DiscussionForumPosting\"]}]",
                        &p.sig.kind);
    struct kind_verdict v = classify(&p,
        "https://talk.example/t/kettle-will-not-boil/123");
    EQ_STR(kind_name(v.kind), "forum", "forum posting and /t/ address");
}

static void
test_cards_are_listing(void)
{
    struct page p;
    page_init(&p);
    block(&p, 0, GUMBO_TAG_H1, BK_HEADING, 20, 0);
    int grid = elem(&p, 0, GUMBO_TAG_DIV, 21);
    for (int i = 0; i < 12; i++) {
        int card = elem(&p, grid, GUMBO_TAG_DIV, 22);
        block(&p, card, GUMBO_TAG_H2, BK_HEADING, 50, 50);
        block(&p, card, GUMBO_TAG_P, BK_PARA, 120, 0);
    }
    struct kind_verdict v = classify(&p, "https://site.example/blog");
    EQ_STR(kind_name(v.kind), "listing", "a grid of linked cards");
    /* The same grid with prices is a shop's collection. */
    p.sig.kind.n_price = 12;
    v = classify(&p, "https://shop.example/collections/kettles");
    EQ_STR(kind_name(v.kind), "collection", "cards with prices");
}

/* Entries without headings: a link and a line of their own each. */
static void
test_teasers_are_listing(void)
{
    struct page p;
    page_init(&p);
    block(&p, 0, GUMBO_TAG_H1, BK_HEADING, 20, 0);
    p.meta.date_published = "2024-03-05";
    p.meta.n_authors = 1;
    int list = elem(&p, 0, GUMBO_TAG_UL, 31);
    for (int i = 0; i < 8; i++) {
        int entry = elem(&p, list, GUMBO_TAG_LI, 32);
        block(&p, entry, GUMBO_TAG_DIV, BK_DIVTEXT, 45, 45);
        block(&p, entry, GUMBO_TAG_P, BK_PARA, 110, 0);
    }
    struct kind_verdict v = classify(&p, NULL);
    EQ_STR(kind_name(v.kind), "listing", "a list of linked entries");
    /* The same entries inside a menu are navigation. */
    p.elems[list].flags |= EF_NAV_TAG;
    v = classify(&p, NULL);
    EQ_STR(kind_name(v.kind), "article", "entries of a menu");
}

/* No date, no author, no article type: a company's page, unless a
 * dated article or another kind's evidence says otherwise. */
static void
test_undated_is_service(void)
{
    struct page p;
    page_init(&p);
    prose(&p, 4);
    /* The rules' evidence: the model weighs it with the rest, and on
     * pages this bare it may still see an article. */
    struct kind_verdict v = classify(&p, NULL);
    OK(v.rule[KIND_SERVICE] > v.rule[KIND_ARTICLE],
       "undated, unsigned page: the rules' evidence is for a service");
    p.meta.date_published = "2024-03-05";
    v = classify(&p, NULL);
    EQ_STR(kind_name(v.kind), "article", "the same page dated");
    OK(v.rule[KIND_SERVICE] < v.rule[KIND_ARTICLE], "dated: no service");
    p.meta.date_published = NULL;
    kind_signals_jsonld("{\"@type\": \"BlogPosting\"}", &p.sig.kind);
    v = classify(&p, NULL);
    EQ_STR(kind_name(v.kind), "article", "the same page typed a post");
}

/* Torn between an article and a company's page, the model's article goes
 * to the sections picker when the page is undated: read as sections an
 * article loses little, a landing page read as an article loses all but
 * one of its sections.  A dated page stays the model's article. */
static void
test_torn_undated_is_service(void)
{
    struct page p;
    page_init(&p);
    int main_el = elem(&p, 0, GUMBO_TAG_MAIN, 41);
    p.elems[main_el].flags |= EF_MAIN_TAG;
    block(&p, main_el, GUMBO_TAG_H1, BK_HEADING, 40, 0);
    for (int i = 0; i < 2; i++)
        block(&p, main_el, GUMBO_TAG_P, BK_PARA, 420, 0);
    for (int i = 0; i < 12; i++) {
        int sec = elem(&p, main_el, GUMBO_TAG_SECTION, 42);
        block(&p, sec, GUMBO_TAG_H2, BK_HEADING, 30, 0);
        block(&p, sec, GUMBO_TAG_P, BK_PARA, 150, 0);
    }
    p.sig.kind.n_mark[KM_BUTTON] = 12;
    p.sig.kind.n_mark[KM_SECTION] = 12;
    p.sig.kind.n_mark[KM_HERO] = 1;
    struct kind_verdict v = classify(&p, NULL);
    OK(v.score[KIND_ARTICLE] > v.score[KIND_SERVICE] &&
       v.score[KIND_SERVICE] >= 0.3f,
       "the model finds an article first, a service nearly as likely "
       "(%.3f, %.3f)", v.score[KIND_ARTICLE], v.score[KIND_SERVICE]);
    EQ_STR(kind_name(v.kind), "service", "undated and torn: service");
    p.meta.date_published = "2024-03-05";
    v = classify(&p, NULL);
    EQ_STR(kind_name(v.kind), "article", "the same page dated");
}

static void
test_docs_generator(void)
{
    struct page p;
    page_init(&p);
    prose(&p, 3);
    p.sig.kind.platform = PF_DOCS;
    struct kind_verdict v = classify(&p,
        "https://lib.example/docs/reference/open");
    EQ_STR(kind_name(v.kind), "documentation", "docs platform and path");
}

static void
test_names(void)
{
    enum page_kind k;
    for (int i = 0; i < KIND_COUNT; i++) {
        OK(!kind_from_name(kind_name((enum page_kind)i), &k) && (int)k == i,
           "name of kind %d round-trips", i);
    }
    OK(kind_from_name("LISTING", &k) == 0 && k == KIND_LISTING, "any case");
    OK(kind_from_name("blog", &k) == -1, "no such kind");
}

/* The weights were trained on the features as they are named and
 * ordered now: a feature added, removed or moved needs training again
 * (scripts/train-kinds), or the model would weigh one for another. */
static void
test_model_fits_features(void)
{
    EQ_INT(kind_model_features(), KF_COUNT, "weights for every feature");
    for (int i = 0; i < KF_COUNT && i < kind_model_features(); i++)
        OK(!strcmp(kind_model_feature_name(i),
                   kind_feature_name((enum kind_feature)i)),
           "feature %d (%s) in the weights' order", i,
           kind_feature_name((enum kind_feature)i));
    float f[KF_COUNT] = {0}, prob[KIND_COUNT];
    OK(kind_model_weigh(f, prob) == 0, "the model weighs");
    float sum = 0;
    for (int k = 0; k < KIND_COUNT; k++)
        sum += prob[k];
    OK(sum > 0.999f && sum < 1.001f && prob[KIND_OTHER] == 0.0f,
       "probabilities of the seven kinds add up to one");
}

/* The voice's counts from blocks with text: the reader addressed, the
 * company speaking, calls to act and questions in headings. */
static void
test_voice(void)
{
    static char text[] =
        "Why choose us?\0"
        "We help you plan your move; our team knows the city.\0"
        "Get a quote\0"
        "Contact us today and tell us what you need from our experts.\0"
        "The minister said the vote was close.\0";
    static const enum block_kind kinds[] = {BK_HEADING, BK_PARA, BK_LI,
                                            BK_PARA, BK_PARA};
    struct block blocks[5];
    struct blocks bs;
    memset(blocks, 0, sizeof blocks);
    memset(&bs, 0, sizeof bs);
    bs.blocks = blocks;
    bs.n_blocks = 5;
    bs.text = text;
    uint32_t off = 0;
    for (int i = 0; i < 5; i++) {
        blocks[i].kind = (uint8_t)kinds[i];
        blocks[i].text_off = off;
        blocks[i].text_len = (uint32_t)strlen(text + off);
        blocks[i].chars = blocks[i].text_len;
        off += blocks[i].text_len + 1;
    }
    struct page_voice v;
    page_voice_read(&bs, &v);
    EQ_INT(v.question_headings, 1, "a heading that asks");
    EQ_INT(v.cta_blocks, 1, "one short call to act, not the long line "
           "that starts like one");
    EQ_INT(v.we_words, 6, "us; We, our; us, us, our");
    EQ_INT(v.you_words, 3, "you, your, you");
    EQ_INT(v.words, 36, "every word counted");
}

int
main(void)
{
    test_article_stays_article();
    test_product_jsonld();
    test_many_products();
    test_forum_platform();
    test_cards_are_listing();
    test_teasers_are_listing();
    test_undated_is_service();
    test_torn_undated_is_service();
    test_docs_generator();
    test_names();
    test_model_fits_features();
    test_voice();
    return test_done();
}
