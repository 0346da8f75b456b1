/*
 * A canonical text form of the Gumbo tree of a page, holding what
 * extraction can read and nothing else: elements with their namespace and
 * the attributes some stage reads, text with runs of white space as one
 * space (kept as they are inside pre, listing, xmp, plaintext and title),
 * JSON-LD script bodies.  Comments, other script bodies, style, textarea,
 * iframe, noembed and noframes content and SVG and MathML children are
 * left out.  Two pages with the same digest extract the same; the
 * pre-pass must keep the digest of every page.
 *
 * tree_digest() returns a malloc'd string the caller frees; NULL when out
 * of memory or when Gumbo failed one of its assertions on the page.
 */
#ifndef PITH_TREE_DIGEST_H
#define PITH_TREE_DIGEST_H

#include "arena.h"
#include "dom/dom.h"

#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct digest_buf {
    char *s;
    size_t len, cap;
    int oom;
};

static void
digest_put(struct digest_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void
digest_puts(struct digest_buf *b, const char *s)
{
    digest_put(b, s, strlen(s));
}

/* The attributes a stage reads, and how: style only for its hidden-ness,
 * long data: URIs in src and href only for being one (except where a
 * stage reads the URL: a, area, base, img, link), scripts only for their
 * type, links and metas for what meta.c reads, styles for nothing. */
static int
digest_attr_read(GumboTag tag, const char *name)
{
    static const char *const read[] = {
        "id", "alt", "rel", "src", "href", "lang", "name", "open", "role",
        "type", "size", "class", "hidden", "content", "summary", "pubdate",
        "datetime", "encoding", "itemprop", "property", "xml:lang",
        "datatable", "http-equiv", "itemscope", "itemtype", "action",
        "popover", NULL
    };
    static const char *const script[] = {"type", NULL};
    static const char *const link[] = {"rel", "href", "itemprop", NULL};
    static const char *const meta[] = {"content", "name", "property",
                                       "itemprop", "http-equiv", NULL};
    static const char *const none[] = {NULL};
    const char *const *list = read;
    switch (tag) {
    case GUMBO_TAG_SCRIPT: list = script; break;
    case GUMBO_TAG_LINK: list = link; break;
    case GUMBO_TAG_META: list = meta; break;
    case GUMBO_TAG_STYLE: list = none; break;
    default:
        if (!strcmp(name, "aria-hidden") || !strcmp(name, "aria-modal") ||
            !strcmp(name, "aria-controls") ||
            !strcmp(name, "aria-expanded") ||
            !strcmp(name, "aria-labelledby"))
            return 1;
        break;
    }
    for (int i = 0; list[i]; i++)
        if (!strcmp(name, list[i]))
            return 1;
    return 0;
}

static int
digest_url_read(GumboTag tag)
{
    return tag == GUMBO_TAG_A || tag == GUMBO_TAG_AREA ||
           tag == GUMBO_TAG_BASE || tag == GUMBO_TAG_IMG ||
           tag == GUMBO_TAG_LINK;
}

static void
digest_attrs(struct digest_buf *b, const GumboElement *e)
{
    for (unsigned i = 0; i < e->attributes.length; i++) {
        const GumboAttribute *a = e->attributes.data[i];
        const char *v = a->value;
        if (!strcmp(a->name, "style")) {
            if (e->tag == GUMBO_TAG_SCRIPT || e->tag == GUMBO_TAG_LINK ||
                e->tag == GUMBO_TAG_META || e->tag == GUMBO_TAG_STYLE ||
                (!strcasestr(v, "none") && !strcasestr(v, "hidden")))
                continue;
        } else if (!digest_attr_read(e->tag, a->name)) {
            continue;
        }
        if (strlen(v) > 16 && !strncasecmp(v, "data:", 5) &&
            (!strcmp(a->name, "src") || !strcmp(a->name, "href")) &&
            !digest_url_read(e->tag))
            v = "data:";
        digest_puts(b, " ");
        digest_puts(b, a->name);
        digest_puts(b, "=\"");
        digest_puts(b, v);
        digest_puts(b, "\"");
    }
}

static const char *
digest_name(const GumboElement *e, char *buf, size_t cap)
{
    if (e->tag != GUMBO_TAG_UNKNOWN)
        return gumbo_normalized_tagname(e->tag);
    GumboStringPiece p = e->original_tag;
    gumbo_tag_from_original_text(&p);
    size_t n = p.length < cap - 1 ? p.length : cap - 1;
    for (size_t i = 0; i < n; i++) {
        char c = p.data[i];
        buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    buf[n] = '\0';
    return buf;
}

/* Children not compared: content the pre-pass may drop. */
static int
digest_skips_children(const GumboNode *n)
{
    const GumboElement *e = &n->v.element;
    if (e->tag_namespace != GUMBO_NAMESPACE_HTML)
        return e->tag == GUMBO_TAG_SVG || e->tag == GUMBO_TAG_MATH;
    switch (e->tag) {
    case GUMBO_TAG_SCRIPT: {
        const GumboAttribute *t = gumbo_get_attribute(&e->attributes, "type");
        return !(t && (strcasestr(t->value, "ld+json")));
    }
    case GUMBO_TAG_STYLE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
        return 1;
    default:
        return 0;
    }
}

/* A <link> in the head that only styles, preloads or decorates the
 * page, without microdata: no stage reads it, and the pre-pass drops it. */
static int
digest_unread_link(const GumboNode *n)
{
    static const char *const types[] = {
        "stylesheet", "preload", "modulepreload", "prefetch", "preconnect",
        "dns-prefetch", "icon", "shortcut", "apple-touch-icon",
        "apple-touch-icon-precomposed", "mask-icon", "manifest", NULL
    };
    const GumboElement *e = &n->v.element;
    if (e->tag_namespace != GUMBO_NAMESPACE_HTML || e->tag != GUMBO_TAG_LINK ||
        gumbo_get_attribute(&e->attributes, "itemprop") || !n->parent ||
        n->parent->type != GUMBO_NODE_ELEMENT ||
        n->parent->v.element.tag != GUMBO_TAG_HEAD)
        return 0;
    const GumboAttribute *rel = gumbo_get_attribute(&e->attributes, "rel");
    if (!rel || strlen(rel->value) >= 256)
        return 0;
    char words[256];
    snprintf(words, sizeof words, "%s", rel->value);
    int n_words = 0;
    for (char *save = NULL, *w = strtok_r(words, " \t\n\f\r", &save); w;
         w = strtok_r(NULL, " \t\n\f\r", &save)) {
        int known = 0;
        for (int i = 0; types[i] && !known; i++)
            known = !strcasecmp(w, types[i]);
        if (!known)
            return 0;
        n_words++;
    }
    return n_words > 0;
}

static int
digest_verbatim(const GumboNode *n)
{
    for (; n && n->type == GUMBO_NODE_ELEMENT; n = n->parent) {
        switch (n->v.element.tag) {
        case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP:
        case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_TITLE: case GUMBO_TAG_SCRIPT:
            return 1;
        default:
            break;
        }
    }
    return 0;
}

/* Writes the pending text run, collapsed unless verbatim. */
static void
digest_flush_text(struct digest_buf *b, struct digest_buf *t, int verbatim)
{
    if (!t->len)
        return;
    digest_puts(b, "\"");
    if (verbatim) {
        digest_put(b, t->s, t->len);
    } else {
        int space = 0;
        for (size_t i = 0; i < t->len; i++) {
            char c = t->s[i];
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                space = 1;
                continue;
            }
            if (space)
                digest_puts(b, " ");
            space = 0;
            digest_put(b, &c, 1);
        }
        if (space)
            digest_puts(b, " ");
    }
    digest_puts(b, "\"\n");
    t->len = 0;
}

static const GumboVector *
digest_kids(const GumboNode *n)
{
    return n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
                                          : &n->v.element.children;
}

static char *
tree_digest(const char *html, size_t len)
{
    /* dom_parse(): the tree lives in an arena (Gumbo's own destructor
     * recurses), and a failed Gumbo assertion comes back as *failed. */
    struct arena arena;
    arena_init(&arena);
    int failed;
    GumboOutput *out = dom_parse(&arena, html, len, &failed);
    if (!out) {
        arena_free(&arena);
        return NULL;
    }
    struct digest_buf b = {0}, t = {0};
    const GumboNode *doc = out->document;
    char q[64];
    snprintf(q, sizeof q, "quirks=%d\n",
             (int)doc->v.document.doc_type_quirks_mode);
    digest_puts(&b, q);
    /* Iterative walk: enter, children, leave. */
    const GumboNode *n = doc;
    for (;;) {
        const GumboVector *kids = NULL;
        if ((n->type == GUMBO_NODE_DOCUMENT ||
                        n->type == GUMBO_NODE_ELEMENT ||
                        n->type == GUMBO_NODE_TEMPLATE)) {
            if (n != doc && !digest_unread_link(n)) {
                char nb[64];
                digest_flush_text(&b, &t, digest_verbatim(n->parent));
                const GumboElement *e = &n->v.element;
                digest_puts(&b, "<");
                if (e->tag_namespace == GUMBO_NAMESPACE_SVG)
                    digest_puts(&b, "svg:");
                else if (e->tag_namespace == GUMBO_NAMESPACE_MATHML)
                    digest_puts(&b, "math:");
                digest_puts(&b, digest_name(e, nb, sizeof nb));
                digest_attrs(&b, e);
                digest_puts(&b, ">\n");
            }
            if (n == doc || !digest_skips_children(n))
                kids = digest_kids(n);
        } else if (n->type != GUMBO_NODE_COMMENT) {
            digest_puts(&t, n->v.text.text);
        }
        if (kids && kids->length) {
            n = kids->data[0];
            continue;
        }
        /* Leave n and every ancestor that has no next sibling. */
        for (;;) {
            if (n != doc && n->type != GUMBO_NODE_TEXT &&
                n->type != GUMBO_NODE_WHITESPACE &&
                n->type != GUMBO_NODE_CDATA &&
                n->type != GUMBO_NODE_COMMENT && !digest_unread_link(n)) {
                digest_flush_text(&b, &t, digest_verbatim(n));
                digest_puts(&b, "</>\n");
            }
            if (n == doc)
                goto done;
            const GumboVector *sib = digest_kids(n->parent);
            if (n->index_within_parent + 1 < sib->length) {
                n = sib->data[n->index_within_parent + 1];
                break;
            }
            n = n->parent;
        }
    }
done:
    digest_flush_text(&b, &t, 0);
    free(t.s);
    arena_free(&arena);
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s ? b.s : calloc(1, 1);
}

#endif
