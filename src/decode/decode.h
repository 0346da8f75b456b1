/*
 * Bytes -> the UTF-8 text the parser reads: the charset decided (BOM,
 * HTTP header, <meta>, detection), the bytes decoded, and the pre-pass
 * that drops what no later stage reads.
 */
#ifndef PITH_DECODE_H
#define PITH_DECODE_H

#include "decode/charset.h"
#include "decode/prepass.h"

#include <stddef.h>

struct decoded {
    struct charset_decision cs;
    char *utf8;            /* malloc'd, NUL-terminated; decoded_free() */
    size_t utf8_len;
    struct prepass_stats prepass; /* what the pre-pass removed; zero
                                     without it */
};

enum decode_status {
    DECODE_OK = 0,
    DECODE_NOMEM_CHARSET,  /* out of memory decoding the bytes */
    DECODE_NOMEM_PREPASS   /* out of memory in the pre-pass */
};

/* Decodes bytes[0..len) into out; content_type may be NULL; charset, a
 * WHATWG name or NULL, overrides every other source.  max_out caps the
 * decoded size; with no_prepass the text goes to the parser as it
 * decoded (for comparisons). */
enum decode_status decode_page(const char *bytes, size_t len,
                               const char *content_type, const char *charset,
                               int no_prepass, size_t max_out,
                               struct decoded *out);

void decoded_free(struct decoded *d);

#endif
