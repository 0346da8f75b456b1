/*
 * The classifier's evidence as numbers: one vector per page, the same
 * for every page, that the learned model (kind_model.h) weighs.
 *
 * Counts are taken as log(1 + n), so that a page of 400 prices is not
 * forty times more a shop than one of 10; presence of a declared type
 * as 0 or 1.  The hand-written rules' own scores (classify.c) are
 * features too: they carry what the rules know, and the model learns
 * how far to trust each.
 */
#ifndef PITH_KIND_FEATURES_H
#define PITH_KIND_FEATURES_H

struct blocks;
struct kind_signals;
struct page_shape;
struct page_voice;

/* X(name): every feature in the vector's order.  Append, never reorder
 * without training again: the model's weights follow this order. */
#define KIND_FEATURE_LIST(X)                                             \
    X(rule_article) X(rule_forum) X(rule_product) X(rule_collection)     \
    X(rule_listing) X(rule_documentation) X(rule_service)                \
    X(url_article) X(url_forum) X(url_product) X(url_collection)         \
    X(url_listing) X(url_documentation) X(url_service) X(url_root)       \
    X(ld_article) X(ld_product) X(ld_offer) X(ld_forum) X(ld_question)   \
    X(ld_answer) X(ld_faq) X(ld_itemlist) X(ld_collectionpage)           \
    X(ld_offercatalog) X(ld_techarticle) X(ld_software) X(ld_service)    \
    X(ld_organization) X(ld_howto) X(ld_course) X(ld_aboutpage)          \
    X(ld_review) X(ld_event) X(ld_comment) X(ld_webpage) X(ld_breadcrumb)\
    X(og_article) X(og_product) X(og_website) X(og_other)                \
    X(pf_forum) X(pf_shop) X(pf_docs) X(pf_wiki) X(pf_blog)              \
    X(prices) X(carts) X(posts) X(code)                                  \
    X(dated) X(authored)                                                 \
    X(total_chars) X(prose_chars) X(prose_share) X(long_paras)           \
    X(headings) X(linked_headings) X(max_cards) X(teasers)               \
    X(teaser_share) X(bylines) X(time_blocks) X(pre_blocks)              \
    X(blocks) X(link_share) X(list_items) X(table_rows) X(h1s)           \
    X(form_share) X(comment_share) X(main_tag) X(article_tag)           \
    X(buttons) X(sections) X(heroes) X(pricing) X(testimonials) X(faqs)  \
    X(cards) X(paginations) X(sidebars) X(filters) X(images) X(inputs)  \
    X(we_share) X(you_share) X(ctas) X(question_headings) X(tels)        \
    X(mailtos)

#define KIND_FEATURE_ENUM(name) KF_##name,
enum kind_feature { KIND_FEATURE_LIST(KIND_FEATURE_ENUM) KF_COUNT };
#undef KIND_FEATURE_ENUM

struct kind_feature_input {
    const struct kind_signals *ks;
    const struct page_shape *shape;
    const struct page_voice *voice;
    const struct blocks *bs;      /* may be NULL */
    const float *rule_score;      /* [KIND_COUNT], the rules' verdict */
    const float *url_score;       /* [KIND_COUNT], url_kind()'s words */
    int url_root;                 /* the address is the site's root */
    int dated, authored;
};

/* Fills out[KF_COUNT]. */
void kind_features(const struct kind_feature_input *in, float *out);

/* "rule_article"...: the feature's name, for --explain and training. */
const char *kind_feature_name(enum kind_feature f);

#endif
