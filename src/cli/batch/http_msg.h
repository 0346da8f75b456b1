/*
 * The HTTP response inside a WARC response record: its head (status,
 * Content-Type, how the body was sent) and its body as the page's bytes,
 * de-chunked and decompressed, since a WARC keeps the response as it came
 * over the wire.
 */
#ifndef PITH_CLI_HTTP_MSG_H
#define PITH_CLI_HTTP_MSG_H

#include <stddef.h>

enum http_coding { HTTP_IDENTITY, HTTP_GZIP, HTTP_DEFLATE, HTTP_OTHER };

struct http_head {
    int status;              /* 200, 404, ... */
    char content_type[256];  /* "" when absent */
    int chunked;             /* Transfer-Encoding: chunked */
    enum http_coding coding; /* Content-Encoding */
    size_t head_len;         /* bytes up to and with the blank line */
};

/* Reads the status line and headers at the start of msg.  0 on success;
 * -1 when msg does not start with an HTTP status line or the head does
 * not end within len bytes. */
int http_head_parse(const char *msg, size_t len, struct http_head *h);

/* Nonzero for a Content-Type a page is served as (or none at all). */
int http_type_is_html(const char *content_type);

enum { HTTP_BODY_OK = 0, HTTP_BODY_MALFORMED = -1, HTTP_BODY_TOO_BIG = -2,
       HTTP_BODY_CODING = -3, HTTP_BODY_NOMEM = -4 };

/* The page's bytes of body (after the head): *out is body itself when it
 * needs no decoding, else a malloc'd copy the caller frees (*owned set).
 * At most max bytes come out.  Returns an HTTP_BODY_ value. */
int http_body_decode(const struct http_head *h, const char *body,
                     size_t len, size_t max, const char **out,
                     size_t *out_len, char **owned);

#endif
