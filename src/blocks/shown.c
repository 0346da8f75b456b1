/*
 * Hidden in the markup, shown to readers (shown.h).
 */
#include "blocks/shown.h"

#include "blocks/names.h"
#include "dom/dom.h"
#include "limits.h"

#include <string.h>
#include <strings.h>

/* How far below <body> the wrapper of a whole page sits. */
#define WRAPPER_DEPTH 3
/* How far below <body> the wrapper of the page's content sits (inside
 * <main> and a section or two), and how much text it must hold: at least
 * a page's worth, and most of the page's (with the menus and footer it
 * leaves out, which can be long). */
#define CONTENT_WRAPPER_DEPTH 6
#define CONTENT_WRAPPER_CHARS 1000
/* Nodes walked per character of the wrapper, at most, to weigh the rest
 * of the page (markup around a shop's content is dense, but not so). */
#define CONTENT_WALK_NODES 8

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

/* Whether the text of body outside n is shorter than chars, the text
 * inside.  The walk stops as soon as it is not, and after a number of
 * nodes in proportion to chars (then the answer is no), so that many
 * hidden boxes on one page cost no more than a few walks of it. */
static int
holds_most(const GumboNode *body, const GumboNode *n, size_t chars)
{
    size_t rest = 0, nodes = 0;
    for (const GumboNode *d = body; d;
         d = dom_next(body, d, d == n || dom_unread(d))) {
        if (++nodes > CONTENT_WALK_NODES * chars)
            return 0;
        if (d->type == GUMBO_NODE_TEXT &&
            (rest += dom_text_chars(d)) >= chars)
            return 0;
    }
    return 1;
}

/* Whether n, hidden by its inline style, holds most of the page's text
 * near the top of <body>: the content itself, hidden until a script
 * reveals it (a shop's lock or loader around the product grid), while
 * the header and footer around it show.  A hidden menu or dialog holds
 * less than the rest of the page, or sits inside one of the boxes that
 * stop the walk up. */
static int
content_wrapper(const GumboNode *n)
{
    if (!dom_style_hides(dom_attr(n, "style")))
        return 0;
    const char *aria = dom_attr(n, "aria-hidden");
    if (aria && !strcasecmp(aria, "true"))
        return 0;
    const GumboNode *body = NULL;
    int depth = 0;
    for (const GumboNode *p = n->parent;
         p && p->type == GUMBO_NODE_ELEMENT && depth < CONTENT_WRAPPER_DEPTH;
         p = p->parent, depth++) {
        GumboTag t = p->v.element.tag;
        if (t == GUMBO_TAG_BODY) {
            body = p;
            break;
        }
        if (t == GUMBO_TAG_NAV || t == GUMBO_TAG_HEADER ||
            t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE ||
            t == GUMBO_TAG_FORM ||
            dom_attr(p, "popover") || dom_attr(p, "aria-modal") ||
            role_is(p, "dialog"))
            return 0;
    }
    if (!body)
        return 0;
    size_t chars = dom_text_chars(n);
    return chars >= CONTENT_WRAPPER_CHARS && holds_most(body, n, chars);
}

/* role=tabpanel, or a region named by the button that opens it
 * (aria-labelledby). */
static int
panel_role(const GumboNode *n)
{
    return role_is(n, "tabpanel") ||
           (role_is(n, "region") && dom_attr(n, "aria-labelledby"));
}

/* How many nodes of a heading are looked through for its button. */
#define HEADING_NODES 64

static int
is_heading(const GumboNode *n)
{
    switch (n->v.element.tag) {
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        return 1;
    default:
        return role_is(n, "heading");
    }
}

/* The element before n among its parent's children, or NULL. */
static const GumboNode *
prev_element(const GumboNode *n)
{
    const GumboNode *p = n->parent;
    if (!p || p->type != GUMBO_NODE_ELEMENT)
        return NULL;
    const GumboVector *kids = &p->v.element.children;
    for (unsigned i = n->index_within_parent; i-- > 0;) {
        const GumboNode *k = kids->data[i];
        if (k->type == GUMBO_NODE_ELEMENT)
            return k;
    }
    return NULL;
}

/* Whether heading h holds the button that opens the element of this id:
 * aria-controls names it, aria-expanded says it opens and closes. */
static int
opens(const GumboNode *h, const char *id)
{
    int nodes = 0;
    for (const GumboNode *d = h; d && nodes < HEADING_NODES;
         d = dom_next(h, d, dom_unread(d)), nodes++) {
        if (d->type != GUMBO_NODE_ELEMENT)
            continue;
        const char *c = dom_attr(d, "aria-controls");
        if (c && !strcmp(c, id) && dom_attr(d, "aria-expanded"))
            return 1;
    }
    return 0;
}

/* A panel of an accordion as the ARIA pattern writes it: right after a
 * heading whose button opens it (n, or the collapsing box around it
 * that n alone fills).  A menu's toggle is no heading. */
static int
accordion_panel(const GumboNode *n)
{
    for (int up = 0; up < 2 && n && n->type == GUMBO_NODE_ELEMENT; up++) {
        const GumboNode *h = prev_element(n);
        if (h && is_heading(h)) {
            const char *id = dom_attr(n, "id");
            if (id && *id && opens(h, id))
                return 1;
            /* The heading's button may name the panel inside the box. */
            const GumboVector *kids = &n->v.element.children;
            for (unsigned i = 0; i < kids->length; i++) {
                const GumboNode *k = kids->data[i];
                const char *kid = k->type == GUMBO_NODE_ELEMENT
                                      ? dom_attr(k, "id") : NULL;
                if (kid && *kid && opens(h, kid))
                    return 1;
            }
        }
        n = n->parent;
    }
    return 0;
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
    if (panel_role(n) || accordion_panel(n))
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

/* A link hidden from screen readers alone (aria-hidden, no style that
 * hides it nor hidden attribute): the second link of a card to the same
 * page, its teaser or its picture, kept from being announced twice but
 * shown. */
static int
redundant_link(const GumboNode *n)
{
    const char *aria = dom_attr(n, "aria-hidden");
    const char *cls = dom_attr(n, "class");
    return n->v.element.tag == GUMBO_TAG_A && aria &&
           !strcasecmp(aria, "true") && !dom_attr(n, "hidden") &&
           !dom_style_hides(dom_attr(n, "style")) &&
           !(cls && names_screen_reader_only(cls));
}

int
shown_anyway(const GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return 0;
    if (redundant_link(n))
        return 1;
    if (role_is(n, "tabpanel") && holds_code(n))
        return 1;
    if (closed_panel(n))
        return 1;
    const char *style = dom_attr(n, "style");
    if (dom_style_hides(style) && strcasestr(style, "visibility") &&
        !strcasestr(style, "display") && page_wrapper(n))
        return 1;
    return content_wrapper(n);
}
