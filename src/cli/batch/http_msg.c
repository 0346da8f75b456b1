/*
 * HTTP responses as WARC files keep them; see http_msg.h.  Lenient where
 * crawlers are sloppy (bare \n line ends, a missing final chunk), strict
 * where a mistake would read past the record.
 */
#include "cli/batch/http_msg.h"

#include "fetch/inflate.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The end of the line starting at p (at its \n, or end). */
static const char *
line_end(const char *p, const char *end)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    return nl ? nl : end;
}

/* Copies the value of header line [p, e) into out when its name is
 * name; returns 1 then. */
static int
header_value(const char *p, const char *e, const char *name, char *out,
             size_t size)
{
    size_t n = strlen(name);
    if ((size_t)(e - p) <= n || strncasecmp(p, name, n) || p[n] != ':')
        return 0;
    p += n + 1;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    while (e > p && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
        e--;
    size_t l = (size_t)(e - p) < size - 1 ? (size_t)(e - p) : size - 1;
    memcpy(out, p, l);
    out[l] = '\0';
    return 1;
}

int
http_head_parse(const char *msg, size_t len, struct http_head *h)
{
    memset(h, 0, sizeof *h);
    const char *end = msg + len, *p = msg;
    if (len < 12 || strncmp(msg, "HTTP/", 5))
        return -1;
    const char *e = line_end(p, end);
    const char *sp = memchr(p, ' ', (size_t)(e - p));
    if (e == end || !sp)
        return -1;
    h->status = atoi(sp + 1);
    char value[256];
    for (p = e + 1; p < end; p = e + 1) {
        e = line_end(p, end);
        if (e == end)
            return -1;
        if (e == p || (e == p + 1 && *p == '\r')) {
            h->head_len = (size_t)(e + 1 - msg);
            return 0;
        }
        if (header_value(p, e, "Content-Type", value, sizeof value))
            memcpy(h->content_type, value, sizeof value);
        else if (header_value(p, e, "Transfer-Encoding", value,
                              sizeof value))
            h->chunked = strcasestr(value, "chunked") != NULL;
        else if (header_value(p, e, "Content-Encoding", value,
                              sizeof value)) {
            enum inflate_coding ic;
            int known = inflate_coding_of(value, strlen(value), &ic);
            if (known == 0)
                h->coding = ic == INFLATE_GZIP ? HTTP_GZIP : HTTP_DEFLATE;
            else if (known < 0)
                h->coding = HTTP_OTHER;
        }
    }
    return -1;
}

int
http_type_is_html(const char *ct)
{
    while (*ct == ' ')
        ct++;
    return !*ct || !strncasecmp(ct, "text/html", 9) ||
           !strncasecmp(ct, "application/xhtml+xml", 21);
}

/* Joins the chunks of a chunked body into a new buffer. */
static int
dechunk(const char *p, size_t len, size_t max, char **out, size_t *out_len)
{
    const char *end = p + len;
    char *buf = malloc(len + 1);
    size_t n = 0;
    if (!buf)
        return HTTP_BODY_NOMEM;
    while (p < end) {
        char *num_end;
        unsigned long size = strtoul(p, &num_end, 16);
        if (num_end == p) {
            free(buf);
            return HTTP_BODY_MALFORMED;
        }
        p = line_end(num_end, end);
        if (p == end || size == 0)
            break; /* the last chunk (trailers are not needed) */
        p++;
        if (size > (size_t)(end - p))
            size = (size_t)(end - p); /* a cut record: keep what came */
        if (n + size > max) {
            free(buf);
            return HTTP_BODY_TOO_BIG;
        }
        memcpy(buf + n, p, size);
        n += size;
        p += size;
        if (p < end && *p == '\r')
            p++;
        if (p < end && *p == '\n')
            p++;
    }
    *out = buf;
    *out_len = n;
    return HTTP_BODY_OK;
}

int
http_body_decode(const struct http_head *h, const char *body, size_t len,
                 size_t max, const char **out, size_t *out_len, char **owned)
{
    *owned = NULL;
    if (h->coding == HTTP_OTHER)
        return HTTP_BODY_CODING;
    char *plain = NULL;
    if (h->chunked) {
        int rc = dechunk(body, len, h->coding ? len : max, &plain, &len);
        if (rc)
            return rc;
        body = plain;
    }
    if (h->coding != HTTP_IDENTITY) {
        char *dec;
        enum inflate_rc rc = inflate_body(
            body, len, h->coding == HTTP_GZIP ? INFLATE_GZIP : INFLATE_DEFLATE,
            max, &dec, &len);
        free(plain);
        /* A WARC keeps what the crawler got: a body cut short (a record
         * truncated at the crawler's size limit) is kept as it came. */
        if (rc != INFLATE_OK && rc != INFLATE_TRUNCATED) {
            free(dec);
            return rc == INFLATE_TOO_BIG  ? HTTP_BODY_TOO_BIG
                   : rc == INFLATE_NOMEM ? HTTP_BODY_NOMEM
                                         : HTTP_BODY_MALFORMED;
        }
        plain = dec;
        body = dec;
    }
    if (len > max) {
        free(plain);
        return HTTP_BODY_TOO_BIG;
    }
    *out = body;
    *out_len = len;
    *owned = plain;
    return HTTP_BODY_OK;
}
