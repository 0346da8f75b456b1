/*
 * URL -> bytes, with libcurl: redirects (up to PITH_MAX_REDIRECTS), total
 * and connect timeouts, every compression libcurl knows, and a byte cap
 * enforced on the decoded body while it arrives (a gzip bomb stops at the
 * cap).  The body is malloc'd and owned by the caller after fetch_url().
 */
#ifndef PITH_FETCH_H
#define PITH_FETCH_H

#include "pith.h"

#include <stddef.h>

struct fetched {
    char *body;           /* malloc'd, NUL-terminated */
    size_t len;
    long status;          /* HTTP status, 0 for non-HTTP schemes */
    char *content_type;   /* malloc'd or NULL */
    char *final_url;      /* malloc'd: the URL after redirects */
};

pith_status fetch_url(pith_extractor *ex, const char *url,
                      struct fetched *out);
void fetch_free(struct fetched *f);

#endif
