/*
 * Signs of a script's page and the text hidden in it; see signals.h.  One
 * walk over the tree, past what no stage reads as text.
 */
#include "blocks/signals.h"

#include "dom/dom.h"

#include <string.h>
#include <strings.h>

/* Does this element have no text in it (an application's mount point)? */
static int
textless(const GumboNode *root)
{
    int nodes = 0;
    for (const GumboNode *n = root; n && nodes < 4096;
         n = dom_next(root, n, dom_unread(n)), nodes++)
        if (n->type == GUMBO_NODE_TEXT)
            return 0;
    return 1;
}

/* Hidden as blocks.c skips it, by the element's hidden, aria-hidden and
 * style attributes (NULL where it has none): the hidden attribute,
 * aria-hidden, an inline style that hides. */
static int
hidden(const char *hidden_attr, const char *aria_hidden, const char *st)
{
    return hidden_attr || (aria_hidden && !strcasecmp(aria_hidden, "true")) ||
           dom_style_hides(st);
}

void
signals_read(const GumboOutput *doc, struct page_signals *s)
{
    static const char *const roots[] = {"root", "app", "__next", "__nuxt",
                                        "___gatsby", "svelte", "main-app",
                                        NULL};
    memset(s, 0, sizeof *s);
    const GumboNode *top = doc ? doc->root : NULL;
    const GumboNode *hidden_end = NULL; /* the first node past it */
    int in_hidden = 0;
    for (const GumboNode *n = top; n; ) {
        int skip = 0;
        if (n->type == GUMBO_NODE_ELEMENT) {
            kind_signals_element(n, &s->kind);
            GumboTag t = n->v.element.tag;
            const GumboVector *kids = &n->v.element.children;
            /* Only a script's type is read (inputs have types too). */
            const char *type = t == GUMBO_TAG_SCRIPT ? dom_attr(n, "type")
                                                     : NULL;
            int js = t == GUMBO_TAG_SCRIPT &&
                     (!type || !*type || strcasestr(type, "javascript") ||
                      !strcasecmp(type, "module"));
            if (t == GUMBO_TAG_SCRIPT && type && strcasestr(type, "ld+json") &&
                kids->length == 1 &&
                ((const GumboNode *)kids->data[0])->type != GUMBO_NODE_ELEMENT)
                kind_signals_jsonld(((const GumboNode *)kids->data[0])
                                        ->v.text.text, &s->kind);
            if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE) {
                if (t == GUMBO_TAG_SCRIPT && js && kids->length == 1 &&
                    ((const GumboNode *)kids->data[0])->type != GUMBO_NODE_ELEMENT)
                    s->script_bytes += strlen(((const GumboNode *)
                                               kids->data[0])->v.text.text);
                skip = 1;
            } else if (t == GUMBO_TAG_NOSCRIPT) {
                for (const GumboNode *d = n; d && !s->noscript_js;
                     d = dom_next(n, d, 0))
                    if (d->type == GUMBO_NODE_TEXT &&
                        strcasestr(d->v.text.text, "javascript"))
                        s->noscript_js = 1;
                skip = 1;
            } else {
                /* What is read of the element, in one pass over its
                 * attributes. */
                static const char *const names[] = {"id", "hidden",
                                                    "aria-hidden", "style"};
                const char *v[4];
                dom_attrs(n, names, v, 4);
                const char *id = v[0];
                for (int i = 0; id && roots[i] && !s->empty_root; i++)
                    if (!strcmp(id, roots[i]) && textless(n))
                        s->empty_root = 1;
                skip = dom_unread(n);
                /* Counted once, at the outermost hidden element: the walk
                 * goes on inside (for scripts and roots) without counting
                 * again until it leaves the subtree. */
                if (!skip && !in_hidden && n != top &&
                    hidden(v[1], v[2], v[3])) {
                    s->hidden_chars += dom_text_chars(n);
                    in_hidden = 1;
                    hidden_end = dom_next(top, n, 1);
                }
            }
        }
        n = dom_next(top, n, skip);
        if (in_hidden && n == hidden_end)
            in_hidden = 0;
    }
}

