/*
 * The pre-pass keeps the tree Gumbo builds, as far as extraction reads it.
 *
 *   test_prepass            tricky snippets, then every fixtures/ page
 *   test_prepass DIR...     every *.html under each DIR (the corpus);
 *                           exit 77 when none of them exists
 *
 * Snippets: the output is what the table says (when it says) and the tree
 * digest (tree_digest.h) of input and output is the same.  Pages: the same
 * digest after charset decoding, and the same txt, JSON, Markdown and
 * --explain JSON with and without the pre-pass.
 */
#include "harness.h"
#include "tree_digest.h"

#include "decode/charset.h"
#include "pith.h"
#include "decode/prepass.h"
#include "decode/prepass_lex.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>

#define NUL_SNIPPET "<p>a\0b</p><div\0 class=x>c</div><svg\0>d"

struct snippet {
    const char *name, *in, *want; /* want: NULL = only the digest */
};

static const struct snippet snippets[] = {
    /* Script data follows the tokenizer, not JavaScript. */
    {"script ends at </script in a string",
     "<script>var s = '</script>';</script><p>after</p>",
     "<script></script>';</script><p>after</p>"},
    {"script end tag needs a delimiter",
     "<script>a</scripty>b</script><p>x</p>", "<script></script><p>x</p>"},
    {"escaped script: </script> ends it",
     "<script><!-- x </script><p>y</p>", "<script></script><p>y</p>"},
    {"double-escaped script: </script> does not end it",
     "<script><!-- <script> </script> --></script><p>x</p>",
     "<script></script><p>x</p>"},
    {"double escape needs the delimiter",
     "<script><!-- <scripts> </script><p>x</p>", "<script></script><p>x</p>"},
    {"--> leaves the escaped state",
     "<script><!-- a --> <script> </script><p>x</p>",
     "<script></script><p>x</p>"},
    {"<!--> inside script", "<script>a<!-->b</script>c",
     "<script></script>c"},
    {"script to the end of the document",
     "<p>x</p><script><!-- <script> a", "<p>x</p><script>"},
    {"script end tag cut off", "<p>x</p><script>a</script", "<p>x</p><script>"},
    {"script end tag with a quoted >",
     "<script>x</script foo='>'>y", "<script></script>y"},
    {"document.write of a script",
     "<script>document.write('<script>x<\\/script>')</script><p>y</p>",
     "<script></script><p>y</p>"},
    {"JSON-LD is kept",
     "<script type=\"application/ld+json\">{\"headline\": \"H  i\"}</script>",
     "<script type=\"application/ld+json\">{\"headline\": \"H  i\"}</script>"},
    {"JSON-LD type with character references",
     "<script type=\"application&#x2F;ld&#x2B;json\">{}</script>",
     "<script type=\"application&#x2F;ld&#x2B;json\">{}</script>"},
    {"JSON data is not JSON-LD",
     "<script type=application/json>{\"a\":1}</script>",
     "<script type=application/json></script>"},
    /* RAWTEXT and RCDATA */
    {"style", "<style>p{} </stylex> </style ><p>x</p>",
     "<style></style><p>x</p>"},
    {"style upper case", "<STYLE>a</STYLE>b", "<STYLE></STYLE>b"},
    {"title is kept", "<title>a &amp; <b>b</b></title>c",
     "<title>a &amp; <b>b</b></title>c"},
    {"title end tag with attributes", "<title>a</title b>c",
     "<title>a</title>c"},
    {"textarea", "<textarea><p>no tag</textarea><p>x</p>",
     "<textarea></textarea><p>x</p>"},
    {"xmp is read", "<xmp><b>shown</b>  x</xmp>",
     "<xmp><b>shown</b>  x</xmp>"},
    {"iframe", "<iframe><p>x</p></iframe>y", "<iframe></iframe>y"},
    {"noembed", "<noembed><p>x</noembed>y", "<noembed></noembed>y"},
    {"noframes", "<noframes><p>x</noframes>y", "<noframes></noframes>y"},
    {"noscript is markup", "<noscript><p>kept</p></noscript>",
     "<noscript><p>kept</p></noscript>"},
    {"plaintext", "<p>a</p><plaintext><p>all  </p></plaintext>",
     "<p>a</p><plaintext><p>all  </p></plaintext>"},
    /* Comments and other declarations */
    {"comment", "a<!-- x -->b", "a<!>b"},
    {"abrupt comment", "<!-->a", "<!>a"},
    {"abrupt comment with dash", "<!--->b", "<!>b"},
    {"empty comment", "<!---->c", "<!>c"},
    {"dashes inside", "<!-- a -- b -->d", "<!>d"},
    {"--!> ends a comment", "<!-- a --!>e", "<!>e"},
    {"--!--> ends a comment", "<!-- x --!-->f", "<!>f"},
    {"--!-> does not", "<!-- x --!-> y -->g", "<!>g"},
    {"more dashes", "<!-- a ---->h", "<!>h"},
    {"comment to the end", "<p>a</p><!-- unclosed <p>b</p>", "<p>a</p>"},
    {"bogus comment", "<!x>a<?xml version='1.0'?>b</ x>c</>d",
     "<!>a<!>b<!>c</>d"},
    {"</> keeps a < apart", "<</>t <</>/a>", "<</>t <</>/a>"},
    {"</> before an unknown tag", "<</><r/a data-x=1>", "<</><r/a data-x=1>"},
    {"</> first", "</><r/a data-x=1>", "</><r/a data-x=1>"},
    {"</> before an end tag", "<r-x>a</></r-x data-y>b<p>c",
     "<r-x>a</></r-x data-y>b<p>c"},
    {"CDATA outside SVG is a bogus comment", "<![CDATA[a>b]]>",
     "<!>b]]>"},
    {"doctype is kept",
     "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p>x",
     "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p>x"},
    {"quirks mode and tables",
     "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 3.2//EN\"><p>a<table>"
     "<tr><td>b</td></tr></table>", NULL},
    /* Attributes */
    {"attributes nobody reads go",
     "<div class=a style='color:red' data-x=1 onclick=\"x>y\" id=b>t</div>",
     "<div class=a id=b>t</div>"},
    {"hiding style stays", "<div style=\"display: none\">h</div>",
     "<div style=\"display: none\">h</div>"},
    {"only the first style counts",
     "<div style=\"color:red\" id=x><p style=\"display:none\">h</div>",
     "<div id=x><p style=\"display:none\">h</div>"},
    {"a repeated style keeps the tag whole",
     "<div style=\"color:red\" style=\"display:none\">h</div>",
     "<div style=\"color:red\" style=\"display:none\">h</div>"},
    {"ARIA labels go, what hides or shows stays",
     "<div aria-label=\"Menu\" ARIA-Hidden=\"true\" aria-describedby=x "
     "aria-expanded=false aria-controls=m>x</div>",
     "<div ARIA-Hidden=\"true\" aria-expanded=false aria-controls=m>x</div>"},
    {"glued attributes", "<div a=\"1\"class=\"c\"id=\"d\">x</div>",
     "<div class=\"c\"id=\"d\">x</div>"},
    {"glued after a dropped one", "<div title=\"x\"class=\"c\">x</div>",
     "<div class=\"c\">x</div>"},
    {"long data: URI", "<embed src=\"data:image/png;base64,AAAAAAAAAAAAAAAA\""
     " class=x>", "<embed src=\"data:\" class=x>"},
    {"data: URI of an image stays", "<img src=\"data:image/png;base64,"
     "AAAAAAAAAAAAAAAA\" alt=x>", "<img src=\"data:image/png;base64,"
     "AAAAAAAAAAAAAAAA\" alt=x>"},
    {"scripts keep their type only",
     "<script async src=\"/a.js\" id=s type=module class=c></script>",
     "<script type=module></script>"},
    {"links and metas", "<link rel=canonical href=/a as=font crossorigin>"
     "<meta property=og:title content=T data-x=y charset=utf-8>",
     "<link rel=canonical href=/a><meta property=og:title content=T>"},
    {"links read and unread",
     "<head><link rel=stylesheet href=a.css><link rel=\"preload icon\" href=b>"
     "<link rel=canonical href=c><link rel=stylesheet itemprop=x href=d>"
     "<link rel=\"icon author\" href=e><p>a<link rel=stylesheet href=f>b",
     "<head><link rel=canonical href=c><link rel=stylesheet itemprop=x href=d>"
     "<link rel=\"icon author\" href=e><p>a<link rel=stylesheet href=f>b"},
    {"a link before the head stays (it makes the head)",
     "<html><link rel=stylesheet href=a><head class=h><title>t</title>",
     "<html><link rel=stylesheet href=a><head class=h><title>t</title>"},
    {"links in a noscript in the head stay",
     "<head><noscript><link rel=stylesheet href=a></noscript>"
     "<link rel=icon href=b></head><p>x",
     "<head><noscript><link rel=stylesheet href=a></noscript>"
     "<link rel=icon href=b></head><p>x"},
    {"style elements keep nothing",
     "<style media=print nonce=abc>p{}</style>", "<style></style>"},
    {"unquoted value with slashes", "<a href=/x/>y</a>", "<a href=/x/>y</a>"},
    {"self-closing", "<br/><div/>x<svg/><p>y", "<br/><div/>x<svg/><p>y"},
    {"slash between attributes", "<div/class=\"c\"/id=d>x",
     "<div class=\"c\" id=d>x"},
    {"self-closing after an unquoted value", "<meta content=a /><p>x",
     "<meta content=a /><p>x"},
    {"self-closing after a dropped attribute",
     "<meta content=a data-x=\"b\"/><p>x", "<meta content=a /><p>x"},
    {"slash inside an unquoted value", "<div class=c/id=d>x",
     "<div class=c/id=d>x"},
    {"> in a quoted value", "<div class=\"a>b\">x</div>",
     "<div class=\"a>b\">x</div>"},
    {"name starting with =", "<div =x class=y>z", "<div class=y>z"},
    {"quote in a name", "<div a\"b=1 class=y>z", "<div class=y>z"},
    {"empty value before >", "<div class=>z", "<div class=>z"},
    {"carriage return separates", "<div\rclass=x\rid=y>z",
     "<div class=x id=y>z"},
    {"spaces around =", "<div class = \"x\" >y", "<div class = \"x\">y"},
    {"duplicate class", "<div class=a data-x class=b>y",
     "<div class=a data-x class=b>y"},
    {"a repeated name without a value swallows the next name",
     "<a v v src=x>y", "<a v v src=x>y"},
    {"microdata's itemscope stays: it says which item a name is of",
     "<li itemscope itemtype=x itemprop=y data-a=b>z",
     "<li itemscope itemtype=x itemprop=y>z"},
    {"end tag attributes go", "</div class=\"x>\">y", "</div>y"},
    {"end tag with white space", "<p>x</p\n>", "<p>x</p>"},
    {"isindex keeps everything", "<isindex prompt=\"Find\" action=/s>",
     "<isindex prompt=\"Find\" action=/s>"},
    {"input type stays", "<table><input type=hidden data-a=b></table>",
     "<table><input type=hidden></table>"},
    {"popover stays (a popover is hidden until opened)",
     "<div popover data-x=1 role=tabpanel>y</div>",
     "<div popover role=tabpanel>y</div>"},
    /* Cut off and stray markup */
    {"tag cut off", "<p>a<b", "<p>a"},
    {"attribute cut off", "<p>a<div class=\"x", "<p>a"},
    {"< that starts nothing", "a < b and c <3 <", "a < b and c <3 <"},
    {"</ at the end", "a</", "a</"},
    {"tags inside attribute values",
     "<div title=\"<p>not</p>\" class='<b>'>x</div>",
     "<div class='<b>'>x</div>"},
    /* White space */
    {"runs of white space", "<p>a   \n\t b</p>\n\n  <p>c</p>",
     "<p>a b</p>\n<p>c</p>"},
    {"pre keeps white space", "<pre>\n\n  code\n</pre> \n x",
     "<pre>\n\n  code\n</pre> x"},
    {"comment after <pre>", "<pre><!-- c -->\nx</pre>",
     "<pre><!>\nx</pre>"},
    {"listing", "<listing>\n a  b</listing>", "<listing>\n a  b</listing>"},
    {"</pre> does not close <listing>", "<listing></pre>  x  </listing>  y",
     "<listing></pre>  x  </listing> y"},
    {"</pre> out of scope", "<pre><table><td></pre>  x  </table></pre>  y",
     NULL},
    {"comment in a table", "<table>x<!--c--> <tr><td>a</table>", NULL},
    {"table text", "<table> x  <tr> <td> a  b </td> </tr> </table>", NULL},
    /* SVG and MathML */
    {"comment before </form>",
     "<form><div>a</div> <!-- c --> </form> <p>x</p>", NULL},
    {"svg is emptied",
     "<svg class=i><path d=\"M0 0\"/><g><title>t</title></g></svg><p>x</p>",
     "<svg class=i></svg><p>x</p>"},
    {"svg CDATA", "<svg><![CDATA[</svg>]]></svg><p>x</p>",
     "<svg></svg><p>x</p>"},
    {"svg style is not raw text",
     "<svg><style>a<tspan>c</tspan></style></svg><p>y",
     "<svg></svg><p>y"},
    {"svg comment to the end", "<svg><style><!--</style>x</svg><p>y",
     "<svg>"},
    {"svg to the end", "<p>x</p><svg><g>", "<p>x</p><svg>"},
    {"HTML breaks out of svg", "<svg><p>x</p></svg><p>y</p>",
     "<svg><p>x</p></svg><p>y</p>"},
    {"HTML breaks out of open svg elements",
     "<svg><g><path><p>x</p></svg><p>y</p>", "<svg><p>x</p></svg><p>y</p>"},
    {"a formatting element around a breakout", "<b><svg><g><p>x</b>y",
     "<b><svg><p>x</b>y"},
    {"font breaks out", "<svg><font color=red>x</font></svg>", NULL},
    {"font without colour or face stays in svg",
     "<svg><font>x</font></svg><p>y", NULL},
    {"foreignObject", "<svg><foreignObject><style>x</style><p>y"
     "</foreignObject></svg><p>z", NULL},
    {"divs in foreignObject",
     "<svg><g><foreignObject><div style=a><div></div></div>"
     "</foreignObject></g></svg><p>x", "<svg></svg><p>x"},
    {"a span in foreignObject",
     "<svg><foreignObject><span>x</span></foreignObject></svg><p>y", NULL},
    {"foreignObject in math is no integration point",
     "<math><foreignObject><div></div></foreignObject></math><p>x", NULL},
    {"svg title with markup", "<svg><title><b>t</b></title></svg><p>z", NULL},
    {"mismatched svg end tag", "<svg><g><path></g></svg><style>a</style>",
     "<svg></svg><style></style>"},
    {"an end tag closes the elements left open",
     "<svg><g><path d=1></svg><p>x", "<svg></svg><p>x"},
    {"an end tag that closes nothing in svg",
     "<svg><g></a></g></svg><p>x", NULL},
    {"svg end tag with white space (Gumbo keeps svg open)",
     "<span><svg><g></g></svg\n\t</span>\n\t<span>x</span>", NULL},
    {"svg end tag with an attribute", "<svg><g></g></svg a> <p>x</p>", NULL},
    {"math end tag with white space", "<math><mi>a</mi></math > <p>x", NULL},
    {"math", "<math><mi>x</mi><mo>+</mo></math><p>y</p>",
     "<math></math><p>y</p>"},
    {"math text integration point with markup",
     "<math><mi><b>x</b></mi></math><p>y</p>", NULL},
    {"nested svg", "<svg><svg><g/></svg></svg><p>y", "<svg></svg><p>y"},
    /* Contexts the model must know */
    {"style in select is ignored", "<select><style>x</select><p>y</p>",
     NULL},
    {"title in select is ignored", "<select><title>x</select><p>y</p>",
     NULL},
    {"textarea closes select",
     "<select><option>a<textarea>t</textarea><style>s</style>", NULL},
    {"svg in select is ignored", "<select><svg><style>a</select>b", NULL},
    {"select in a table", "<table><tr><td><select><td><style>x</style>",
     NULL},
    {"template", "<template><script>x</script><p>y</p></template>",
     "<template><script></script><p>y</p></template>"},
    {"frameset", "<frameset><frame src=a></frameset>", NULL},
    {"text in svg and a late frameset",
     "<body><svg><text>Hi</text></svg><frameset><frame></frameset>", NULL},
    {"frameset after a comment", "<!-- x --><frameset></frameset>", NULL},
    {"NUL bytes", NUL_SNIPPET, NULL},
    /* Misnested formatting elements: the model follows the copies Gumbo
     * opens, and leaves the tree as it is below its caps. */
    {"<b> reopened in the next paragraph",
     "<p><b>x</p><p>y</p><p>z</p>", NULL},
    {"</a> around a <div>", "<a href=x><div>t</a>u<a href=y>v</a>", NULL},
    {"<a> closes <a> with <b><i> inside",
     "<p><b><i><a href=x>t<b><i><a href=y>u</p>", NULL},
    {"<nobr> closes <nobr>", "<p><nobr>a<b>b<nobr>c<i>d<nobr>e</p>", NULL},
    {"a cell's marker hides the <b> outside",
     "<b>x<table><tr><td>y</td><td><i>z</td></tr></table>w", NULL},
    {"Noah's Ark", "<p><b>1<b>2<b>3<b>4<b>5</p><p>x</p>", NULL},
    {"stray </p> and </br>", "</p>a</br>b</p>c<p>d</p></p>", NULL},
    {"head", "<html lang=en><head><meta charset=utf-8><meta property="
     "\"og:title\" content=\"T\"><link rel=canonical href=/a>"
     "<link rel=stylesheet href=b.css></head><body>x", NULL},
};

/* Inputs on which Gumbo 0.10.1 itself fails an assertion (and aborts):
 * the output must not, so only the output is parsed. */
static const struct snippet gumbo_aborts[] = {
    {"CDATA in foreignObject in a table",
     "<table><svg><foreignObject><![CDATA[x]]>i",
     "<table><svg><foreignObject><!-CDATA[x]]>i"},
};

/* Inputs on which Gumbo fails an assertion that the pre-pass cannot
 * defuse: the library reports them (dom.c), it does not abort. */
static const char *const parser_failures[] = {
    "<table><svg><foreignObject><![CDATA[<]]>i",
};

static int
check_snippet(const struct snippet *s, size_t len, int aborts)
{
    char *out;
    size_t out_len;
    struct prepass_stats st;
    if (prepass_html(s->in, len, &out, &out_len, &st)) {
        OK(0, "%s: out of memory", s->name);
        return 0;
    }
    OK(out_len <= len, "%s: output grew from %zu to %zu", s->name, len,
       out_len);
    if (s->want)
        OK(out_len == strlen(s->want) && !memcmp(out, s->want, out_len),
           "%s: got \"%.*s\", want \"%s\"", s->name, (int)out_len, out,
           s->want);
    char *b = tree_digest(out, out_len);
    char *a = aborts ? (b ? strdup(b) : NULL) : tree_digest(s->in, len);
    int same = a && b && !strcmp(a, b);
    OK(same, "%s: the tree changed\n--- before\n%s--- after\n%s", s->name,
       a ? a : "(null)", b ? b : "(null)");
    free(a);
    free(b);
    free(out);
    return same;
}

/* ------------------------------------------------------------ pages */

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *p = malloc(cap + 1);
    while (p && (got = fread(p + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *q = realloc(p, cap * 2 + 1);
            if (!q) {
                free(p);
                p = NULL;
                break;
            }
            p = q;
            cap *= 2;
        }
    }
    fclose(f);
    if (p)
        p[n] = '\0';
    *len = n;
    return p;
}

static int
collect(const char *data, size_t len, void *ud)
{
    struct digest_buf *b = ud;
    digest_put(b, data, len);
    return b->oom;
}

/* Everything the library says about a page, in one string. */
static char *
everything(pith_extractor *ex, const char *html, size_t len)
{
    struct digest_buf b = {0};
    pith_result *res = NULL;
    pith_status st = pith_extract_html(ex, html, len, NULL, NULL, &res);
    char num[32];
    snprintf(num, sizeof num, "status %d\n", (int)st);
    digest_puts(&b, num);
    if (res) {
        pith_render(res, PITH_FORMAT_TXT, 0, collect, &b);
        pith_render(res, PITH_FORMAT_JSON, 0, collect, &b);
        pith_render(res, PITH_FORMAT_MARKDOWN, 0, collect, &b);
    }
    pith_result_free(res);
    pith_explain(ex, html, len, NULL, NULL, 0, collect, &b);
    return b.s ? b.s : calloc(1, 1);
}

static void
show_difference(const char *what, const char *a, const char *b)
{
    size_t i = 0, line = 1;
    while (a[i] && a[i] == b[i])
        line += a[i++] == '\n';
    size_t from = i > 60 ? i - 60 : 0;
    printf("  %s: first difference at line %zu\n    with:    %.200s\n"
           "    without: %.200s\n", what, line, a + from, b + from);
}

static void
check_page(const char *path, pith_extractor *with, pith_extractor *without)
{
    size_t len;
    char *html = slurp(path, &len);
    if (!html)
        return;
    /* The digest of the decoded page against that of its pre-pass. */
    struct charset_decision cs;
    charset_decide(html, len, NULL, &cs);
    char *utf8, *lean;
    size_t utf8_len, lean_len;
    if (!charset_to_utf8(html, len, &cs, (size_t)1 << 30, &utf8, &utf8_len)) {
        if (!prepass_html(utf8, utf8_len, &lean, &lean_len, NULL)) {
            char *a = tree_digest(utf8, utf8_len);
            char *b = tree_digest(lean, lean_len);
            int same = a && b && !strcmp(a, b);
            OK(same, "%s: the tree changed", path);
            if (!same && a && b)
                show_difference("digest", b, a);
            free(a);
            free(b);
            free(lean);
        }
        free(utf8);
    }
    char *a = everything(with, html, len), *b = everything(without, html,
                                                            len);
    int same = !strcmp(a, b);
    OK(same, "%s: extraction differs with the pre-pass", path);
    if (!same)
        show_difference("output", a, b);
    free(a);
    free(b);
    free(html);
}

static int
is_html(const char *name)
{
    size_t n = strlen(name);
    return (n > 5 && !strcmp(name + n - 5, ".html")) ||
           (n > 4 && !strcmp(name + n - 4, ".htm"));
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every HTML file under dir, in name order; returns how many. */
static size_t
check_tree(const char *dir, pith_extractor *with, pith_extractor *without)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    char **names = NULL;
    size_t n = 0, cap = 0, pages = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *names);
            if (!p)
                break;
            names = p;
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        struct stat sb;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            pages += check_tree(path, with, without);
        } else if (is_html(names[i])) {
            check_page(path, with, without);
            pages++;
        }
        free(names[i]);
    }
    free(names);
    return pages;
}

int
main(int argc, char **argv)
{
    pith_options opt = {0};
    pith_extractor *with = pith_new(&opt);
    opt.no_prepass = 1;
    pith_extractor *without = pith_new(&opt);
    size_t pages = 0;
    if (argc > 1) {
        int found = 0;
        for (int i = 1; i < argc; i++) {
            DIR *d = opendir(argv[i]);
            if (d) {
                closedir(d);
                found = 1;
                pages += check_tree(argv[i], with, without);
            }
        }
        if (!found) {
            printf("skipped: no corpus at %s\n", argv[1]);
            pith_free(with);
            pith_free(without);
            return 77;
        }
    } else {
        OK(lex_tables_sorted(), "the tag name tables are sorted");
        size_t unchanged = 0;
        for (size_t i = 0; i < sizeof snippets / sizeof snippets[0]; i++) {
            const char *in = snippets[i].in;
            /* "NUL bytes" holds NULs: its length is that of the literal. */
            size_t len = strcmp(snippets[i].name, "NUL bytes")
                             ? strlen(in)
                             : sizeof NUL_SNIPPET - 1;
            unchanged += check_snippet(&snippets[i], len, 0);
        }
        for (size_t i = 0; i < sizeof gumbo_aborts / sizeof *gumbo_aborts; i++)
            check_snippet(&gumbo_aborts[i], strlen(gumbo_aborts[i].in), 1);
        printf("%zu snippets keep their tree\n", unchanged);
        for (size_t i = 0; i < sizeof parser_failures /
                                sizeof *parser_failures; i++) {
            pith_result *res = NULL;
            const char *in = parser_failures[i];
            pith_status st = pith_extract_html(with, in, strlen(in), NULL,
                                               NULL, &res);
            EQ_INT(st, PITH_ERR_INTERNAL, "a Gumbo assertion is reported");
            OK(res == NULL, "no result after a parser failure");
            EQ_STR(pith_errmsg(with), "the HTML parser failed on this page",
                   "message");
        }
        const char *src = getenv("PITH_SOURCE_DIR");
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/fixtures", src ? src : ".");
        pages = check_tree(dir, with, without);
        OK(pages >= 12, "expected the fixtures in %s", dir);
    }
    printf("%zu pages compared\n", pages);
    pith_free(with);
    pith_free(without);
    return test_done();
}
