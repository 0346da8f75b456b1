/*
 * Relative references -> absolute URLs (RFC 3986, section 5.2), for the
 * links, images and metadata URLs of a page.  No normalization beyond what
 * resolution needs: a URL that is already absolute comes back as written.
 */
#ifndef PITH_URL_H
#define PITH_URL_H

struct arena;

/* ref resolved against base, in the arena.  White space around ref and
 * tabs and line breaks inside it are dropped, as browsers do.  Returns
 * ref (trimmed) when base is NULL or not absolute, NULL when ref is NULL
 * or out of memory. */
const char *url_resolve(struct arena *a, const char *base, const char *ref);

/* Nonzero when s starts with a scheme ("https:", "mailto:"). */
int url_has_scheme(const char *s);

#endif
