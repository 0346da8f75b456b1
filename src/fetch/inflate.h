/*
 * A compressed HTTP body (Content-Encoding gzip, x-gzip or deflate)
 * inflated whole into a new buffer, with a cap on what comes out, so a
 * gzip bomb stops at the cap.  Shared by the fetcher (which asks libcurl
 * not to decode: libcurl 7.88 takes a gzip stream cut short for a whole
 * one) and the CLI's WARC reader.  A stream that ends before its end
 * marker is told apart from a whole one: partial text must not pass as
 * the page unless the caller chooses so.
 */
#ifndef PITH_FETCH_INFLATE_H
#define PITH_FETCH_INFLATE_H

#include <stddef.h>

enum inflate_coding {
    INFLATE_GZIP,   /* gzip (x-gzip); a zlib stream is accepted too */
    INFLATE_DEFLATE /* "deflate": zlib-wrapped as RFC 9110 says, or raw
                       deflate, as some servers send it */
};

enum inflate_rc {
    INFLATE_OK = 0,
    INFLATE_TRUNCATED, /* the data ends inside the compressed stream */
    INFLATE_TOO_BIG,   /* more than max bytes would come out */
    INFLATE_CORRUPT,   /* not a stream of that coding, or damaged */
    INFLATE_NOMEM
};

/* Inflates in[0..len) into *out (malloc'd, NUL-terminated, at most max
 * bytes, *out_len long).  *out is set whatever the outcome, to what came
 * out before it ended (NULL only on INFLATE_NOMEM), and the caller frees
 * it: on INFLATE_TRUNCATED or INFLATE_TOO_BIG a caller may keep the
 * part. */
enum inflate_rc inflate_body(const char *in, size_t len,
                             enum inflate_coding coding, size_t max,
                             char **out, size_t *out_len);

/* The coding named by a Content-Encoding value ("gzip", " x-gzip",
 * "deflate"): 0 with *coding set; 1 for identity (or no value: nothing
 * to undo); -1 for any other coding, or a list of codings. */
int inflate_coding_of(const char *value, size_t len,
                      enum inflate_coding *coding);

#endif
