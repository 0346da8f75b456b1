/*
 * UTF-8 -> Gumbo tree.  The tree and everything Gumbo allocates live in the
 * document's arena, so freeing the arena frees the tree: Gumbo's own
 * destructor is recursive and would overflow the stack on deep pages.  The
 * UTF-8 buffer must outlive the tree (Gumbo points into it).
 */
#ifndef PITH_DOM_H
#define PITH_DOM_H

#include <gumbo.h>
#include <stddef.h>
#include <strings.h>

struct arena;

/* Parses utf8[0..len) into a tree allocated from a.  NULL when out of
 * memory, or with *failed set when Gumbo failed one of its assertions on
 * the page (see dom.c; the arena then holds what it had allocated). */
GumboOutput *dom_parse(struct arena *a, const char *utf8, size_t len,
                       int *failed);

/* The value of attribute name of element node, or NULL.  The pre-pass
 * removes the attributes no stage reads: attr_bit() in
 * decode/prepass_lex.c names those it keeps, and policy_attrs there
 * which of them script, link and meta tags keep.  A stage that starts
 * reading another attribute must add it there. */
const char *dom_attr(const GumboNode *node, const char *name);
/* The values of the attributes names[0..n) (lowercase), each as
 * dom_attr() finds it (the first of its name), in one pass over the
 * element's attributes: for the stages that read several of every
 * element.  values[i] is NULL where there is none. */
static inline void
dom_attrs(const GumboNode *node, const char *const *names,
          const char **values, unsigned n)
{
    /* Inline: with the callers' constant lists the compiler unrolls the
     * look-up into what a switch on the first letter would be. */
    for (unsigned k = 0; k < n; k++)
        values[k] = NULL;
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
        return;
    const GumboVector *attrs = &node->v.element.attributes;
    for (unsigned i = 0; i < attrs->length; i++) {
        const GumboAttribute *at = attrs->data[i];
        unsigned char first = (unsigned char)at->name[0] | 0x20;
        for (unsigned k = 0; k < n; k++)
            if (!values[k] && (unsigned char)names[k][0] == first &&
                strcasecmp(at->name, names[k]) == 0) {
                values[k] = at->value;
                break;
            }
    }
}

/* The element's tag name, lowercase, also for unknown tags: written into
 * out (size cap) and returned. */
const char *dom_tag_name(const GumboNode *node, char *out, size_t cap);

/* The first element child of parent with the given tag, searching the whole
 * subtree in document order without recursion; NULL when none. */
const GumboNode *dom_find(const GumboNode *root, GumboTag tag);

/* Nonzero when an inline style hides its element: display:none or
 * visibility:hidden (spaces and tabs around the colon).  The only thing
 * any stage reads of a style, and so the only styles the pre-pass keeps:
 * a stage must never tell an element with a style that hides nothing
 * from one without. */
int dom_style_hides(const char *style);

/* Nonzero for an element whose content no stage reads as text: script,
 * style, svg, math, textarea, iframe, noembed, noframes.  The pre-pass
 * empties them (JSON-LD scripts excepted), so a walker that reads text or
 * counts nodes must not go inside, or it would see a different page with
 * the pre-pass than without. */
int dom_unread(const GumboNode *node);

/* Characters that are not white space in the text of a subtree, past
 * what no stage reads (dom_unread); UTF-8 continuation bytes are not
 * counted. */
size_t dom_text_chars(const GumboNode *root);

/* Next node in document order after node, staying inside root; when
 * skip_children is set, node's children are not entered.  NULL at the end. */
const GumboNode *dom_next(const GumboNode *root, const GumboNode *node,
                          int skip_children);

#endif
