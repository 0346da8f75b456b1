/* Output text normalization (src/normalize.c). */
#include "harness.h"

#include "buf.h"
#include "assemble/normalize.h"

#include <stdlib.h>
#include <utf8proc.h>

/* Every code point normalize_stable_cp() accepts is one NFC keeps as it
 * is in any company: combining class 0, unchanged by NFC on its own, and
 * never the second (or later) part of a canonical decomposition, so that
 * nothing before it can compose with it. */
static void
check_stable_set(void)
{
    unsigned char *second = calloc(0x110000, 1);
    OK(second != NULL, "out of memory");
    if (!second)
        return;
    for (utf8proc_int32_t cp = 0; cp < 0x110000; cp++) {
        utf8proc_int32_t d[32];
        int last = 0;
        utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 32,
                                                     UTF8PROC_DECOMPOSE,
                                                     &last);
        for (utf8proc_ssize_t k = 1; k < n && k < 32; k++)
            second[d[k]] = 1;
    }
    long bad = 0, stable = 0;
    for (utf8proc_int32_t cp = 0; cp < 0x110000; cp++) {
        if (!normalize_stable_cp(cp) || (cp >= 0xD800 && cp <= 0xDFFF))
            continue;
        stable++;
        utf8proc_uint8_t in[4], *nfc = NULL;
        utf8proc_ssize_t l = utf8proc_encode_char(cp, in);
        utf8proc_ssize_t m = utf8proc_map(in, l, &nfc,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        int same = m == l && !memcmp(nfc, in, (size_t)l);
        free(nfc);
        if (!same || second[cp] ||
            utf8proc_get_property(cp)->combining_class != 0) {
            if (bad++ < 5)
                printf("  U+%04X is not stable under NFC\n", (unsigned)cp);
        }
    }
    EQ_INT(bad, 0, "stable code points that NFC could change");
    OK(stable > 30000, "the stable set covers the common scripts");
    free(second);
}

static void
check(const char *in, int verbatim, const char *want, const char *what)
{
    struct buf b;
    buf_init(&b, 1 << 20);
    long n = normalize_append(in, strlen(in), verbatim, &b);
    OK(n >= 0, "%s: failed", what);
    EQ_STR(b.data ? b.data : "", want, what);
    buf_free(&b);
}

int
main(void)
{
    check("plain text", 0, "plain text", "ASCII unchanged");
    check("  two   spaces\t\tand tabs  ", 0, "two spaces and tabs",
          "white space collapsed and trimmed");
    check("non\xC2\xA0" "breaking", 0, "non breaking", "NBSP folded");
    check("em\xE2\x80\x83space\xE3\x80\x80ideographic", 0,
          "em space ideographic", "Unicode spaces folded");
    check("zero\xE2\x80\x8Bwidth", 0, "zerowidth", "ZWSP dropped");
    check("soft\xC2\xADhyphen", 0, "softhyphen", "soft hyphen dropped");
    check("\xEF\xBB\xBF" "bom", 0, "bom", "BOM dropped");
    check("bell\x07 and\x01 nul", 0, "bell and nul", "controls dropped");
    check("e\xCC\x81t\xC3\xA9", 0, "\xC3\xA9t\xC3\xA9", "NFC composes");
    check("line one  \nline two", 0, "line one\nline two",
          "trailing spaces of a line dropped");
    check("\n\n\nlead", 0, "lead", "leading breaks dropped");
    check("a\n\n\nb", 0, "a\nb", "breaks collapse outside pre");
    check("  code\n\n    indented  ", 1, "  code\n\n    indented",
          "pre keeps indentation and blank lines");
    check("tab\there", 1, "tab\there", "pre keeps tabs");
    check("", 0, "", "empty");
    check("   ", 0, "", "only spaces");
    check("\xEF\xBF\xBD kept", 0, "\xEF\xBF\xBD kept", "U+FFFD kept");
    check("rtl\xE2\x80\x8Fmark", 0, "rtlmark", "format characters dropped");
    check_stable_set();
    check("e\xCC\x81 and caf\xC3\xA9", 0, "\xC3\xA9 and caf\xC3\xA9",
          "a combining mark still composes");
    check("\xE6\x97\xA5\xE6\x9C\xAC \xE2\x80\x9Cquoted\xE2\x80\x9D", 0,
          "\xE6\x97\xA5\xE6\x9C\xAC \xE2\x80\x9Cquoted\xE2\x80\x9D",
          "stable text as it is");
    check("\xE2\x84\xAB", 0, "\xC3\x85", "the Angstrom sign becomes A-ring");
    return test_done();
}
