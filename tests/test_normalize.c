/* Output text normalization (src/normalize.c). */
#include "harness.h"

#include "buf.h"
#include "normalize.h"

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
    return test_done();
}
