/*
 * Tree -> the page's metadata: title, authors, dates, site, description,
 * language, image, tags, license, canonical URL, and the article body that
 * JSON-LD may carry.  Sources in order of trust: JSON-LD, then Open Graph /
 * Twitter / Dublin Core meta tags, then itemprop, <time datetime>,
 * rel=author, <html lang>, <link rel=canonical>, and last the visible
 * byline.  Strings live in the document's arena and are whitespace-collapsed
 * UTF-8; URLs are absolute when a base URL is known.
 *
 * The work is split by source: meta_jsonld.c (structured data),
 * meta_title.c (Readability's <title> cleaning), meta_author.c (names and
 * the visible byline), meta_date.c (dates to ISO 8601); meta.c scans the
 * tree once and decides between the sources.
 */
#ifndef PITH_META_H
#define PITH_META_H

#include <stddef.h>

struct arena;
struct GumboInternalOutput;

/* The facts of a product page, as strings; NULL where the page gives
 * none.  price, rating and review_count are plain decimal numbers. */
struct meta_product {
    const char *name, *brand, *sku, *price, *currency, *availability;
    const char *rating, *review_count;
};

struct meta {
    const char *title;         /* Readability's title, which the scorer
                                  compares headings with */
    const char *headline;      /* the title shown: the page's headline,
                                  without the site's name */
    const char *doc_title;     /* the <title> element as written */
    const char *jsonld_title;  /* headline of a JSON-LD article */
    const char *jsonld_body;   /* articleBody of a JSON-LD article */
    const char **authors;      /* clean names, no "By", no duplicates */
    size_t n_authors;
    const char *date_published; /* ISO 8601: YYYY-MM-DD[THH:MM:SS[zone]] */
    const char *date_modified;
    const char *site_name;
    const char *description;
    const char *lang;
    const char *canonical_url;
    const char *image;
    const char **tags;
    size_t n_tags;
    const char *license;
    const char *base_url;      /* what relative URLs resolve against: the
                                  <base href> over the page's own URL */
    /* A JSON-LD Product's name and text (description lines, then
     * "Name: value" lines of its additionalProperty): what a product
     * page may hide behind tabs or build with scripts.  NULL when none. */
    const char *product_name;
    const char *product_text;
    /* The product's facts from JSON-LD, microdata or Open Graph; NULL
     * when the page gives no name, price, sku or rating. */
    const struct meta_product *product;
};

/* Reads the metadata of a parsed page; url is the page's address or NULL.
 * Returns 0, or -1 when out of memory. */
int meta_read(struct arena *a, const struct GumboInternalOutput *doc,
              const char *url, struct meta *out);

#endif
