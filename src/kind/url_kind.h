/*
 * What a page's address says of its kind: the words of its path
 * (/products/NAME, /collections/, /t/, /docs/, /blog/ at its end...).
 */
#ifndef PITH_URL_KIND_H
#define PITH_URL_KIND_H

#include "kind/kind.h"

/* Evidence per kind from url (may be NULL) added to score[]; the path
 * words that counted are appended to why (size cap). */
void url_kind(const char *url, float score[KIND_COUNT], char *why,
              size_t cap);

#endif
