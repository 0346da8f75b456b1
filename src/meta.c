/*
 * Page metadata; see meta.h.  The title follows Readability's choice
 * (JSON-LD headline, then meta tags, then <title> cut at its site-name
 * separator), since a title that matches what readers show is what users
 * expect.
 */
#include "meta.h"

#include "arena.h"
#include "buf.h"
#include "dom.h"
#include "limits.h"

#include <gumbo.h>
#include <json-c/json.h>
#include <string.h>
#include <strings.h>

/* Types of schema.org objects that describe an article. */
static const char *const article_types[] = {
    "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle",
    "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
    "BackgroundNewsArticle", "AdvertiserContentArticle", "TechArticle",
    "ScholarlyArticle", "SocialMediaPosting", "LiveBlogPosting",
    "DiscussionForumPosting", "Report", "APIReference", "SatiricalArticle",
    "MedicalScholarlyArticle", "Blog", "Recipe", NULL
};

/* Collapses white space of s[0..len) into an arena string. */
static const char *
collapse(struct arena *a, const char *s, size_t len)
{
    char *out = arena_alloc(a, len + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = n > 0;
            continue;
        }
        if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
            space = n > 0;
            i++;
            continue;
        }
        if (space)
            out[n++] = ' ';
        space = 0;
        out[n++] = (char)c;
    }
    out[n] = '\0';
    return out;
}

/* The text of an element's subtree, white space collapsed. */
static const char *
node_text(struct arena *a, const GumboNode *root)
{
    struct buf b;
    buf_init(&b, 1u << 20);
    for (const GumboNode *n = root; n; ) {
        int skip = 0;
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
            n->type == GUMBO_NODE_WHITESPACE) {
            buf_puts(&b, n->v.text.text);
        } else if (n->type == GUMBO_NODE_ELEMENT) {
            GumboTag t = n->v.element.tag;
            skip = t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE;
            if (t == GUMBO_TAG_BR)
                buf_putc(&b, ' ');
        }
        n = dom_next(root, n, skip);
    }
    const char *s = collapse(a, b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

/* ------------------------------------------------------------ JSON-LD */

static int
type_matches(json_object *t)
{
    if (!t)
        return 0;
    if (json_object_is_type(t, json_type_array)) {
        size_t n = json_object_array_length(t);
        for (size_t i = 0; i < n; i++)
            if (type_matches(json_object_array_get_idx(t, i)))
                return 1;
        return 0;
    }
    if (!json_object_is_type(t, json_type_string))
        return 0;
    const char *s = json_object_get_string(t);
    const char *slash = strrchr(s, '/'); /* "http://schema.org/Article" */
    if (slash)
        s = slash + 1;
    for (int i = 0; article_types[i]; i++)
        if (strcmp(s, article_types[i]) == 0)
            return 1;
    return 0;
}

/* The first article object in a JSON-LD value, looking through arrays,
 * @graph and mainEntity without recursion beyond a small fixed depth. */
static json_object *
find_article(json_object *v, int depth)
{
    if (!v || depth > 4)
        return NULL;
    if (json_object_is_type(v, json_type_array)) {
        size_t n = json_object_array_length(v);
        for (size_t i = 0; i < n; i++) {
            json_object *r = find_article(json_object_array_get_idx(v, i),
                                          depth + 1);
            if (r)
                return r;
        }
        return NULL;
    }
    if (!json_object_is_type(v, json_type_object))
        return NULL;
    json_object *t;
    if (json_object_object_get_ex(v, "@type", &t) && type_matches(t))
        return v;
    json_object *g;
    if (json_object_object_get_ex(v, "@graph", &g)) {
        json_object *r = find_article(g, depth + 1);
        if (r)
            return r;
    }
    if (json_object_object_get_ex(v, "mainEntity", &g))
        return find_article(g, depth + 1);
    return NULL;
}

static const char *
json_str(struct arena *a, json_object *obj, const char *key, int keep_lines)
{
    json_object *v;
    if (!json_object_object_get_ex(obj, key, &v) ||
        !json_object_is_type(v, json_type_string))
        return NULL;
    const char *s = json_object_get_string(v);
    size_t len = (size_t)json_object_get_string_len(v);
    if (keep_lines)
        return arena_strndup(a, s, len);
    const char *c = collapse(a, s, len);
    return c && *c ? c : NULL;
}

/* Reads one <script type="application/ld+json"> into out. */
static void
read_jsonld(struct arena *a, const GumboNode *script, struct meta *out)
{
    const GumboVector *kids = &script->v.element.children;
    if (kids->length != 1)
        return;
    const GumboNode *t = kids->data[0];
    if (t->type != GUMBO_NODE_TEXT && t->type != GUMBO_NODE_WHITESPACE &&
        t->type != GUMBO_NODE_CDATA)
        return;
    if (strlen(t->v.text.text) > PITH_MAX_JSONLD_BYTES)
        return;
    json_object *root = json_tokener_parse(t->v.text.text);
    if (!root)
        return;
    json_object *art = find_article(root, 0);
    if (art) {
        const char *h = json_str(a, art, "headline", 0);
        if (!h)
            h = json_str(a, art, "name", 0);
        if (h && !out->jsonld_title)
            out->jsonld_title = h;
        const char *body = json_str(a, art, "articleBody", 1);
        if (body && !out->jsonld_body)
            out->jsonld_body = body;
    }
    json_object_put(root);
}

/* ------------------------------------------------------------ the tree */

struct head_scan {
    int n_jsonld;
    const char *doc_title;
    const char *og_title;   /* the best of the meta-tag titles */
    int og_rank;
    const char *lang;
    const char *canonical;
    const GumboNode *h1;
    int n_h1;
};

/* Meta-tag titles in Readability's order of preference. */
static int
meta_title_rank(const char *key)
{
    static const char *const order[] = {
        "dc:title", "dcterm:title", "og:title", "weibo:article:title",
        "weibo:webpage:title", "title", "twitter:title", NULL
    };
    for (int i = 0; order[i]; i++)
        if (strcasecmp(key, order[i]) == 0)
            return i + 1;
    return 0;
}

static void
scan_meta(struct arena *a, const GumboNode *n, struct head_scan *hs)
{
    const char *content = dom_attr(n, "content");
    if (!content)
        return;
    const char *keys[2] = {dom_attr(n, "property"), dom_attr(n, "name")};
    for (int k = 0; k < 2; k++) {
        if (!keys[k])
            continue;
        int r = meta_title_rank(keys[k]);
        if (r && (!hs->og_title || r < hs->og_rank)) {
            const char *t = collapse(a, content, strlen(content));
            if (t && *t) {
                hs->og_title = t;
                hs->og_rank = r;
            }
        }
    }
}

static void
scan_tree(struct arena *a, const GumboNode *root, struct head_scan *hs,
          struct meta *out)
{
    for (const GumboNode *n = root; n; ) {
        int skip = 0;
        if (n->type == GUMBO_NODE_ELEMENT) {
            switch (n->v.element.tag) {
            case GUMBO_TAG_HTML: {
                const char *l = dom_attr(n, "lang");
                if (l && *l && !hs->lang)
                    hs->lang = collapse(a, l, strlen(l));
                break;
            }
            case GUMBO_TAG_TITLE:
                if (!hs->doc_title)
                    hs->doc_title = node_text(a, n);
                skip = 1;
                break;
            case GUMBO_TAG_META:
                scan_meta(a, n, hs);
                break;
            case GUMBO_TAG_LINK: {
                const char *rel = dom_attr(n, "rel"), *href = dom_attr(n, "href");
                if (rel && href && !strcasecmp(rel, "canonical") &&
                    !hs->canonical)
                    hs->canonical = collapse(a, href, strlen(href));
                break;
            }
            case GUMBO_TAG_H1:
                if (!hs->h1)
                    hs->h1 = n;
                hs->n_h1++;
                skip = 1;
                break;
            case GUMBO_TAG_SCRIPT: {
                const char *type = dom_attr(n, "type");
                if (type && strcasestr(type, "ld+json") &&
                    hs->n_jsonld++ < PITH_MAX_JSONLD_SCRIPTS)
                    read_jsonld(a, n, out);
                skip = 1;
                break;
            }
            case GUMBO_TAG_STYLE: case GUMBO_TAG_SVG:
            case GUMBO_TAG_NOSCRIPT:
                skip = 1;
                break;
            default:
                break;
            }
        }
        n = dom_next(root, n, skip);
    }
}

static size_t
word_count(const char *s)
{
    size_t n = 0;
    int in = 0;
    for (; *s; s++) {
        int sp = *s == ' ';
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

/* Is s[i] a title separator with a space on both sides? */
static size_t
separator_at(const char *s, size_t i)
{
    static const char *const seps[] = {
        "|", "-", "\\", "/", ">", "\xC2\xBB", "\xE2\x80\x93", "\xE2\x80\x94",
        NULL
    };
    if (i == 0 || s[i - 1] != ' ')
        return 0;
    for (int k = 0; seps[k]; k++) {
        size_t l = strlen(seps[k]);
        if (strncmp(s + i, seps[k], l) == 0 && s[i + l] == ' ')
            return l;
    }
    return 0;
}

/* <title> without the site name: the part before the last separator, or
 * after the first when that leaves too few words (Readability). */
static const char *
clean_doc_title(struct arena *a, const char *orig, const struct head_scan *hs,
                const char *h1_text)
{
    size_t len = strlen(orig);
    size_t first = 0, last = 0, first_len = 0;
    int have = 0, hierarchical = 0;
    for (size_t i = 0; i < len; i++) {
        size_t l = separator_at(orig, i);
        if (!l)
            continue;
        if (!have)
            first = i, first_len = l;
        last = i;
        have = 1;
        if (orig[i] == '\\' || orig[i] == '/' || orig[i] == '>' ||
            (unsigned char)orig[i] == 0xC2)
            hierarchical = 1;
    }
    const char *cur = orig;
    if (have) {
        cur = collapse(a, orig, last);
        if (cur && word_count(cur) < 3) {
            const char *rest = orig + first + first_len;
            cur = collapse(a, rest, strlen(rest));
        }
    } else if (strstr(orig, ": ")) {
        if (!(h1_text && strcmp(h1_text, orig) == 0)) {
            const char *colon = strrchr(orig, ':');
            cur = collapse(a, colon + 1, strlen(colon + 1));
            if (cur && word_count(cur) < 3) {
                const char *c1 = strchr(orig, ':');
                cur = collapse(a, c1 + 1, strlen(c1 + 1));
            } else {
                const char *c1 = strchr(orig, ':');
                const char *head = collapse(a, orig, (size_t)(c1 - orig));
                if (head && word_count(head) > 5)
                    cur = orig;
            }
        }
    } else if ((len > 150 || len < 15) && hs->n_h1 == 1 && h1_text) {
        cur = h1_text;
    }
    if (!cur)
        return orig;
    size_t wc = word_count(cur);
    if (wc <= 4) {
        /* Count the original's words with separators removed. */
        size_t owc = 0;
        int in = 0;
        for (size_t i = 0; i < len; i++) {
            int sp = orig[i] == ' ' || separator_at(orig, i) ||
                     orig[i] == '|' || orig[i] == '-';
            if (!sp && !in)
                owc++;
            in = !sp;
        }
        if (!hierarchical || wc != owc - 1)
            cur = orig;
    }
    return cur;
}

int
meta_read(struct arena *a, const GumboOutput *doc, struct meta *out)
{
    memset(out, 0, sizeof *out);
    struct head_scan hs = {0};
    if (doc && doc->root)
        scan_tree(a, doc->root, &hs, out);
    const char *h1_text = hs.h1 ? node_text(a, hs.h1) : NULL;
    out->doc_title = hs.doc_title;
    out->title = out->jsonld_title;
    if (!out->title)
        out->title = hs.og_title;
    if (!out->title && hs.doc_title && *hs.doc_title)
        out->title = clean_doc_title(a, hs.doc_title, &hs, h1_text);
    if (!out->title && h1_text && *h1_text)
        out->title = h1_text;
    out->lang = hs.lang;
    out->canonical_url = hs.canonical;
    return 0;
}
