/* UTF-8 -> Gumbo tree in an arena, and walking helpers; see dom.h. */
#include "dom.h"

#include "arena.h"

#include <string.h>
#include <strings.h>

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
dom_parse(struct arena *a, const char *utf8, size_t len)
{
    GumboOptions opt = kGumboDefaultOptions;
    opt.allocator = arena_gumbo_alloc;
    opt.deallocator = arena_gumbo_free;
    opt.userdata = a;
    /* With the default (no limit), every parse error copies the stack of
     * open elements: 20 000 nested divs then take gigabytes. */
    opt.max_errors = 0;
    return gumbo_parse_with_options(&opt, utf8, len);
}

const char *
dom_attr(const GumboNode *node, const char *name)
{
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
        return NULL;
    const GumboVector *attrs = &node->v.element.attributes;
    for (unsigned i = 0; i < attrs->length; i++) {
        const GumboAttribute *at = attrs->data[i];
        if (strcasecmp(at->name, name) == 0)
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
