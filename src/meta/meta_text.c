/*
 * Bylines and dates that only the visible text gives: pages without
 * structured data, meta tags or byline classes still write "by Jane Doe,
 * 5 March 2024", "作者：林晓雯" or "Jane on 8 November 2022" in a short
 * line near the top.  See meta_parts.h.  Each element's text is read only
 * up to a few nodes and bytes, so the walk stays linear on any page.
 */
#include "meta/meta_parts.h"

#include "arena.h"
#include "dom/dom.h"
#include "words.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* A byline or date line is short: longer text is a paragraph. */
#define LINE_MAX_BYTES 200
/* Nodes read for one element's text before it counts as too long. */
#define LINE_MAX_NODES 48
/* A line that is only a date has at most this many words
 * ("Saturday, 12 June 2021 09:14"). */
#define DATE_LINE_MAX_WORDS 6
/* Words of a name before " on <date>". */
#define NAME_MAX_WORDS 4

/* Labels after which a name follows.  After the CJK ones the name ends at
 * the next space (a CJK name has none). */
static const struct { const char *label; int cjk; } labels[] = {
    {"\xE4\xBD\x9C\xE8\x80\x85\xEF\xBC\x9A", 1},             /* 作者： */
    {"\xE4\xBD\x9C\xE8\x80\x85:", 1},                         /* 作者: */
    {"\xE8\xAE\xB0\xE8\x80\x85\xEF\xBC\x9A", 1},             /* 记者： */
    {"\xE8\xA8\x98\xE8\x80\x85\xEF\xBC\x9A", 1},             /* 記者： */
    {"\xE6\x96\x87\xEF\xBC\x8F", 1},                          /* 文／ */
    {"\xE6\x96\x87/", 1},                                     /* 文/ */
    {"Author:", 0}, {"Autor:", 0}, {"Autorin:", 0}, {"Auteur :", 0},
    {"Auteur:", 0}, {"Written by", 0},
};

/* Words a byline line starts with, before a capitalized name. */
static const char *const by_starts[] = {"by ", "von ", "par ", "por ",
                                        "door ", NULL};

/* The length of the word of by_starts that p starts with, in any case,
 * or 0. */
static size_t
by_start(const char *p)
{
    /* Each starts with one of these letters: most lines are ruled out by
     * their first byte. */
    switch ((unsigned char)*p | 0x20) {
    case 'b': case 'v': case 'p': case 'd': break;
    default: return 0;
    }
    for (int i = 0; by_starts[i]; i++) {
        size_t l = strlen(by_starts[i]);
        if (!strncasecmp(p, by_starts[i], l))
            return l;
    }
    return 0;
}

/* Every label starts with one of these bytes: a text without any holds
 * none of them. */
static const char label_firsts[] = "AW\xE4\xE6\xE8";

static int
starts_name(const char *p)
{
    unsigned char c = (unsigned char)*p;
    return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* The name after a label in t, or NULL. */
static const char *
after_label(struct arena *a, const char *t)
{
    if (!strpbrk(t, label_firsts))
        return NULL;
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        const char *p = strstr(t, labels[i].label);
        if (!p)
            continue;
        p += strlen(labels[i].label);
        while (*p == ' ')
            p++;
        size_t len = labels[i].cjk ? strcspn(p, " |")
                                   : strcspn(p, "|");
        if (labels[i].cjk) {
            const char *ideo = strstr(p, "\xE3\x80\x80"); /* U+3000 */
            if (ideo && (size_t)(ideo - p) < len)
                len = (size_t)(ideo - p);
        }
        return len ? meta_clean(a, p, len) : NULL;
    }
    return NULL;
}

/* "Jane Doe on 8 November 2022": the name, or NULL. */
static const char *
name_on_date(struct arena *a, const char *t)
{
    const char *on = strstr(t, " on ");
    if (!on || !starts_name(t) || !meta_date_iso(a, on + 4))
        return NULL;
    const char *name = meta_clean(a, t, (size_t)(on - t));
    return name && meta_word_count(name) <= NAME_MAX_WORDS ? name : NULL;
}

/* A CJK name often carries its role: 佐伯真由記者 is reporter Saeki. */
static const char *
drop_role(struct arena *a, const char *name)
{
    static const char *const roles[] = {"\xE8\xA8\x98\xE8\x80\x85",
                                        "\xE8\xAE\xB0\xE8\x80\x85", NULL};
    size_t l = strlen(name);
    for (int i = 0; roles[i]; i++) {
        size_t rl = strlen(roles[i]);
        if (l > rl && !strcmp(name + l - rl, roles[i]))
            return meta_clean(a, name, l - rl);
    }
    return name;
}

static void
judge_line(struct arena *a, struct node_memo *m, const GumboNode *n,
           const char *t, int dates, struct visible_meta *out)
{
    if (dates && !out->date_line && meta_word_count(t) <= DATE_LINE_MAX_WORDS)
        out->date_line = meta_date_iso(a, t);
    if (out->byline)
        return;
    const char *name = after_label(a, t);
    size_t by = name ? 0 : by_start(t);
    if (by && starts_name(t + by))
        name = t;
    /* "Jane on 5 March" with no label, or a writer's class, only where
     * bylines are looked for first: elsewhere these are a quotation's or
     * a reply's heading, or a class such as "autorefs". */
    if (!name && dates)
        name = name_on_date(a, t);
    if (!name && dates &&
        (meta_node_facts(m, n, MEMO_CLASS_KNOWN) & MEMO_WRITER))
        name = drop_role(a, t);
    if (!name)
        return;
    /* The first line that reads as a byline dates the page, whoever it
     * names ("Posted on the 15/12/2025 by @jdoe"); one that names no one
     * leaves the byline to a later line. */
    if (dates && !out->byline_seen) {
        out->byline_seen = 1;
        out->byline_date = meta_date_iso(a, t);
    }
    if (meta_names_any(a, name))
        out->byline = name;
}

/* The holder's name in a copyright line, or NULL. */
static const char *
copyright_holder(struct arena *a, const char *t)
{
    const char *p = strstr(t, "\xC2\xA9");
    if (p)
        p += 2;
    else if ((p = strcasestr(t, "copyright")))
        p += 9;
    else
        return NULL;
    while (*p == ' ' || *p == '-' || *p == ',' || (*p >= '0' && *p <= '9') ||
           !strncmp(p, "\xE2\x80\x93", 3))
        p += strncmp(p, "\xE2\x80\x93", 3) ? 1 : 3;
    size_t len = strcspn(p, ".,|;(");
    const char *all = strstr(p, " All ");
    if (all && (size_t)(all - p) < len)
        len = (size_t)(all - p);
    return len ? meta_clean(a, p, len) : NULL;
}

static inline int
line_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Appends text to raw[0..len) as meta_put_text() would into a buffer of
 * LINE_MAX_BYTES (runs of white space as one space, the last run cut to
 * fit) and returns the new length.  A stack buffer: this runs for nearly
 * every element, and a heap buffer each time cost more than the reading. */
static size_t
put_line_text(char *raw, size_t len, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    while (*s && len < LINE_MAX_BYTES) {
        if (line_space(*s)) {
            while (line_space(*s))
                s++;
            if (!len || raw[len - 1] != ' ')
                raw[len++] = ' ';
            continue;
        }
        /* No further than what fits: a 30 MB text node is not read whole
         * for a 200-byte budget. */
        size_t room = LINE_MAX_BYTES - len, n = 0;
        while (s[n] && !line_space(s[n]) && n < room)
            n++;
        memcpy(raw + len, s, n);
        len += n;
        s += n;
    }
    return len;
}

/* Does raw hold "copyright" in any case, as strcasestr() finds it (which
 * folds ASCII letters only)?  Its general search costs more than this
 * look at each 'c'. */
static int
has_copyright(const char *raw)
{
    for (const char *p = raw; *p; p++)
        if ((*p | 0x20) == 'c' && !strncasecmp(p, "copyright", 9))
            return 1;
    return 0;
}

/* Could text that starts so be a byline or date line (a digit, a "by", a
 * label, a writer class)? */
static int
line_worth(struct node_memo *m, const GumboNode *n, const char *raw)
{
    if (strpbrk(raw, "0123456789") ||
        (meta_node_facts(m, n, MEMO_CLASS_KNOWN) & MEMO_WRITER) ||
        strstr(raw, " on "))
        return 1;
    const char *p = raw;
    while (*p == ' ' || *p == '\n' || *p == '\t')
        p++;
    if (by_start(p))
        return 1;
    if (!strpbrk(raw, label_firsts))
        return 0;
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strstr(raw, labels[i].label))
            return 1;
    return 0;
}

/* A cheap look at an element's first text before reading it properly:
 * could it be a byline or date line, or a copyright line?  Both answers
 * at once, kept in the memo: the later walks come over the same
 * elements. */
static unsigned
worth_reading(struct node_memo *m, const GumboNode *n)
{
    unsigned *slot = meta_memo_at(m, n);
    if (slot && (*slot & MEMO_LINE_KNOWN))
        return *slot;
    char raw[LINE_MAX_BYTES + 1];
    size_t len = 0;
    int nodes = 0;
    for (const GumboNode *d = n; d && len < LINE_MAX_BYTES &&
                                 nodes++ < LINE_MAX_NODES;
         d = dom_next(n, d, dom_unread(d))) {
        if (d->type == GUMBO_NODE_TEXT)
            len = put_line_text(raw, len, d->v.text.text);
        else if (d != n && d->type == GUMBO_NODE_ELEMENT &&
                 meta_starts_line(d->v.element.tag))
            len = put_line_text(raw, len, " ");
    }
    raw[len] = '\0';
    unsigned b = MEMO_LINE_KNOWN;
    if (strstr(raw, "\xC2\xA9") || has_copyright(raw))
        b |= MEMO_COPYRIGHT;
    if (line_worth(m, n, raw))
        b |= MEMO_LINE;
    if (slot) {
        *slot |= b;
        return *slot;
    }
    return b;
}

/* The element's first lines (NULL when too long), kept in the memo: the
 * walk that looks for a byline anywhere and the one for the copyright
 * read the elements the first walk read. */
static const char *
line_text(struct arena *a, struct node_memo *m, const GumboNode *n)
{
    unsigned *slot = meta_memo_at(m, n);
    const char **kept = slot ? meta_memo_text(m, slot) : NULL;
    if (kept && (*slot & MEMO_TEXT_KNOWN))
        return *kept;
    const char *t = meta_lines_capped(a, n, LINE_MAX_BYTES, LINE_MAX_NODES);
    if (kept) {
        *kept = t;
        *slot |= MEMO_TEXT_KNOWN;
    }
    return t;
}

/* What is never the page's own byline, even where Readability looks
 * again: menus, footers, comments, related stories, quotations ("Quote
 * from: Jane on June 9"). */
static int
not_the_pages(const GumboNode *n, const char *match)
{
    static const char *const words[] = {
        "menu", "navbar", "navigation", "footer", "comment", "related",
        "breadcrumb", "dropdown", "quote", NULL
    };
    GumboTag t = n->v.element.tag;
    const char *role = dom_attr(n, "role");
    return t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER ||
           (role && (!strcmp(role, "navigation") || !strcmp(role, "menu"))) ||
           t == GUMBO_TAG_BLOCKQUOTE || t == GUMBO_TAG_FORM ||
           words_any(match, words, 1);
}

/* What one walk looks for. */
enum pass { LINES, BYLINE_ANYWHERE, COPYRIGHT };

static void
walk(struct arena *a, const GumboNode *root, struct node_memo *m,
     struct visible_meta *out, enum pass pass)
{
    int copyright = pass == COPYRIGHT;
    char match[512];
    for (const GumboNode *n = root; n; ) {
        int skip = 0;
        if (n->type == GUMBO_NODE_ELEMENT) {
            GumboTag t = n->v.element.tag;
            skip = t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE ||
                   t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_TEMPLATE ||
                   t == GUMBO_TAG_HEAD || t == GUMBO_TAG_H1 ||
                   t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 ||
                   !(meta_node_facts(m, n, MEMO_VISIBLE_KNOWN) &
                     MEMO_VISIBLE) ||
                   (pass == LINES &&
                    (meta_node_facts(m, n, MEMO_CLASS_KNOWN) &
                     MEMO_UNLIKELY));
            if (!skip && pass == BYLINE_ANYWHERE) {
                /* One walk asks this: nothing to keep. */
                meta_class_id(match, sizeof match, dom_attr(n, "class"),
                              dom_attr(n, "id"));
                skip = not_the_pages(n, match);
            }
            const char *text =
                skip || t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY ||
                        !(worth_reading(m, n) &
                          (copyright ? MEMO_COPYRIGHT : MEMO_LINE))
                    ? NULL
                    : line_text(a, m, n);
            if (text && copyright) {
                out->copyright = copyright_holder(a, text);
                if (out->copyright)
                    return;
            } else if (text) {
                judge_line(a, m, n, text, pass == LINES, out);
                if (pass == BYLINE_ANYWHERE && out->byline)
                    return;
            }
        }
        n = dom_next(root, n, skip);
    }
}

void
meta_visible_scan(struct arena *a, const GumboNode *root, struct node_memo *m,
                  struct visible_meta *out)
{
    memset(out, 0, sizeof *out);
    walk(a, root, m, out, LINES);
    /* As Readability looks again for a byline with nothing dropped: a
     * page's own header or a column classed "sidebar" may hold it. */
    if (!out->byline)
        walk(a, root, m, out, BYLINE_ANYWHERE);
    /* The copyright holder is for pages with no byline or one of a single
     * word ("Ines on 8 November 2022" over "© 2022 Ines Carvalho-Brandt"). */
    if (!out->byline || meta_word_count(out->byline) == 1)
        walk(a, root, m, out, COPYRIGHT);
}
