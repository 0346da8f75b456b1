/*
 * decode/inflate.c: whole, cut and oversized gzip and deflate streams.
 * The streams are made here with zlib, from generated text.
 */
#include "fetch/inflate.h"

#include "harness.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Compresses in with window_bits (31 gzip, 15 zlib, -15 raw) into a new
 * buffer; *out_len its length. */
static unsigned char *
squeeze(const char *in, size_t len, int window_bits, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 9, Z_DEFLATED, window_bits, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        return NULL;
    size_t cap = deflateBound(&z, (uLong)len);
    unsigned char *out = malloc(cap);
    z.next_in = (unsigned char *)in;
    z.avail_in = (uInt)len;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    int rc = out ? deflate(&z, Z_FINISH) : Z_MEM_ERROR;
    *out_len = cap - z.avail_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END) {
        free(out);
        return NULL;
    }
    return out;
}

/* Text that compresses, but not to nothing: numbered sentences. */
static char *
text(size_t *len)
{
    size_t cap = 64 * 1024, n = 0;
    char *t = malloc(cap);
    for (int i = 0; t && n + 64 < cap; i++)
        n += (size_t)snprintf(t + n, cap - n, "Sentence %d of the page, "
                              "with %d words. ", i, i * 7 % 13);
    *len = n;
    return t;
}

static void
test_whole_and_cut(const char *t, size_t len)
{
    size_t zlen;
    unsigned char *gz = squeeze(t, len, 31, &zlen);
    OK(gz != NULL, "gzip made");
    if (!gz)
        return;
    char *out;
    size_t n;
    EQ_INT(inflate_body((char *)gz, zlen, INFLATE_GZIP, len, &out, &n),
           INFLATE_OK, "whole gzip, cap at its length");
    OK(n == len && !memcmp(out, t, len) && out[n] == '\0',
       "whole gzip: the text, NUL-terminated");
    free(out);
    /* Every cut, trailer included, is a cut: never the whole text. */
    int all_cut = 1, all_prefix = 1;
    /* Each cut near the ends (headers, trailer), every 37th between. */
    for (size_t cut = 0; cut < zlen;
         cut += cut < 32 || cut + 32 > zlen ? 1 : 37) {
        enum inflate_rc rc = inflate_body((char *)gz, cut, INFLATE_GZIP,
                                          len, &out, &n);
        all_cut &= rc == INFLATE_TRUNCATED;
        all_prefix &= out && n <= len && !memcmp(out, t, n);
        free(out);
    }
    OK(all_cut, "a gzip stream cut anywhere is truncated");
    OK(all_prefix, "what a cut stream gives is the start of the text");
    EQ_INT(inflate_body((char *)gz, zlen, INFLATE_GZIP, len - 1, &out, &n),
           INFLATE_TOO_BIG, "one byte over the cap");
    OK(n == len - 1 && !memcmp(out, t, n), "over the cap: the first max "
       "bytes");
    free(out);
    free(gz);
}

static void
test_deflate(const char *t, size_t len)
{
    size_t zlen, rlen;
    unsigned char *zl = squeeze(t, len, 15, &zlen);
    unsigned char *raw = squeeze(t, len, -15, &rlen);
    char *out;
    size_t n;
    OK(zl && raw, "deflate streams made");
    if (zl && raw) {
        EQ_INT(inflate_body((char *)zl, zlen, INFLATE_DEFLATE, len, &out,
                            &n), INFLATE_OK, "zlib-wrapped deflate");
        OK(n == len && !memcmp(out, t, len), "zlib deflate: the text");
        free(out);
        EQ_INT(inflate_body((char *)raw, rlen, INFLATE_DEFLATE, len, &out,
                            &n), INFLATE_OK, "raw deflate");
        OK(n == len && !memcmp(out, t, len), "raw deflate: the text");
        free(out);
        EQ_INT(inflate_body((char *)raw, rlen / 2, INFLATE_DEFLATE, len,
                            &out, &n), INFLATE_TRUNCATED, "raw deflate cut");
        free(out);
        EQ_INT(inflate_body((char *)raw, rlen, INFLATE_GZIP, len, &out, &n),
               INFLATE_CORRUPT, "raw deflate is no gzip");
        free(out);
    }
    free(zl);
    free(raw);
    EQ_INT(inflate_body("<html>plain</html>", 18, INFLATE_GZIP, len, &out,
                        &n), INFLATE_CORRUPT, "plain bytes are no gzip");
    free(out);
}

static void
test_bomb(void)
{
    size_t big = 16u << 20, zlen;
    char *zeros = calloc(1, big);
    unsigned char *gz = zeros ? squeeze(zeros, big, 31, &zlen) : NULL;
    free(zeros);
    OK(gz && zlen < big / 500, "a bomb: 16 MiB of zeros, small");
    if (!gz)
        return;
    char *out;
    size_t n;
    EQ_INT(inflate_body((char *)gz, zlen, INFLATE_GZIP, 1000, &out, &n),
           INFLATE_TOO_BIG, "the bomb stops at a 1000-byte cap");
    EQ_INT(n, 1000, "the bomb: the cap's bytes come out");
    free(out);
    free(gz);
}

static void
test_coding_names(void)
{
    enum inflate_coding c = INFLATE_DEFLATE;
    EQ_INT(inflate_coding_of(" gzip\r\n", 7, &c), 0, "gzip");
    EQ_INT(c, INFLATE_GZIP, "gzip's coding");
    EQ_INT(inflate_coding_of("X-GZIP", 6, &c), 0, "x-gzip");
    EQ_INT(c, INFLATE_GZIP, "x-gzip's coding");
    EQ_INT(inflate_coding_of("deflate", 7, &c), 0, "deflate");
    EQ_INT(c, INFLATE_DEFLATE, "deflate's coding");
    EQ_INT(inflate_coding_of("Identity", 8, &c), 1, "identity");
    EQ_INT(inflate_coding_of("  ", 2, &c), 1, "no value");
    EQ_INT(inflate_coding_of("br", 2, &c), -1, "br");
    EQ_INT(inflate_coding_of("gzip, br", 8, &c), -1, "a list");
    EQ_INT(inflate_coding_of("gzipx", 5, &c), -1, "gzipx");
}

int
main(void)
{
    size_t len;
    char *t = text(&len);
    OK(t != NULL, "text made");
    if (t) {
        test_whole_and_cut(t, len);
        test_deflate(t, len);
    }
    free(t);
    test_bomb();
    test_coding_names();
    return test_done();
}
