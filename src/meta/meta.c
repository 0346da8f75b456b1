/*
 * Page metadata; see meta.h.  One walk over the tree collects what every
 * source says (meta tags, JSON-LD scripts, links, <time>, itemprop); then
 * each field takes the most trusted source that has it.  The title,
 * byline, description, site name and published date follow Readability's
 * order of sources, since what readers show is what users expect.
 */
#include "meta/meta.h"
#include "meta/meta_parts.h"

#include "arena.h"
#include "dom/dom.h"
#include "limits.h"
#include "url.h"

#include <gumbo.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------ meta tags */

/* The meta tags read, by their property or name (lowercase, dots as
 * colons: DC.date.issued is dc:date:issued). */
enum key {
    K_DC_TITLE, K_DCTERM_TITLE, K_OG_TITLE, K_WEIBO_ARTICLE_TITLE,
    K_WEIBO_WEBPAGE_TITLE, K_TITLE, K_TWITTER_TITLE, K_PARSELY_TITLE,
    K_DC_CREATOR, K_DCTERM_CREATOR, K_AUTHOR, K_PARSELY_AUTHOR,
    K_ARTICLE_AUTHOR,
    K_DC_DESCRIPTION, K_DCTERM_DESCRIPTION, K_OG_DESCRIPTION,
    K_WEIBO_ARTICLE_DESCRIPTION, K_WEIBO_WEBPAGE_DESCRIPTION, K_DESCRIPTION,
    K_TWITTER_DESCRIPTION,
    K_OG_SITE_NAME, K_APPLICATION_NAME,
    K_PUBLISHED, K_PARSELY_PUB_DATE, K_PUBLISHED_OTHER,
    K_MODIFIED,
    K_OG_IMAGE, K_TWITTER_IMAGE,
    K_OG_URL,
    K_ARTICLE_TAG, K_NEWS_KEYWORDS, K_KEYWORDS,
    K_CONTENT_LANGUAGE, K_OG_LOCALE, K_DC_LANGUAGE,
    K_LICENSE,
    K_PRICE, K_CURRENCY, K_AVAILABILITY, K_BRAND, K_SKU,
    K_COUNT
};

static const struct { const char *name; enum key key; } keys[] = {
    {"dc:title", K_DC_TITLE}, {"dcterm:title", K_DCTERM_TITLE},
    {"og:title", K_OG_TITLE}, {"weibo:article:title", K_WEIBO_ARTICLE_TITLE},
    {"weibo:webpage:title", K_WEIBO_WEBPAGE_TITLE}, {"title", K_TITLE},
    {"twitter:title", K_TWITTER_TITLE}, {"parsely-title", K_PARSELY_TITLE},
    {"dc:creator", K_DC_CREATOR}, {"dcterm:creator", K_DCTERM_CREATOR},
    {"author", K_AUTHOR}, {"parsely-author", K_PARSELY_AUTHOR},
    {"article:author", K_ARTICLE_AUTHOR},
    {"dc:description", K_DC_DESCRIPTION},
    {"dcterm:description", K_DCTERM_DESCRIPTION},
    {"og:description", K_OG_DESCRIPTION},
    {"weibo:article:description", K_WEIBO_ARTICLE_DESCRIPTION},
    {"weibo:webpage:description", K_WEIBO_WEBPAGE_DESCRIPTION},
    {"description", K_DESCRIPTION},
    {"twitter:description", K_TWITTER_DESCRIPTION},
    {"og:site_name", K_OG_SITE_NAME},
    {"application-name", K_APPLICATION_NAME},
    {"article:published_time", K_PUBLISHED},
    {"parsely-pub-date", K_PARSELY_PUB_DATE},
    {"og:published_time", K_PUBLISHED_OTHER},
    {"article:published", K_PUBLISHED_OTHER},
    {"datepublished", K_PUBLISHED_OTHER},
    {"pubdate", K_PUBLISHED_OTHER}, {"publishdate", K_PUBLISHED_OTHER},
    {"publish-date", K_PUBLISHED_OTHER}, {"publish_date", K_PUBLISHED_OTHER},
    {"dc:date", K_PUBLISHED_OTHER}, {"dc:date:issued", K_PUBLISHED_OTHER},
    {"dcterms:issued", K_PUBLISHED_OTHER},
    {"dcterms:created", K_PUBLISHED_OTHER},
    {"dc:date:created", K_PUBLISHED_OTHER},
    {"sailthru:date", K_PUBLISHED_OTHER},
    {"citation_publication_date", K_PUBLISHED_OTHER},
    {"citation_date", K_PUBLISHED_OTHER}, {"date", K_PUBLISHED_OTHER},
    {"published", K_PUBLISHED_OTHER},
    {"article:modified_time", K_MODIFIED}, {"og:updated_time", K_MODIFIED},
    {"article:modified", K_MODIFIED}, {"datemodified", K_MODIFIED},
    {"dcterms:modified", K_MODIFIED}, {"dc:date:modified", K_MODIFIED},
    {"last-modified", K_MODIFIED},
    {"og:image", K_OG_IMAGE}, {"og:image:url", K_OG_IMAGE},
    {"og:image:secure_url", K_OG_IMAGE}, {"twitter:image", K_TWITTER_IMAGE},
    {"twitter:image:src", K_TWITTER_IMAGE},
    {"og:url", K_OG_URL},
    {"article:tag", K_ARTICLE_TAG}, {"news_keywords", K_NEWS_KEYWORDS},
    {"keywords", K_KEYWORDS},
    {"og:locale", K_OG_LOCALE}, {"dc:language", K_DC_LANGUAGE},
    {"dcterms:language", K_DC_LANGUAGE},
    {"license", K_LICENSE}, {"dc:rights", K_LICENSE},
    {"dcterms:license", K_LICENSE}, {"dc:license", K_LICENSE},
    {"product:price:amount", K_PRICE}, {"og:price:amount", K_PRICE},
    {"product:price:currency", K_CURRENCY},
    {"og:price:currency", K_CURRENCY},
    {"product:availability", K_AVAILABILITY},
    {"og:availability", K_AVAILABILITY},
    {"product:brand", K_BRAND}, {"og:brand", K_BRAND},
    {"product:retailer_item_id", K_SKU},
};

static int
key_of(const char *name, size_t len)
{
    char low[64];
    size_t n = 0;
    for (size_t i = 0; i < len && n < sizeof low - 1; i++) {
        char c = name[i];
        if (c == ' ' || c == '\t' || c == '\n')
            continue;
        low[n++] = c == '.' ? ':' : (c >= 'A' && c <= 'Z') ? c + 32 : c;
    }
    low[n] = '\0';
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(low, keys[i].name) == 0)
            return (int)keys[i].key;
    return -1;
}

/* ------------------------------------------------------------ the walk */

/* Meta tags kept per page: a page with more is a keyword farm, and the
 * first ones are the real ones. */
#define MAX_META_TAGS 512
/* Rows of a Twitter card read (twitter:label1 to twitter:label4). */
#define CARD_ROWS 4

struct scan {
    struct { enum key key; const char *value; } tag[MAX_META_TAGS];
    int n_tags;
    const char *jsonld[PITH_MAX_JSONLD_SCRIPTS];
    size_t n_jsonld;
    const char *doc_title, *lang, *canonical, *base_href, *license_link;
    /* Twitter's card rows: twitter:label1 "Written by", twitter:data1
     * "Jane Doe". */
    const char *card_label[CARD_ROWS], *card_data[CARD_ROWS];
    const char *image_link, *itemprop_published, *itemprop_modified;
    const char *itemprop_image, *itemprop_lang, *time_pubdate, *time_first;
    struct strlist rel_tags;
};

/* The last value of a meta tag (Readability keeps the last one). */
static const char *
last(const struct scan *s, enum key k)
{
    for (int i = s->n_tags - 1; i >= 0; i--)
        if (s->tag[i].key == k)
            return s->tag[i].value;
    return NULL;
}

/* twitter:labelN and twitter:dataN into the card's row N. */
static void
scan_card_row(const char *name, const char *content, struct scan *s)
{
    int row = 0, len = 0;
    char kind[8];
    if (!name || sscanf(name, "twitter:%5[a-z]%1d%n", kind, &row, &len) != 2 ||
        name[len] || row < 1 || row > CARD_ROWS)
        return;
    if (!strcmp(kind, "label"))
        s->card_label[row - 1] = content;
    else if (!strcmp(kind, "data"))
        s->card_data[row - 1] = content;
}

static void
scan_meta(struct arena *a, const GumboNode *n, struct scan *s)
{
    const char *content = dom_attr(n, "content");
    const char *equiv = dom_attr(n, "http-equiv");
    if (!content || !*content)
        return;
    if (equiv && !strcasecmp(equiv, "content-language") && !s->lang)
        s->lang = meta_clean_str(a, content);
    const char *ip = dom_attr(n, "itemprop");
    if (ip && !strcmp(ip, "datePublished") && !s->itemprop_published)
        s->itemprop_published = content;
    if (ip && !strcmp(ip, "dateModified") && !s->itemprop_modified)
        s->itemprop_modified = content;
    if (ip && !strcmp(ip, "inLanguage") && !s->itemprop_lang)
        s->itemprop_lang = content;
    if (ip && !strcmp(ip, "image") && !s->itemprop_image)
        s->itemprop_image = content;
    /* A property is a space-separated list; the first known one counts,
     * and the name only when no property did (as Readability reads). */
    int k = -1;
    const char *prop = dom_attr(n, "property");
    for (const char *p = prop; p && *p && k < 0; ) {
        size_t l = strcspn(p, " \t\n");
        /* Readability's property pattern is not anchored at the start:
         * og:article:author counts as article:author. */
        for (size_t i = 0; i < l && k < 0; i++)
            if (i == 0 || (p[i - 1] == ':' && memchr(p + i, ':', l - i)))
                k = key_of(p + i, l - i);
        p += l;
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
    }
    const char *name = dom_attr(n, "name");
    if (k < 0 && name)
        k = key_of(name, strlen(name));
    scan_card_row(name ? name : prop, content, s);
    if (k < 0 || s->n_tags >= MAX_META_TAGS)
        return;
    s->tag[s->n_tags].key = (enum key)k;
    s->tag[s->n_tags].value = content;
    s->n_tags++;
}

static int
rel_has(const GumboNode *n, const char *word)
{
    return meta_has_token(dom_attr(n, "rel"), word);
}

static void
scan_link(const GumboNode *n, struct scan *s)
{
    const char *href = dom_attr(n, "href");
    if (!href || !*href)
        return;
    if (rel_has(n, "canonical") && !s->canonical)
        s->canonical = href;
    if (rel_has(n, "license") && !s->license_link)
        s->license_link = href;
    if (rel_has(n, "image_src") && !s->image_link)
        s->image_link = href;
}

/* itemprop and <time> dates in the page body. */
static void
scan_dates(const GumboNode *n, struct scan *s)
{
    /* Asked of every element: one pass over its attributes. */
    static const char *const names[] = {"itemprop", "datetime", "content"};
    const char *a[3];
    dom_attrs(n, names, a, 3);
    const char *ip = a[0], *dt = a[1];
    const char *v = dt ? dt : a[2];
    if (ip && v && !strcmp(ip, "datePublished") && !s->itemprop_published)
        s->itemprop_published = v;
    if (ip && v && !strcmp(ip, "dateModified") && !s->itemprop_modified)
        s->itemprop_modified = v;
    if (n->v.element.tag != GUMBO_TAG_TIME || !dt || !*dt)
        return;
    if (dom_attr(n, "pubdate") && !s->time_pubdate)
        s->time_pubdate = dt;
    if (!s->time_first)
        s->time_first = dt;
}

static void
scan_element(struct arena *a, const GumboNode *n, struct scan *s, int *skip)
{
    switch (n->v.element.tag) {
    case GUMBO_TAG_HTML: {
        const char *l = dom_attr(n, "lang");
        if (!l)
            l = dom_attr(n, "xml:lang");
        const char *c = meta_clean_str(a, l);
        if (c)
            s->lang = c; /* over a content-language seen before */
        break;
    }
    case GUMBO_TAG_TITLE:
        if (!s->doc_title)
            s->doc_title = meta_node_text(a, n);
        *skip = 1;
        break;
    case GUMBO_TAG_META:
        scan_meta(a, n, s);
        break;
    case GUMBO_TAG_LINK:
        scan_link(n, s);
        break;
    case GUMBO_TAG_BASE:
        if (!s->base_href)
            s->base_href = dom_attr(n, "href");
        break;
    case GUMBO_TAG_A:
        if (rel_has(n, "license") && !s->license_link)
            s->license_link = dom_attr(n, "href");
        if (rel_has(n, "tag"))
            strlist_add(a, &s->rel_tags, meta_node_text(a, n));
        break;
    case GUMBO_TAG_SCRIPT: {
        const char *type = dom_attr(n, "type");
        const GumboVector *kids = &n->v.element.children;
        if (type && strcasestr(type, "ld+json") && kids->length == 1 &&
            s->n_jsonld < PITH_MAX_JSONLD_SCRIPTS) {
            const GumboNode *t = kids->data[0];
            if (t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_CDATA ||
                t->type == GUMBO_NODE_WHITESPACE)
                s->jsonld[s->n_jsonld++] = t->v.text.text;
        }
        *skip = 1;
        break;
    }
    case GUMBO_TAG_STYLE: case GUMBO_TAG_SVG: case GUMBO_TAG_NOSCRIPT:
        *skip = 1;
        break;
    default:
        break;
    }
    scan_dates(n, s);
}

static void
scan_tree(struct arena *a, const GumboNode *root, struct scan *s)
{
    for (const GumboNode *n = root; n; ) {
        int skip = 0;
        if (n->type == GUMBO_NODE_ELEMENT)
            scan_element(a, n, s, &skip);
        n = dom_next(root, n, skip);
    }
}

/* ------------------------------------------------------------ choosing */

/* The first of the keys, in order, that the page has. */
static const char *
first_of(const struct scan *s, const enum key *ks, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *v = last(s, ks[i]);
        if (v && *v)
            return v;
    }
    return NULL;
}

#define FIRST_OF(s, ...)                                                   \
    first_of(s, (const enum key[]){__VA_ARGS__},                          \
             sizeof((const enum key[]){__VA_ARGS__}) / sizeof(enum key))

static const char *
pick_title(struct arena *a, const struct scan *s, const struct jsonld *j,
           const char *clean_doc_title)
{
    if (j->title)
        return j->title;
    const char *t = meta_clean_str(a, FIRST_OF(s, K_DC_TITLE, K_DCTERM_TITLE,
        K_OG_TITLE, K_WEIBO_ARTICLE_TITLE, K_WEIBO_WEBPAGE_TITLE, K_TITLE,
        K_TWITTER_TITLE, K_PARSELY_TITLE));
    return t ? t : clean_doc_title;
}

/* The visible-text scan (meta_text.c), run only when a field needs it:
 * most pages name their author and date in markup. */
struct lazy_visible {
    const GumboNode *root;
    int done;
    struct visible_meta v;
    struct node_memo *memo; /* shared with the byline walks */
};

static const struct visible_meta *
visible_meta(struct arena *a, struct lazy_visible *lv)
{
    if (!lv->done && lv->root)
        meta_visible_scan(a, lv->root, lv->memo, &lv->v);
    lv->done = 1;
    return &lv->v;
}

/* Is s two to max capitalized words, as names are written?  particles
 * lets short lowercase words in ("Ludwig van Beethoven"); companies
 * rejects the words companies and papers use ("Acme Media", "The Daily
 * Post"). */
static int
name_words(const char *s, size_t max, int particles, int companies)
{
    static const char *const org[] = {
        "inc", "ltd", "llc", "gmbh", "ag", "sa", "plc", "corp", "co",
        "company", "corporation", "media", "news", "press", "group",
        "daily", "times", "post", "gazette", "magazine", "network",
        "foundation", "publishing", "journal", "herald", "courier",
        "tribune", "weekly", "radio", "tv", "verlag", "the", "and", "of",
        "rights", "reserved", NULL
    };
    size_t words = s ? meta_word_count(s) : 0;
    if (words < 2 || words > max)
        return 0;
    for (const char *w = s; w; w = strchr(w, ' ') ? strchr(w, ' ') + 1
                                                  : NULL) {
        size_t l = strcspn(w, " ");
        unsigned char c = (unsigned char)*w;
        if (!((c >= 'A' && c <= 'Z') || c >= 0x80 ||
              (particles && c >= 'a' && c <= 'z' && l <= 3)))
            return 0;
        for (int i = 0; companies && org[i]; i++)
            if (l == strlen(org[i]) && !strncasecmp(w, org[i], l))
                return 0;
    }
    return 1;
}

/* Does a copyright holder name a person rather than the site or a
 * company: two to four capitalized words, none of them a word companies
 * and papers use, and not part of the page's <title>? */
static int
person_name(const char *s, const char *doc_title)
{
    return s && !(doc_title && strcasestr(doc_title, s)) &&
           name_words(s, 4, 0, 1);
}

/* The host of an absolute URL, lowercased; NULL when none. */
static const char *
host_of(struct arena *a, const char *url)
{
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p)
        return NULL;
    p += 3;
    size_t l = strcspn(p, "/?#:@");
    if (p[l] == '@') {
        p += l + 1;
        l = strcspn(p, "/?#:");
    }
    char *h = l ? arena_strndup(a, p, l) : NULL;
    for (char *c = h; c && *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32);
    return h;
}

/* The site's names into sites[5]: its name, og:site_name (when JSON-LD
 * named the publisher otherwise), its application-name, and the host of
 * its URL (or canonical URL) without "www.", with and without the
 * top-level domain.  Returns how many. */
static size_t
site_names(struct arena *a, const struct scan *s, const struct meta *m,
           const char *url, const char **sites)
{
    size_t n = 0;
    sites[n++] = m->site_name;
    sites[n++] = meta_clean_str(a, last(s, K_OG_SITE_NAME));
    sites[n++] = meta_clean_str(a, last(s, K_APPLICATION_NAME));
    const char *host = host_of(a, url ? url : m->canonical_url);
    if (host) {
        if (!strncmp(host, "www.", 4))
            host += 4;
        sites[n++] = host;
        const char *dot = strrchr(host, '.');
        if (dot)
            sites[n++] = arena_strndup(a, host, (size_t)(dot - host));
    }
    return n;
}

/* s folded for comparing names: its letters and digits, lowercase
 * ("One Tree Planted" and "onetreeplanted" fold alike). */
static const char *
name_key(struct arena *a, const char *s)
{
    size_t n = s ? strlen(s) : 0, k = 0;
    char *r = arena_alloc(a, n + 1);
    if (!r)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80)
            r[k++] = (char)c;
        else if (c >= 'A' && c <= 'Z')
            r[k++] = (char)(c + 32);
    }
    r[k] = '\0';
    return r;
}

/* Names that may stand for no person: member handles alone, and names
 * that are the site's own (its name, its host's), or the list JSON-LD
 * types as organizations (org set).  A page that also shows a person's
 * full name shows its writer. */
static int
weak_names(struct arena *a, const struct strlist *l, int org,
           const char *const *sites, size_t n_sites)
{
    if (!l->n)
        return 0;
    if (org || (l->n == 1 && meta_author_handle(a, l->items[0])))
        return 1;
    for (size_t i = 0; i < l->n; i++) {
        const char *k = name_key(a, l->items[i]);
        int site = 0;
        for (size_t s = 0; s < n_sites && !site; s++) {
            const char *sk = name_key(a, sites[s]);
            site = k && sk && *k && !strcmp(k, sk);
        }
        if (!site)
            return 0;
    }
    return 1;
}

/* Does s read as a person's full name: two to five capitalized words,
 * short particles let in?  "Name *" or "Authority control" do not. */
static int
full_name(const char *s)
{
    return name_words(s, 5, 1, 0);
}

/* Does a Twitter card's label say that its row names the writer? */
static int
card_says_author(const char *label)
{
    static const char *const labels[] = {"written by", "author", "by",
                                         "authors", "geschrieben von",
                                         "écrit par", "escrito por", NULL};
    const char *c = label;
    while (c && *c == ' ')
        c++;
    for (int i = 0; c && labels[i]; i++) {
        size_t l = strlen(labels[i]);
        if (!strncasecmp(c, labels[i], l) &&
            (c[l] == '\0' || c[l] == ' ' || c[l] == ':'))
            return 1;
    }
    return 0;
}

/* Authors: JSON-LD, then the first meta tag that names any (all of its
 * tags: pages repeat <meta name=author> per author; else a Twitter
 * card's "Written by" row), then the visible byline; of these the first
 * that names a person, or failing that the first that names anyone (see
 * weak_names()).  sites are the site's names. */
static int
pick_authors(struct arena *a, const struct scan *s, const struct jsonld *j,
             const GumboNode *root, struct lazy_visible *lv,
             const char *const *sites, size_t n_sites, struct strlist *out)
{
    static const enum key order[] = {K_DC_CREATOR, K_DCTERM_CREATOR,
                                     K_AUTHOR, K_PARSELY_AUTHOR,
                                     K_ARTICLE_AUTHOR};
    struct strlist lists[3] = {j->authors, {NULL, 0, PITH_MAX_AUTHORS},
                               {NULL, 0, PITH_MAX_AUTHORS}};
    const struct strlist *first = NULL;
    for (int src = 0; src < 3; src++) {
        struct strlist *l = &lists[src];
        int org = 0;
        if (src == 0)
            org = j->authors_org;
        for (size_t k = 0; src == 1 && k < sizeof order / sizeof order[0] &&
                           !l->n; k++)
            for (int i = 0; i < s->n_tags; i++)
                if (s->tag[i].key == order[k] &&
                    meta_authors_add(a, l, s->tag[i].value))
                    return -1;
        for (int r = 0; src == 1 && !l->n && r < CARD_ROWS; r++)
            if (card_says_author(s->card_label[r]) &&
                meta_authors_add(a, l, s->card_data[r]))
                return -1;
        if (src == 2 && meta_authors_add(a, l, meta_byline_find(a, root, lv->memo)))
            return -1;
        if (!l->n)
            continue;
        int weak = weak_names(a, l, org, sites, n_sites);
        /* A stand-in gives way to a full name only. */
        if (!first ? !weak : !weak && full_name(l->items[0])) {
            *out = *l;
            return 0;
        }
        if (!first)
            first = l;
    }
    if (first) {
        *out = *first;
        return 0;
    }
    const struct visible_meta *vis = visible_meta(a, lv);
    if (meta_authors_add(a, out, vis->byline))
        return -1;
    /* A first name alone, completed by the copyright holder's name; or,
     * with no byline at all, a holder that is a person (a blog's). */
    const char *c = vis->copyright;
    if (out->n == 1 && c && meta_word_count(out->items[0]) == 1) {
        size_t l = strlen(out->items[0]);
        if (!strncmp(c, out->items[0], l) && c[l] == ' ')
            out->items[0] = c;
    }
    if (!out->n && person_name(c, s->doc_title))
        return meta_authors_add(a, out, c);
    return 0;
}

/* The year, month and day in a URL path: /2024/02/27/, /2024-02-27- or
 * with the month's name, /2023/october/03/. */
static const char *
url_date(struct arena *a, const char *url)
{
    if (!url)
        return NULL;
    for (const char *p = strchr(url, '/'); p && *p; p = strchr(p + 1, '/')) {
        int y, m, d, len = 0;
        char s1, s2, month[16];
        char text[48];
        text[0] = '\0';
        if (sscanf(p, "/%4d%c%2d%c%2d%n", &y, &s1, &m, &s2, &d, &len) == 5 &&
            s1 == s2 && (s1 == '/' || s1 == '-') && y > 1990)
            snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
        else if (sscanf(p, "/%4d/%15[A-Za-z]/%2d%n", &y, month, &d,
                        &len) == 3 && y > 1990)
            snprintf(text, sizeof text, "%d %s %d", d, month, y);
        if (text[0] &&
            (p[len] == '/' || p[len] == '-' || p[len] == '\0')) {
            const char *r = meta_date_iso(a, text);
            if (r)
                return r;
        }
    }
    return NULL;
}

/* Dates: published from JSON-LD or meta tags, else from the body
 * (itemprop, <time pubdate>, the byline line, the URL, the first <time>,
 * the first line that is only a date), where a date later than the page's
 * modified date belongs to something else on the page and is passed
 * over; then the date shown under the headline, as below. */
static void
pick_dates(struct arena *a, const struct scan *s, const struct jsonld *j,
           struct lazy_visible *lv, const char *url, struct meta *out)
{
    const char *modified = meta_date_iso(a, j->date_modified);
    if (!modified)
        modified = meta_date_iso(a, FIRST_OF(s, K_MODIFIED));
    if (!modified)
        modified = meta_date_iso(a, s->itemprop_modified);
    const char *published = meta_date_iso(a, j->date_published);
    if (!published)
        published = meta_date_iso(a, FIRST_OF(s, K_PUBLISHED,
                                              K_PARSELY_PUB_DATE,
                                              K_PUBLISHED_OTHER));
    /* A published date on the day of the last change is often the change's
     * (a CMS that stamps both on every save); the body's markup naming an
     * earlier day as the published one knows better. */
    if (published && modified && meta_date_day_gap(published, modified) == 0)
        for (int i = 0; i < 2; i++) {
            const char *d = meta_date_iso(a, i ? s->time_pubdate
                                               : s->itemprop_published);
            if (d && meta_date_cmp(d, published) < 0 &&
                meta_date_day_gap(d, published) > 0) {
                published = d;
                break;
            }
        }
    /* Set when the body's markup names its published date (itemprop,
     * <time pubdate>): no line of text overrides it. */
    int marked = 0;
    for (int i = 0; !published && i < 6; i++) {
        const char *d = NULL;
        switch (i) {
        case 0: d = meta_date_iso(a, s->itemprop_published); break;
        case 1: d = meta_date_iso(a, s->time_pubdate); break;
        case 2: d = visible_meta(a, lv)->byline_date; break;
        case 3: d = url_date(a, url); break;
        case 4: d = meta_date_iso(a, s->time_first); break;
        default: d = visible_meta(a, lv)->date_line; break;
        }
        if (d && (!modified || meta_date_cmp(d, modified) <= 0)) {
            published = d;
            marked = i < 2;
        }
    }
    /* The date shown under the headline is the one readers see: over a
     * metadata date that is neither it nor the modified date (a first
     * draft's, a template's), though not over one the URL's path
     * confirms.  A shown "Updated" date only stands in when nothing else
     * gives the page a date. */
    const char *shown = NULL, *shown_updated = NULL;
    int in_time = 0;
    meta_shown_date(a, lv->root, &shown, &shown_updated, &in_time);
    if (!shown && !published)
        shown = shown_updated;
    const char *in_url = url_date(a, url);
    /* A <time> element's text is the markup's own date written out for
     * readers in their zone and style; the metadata's is as good. */
    if (shown && !marked &&
        (!modified || meta_date_cmp(shown, modified) <= 0 ||
         meta_date_day_gap(shown, modified) == 0) &&
        (!published || (!in_time &&
                        meta_date_day_gap(shown, published) != 0 &&
                        meta_date_day_gap(shown, modified) != 0 &&
                        meta_date_day_gap(published, in_url) != 0)))
        published = shown;
    /* A time stamp in UTC or another zone may fall on the next or the
     * previous day; the day in the URL's path is the one the site
     * published on. */
    if (in_url && meta_date_day_gap(published, in_url) == 1)
        published = in_url;
    if (published && modified && meta_date_cmp(modified, published) < 0)
        modified = NULL;
    out->date_published = published;
    out->date_modified = modified;
}

/* Tags: JSON-LD keywords, else article:tag, news_keywords, keywords (split
 * at commas), else links marked rel=tag. */
static int
pick_tags(struct arena *a, const struct scan *s, const struct jsonld *j,
          struct strlist *out)
{
    for (size_t i = 0; i < j->tags.n; i++)
        strlist_add(a, out, j->tags.items[i]);
    for (int i = 0; i < s->n_tags && !j->tags.n; i++)
        if (s->tag[i].key == K_ARTICLE_TAG)
            strlist_add(a, out, meta_clean_str(a, s->tag[i].value));
    const char *kw = out->n ? NULL : FIRST_OF(s, K_NEWS_KEYWORDS, K_KEYWORDS);
    while (kw && *kw) {
        size_t l = strcspn(kw, ",;");
        strlist_add(a, out, meta_clean(a, kw, l));
        kw += l + (kw[l] != '\0');
    }
    for (size_t i = 0; i < s->rel_tags.n && !out->n; i++)
        strlist_add(a, out, s->rel_tags.items[i]);
    return 0;
}

/* The headline (meta_headline.c): the metadata's titles as written, the
 * site's names to take off them, Readability's title to fall back on. */
static const char *
pick_headline(struct arena *a, const struct scan *s, const struct jsonld *j,
              const GumboNode *root, const struct meta *m,
              const char *const *sites, size_t n_sites, const char *url)
{
    const char *titles[] = {s->doc_title, meta_clean_str(a, last(s,
                            K_OG_TITLE)), j->title, m->title};
    return meta_headline(a, root, titles, sizeof titles / sizeof *titles,
                         sites, n_sites, m->title, url);
}

/* The product's facts: JSON-LD's (read with its text), then microdata's,
 * then Open Graph's product tags; NULL when none gives the product's
 * name, price, sku or rating.  A product named nowhere else is named by
 * the headline. */
static const struct meta_product *
pick_product(struct arena *a, const struct scan *s, const GumboNode *root,
             const char *headline, struct meta_product *p)
{
    if (root && (!p->name || !p->price))
        meta_product_facts_microdata(a, root, p);
    if (!p->price)
        p->price = meta_plain_number(a, last(s, K_PRICE));
    if (!p->currency)
        p->currency = meta_clean_str(a, last(s, K_CURRENCY));
    if (!p->availability)
        p->availability = meta_clean_str(a, last(s, K_AVAILABILITY));
    if (!p->brand)
        p->brand = meta_clean_str(a, last(s, K_BRAND));
    if (!p->sku)
        p->sku = meta_clean_str(a, last(s, K_SKU));
    if (!(p->name || p->price || p->sku || p->rating))
        return NULL;
    if (!p->name)
        p->name = headline;
    return p;
}

/* og:locale writes en_US for en-US. */
static const char *
locale_lang(struct arena *a, const char *loc)
{
    const char *c = meta_clean_str(a, loc);
    if (!c)
        return NULL;
    char *r = arena_strndup(a, c, strlen(c));
    for (char *p = r; p && *p; p++)
        if (*p == '_')
            *p = '-';
    return r;
}

static const char *
resolved(struct arena *a, const char *base, const char *ref)
{
    const char *c = meta_clean_str(a, ref);
    return c ? url_resolve(a, base, c) : NULL;
}

int
meta_read(struct arena *a, const GumboOutput *doc, const char *url,
          struct meta *out)
{
    memset(out, 0, sizeof *out);
    struct scan *s = arena_calloc(a, 1, sizeof *s);
    struct jsonld *j = arena_calloc(a, 1, sizeof *j);
    if (!s || !j)
        return -1;
    s->rel_tags.cap = PITH_MAX_TAGS;
    j->authors.cap = PITH_MAX_AUTHORS;
    j->tags.cap = PITH_MAX_TAGS;
    const GumboNode *root = doc ? doc->root : NULL;
    if (root)
        scan_tree(a, root, s);
    const char *clean = meta_title_clean(a, s->doc_title, root);
    meta_jsonld_read(a, s->jsonld, s->n_jsonld, clean, j);

    out->doc_title = s->doc_title;
    out->jsonld_title = j->title;
    out->jsonld_body = j->body;
    struct meta_product *product = arena_calloc(a, 1, sizeof *product);
    if (!product)
        return -1;
    meta_product_read(a, s->jsonld, s->n_jsonld, &out->product_name,
                      &out->product_text, product);
    out->title = pick_title(a, s, j, clean);
    out->base_url = url;
    if (s->base_href)
        out->base_url = url_resolve(a, url, s->base_href);
    const char *base = out->base_url;

    out->canonical_url = resolved(a, base, s->canonical);
    if (!out->canonical_url)
        out->canonical_url = resolved(a, base, last(s, K_OG_URL));
    out->site_name = j->site_name;
    if (!out->site_name)
        out->site_name = meta_clean_str(a, FIRST_OF(s, K_OG_SITE_NAME,
                                                    K_APPLICATION_NAME));
    const char *sites[5];
    size_t n_sites = site_names(a, s, out, url, sites);

    struct strlist authors = {NULL, 0, PITH_MAX_AUTHORS};
    struct strlist tags = {NULL, 0, PITH_MAX_TAGS};
    struct node_memo memo;
    meta_memo_init(&memo, a, root);
    struct lazy_visible lv = {root, 0, {0}, &memo};
    if ((root && pick_authors(a, s, j, root, &lv, sites, n_sites,
                              &authors)) ||
        pick_tags(a, s, j, &tags))
        return -1;
    out->authors = authors.items;
    out->n_authors = authors.n;
    out->tags = tags.items;
    out->n_tags = tags.n;

    pick_dates(a, s, j, &lv, out->canonical_url ? out->canonical_url : url,
               out);

    out->headline = pick_headline(a, s, j, root, out, sites, n_sites,
                                  out->canonical_url ? out->canonical_url
                                                     : url);
    out->product = pick_product(a, s, root, out->headline, product);

    out->description = j->description;
    if (!out->description)
        out->description = meta_clean_str(a, FIRST_OF(s, K_DC_DESCRIPTION,
            K_DCTERM_DESCRIPTION, K_OG_DESCRIPTION,
            K_WEIBO_ARTICLE_DESCRIPTION, K_WEIBO_WEBPAGE_DESCRIPTION,
            K_DESCRIPTION, K_TWITTER_DESCRIPTION));

    out->lang = s->lang;
    if (!out->lang)
        out->lang = j->lang ? j->lang : meta_clean_str(a, s->itemprop_lang);
    if (!out->lang)
        out->lang = locale_lang(a, last(s, K_OG_LOCALE));
    if (!out->lang)
        out->lang = meta_clean_str(a, last(s, K_DC_LANGUAGE));

    const char *img = j->image ? j->image : FIRST_OF(s, K_OG_IMAGE,
                                                     K_TWITTER_IMAGE);
    if (!img)
        img = s->image_link ? s->image_link : s->itemprop_image;
    out->image = resolved(a, base, img);

    const char *lic = j->license ? j->license : s->license_link;
    if (!lic)
        lic = last(s, K_LICENSE);
    lic = meta_clean_str(a, lic);
    out->license = lic && (lic[0] == '/' || strstr(lic, "://"))
                       ? url_resolve(a, base, lic) : lic;
    return 0;
}
