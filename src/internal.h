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
    void *curl; /* CURL *, created on the first fetch */
};

/* A result and the arena holding everything it points to. */
struct result {
    pith_result pub;
    struct arena arena;
};

/* Records a printf-style message as the extractor's last error and
 * returns status. */
pith_status extractor_fail(pith_extractor *ex, pith_status status,
                           const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

size_t extractor_max_bytes(const pith_extractor *ex);

#endif
