/*
 * Hidden in the markup, shown to readers (shown.h).
 */
#include "blocks/shown.h"

#include "dom/dom.h"

#include <string.h>
#include <strings.h>

/* How far below <body> the wrapper of a whole page sits. */
#define WRAPPER_DEPTH 3

/* Elements that hold nothing a reader sees. */
static int
unseen(const GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return n->type != GUMBO_NODE_TEXT;
    switch (n->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_TEMPLATE:
        return 1;
    default:
        return 0;
    }
}

/* Whether a <pre> is inside n: a sample of code, one of several
 * versions of it (one language each) that tabs choose between. */
static int
holds_code(const GumboNode *n)
{
    for (const GumboNode *d = n; d; d = dom_next(n, d, 0))
        if (d->type == GUMBO_NODE_ELEMENT &&
            d->v.element.tag == GUMBO_TAG_PRE)
            return 1;
    return 0;
}

/* Whether n and its ancestors up to <body> are each the only thing a
 * reader could see in their parent, a few levels down at most: the page
 * is all inside n.  Pages hide such a wrapper with visibility:hidden
 * until their scripts and styles are in, so that nothing flashes. */
static int
page_wrapper(const GumboNode *n)
{
    int depth = 0;
    for (const GumboNode *c = n; c->parent; c = c->parent) {
        const GumboNode *p = c->parent;
        if (p->type != GUMBO_NODE_ELEMENT || ++depth > WRAPPER_DEPTH)
            return 0;
        const GumboVector *kids = &p->v.element.children;
        for (unsigned i = 0; i < kids->length; i++) {
            const GumboNode *k = kids->data[i];
            if (k != c && !unseen(k))
                return 0;
        }
        if (p->v.element.tag == GUMBO_TAG_BODY)
            return 1;
    }
    return 0;
}

int
shown_anyway(const GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return 0;
    const char *role = dom_attr(n, "role");
    if (role && !strcasecmp(role, "tabpanel"))
        return holds_code(n);
    const char *style = dom_attr(n, "style");
    return style && strcasestr(style, "visibility") &&
           !strcasestr(style, "display") && page_wrapper(n);
}
