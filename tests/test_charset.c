/* Charset labels, sniffing and decoding (src/charset.c). */
#include "harness.h"

#include "decode/charset.h"

#include <stdlib.h>

static void
test_labels(void)
{
    static const struct { const char *label, *want; } t[] = {
        {"utf-8", "utf-8"}, {"UTF8", "utf-8"}, {" latin1 ", "windows-1252"},
        {"ISO-8859-1", "windows-1252"}, {"us-ascii", "windows-1252"},
        {"gb2312", "gbk"}, {"GBK", "gbk"}, {"x-sjis", "shift_jis"},
        {"Shift_JIS", "shift_jis"}, {"euc-kr", "euc-kr"},
        {"koi8-r", "koi8-r"}, {"windows-1251", "windows-1251"},
        {"iso-8859-9", "windows-1254"}, {"\"utf-8\"", "utf-8"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        EQ_STR(charset_canonical(t[i].label, strlen(t[i].label)), t[i].want,
               t[i].label);
    OK(charset_canonical("no-such-charset", 15) == NULL, "unknown label");
    OK(charset_canonical("", 0) == NULL, "empty label");
}

static void
test_content_type(void)
{
    char out[32];
    OK(charset_from_content_type("text/html; charset=ISO-8859-1", out) == 0,
       "charset parameter");
    EQ_STR(out, "windows-1252", "latin1 header");
    OK(charset_from_content_type("text/html;charset=\"Shift_JIS\"", out) == 0,
       "quoted parameter");
    EQ_STR(out, "shift_jis", "quoted header");
    OK(charset_from_content_type("text/html", out) != 0, "no parameter");
    OK(charset_from_content_type(NULL, out) != 0, "no header");
}

static void
test_prescan(void)
{
    char out[32];
    const char *a = "<html><head><meta charset=\"windows-1251\"></head>";
    OK(charset_prescan_meta(a, strlen(a), out) == 0, "meta charset");
    EQ_STR(out, "windows-1251", "meta charset value");
    const char *b = "<!-- <meta charset=koi8-r> --><meta http-equiv="
                    "\"Content-Type\" content=\"text/html; charset=EUC-KR\">";
    OK(charset_prescan_meta(b, strlen(b), out) == 0, "http-equiv");
    EQ_STR(out, "euc-kr", "comment skipped, http-equiv read");
    const char *c = "<meta charset=\"utf-16\">";
    OK(charset_prescan_meta(c, strlen(c), out) == 0, "utf-16 meta");
    EQ_STR(out, "utf-8", "a page cannot declare utf-16 in itself");
    const char *d = "<html><body><meta charset=big5>";
    OK(charset_prescan_meta(d, strlen(d), out) != 0, "stops at <body>");
}

static void
test_decide(void)
{
    struct charset_decision d;
    static const char le[] = "<\0p\0>\0h\0i\0 \0t\0h\0e\0r\0e\0<\0/\0p\0>\0";
    charset_decide(le, sizeof le - 1, NULL, &d);
    EQ_STR(d.name, "utf-16le", "UTF-16LE without a BOM");
    EQ_STR(charset_source_name(d.source), "detected", "source detected");
    charset_decide(le + 1, sizeof le - 2, NULL, &d);
    EQ_STR(d.name, "utf-16be", "UTF-16BE without a BOM");
    charset_decide("\xEF\xBB\xBFhi", 5, "text/html; charset=windows-1252", &d);
    EQ_STR(d.name, "utf-8", "BOM beats header");
    EQ_STR(charset_source_name(d.source), "bom", "source bom");
    EQ_INT(d.bom_len, 3, "BOM length");

    const char *page = "<meta charset=windows-1252><p>caf\xE9</p>";
    charset_decide(page, strlen(page), NULL, &d);
    EQ_STR(d.name, "windows-1252", "meta declaration");
    EQ_STR(charset_source_name(d.source), "meta", "source meta");

    charset_decide(page, strlen(page), "text/html; charset=iso-8859-2", &d);
    EQ_STR(d.name, "iso-8859-2", "header beats meta");
    EQ_STR(charset_source_name(d.source), "http", "source http");

    const char *u = "<meta charset=windows-1252><p>caf\xC3\xA9</p>";
    charset_decide(u, strlen(u), NULL, &d);
    EQ_STR(d.name, "utf-8", "valid UTF-8 wins over a wrong declaration");
    EQ_STR(charset_source_name(d.source), "detected", "source detected");

    const char *bad = "<p>caf\xE9 na\xEFve r\xE9sum\xE9 \xE0 la carte</p>";
    charset_decide(bad, strlen(bad), "text/html; charset=utf-8", &d);
    OK(strcmp(d.name, "utf-8") != 0, "invalid UTF-8 declared UTF-8 is "
       "re-detected (got %s)", d.name);

    charset_decide("plain ascii", 11, NULL, &d);
    EQ_STR(charset_source_name(d.source), "default", "ASCII only: default");
}

static char *
decode(const char *bytes, size_t len, const char *name)
{
    struct charset_decision d = {0};
    snprintf(d.name, sizeof d.name, "%s", name);
    char *out = NULL;
    size_t out_len = 0;
    if (charset_to_utf8(bytes, len, &d, 1 << 20, &out, &out_len))
        return NULL;
    return out;
}

static void
test_decode(void)
{
    char *s = decode("\x80 \x93quoted\x94 caf\xE9", 16, "windows-1252");
    EQ_STR(s, "\xE2\x82\xAC \xE2\x80\x9Cquoted\xE2\x80\x9D caf\xC3\xA9",
           "windows-1252 high bytes");
    free(s);
    /* 日本 in Shift_JIS */
    s = decode("\x93\xfa\x96\x7b", 4, "shift_jis");
    EQ_STR(s, "\xE6\x97\xA5\xE6\x9C\xAC", "Shift_JIS");
    free(s);
    /* 中文 in GBK */
    s = decode("\xd6\xd0\xce\xc4", 4, "gbk");
    EQ_STR(s, "\xE4\xB8\xAD\xE6\x96\x87", "GBK");
    free(s);
    s = decode("ok\xC3(\xFF!", 6, "utf-8");
    EQ_STR(s, "ok\xEF\xBF\xBD(\xEF\xBF\xBD!", "invalid UTF-8 -> U+FFFD");
    free(s);
    s = decode("\xED\xA0\x80x", 4, "utf-8");
    EQ_STR(s, "\xEF\xBF\xBDx", "surrogate -> one U+FFFD");
    free(s);
    s = decode("a\x82", 2, "shift_jis");
    OK(s && strstr(s, "\xEF\xBF\xBD") != NULL, "truncated Shift_JIS -> U+FFFD");
    OK(s && s[0] == 'a', "text before a bad byte kept");
    free(s);
    s = decode("", 0, "utf-8");
    EQ_STR(s, "", "empty input");
    free(s);
    int na = 0;
    OK(charset_is_valid_utf8("\xF0\x9F\x98\x80", 4, &na) && na,
       "4-byte UTF-8 is valid");
    OK(!charset_is_valid_utf8("\xC0\xAF", 2, NULL), "overlong is invalid");
    OK(!charset_is_valid_utf8("\xE2\x82", 2, NULL), "truncated is invalid");
}

int
main(void)
{
    test_labels();
    test_content_type();
    test_prescan();
    test_decide();
    test_decode();
    return test_done();
}
