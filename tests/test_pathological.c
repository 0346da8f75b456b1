/*
 * Hostile pages, generated here: each must end with a result or a clear
 * status, without a crash or a sanitizer report, in under 2 s of CPU and
 * 256 MB of memory.  Each page runs in a child process (fork), so that
 * its time and its peak memory are its own (wait4's rusage), and the
 * child's address space is capped at the memory bar (RLIMIT_AS) so that
 * going over fails there and then.
 *
 * PITH_PATHOLOGICAL_SCALE (a number, default 1) multiplies the time bar:
 * sanitizer builds run several times slower.  Sanitizer builds also skip
 * the memory bar (ASan reserves terabytes of address space).
 *
 *   test_pathological [NAME-SUBSTRING]   runs the matching cases only
 */
#include "harness.h"

#include "pith.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

/* The bars of the issue: CPU seconds and bytes per page. */
#define BAR_SECONDS 2.0
#define BAR_BYTES (256u * 1024u * 1024u)

#define ARTICLE "<p>A paragraph of ordinary prose, with commas, so that " \
    "the page has an article to find.</p>"

/* ------------------------------------------------------------ pages */

struct page {
    char *bytes;
    size_t len;
    const char *content_type;
};

/* head, then unit times, then tail. */
static int
repeat(struct page *pg, const char *head, const char *unit, size_t ul,
       size_t times, const char *tail)
{
    size_t hl = strlen(head), tl = strlen(tail);
    size_t n = hl + ul * times + tl;
    char *p = malloc(n + 1);
    if (!p)
        return -1;
    memcpy(p, head, hl);
    for (size_t i = 0; i < times; i++)
        memcpy(p + hl + i * ul, unit, ul);
    memcpy(p + hl + ul * times, tail, tl);
    p[n] = '\0';
    pg->bytes = p;
    pg->len = n;
    return 0;
}

static int
text_unit(struct page *pg, const char *head, const char *unit, size_t times,
          const char *tail)
{
    return repeat(pg, head, unit, strlen(unit), times, tail);
}

static int
nested_divs(struct page *pg)
{
    /* One million levels, closed again, and the article after them. */
    size_t n = 1000000;
    const char *head = "<body>", *tail = ARTICLE "</body>";
    size_t hl = strlen(head), tl = strlen(tail);
    char *p = malloc(hl + n * 11 + tl + 1);
    if (!p)
        return -1;
    memcpy(p, head, hl);
    size_t at = hl;
    for (size_t i = 0; i < n; i++, at += 5)
        memcpy(p + at, "<div>", 5);
    for (size_t i = 0; i < n; i++, at += 6)
        memcpy(p + at, "</div>", 6);
    memcpy(p + at, tail, tl);
    at += tl;
    p[at] = '\0';
    pg->bytes = p;
    pg->len = at;
    return 0;
}

static int
divs(struct page *pg)
{
    return nested_divs(pg);
}

static int
unclosed_a(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE, "<a href=x>y", 100000, "");
}

static int
unclosed_b(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE, "<b>x", 100000, "");
}

static int
unclosed_tables(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE, "<table><tr><td>x", 100000, "");
}

/* Nestings that only alternating elements build: each closes the other's
 * kind of implicit end, so Gumbo's stack grows anyway. */
static int
heading_span(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE, "<h1><span>x", 100000, "");
}

static int
li_table(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE, "<ul><li><table><td>x", 100000,
                     "");
}

static int
option_heading(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE, "<option><h2>x", 100000, "");
}

static int
ruby_text(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE, "<rt>x", 100000, "");
}

static int
big_paragraph(struct page *pg)
{
    /* 30 MB: just under the default input cap of 32 MiB. */
    return text_unit(pg, "<body><p>", "word, ", 5000000, "</p>");
}

static int
over_the_cap(struct page *pg)
{
    return text_unit(pg, "<body><p>", "word, ", 6000000, "</p>");
}

static int
br_page(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE, "<br>", 2500000, "");
}

static int
random_bytes(struct page *pg)
{
    size_t n = 4u << 20;
    unsigned char *p = malloc(n);
    if (!p)
        return -1;
    unsigned x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        p[i] = (unsigned char)(x >> 16);
    }
    pg->bytes = (char *)p;
    pg->len = n;
    return 0;
}

static int
random_markup(struct page *pg)
{
    /* Random tokens of HTML: tags, quotes, comments, entities. */
    static const char *const tok[] = {
        "<div>", "</div>", "<p>", "<b>", "</b>", "<a href='", "'>", "\"",
        "<!--", "-->", "<script>", "</script>", "<svg>", "</svg>", "&amp;",
        "<table>", "<td>", "<select>", "<![CDATA[", "]]>", "text ", "<",
        ">", "=", "<style>", "</style>", "<template>", "<math>", "\n"
    };
    size_t n = 2u << 20, at = 0;
    char *p = malloc(n + 16);
    if (!p)
        return -1;
    unsigned x = 99;
    while (at < n) {
        x = x * 1103515245u + 12345u;
        const char *t = tok[(x >> 16) % (sizeof tok / sizeof tok[0])];
        size_t l = strlen(t);
        memcpy(p + at, t, l);
        at += l;
    }
    pg->bytes = p;
    pg->len = at;
    return 0;
}

static int
nul_text(struct page *pg)
{
    return repeat(pg, "<body><p>", "ab\0cd ", 6, 100000, "</p>");
}

static int
nul_page(struct page *pg)
{
    pg->len = 1u << 20;
    pg->bytes = calloc(pg->len, 1);
    return pg->bytes ? 0 : -1;
}

static int
invalid_utf8(struct page *pg)
{
    static const char bad[] =
        "bad: \x80 \xBF \xC0\xAF \xE0\x80\x80 \xED\xA0\x80 \xF4\x90\x80\x80 "
        "\xF8\x88\x80\x80\x80 \xFC\x84\x80\x80\x80\x80 \xFE \xFF \xC3 \xE2\x82 "
        "\xF0\x9F\x98 end, with commas, and text to score as a paragraph. ";
    return repeat(pg, "<body><p>", bad, sizeof bad - 1, 10000, "</p>");
}

static int
utf16(struct page *pg, int bom)
{
    const char *html = "<html><body><p>UTF-16 text, with commas, long "
                       "enough to be a paragraph of an article.</p>";
    size_t n = strlen(html), at = 0;
    char *p = malloc(2 * n * 1000 + 2);
    if (!p)
        return -1;
    if (bom) {
        p[at++] = (char)0xFF;
        p[at++] = (char)0xFE;
    }
    for (int k = 0; k < 1000; k++)
        for (size_t i = 0; i < n; i++) {
            p[at++] = html[i];
            p[at++] = '\0';
        }
    pg->bytes = p;
    pg->len = at;
    return 0;
}

static int
utf16_bom(struct page *pg)
{
    return utf16(pg, 1);
}

static int
utf16_no_bom(struct page *pg)
{
    return utf16(pg, 0);
}

static int
utf16_declared(struct page *pg)
{
    pg->content_type = "text/html; charset=utf-16le";
    return utf16(pg, 0);
}

static int
many_attributes(struct page *pg)
{
    return text_unit(pg, "<body><div ", "a=b ", 1000000,
                     ">" ARTICLE "</div>");
}

static int
distinct_attributes(struct page *pg)
{
    /* One million different names: Gumbo compares each with the ones
     * before it. */
    size_t n = 1000000;
    char *p = malloc(n * 12 + 256);
    if (!p)
        return -1;
    size_t at = (size_t)sprintf(p, "<body><div ");
    for (size_t i = 0; i < n; i++)
        at += (size_t)sprintf(p + at, "a%zu=b ", i);
    at += (size_t)sprintf(p + at, ">" ARTICLE "</div>");
    pg->bytes = p;
    pg->len = at;
    return 0;
}

static int
long_value(struct page *pg)
{
    return text_unit(pg, "<body><div title='", "x", 10u << 20,
                     "'>" ARTICLE "</div>");
}

static int
long_class(struct page *pg)
{
    /* A value every stage reads. */
    return text_unit(pg, "<body><div class='", "ab ", (10u << 20) / 3,
                     "'>" ARTICLE "</div>");
}

static int
jsonld_blocks(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE,
                     "<script type=application/ld+json>{\"@type\":\"Article\","
                     "\"headline\":\"H\"}</script>", 100000, "");
}

static int
deep_svg(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE "<svg>", "<g>", 1000000, "");
}

static int
unclosed_comment(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE "<!--", "-- - > ", 1000000, "");
}

static int
gumbo_asserts(struct page *pg)
{
    /* Gumbo 0.10.1 fails an assertion on this page: the library reports
     * it (PITH_ERR_INTERNAL), the process goes on. */
    return text_unit(pg, "<table><svg><foreignObject><![CDATA[<]]>i", "", 0,
                     "");
}

static int
script_escapes(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE "<script>",
                     "<!-- <script> </script> --> ", 500000, "</script>");
}

/* Misnested formatting elements: Gumbo opens copies of them (the adoption
 * agency, reconstruction) that no start tag stands for. */
static int
a_around_div(struct page *pg)
{
    /* Each </a> leaves its <div> open and a copy of the <a> in it. */
    return text_unit(pg, "<body>" ARTICLE, "<a href=x><div>t</a>", 100000,
                     "");
}

static int
a_closes_b_i(struct page *pg)
{
    /* Each <a> closes the last one, and the <b><i> opened inside it are
     * reopened as copies. */
    return text_unit(pg, "<body>" ARTICLE "<p>", "<b><i><a href=x>t", 100000,
                     "</p>");
}

static int
formatting_tags(struct page *pg)
{
    /* The 13 formatting tags opened 20 000 times each; each <nobr> closes
     * the last one and the twelve others are reopened. */
    return text_unit(pg, "<body>" ARTICLE "<p>",
                     "<b>t<i>t<u>t<s>t<em>t<strong>t<font>t<big>t<small>t"
                     "<tt>t<nobr>t<code>t<strike>t", 20000, "</p>");
}

static int
reopened_b(struct page *pg)
{
    /* Every paragraph reopens all the <b>s closed before (distinct
     * attributes, so Noah's Ark removes none). */
    size_t n = 200000;
    char *p = malloc(n * 32 + 256);
    if (!p)
        return -1;
    size_t at = (size_t)sprintf(p, "<body>" ARTICLE);
    for (size_t i = 0; i < n; i++)
        at += (size_t)sprintf(p + at, "<p><b class=c%zu>x</p>", i);
    pg->bytes = p;
    pg->len = at;
    return 0;
}

/* Gumbo makes an element of each stray </p> and </br>. */
static int
stray_p_ends(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE, "</p>", (32u << 20) / 4 - 64, "");
}

static int
stray_br_ends(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE, "</br>", (32u << 20) / 5 - 64, "");
}

static int
stray_p_text(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE, "</p>x", (32u << 20) / 5 - 64,
                     "");
}

/* Tokens that make no element still cost Gumbo memory it keeps. */
static int
stray_end_tags(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE, "</x>", (32u << 20) / 4 - 64, "");
}

static int
comments(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE, "<!---->", (32u << 20) / 7 - 64,
                     "");
}

static int
ends_under_formatting(struct page *pg)
{
    return text_unit(pg, "<body>" ARTICLE "<p><b class=a><b class=a>"
                     "<b class=a><b class=a><b class=a><b class=a>",
                     "</span>", (32u << 20) / 7 - 64, "");
}

/* Zero-width characters ahead of the text, more than a block holds: the
 * output drops them, and they must not push the text out of the block. */
static int
zero_width_first(struct page *pg)
{
    return text_unit(pg, "<body><p>", "\xE2\x80\x8B", (5u << 20) / 3,
                     "A paragraph of ordinary prose, with commas, so that "
                     "the page has an article to find.</p>");
}

/* ------------------------------------------------------------ cases */

enum want { ANY, ARTICLE_FOUND, PARSER_FAILED, ARTICLE_TEXT };

struct case_ {
    const char *name;
    int (*make)(struct page *);
    enum want want;     /* ANY: a result or a clear status */
    size_t max_bytes;   /* pith_options.max_bytes, 0 = default */
};

static const struct case_ cases[] = {
    {"1 000 000 nested divs", divs, ARTICLE_FOUND, 0},
    {"100 000 unclosed <a>", unclosed_a, ANY, 0},
    {"100 000 unclosed <b>", unclosed_b, ANY, 0},
    {"100 000 unclosed tables", unclosed_tables, ANY, 0},
    {"100 000 <h1><span>", heading_span, ANY, 0},
    {"100 000 <ul><li><table>", li_table, ANY, 0},
    {"100 000 <option><h2>", option_heading, ANY, 0},
    {"100 000 unclosed <rt>", ruby_text, ANY, 0},
    {"30 MB in one <p>", big_paragraph, ARTICLE_FOUND, 0},
    {"36 MB, over the byte cap", over_the_cap, ANY, 0},
    {"10 MB of <br>", br_page, ARTICLE_FOUND, 0},
    {"4 MB of random bytes", random_bytes, ANY, 0},
    {"2 MB of random markup", random_markup, ANY, 0},
    {"NUL bytes in text", nul_text, ANY, 0},
    {"1 MB of NUL bytes", nul_page, ANY, 0},
    {"every invalid UTF-8 form", invalid_utf8, ARTICLE_FOUND, 0},
    {"UTF-16 with BOM", utf16_bom, ARTICLE_FOUND, 0},
    {"UTF-16 without BOM", utf16_no_bom, ARTICLE_FOUND, 0},
    {"UTF-16 without BOM, declared", utf16_declared, ARTICLE_FOUND, 0},
    {"1 000 000 attributes", many_attributes, ARTICLE_FOUND, 0},
    {"1 000 000 distinct attributes", distinct_attributes, ARTICLE_FOUND, 0},
    {"10 MB attribute value", long_value, ARTICLE_FOUND, 0},
    {"10 MB class", long_class, ARTICLE_FOUND, 0},
    {"100 000 JSON-LD blocks", jsonld_blocks, ARTICLE_FOUND, 0},
    {"1 000 000 nested SVG groups", deep_svg, ARTICLE_FOUND, 0},
    {"unclosed comment of dashes", unclosed_comment, ARTICLE_FOUND, 0},
    {"500 000 script escapes", script_escapes, ARTICLE_FOUND, 0},
    {"100 000 <a><div>t</a>", a_around_div, ARTICLE_FOUND, 0},
    {"100 000 <b><i><a>t in a <p>", a_closes_b_i, ANY, 0},
    {"13 formatting tags x 20 000", formatting_tags, ANY, 0},
    {"200 000 <p><b class=N>x</p>", reopened_b, ANY, 0},
    {"32 MiB of </p>", stray_p_ends, ARTICLE_FOUND, 0},
    {"32 MiB of </br>", stray_br_ends, ARTICLE_FOUND, 0},
    {"32 MiB of </p>x", stray_p_text, ANY, 0},
    {"32 MiB of stray </x>", stray_end_tags, ARTICLE_FOUND, 0},
    {"32 MiB of comments", comments, ARTICLE_FOUND, 0},
    {"32 MiB of </span> under <b>s", ends_under_formatting, ARTICLE_FOUND,
     0},
    {"5 MiB of zero-width spaces, then text", zero_width_first,
     ARTICLE_TEXT, 0},
    {"a page Gumbo fails an assertion on", gumbo_asserts, PARSER_FAILED, 0},
};

/* The checks the child makes; its exit status says which failed. */
enum { CHILD_OK = 0, CHILD_NOMEM_INPUT = 2, CHILD_STATUS = 3, CHILD_UTF8 = 4,
       CHILD_RENDER = 5 };

static int
valid_utf8(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len;) {
        unsigned c = s[i];
        size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (c >= 0x80 && (c < 0xC2 || c > 0xF4))
            return 0;
        for (size_t k = 1; k < n; k++)
            if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
                return 0;
        i += n;
    }
    return 1;
}

static int
discard(const char *data, size_t len, void *ud)
{
    (void)data;
    *(size_t *)ud += len;
    return 0;
}

static int
child(const struct case_ *c)
{
    if (!SANITIZED) {
        struct rlimit rl = {BAR_BYTES, BAR_BYTES};
        setrlimit(RLIMIT_AS, &rl);
    }
    struct page pg = {NULL, 0, NULL};
    if (c->make(&pg))
        return CHILD_NOMEM_INPUT;
    pith_options opt = {0};
    opt.max_bytes = c->max_bytes;
    pith_extractor *ex = pith_new(&opt);
    pith_result *res = NULL;
    pith_status st = pith_extract_html(ex, pg.bytes, pg.len, pg.content_type,
                                       NULL, &res);
    int rc = CHILD_OK, fine;
    switch (c->want) {
    case ARTICLE_FOUND: fine = st == PITH_OK; break;
    case PARSER_FAILED: fine = st == PITH_ERR_INTERNAL && !res; break;
    case ARTICLE_TEXT:
        /* The article's own words, not only a status. */
        fine = st == PITH_OK && res &&
               strstr(res->text, "the page has an article to find");
        break;
    default:
        fine = st == PITH_OK || st == PITH_ERR_NO_CONTENT ||
               st == PITH_ERR_NOT_HTML || st == PITH_ERR_TOO_BIG ||
               st == PITH_ERR_INTERNAL;
        break;
    }
    if (!fine) {
        fprintf(stderr, "  %s: status %s (%s)\n", c->name,
                pith_strerror(st), pith_errmsg(ex));
        rc = CHILD_STATUS;
    }
    if (res && !valid_utf8(res->text, res->text_len))
        rc = CHILD_UTF8;
    size_t out = 0;
    if (res && (pith_render(res, PITH_FORMAT_JSON, 0, discard, &out) ||
                pith_render(res, PITH_FORMAT_MARKDOWN, 0, discard, &out)))
        rc = CHILD_RENDER;
    pith_result_free(res);
    pith_free(ex);
    free(pg.bytes);
    return rc;
}

static void
run_case(const struct case_ *c, double scale)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        OK(0, "%s: fork failed", c->name);
        return;
    }
    if (pid == 0)
        _exit(child(c));
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) != pid) {
        OK(0, "%s: wait failed", c->name);
        return;
    }
    double cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
                 (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    double mb = (double)ru.ru_maxrss / 1024.0;
    int exited = WIFEXITED(status);
    int code = exited ? WEXITSTATUS(status) : -1;
    OK(exited, "%s: killed by signal %d", c->name,
       WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    OK(!exited || code == CHILD_OK, "%s: check %d failed", c->name, code);
    OK(cpu < BAR_SECONDS * scale, "%s: %.2f s of CPU, over %.1f s", c->name,
       cpu, BAR_SECONDS * scale);
    if (!SANITIZED)
        OK(mb < BAR_BYTES / 1048576.0, "%s: %.0f MB, over the bar", c->name,
           mb);
    printf("  %-32s %6.2f s %6.0f MB%s\n", c->name, cpu, mb,
           exited && code == CHILD_OK ? "" : "  FAILED");
}

int
main(int argc, char **argv)
{
    const char *s = getenv("PITH_PATHOLOGICAL_SCALE");
    double scale = s ? atof(s) : 1.0;
    if (scale <= 0)
        scale = 1.0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (argc < 2 || strstr(cases[i].name, argv[1]))
            run_case(&cases[i], scale);
    return test_done();
}
