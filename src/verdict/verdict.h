/*
 * Is there an article on this page?  After scoring, a page can still hold
 * no main content: nothing at all, less text than asked for, an index of
 * teasers, a list of search results, a consent wall with nothing behind
 * it, or the shell of a page that JavaScript would build.  The verdict
 * names which, for pith_result.reason and the error message.  Reads what
 * the earlier stages recorded (blocks, signals, scores, metadata).
 */
#ifndef PITH_VERDICT_H
#define PITH_VERDICT_H

#include "kind/kind.h"

#include <stddef.h>

struct blocks;
struct page_signals;
struct score_result;

enum verdict {
    VERDICT_ARTICLE = 0,
    VERDICT_EMPTY,        /* no text at all */
    VERDICT_TOO_SHORT,    /* less text than min_chars */
    VERDICT_INDEX,        /* linked headlines and blurbs, no prose */
    VERDICT_SEARCH,       /* an index that is a search's results */
    VERDICT_CONSENT,      /* what is left is a cookie or consent notice */
    VERDICT_JS_SHELL      /* an empty page that scripts would fill */
};

/* What the verdict reads. */
struct verdict_input {
    const struct blocks *bs;
    const struct score_result *sc;
    const struct page_signals *page; /* of the tree (signals.h) */
    size_t prepass_script_bytes;     /* script the pre-pass removed */
    const char *url;                 /* the page's address, or NULL */
    const char *doc_title;           /* its <title>, or NULL */
    size_t text_chars;   /* of the output text, not counting white space */
    size_t min_chars;    /* less is too short */
    int jsonld_body;     /* the page carries a JSON-LD articleBody (and
                            the text may be it): an article whatever the
                            page looks like, when any text came out */
    enum page_kind kind; /* the page's kind (kind.h) */
};

enum verdict verdict_judge(const struct verdict_input *in);

/* The reason's name in pith_result ("index", "consent-wall"...), NULL for
 * an article. */
const char *verdict_reason(enum verdict v);

/* A sentence for the error message ("the page is an index of links"). */
const char *verdict_message(enum verdict v);

#endif
