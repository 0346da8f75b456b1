/*
 * Compressed HTTP bodies inflated whole; see inflate.h.
 */
#include "fetch/inflate.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

/* zlib's window bits: 15 + 32 reads a gzip or a zlib header, whichever
 * comes; -15 reads raw deflate. */
#define BITS_WRAPPED (15 + 32)
#define BITS_RAW (-15)

/* zlib counts in uInt: longer spans go in pieces. */
#define UINT_SPAN ((uInt)-1)

/* One pass of zlib over in with window_bits; see inflate_body(). */
static enum inflate_rc
run(const char *in, size_t len, int window_bits, size_t max, char **out,
    size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    if (max > SIZE_MAX / 4)
        max = SIZE_MAX / 4; /* max + 1 and doubling stay in range */
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, window_bits) != Z_OK)
        return INFLATE_NOMEM;
    /* Room grows by doubling up to max + 1 bytes: one past the cap tells
     * a body over it from one exactly at it. */
    size_t cap = len < max / 4 ? len * 4 + 4096 : max + 1;
    if (cap > max + 1)
        cap = max + 1;
    char *buf = malloc(cap + 1), *grown;
    size_t n = 0, left = len;
    const unsigned char *p = (const unsigned char *)in;
    int rc = buf ? Z_OK : Z_MEM_ERROR;
    while (rc == Z_OK && n <= max) {
        if (n == cap) {
            size_t ncap = cap > (max + 1) / 2 ? max + 1 : cap * 2;
            if (!(grown = realloc(buf, ncap + 1))) {
                rc = Z_MEM_ERROR;
                break;
            }
            buf = grown;
            cap = ncap;
        }
        if (z.avail_in == 0 && left) {
            uInt chunk = left > UINT_SPAN ? UINT_SPAN : (uInt)left;
            z.next_in = (unsigned char *)p;
            z.avail_in = chunk;
            p += chunk;
            left -= chunk;
        }
        size_t room = cap - n;
        z.next_out = (unsigned char *)buf + n;
        z.avail_out = room > UINT_SPAN ? UINT_SPAN : (uInt)room;
        rc = inflate(&z, Z_NO_FLUSH);
        n = (size_t)((char *)z.next_out - buf);
        /* Z_BUF_ERROR: no progress.  With room left to write, the input
         * is spent before the stream's end: cut short. */
        if (rc == Z_BUF_ERROR && z.avail_out == 0)
            rc = Z_OK;
    }
    inflateEnd(&z);
    enum inflate_rc res;
    if (rc == Z_MEM_ERROR)
        res = INFLATE_NOMEM;
    else if (n > max)
        res = INFLATE_TOO_BIG;
    else if (rc == Z_STREAM_END)
        res = INFLATE_OK;
    else if (rc == Z_BUF_ERROR)
        res = INFLATE_TRUNCATED;
    else
        res = INFLATE_CORRUPT;
    if (!buf)
        return INFLATE_NOMEM;
    if (n > max)
        n = max;
    buf[n] = '\0';
    *out = buf;
    *out_len = n;
    return res;
}

enum inflate_rc
inflate_body(const char *in, size_t len, enum inflate_coding coding,
             size_t max, char **out, size_t *out_len)
{
    enum inflate_rc rc = run(in, len, BITS_WRAPPED, max, out, out_len);
    if (rc == INFLATE_CORRUPT && coding == INFLATE_DEFLATE) {
        /* No zlib header: raw deflate, which "deflate" often means. */
        free(*out);
        rc = run(in, len, BITS_RAW, max, out, out_len);
    }
    return rc;
}

int
inflate_coding_of(const char *value, size_t len, enum inflate_coding *coding)
{
    while (len && (*value == ' ' || *value == '\t'))
        value++, len--;
    while (len && (value[len - 1] == ' ' || value[len - 1] == '\t' ||
                   value[len - 1] == '\r' || value[len - 1] == '\n'))
        len--;
    if (!len || (len == 8 && !strncasecmp(value, "identity", 8)))
        return 1;
    if ((len == 4 && !strncasecmp(value, "gzip", 4)) ||
        (len == 6 && !strncasecmp(value, "x-gzip", 6))) {
        *coding = INFLATE_GZIP;
        return 0;
    }
    if (len == 7 && !strncasecmp(value, "deflate", 7)) {
        *coding = INFLATE_DEFLATE;
        return 0;
    }
    return -1;
}
