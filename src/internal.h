/*
 * What the library's modules share behind the public header: the
 * extractor handle and the result with the arena that owns it.
 */
#ifndef PITH_INTERNAL_H
#define PITH_INTERNAL_H

#include "pith.h"

#include "arena.h"

#include <stdarg.h>

struct pith_extractor {
    pith_options opt;
    char errmsg[512];
    int http_status;
    /* Fetching state, created on the first fetch and kept so that later
     * fetches reuse connections (see fetch.c, fetch_multi.c). */
    void *multi;       /* CURLM * */
    void *share;       /* CURLSH *: cookies, DNS cache, TLS sessions */
    void *headers;     /* struct curl_slist * of opt.headers */
    int prepared;      /* headers built and cookie file checked */
    unsigned long long rng; /* state of the retry jitter */
};

/* A result and the arena holding everything it points to. */
struct result {
    pith_result pub;
    struct arena arena;
};

/* A new, empty result in an arena of its own, which it owns (freed with
 * pith_result_free()); NULL when out of memory.  Later allocations for
 * it go through r->arena. */
struct result *result_new(void);

/* Records a printf-style message as the extractor's last error and
 * returns status. */
pith_status extractor_fail(pith_extractor *ex, pith_status status,
                           const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

size_t extractor_max_bytes(const pith_extractor *ex);

#endif
