/*
 * The extractor handle's life, from pith_global_init() to pith_free(),
 * and the library's status words.  An extractor holds its options, its
 * last error and, once it has fetched, the fetching state (fetch.h).
 */
#include "internal.h"

#include "fetch/fetch.h"
#include "limits.h"

#include <stdio.h>
#include <stdlib.h>

pith_status
pith_global_init(void)
{
    return fetch_global_init();
}

void
pith_global_cleanup(void)
{
    fetch_global_cleanup();
}

pith_extractor *
pith_new(const pith_options *opt)
{
    pith_extractor *ex = calloc(1, sizeof *ex);
    if (!ex)
        return NULL;
    if (opt)
        ex->opt = *opt;
    return ex;
}

void
pith_free(pith_extractor *ex)
{
    if (!ex)
        return;
    fetch_release(ex);
    free(ex);
}

pith_status
extractor_fail(pith_extractor *ex, pith_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ex->errmsg, sizeof ex->errmsg, fmt, ap);
    va_end(ap);
    return status;
}

size_t
extractor_max_bytes(const pith_extractor *ex)
{
    return ex->opt.max_bytes ? ex->opt.max_bytes : PITH_DEFAULT_MAX_BYTES;
}

const char *
pith_errmsg(const pith_extractor *ex)
{
    return ex ? ex->errmsg : "";
}

int
pith_http_status(const pith_extractor *ex)
{
    return ex ? ex->http_status : 0;
}

struct result *
result_new(void)
{
    struct arena a;
    arena_init(&a);
    struct result *r = arena_calloc(&a, 1, sizeof *r);
    if (!r) {
        arena_free(&a);
        return NULL;
    }
    r->arena = a;
    return r;
}

void
pith_result_free(pith_result *res)
{
    if (!res)
        return;
    struct result *r = (struct result *)res;
    struct arena a = r->arena;
    arena_free(&a); /* r itself lives in its arena */
}

const char *
pith_strerror(pith_status s)
{
    switch (s) {
    case PITH_OK: return "success";
    case PITH_ERR_NOMEM: return "out of memory";
    case PITH_ERR_ARG: return "invalid argument";
    case PITH_ERR_INPUT: return "input unreadable";
    case PITH_ERR_TOO_BIG: return "input too large";
    case PITH_ERR_FETCH: return "fetch failed";
    case PITH_ERR_HTTP: return "HTTP error status";
    case PITH_ERR_NOT_HTML: return "not HTML";
    case PITH_ERR_NO_CONTENT: return "no main content found";
    case PITH_ERR_INTERNAL: return "internal error";
    }
    return "unknown status";
}
