/*
 * JSON-LD (<script type="application/ld+json">) -> struct jsonld; see
 * meta_parts.h.  Two passes over the page's scripts: first Readability's
 * rules, which only trust an object that declares schema.org as its
 * @context and whose title choice readers show; then a wider look (arrays
 * of types, mainEntity, @id references into @graph) that fills only what
 * the first pass left empty.  JSON values are walked to a small fixed depth
 * (json-c itself caps nesting), never over the DOM.
 */
#include "meta/meta_parts.h"

#include "arena.h"
#include "limits.h"
#include "similarity.h"

#include <json-c/json.h>
#include <string.h>

/* How deep the wide pass looks for an article through arrays, @graph and
 * mainEntity: real pages nest it two or three levels down. */
#define JSONLD_SEARCH_DEPTH 4
/* Readability takes JSON-LD's name over its headline unless only the
 * headline resembles the page's <title> this much. */
#define JSONLD_TITLE_SIMILARITY 0.75

/* Types of schema.org objects that describe an article (the wide pass). */
static const char *const article_types[] = {
    "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle",
    "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
    "BackgroundNewsArticle", "AdvertiserContentArticle", "TechArticle",
    "ScholarlyArticle", "SocialMediaPosting", "LiveBlogPosting",
    "DiscussionForumPosting", "Report", "APIReference", "SatiricalArticle",
    "MedicalScholarlyArticle", "AskPublicNewsArticle", "Blog", "Recipe",
    /* A Q&A page's question: its author opened the thread. */
    "Question", NULL
};

/* Types of the page itself, whose dates are the article's when no
 * article object gives one (a @graph of WebPage, WebSite, Person...). */
static const char *const page_types[] = {
    "WebPage", "ItemPage", "AboutPage", "CollectionPage", "FAQPage",
    "QAPage", "ProfilePage", "MedicalWebPage", NULL
};

/* ------------------------------------------------------------ values */

static json_object *
get(json_object *obj, const char *key)
{
    json_object *v;
    if (!obj || !json_object_is_type(obj, json_type_object) ||
        !json_object_object_get_ex(obj, key, &v))
        return NULL;
    return v;
}

static const char *
str_of(json_object *v)
{
    return v && json_object_is_type(v, json_type_string)
               ? json_object_get_string(v) : NULL;
}

static const char *
get_str(json_object *obj, const char *key)
{
    return str_of(get(obj, key));
}

/* The first element of an array, or v itself. */
static json_object *
first(json_object *v)
{
    if (v && json_object_is_type(v, json_type_array))
        return json_object_array_length(v)
                   ? json_object_array_get_idx(v, 0) : NULL;
    return v;
}

/* ------------------------------------------------------------ types */

/* Readability's article type test, a regular expression whose anchors
 * bind only its first and last alternatives: "^Article|...|APIReference$".
 * Kept as written so that the same pages qualify. */
static int
readability_type(const char *t)
{
    static const char *const inner[] = {
        "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
        "AskPublicNewsArticle", "BackgroundNewsArticle",
        "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle",
        "Report", "SatiricalArticle", "ScholarlyArticle",
        "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
        "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", NULL
    };
    if (!t)
        return 0;
    if (strncmp(t, "Article", 7) == 0)
        return 1;
    size_t l = strlen(t);
    if (l >= 12 && strcmp(t + l - 12, "APIReference") == 0)
        return 1;
    for (int i = 0; inner[i]; i++)
        if (strstr(t, inner[i]))
            return 1;
    return 0;
}

/* Whether the @type t (a string or an array of them) is one of types. */
static int
type_in(json_object *t, const char *const *types)
{
    if (t && json_object_is_type(t, json_type_array)) {
        size_t n = json_object_array_length(t);
        for (size_t i = 0; i < n; i++)
            if (type_in(json_object_array_get_idx(t, i), types))
                return 1;
        return 0;
    }
    const char *s = str_of(t);
    if (!s)
        return 0;
    const char *slash = strrchr(s, '/'); /* "http://schema.org/Article" */
    if (slash)
        s = slash + 1;
    for (int i = 0; types[i]; i++)
        if (strcmp(s, types[i]) == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------ finding */

static int
schema_org(const char *s)
{
    if (!s)
        return 0;
    if (strncmp(s, "http://", 7) == 0)
        s += 7;
    else if (strncmp(s, "https://", 8) == 0)
        s += 8;
    else
        return 0;
    return strcmp(s, "schema.org") == 0 || strcmp(s, "schema.org/") == 0;
}

/* A @type that is there but not a string makes Readability's test throw,
 * which drops the whole script. */
static int
type_throws(json_object *o)
{
    json_object *t = get(o, "@type");
    return t && !json_object_is_type(t, json_type_string) &&
           !json_object_is_type(t, json_type_null);
}

/* Readability's choice of the article object of one script, or NULL. */
static json_object *
readability_article(json_object *parsed)
{
    if (parsed && json_object_is_type(parsed, json_type_array)) {
        json_object *found = NULL;
        size_t n = json_object_array_length(parsed);
        for (size_t i = 0; i < n && !found; i++) {
            json_object *it = json_object_array_get_idx(parsed, i);
            if (type_throws(it))
                return NULL;
            if (readability_type(get_str(it, "@type")))
                found = it;
        }
        parsed = found;
    }
    if (!parsed || !json_object_is_type(parsed, json_type_object))
        return NULL;
    json_object *ctx = get(parsed, "@context");
    if (!schema_org(str_of(ctx)) && !schema_org(get_str(ctx, "@vocab")))
        return NULL;
    json_object *graph = get(parsed, "@graph");
    if (!get(parsed, "@type") && graph &&
        json_object_is_type(graph, json_type_array)) {
        json_object *found = NULL;
        size_t n = json_object_array_length(graph);
        for (size_t i = 0; i < n && !found; i++) {
            json_object *it = json_object_array_get_idx(graph, i);
            if (type_throws(it))
                return NULL;
            if (readability_type(get_str(it, "@type")))
                found = it;
        }
        parsed = found;
    }
    if (!parsed || type_throws(parsed) ||
        !readability_type(get_str(parsed, "@type")))
        return NULL;
    return parsed;
}

/* The first object of one of types anywhere in v, through arrays,
 * @graph and mainEntity, to a small depth. */
static json_object *
wide_find(json_object *v, const char *const *types, int depth)
{
    if (!v || depth > JSONLD_SEARCH_DEPTH)
        return NULL;
    if (json_object_is_type(v, json_type_array)) {
        size_t n = json_object_array_length(v);
        for (size_t i = 0; i < n; i++) {
            json_object *r = wide_find(json_object_array_get_idx(v, i),
                                       types, depth + 1);
            if (r)
                return r;
        }
        return NULL;
    }
    if (!json_object_is_type(v, json_type_object))
        return NULL;
    if (type_in(get(v, "@type"), types))
        return v;
    json_object *r = wide_find(get(v, "@graph"), types, depth + 1);
    return r ? r : wide_find(get(v, "mainEntity"), types, depth + 1);
}

/* The object of root's @graph (or top-level array) whose @id is id. */
static json_object *
by_id(json_object *root, const char *id)
{
    json_object *list = root && json_object_is_type(root, json_type_array)
                            ? root : get(root, "@graph");
    if (!id || !list || !json_object_is_type(list, json_type_array))
        return NULL;
    size_t n = json_object_array_length(list);
    for (size_t i = 0; i < n; i++) {
        json_object *it = json_object_array_get_idx(list, i);
        const char *iid = get_str(it, "@id");
        if (iid && strcmp(iid, id) == 0)
            return it;
    }
    return NULL;
}

/* ------------------------------------------------------------ fields */

static void
set(struct arena *a, const char **field, const char *value)
{
    if (!*field && value)
        *field = meta_clean_str(a, value);
}

/* A URL given as a string, an object with url or contentUrl, or a list
 * of those. */
static const char *
url_of(json_object *v)
{
    v = first(v);
    const char *s = str_of(v);
    if (!s)
        s = get_str(v, "url");
    if (!s)
        s = get_str(v, "contentUrl");
    if (!s)
        s = get_str(v, "@id");
    return s;
}

/* Types of an author that is no person: the site or its publisher. */
static const char *const org_types[] = {
    "Organization", "Corporation", "NewsMediaOrganization",
    "EducationalOrganization", "GovernmentOrganization", "NGO",
    "MedicalOrganization", "LocalBusiness", "OnlineBusiness", "Brand",
    "WebSite", NULL
};

/* Names of the authors: strings, objects with a name, @id references, or
 * lists of those.  Returns whether every name added is an
 * organization's. */
static int
add_authors(struct arena *a, json_object *root, json_object *v,
            struct strlist *l)
{
    size_t n = v && json_object_is_type(v, json_type_array)
                   ? json_object_array_length(v) : 1;
    int orgs = 1;
    size_t before = l->n;
    for (size_t i = 0; i < n && i < PITH_MAX_AUTHORS; i++) {
        json_object *it = json_object_is_type(v, json_type_array)
                              ? json_object_array_get_idx(v, i) : v;
        const char *name = str_of(it);
        if (!name && !get_str(it, "name"))
            it = by_id(root, get_str(it, "@id"));
        if (!name)
            name = get_str(it, "name");
        size_t had = l->n;
        if (name)
            meta_authors_add(a, l, meta_clean_str(a, name));
        if (l->n > had && !type_in(get(it, "@type"), org_types))
            orgs = 0;
    }
    return l->n > before && orgs;
}

static void
add_tags(struct arena *a, json_object *v, struct strlist *l)
{
    if (v && json_object_is_type(v, json_type_array)) {
        size_t n = json_object_array_length(v);
        for (size_t i = 0; i < n; i++)
            strlist_add(a, l, meta_clean_str(a, str_of(
                                  json_object_array_get_idx(v, i))));
        return;
    }
    const char *s = str_of(v);
    while (s && *s) {
        const char *e = strchr(s, ',');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        strlist_add(a, l, meta_clean(a, s, len));
        s = e ? e + 1 : NULL;
    }
}

/* Everything but the title from one article object, where still empty. */
static void
fill(struct arena *a, json_object *root, json_object *art, struct jsonld *o)
{
    set(a, &o->description, get_str(art, "description"));
    json_object *pub = first(get(art, "publisher"));
    const char *pname = get_str(pub, "name");
    if (!pname)
        pname = get_str(by_id(root, get_str(pub, "@id")), "name");
    set(a, &o->site_name, pname);
    set(a, &o->date_published, get_str(art, "datePublished"));
    set(a, &o->date_modified, get_str(art, "dateModified"));
    set(a, &o->image, url_of(get(art, "image")));
    json_object *lic = get(art, "license");
    set(a, &o->license, str_of(lic) ? str_of(lic) : url_of(lic));
    json_object *lang = first(get(art, "inLanguage"));
    set(a, &o->lang, str_of(lang) ? str_of(lang)
                                  : get_str(lang, "alternateName"));
    if (!o->body) {
        json_object *b = get(art, "articleBody");
        if (str_of(b))
            o->body = arena_strndup(a, str_of(b),
                                    (size_t)json_object_get_string_len(b));
    }
    if (!o->authors.n)
        o->authors_org = add_authors(a, root, get(art, "author"),
                                     &o->authors);
    if (!o->authors.n)
        o->authors_org = add_authors(a, root, get(art, "creator"),
                                     &o->authors);
    if (!o->tags.n)
        add_tags(a, get(art, "keywords"), &o->tags);
}

/* Readability's title: name, unless name and headline differ and only
 * the headline resembles the <title>. */
static const char *
pick_title(json_object *art, const char *doc_title)
{
    const char *name = get_str(art, "name");
    const char *headline = get_str(art, "headline");
    if (name && headline && strcmp(name, headline) != 0) {
        const char *t = doc_title ? doc_title : "";
        int name_ok = text_similarity(name, t) >
                      JSONLD_TITLE_SIMILARITY;
        int head_ok = text_similarity(headline, t) >
                      JSONLD_TITLE_SIMILARITY;
        return head_ok && !name_ok ? headline : name;
    }
    return name ? name : headline;
}

static json_object *
parse(const char *text)
{
    /* Readability strips a CDATA wrapper before parsing. */
    while (*text == ' ' || *text == '\n' || *text == '\t' || *text == '\r')
        text++;
    size_t len = strlen(text);
    if (len > PITH_MAX_JSONLD_BYTES)
        return NULL;
    if (strncmp(text, "<![CDATA[", 9) == 0) {
        text += 9;
        len -= 9;
        const char *end = strstr(text, "]]>");
        if (end)
            len = (size_t)(end - text);
    }
    json_tokener *tok = json_tokener_new();
    if (!tok)
        return NULL;
    json_object *root = json_tokener_parse_ex(tok, text, (int)len);
    json_tokener_free(tok);
    return root;
}

void
meta_jsonld_read(struct arena *a, const char *const *texts, size_t n,
                 const char *doc_title, struct jsonld *out)
{
    json_object *roots[PITH_MAX_JSONLD_SCRIPTS];
    if (n > PITH_MAX_JSONLD_SCRIPTS)
        n = PITH_MAX_JSONLD_SCRIPTS;
    for (size_t i = 0; i < n; i++)
        roots[i] = parse(texts[i]);
    /* Readability reads the first script that has an article. */
    for (size_t i = 0; i < n && !out->found; i++) {
        json_object *art = readability_article(roots[i]);
        if (!art)
            continue;
        out->found = 1;
        out->title = meta_clean_str(a, pick_title(art, doc_title));
        fill(a, roots[i], art, out);
    }
    for (size_t i = 0; i < n; i++) {
        json_object *art = wide_find(roots[i], article_types, 0);
        if (art)
            fill(a, roots[i], art, out);
    }
    for (size_t i = 0; i < n && !out->date_published; i++) {
        json_object *page = wide_find(roots[i], page_types, 0);
        set(a, &out->date_published, get_str(page, "datePublished"));
        set(a, &out->date_modified, get_str(page, "dateModified"));
    }
    for (size_t i = 0; i < n; i++)
        json_object_put(roots[i]);
}
