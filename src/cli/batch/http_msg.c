/*
 * HTTP responses as WARC files keep them; see http_msg.h.  Lenient where
 * crawlers are sloppy (bare \n line ends, a missing final chunk), strict
 * where a mistake would read past the record.
 */
#include "cli/batch/http_msg.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

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
            if (!strcasecmp(value, "gzip") || !strcasecmp(value, "x-gzip"))
                h->coding = HTTP_GZIP;
            else if (!strcasecmp(value, "deflate"))
                h->coding = HTTP_DEFLATE;
            else if (*value && strcasecmp(value, "identity"))
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

/* Inflates gzip, zlib or raw deflate data (servers send all three as
 * "deflate") into a new buffer of at most max bytes. */
static int
inflate_all(const char *in, size_t len, int raw, size_t max, char **out,
            size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, raw ? -15 : 15 + 32) != Z_OK)
        return HTTP_BODY_NOMEM;
    size_t cap = len * 4 + 4096, n = 0;
    char *buf = malloc(cap);
    int rc = buf ? Z_OK : Z_MEM_ERROR;
    z.next_in = (unsigned char *)in;
    z.avail_in = (uInt)len;
    while (rc == Z_OK) {
        if (n == cap) {
            size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *nb = ncap > cap ? realloc(buf, ncap) : NULL;
            if (!nb) {
                rc = ncap > cap ? Z_MEM_ERROR : Z_BUF_ERROR;
                break;
            }
            buf = nb;
            cap = ncap;
        }
        z.next_out = (unsigned char *)buf + n;
        z.avail_out = (uInt)(cap - n);
        rc = inflate(&z, Z_NO_FLUSH);
        n = cap - z.avail_out;
        if (rc == Z_BUF_ERROR && z.avail_in == 0)
            rc = Z_STREAM_END; /* cut short: keep what came */
    }
    inflateEnd(&z);
    if (rc == Z_STREAM_END && n <= max) {
        *out = buf;
        *out_len = n;
        return HTTP_BODY_OK;
    }
    free(buf);
    if (rc == Z_MEM_ERROR)
        return HTTP_BODY_NOMEM;
    return n > max || rc == Z_BUF_ERROR ? HTTP_BODY_TOO_BIG
                                        : HTTP_BODY_MALFORMED;
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
        int rc = inflate_all(body, len, 0, max, &dec, &len);
        if (rc == HTTP_BODY_MALFORMED && h->coding == HTTP_DEFLATE)
            rc = inflate_all(body, len, 1, max, &dec, &len);
        free(plain);
        if (rc)
            return rc;
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
