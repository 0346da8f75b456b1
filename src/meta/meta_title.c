/*
 * The title from <title>, cleaned as Mozilla Readability cleans it
 * (_getArticleTitle): the site name goes at the last separator, or at a
 * colon unless a heading repeats the whole title; a title too long or too
 * short gives way to the page's only <h1>; and a result of four words or
 * fewer falls back to the original unless a hierarchical separator (/ > »)
 * explains the loss.  Readers show these titles, so users expect them.
 */
#include "meta/meta_parts.h"

#include "arena.h"
#include "buf.h"
#include "dom/dom.h"
#include "limits.h"

#include <string.h>

/* Readability trusts the only <h1> over a <title> outside this length. */
#define TITLE_MIN_CHARS 15
#define TITLE_MAX_CHARS 150
/* Fewer words than this after cutting means the cut took the title. */
#define TITLE_MIN_WORDS 3
/* This many words or fewer: the original may have been better. */
#define TITLE_SHORT_WORDS 4
/* Nodes of a heading read when comparing it with the title. */
#define HEADING_MAX_NODES 256
/* More words than this before a colon: not a "Site: Title" pattern. */
#define TITLE_MAX_PREFIX_WORDS 5

/* Bytes of the separator character at s, or 0: | - – — \ / > » */
static size_t
sep_char(const char *s)
{
    static const char *const seps[] = {
        "|", "-", "\\", "/", ">", "\xC2\xBB", "\xE2\x80\x93", "\xE2\x80\x94",
        NULL
    };
    for (int k = 0; seps[k]; k++) {
        size_t l = strlen(seps[k]);
        if (strncmp(s, seps[k], l) == 0)
            return l;
    }
    return 0;
}

/* Bytes of " SEP " at s (a separator with a space on both sides), or 0. */
static size_t
spaced_sep(const char *s)
{
    if (s[0] != ' ')
        return 0;
    size_t l = sep_char(s + 1);
    return l && s[1 + l] == ' ' ? l + 2 : 0;
}

static int
hierarchical(const char *s)
{
    size_t l = spaced_sep(s);
    return l && (s[1] == '\\' || s[1] == '/' || s[1] == '>' ||
                 (unsigned char)s[1] == 0xC2);
}

/* Does an <h1> or <h2> hold exactly title (its ends trimmed)?  A heading
 * is read only as far as the title's length, so nested headings cannot
 * make this quadratic. */
static int
heading_matches(const GumboNode *root, const char *title)
{
    size_t tl = strlen(title);
    for (const GumboNode *n = root; n; n = dom_next(root, n, 0)) {
        if (n->type != GUMBO_NODE_ELEMENT ||
            (n->v.element.tag != GUMBO_TAG_H1 &&
             n->v.element.tag != GUMBO_TAG_H2))
            continue;
        struct buf b;
        buf_init(&b, tl * 2 + 64);
        int nodes = 0;
        for (const GumboNode *t = n; t && b.len <= tl * 2 + 32 &&
                                     nodes++ < HEADING_MAX_NODES;
             t = dom_next(n, t, dom_unread(t)))
            if (t->type == GUMBO_NODE_TEXT ||
                t->type == GUMBO_NODE_WHITESPACE)
                meta_put_text(&b, t->v.text.text);
        const char *s = b.data ? b.data : "";
        size_t len = b.len;
        while (len && strchr(" \t\n\r\f", s[len - 1]))
            len--;
        while (len && strchr(" \t\n\r\f", *s)) {
            s++;
            len--;
        }
        int same = !buf_failed(&b) && len == tl && memcmp(s, title, len) == 0;
        buf_free(&b);
        if (same)
            return 1;
    }
    return 0;
}

/* The text of the page's only <h1>, or NULL when there is not exactly
 * one. */
static const char *
only_h1(struct arena *a, const GumboNode *root)
{
    const GumboNode *h1 = NULL;
    for (const GumboNode *n = root; n; n = dom_next(root, n, 0)) {
        if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_H1) {
            if (h1)
                return NULL;
            h1 = n;
        }
    }
    return h1 ? meta_node_text(a, h1) : NULL;
}

/* Cuts at the last spaced separator; when that leaves too few words, drops
 * everything up to the first separator character instead. */
static const char *
cut_at_separator(struct arena *a, const char *orig)
{
    size_t last = 0;
    for (size_t i = 0; orig[i]; i++) {
        size_t l = spaced_sep(orig + i);
        if (l) {
            last = i;
            i += l - 1;
        }
    }
    const char *cur = arena_strndup(a, orig, last);
    if (cur && meta_word_count(cur) < TITLE_MIN_WORDS) {
        const char *p = orig;
        size_t l = 0;
        while (*p && !(l = sep_char(p)))
            p++;
        cur = p + l;
    }
    return cur;
}

static const char *
cut_at_colon(struct arena *a, const char *orig, const GumboNode *root)
{
    if (heading_matches(root, orig))
        return orig;
    const char *cur = strrchr(orig, ':') + 1;
    const char *c1 = strchr(orig, ':');
    if (meta_word_count(cur) < TITLE_MIN_WORDS)
        return c1 + 1;
    const char *head = arena_strndup(a, orig, (size_t)(c1 - orig));
    if (head && meta_word_count(head) > TITLE_MAX_PREFIX_WORDS)
        return orig;
    return cur;
}

/* Words of orig with its spaced separators taken out (" - " joins the
 * words on either side, as Readability's replace does). */
static size_t
words_without_separators(struct arena *a, const char *orig)
{
    char *s = arena_strndup(a, orig, strlen(orig));
    if (!s)
        return 0;
    size_t n = 0;
    for (size_t i = 0; orig[i]; ) {
        size_t l = spaced_sep(orig + i);
        if (l) {
            i += l;
            continue;
        }
        s[n++] = orig[i++];
    }
    s[n] = '\0';
    return meta_word_count(s);
}

const char *
meta_title_clean(struct arena *a, const char *orig, const GumboNode *root)
{
    if (!orig || !*orig)
        return orig;
    int has_sep = 0, hier = 0;
    for (const char *p = orig; *p; p++) {
        has_sep |= spaced_sep(p) != 0;
        hier |= hierarchical(p);
    }
    const char *cur = orig;
    size_t chars = meta_utf8_len(orig);
    if (has_sep) {
        cur = cut_at_separator(a, orig);
    } else if (strstr(orig, ": ")) {
        cur = cut_at_colon(a, orig, root);
    } else if (chars > TITLE_MAX_CHARS || chars < TITLE_MIN_CHARS) {
        const char *h1 = only_h1(a, root);
        if (h1)
            cur = h1;
    }
    cur = meta_clean_str(a, cur);
    if (!cur)
        return orig;
    size_t wc = meta_word_count(cur);
    if (wc <= TITLE_SHORT_WORDS &&
        (!hier || wc != words_without_separators(a, orig) - 1))
        cur = orig;
    return cur;
}
