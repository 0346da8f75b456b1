/*
 * The page's kind: what sort of page this is, which decides what its main
 * content is (one article, every post of a thread, every card of a
 * listing, every section of a service page...).
 *
 * Read from what the page says of itself (JSON-LD and microdata types,
 * og:type), its address, and the shape of its block table.  Runs after
 * blocks and meta, before the scorer; later stages read the verdict.
 */
#ifndef PITH_KIND_H
#define PITH_KIND_H

#include "kind/features.h"

#include <stddef.h>

struct blocks;
struct meta;
struct page_signals;

enum page_kind {
    KIND_ARTICLE = 0,   /* news, blog post, guide, review */
    KIND_FORUM,         /* a thread or a Q&A page: every post */
    KIND_PRODUCT,       /* one product: name, description, specs */
    KIND_COLLECTION,    /* a shop's category page: every item */
    KIND_LISTING,       /* an index of articles, courses...: every card */
    KIND_DOCUMENTATION, /* reference, tutorial, wiki: text and code */
    KIND_SERVICE,       /* a product or company page of sections */
    KIND_OTHER,         /* none of these fits */
    KIND_COUNT
};

/* What the classifier reads. */
struct kind_input {
    const struct blocks *bs;
    const struct meta *meta;
    const struct page_signals *signals;
    const char *url;          /* the page's address, or NULL */
};

/* Its answer, with the evidence --explain shows. */
struct kind_verdict {
    enum page_kind kind;
    int forced;               /* given by the caller, not detected */
    float score[KIND_COUNT];  /* each kind's probability, by the model */
    float rule[KIND_COUNT];   /* the hand-written rules' evidence */
    float feature[KF_COUNT];  /* what the model weighed */
    char why[256];            /* the rules' signals, for --explain */
};

/* Classifies the page of in into out. */
void kind_classify(const struct kind_input *in, struct kind_verdict *out);

/* "article", "forum"...; never NULL. */
const char *kind_name(enum page_kind k);

/* The kind named s (as kind_name() spells it, any case) into *out.
 * Returns 0, or -1 for a name that is no kind. */
int kind_from_name(const char *s, enum page_kind *out);

#endif
