/* UTF-8 -> Gumbo tree in an arena, and walking helpers; see dom.h. */
#include "dom/dom.h"

#include "arena.h"

#include <dlfcn.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------ the guard */

/* Debian builds Gumbo 0.10.1 with its assert()s, and some malformed pages
 * fail one (a CDATA section in an SVG <foreignObject> in a table does):
 * the process would abort.  This definition of the C library's assertion
 * handler comes first for the dynamic linker, so Gumbo's failed
 * assertions land here.  During a parse they jump back to dom_parse(),
 * which reports the page as unparsable; everything Gumbo allocated is in
 * the page's arena and goes with it.  Any other failed assertion goes on
 * to the C library. */
static _Thread_local jmp_buf *parse_guard;

void __assert_fail(const char *expr, const char *file, unsigned line,
                   const char *func)
    __attribute__((noreturn, visibility("default")));

void
__assert_fail(const char *expr, const char *file, unsigned line,
              const char *func)
{
    if (parse_guard)
        longjmp(*parse_guard, 1);
    void (*next)(const char *, const char *, unsigned, const char *) =
        (void (*)(const char *, const char *, unsigned, const char *))
            dlsym(RTLD_NEXT, "__assert_fail");
    if (next)
        next(expr, file, line, func);
    fprintf(stderr, "%s:%u: %s: Assertion `%s' failed.\n", file, line,
            func, expr);
    abort();
}

static void *
arena_gumbo_alloc(void *userdata, size_t size)
{
    return arena_alloc(userdata, size);
}

/* Gumbo frees temporaries as it goes; the arena reclaims them all at the
 * end instead. */
static void
arena_gumbo_free(void *userdata, void *ptr)
{
    (void)userdata;
    (void)ptr;
}

GumboOutput *
dom_parse(struct arena *a, const char *utf8, size_t len, int *failed)
{
    GumboOptions opt = kGumboDefaultOptions;
    opt.allocator = arena_gumbo_alloc;
    opt.deallocator = arena_gumbo_free;
    opt.userdata = a;
    /* With the default (no limit), every parse error copies the stack of
     * open elements: 20 000 nested divs then take gigabytes. */
    opt.max_errors = 0;
    jmp_buf jb;
    GumboOutput *volatile out = NULL;
    *failed = 0;
    if (setjmp(jb) == 0) {
        parse_guard = &jb;
        out = gumbo_parse_with_options(&opt, utf8, len);
    } else {
        *failed = 1;
        out = NULL;
    }
    parse_guard = NULL;
    return out;
}

const char *
dom_attr(const GumboNode *node, const char *name)
{
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
        return NULL;
    const GumboVector *attrs = &node->v.element.attributes;
    /* Most names differ in their first letter: that test saves the call
     * (this runs for every attribute of every element, many times). */
    unsigned char first = (unsigned char)name[0] | 0x20;
    for (unsigned i = 0; i < attrs->length; i++) {
        const GumboAttribute *at = attrs->data[i];
        if (((unsigned char)at->name[0] | 0x20) == first &&
            strcasecmp(at->name, name) == 0)
            return at->value;
    }
    return NULL;
}

const char *
dom_tag_name(const GumboNode *node, char *out, size_t cap)
{
    out[0] = '\0';
    if (node->type != GUMBO_NODE_ELEMENT || cap == 0)
        return out;
    GumboTag tag = node->v.element.tag;
    if (tag != GUMBO_TAG_UNKNOWN) {
        const char *n = gumbo_normalized_tagname(tag);
        size_t l = strlen(n);
        if (l >= cap)
            l = cap - 1;
        memcpy(out, n, l);
        out[l] = '\0';
        return out;
    }
    GumboStringPiece p = node->v.element.original_tag;
    gumbo_tag_from_original_text(&p);
    size_t l = p.length < cap ? p.length : cap - 1;
    for (size_t i = 0; i < l; i++) {
        char c = p.data[i];
        out[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    out[l] = '\0';
    return out;
}

/* Finds "prop" then optional spaces, ':' and spaces, then "value". */
static int
style_has(const char *style, const char *prop, const char *value)
{
    size_t pl = strlen(prop), vl = strlen(value);
    for (const char *s = style; (s = strcasestr(s, prop)) != NULL; s += pl) {
        const char *v = s + pl;
        while (*v == ' ' || *v == '\t')
            v++;
        if (*v != ':')
            continue;
        v++;
        while (*v == ' ' || *v == '\t')
            v++;
        if (strncasecmp(v, value, vl) == 0)
            return 1;
    }
    return 0;
}

int
dom_style_hides(const char *style)
{
    return style && (style_has(style, "display", "none") ||
                     style_has(style, "visibility", "hidden"));
}

int
dom_unread(const GumboNode *node)
{
    if (node->type != GUMBO_NODE_ELEMENT)
        return 0;
    switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
        return 1;
    default:
        return 0;
    }
}

const GumboNode *
dom_next(const GumboNode *root, const GumboNode *node, int skip_children)
{
    if (!skip_children && node->type != GUMBO_NODE_TEXT &&
        node->type != GUMBO_NODE_CDATA && node->type != GUMBO_NODE_COMMENT &&
        node->type != GUMBO_NODE_WHITESPACE) {
        const GumboVector *kids = node->type == GUMBO_NODE_DOCUMENT
                                      ? &node->v.document.children
                                      : &node->v.element.children;
        if (kids->length)
            return kids->data[0];
    }
    while (node && node != root) {
        const GumboNode *parent = node->parent;
        if (!parent)
            return NULL;
        const GumboVector *kids = parent->type == GUMBO_NODE_DOCUMENT
                                      ? &parent->v.document.children
                                      : &parent->v.element.children;
        size_t next = node->index_within_parent + 1;
        if (next < kids->length)
            return kids->data[next];
        node = parent;
    }
    return NULL;
}

const GumboNode *
dom_find(const GumboNode *root, GumboTag tag)
{
    for (const GumboNode *n = root; n; n = dom_next(root, n, 0))
        if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag)
            return n;
    return NULL;
}

size_t
dom_text_chars(const GumboNode *root)
{
    size_t n = 0;
    for (const GumboNode *d = root; d; d = dom_next(root, d, dom_unread(d)))
        if (d->type == GUMBO_NODE_TEXT)
            for (const unsigned char *c =
                     (const unsigned char *)d->v.text.text;
                 *c; c++)
                n += *c > ' ' && (*c & 0xC0) != 0x80;
    return n;
}
