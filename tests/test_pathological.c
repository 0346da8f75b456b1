/*
 * Hostile pages, generated here: each must end with a result or a clear
 * status, within its time limit, without a crash or a sanitizer report.
 * Sizes are set so that every case also runs under ASan in CI.
 */
#include "harness.h"

#include "pith.h"

#include <stdlib.h>
#include <time.h>

/* Seconds allowed per page; sanitizer builds run about 3x slower. */
#ifndef PATHOLOGICAL_SECONDS
#define PATHOLOGICAL_SECONDS 6.0
#endif

static char *
repeat(const char *head, const char *unit, size_t times, const char *tail,
       size_t *len)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    size_t n = hl + ul * times + tl;
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, head, hl);
    for (size_t i = 0; i < times; i++)
        memcpy(p + hl + i * ul, unit, ul);
    memcpy(p + hl + ul * times, tail, tl);
    p[n] = '\0';
    *len = n;
    return p;
}

static void
run(const char *what, const char *bytes, size_t len, int want_ok)
{
    pith_extractor *ex = pith_new(NULL);
    pith_result *res = NULL;
    clock_t t0 = clock();
    pith_status st = pith_extract_html(ex, bytes, len, NULL, NULL, &res);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    OK(secs < PATHOLOGICAL_SECONDS, "%s: took %.2f s", what, secs);
    if (want_ok)
        OK(st == PITH_OK, "%s: status %s (%s)", what, pith_strerror(st),
           pith_errmsg(ex));
    else
        OK(st == PITH_OK || st == PITH_ERR_NO_CONTENT ||
           st == PITH_ERR_NOT_HTML || st == PITH_ERR_TOO_BIG,
           "%s: unexpected status %s", what, pith_strerror(st));
    if (res) {
        /* The text must be valid UTF-8 whatever came in. */
        const unsigned char *s = (const unsigned char *)res->text;
        int valid = 1;
        for (size_t i = 0; i < res->text_len && valid;) {
            unsigned c = s[i];
            size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (c >= 0x80 && (c < 0xC2 || c > 0xF4))
                valid = 0;
            for (size_t k = 1; k < n && valid; k++)
                valid = i + k < res->text_len && (s[i + k] & 0xC0) == 0x80;
            i += n;
        }
        OK(valid, "%s: output is not valid UTF-8", what);
    }
    printf("  %-32s %6.2f s  %s\n", what, secs, pith_strerror(st));
    pith_result_free(res);
    pith_free(ex);
}

static void
generated(const char *what, const char *head, const char *unit, size_t n,
          const char *tail, int want_ok)
{
    size_t len;
    char *p = repeat(head, unit, n, tail, &len);
    OK(p != NULL, "%s: out of memory", what);
    if (p)
        run(what, p, len, want_ok);
    free(p);
}

#define ARTICLE "<p>A paragraph of ordinary prose, with commas, so that " \
    "the page has an article to find.</p>"

int
main(void)
{
    generated("20 000 nested divs", "<body>", "<div>", 20000,
              ARTICLE "</body>", 1);
    generated("20 000 unclosed <b>", "<body>" ARTICLE, "<b>x", 20000, "",
              0);
    generated("20 000 unclosed <a>", "<body>" ARTICLE, "<a href=x>y", 20000,
              "", 0);
    generated("5 000 unclosed tables", "<body>" ARTICLE, "<table><tr><td>x",
              5000, "", 0);
    generated("5 MB in one <p>", "<body><p>", "word, ", 850000, "</p>", 1);
    generated("1 MB of <br>", "<body>" ARTICLE, "<br>", 250000, "", 1);
    generated("100 000 attributes", "<body><div ", "a=b ", 100000,
              ">" ARTICLE "</div>", 1);
    generated("1 MB attribute value", "<body><div title='", "x", 1 << 20,
              "'>" ARTICLE "</div>", 1);
    generated("10 000 JSON-LD blocks", "<body>" ARTICLE,
              "<script type=application/ld+json>{\"@type\":\"Article\"}"
              "</script>", 10000, "", 1);
    generated("NUL bytes in text", "<body><p>", "ab\0cd ", 1000, "</p>", 0);

    static const char invalid[] =
        "<body><p>bad: \x80 \xBF \xC0\xAF \xE0\x80\x80 \xED\xA0\x80 "
        "\xF4\x90\x80\x80 \xF8\x88\x80\x80\x80 \xFE \xFF \xC3 end, with "
        "commas, and more text to score as a paragraph.</p>";
    run("every invalid UTF-8 form", invalid, sizeof invalid - 1, 1);

    static const char utf16[] =
        "\xFF\xFE<\0p\0>\0h\0i\0 \0t\0h\0e\0r\0e\0<\0/\0p\0>\0";
    run("UTF-16 with BOM", utf16, sizeof utf16 - 1, 1);

    char rnd[65536];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof rnd; i++) {
        x = x * 1103515245u + 12345u;
        rnd[i] = (char)(x >> 16);
    }
    run("random bytes", rnd, sizeof rnd, 0);

    /* Gumbo 0.10.1 fails an assertion on this page: the library reports
     * it, the process goes on. */
    static const char gumbo_asserts[] =
        "<table><svg><foreignObject><![CDATA[<]]>i";
    pith_extractor *ex = pith_new(NULL);
    pith_result *res = NULL;
    EQ_INT(pith_extract_html(ex, gumbo_asserts, sizeof gumbo_asserts - 1,
                             NULL, NULL, &res),
           PITH_ERR_INTERNAL, "a failed Gumbo assertion is a status");
    OK(res == NULL, "no result after a parser failure");
    pith_free(ex);
    run("empty input", "", 0, 0);
    run("only white space", "   \n\t  ", 7, 0);
    return test_done();
}
