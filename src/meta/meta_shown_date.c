/*
 * The date a page shows by its headline; see meta_parts.h.  Readers take
 * a page's date from the line under (or beside) its <h1>: "Updated
 * August 19, 2025", "Published | July 8, 2025", "started by Jane, May 26,
 * 2025".  Metadata often holds an older first draft's date, or the date
 * a template was made.  The walk reads the text nodes that follow the
 * first visible <h1> up to a budget of text, so the body's own dates, the
 * comments' and the related stories' further down are never reached.
 */
#include "meta/meta_parts.h"

#include "arena.h"
#include "dom/dom.h"
#include "words.h"

#include <string.h>
#include <strings.h>

/* Bytes of text read after the <h1>: the byline block, an author's short
 * bio and a deck, but not the body. */
#define SHOWN_TEXT_BUDGET 1200
/* A text node longer than this is a sentence, not a date line. */
#define SHOWN_LINE_MAX 80
/* Words of a date line with its label ("Last updated on: Tue, Dec 19,
 * 2025 1:06 PM EST"). */
#define SHOWN_MAX_WORDS 9
/* Text nodes between a label and its date. */
#define SHOWN_LABEL_REACH 3

/* Labels saying that the date that follows is the last update's. */
static const char *const updated_words[] = {
    "updated", "modified", "edited", "aktualisiert", "mis à jour",
    "actualizado", "aggiornato", "bijgewerkt", NULL
};
/* Labels saying that it is the first publication's. */
static const char *const published_words[] = {
    "published", "posted", "veröffentlicht", "publié", "publicado",
    "pubblicato", "gepubliceerd", "started by", NULL
};

/* Labels of dates that are not the page's: a forum's latest reply, a
 * member's join date, a sale's or an offer's deadline. */
static const char *const other_words[] = {
    "last post", "latest post", "last reply", "last activity", "joined",
    "registered", "member since", "last edited", "mitglied seit",
    "inscrit", "ends", "until", "expire", "deadline", "valid", NULL
};

static int
says(const char *t, const char *const *words)
{
    for (int i = 0; words[i]; i++)
        if (words_casestr(t, words[i]))
            return 1;
    return 0;
}

static int
kind_of(const char *t)
{
    return says(t, other_words) ? 3 : says(t, published_words) ? 1
           : says(t, updated_words) ? 2 : 0;
}

static const GumboNode *
first_visible_h1(const GumboNode *root)
{
    for (const GumboNode *n = root; n; ) {
        int skip = 0;
        if (n->type == GUMBO_NODE_ELEMENT) {
            GumboTag t = n->v.element.tag;
            if (t == GUMBO_TAG_H1 && meta_visible(n))
                return n;
            skip = t == GUMBO_TAG_HEAD || t == GUMBO_TAG_SCRIPT ||
                   t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE ||
                   !meta_visible(n);
        }
        n = dom_next(root, n, skip);
    }
    return NULL;
}

/* The date of one short text node, or NULL; *label is what kind of date
 * the node says it is, else what the last label before it said (pending):
 * 1 published, 2 updated, 3 someone else's, 0 unsaid. */
static const char *
line_date(struct arena *a, const char *t, int pending, int *label)
{
    if (meta_word_count(t) > SHOWN_MAX_WORDS)
        return NULL;
    const char *d = meta_date_iso(a, t);
    if (!d)
        return NULL;
    *label = kind_of(t);
    if (!*label)
        *label = pending;
    return d;
}

/* A cell after a header cell is a table's value (an infobox's "Founded
 * | 26 September 1907"), not the page's date. */
static int
data_cell(const GumboNode *n)
{
    if (n->v.element.tag != GUMBO_TAG_TD || !n->parent)
        return 0;
    const GumboVector *sib = &n->parent->v.element.children;
    for (unsigned i = n->index_within_parent; i-- > 0; ) {
        const GumboNode *p = sib->data[i];
        if (p->type == GUMBO_NODE_ELEMENT)
            return p->v.element.tag == GUMBO_TAG_TH;
    }
    return 0;
}

/* Is the text in a <time> that gives its date in markup (datetime)?  A
 * <time> without one is only text. */
static int
in_time_element(const GumboNode *n)
{
    for (int d = 0; n && d < 3; d++, n = n->parent)
        if (n->type == GUMBO_NODE_ELEMENT &&
            n->v.element.tag == GUMBO_TAG_TIME)
            return dom_attr(n, "datetime") != NULL;
    return 0;
}

void
meta_shown_date(struct arena *a, const GumboNode *root,
                const char **published, const char **updated, int *in_time)
{
    *published = *updated = NULL;
    *in_time = 0;
    const GumboNode *h1 = root ? first_visible_h1(root) : NULL;
    if (!h1)
        return;
    size_t seen = 0;
    /* A label and its date are often apart: "last post by | Jane | Sep
     * 26, 2024".  A label holds for the next few text nodes. */
    int pending = 0, pending_for = 0;
    /* From the first node after the <h1>'s subtree. */
    for (const GumboNode *n = dom_next(root, h1, 1);
         n && seen < SHOWN_TEXT_BUDGET && !*published; ) {
        int skip = 0;
        if (n->type == GUMBO_NODE_ELEMENT) {
            GumboTag t = n->v.element.tag;
            skip = t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE ||
                   t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_TEMPLATE ||
                   t == GUMBO_TAG_SELECT || !meta_visible(n) ||
                   data_cell(n);
        } else if (n->type == GUMBO_NODE_TEXT) {
            size_t len = strlen(n->v.text.text);
            seen += len;
            const char *t = len <= SHOWN_LINE_MAX * 2
                                ? meta_clean(a, n->v.text.text, len) : NULL;
            int label = 0;
            const char *d = t && strlen(t) <= SHOWN_LINE_MAX
                                ? line_date(a, t, pending, &label) : NULL;
            if (d && label == 2 && !*updated)
                *updated = d;
            else if (d && label != 2 && label != 3) {
                *published = d;
                *in_time = in_time_element(n);
            }
            if (d || --pending_for <= 0)
                pending = 0;
            if (!d && t && kind_of(t)) {
                pending = kind_of(t);
                pending_for = SHOWN_LABEL_REACH;
            }
        }
        n = dom_next(root, n, skip);
    }
}
