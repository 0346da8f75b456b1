/*
 * The classifier's feature vector; see features.h.
 */
#include "kind/features.h"
#include "kind/kind.h"

#include "blocks/blocks.h"
#include "blocks/kind_signals.h"
#include "kind/shape.h"
#include "kind/voice.h"

#include <math.h>
#include <string.h>

#define KIND_FEATURE_NAME(name) #name,
static const char *const names[KF_COUNT] = {
    KIND_FEATURE_LIST(KIND_FEATURE_NAME)};
#undef KIND_FEATURE_NAME

const char *
kind_feature_name(enum kind_feature f)
{
    return f >= 0 && f < KF_COUNT ? names[f] : "?";
}

/* The marks' features follow enum kind_mark's order. */
_Static_assert(KF_inputs - KF_buttons == KM_COUNT - 1,
               "features.h's marks out of kind_mark's order");

/* Fewer words than this tell too little of how a page speaks. */
#define VOICE_MIN_WORDS 300

static float
count(double n)
{
    return (float)log1p(n > 0 ? n : 0);
}

static float
share(double part, double whole)
{
    return whole > 0 ? (float)(part / whole) : 0.0f;
}

static float
has(const struct kind_signals *ks, enum schema_type t)
{
    return ks->jsonld[t] + ks->micro[t] ? 1.0f : 0.0f;
}

void
kind_features(const struct kind_feature_input *in, float *f)
{
    memset(f, 0, KF_COUNT * sizeof *f);
    for (int k = 0; k < KIND_OTHER; k++) {
        f[KF_rule_article + k] = in->rule_score[k];
        f[KF_url_article + k] = in->url_score[k];
    }
    f[KF_url_root] = (float)in->url_root;
    const struct kind_signals *ks = in->ks;
    f[KF_ld_article] = has(ks, ST_ARTICLE) || has(ks, ST_NEWS_ARTICLE) ||
                       has(ks, ST_BLOG_POSTING);
    f[KF_ld_product] = has(ks, ST_PRODUCT) ? count(ks->jsonld[ST_PRODUCT] +
                                                   ks->micro[ST_PRODUCT])
                                           : 0;
    f[KF_ld_offer] = has(ks, ST_OFFER) || has(ks, ST_AGGREGATE_OFFER);
    f[KF_ld_forum] = has(ks, ST_FORUM_POSTING) || has(ks, ST_QA_PAGE);
    f[KF_ld_question] = has(ks, ST_QUESTION);
    f[KF_ld_answer] = has(ks, ST_ANSWER);
    f[KF_ld_faq] = has(ks, ST_FAQ_PAGE);
    f[KF_ld_itemlist] = has(ks, ST_ITEM_LIST);
    f[KF_ld_collectionpage] = has(ks, ST_COLLECTION_PAGE) ||
                              has(ks, ST_SEARCH_RESULTS);
    f[KF_ld_offercatalog] = has(ks, ST_OFFER_CATALOG);
    f[KF_ld_techarticle] = has(ks, ST_TECH_ARTICLE) ||
                           has(ks, ST_API_REFERENCE);
    f[KF_ld_software] = has(ks, ST_SOFTWARE_APP);
    f[KF_ld_service] = has(ks, ST_SERVICE);
    f[KF_ld_organization] = has(ks, ST_ORGANIZATION) ||
                            has(ks, ST_LOCAL_BUSINESS);
    f[KF_ld_howto] = has(ks, ST_HOW_TO) || has(ks, ST_RECIPE);
    f[KF_ld_course] = has(ks, ST_COURSE);
    f[KF_ld_aboutpage] = has(ks, ST_ABOUT_PAGE);
    f[KF_ld_review] = has(ks, ST_REVIEW);
    f[KF_ld_event] = has(ks, ST_EVENT);
    f[KF_ld_comment] = has(ks, ST_COMMENT);
    f[KF_ld_webpage] = has(ks, ST_WEB_PAGE);
    f[KF_ld_breadcrumb] = has(ks, ST_BREADCRUMB);
    f[KF_og_article] = ks->og_type == OG_ARTICLE;
    f[KF_og_product] = ks->og_type == OG_PRODUCT;
    f[KF_og_website] = ks->og_type == OG_WEBSITE;
    f[KF_og_other] = ks->og_type == OG_PROFILE || ks->og_type == OG_OTHER;
    f[KF_pf_forum] = ks->platform == PF_FORUM;
    f[KF_pf_shop] = ks->platform == PF_SHOP;
    f[KF_pf_docs] = ks->platform == PF_DOCS;
    f[KF_pf_wiki] = ks->platform == PF_WIKI;
    f[KF_pf_blog] = ks->platform == PF_BLOG;
    f[KF_prices] = count(ks->n_price);
    f[KF_carts] = count(ks->n_cart);
    f[KF_posts] = count(ks->n_post);
    f[KF_code] = count(ks->n_code);
    f[KF_dated] = (float)in->dated;
    f[KF_authored] = (float)in->authored;
    const struct page_shape *sh = in->shape;
    f[KF_total_chars] = count(sh->total_chars);
    f[KF_prose_chars] = count(sh->prose_chars);
    f[KF_prose_share] = share(sh->prose_chars, sh->total_chars);
    f[KF_long_paras] = count(sh->long_paras);
    f[KF_headings] = count(sh->headings);
    f[KF_linked_headings] = count(sh->linked_headings);
    f[KF_max_cards] = count(sh->max_cards);
    f[KF_teasers] = count(sh->teasers);
    f[KF_teaser_share] = share(sh->teaser_chars, sh->total_chars);
    f[KF_bylines] = count(sh->bylines);
    f[KF_time_blocks] = count(sh->time_blocks);
    f[KF_pre_blocks] = count(sh->pre_blocks);
    f[KF_blocks] = in->bs ? count(in->bs->n_blocks) : 0;
    f[KF_link_share] = share(sh->link_chars, sh->total_chars);
    f[KF_list_items] = count(sh->list_items);
    f[KF_table_rows] = count(sh->table_rows);
    f[KF_h1s] = count(sh->h1s);
    f[KF_form_share] = share(sh->form_chars, sh->total_chars);
    f[KF_comment_share] = share(sh->comment_chars, sh->total_chars);
    f[KF_main_tag] = (float)sh->main_tag;
    f[KF_article_tag] = count(sh->article_tags);
    for (int m = 0; m < KM_COUNT; m++)
        f[KF_buttons + m] = count(ks->n_mark[m]);
    const struct page_voice *v = in->voice;
    /* Per hundred words, and as if a page had VOICE_MIN_WORDS at least:
     * on a short page a few words are chance, not a voice. */
    double words = v->words > VOICE_MIN_WORDS ? v->words : VOICE_MIN_WORDS;
    f[KF_we_share] = 100 * share(v->we_words, words);
    f[KF_you_share] = 100 * share(v->you_words, words);
    f[KF_ctas] = count(v->cta_blocks);
    f[KF_question_headings] = count(v->question_headings);
    f[KF_tels] = count(ks->n_tel);
    f[KF_mailtos] = count(ks->n_mailto);
}
