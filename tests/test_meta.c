/*
 * Page metadata (src/meta/): small pages parsed with dom_parse() and read
 * by meta_read(), with and without the page's URL.  Each source is tried
 * alone and against the sources it outranks: JSON-LD, Open Graph, Twitter
 * and Dublin Core meta tags, itemprop, <time>, rel=author, the visible
 * byline; then title cleaning, dates to ISO 8601, URLs made absolute.
 */
#include "harness.h"

#include "arena.h"
#include "dom/dom.h"
#include "meta/meta.h"

#include <gumbo.h>

struct doc {
    struct arena a;
    struct meta m;
    int rc;
};

/* Reads the metadata of html, as found at url (may be NULL). */
static const struct meta *
read_meta(struct doc *d, const char *html, const char *url)
{
    arena_init(&d->a);
    memset(&d->m, 0, sizeof d->m);
    int failed = 0;
    GumboOutput *out = dom_parse(&d->a, html, strlen(html), &failed);
    d->rc = out ? meta_read(&d->a, out, url, &d->m) : -2;
    return &d->m;
}

static void
done(struct doc *d)
{
    arena_free(&d->a);
}

/* Checks a string field that must be NULL. */
#define NONE(got, what)                                                    \
    do {                                                                   \
        const char *n_ = (got);                                            \
        OK(n_ == NULL, "%s: got \"%s\", want nothing", what, n_ ? n_ : ""); \
    } while (0)

/* Checks the author list against a NULL-terminated list of names. */
static void
authors_are(const struct meta *m, const char *const *want, const char *what)
{
    size_t n = 0;
    while (want[n])
        n++;
    OK(m->n_authors == n, "%s: %zu authors, want %zu (first \"%s\")", what,
       m->n_authors, n, m->n_authors ? m->authors[0] : "");
    for (size_t i = 0; i < n && i < m->n_authors; i++)
        EQ_STR(m->authors[i], want[i], what);
}

static void
tags_are(const struct meta *m, const char *const *want, const char *what)
{
    size_t n = 0;
    while (want[n])
        n++;
    OK(m->n_tags == n, "%s: %zu tags, want %zu (first \"%s\")", what,
       m->n_tags, n, m->n_tags ? m->tags[0] : "");
    for (size_t i = 0; i < n && i < m->n_tags; i++)
        EQ_STR(m->tags[i], want[i], what);
}

/* ------------------------------------------------------------ titles */

/* The title meta_read() gives for a page of a <title> and a body. */
static void
title_is(const char *title, const char *body, const char *want)
{
    char html[2048];
    snprintf(html, sizeof html, "<html><head><title>%s</title></head>"
             "<body>%s</body></html>", title, body);
    struct doc d;
    const struct meta *m = read_meta(&d, html, NULL);
    EQ_INT(d.rc, 0, "meta_read");
    EQ_STR(m->title, want, title);
    done(&d);
}

static void
test_titles(void)
{
    /* The site name goes at the last spaced separator. */
    title_is("Council approves new budget for next year | The Gazette", "",
             "Council approves new budget for next year");
    title_is("Council approves the new budget \xE2\x80\x94 Gazette", "",
             "Council approves the new budget");
    /* Too little left before it: everything after the first separator. */
    title_is("The Gazette - Council approves the new budget", "",
             "Council approves the new budget");
    /* A cut that leaves four words or fewer keeps the original. */
    title_is("Home | The Gazette", "", "Home | The Gazette");
    /* A hyphen inside a word is no separator. */
    title_is("Long-delayed bridge repairs start again", "",
             "Long-delayed bridge repairs start again");
    /* "Site: Title" loses the site, unless a heading repeats it all. */
    title_is("Gazette: Council approves the new budget today", "",
             "Council approves the new budget today");
    title_is("Gazette: Council approves the new budget today",
             "<h1>Gazette: Council approves the new budget today</h1>",
             "Gazette: Council approves the new budget today");
    /* More than five words before the colon: no site name. */
    title_is("Why the council of our town voted: a budget story", "",
             "Why the council of our town voted: a budget story");
    /* Too short: the only <h1> instead; with two <h1>s, the title. */
    title_is("Budget", "<h1>Council approves the new budget</h1>",
             "Council approves the new budget");
    title_is("Budget", "<h1>Council approves the new budget</h1><h1>Also"
             "</h1>", "Budget");
    /* White space collapsed. */
    title_is("  Council\n approves   the new budget  ", "",
             "Council approves the new budget");

    /* The <title> as written stays in doc_title; meta tags come before
     * it, Dublin Core before Open Graph before Twitter. */
    struct doc d;
    const struct meta *m = read_meta(&d,
        "<head><title>Budget | Gazette</title>"
        "<meta name=\"twitter:title\" content=\"Twitter title\">"
        "<meta property=\"og:title\" content=\"OG title\">"
        "<meta name=\"DC.title\" content=\"DC title\"></head>", NULL);
    EQ_STR(m->title, "DC title", "dc:title first");
    EQ_STR(m->doc_title, "Budget | Gazette", "doc_title as written");
    NONE(m->jsonld_title, "no JSON-LD title");
    done(&d);
    m = read_meta(&d,
        "<head><title>Budget | Gazette</title>"
        "<meta name=\"twitter:title\" content=\"Twitter title\">"
        "<meta property=\"og:title\" content=\"OG  title &amp;amp; more\">"
        "</head>", NULL);
    EQ_STR(m->title, "OG title & more",
           "og:title over twitter:title, entities decoded");
    done(&d);
    m = read_meta(&d,
        "<head><title>Budget | Gazette</title>"
        "<meta name=\"twitter:title\" content=\"Twitter title\"></head>",
        NULL);
    EQ_STR(m->title, "Twitter title", "twitter:title over <title>");
    done(&d);
}

/* ------------------------------------------------------------ JSON-LD */

static void
test_jsonld_article(void)
{
    struct doc d;
    const struct meta *m = read_meta(&d,
        "<html><head><title>Budget passes in council | Gazette</title>"
        "<meta property=\"og:title\" content=\"OG title\">"
        "<meta property=\"og:site_name\" content=\"OG site\">"
        "<meta name=\"author\" content=\"Meta Author\">"
        "<script type=\"application/ld+json\">"
        "{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\","
        " \"headline\": \"Budget  passes\", "
        " \"author\": {\"@type\": \"Person\", \"name\": \"Jane Doe\"},"
        " \"datePublished\": \"2024-03-05T10:00:00+01:00\","
        " \"dateModified\": \"2024-03-06 08:30\","
        " \"publisher\": {\"@type\": \"Organization\", \"name\": \"The "
        "Gazette\"},"
        " \"description\": \"What the council decided.\","
        " \"image\": {\"@type\": \"ImageObject\", \"url\": \"/img/b.jpg\"},"
        " \"keywords\": \"budget, council ,town\","
        " \"inLanguage\": \"en-GB\","
        " \"license\": \"https://creativecommons.org/licenses/by/4.0/\","
        " \"articleBody\": \"The council approved the budget.\"}"
        "</script></head><body><p>Text</p></body></html>",
        "https://example.com/news/budget.html");
    EQ_INT(d.rc, 0, "meta_read");
    EQ_STR(m->title, "Budget passes", "JSON-LD headline over og:title");
    EQ_STR(m->jsonld_title, "Budget passes", "jsonld_title");
    EQ_STR(m->jsonld_body, "The council approved the budget.",
           "articleBody");
    static const char *const jane[] = {"Jane Doe", NULL};
    authors_are(m, jane, "author object over meta author");
    EQ_STR(m->date_published, "2024-03-05T10:00:00+01:00",
           "datePublished with zone");
    EQ_STR(m->date_modified, "2024-03-06T08:30:00", "dateModified");
    EQ_STR(m->site_name, "The Gazette", "publisher name over og:site_name");
    EQ_STR(m->description, "What the council decided.", "description");
    EQ_STR(m->image, "https://example.com/img/b.jpg",
           "image object made absolute");
    static const char *const tags[] = {"budget", "council", "town", NULL};
    tags_are(m, tags, "keywords split at commas");
    EQ_STR(m->lang, "en-GB", "inLanguage");
    EQ_STR(m->license, "https://creativecommons.org/licenses/by/4.0/",
           "license");
    EQ_STR(m->base_url, "https://example.com/news/budget.html",
           "base_url is the page's URL");
    done(&d);
}

/* The authors meta_read() gives for a JSON-LD article whose author is
 * author_json, on a page whose body is body. */
static void
jsonld_author_is(const char *author_json, const char *body,
                 const char *const *want, const char *what)
{
    char html[2048];
    snprintf(html, sizeof html, "<script type=\"application/ld+json\">"
             "{\"@context\": \"https://schema.org\", \"@type\": "
             "\"Article\", \"headline\": \"H\", \"author\": %s}</script>"
             "%s", author_json, body);
    struct doc d;
    authors_are(read_meta(&d, html, NULL), want, what);
    done(&d);
}

static void
test_jsonld_authors(void)
{
    struct doc d;
    const struct meta *m = read_meta(&d,
        "<script type=\"application/ld+json\">"
        "{\"@context\": \"http://schema.org/\", \"@type\": \"BlogPosting\","
        " \"name\": \"Post\", \"author\": [{\"@type\": \"Person\", \"name\":"
        " \"Jane Doe\"}, \"By John Roe\", {\"name\": \"jane doe\"},"
        " {\"@type\": \"Person\"}]}</script>", NULL);
    static const char *const two[] = {"Jane Doe", "John Roe", NULL};
    authors_are(m, two, "author array: objects and strings, no duplicates");
    EQ_STR(m->title, "Post", "name when there is no headline");
    done(&d);

    /* No author: the creator. */
    m = read_meta(&d,
        "<script type=\"application/ld+json\">"
        "{\"@context\": \"https://schema.org\", \"@type\": \"Article\","
        " \"headline\": \"H\", \"creator\": \"Ann Smith\"}</script>", NULL);
    static const char *const ann[] = {"Ann Smith", NULL};
    authors_are(m, ann, "creator");
    done(&d);

    /* A member handle is a name, digits and all; alone in JSON-LD it
     * gives way to the full name the byline shows, not to a first name
     * or another handle. */
    jsonld_author_is("\"quill_77\"", "<p class=\"byline\">By Ann Smith</p>",
                     ann, "handle gives way to the byline's full name");
    static const char *const quill[] = {"quill_77", NULL};
    jsonld_author_is("\"quill_77\"", "<p class=\"byline\">By Ann</p>",
                     quill, "handle kept over a first name");
    /* So does an organization, or a Person named after the site. */
    jsonld_author_is("{\"@type\": \"Organization\", \"name\": \"Acme\"}",
                     "<p class=\"byline\">By Ann Smith</p>", ann,
                     "organization gives way to the byline's full name");
    static const char *const acme[] = {"Acme", NULL};
    jsonld_author_is("{\"@type\": \"Organization\", \"name\": \"Acme\"}",
                     "<p class=\"byline\">Name *</p>", acme,
                     "organization kept over a form's label");
    jsonld_author_is("{\"@type\": \"Person\", \"name\": \"Acme Daily\"}",
                     "<meta property=\"og:site_name\" content=\"acme daily\">"
                     "<p class=\"byline\">By Ann Smith</p>", ann,
                     "a Person named after the site gives way");
    jsonld_author_is("{\"@type\": \"Organization\", \"name\": \"Acme\"}",
                     "<div class=\"authority-control\">Authority control"
                     "</div>", acme, "organization kept over a phrase");
    m = read_meta(&d, "<meta name=\"author\" content=\"b.scherer2\">"
                  "<meta name=\"author\" content=\"2024-03-05\">"
                  "<meta name=\"author\" content=\"9lives\">", NULL);
    static const char *const scherer[] = {"b.scherer2", NULL};
    authors_are(m, scherer, "handle, not a date or a number");
    done(&d);
    /* A Twitter card's "Written by" row, not its reading time. */
    m = read_meta(&d, "<meta name=\"twitter:label2\" content=\"Reading "
                  "time\"><meta name=\"twitter:data2\" content=\"4 min\">"
                  "<meta name=\"twitter:label1\" content=\"Written by\">"
                  "<meta name=\"twitter:data1\" content=\"Ann Smith\">",
                  NULL);
    authors_are(m, ann, "twitter card's Written by row");
    done(&d);
    /* An author tag naming the site gives way to the byline; its host
     * counts as its name. */
    m = read_meta(&d, "<meta name=\"author\" content=\"Tide Works\">"
                  "<p class=\"byline\">By Ann Smith</p>",
                  "https://www.tideworks.example/news/a");
    authors_are(m, ann, "author tag naming the site's host");
    done(&d);

    /* A Q&A page: the question's author, not the answer's. */
    m = read_meta(&d,
        "<script type=\"application/ld+json\">"
        "{\"@context\": \"https://schema.org\", \"@type\": \"QAPage\","
        " \"mainEntity\": {\"@type\": \"Question\", \"name\": \"Q\","
        " \"author\": {\"@type\": \"Person\", \"name\": \"RyeBaker\"},"
        " \"acceptedAnswer\": {\"@type\": \"Answer\", \"author\":"
        " {\"name\": \"Ann Smith\"}}}}</script>"
        "<p class=\"byline\">Ann Smith</p>", NULL);
    static const char *const rye[] = {"RyeBaker", NULL};
    authors_are(m, rye, "the question's author");
    done(&d);
}

static void
test_jsonld_graph(void)
{
    struct doc d;
    const struct meta *m = read_meta(&d,
        "<script type=\"application/ld+json\">"
        "{\"@context\": \"https://schema.org\", \"@graph\": ["
        " {\"@type\": \"WebSite\", \"@id\": \"#site\", \"name\": \"Site\"},"
        " {\"@type\": \"Organization\", \"@id\": \"#org\", \"name\": "
        "\"Gazette Inc\"},"
        " {\"@type\": \"Person\", \"@id\": \"#jane\", \"name\": \"Jane Doe\"},"
        " {\"@type\": \"Article\", \"headline\": \"Graph headline\","
        "  \"author\": {\"@id\": \"#jane\"}, \"publisher\": {\"@id\": "
        "\"#org\"}, \"datePublished\": \"2024-01-02\"}]}"
        "</script>", NULL);
    EQ_STR(m->title, "Graph headline", "article in @graph");
    static const char *const jane[] = {"Jane Doe", NULL};
    authors_are(m, jane, "author by @id");
    EQ_STR(m->site_name, "Gazette Inc", "publisher by @id");
    EQ_STR(m->date_published, "2024-01-02", "date from @graph");
    done(&d);
}

static void
test_jsonld_name_or_headline(void)
{
    /* name and headline differ: the headline when only it resembles the
     * <title>, else the name. */
    static const char *const script =
        "<script type=\"application/ld+json\">"
        "{\"@context\": \"https://schema.org\", \"@type\": \"Article\","
        " \"name\": \"Gazette front page\", \"headline\": \"Budget passes "
        "in the town council\"}</script>";
    char html[1024];
    snprintf(html, sizeof html, "<title>Budget passes in the town council"
             " | Gazette</title>%s", script);
    struct doc d;
    const struct meta *m = read_meta(&d, html, NULL);
    EQ_STR(m->title, "Budget passes in the town council",
           "headline like the title");
    done(&d);
    snprintf(html, sizeof html, "<title>Something else entirely here"
             "</title>%s", script);
    m = read_meta(&d, html, NULL);
    EQ_STR(m->title, "Gazette front page", "name otherwise");
    done(&d);
}

static void
test_jsonld_wide(void)
{
    /* Not schema.org's context: the title is not taken from it, the
     * rest is. */
    struct doc d;
    const struct meta *m = read_meta(&d,
        "<title>Council approves the new budget</title>"
        "<script type=\"application/ld+json\">"
        "{\"@context\": \"https://example.org\", \"@type\": \"Article\","
        " \"headline\": \"Other headline\", \"author\": \"Jane Doe\","
        " \"datePublished\": \"2024-02-02\"}</script>", NULL);
    EQ_STR(m->title, "Council approves the new budget",
           "no title from a foreign context");
    NONE(m->jsonld_title, "no jsonld_title from a foreign context");
    static const char *const jane[] = {"Jane Doe", NULL};
    authors_are(m, jane, "authors from the wide pass");
    EQ_STR(m->date_published, "2024-02-02", "date from the wide pass");
    done(&d);

    /* An article as the mainEntity of a page, and a type list. */
    m = read_meta(&d,
        "<script type=\"application/ld+json\">"
        "{\"@context\": \"https://schema.org\", \"@type\": \"WebPage\","
        " \"mainEntity\": {\"@type\": [\"NewsArticle\", \"Thing\"],"
        " \"datePublished\": \"2024-02-03\", \"author\": \"Ann Smith\"}}"
        "</script>", NULL);
    EQ_STR(m->date_published, "2024-02-03", "mainEntity date");
    static const char *const ann[] = {"Ann Smith", NULL};
    authors_are(m, ann, "mainEntity author");
    done(&d);

    /* A CDATA wrapper is stripped; a second script fills what the first
     * left empty. */
    m = read_meta(&d,
        "<script type=\"application/ld+json\"><![CDATA[ {\"@context\": "
        "\"https://schema.org\", \"@type\": \"Article\", \"headline\": "
        "\"In CDATA\"} ]]></script>"
        "<script type=\"application/ld+json\">{\"@context\": "
        "\"https://schema.org\", \"@type\": \"Article\", \"headline\": "
        "\"Second\", \"datePublished\": \"2024-02-04\"}</script>", NULL);
    EQ_STR(m->title, "In CDATA", "CDATA-wrapped JSON-LD");
    EQ_STR(m->date_published, "2024-02-04", "second script fills the date");
    done(&d);

    /* Types that are no article are not read. */
    m = read_meta(&d,
        "<title>Council approves the new budget</title>"
        "<script type=\"application/ld+json\">"
        "{\"@context\": \"https://schema.org\", \"@type\": \"Organization\","
        " \"name\": \"Gazette\", \"datePublished\": \"2024-02-05\"}"
        "</script>", NULL);
    EQ_STR(m->title, "Council approves the new budget",
           "an Organization gives no title");
    NONE(m->date_published, "an Organization gives no date");
    done(&d);

    /* No article object: the page's own dates, as a @graph of WebPage,
     * WebSite and Person gives them; an article's date comes first. */
    m = read_meta(&d,
        "<script type=\"application/ld+json\">"
        "{\"@context\": \"https://schema.org\", \"@graph\": ["
        "{\"@type\": \"WebSite\", \"name\": \"Gazette\"},"
        "{\"@type\": \"WebPage\", \"datePublished\": \"2021-01-27\","
        " \"dateModified\": \"2024-06-01\"}]}</script>", NULL);
    EQ_STR(m->date_published, "2021-01-27", "the WebPage's date");
    EQ_STR(m->date_modified, "2024-06-01", "the WebPage's modified date");
    done(&d);
    m = read_meta(&d,
        "<script type=\"application/ld+json\">"
        "{\"@context\": \"https://schema.org\", \"@graph\": ["
        "{\"@type\": \"WebPage\", \"datePublished\": \"2021-01-27\"},"
        "{\"@type\": \"Article\", \"datePublished\": \"2021-02-01\"}"
        "]}</script>", NULL);
    EQ_STR(m->date_published, "2021-02-01", "the article's date first");
    done(&d);
}

/* A date in a meta named "published". */
static void
test_date_markup(void)
{
    struct doc d;
    const struct meta *m = read_meta(&d,
        "<meta name=\"published\" content=\"2025-07-17\">", NULL);
    EQ_STR(m->date_published, "2025-07-17", "meta name=published");
    done(&d);
}

static void
test_jsonld_broken(void)
{
    static const char *const bad[] = {
        "{\"@context\": \"https://schema.org\", \"@type\": \"Article\", "
        "\"headline\": \"Broken\"",
        "]]]",
        "",
        "{\"@context\": \"https://schema.org\", \"@type\": \"Article\", "
        "\"headline\": 42, \"author\": {\"name\": [1, 2]}, "
        "\"datePublished\": null, \"image\": [], \"keywords\": {}}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]"
        "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "null",
        "\"just a string\"",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char html[2048];
        snprintf(html, sizeof html,
                 "<title>Council approves the new budget</title>"
                 "<meta property=\"article:published_time\" "
                 "content=\"2024-01-09\">"
                 "<script type=\"application/ld+json\">%s</script>", bad[i]);
        struct doc d;
        const struct meta *m = read_meta(&d, html, NULL);
        EQ_INT(d.rc, 0, "meta_read on broken JSON-LD");
        EQ_STR(m->title, "Council approves the new budget",
               "broken JSON-LD gives way to <title>");
        NONE(m->jsonld_title, "no jsonld_title");
        NONE(m->jsonld_body, "no jsonld_body");
        EQ_STR(m->date_published, "2024-01-09", "the meta tag's date");
        EQ_INT(m->n_authors, 0, "no authors");
        done(&d);
    }
}

/* ------------------------------------------------------------ meta tags */

static void
test_meta_tags(void)
{
    struct doc d;
    const struct meta *m = read_meta(&d,
        "<head><meta property=\"og:site_name\" content=\"The Gazette\">"
        "<meta property=\"og:description\" content=\"OG description\">"
        "<meta name=\"description\" content=\"Plain description\">"
        "<meta property=\"og:image\" content=\"/img/og.jpg\">"
        "<meta name=\"twitter:image\" content=\"/img/tw.jpg\">"
        "<meta property=\"og:url\" content=\"/news/budget\">"
        "<meta property=\"article:published_time\" "
        "content=\"2024-03-05T10:30:00Z\">"
        "<meta property=\"article:modified_time\" "
        "content=\"2024-03-06T10:30:00.123+0200\">"
        "<meta property=\"article:tag\" content=\"Budget\">"
        "<meta property=\"article:tag\" content=\"Council\">"
        "<meta property=\"article:tag\" content=\"budget\">"
        "<meta name=\"keywords\" content=\"ignored, words\">"
        "<meta property=\"og:locale\" content=\"en_US\">"
        "</head>", "https://example.com/a/b");
    EQ_STR(m->site_name, "The Gazette", "og:site_name");
    EQ_STR(m->description, "OG description", "og: over plain description");
    EQ_STR(m->image, "https://example.com/img/og.jpg",
           "og:image over twitter:image, absolute");
    EQ_STR(m->canonical_url, "https://example.com/news/budget",
           "og:url as canonical, absolute");
    EQ_STR(m->date_published, "2024-03-05T10:30:00Z", "published time");
    EQ_STR(m->date_modified, "2024-03-06T10:30:00+02:00",
           "modified time: fraction dropped, zone with a colon");
    static const char *const tags[] = {"Budget", "Council", NULL};
    tags_are(m, tags, "article:tag, no duplicates, over keywords");
    EQ_STR(m->lang, "en-US", "og:locale as a language tag");
    done(&d);

    /* Dublin Core, and names of any case with dots. */
    m = read_meta(&d,
        "<head><meta name=\"DC.creator\" content=\"Jane Doe\">"
        "<meta name=\"author\" content=\"Meta Author\">"
        "<meta name=\"DC.date.issued\" content=\"2024-03-05\">"
        "<meta name=\"dc.language\" content=\"de\">"
        "<meta name=\"DC.description\" content=\"DC description\">"
        "<meta property=\"og:description\" content=\"OG description\">"
        "<meta name=\"DC.rights\" content=\"CC BY 4.0\">"
        "<meta name=\"keywords\" content=\"one, two; three,,\">"
        "</head>", NULL);
    static const char *const jane[] = {"Jane Doe", NULL};
    authors_are(m, jane, "dc:creator before author");
    EQ_STR(m->date_published, "2024-03-05", "dc:date:issued");
    EQ_STR(m->lang, "de", "dc:language");
    EQ_STR(m->description, "DC description", "dc:description first");
    EQ_STR(m->license, "CC BY 4.0", "dc:rights as written");
    static const char *const kw[] = {"one", "two", "three", NULL};
    tags_are(m, kw, "keywords split at , and ;");
    NONE(m->canonical_url, "no canonical");
    NONE(m->base_url, "no URL, no base");
    done(&d);

    /* Several author tags and a list in one. */
    m = read_meta(&d,
        "<meta name=\"author\" content=\"Jane Doe and John Roe\">"
        "<meta name=\"author\" content=\"Ann Smith\">"
        "<meta name=\"author\" content=\"jane doe\">", NULL);
    static const char *const three[] = {"Jane Doe", "John Roe", "Ann Smith",
                                        NULL};
    authors_are(m, three, "every author tag, lists split");
    done(&d);
    /* "Doe, Jane" is one name: a piece of one word is no name. */
    m = read_meta(&d, "<meta name=\"author\" content=\"Doe, Jane\">", NULL);
    static const char *const doe[] = {"Doe, Jane", NULL};
    authors_are(m, doe, "surname first stays whole");
    done(&d);
    /* What is no name is left out. */
    m = read_meta(&d,
        "<meta name=\"author\" content=\"https://example.com/jane\">"
        "<meta name=\"author\" content=\"@janedoe\">", NULL);
    EQ_INT(m->n_authors, 0, "URLs and handles are no names");
    done(&d);
    /* A property list counts its first known word; parsely tags. */
    m = read_meta(&d,
        "<meta property=\"og:title twitter:title\" content=\"Listed\">"
        "<meta name=\"parsely-author\" content=\"Pat Lee\">"
        "<meta name=\"parsely-pub-date\" content=\"2024-04-01\">", NULL);
    EQ_STR(m->title, "Listed", "property list");
    static const char *const pat[] = {"Pat Lee", NULL};
    authors_are(m, pat, "parsely-author");
    EQ_STR(m->date_published, "2024-04-01", "parsely-pub-date");
    done(&d);
}

/* ------------------------------------------------------------ dates */

/* The published date meta_read() gives for a meta tag's value. */
static void
date_is(const char *value, const char *want)
{
    char html[512];
    snprintf(html, sizeof html, "<meta property=\"article:published_time\" "
             "content=\"%s\">", value);
    struct doc d;
    const struct meta *m = read_meta(&d, html, NULL);
    if (want)
        EQ_STR(m->date_published, want, value);
    else
        NONE(m->date_published, value);
    done(&d);
}

static void
test_dates(void)
{
    date_is("2024-03-05", "2024-03-05");
    date_is("2024-03-05 10:30:00", "2024-03-05T10:30:00");
    date_is("2024-03-05T10:30", "2024-03-05T10:30:00");
    date_is("2024-03-05T10:30:00-0500", "2024-03-05T10:30:00-05:00");
    date_is("2024-03-05T10:30:00+05:30", "2024-03-05T10:30:00+05:30");
    date_is("2024/03/05", "2024-03-05");
    date_is("Tue, 05 Mar 2024 18:01:00 +0000", "2024-03-05T18:01:00Z");
    date_is("March 5, 2024 at 6:01 pm", "2024-03-05T18:01:00");
    date_is("Sept. 9, 2023", "2023-09-09");
    date_is("5. M\xC3\xA4rz 2024", "2024-03-05");
    date_is("5 janvier 2024", "2024-01-05");
    date_is("05.03.2024", "2024-03-05");
    date_is("03/05/2024", "2024-03-05");
    date_is("13/05/2024", "2024-05-13");
    /* Month first with dashes, as forums write it: no 29th month. */
    date_is("11-29-2024, 09:03 AM", "2024-11-29T09:03:00");
    date_is("05-03-2024", "2024-03-05");
    date_is("2024\xE5\xB9\xB4" "3\xE6\x9C\x88" "5\xE6\x97\xA5",
            "2024-03-05");
    date_is("2024-02-29", "2024-02-29");
    date_is("2023-02-29", NULL);
    date_is("2024-13-01", NULL);
    date_is("1850-01-01", NULL);
    date_is("not a date", NULL);
    date_is("Jane 5 2024", NULL);
}

static void
test_date_sources(void)
{
    struct doc d;
    /* itemprop on an element, by datetime or content. */
    const struct meta *m = read_meta(&d,
        "<body><p>x</p><time itemprop=\"datePublished\" "
        "datetime=\"2024-03-05T08:00:00Z\">5 March</time>"
        "<span itemprop=\"dateModified\" content=\"2024-03-07\"></span>"
        "</body>", NULL);
    EQ_STR(m->date_published, "2024-03-05T08:00:00Z", "itemprop datetime");
    EQ_STR(m->date_modified, "2024-03-07", "itemprop content");
    done(&d);

    /* <time pubdate> before the first <time>. */
    m = read_meta(&d,
        "<body><time datetime=\"2023-01-01\">then</time>"
        "<time pubdate datetime=\"2024-03-05\">now</time></body>", NULL);
    EQ_STR(m->date_published, "2024-03-05", "time pubdate");
    done(&d);

    /* The first <time> with a datetime. */
    m = read_meta(&d,
        "<body><time>no attribute</time><time datetime=\"2024-03-06\">"
        "a</time><time datetime=\"2024-03-07\">b</time></body>", NULL);
    EQ_STR(m->date_published, "2024-03-06", "first time datetime");
    done(&d);

    /* A body date later than the modified date is someone else's. */
    m = read_meta(&d,
        "<head><meta property=\"article:modified_time\" "
        "content=\"2024-01-01\"></head><body><time datetime=\"2024-03-05\">"
        "x</time></body>", NULL);
    NONE(m->date_published, "body date after the modified date");
    EQ_STR(m->date_modified, "2024-01-01", "modified date");
    done(&d);

    /* A modified date before the published one is dropped. */
    m = read_meta(&d,
        "<meta property=\"article:published_time\" content=\"2024-03-05\">"
        "<meta property=\"article:modified_time\" content=\"2024-03-01\">",
        NULL);
    EQ_STR(m->date_published, "2024-03-05", "published");
    NONE(m->date_modified, "modified before published");
    done(&d);

    /* The date in the URL's path, when the page names none. */
    m = read_meta(&d, "<body><p>Text</p></body>",
                  "https://example.com/2024/03/05/budget-passes");
    EQ_STR(m->date_published, "2024-03-05", "date in the URL");
    done(&d);
    m = read_meta(&d, "<body><p>Text</p></body>",
                  "https://example.com/2024-03-05-budget");
    EQ_STR(m->date_published, "2024-03-05", "dashed date in the URL");
    done(&d);
    m = read_meta(&d, "<body><p>Text</p></body>",
                  "https://example.com/2024/03/budget");
    NONE(m->date_published, "a year and month are no date");
    done(&d);
    m = read_meta(&d, "<body><p>Text</p></body>",
                  "https://example.com/blog/2023/october/03/tides");
    EQ_STR(m->date_published, "2023-10-03", "month name in the URL");
    done(&d);
    m = read_meta(&d, "<body><p>Text</p></body>",
                  "https://example.com/2023/tides/03/x");
    NONE(m->date_published, "a word that is no month");
    done(&d);
    /* A time stamp on the next day in UTC: the URL's day. */
    m = read_meta(&d, "<head><meta property=\"article:published_time\" "
                  "content=\"2025-12-19T02:41:41Z\"></head>",
                  "https://example.com/2025/12/18/late-post/");
    EQ_STR(m->date_published, "2025-12-18", "the URL's day over UTC's");
    done(&d);
    /* A URL's day far from the page's date is something else's. */
    m = read_meta(&d, "<head><meta property=\"article:published_time\" "
                  "content=\"2025-12-01\"></head>",
                  "https://example.com/2025/12/18/late-post/");
    EQ_STR(m->date_published, "2025-12-01", "the page's own date");
    done(&d);

    /* A line that is only a date. */
    m = read_meta(&d, "<body><p>Saturday, 12 June 2021</p><p>Some text of "
                  "the article without numbers.</p></body>", NULL);
    EQ_STR(m->date_published, "2021-06-12", "a date line");
    done(&d);
}

/* ------------------------------------------------------------ authors */

/* The date shown under the headline (meta_shown_date.c). */
static void
test_shown_date(void)
{
    struct doc d;
    /* The page shows another day than its metadata's first draft: the
     * day readers see wins; a related story's date further down does
     * not count. */
    const struct meta *m = read_meta(&d,
        "<head><meta property='article:published_time' "
        "content='2023-01-10T08:00:00Z'>"
        "<meta property='article:modified_time' "
        "content='2024-06-01T08:00:00Z'></head><body>"
        "<h1>Ten ways to keep a sourdough starter</h1>"
        "<div><span>By Ana Lind</span> <span>Published</span> "
        "<span>March 5, 2024</span></div><p>Body text.</p>"
        "<aside><h3>Related</h3><span>April 1, 2024</span></aside>"
        "</body>", NULL);
    EQ_STR(m->date_published, "2024-03-05", "shown date over metadata");
    done(&d);

    /* A date the body's markup names (itemprop=datePublished) stands:
     * a quoted tweet's date under the headline is not the page's. */
    m = read_meta(&d,
        "<body><h1>Get your code covered</h1><blockquote><p>So true."
        "</p><a href='/status/1'>August 22, 2013</a></blockquote>"
        "<p>Body text.</p><footer><time datetime='2013-09-29' "
        "itemprop='datePublished'>2013-09-29</time></footer></body>", NULL);
    EQ_STR(m->date_published, "2013-09-29", "itemprop date over a shown one");
    done(&d);

    /* A <time> without a datetime is only text: the day it shows wins
     * over a first draft's, as any shown date does... */
    m = read_meta(&d,
        "<head><meta property='article:published_time' "
        "content='2022-10-24T12:40:59Z'><meta property="
        "'article:modified_time' content='2022-12-02T08:16:16Z'></head>"
        "<body><h1>Safe wiring at home</h1><span>On</span> "
        "<time>8 Oct 2022</time><p>Body text.</p></body>", NULL);
    EQ_STR(m->date_published, "2022-10-08", "shown <time> without datetime");
    done(&d);
    /* ...while one with a datetime writes out the markup's own date. */
    m = read_meta(&d,
        "<head><meta property='article:published_time' "
        "content='2022-10-24T12:40:59Z'></head><body><h1>Safe wiring at "
        "home</h1><time datetime='2022-10-08'>8 Oct 2022</time>"
        "<p>Body text.</p></body>", NULL);
    EQ_STR(m->date_published, "2022-10-24T12:40:59Z",
           "shown <time> with datetime");
    done(&d);

    /* A published date stamped on the day of the last change gives way to
     * an earlier one the body marks as published. */
    m = read_meta(&d,
        "<head><meta property='article:published_time' "
        "content='2025-11-29T12:28:31-05:00'><meta property="
        "'article:modified_time' content='2025-11-29T12:28:31-05:00'>"
        "</head><body><h1>Free accounting tools</h1><p>Body text.</p>"
        "<div>Published <time pubdate datetime='2025-08-13'>August 13, "
        "2025</time></div></body>", NULL);
    EQ_STR(m->date_published, "2025-08-13", "pubdate before a same-day stamp");
    done(&d);
    /* Not when the published date is older than the last change. */
    m = read_meta(&d,
        "<head><meta property='article:published_time' "
        "content='2025-09-01'><meta property='article:modified_time' "
        "content='2025-11-29'></head><body><h1>Free accounting tools</h1>"
        "<p>Body text.</p><time pubdate datetime='2025-08-13'>then</time>"
        "</body>", NULL);
    EQ_STR(m->date_published, "2025-09-01", "pubdate, older metadata date");
    done(&d);

    /* A date line in the head of the post above the headline counts as
     * one below it... */
    m = read_meta(&d,
        "<head><meta property='article:published_time' "
        "content='2023-01-10T08:00:00Z'></head><body><header><a href=/>"
        "Tide Weekly</a><nav><a href=/a>Almanac</a></nav></header><main>"
        "<div class=hero><div><span>Published</span><span>October 14, "
        "2025</span><span> in </span><a href=/c>Guides</a></div>"
        "<div><h1>Ten tide clocks compared</h1></div></div><p>Body.</p>"
        "</main></body>", NULL);
    EQ_STR(m->date_published, "2025-10-14", "shown date above the <h1>");
    done(&d);
    /* ...but not the date of a page header with more text before the
     * headline than a post's head holds. */
    m = read_meta(&d,
        "<head><meta property='article:published_time' "
        "content='2023-01-10T08:00:00Z'></head><body><div><div>"
        "<span>Tuesday, March 3, 2026</span><p>Tide Weekly: news of the "
        "coasts, the harbours and the ferries, every week since 1921, "
        "read by keepers, pilots and crews in forty countries.</p>"
        "</div><h1>Ten tide clocks compared</h1></div><p>Body.</p>"
        "</body>", NULL);
    EQ_STR(m->date_published, "2023-01-10T08:00:00Z",
           "a masthead's date above the <h1>");
    done(&d);
    /* A deck that says "until" is a sentence, not the label of the date
     * line after it. */
    m = read_meta(&d,
        "<head><meta property='article:published_time' "
        "content='2017-07-20T14:19:00'></head>"
        "<body><h1>Startup lessons</h1><h2>The call for proposals is open "
        "until July 31</h2><p><span>July 22, 2017</span></p><p>Body.</p>"
        "</body>", NULL);
    EQ_STR(m->date_published, "2017-07-22", "a long line is no label");
    done(&d);

    /* A shown "Updated" date leaves the metadata's published one. */
    m = read_meta(&d,
        "<head><meta property='article:published_time' "
        "content='2023-01-10'></head><body><h1>Title</h1>"
        "<p>Updated June 1, 2024</p><p>Body.</p></body>", NULL);
    EQ_STR(m->date_published, "2023-01-10", "updated line, metadata date");
    done(&d);
    /* ... and is the page's only date when the metadata has none. */
    m = read_meta(&d,
        "<body><h1>Title</h1><p>Last updated: <b>June 1, 2024</b></p>"
        "<p>Body.</p></body>", NULL);
    EQ_STR(m->date_published, "2024-06-01", "updated line alone");
    done(&d);

    /* A forum's last reply, a member's join date and a sale's end are
     * not the thread's; the first post's is, its label a few nodes
     * before. */
    m = read_meta(&d,
        "<body><h1>Which lathe for a beginner?</h1>"
        "<div>last post by <a>kim</a> <span>Sep 26, 2024</span></div>"
        "<div>Joined: <span>Mar 2, 2017</span></div>"
        "<p><sub>Sale ends 03/31/2024.</sub></p>"
        "<div>started by <a>lee</a>, <span>Jan 3, 2024</span></div>"
        "<p>Post.</p></body>", NULL);
    EQ_STR(m->date_published, "2024-01-03", "first post's date");
    done(&d);

    /* A date after the page's modified date is someone else's; a
     * sentence holding a date is body text; no <h1>, no shown date. */
    m = read_meta(&d,
        "<head><meta property='article:modified_time' "
        "content='2024-01-01'></head><body><h1>Title</h1>"
        "<p>March 5, 2024</p></body>", NULL);
    NONE(m->date_published, "shown date after the modified date");
    done(&d);
    m = read_meta(&d,
        "<body><h1>Title</h1><p>The council had met twice by March 5, 2024 "
        "in the old town hall, and again on many later days.</p></body>",
        NULL);
    NONE(m->date_published, "a date inside a sentence");
    done(&d);

    /* An infobox's value under the headline is no date of the page's,
     * and a <time>'s text does not overrule the metadata. */
    m = read_meta(&d,
        "<head><meta property='article:published_time' "
        "content='2001-10-29'></head><body><h1>New Zealand</h1>"
        "<table><tr><th>Dominion</th><td>26 September 1907</td></tr>"
        "</table><p>Body.</p></body>", NULL);
    EQ_STR(m->date_published, "2001-10-29", "infobox value");
    done(&d);
    m = read_meta(&d,
        "<head><meta property='article:published_time' "
        "content='2015-09-17'></head><body><h1>Hotels</h1>"
        "<ul><li><time datetime='2015-12-24'>Friday 25 December 2015"
        "</time></li></ul><p>Body.</p></body>", NULL);
    EQ_STR(m->date_published, "2015-09-17", "time text, metadata date");
    done(&d);
}

static void
test_bylines(void)
{
    struct doc d;
    /* rel=author. */
    const struct meta *m = read_meta(&d,
        "<body><p>Intro</p><a rel=\"author\" href=\"/jane\">Jane Doe</a>"
        "</body>", NULL);
    static const char *const jane[] = {"Jane Doe", NULL};
    authors_are(m, jane, "rel=author");
    done(&d);

    /* A byline class whose links go to author pages. */
    m = read_meta(&d,
        "<body><div class=\"byline\">By <a href=\"/author/jane-doe\">Jane "
        "Doe</a> and <a href=\"/author/john-roe\">John Roe</a>, Staff "
        "Writers</div></body>", NULL);
    static const char *const two[] = {"Jane Doe", "John Roe", NULL};
    authors_are(m, two, "author links in a byline");
    done(&d);

    /* itemprop=author with a name inside. */
    m = read_meta(&d,
        "<body><div itemprop=\"author\"><span itemprop=\"name\">Jane Doe"
        "</span> Senior Correspondent</div></body>", NULL);
    authors_are(m, jane, "itemprop name inside itemprop author");
    done(&d);
    /* A byline element that gives no name as a whole is looked into. */
    m = read_meta(&d,
        "<body><div class=\"author-block\"><b>By <span class=\"author-name"
        "\">Jane Doe</span></b> Published on July 18, 2025</div></body>",
        NULL);
    authors_are(m, jane, "the name inside a nameless byline");
    done(&d);
    /* Lines of a byline are apart: "Jane Doe" and "Editor" are two
     * words, not "Jane DoeEditor". */
    m = read_meta(&d,
        "<body><div class=\"author\"><div>Jane Doe</div><div>Editor</div>"
        "</div></body>", NULL);
    static const char *const editor[] = {"Jane Doe Editor", NULL};
    authors_are(m, editor, "a byline's lines apart");
    done(&d);
    /* A "Written by" line apart from its name, in a column Readability
     * drops on its first pass (a "sidebar"), and not a menu's "By
     * Region" or a quotation's "Quote from: Ann on June 9, 2024" there. */
    m = read_meta(&d,
        "<body><div class=\"sidebar\"><div class=\"menu\"><h4>By Region"
        "</h4></div><blockquote><cite>Quote from: Ann on June 9, 2024"
        "</cite></blockquote><div><p>Written by</p><p>Jane Doe</p></div>"
        "</div></body>", NULL);
    authors_are(m, jane, "a labelled byline in a sidebar");
    done(&d);
    /* A forum post's member name. */
    m = read_meta(&d,
        "<body><p>by <a class=\"username\" href=\"/u/3\">crustwise</a></p>"
        "<div id=\"runasusername\">Configure Run As</div></body>", NULL);
    static const char *const crust[] = {"crustwise", NULL};
    authors_are(m, crust, "class username");
    done(&d);
    /* ... but not a commenter's. */
    m = read_meta(&d,
        "<body><p>Our flat.</p><div class=\"comment\"><a class=\"username\""
        " href=\"/u/9\">Mayfly</a> Lovely!</div></body>", NULL);
    EQ_INT(m->n_authors, 0, "a commenter's username is no author");
    done(&d);
    /* ... given as a <meta>, whose content is its value. */
    m = read_meta(&d,
        "<body><div itemprop=\"author\"><a href=\"/u/7\">Jane Doe</a>"
        "<meta itemprop=\"name\" content=\"Jane Doe\"><span>1,655</span>"
        "</div></body>", NULL);
    authors_are(m, jane, "itemprop name of a <meta>");
    done(&d);

    /* "By" and a date around the name in a byline element. */
    m = read_meta(&d,
        "<body><span class=\"author\">By Jane Doe March 5, 2024</span>"
        "</body>", NULL);
    authors_are(m, jane, "By and a date cut from the byline");
    done(&d);

    /* A hidden byline is no byline. */
    m = read_meta(&d,
        "<body><div class=\"byline\" style=\"display:none\">By Hidden "
        "Person</div><div class=\"byline\">By Jane Doe</div></body>", NULL);
    authors_are(m, jane, "hidden byline skipped");
    done(&d);

    /* Meta tags come before the visible byline. */
    m = read_meta(&d,
        "<head><meta name=\"author\" content=\"Ann Smith\"></head>"
        "<body><div class=\"byline\">By Jane Doe</div></body>", NULL);
    static const char *const ann[] = {"Ann Smith", NULL};
    authors_are(m, ann, "meta author over the byline");
    done(&d);

    /* A byline box's heading, a lone label, a placeholder and a
     * comment's "says" name no one. */
    static const char *const none[] = {NULL};
    const char *labels[] = {
        "<div class='author-box'><h4>About the Author</h4></div>",
        "<span class='author'>Posted</span>",
        "<a class='author'>Sign In</a>",
        "<meta name='author' content='page.head.extra.author'>",
        "<span class='comment-author'>Jo says</span>",
    };
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        m = read_meta(&d, labels[i], NULL);
        authors_are(m, none, labels[i]);
        done(&d);
    }

    /* A page built by scripts gives its first post's author inside
     * <noscript> only; it is read when no visible byline is found. */
    m = read_meta(&d,
        "<body><div id='app'></div><noscript><div class='post'>"
        "<span itemprop='author' itemscope><a href='/u/kim'>"
        "<span itemprop='name'>kim_w</span></a></span>"
        "<p>My question.</p></div></noscript></body>", NULL);
    static const char *const kim[] = {"kim_w", NULL};
    authors_are(m, kim, "author inside noscript");
    done(&d);
}

static void
test_visible_text(void)
{
    struct doc d;
    /* A line that starts with "By", with its date. */
    const struct meta *m = read_meta(&d,
        "<body><h1>Budget</h1><p>By Jane Doe, 5 March 2024</p>"
        "<p>The council approved the budget.</p></body>", NULL);
    static const char *const jane[] = {"Jane Doe", NULL};
    authors_are(m, jane, "visible By line");
    EQ_STR(m->date_published, "2024-03-05", "the By line's date");
    done(&d);

    /* "Name on date". */
    m = read_meta(&d,
        "<body><p>Ines Carvalho on 8 November 2022</p><p>Text.</p></body>",
        NULL);
    static const char *const ines[] = {"Ines Carvalho", NULL};
    authors_are(m, ines, "name on date");
    done(&d);

    /* A label: 作者：林晓雯 */
    m = read_meta(&d,
        "<body><p>\xE4\xBD\x9C\xE8\x80\x85\xEF\xBC\x9A\xE6\x9E\x97\xE6\x99"
        "\x93\xE9\x9B\xAF 2024\xE5\xB9\xB4" "3\xE6\x9C\x88"
        "5\xE6\x97\xA5</p></body>", NULL);
    static const char *const lin[] = {"\xE6\x9E\x97\xE6\x99\x93\xE9\x9B\xAF",
                                      NULL};
    authors_are(m, lin, "CJK author label");
    done(&d);

    /* With no byline, a copyright holder that is a person. */
    m = read_meta(&d,
        "<body><p>Post text.</p><footer>\xC2\xA9 2022 Ines Carvalho. All "
        "rights reserved.</footer></body>", NULL);
    authors_are(m, ines, "copyright holder who is a person");
    done(&d);
    m = read_meta(&d,
        "<body><p>Post text.</p><footer>\xC2\xA9 2022 Example Media Group"
        "</footer></body>", NULL);
    EQ_INT(m->n_authors, 0, "a company holding the copyright is no author");
    done(&d);
    /* The holder named in the <title> is the site. */
    m = read_meta(&d,
        "<head><title>Ines Carvalho</title></head><body><p>Post text.</p>"
        "<footer>\xC2\xA9 2022 Ines Carvalho</footer></body>", NULL);
    EQ_INT(m->n_authors, 0, "the holder that the title names");
    done(&d);
    /* A first name alone, completed by the copyright line. */
    m = read_meta(&d,
        "<body><p>Ines on 8 November 2022</p><p>Post text.</p><footer>"
        "\xC2\xA9 2022 Ines Carvalho</footer></body>", NULL);
    authors_are(m, ines, "first name completed by the copyright holder");
    done(&d);
}

/* ------------------------------------------------------------ URLs */

static void
test_urls(void)
{
    struct doc d;
    const struct meta *m = read_meta(&d,
        "<head><link rel=\"canonical\" href=\"/story/1\">"
        "<meta property=\"og:url\" content=\"https://other.example/x\">"
        "<link rel=\"license\" href=\"/license\">"
        "<link rel=\"image_src\" href=\"pic.png\"></head>",
        "https://example.com/news/page?x=1");
    EQ_STR(m->canonical_url, "https://example.com/story/1",
           "canonical absolute, over og:url");
    EQ_STR(m->license, "https://example.com/license", "rel=license link");
    EQ_STR(m->image, "https://example.com/news/pic.png", "image_src");
    done(&d);

    /* Without a URL, relative URLs stay as written. */
    m = read_meta(&d, "<link rel=\"canonical\" href=\"/story/1\">", NULL);
    EQ_STR(m->canonical_url, "/story/1", "canonical without a URL");
    done(&d);

    /* Relative to the path; rel is a list of words. */
    m = read_meta(&d, "<link rel=\"alternate canonical\" href=\"story\">",
                  "https://example.com/news/page");
    EQ_STR(m->canonical_url, "https://example.com/news/story",
           "relative canonical, rel list");
    done(&d);

    /* <base href> over the page's URL. */
    m = read_meta(&d,
        "<head><base href=\"https://cdn.example.org/base/\">"
        "<link rel=\"canonical\" href=\"a/b\">"
        "<meta property=\"og:image\" content=\"i.jpg\"></head>",
        "https://example.com/news/page");
    EQ_STR(m->base_url, "https://cdn.example.org/base/", "base href");
    EQ_STR(m->canonical_url, "https://cdn.example.org/base/a/b",
           "canonical against base");
    EQ_STR(m->image, "https://cdn.example.org/base/i.jpg",
           "image against base");
    done(&d);

    /* A relative <base> resolves against the URL; only the first
     * counts. */
    m = read_meta(&d,
        "<head><base href=\"/sub/\"><base href=\"/other/\">"
        "<link rel=\"canonical\" href=\"c\"></head>",
        "https://example.com/news/page");
    EQ_STR(m->base_url, "https://example.com/sub/", "relative base href");
    EQ_STR(m->canonical_url, "https://example.com/sub/c",
           "canonical against a relative base");
    done(&d);

    /* An <a rel=license> in the body. */
    m = read_meta(&d,
        "<body><p>Text <a rel=\"license\" href=\"https://creativecommons.org"
        "/licenses/by-sa/4.0/\">CC BY-SA</a></p></body>",
        "https://example.com/");
    EQ_STR(m->license, "https://creativecommons.org/licenses/by-sa/4.0/",
           "a rel=license");
    done(&d);
}

/* ------------------------------------------------------------ lang, tags */

static void
test_lang(void)
{
    struct doc d;
    const struct meta *m = read_meta(&d,
        "<html lang=\"de-AT\"><head><meta http-equiv=\"content-language\" "
        "content=\"fr\"><meta property=\"og:locale\" content=\"en_US\">"
        "</head></html>", NULL);
    EQ_STR(m->lang, "de-AT", "html lang first");
    done(&d);
    m = read_meta(&d,
        "<html><head><meta http-equiv=\"Content-Language\" content=\"fr\">"
        "<meta property=\"og:locale\" content=\"en_US\"></head></html>",
        NULL);
    EQ_STR(m->lang, "fr", "content-language next");
    done(&d);
    m = read_meta(&d,
        "<html><body><meta itemprop=\"inLanguage\" content=\"nl\">"
        "<meta property=\"og:locale\" content=\"en_US\"></body></html>",
        NULL);
    EQ_STR(m->lang, "nl", "itemprop inLanguage before og:locale");
    done(&d);
    m = read_meta(&d, "<html><body><p>x</p></body></html>", NULL);
    NONE(m->lang, "no language");
    done(&d);
}

static void
test_tags(void)
{
    struct doc d;
    /* One link only: pick_tags() stops after the first rel=tag link
     * (its loop tests out->n, which the first link sets). */
    const struct meta *m = read_meta(&d,
        "<body><p>Filed under <a rel=\"tag\" href=\"/t/town\"> Town  hall "
        "</a>.</p></body>", NULL);
    static const char *const rel[] = {"Town hall", NULL};
    tags_are(m, rel, "a rel=tag link");
    done(&d);
    m = read_meta(&d,
        "<head><meta name=\"news_keywords\" content=\"budget, council\">"
        "<meta name=\"keywords\" content=\"other\"></head><body>"
        "<a rel=\"tag\" href=\"/t\">Tag</a></body>", NULL);
    static const char *const news[] = {"budget", "council", NULL};
    tags_are(m, news, "news_keywords over keywords and rel=tag");
    done(&d);
}

/* ------------------------------------------------------------ headline */

/* The headline of a page of a head and a body, found at url. */
static void
headline_is(const char *head, const char *body, const char *url,
            const char *want)
{
    char html[4096];
    snprintf(html, sizeof html, "<html><head>%s</head><body>%s</body></html>",
             head, body);
    struct doc d;
    const struct meta *m = read_meta(&d, html, url);
    EQ_INT(d.rc, 0, "meta_read");
    EQ_STR(m->headline, want, head);
    done(&d);
}

static void
test_headline(void)
{
    /* The <h1> when it shares most words with the title. */
    headline_is("<title>Ferry timetable changes | The Harbour Post</title>",
                "<h1>Ferry timetable changes for winter</h1><p>Text.</p>",
                NULL, "Ferry timetable changes for winter");
    /* The <h1> against og:title when <title> says something else. */
    headline_is("<title>Home</title><meta property=og:title "
                "content='Night ferry keeps its paper tickets'>",
                "<h1>The night ferry keeps its paper tickets</h1>", NULL,
                "The night ferry keeps its paper tickets");
    /* An <h1> that shares nothing with the title is a section name. */
    headline_is("<title>Night ferry keeps its paper tickets - Gazette"
                "</title>", "<h1>Latest news</h1>", NULL,
                "Night ferry keeps its paper tickets");
    /* A logo set as <h1> is passed over for the next one. */
    headline_is("<title>Night ferry keeps its paper tickets | Gazette"
                "</title><meta property=og:site_name content=Gazette>",
                "<header><h1>Gazette</h1></header><h1>Night ferry keeps "
                "its paper tickets</h1>", NULL,
                "Night ferry keeps its paper tickets");
    /* So is a logo: an <h1> linking to the home page. */
    headline_is("<title>Night ferry keeps its paper tickets | Gazette"
                "</title>", "<h1><a href='/'>Gazette Online beta</a></h1>"
                "<h1>The night ferry keeps its paper tickets</h1>",
                "https://gazette.example/ferry",
                "The night ferry keeps its paper tickets");
    headline_is("<title>Ferry tickets | Gazette</title>",
                "<h1><a href='https://gazette.example/'>Ferry tickets "
                "daily</a></h1><h1><a href='/news/ferry'>Ferry tickets "
                "stay paper</a></h1>", NULL, "Ferry tickets stay paper");
    /* A documentation heading's permalink mark goes, a C# stays. */
    headline_is("<title>Logging HOWTO - Python docs</title>",
                "<h1>Logging HOWTO<a class=headerlink href=#x>\xC2\xB6</a>"
                "</h1>", NULL, "Logging HOWTO");
    headline_is("<title>Learn C# | Tutorials</title>",
                "<h1>Learn C#</h1>", NULL, "Learn C#");
    /* A hidden <h1> is not seen. */
    headline_is("<title>Council approves new budget | Gazette</title>",
                "<h1 hidden>Council approves the new budget today</h1>",
                NULL, "Council approves new budget");
    /* Without an <h1>: the site's name off either end of og:title... */
    headline_is("<meta property=og:title content='Gazette \xE2\x80\x94 "
                "Council approves new budget'><meta property=og:site_name "
                "content='The Gazette'>", "", NULL,
                "Council approves new budget");
    /* ...named by the URL's host as well... */
    headline_is("<meta property=og:title content='What is a tide table? | "
                "Coastal-Almanac.example'>", "",
                "https://www.coastal-almanac.example/tides",
                "What is a tide table?");
    /* ...and a trailing part of a few words after a longer headline. */
    headline_is("<meta property=og:title content='Why tides differ between "
                "harbours - Opinion'>", "", NULL,
                "Why tides differ between harbours");
    /* An empty part before a separator is no headline. */
    headline_is("<title>| Electronic Gadgets</title>", "", NULL,
                "Electronic Gadgets");
    /* The <h1> loses a site's name and a short tagline too... */
    headline_is("<title>Best tide clocks of 2025</title>",
                "<h1>Best tide clocks of 2025 | Top 9 Picks</h1>", NULL,
                "Best tide clocks of 2025");
    /* ...but a range of numbers is no separator. */
    headline_is("<title>Ferry timetable 2025 - 2026 | Gazette</title>",
                "", NULL, "Ferry timetable 2025 - 2026");
    /* A headline with a separator of its own keeps it. */
    headline_is("<title>Tides - a primer</title>", "", NULL,
                "Tides - a primer");
    /* A manual's name in an <h1> over the page's own heading, the part
     * that ends every title of the manual, is a banner: the page's
     * heading (or the title without the banner) is the headline. */
    headline_is("<title>Reading tide tables - The Small Harbour Handbook"
                "</title>",
                "<h1 class=menu-title>The Small Harbour Handbook</h1>"
                "<h2>Reading Tide Tables</h2><p>Text.</p>", NULL,
                "Reading tide tables");
    headline_is("<title>Reading tide tables \xE2\x80\x94 The Harbour "
                "Handbook documentation</title>",
                "<h1>The Harbour Handbook</h1>"
                "<h1>Reading tide tables for small harbours</h1>", NULL,
                "Reading tide tables for small harbours");
    /* Without a heading that agrees with the rest of the title, an <h1>
     * that is the title's last part is the headline ("Site | Headline"). */
    headline_is("<title>Harbour Lab | Reading tide tables at night</title>",
                "<h1>Reading tide tables at night</h1><h2>Credits</h2>",
                NULL, "Reading tide tables at night");
    /* A label and a colon before the title's words ("Thread: ") go... */
    headline_is("<title>Which tide clock keeps time best? | Harbour Talk"
                "</title>", "<h1>Thread: <span>Which tide clock keeps time "
                "best?</span></h1>", NULL,
                "Which tide clock keeps time best?");
    /* ...a word of the headline's own stays... */
    headline_is("<title>Best tide clocks of 2025 | Harbour Talk</title>",
                "<h1>The best tide clocks of 2025</h1>", NULL,
                "The best tide clocks of 2025");
    /* ...and so does a colon of the headline's own. */
    headline_is("<title>Tide clocks: which keeps time best?</title>",
                "<h1>Tide clocks: which keeps time best?</h1>", NULL,
                "Tide clocks: which keeps time best?");
    /* A forum's prefix tag set first in the <h1> files the thread. */
    headline_is("<title>Question - Which tide clock keeps time best? | "
                "Harbour Talk</title>", "<h1><span class='label "
                "label--blue'>Question</span><span class=label-append>"
                "&nbsp;</span>Which tide clock keeps time best?</h1>", NULL,
                "Which tide clock keeps time best?");
    headline_is("<title>Question time at the harbour | Harbour Talk</title>",
                "<h1><span class=big>Question</span> time at the harbour"
                "</h1>", NULL, "Question time at the harbour");
    /* What follows a pipe is a tagline, however long... */
    headline_is("<meta property=og:title content=\"Tide tables | Reading "
                "the harbour's hours at a glance\">", "", NULL,
                "Tide tables");
    /* ...unless the pipe ends a trail of names, not a headline. */
    headline_is("<meta property=og:title content='Ferry log - Chapter 2 - "
                "Ann Lee | Tales of the sea and the harbour'>", "", NULL,
                "Ferry log - Chapter 2 - Ann Lee | Tales of the sea and the "
                "harbour");
    /* A section's single word before a pipe files a long headline: the
     * pipe does not end that one. */
    headline_is("<meta property=og:title content='Harbour | Ferry crews "
                "vote for a new timetable'>", "", NULL,
                "Harbour | Ferry crews vote for a new timetable");
    /* A word or two before a dash stays, as often the headline's subject;
     * the headline's abbreviation goes. */
    headline_is("<meta property=og:title content='Tide clocks - which one "
                "keeps time best?'>", "", NULL,
                "Tide clocks - which one keeps time best?");
    headline_is("<title>HTT - Harbour Tide Tables</title>", "", NULL,
                "Harbour Tide Tables");
    /* The <h1> without an aggregator's source and comment count... */
    headline_is("<title>Harbour moves its ferries to electric - Harbour Desk"
                "</title>", "<h1>Harbour moves its ferries to electric "
                "(harbour-news.example) 139</h1>", NULL,
                "Harbour moves its ferries to electric");
    /* ...a date in a <time>... */
    headline_is("<title>Preparing a ferry timetable</title>",
                "<h1><a href=/p><time datetime=2025-12-18>Dec 18 2025"
                "</time> Preparing a ferry timetable</a></h1>", NULL,
                "Preparing a ferry timetable");
    /* ...and a tagline that runs into its last word, set apart only by
     * style. */
    headline_is("<title>Black Edition - Ferry Meals Shop</title>",
                "<h1>Black Edition<span class=tagline>Complete ferry meal"
                "</span></h1>", NULL, "Black Edition");
    /* A soft hyphen is no letter. */
    headline_is("<title>Harbour repair assis\xC2\xADtance</title>", "", NULL,
                "Harbour repair assistance");
    /* A copy of the heading hidden from readers is no part of it. */
    headline_is("<title>Ferry Desk - The ferry system for crews</title>",
                "<h1><span aria-hidden=true><span>The ferry</span><span>"
                "system</span></span><span class=sr>The ferry system for "
                "crews and pilots</span></h1>", NULL,
                "The ferry system for crews and pilots");
    /* A title of the site and its tagline: the <h1> that the URL's slug
     * names is the headline... */
    headline_is("<title>Harbour Forum - The heart of the harbour</title>",
                "<h1>Harbour Forum</h1><h1>Enameled ferry bells and salt"
                "</h1>",
                "https://forum.example/r/bells/comments/1rl0nt4/"
                "enameled_ferry_bells_and_salt/",
                "Enameled ferry bells and salt");
    /* ...past the ids after it, and the URL of the canonical link when no
     * URL is given... */
    headline_is("<title>Ferry fittings shop</title><link rel=canonical "
                "href='https://shop.example/browse/ferry-bells/1915'>",
                "<h1>Ferry Bells</h1>", NULL, "Ferry Bells");
    /* ...but not when a title holds half the slug's words, nor for a
     * slug of one word: it names a section. */
    headline_is("<title>Noon bells | Gazette</title>",
                "<h1>Ferry at noon</h1>",
                "https://gazette.example/news/ferry-bells-at-noon",
                "Noon bells");
    headline_is("<title>Ferry bells ring at noon | Gazette</title>",
                "<h1>Harbour news</h1>", "https://gazette.example/harbour",
                "Ferry bells ring at noon");
    /* A number alone before the headline files it: a chapter, a year, a
     * day. */
    headline_is("<title>15 - Tutorial: Tying ferry knots</title>", "", NULL,
                "Tutorial: Tying ferry knots");
    headline_is("<title>23.01.2022 - Ferry crews vote for a new timetable"
                "</title>", "", NULL,
                "Ferry crews vote for a new timetable");
    headline_is("<title>2024 - 2025 ferry timetable</title>", "", NULL,
                "2024 - 2025 ferry timetable");
}

/* ------------------------------------------------------------ product */

/* Checks every fact of the product against want: name, brand, sku,
 * price, currency, availability, rating, review count (NULL: none). */
static void
product_is(const struct meta *m, const char *const want[8], const char *what)
{
    OK(m->product != NULL, "%s: no product", what);
    if (!m->product)
        return;
    const struct meta_product *p = m->product;
    const char *got[8] = {p->name, p->brand, p->sku, p->price, p->currency,
                          p->availability, p->rating, p->review_count};
    for (int i = 0; i < 8; i++) {
        if (want[i])
            EQ_STR(got[i], want[i], what);
        else
            NONE(got[i], what);
    }
}

static void
test_product(void)
{
    struct doc d;
    const struct meta *m = read_meta(&d,
        "<script type='application/ld+json'>{\"@context\":"
        "\"https://schema.org\",\"@type\":\"Product\",\"name\":"
        "\"Canvas Tote\",\"brand\":{\"@type\":\"Brand\",\"name\":"
        "\"Northwind\"},\"sku\":\"NW-1\",\"offers\":[{\"@type\":"
        "\"Offer\",\"price\":\"1,299.50\",\"priceCurrency\":\"EUR\","
        "\"availability\":\"https://schema.org/InStock\"}],"
        "\"aggregateRating\":{\"ratingValue\":4.5,\"reviewCount\":"
        "\"87\"}}</script><h1>Canvas Tote</h1>", NULL);
    product_is(m, (const char *const[8]){"Canvas Tote", "Northwind", "NW-1",
               "1299.50", "EUR", "InStock", "4.5", "87"}, "JSON-LD");
    done(&d);

    /* An AggregateOffer's lowPrice; no rating: null. */
    m = read_meta(&d,
        "<script type='application/ld+json'>{\"@graph\":[{\"@type\":"
        "\"ProductGroup\",\"name\":\"Rain Jacket\",\"offers\":"
        "{\"@type\":\"AggregateOffer\",\"lowPrice\":59,"
        "\"priceCurrency\":\"GBP\"}}]}</script>", NULL);
    product_is(m, (const char *const[8]){"Rain Jacket", NULL, NULL, "59",
               "GBP", NULL, NULL, NULL}, "JSON-LD lowPrice");
    done(&d);

    /* Microdata: the product's own name, not its brand's or a review
     * author's. */
    m = read_meta(&d,
        "<div itemscope itemtype='https://schema.org/Product'>"
        "<h1 itemprop=name>Tide Clock</h1>"
        "<div itemprop=brand itemscope itemtype='https://schema.org/Brand'>"
        "<span itemprop=name>Almanac Works</span></div>"
        "<span itemprop=sku>TC-9</span>"
        "<div itemprop=offers itemscope itemtype='https://schema.org/Offer'>"
        "<span itemprop=price content='45.00'>$45</span>"
        "<meta itemprop=priceCurrency content=USD>"
        "<link itemprop=availability href='https://schema.org/OutOfStock'>"
        "</div><div itemprop=aggregateRating itemscope>"
        "<span itemprop=ratingValue>4</span> from "
        "<span itemprop=reviewCount>12</span> reviews</div>"
        "<div itemprop=review itemscope><span itemprop=author itemscope>"
        "<span itemprop=name>Jo</span></span></div></div>", NULL);
    product_is(m, (const char *const[8]){"Tide Clock", "Almanac Works",
               "TC-9", "45.00", "USD", "OutOfStock", "4", "12"}, "microdata");
    done(&d);

    /* Open Graph product tags; the headline names the product. */
    m = read_meta(&d,
        "<title>Brass Barometer | Almanac Shop</title>"
        "<meta property='product:price:amount' content='120'>"
        "<meta property='product:price:currency' content='CHF'>"
        "<meta property='product:availability' content='in stock'>"
        "<meta property='product:brand' content='Almanac Works'>"
        "<h1>Brass Barometer</h1>", NULL);
    product_is(m, (const char *const[8]){"Brass Barometer", "Almanac Works",
               NULL, "120", "CHF", "in stock", NULL, NULL}, "Open Graph");
    done(&d);

    /* No product facts, no product; a price that is no number is none. */
    m = read_meta(&d, "<h1>An article</h1><p>Text.</p>", NULL);
    OK(m->product == NULL, "an article has no product");
    done(&d);
    m = read_meta(&d, "<meta property='product:price:amount' "
                      "content='call us'>", NULL);
    OK(m->product == NULL, "a price in words is no price");
    done(&d);
}

static void
test_nothing(void)
{
    struct arena a;
    arena_init(&a);
    struct meta m;
    EQ_INT(meta_read(&a, NULL, "https://example.com/", &m), 0, "no tree");
    NONE(m.title, "no tree: no title");
    EQ_INT(m.n_authors, 0, "no tree: no authors");
    EQ_STR(m.base_url, "https://example.com/", "no tree: base is the URL");
    arena_free(&a);

    struct doc d;
    const struct meta *mm = read_meta(&d, "", NULL);
    EQ_INT(d.rc, 0, "empty page");
    NONE(mm->title, "empty page: no title");
    NONE(mm->date_published, "empty page: no date");
    NONE(mm->description, "empty page: no description");
    EQ_INT(mm->n_tags, 0, "empty page: no tags");
    done(&d);
}

int
main(void)
{
    test_titles();
    test_jsonld_article();
    test_jsonld_authors();
    test_jsonld_graph();
    test_jsonld_name_or_headline();
    test_jsonld_wide();
    test_jsonld_broken();
    test_date_markup();
    test_meta_tags();
    test_dates();
    test_date_sources();
    test_shown_date();
    test_bylines();
    test_visible_text();
    test_urls();
    test_lang();
    test_tags();
    test_headline();
    test_product();
    test_nothing();
    return test_done();
}
