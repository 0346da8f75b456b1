/*
 * Hidden in the markup, shown to readers (shown.h).
 */
#include "blocks/shown.h"

#include "dom/dom.h"
#include "limits.h"

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

static int
role_is(const GumboNode *n, const char *role)
{
    const char *r = dom_attr(n, "role");
    return r && !strcasecmp(r, role);
}

/* role=tabpanel, or a region named by the button that opens it
 * (aria-labelledby). */
static int
panel_role(const GumboNode *n)
{
    return role_is(n, "tabpanel") ||
           (role_is(n, "region") && dom_attr(n, "aria-labelledby"));
}

/* A panel of tabs or of an accordion (panel_role), or the collapsing box
 * around one.  A shop's description and specifications wait in such
 * panels, closed until a reader opens them: they are the page's text,
 * not hidden from it. */
static int
closed_panel(const GumboNode *n)
{
    /* Panels inside a dialog or a popover wait for that box to open:
     * a prompt's, a menu's, not the page's.  (A closed <dialog> is
     * skipped whole, see blocks.c's tag_class_of.) */
    int d = 0;
    for (const GumboNode *p = n->parent;
         p && p->type == GUMBO_NODE_ELEMENT && d <= PITH_MAX_DEPTH;
         p = p->parent, d++)
        if (dom_attr(p, "popover") || dom_attr(p, "aria-modal") ||
            role_is(p, "dialog"))
            return 0;
    if (panel_role(n))
        return 1;
    /* The collapsing box around the panel: its one element child. */
    const GumboVector *kids = &n->v.element.children;
    const GumboNode *only = NULL;
    for (unsigned i = 0; i < kids->length; i++) {
        const GumboNode *k = kids->data[i];
        if (k->type != GUMBO_NODE_ELEMENT)
            continue;
        if (only)
            return 0;
        only = k;
    }
    return only && panel_role(only);
}

int
shown_anyway(const GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return 0;
    if (role_is(n, "tabpanel") && holds_code(n))
        return 1;
    if (closed_panel(n))
        return 1;
    const char *style = dom_attr(n, "style");
    return style && strcasestr(style, "visibility") &&
           !strcasestr(style, "display") && page_wrapper(n);
}
