/*
 * The page's kind from its evidence; see kind.h.  Each signal adds
 * evidence to the kinds it speaks for: what the page declares (JSON-LD
 * and microdata types, og:type, the platform of its generator meta), its
 * address (url_kind.c) and its shape (shape.c).  Article is the default:
 * another kind wins only with enough evidence and more than the
 * article's, since the other kinds' pickers widen the extraction and an
 * article taken for one of them loses its precision.
 */
#include "kind/kind.h"
#include "kind/kind_model.h"
#include "kind/shape.h"
#include "kind/voice.h"
#include "kind/url_kind.h"

#include "blocks/blocks.h"
#include "blocks/signals.h"
#include "meta/meta.h"

#include <stdio.h>
#include <string.h>

/* Evidence another kind needs before it is believed. */
#define KIND_MIN_EVIDENCE 2.0f
/* A page must say something to be a company's page of sections: an
 * empty page or a consent wall is none. */
#define SERVICE_MIN_CHARS 1500
/* Below these, the rules decide, not the model (scripts/train-kinds
 * reads the same figures). */
#define MODEL_MIN_CHARS 200
#define MODEL_SURE 0.3f
/* An undated page the model finds a company's page this likely, for
 * each unit it finds an article (and MODEL_SURE at least), is read as
 * one (service_or_article()). */
#define SERVICE_CLOSE 0.6f
/* Sibling entries of an index, fewer are a box of related links. */
#define MIN_TEASERS 6
/* Products on a page past which, none a variant of another, they are a
 * list of a shop's, not one product's related items. */
#define PRODUCT_LIST_MIN 20


static void
note(struct kind_verdict *v, enum page_kind k, float w, const char *what)
{
    v->score[k] += w;
    size_t l = strlen(v->why);
    if (l + 1 < sizeof v->why)
        snprintf(v->why + l, sizeof v->why - l, "%s%s", l ? ", " : "", what);
}

/* The declared types: objects of JSON-LD or elements of microdata. */
static int
typed(const struct kind_signals *ks, enum schema_type t)
{
    return ks->jsonld[t] + ks->micro[t];
}

static int
declares_article(const struct kind_signals *ks)
{
    return typed(ks, ST_ARTICLE) || typed(ks, ST_NEWS_ARTICLE) ||
           typed(ks, ST_BLOG_POSTING) || ks->og_type == OG_ARTICLE;
}

static void
declared(const struct kind_signals *ks, struct kind_verdict *v)
{
    int articles = typed(ks, ST_ARTICLE) + typed(ks, ST_NEWS_ARTICLE) +
                   typed(ks, ST_BLOG_POSTING);
    int products = typed(ks, ST_PRODUCT);
    if (articles)
        note(v, KIND_ARTICLE, 1.0f, "ld article");
    if (typed(ks, ST_RECIPE) || typed(ks, ST_HOW_TO))
        note(v, KIND_ARTICLE, 0.5f, "ld recipe/howto");
    if (typed(ks, ST_FORUM_POSTING) || typed(ks, ST_QA_PAGE))
        note(v, KIND_FORUM, 3.0f, "ld forum/qa");
    else if (typed(ks, ST_QUESTION) && typed(ks, ST_ANSWER) &&
             !typed(ks, ST_FAQ_PAGE))
        /* Questions with answers but no Q&A page: an FAQ section, as
         * company and product pages have. */
        note(v, KIND_SERVICE, 1.0f, "ld question+answer");
    /* Many products, in a list or not variants of one: a shop's grid. */
    if ((products >= 3 && (typed(ks, ST_ITEM_LIST) ||
                           typed(ks, ST_OFFER_CATALOG))) ||
        (products >= PRODUCT_LIST_MIN && !ks->n_variant_lists))
        note(v, KIND_COLLECTION, 2.0f, "ld products");
    else if (products)
        note(v, KIND_PRODUCT, 2.5f, "ld product");
    if (typed(ks, ST_OFFER_CATALOG))
        note(v, KIND_COLLECTION, 1.0f, "ld offercatalog");
    if (typed(ks, ST_COLLECTION_PAGE) || typed(ks, ST_SEARCH_RESULTS)) {
        note(v, KIND_LISTING, 1.0f, "ld collectionpage");
        note(v, KIND_COLLECTION, 0.5f, "");
    }
    if (typed(ks, ST_ITEM_LIST) && !products && !articles)
        note(v, KIND_LISTING, 0.5f, "ld itemlist");
    if (typed(ks, ST_TECH_ARTICLE) || typed(ks, ST_API_REFERENCE))
        note(v, KIND_DOCUMENTATION, 2.0f, "ld techarticle");
    if ((typed(ks, ST_SOFTWARE_APP) || typed(ks, ST_SERVICE)) && !articles)
        note(v, KIND_SERVICE, 1.0f, "ld software/service");
    if (typed(ks, ST_ABOUT_PAGE))
        note(v, KIND_SERVICE, 1.0f, "ld aboutpage");
    if (ks->og_type == OG_ARTICLE)
        note(v, KIND_ARTICLE, 0.5f, "og article");
    else if (ks->og_type == OG_PRODUCT)
        note(v, KIND_PRODUCT, 1.5f, "og product");
    else if (ks->og_type == OG_WEBSITE && !articles)
        note(v, KIND_SERVICE, 0.3f, "og website");
    switch (ks->platform) {
    case PF_FORUM: note(v, KIND_FORUM, 2.5f, ks->generator); break;
    case PF_SHOP: note(v, KIND_PRODUCT, 0.5f, ks->generator);
                  v->score[KIND_COLLECTION] += 0.5f; break;
    case PF_DOCS: note(v, KIND_DOCUMENTATION, 2.5f, ks->generator); break;
    case PF_WIKI: note(v, KIND_DOCUMENTATION, 2.0f, ks->generator); break;
    default: break;
    }
    if (ks->n_cart)
        note(v, KIND_PRODUCT, 1.0f, "add-to-cart");
    if (ks->n_cart >= 4)
        note(v, KIND_COLLECTION, 1.0f, "add-to-cart buttons");
    if (ks->n_post >= 3)
        note(v, KIND_FORUM, 0.5f, "post markup");
    if (ks->n_post >= 10)
        note(v, KIND_FORUM, 0.5f, "many posts");
    if (ks->n_price >= 2 && ks->n_price <= 40)
        note(v, KIND_PRODUCT, 0.5f, "prices");
    if (ks->n_price >= 50)
        note(v, KIND_COLLECTION, 1.0f, "many prices");
    if (ks->n_code >= 20)
        note(v, KIND_DOCUMENTATION, 0.5f, "code");
    if (ks->n_code >= 50)
        note(v, KIND_DOCUMENTATION, 0.5f, "much code");
}

/* The shape of the block table, and what it says with the date: an
 * article is dated, a shop's grid or a reference usually is not. */
static void
shaped(const struct page_shape *sh, const struct kind_signals *ks,
       int dated, struct kind_verdict *v)
{
    char w[64];
    if (sh->prose_chars >= 3000)
        note(v, KIND_ARTICLE, 1.0f, "long prose");
    else if (sh->prose_chars >= 1500)
        note(v, KIND_ARTICLE, 0.5f, "prose");
    /* Many linked headings and little prose: an index of cards, of
     * articles unless most carry a price. */
    if (sh->linked_headings >= 10 && sh->long_paras <= 5) {
        snprintf(w, sizeof w, "%d linked headings", sh->linked_headings);
        enum page_kind k = ks->n_price * 2 >= sh->linked_headings
                               ? KIND_COLLECTION : KIND_LISTING;
        note(v, k, sh->linked_headings >= 20 ? 2.5f : 2.0f, w);
        if (sh->bylines >= 10 || sh->time_blocks >= 8)
            note(v, KIND_LISTING, 0.5f, "dated cards");
    }
    if (sh->max_cards >= 6 && sh->long_paras <= 3) {
        snprintf(w, sizeof w, "%d cards", sh->max_cards);
        note(v, KIND_LISTING, 1.0f, w);
    }
    /* A run of entries, each a link with a line of its own, holding
     * twice the page's prose: an index, whatever the entries' markup
     * (a thread's posts are entries too, and speak for themselves). */
    if (sh->teasers >= MIN_TEASERS &&
        sh->teaser_chars >= 2 * sh->prose_chars &&
        v->score[KIND_FORUM] < 1.5f) {
        snprintf(w, sizeof w, "%d teasers", sh->teasers);
        note(v, ks->n_price >= 2 ? KIND_COLLECTION : KIND_LISTING, 2.0f, w);
    }
    if (ks->n_price >= 25 && !dated)
        note(v, KIND_COLLECTION, 1.5f, "undated prices");
    if (sh->time_blocks >= 5 && sh->bylines >= 3 && sh->linked_headings < 5)
        note(v, KIND_FORUM, 1.5f, "posts with dates");
    if (sh->pre_blocks >= 3)
        note(v, KIND_DOCUMENTATION, 1.0f, "pre blocks");
    if (!dated && (sh->pre_blocks >= 3 || ks->n_code >= 10))
        note(v, KIND_DOCUMENTATION, 1.0f, "undated code");
    if (sh->headings >= 8 && sh->long_paras <= 6 && !sh->time_blocks)
        note(v, KIND_SERVICE, 0.5f, "short sections");
    /* Twice as many headings as paragraphs, and no date: sections of a
     * few lines each, as a company's page has. */
    if (!dated && sh->headings >= 10 && sh->headings >= 2 * sh->long_paras &&
        !sh->time_blocks)
        note(v, KIND_SERVICE, 0.5f, "many sections");
}

/* Has a kind other than article and service its evidence already? */
static int
other_kind_evident(const struct kind_verdict *v)
{
    for (int k = KIND_FORUM; k < KIND_SERVICE; k++)
        if (v->score[k] >= KIND_MIN_EVIDENCE)
            return 1;
    return 0;
}

/* The hand-written rules: evidence per kind into v->score, their
 * signals into v->why, the address's own words into url_score.
 * Returns 1 when the address is the site's root. */
static int
rules(const struct kind_input *in, const struct kind_signals *ks,
      const struct page_shape *sh, int dated, int authored,
      const char *url, float url_score[KIND_COUNT],
      struct kind_verdict *out)
{
    out->score[KIND_ARTICLE] = 1.0f;
    declared(ks, out);
    if (dated)
        note(out, KIND_ARTICLE, 0.5f, "dated");
    else
        note(out, KIND_SERVICE, 0.5f, "undated");
    if (authored)
        note(out, KIND_ARTICLE, 0.3f, "author");
    int root = url_kind(url, url_score, out->why, sizeof out->why);
    for (int k = 0; k < KIND_COUNT; k++)
        out->score[k] += url_score[k];
    if (in->bs) {
        shaped(sh, ks, dated, out);
        /* Nothing of an article's: no date, author, article type or
         * much prose, as a company's or a product's page. */
        if (!dated && !authored && !declares_article(ks) &&
            sh->long_paras <= 10 && sh->total_chars >= SERVICE_MIN_CHARS)
            note(out, KIND_SERVICE, 1.0f, "no article marks");
    }
    /* Undated and without an article's type: a page that is no news or
     * post.  Among the kinds, that speaks for a company's page unless
     * another kind already has its evidence; calling an undated
     * article a page of sections costs little, since the sections
     * picker keeps the scorer's choice when it holds the column. */
    if (!dated && !typed(ks, ST_ARTICLE) && !typed(ks, ST_NEWS_ARTICLE) &&
        !typed(ks, ST_BLOG_POSTING) && !other_kind_evident(out) &&
        sh->total_chars >= SERVICE_MIN_CHARS) {
        note(out, KIND_SERVICE, authored ? 0.5f : 1.5f,
             authored ? "no article type" : "no article type or author");
    }
    return root;
}

/* The rules' own choice: article unless another kind has enough
 * evidence and more than the article's. */
static enum page_kind
rules_choice(const float score[KIND_COUNT])
{
    enum page_kind best = KIND_ARTICLE;
    for (int k = 1; k < KIND_OTHER; k++)
        if (score[k] >= KIND_MIN_EVIDENCE && score[k] > score[best])
            best = (enum page_kind)k;
    return best;
}

/* The model's article, or a company's page when the model is sure of
 * that too, nearly as much, and the page is undated.  The two mistakes
 * cost unlike: the sections picker keeps the scorer's choice when it
 * holds the column, so an article read as a page of sections loses
 * little, while a landing page read as an article keeps one section. */
static enum page_kind
service_or_article(enum page_kind k, const float score[KIND_COUNT],
                   int dated)
{
    if (k == KIND_ARTICLE && !dated && score[KIND_SERVICE] >= MODEL_SURE &&
        score[KIND_SERVICE] >= SERVICE_CLOSE * score[KIND_ARTICLE])
        return KIND_SERVICE;
    return k;
}

void
kind_classify(const struct kind_input *in, struct kind_verdict *out)
{
    memset(out, 0, sizeof *out);
    static const struct kind_signals none;
    const struct kind_signals *ks = in->signals ? &in->signals->kind : &none;
    int dated = in->meta && in->meta->date_published;
    int authored = in->meta && in->meta->n_authors;
    const char *url = in->url;
    if (!url && in->meta)
        url = in->meta->canonical_url;
    struct page_shape sh;
    memset(&sh, 0, sizeof sh);
    struct page_voice voice;
    memset(&voice, 0, sizeof voice);
    if (in->bs) {
        page_shape_read(in->bs, &sh);
        page_voice_read(in->bs, &voice);
    }
    float url_score[KIND_COUNT] = {0};
    int root = rules(in, ks, &sh, dated, authored, url, url_score, out);
    memcpy(out->rule, out->score, sizeof out->rule);
    struct kind_feature_input fi = {ks, &sh, &voice, in->bs, out->rule, url_score,
                                    root, dated, authored};
    kind_features(&fi, out->feature);
    if (kind_model_weigh(out->feature, out->score) == 0) {
        enum page_kind k = kind_model_choice(out->score);
        /* The model read pages with text; on a page of a few words, or
         * when no kind is likely, the rules' default (article unless
         * another kind has its evidence) is safer. */
        out->kind = sh.total_chars >= MODEL_MIN_CHARS &&
                            out->score[k] >= MODEL_SURE
                        ? service_or_article(k, out->score, dated)
                        : rules_choice(out->rule);
    } else {
        memcpy(out->score, out->rule, sizeof out->score);
        out->kind = rules_choice(out->rule);
    }
    if (!out->why[0])
        snprintf(out->why, sizeof out->why, "no signal of another kind");
}
