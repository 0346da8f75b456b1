/*
 * Finding <meta http-equiv="refresh" content="0; url=..."> in the raw
 * bytes of a fetched page, without parsing it: a small scanner over the
 * first PITH_META_REFRESH_SCAN_BYTES that skips comments, scripts and
 * styles and reads the content attribute as the HTML standard's
 * declarative refresh steps do.  Works on ASCII-compatible encodings.
 */
#ifndef PITH_REFRESH_H
#define PITH_REFRESH_H

#include <stddef.h>

/* Returns 0 when the first refresh <meta> of bytes names a URL, with its
 * delay in whole seconds in *delay and the URL (as written, trimmed, not
 * resolved) in url[0..size-1]; -1 when there is none, it has no URL, or
 * the URL does not fit. */
int refresh_find(const char *bytes, size_t len, long *delay, char *url,
                 size_t size);

#endif
