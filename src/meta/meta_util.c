/*
 * String helpers of the metadata files; see meta_parts.h.  Metadata is
 * short (titles, names, dates), so these copy freely into the arena.
 */
#include "meta/meta_parts.h"

#include "arena.h"
#include "buf.h"
#include "dom/dom.h"
#include "limits.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

static int
is_space(const unsigned char *p, const unsigned char *end, size_t *n)
{
    *n = 1;
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
        return 1;
    if (*p == 0xC2 && p + 1 < end && p[1] == 0xA0) { /* NBSP */
        *n = 2;
        return 1;
    }
    return 0;
}

/* Decodes the five named entities Readability knows, then numeric ones,
 * in two passes as it does ("&amp;#39;" becomes "'"). */
static void
unescape(struct buf *out, const char *s, int numeric)
{
    static const struct { const char *name; char c; } named[] = {
        {"&quot;", '"'}, {"&amp;", '&'}, {"&apos;", '\''}, {"&lt;", '<'},
        {"&gt;", '>'},
    };
    while (*s) {
        if (*s != '&') {
            buf_putc(out, *s++);
            continue;
        }
        int done = 0;
        for (size_t k = 0; !numeric && k < 5 && !done; k++) {
            size_t l = strlen(named[k].name);
            if (strncmp(s, named[k].name, l) == 0) {
                buf_putc(out, named[k].c);
                s += l;
                done = 1;
            }
        }
        if (numeric && s[1] == '#') {
            int hex = s[2] == 'x' || s[2] == 'X';
            char *end;
            unsigned long cp = strtoul(s + 2 + hex, &end, hex ? 16 : 10);
            if (end > s + 2 + hex && *end == ';' &&
                end - s < 12) {
                if (cp == 0 || cp > 0x10FFFF ||
                    (cp >= 0xD800 && cp <= 0xDFFF))
                    cp = 0xFFFD;
                buf_put_utf8(out, (unsigned)cp);
                s = end + 1;
                done = 1;
            }
        }
        if (!done)
            buf_putc(out, *s++);
    }
}

const char *
meta_clean(struct arena *a, const char *s, size_t len)
{
    if (!s)
        return NULL;
    if (len > PITH_MAX_META_BYTES)
        len = PITH_MAX_META_BYTES;
    struct buf b, u, v;
    buf_init(&b, PITH_MAX_META_BYTES + 8);
    buf_init(&u, PITH_MAX_META_BYTES * 2);
    buf_init(&v, PITH_MAX_META_BYTES * 2);
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    int space = 0;
    while (p < end && *p) {
        size_t n;
        if (is_space(p, end, &n)) {
            space = b.len > 0;
            p += n;
            continue;
        }
        if (space)
            buf_putc(&b, ' ');
        space = 0;
        if (*p < 0x80) {
            buf_putc(&b, (char)*p++);
            continue;
        }
        /* JSON-LD escapes can hold lone surrogates, and the cap can cut a
         * character: what is not valid UTF-8 becomes U+FFFD. */
        utf8proc_int32_t cp;
        utf8proc_ssize_t got = utf8proc_iterate(p, end - p, &cp);
        if (got <= 0) {
            buf_put_utf8(&b, 0xFFFD);
            p++;
        } else {
            /* A soft hyphen marks where a word may break, a zero-width
             * space where a line may: neither is text to keep. */
            if (cp != 0xAD && cp != 0x200B)
                buf_append(&b, p, (size_t)got);
            p += got;
        }
    }
    const char *r = NULL;
    if (b.len && !buf_failed(&b)) {
        /* Every reference starts with a '&': without one, both passes
         * would copy the text as it is (most text has none). */
        const struct buf *d = &b;
        if (memchr(b.data, '&', b.len)) {
            unescape(&u, b.data, 0);
            if (u.len && !buf_failed(&u))
                unescape(&v, u.data, 1);
            d = &v;
        }
        if (d->len && !buf_failed(d)) {
            /* Decoding may have made spaces at the ends. */
            size_t st = 0, l = d->len;
            while (st < l && d->data[st] == ' ')
                st++;
            while (l > st && d->data[l - 1] == ' ')
                l--;
            if (l > st)
                r = arena_strndup(a, d->data + st, l - st);
        }
    }
    buf_free(&b);
    buf_free(&u);
    buf_free(&v);
    return r;
}

const char *
meta_clean_str(struct arena *a, const char *s)
{
    return s ? meta_clean(a, s, strlen(s)) : NULL;
}

static inline int
ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

void
meta_put_text(struct buf *b, const char *text)
{
    /* Up to the buffer's maximum, the last run cut to fit: a 30 MB text
     * node is not read whole for a 200-byte budget. */
    const unsigned char *s = (const unsigned char *)text;
    while (*s && !buf_failed(b) && b->len + 1 < b->max) {
        if (ascii_space(*s)) {
            while (ascii_space(*s))
                s++;
            if (!b->len || b->data[b->len - 1] != ' ')
                buf_putc(b, ' ');
            continue;
        }
        const unsigned char *run = s;
        while (*s && !ascii_space(*s))
            s++;
        size_t n = (size_t)(s - run), room = b->max - 1 - b->len;
        buf_append(b, run, n < room ? n : room);
    }
}

/* Elements that start a line of their own: their text is not glued to
 * what comes before ("<div>Jane Doe</div><div>Editor</div>"). */
int
meta_starts_line(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_BR: case GUMBO_TAG_DIV: case GUMBO_TAG_P:
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
        return 1;
    default:
        return 0;
    }
}

/* Puts what an element adds to a text (a space for a <br>, or for an
 * element that starts a line when lines is set) into b; returns whether
 * its subtree is left unread. */
static int
element_text(struct buf *b, const GumboNode *n, const GumboNode *root,
             int lines)
{
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_BR || (lines && n != root && meta_starts_line(t)))
        meta_put_text(b, " ");
    return t == GUMBO_TAG_NOSCRIPT || dom_unread(n);
}

static const char *
node_text(struct arena *a, const GumboNode *root, int lines)
{
    struct buf b;
    buf_init(&b, PITH_MAX_META_BYTES);
    for (const GumboNode *n = root; n && b.len < PITH_MAX_META_BYTES; ) {
        int skip = 0;
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
            n->type == GUMBO_NODE_WHITESPACE)
            meta_put_text(&b, n->v.text.text);
        else if (n->type == GUMBO_NODE_ELEMENT)
            skip = element_text(&b, n, root, lines);
        n = dom_next(root, n, skip);
    }
    const char *s = meta_clean(a, b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

const char *
meta_node_text(struct arena *a, const GumboNode *root)
{
    return node_text(a, root, 0);
}

const char *
meta_node_lines(struct arena *a, const GumboNode *root)
{
    return node_text(a, root, 1);
}

static const char *
text_capped(struct arena *a, const GumboNode *root, size_t max_bytes,
            int max_nodes, int lines)
{
    struct buf b;
    buf_init(&b, max_bytes * 2 + 64);
    int nodes = 0, too_long = 0;
    for (const GumboNode *n = root; n && !too_long; ) {
        int skip = 0;
        if (++nodes > max_nodes) {
            too_long = 1;
            break;
        }
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
            n->type == GUMBO_NODE_CDATA) {
            meta_put_text(&b, n->v.text.text);
            too_long = b.len > max_bytes || buf_failed(&b);
        } else if (n->type == GUMBO_NODE_ELEMENT) {
            /* A part hidden inside a line (an animated copy of a
             * heading set aria-hidden beside its readable text) is no
             * part of what it says. */
            skip = element_text(&b, n, root, lines) ||
                   (n != root && !meta_visible(n));
        }
        n = dom_next(root, n, skip);
    }
    const char *s = too_long || !b.data ? NULL : meta_clean(a, b.data, b.len);
    buf_free(&b);
    return s;
}

const char *
meta_text_capped(struct arena *a, const GumboNode *root, size_t max_bytes,
                 int max_nodes)
{
    return text_capped(a, root, max_bytes, max_nodes, 0);
}

const char *
meta_lines_capped(struct arena *a, const GumboNode *root, size_t max_bytes,
                  int max_nodes)
{
    return text_capped(a, root, max_bytes, max_nodes, 1);
}

size_t
meta_word_count(const char *s)
{
    size_t n = 1;
    int in_space = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        int sp = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
        if (sp && !in_space)
            n++;
        in_space = sp;
    }
    return n;
}

size_t
meta_utf8_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

int
strlist_add(struct arena *a, struct strlist *l, const char *s)
{
    if (!s || !*s || l->n >= l->cap)
        return 0;
    for (size_t i = 0; i < l->n; i++)
        if (strcasecmp(l->items[i], s) == 0)
            return 0;
    if (!l->items) {
        l->items = arena_calloc(a, l->cap + 1, sizeof *l->items);
        if (!l->items)
            return -1;
    }
    l->items[l->n++] = s;
    return 0;
}

int
meta_has_token(const char *list, const char *word)
{
    size_t wl = strlen(word);
    for (const char *p = list; p && *p; ) {
        size_t tl = strcspn(p, " \t\n\r\f");
        if (tl == wl && !strncasecmp(p, word, wl))
            return 1;
        p += tl;
        p += strspn(p, " \t\n\r\f");
    }
    return 0;
}

void
meta_class_id(char *out, size_t cap, const char *cls, const char *id)
{
    size_t n = 0;
    const char *parts[3] = {cls ? cls : "", " ", id ? id : ""};
    for (int k = 0; k < 3 && n + 1 < cap; k++) {
        size_t l = strlen(parts[k]);
        if (l > cap - 1 - n)
            l = cap - 1 - n;
        memcpy(out + n, parts[k], l);
        n += l;
    }
    out[n] = '\0';
}
