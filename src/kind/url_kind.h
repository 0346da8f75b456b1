/*
 * What a page's address says of its kind: the words of its path
 * (/products/NAME, /collections/, /t/, /docs/, /blog/ at its end...).
 */
#ifndef PITH_URL_KIND_H
#define PITH_URL_KIND_H

#include "kind/kind.h"

/* Evidence per kind from url (may be NULL) added to score[]; the path
 * words that counted are appended to why (size cap).  Returns 1 when
 * the path is the site's root (no segment but index.html), else 0. */
int url_kind(const char *url, float score[KIND_COUNT], char *why,
              size_t cap);

#endif
