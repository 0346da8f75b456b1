/*
 * One page through every stage up to the scored blocks, for the pipeline
 * (extract.c) and for explaining its decisions (explain.c).
 */
#ifndef PITH_PAGE_H
#define PITH_PAGE_H

#include "blocks/blocks.h"
#include "decode/charset.h"
#include "meta/meta.h"
#include "pith.h"
#include "decode/prepass.h"
#include "score/score.h"

#include <gumbo.h>

struct arena;

struct page {
    const char *url;     /* the page's address, or NULL; set by the caller */
    struct charset_decision cs;
    char *utf8;          /* malloc'd; the caller frees it */
    size_t utf8_len;
    GumboOutput *doc;    /* in the arena */
    struct blocks bs;
    struct meta meta;
    struct score_result sc;
    int rescued;         /* the text is JSON-LD's articleBody */
    struct prepass_stats prepass; /* what the pre-pass removed; zero
                                     without it */
};

/* Checks the byte cap and that the input is HTML (unless forced). */
pith_status page_check_input(pith_extractor *ex, const char *bytes,
                             size_t len, const char *content_type);

/* Decodes, parses, segments and scores bytes into pg, allocating from
 * arena. */
pith_status page_analyse(pith_extractor *ex, struct arena *arena,
                         const char *bytes, size_t len,
                         const char *content_type, struct page *pg);

#endif
