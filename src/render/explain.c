/*
 * Why each block was kept or dropped: as JSON ({"main": selector,
 * "blocks": [...]}) for tools, or as the page itself with kept blocks in
 * green and dropped ones in red, for a person with a browser.
 */
#include "internal.h"

#include "buf.h"
#include "dom/dom.h"
#include "render/json_out.h"
#include "limits.h"
#include "page.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Characters per line for text density (boilerpipe wraps at 80). */
#define WRAP_WIDTH 80

/* Appends "#id" or ".a.b" for the words of an id or class attribute that
 * are plain CSS identifiers; other words are left out (the nth-child
 * positions alone already find the element). */
static void
simple_names(struct buf *b, char prefix, const char *value)
{
    if (!value)
        return;
    for (const char *p = value; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        const char *start = p;
        int plain = !(*p >= '0' && *p <= '9') && *p != '-';
        while (*p && *p != ' ' && *p != '\t' && *p != '\n') {
            char c = *p++;
            plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                              (c >= '0' && c <= '9') || c == '-' || c == '_');
        }
        if (p > start && plain && p - start < 64) {
            buf_putc(b, prefix);
            buf_append(b, start, (size_t)(p - start));
        }
        if (prefix == '#')
            break;
    }
}

/* Where the last element at each level of a selector was among its
 * parent's children: blocks come in document order, so the next
 * position at a level counts on from there, and a page of 100 000
 * sibling paragraphs is not counted over for each. */
struct nth_cache {
    const GumboNode *parent;
    unsigned index, pos;
};

/* e's position among its parent's element children, from 1. */
static unsigned
nth_child(const GumboNode *e, struct nth_cache *c)
{
    const GumboNode *parent = e->parent;
    const GumboVector *kids = &parent->v.element.children;
    unsigned from = 0, pos = 0;
    if (c->parent == parent && c->index <= e->index_within_parent) {
        from = c->index + 1;
        pos = c->pos;
    }
    for (unsigned k = from; k <= e->index_within_parent && k < kids->length;
         k++)
        pos += ((const GumboNode *)kids->data[k])->type == GUMBO_NODE_ELEMENT;
    c->parent = parent;
    c->index = e->index_within_parent;
    c->pos = pos;
    return pos;
}

/* A CSS selector that finds node again: tags and nth-child positions
 * from <html> down.  cache has PITH_MAX_DEPTH entries. */
static void
selector(struct buf *b, const GumboNode *node, struct nth_cache *cache)
{
    const GumboNode *chain[PITH_MAX_DEPTH];
    int n = 0;
    for (const GumboNode *p = node; p && p->type == GUMBO_NODE_ELEMENT &&
                                    n < PITH_MAX_DEPTH; p = p->parent)
        chain[n++] = p;
    for (int i = n - 1; i >= 0; i--) {
        const GumboNode *e = chain[i];
        char name[64];
        dom_tag_name(e, name, sizeof name);
        buf_puts(b, name);
        simple_names(b, '#', dom_attr(e, "id"));
        simple_names(b, '.', dom_attr(e, "class"));
        const GumboNode *parent = e->parent;
        if (parent && parent->type == GUMBO_NODE_ELEMENT &&
            e->v.element.tag != GUMBO_TAG_BODY &&
            e->v.element.tag != GUMBO_TAG_HEAD) {
            unsigned pos = nth_child(e, &cache[n - 1 - i]);
            char nth[32];
            snprintf(nth, sizeof nth, ":nth-child(%u)", pos);
            buf_puts(b, nth);
        }
        if (i)
            buf_puts(b, " > ");
    }
}

static void
json_number(struct buf *b, const char *key, double v)
{
    char num[64];
    snprintf(num, sizeof num, ",\"%s\":%.4g", key, v);
    buf_puts(b, num);
}

static void
explain_json(const struct page *pg, struct buf *b)
{
    const struct blocks *bs = &pg->bs;
    struct buf sel;
    buf_init(&sel, 1u << 16);
    struct nth_cache *cache = calloc(PITH_MAX_DEPTH, sizeof *cache);
    if (!cache) {
        buf_free(&sel);
        b->failed = 1;
        return;
    }
    buf_puts(b, "{\"main\":");
    if (pg->sc.main_elem >= 0) {
        selector(&sel, bs->elems[pg->sc.main_elem].node, cache);
        json_out_stringn(b, sel.data, sel.len);
    } else {
        buf_puts(b, "null");
    }
    buf_puts(b, ",\"blocks\":[");
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *bl = &bs->blocks[i];
        buf_reset(&sel);
        selector(&sel, bs->elems[bl->elem].node, cache);
        buf_puts(b, i ? ",\n{\"path\":" : "\n{\"path\":");
        json_out_stringn(b, sel.data ? sel.data : "", sel.len);
        char num[64];
        snprintf(num, sizeof num, ",\"text_length\":%u", bl->chars);
        buf_puts(b, num);
        json_number(b, "link_density",
                    bl->chars ? (double)bl->link_chars / bl->chars : 0);
        size_t lines = (bl->text_len + WRAP_WIDTH - 1) / WRAP_WIDTH;
        json_number(b, "text_density",
                    (double)bl->chars / (double)(lines ? lines : 1));
        json_number(b, "score", pg->sc.block_score[i]);
        buf_puts(b, pg->sc.keep[i] ? ",\"keep\":true" : ",\"keep\":false");
        buf_puts(b, ",\"reason\":");
        json_out_string(b, pg->sc.reason[i]);
        buf_puts(b, ",\"text\":");
        json_out_stringn(b, block_text(bs, bl), bl->text_len);
        buf_putc(b, '}');
    }
    buf_puts(b, "\n]}\n");
    buf_free(&sel);
    free(cache);
}

/* ------------------------------------------------------------ html */

static void
html_escaped(struct buf *b, const char *s, int attr)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': buf_puts(b, "&amp;"); break;
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '"':
            if (attr) {
                buf_puts(b, "&quot;");
                break;
            }
            /* fall through */
        default: buf_putc(b, *s);
        }
    }
}

static int
is_void(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BR:
    case GUMBO_TAG_COL: case GUMBO_TAG_EMBED: case GUMBO_TAG_HR:
    case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_LINK:
    case GUMBO_TAG_META: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR:
        return 1;
    default:
        return 0;
    }
}

/* For each element that owns blocks: 1 kept, 2 dropped, 3 mixed; and the
 * reason of its first block.  by_node orders the marks by node, then by
 * index, for lookups. */
struct marks {
    const GumboNode **node;
    unsigned char *state;
    const char **reason;
    int *by_node;
    int n;
};

static int
cmp_mark(const void *a, const void *b, void *marks)
{
    const struct marks *m = marks;
    int i = *(const int *)a, j = *(const int *)b;
    uintptr_t x = (uintptr_t)m->node[i], y = (uintptr_t)m->node[j];
    if (x != y)
        return x < y ? -1 : 1;
    return i - j;
}

/* The first mark of node n, or -1: a binary search, since a page has as
 * many marks as elements. */
static int
mark_of(const struct marks *m, const GumboNode *n)
{
    int lo = 0, hi = m->n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if ((uintptr_t)m->node[m->by_node[mid]] < (uintptr_t)n)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->n && m->node[m->by_node[lo]] == n ? m->by_node[lo] : -1;
}

static void
open_tag(struct buf *b, const GumboNode *n, const struct marks *m)
{
    char name[64];
    dom_tag_name(n, name, sizeof name);
    buf_putc(b, '<');
    buf_puts(b, name);
    const GumboVector *attrs = &n->v.element.attributes;
    for (unsigned i = 0; i < attrs->length; i++) {
        const GumboAttribute *a = attrs->data[i];
        if (!strcmp(a->name, "style") || !strncmp(a->name, "on", 2))
            continue;
        buf_putc(b, ' ');
        buf_puts(b, a->name);
        buf_puts(b, "=\"");
        html_escaped(b, a->value, 1);
        buf_putc(b, '"');
    }
    int k = mark_of(m, n);
    if (k >= 0) {
        static const char *const colors[] = {
            "", "background:#c8f7c5;outline:2px solid #2a2",
            "background:#f9c6c6;outline:2px solid #c22",
            "background:#f9eec6;outline:2px solid #ca2"
        };
        buf_puts(b, " style=\"");
        buf_puts(b, colors[m->state[k]]);
        buf_puts(b, "\" title=\"pith: ");
        html_escaped(b, m->reason[k] ? m->reason[k] : "", 1);
        buf_putc(b, '"');
    }
    buf_putc(b, '>');
}

static void
explain_html(const struct page *pg, struct buf *b)
{
    const struct blocks *bs = &pg->bs;
    struct marks m = {0};
    m.node = calloc((size_t)bs->n_blocks + 1, sizeof *m.node);
    m.state = calloc((size_t)bs->n_blocks + 1, 1);
    m.reason = calloc((size_t)bs->n_blocks + 1, sizeof *m.reason);
    m.by_node = calloc((size_t)bs->n_blocks + 1, sizeof *m.by_node);
    if (!m.node || !m.state || !m.reason || !m.by_node)
        goto done;
    for (int i = 0; i < bs->n_blocks; i++) {
        const GumboNode *node = bs->elems[bs->blocks[i].elem].node;
        int k = m.n && m.node[m.n - 1] == node ? m.n - 1 : -1;
        if (k < 0) {
            k = m.n++;
            m.node[k] = node;
            m.reason[k] = pg->sc.reason[i];
        }
        m.state[k] |= pg->sc.keep[i] ? 1 : 2;
    }
    for (int i = 0; i < m.n; i++)
        m.by_node[i] = i;
    qsort_r(m.by_node, (size_t)m.n, sizeof *m.by_node, cmp_mark, &m);
    buf_puts(b, "<!DOCTYPE html>\n");
    const GumboNode *root = pg->doc->root;
    for (const GumboNode *n = root; n;) {
        int skip = 0;
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
            html_escaped(b, n->v.text.text, 0);
        } else if (n->type == GUMBO_NODE_CDATA) {
            html_escaped(b, n->v.text.text, 0);
        } else if (n->type == GUMBO_NODE_ELEMENT) {
            GumboTag t = n->v.element.tag;
            if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_NOSCRIPT ||
                t == GUMBO_TAG_IFRAME) {
                skip = 1;
            } else {
                open_tag(b, n, &m);
                if (t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TITLE ||
                    t == GUMBO_TAG_TEXTAREA) {
                    /* Raw text: written as it is, then closed. */
                    const GumboVector *kids = &n->v.element.children;
                    for (unsigned i = 0; i < kids->length; i++) {
                        const GumboNode *c = kids->data[i];
                        if (c->type == GUMBO_NODE_TEXT ||
                            c->type == GUMBO_NODE_WHITESPACE)
                            buf_puts(b, c->v.text.text);
                    }
                    skip = 1;
                }
                if (is_void(t))
                    skip = 1;
            }
        }
        /* Leave elements on the way up: find the next node and close every
         * element left behind. */
        const GumboNode *next;
        int entered = n->type == GUMBO_NODE_ELEMENT && !skip &&
                      n->v.element.children.length;
        if (entered) {
            next = n->v.element.children.data[0];
        } else {
            if (n->type == GUMBO_NODE_ELEMENT && skip &&
                !is_void(n->v.element.tag) &&
                (n->v.element.tag == GUMBO_TAG_STYLE ||
                 n->v.element.tag == GUMBO_TAG_TITLE ||
                 n->v.element.tag == GUMBO_TAG_TEXTAREA)) {
                char name[64];
                buf_puts(b, "</");
                buf_puts(b, dom_tag_name(n, name, sizeof name));
                buf_putc(b, '>');
            } else if (n->type == GUMBO_NODE_ELEMENT && !skip &&
                       !is_void(n->v.element.tag)) {
                char name[64];
                buf_puts(b, "</");
                buf_puts(b, dom_tag_name(n, name, sizeof name));
                buf_putc(b, '>');
            }
            next = NULL;
            const GumboNode *cur = n;
            while (cur && cur != root) {
                const GumboNode *parent = cur->parent;
                const GumboVector *kids = &parent->v.element.children;
                if (cur->index_within_parent + 1 < kids->length) {
                    next = kids->data[cur->index_within_parent + 1];
                    break;
                }
                char name[64];
                buf_puts(b, "</");
                buf_puts(b, dom_tag_name(parent, name, sizeof name));
                buf_putc(b, '>');
                cur = parent;
            }
        }
        n = next;
    }
    buf_putc(b, '\n');
done:
    free(m.node);
    free(m.state);
    free(m.reason);
    free(m.by_node);
}

pith_status
pith_explain(pith_extractor *ex, const char *bytes, size_t len,
             const char *content_type, const char *url, int html,
             pith_write_fn write, void *userdata)
{
    (void)url;
    if (!ex || !write || (!bytes && len))
        return PITH_ERR_ARG;
    if (!bytes)
        bytes = "";
    pith_status st = page_check_input(ex, bytes, len, content_type);
    if (st != PITH_OK)
        return st;
    struct arena arena;
    arena_init(&arena);
    struct page pg;
    memset(&pg, 0, sizeof pg);
    st = page_analyse(ex, &arena, bytes, len, content_type, &pg);
    if (st == PITH_OK) {
        struct buf b;
        buf_init(&b, (size_t)1 << 31);
        if (html)
            explain_html(&pg, &b);
        else
            explain_json(&pg, &b);
        if (buf_failed(&b))
            st = extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
        else if (write(b.data, b.len, userdata))
            st = extractor_fail(ex, PITH_ERR_INPUT, "writing failed");
        buf_free(&b);
    }
    free(pg.utf8);
    arena_free(&arena);
    return st;
}
