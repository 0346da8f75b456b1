/*
 * Is it HTML at all?  See sniff.h.
 */
#include "decode/sniff.h"

#include <string.h>
#include <strings.h>

/* binary_kind()'s answer for UTF-16 text, whose tags hold NULs. */
static const char UTF16[] = "UTF-16";

/* A name for bytes that are certainly not a web page by their first
 * bytes, or NULL. */
static const char *
binary_kind(const char *bytes, size_t len)
{
    static const struct { const char *magic; size_t len; const char *name; }
    magics[] = {
        {"%PDF-", 5, "a PDF document"}, {"\x89PNG", 4, "a PNG image"},
        {"GIF8", 4, "a GIF image"}, {"\xFF\xD8\xFF", 3, "a JPEG image"},
        {"PK\x03\x04", 4, "a ZIP archive"}, {"\x1F\x8B", 2, "gzip data"},
        {"RIFF", 4, "a RIFF file"}, {"\x7F" "ELF", 4, "an executable"},
    };
    for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
        if (len >= magics[i].len && !memcmp(bytes, magics[i].magic,
                                            magics[i].len))
            return magics[i].name;
    /* UTF-16 holds NULs; anything else with many NULs is binary. */
    const unsigned char *u = (const unsigned char *)bytes;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                     (u[0] == 0xFE && u[1] == 0xFF)))
        return UTF16;
    size_t n = len < 4096 ? len : 4096, nul = 0, ctl = 0, odd_nul = 0;
    for (size_t i = 0; i < n; i++) {
        nul += u[i] == 0;
        odd_nul += u[i] == 0 && (i & 1);
        ctl += u[i] < 9 || (u[i] > 13 && u[i] < 32);
    }
    /* UTF-16 without a byte order mark: its NULs fall on one parity. */
    if (n >= 16 && nul * 4 > n && (odd_nul == nul || odd_nul == 0) &&
        ctl == nul)
        return UTF16;
    /* Text, in any charset, holds control characters rarely (the
     * escapes of ISO-2022-JP are a few per line); random bytes hold one
     * in ten.  Taken for HTML, noise costs Gumbo more than any page of
     * its size, and says nothing.  A few hundred bytes are too few to
     * tell by that share: there only a quarter of them is binary. */
    if (n && (nul * 8 > n || ctl * 4 > n || (n >= 1024 && ctl * 12 > n)))
        return "binary data";
    return NULL;
}

/* Tags that nearly every page holds one of; random bytes or prose that
 * mentions "a < b" hold none (a '<' and a letter alone come by chance
 * in a few kilobytes of noise). */
static const char *const common_tags[] = {
    "html", "head", "body", "title", "meta", "link", "script", "style",
    "p", "div", "span", "a", "br", "hr", "img", "table", "tr", "td", "ul",
    "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "main", "header", "footer", "nav", "aside", "form", "input", "pre",
    "code", "b", "i", "em", "strong", "font", "center", "blockquote",
    "dl", "dt", "dd", "figure", "noscript", "iframe", "svg", "base", NULL
};

/* The text at t (n bytes, just after a '<') opens or closes a common tag,
 * a comment, a doctype or a processing instruction. */
static int
opens_tag(const char *t, size_t n)
{
    if (n && (t[0] == '!' || t[0] == '?'))
        return 1;
    if (n && t[0] == '/') {
        t++;
        n--;
    }
    for (int i = 0; common_tags[i]; i++) {
        size_t l = strlen(common_tags[i]);
        if (n > l && !strncasecmp(t, common_tags[i], l) &&
            (t[l] == '>' || t[l] == ' ' || t[l] == '/' || t[l] == '\n' ||
             t[l] == '\t' || t[l] == '\r'))
            return 1;
    }
    return 0;
}

/* Bytes that are not UTF-8, counted over the first 4 KB. */
static int
mostly_invalid_utf8(const unsigned char *u, size_t len)
{
    size_t n = len < 4096 ? len : 4096, bad = 0, high = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        size_t need = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1
                      : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3
                      : 9;
        high += c >= 0x80;
        size_t k = 1;
        while (need != 9 && k <= need && i + k < n &&
               (u[i + k] & 0xC0) == 0x80)
            k++;
        if (need && (need == 9 || k <= need)) {
            bad++;
            i++;
        } else {
            i += k;
        }
    }
    /* A legacy 8-bit charset's text has letters between its high bytes;
     * noise is high in half its bytes and invalid in most of those. */
    return n && high * 4 > n && bad * 8 > n;
}

const char *
sniff_not_html(const char *bytes, size_t len)
{
    const char *kind = binary_kind(bytes, len);
    if (kind == UTF16)
        return NULL;
    if (kind)
        return kind;
    for (const char *p = bytes, *end = bytes + len;
         (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++)
        if (opens_tag(p + 1, (size_t)(end - p - 1)))
            return NULL;
    /* No tag anywhere: say what it looks like instead. */
    size_t i = 0;
    const unsigned char *u = (const unsigned char *)bytes;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        i = 3;
    while (i < len && (u[i] == ' ' || u[i] == '\n' || u[i] == '\r' ||
                       u[i] == '\t'))
        i++;
    if (i == len)
        return NULL; /* nothing at all: an empty page, judged later */
    if (u[i] == '{' || u[i] == '[')
        return "JSON data";
    if (mostly_invalid_utf8(u, len))
        return "binary data";
    return "plain text (no HTML tag in it)";
}
