/*
 * The address's word for the page's kind; see url_kind.h.  Only the
 * path is read, segment by segment, lowercased; a word counts by where
 * it stands: /products/NAME is one product, /products at the end a
 * collection of them.
 */
#include "kind/url_kind.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define MAX_SEGMENTS 16
#define SEGMENT_BYTES 64

static int
in(const char *s, const char *const *words)
{
    for (int i = 0; words[i]; i++)
        if (!strcmp(s, words[i]))
            return 1;
    return 0;
}

static int
all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return 0;
    return 1;
}

static void
add(float score[KIND_COUNT], enum page_kind k, float v, char *why,
    size_t cap, const char *seg)
{
    score[k] += v;
    size_t l = strlen(why);
    if (l + 1 < cap)
        snprintf(why + l, cap - l, "%surl /%s", l ? ", " : "", seg);
}

int
url_kind(const char *url, float score[KIND_COUNT], char *why, size_t cap)
{
    static const char *const product_one[] = {
        "product", "dp", "item", "produkt", "produit", "prodotto",
        "producto", "products", "shop", "store", "gp", NULL};
    static const char *const collection[] = {
        "collections", "collection", "category", "categories", "c",
        "catalog", "catalogue", "department", "products", "shop", "store",
        "kategorie", "categorie", NULL};
    static const char *const forum[] = {
        "forum", "forums", "thread", "threads", "t", "topic", "topics",
        "questions", "question", "q", "discussion", "discussions",
        "community", "board", "boards", "viewtopic.php", "showthread.php",
        "answers", "comments", "r", NULL};
    static const char *const docs[] = {
        "docs", "doc", "documentation", "api", "reference", "wiki",
        "manual", "guide", "developer", "developers", "sdk",
        "man", "kb", "knowledge-base", "knowledgebase", "handbook",
        "library", "tutorial", "tutorials", "help", NULL};
    static const char *const listing_end[] = {
        "blog", "news", "articles", "tag", "tags", "archive", "archives",
        "author", "authors", "stories", "posts", "resources", "insights",
        "events", "courses", "reviews", "press", "latest", NULL};
    static const char *const service[] = {
        "pricing", "features", "services", "service", "solutions",
        "solution", "about", "about-us", "platform", "enterprise",
        "company", "contact", "plans", "why", "integrations", NULL};
    if (!url)
        return 0;
    const char *p = strstr(url, "://");
    p = p ? strchr(p + 3, '/') : url;
    if (!p) /* a bare host: the root, though its words give nothing */
        return 1;
    char seg[MAX_SEGMENTS][SEGMENT_BYTES];
    int n = 0;
    while (*p && *p != '?' && *p != '#' && n < MAX_SEGMENTS) {
        while (*p == '/')
            p++;
        size_t l = strcspn(p, "/?#");
        if (!l)
            break;
        size_t c = l < SEGMENT_BYTES - 1 ? l : SEGMENT_BYTES - 1;
        for (size_t i = 0; i < c; i++)
            seg[n][i] = (char)tolower((unsigned char)p[i]);
        seg[n][c] = '\0';
        /* index.html, .php and the like say nothing */
        char *dot = strrchr(seg[n], '.');
        if (dot && (!strcmp(dot, ".html") || !strcmp(dot, ".htm")))
            *dot = '\0';
        if (strcmp(seg[n], "index") && seg[n][0])
            n++;
        p += l;
    }
    if (n == 0) {
        add(score, KIND_SERVICE, 1.0f, why, cap, "");
        return 1;
    }
    const char *last = seg[n - 1];
    int found[KIND_COUNT] = {0};
    for (int i = 0; i < n; i++) {
        const char *s = seg[i];
        int more = i + 1 < n;
        if (!found[KIND_PRODUCT] && more && in(s, product_one) &&
            !in(seg[i + 1], collection) && !all_digits(seg[i + 1])) {
            found[KIND_PRODUCT] = 1;
            add(score, KIND_PRODUCT, 1.5f, why, cap, s);
        } else if (!found[KIND_COLLECTION] && in(s, collection) &&
                   (!more || strcmp(s, "products"))) {
            found[KIND_COLLECTION] = 1;
            add(score, KIND_COLLECTION, 1.0f, why, cap, s);
        }
        if (!found[KIND_FORUM] && in(s, forum)) {
            found[KIND_FORUM] = 1;
            add(score, KIND_FORUM, 1.5f, why, cap, s);
        }
        if (!found[KIND_DOCUMENTATION] && in(s, docs)) {
            found[KIND_DOCUMENTATION] = 1;
            add(score, KIND_DOCUMENTATION, 1.5f, why, cap, s);
        }
    }
    if (in(last, listing_end) ||
        (n >= 2 && all_digits(last) && !strcmp(seg[n - 2], "page")))
        add(score, KIND_LISTING, 1.5f, why, cap, last);
    if (n <= 2 && in(last, service))
        add(score, KIND_SERVICE, 1.5f, why, cap, last);
    /* A long slug of words, or a date in the path: an article's. */
    int hyphens = 0;
    for (const char *c = last; *c; c++)
        hyphens += *c == '-' || *c == '_';
    if (hyphens >= 4)
        add(score, KIND_ARTICLE, 0.5f, why, cap, "long-slug");
    for (int i = 0; i + 1 < n; i++)
        if (strlen(seg[i]) == 4 && all_digits(seg[i]) &&
            (seg[i][0] == '1' || seg[i][0] == '2') && all_digits(seg[i + 1])) {
            add(score, KIND_ARTICLE, 1.0f, why, cap, "YYYY/MM");
            break;
        }
    return 0;
}
