/*
 * What a page says of its own kind, read while the tree is there for the
 * classifier (src/kind/): the schema.org types of its JSON-LD and
 * microdata, its og:type, the platform its generator meta names, and a
 * few counts of markup that only some kinds carry (prices, add-to-cart
 * forms, posts with authors, code).
 */
#ifndef PITH_KIND_SIGNALS_H
#define PITH_KIND_SIGNALS_H

#include <stdint.h>

struct GumboInternalNode;

/* schema.org types that tell a kind (bit per type in kind_signals). */
enum schema_type {
    ST_PRODUCT, ST_OFFER, ST_AGGREGATE_OFFER, ST_FORUM_POSTING, ST_QA_PAGE,
    ST_QUESTION, ST_ANSWER, ST_ITEM_LIST, ST_COLLECTION_PAGE,
    ST_OFFER_CATALOG, ST_SEARCH_RESULTS, ST_TECH_ARTICLE, ST_API_REFERENCE,
    ST_SOFTWARE_APP, ST_SERVICE, ST_ORGANIZATION, ST_LOCAL_BUSINESS,
    ST_ARTICLE, ST_NEWS_ARTICLE, ST_BLOG_POSTING, ST_BLOG, ST_FAQ_PAGE,
    ST_HOW_TO, ST_RECIPE, ST_COURSE, ST_ABOUT_PAGE, ST_BREADCRUMB,
    ST_WEB_PAGE, ST_REVIEW, ST_EVENT, ST_PERSON, ST_COMMENT,
    ST_COUNT
};

/* Platforms a generator meta may name. */
enum platform {
    PF_NONE, PF_FORUM, PF_SHOP, PF_DOCS, PF_WIKI, PF_BLOG
};

/* og:type as read. */
enum og_type {
    OG_NONE, OG_ARTICLE, OG_PRODUCT, OG_WEBSITE, OG_PROFILE, OG_OTHER
};

/* Parts of a page told by an element's tag or a word inside its class
 * ("btn-primary", "hero__title", "pagination"). */
enum kind_mark {
    KM_BUTTON,      /* <button>, btn, button, cta */
    KM_SECTION,     /* <section> */
    KM_HERO,        /* hero, banner, jumbotron */
    KM_PRICING,     /* pricing, plan */
    KM_TESTIMONIAL, /* testimonial, quote, review */
    KM_FAQ,         /* faq, accordion */
    KM_CARD,        /* card, tile, teaser */
    KM_PAGINATION,  /* pagination, pager */
    KM_SIDEBAR,     /* sidebar, toc */
    KM_FILTER,      /* filter, facet, sort */
    KM_IMAGE,       /* <img> */
    KM_INPUT,       /* <input>, <select>, <textarea> */
    KM_COUNT
};

struct kind_signals {
    uint16_t jsonld[ST_COUNT];    /* objects of each type in JSON-LD */
    uint16_t micro[ST_COUNT];     /* elements of each itemtype */
    uint8_t og_type;              /* enum og_type */
    uint8_t platform;             /* enum platform, from <meta generator> */
    char generator[32];           /* its first word, for --explain */
    uint16_t n_price;             /* elements classed or itemprop'd price */
    uint16_t n_cart;              /* add-to-cart forms and buttons */
    uint16_t n_post;              /* elements classed as a forum post */
    uint16_t n_code;              /* <pre> and <code> elements */
    uint16_t n_tel;               /* links to call a number (tel:) */
    uint16_t n_mailto;            /* links to write a mail (mailto:) */
    uint16_t n_variant_lists;     /* JSON-LD scripts with "hasVariant" */
    /* Elements whose tag or class names a part only some kinds have. */
    uint16_t n_mark[KM_COUNT];
};

/* Reads what element n says into ks (call once per element, in order). */
void kind_signals_element(const struct GumboInternalNode *n,
                          struct kind_signals *ks);

/* Reads the @types of one JSON-LD script's text into ks. */
void kind_signals_jsonld(const char *text, struct kind_signals *ks);

/* The name of a schema type ("Product"...). */
const char *schema_type_name(enum schema_type t);

#endif
