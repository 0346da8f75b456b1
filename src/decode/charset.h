/*
 * Charset decision and decoding: raw page bytes -> valid UTF-8.
 *
 * The decision follows the WHATWG order (byte order mark, the HTTP
 * Content-Type charset, a <meta> prescan) with one change learnt from real
 * pages: bytes that are valid UTF-8 and not plain ASCII are read as UTF-8
 * whatever a header or <meta> claims, since no legacy-encoded text of any
 * length passes as UTF-8 by chance.  Without a usable declaration a
 * detector (uchardet) guesses; windows-1252 is the last resort.  Invalid
 * sequences become U+FFFD: the output is always valid UTF-8.
 */
#ifndef PITH_CHARSET_H
#define PITH_CHARSET_H

#include <stddef.h>

enum charset_source {
    CHARSET_FROM_BOM,
    CHARSET_FROM_HTTP,
    CHARSET_FROM_META,
    CHARSET_FROM_DETECTOR,
    CHARSET_FROM_DEFAULT,
    CHARSET_FROM_OPTION          /* the caller named it */
};

struct charset_decision {
    char name[32];               /* WHATWG name, e.g. "windows-1252" */
    enum charset_source source;
    size_t bom_len;              /* bytes of BOM to skip */
    int valid_utf8;              /* "utf-8", and the bytes are valid as
                                    they are: decoding would copy them */
};

const char *charset_source_name(enum charset_source s);

/* Maps a label ("latin1", " GB2312 ", "x-sjis") to its WHATWG encoding
 * name, or returns NULL for an unknown label. */
const char *charset_canonical(const char *label, size_t len);

/* Extracts the charset parameter of a Content-Type value into out (a
 * canonical name); returns 0 when found and known. */
int charset_from_content_type(const char *content_type, char out[32]);

/* The <meta> prescan over the first bytes of a page; 0 when found. */
int charset_prescan_meta(const char *bytes, size_t len, char out[32]);

/* Nonzero when [s, s+len) is entirely valid UTF-8. */
int charset_is_valid_utf8(const char *s, size_t len, int *has_non_ascii);

/* Decides the charset of bytes, given the HTTP Content-Type (may be NULL). */
void charset_decide(const char *bytes, size_t len, const char *content_type,
                    struct charset_decision *out);

/* The decision when the caller names the charset (a WHATWG name, as
 * charset_canonical() gives it): whatever the page declares.  A BOM of
 * that encoding is still skipped. */
void charset_force(const char *bytes, size_t len, const char *name,
                   struct charset_decision *out);

/* Decodes bytes as decision says into a new malloc'd NUL-terminated UTF-8
 * string (*out, length *out_len).  Returns 0, or -1 when out of memory or
 * over max_out bytes. */
int charset_to_utf8(const char *bytes, size_t len,
                    const struct charset_decision *decision, size_t max_out,
                    char **out, size_t *out_len);

#endif
