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
/* Words of a label ("Last post by", "Valid until:"): a longer text that
 * holds a label's word is a sentence about something else ("Proposals
 * are open until July 31"), not a label of the date after it. */
#define SHOWN_LABEL_MAX_WORDS 4
/* Levels above the <h1> searched for the head of the post, and the bytes
 * of text it may hold before the <h1> (a kicker, a category, a date). */
#define SHOWN_BOX_LEVELS 3
#define SHOWN_BEFORE_BUDGET 120

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

/* What the walk carries from one text node to the next. */
struct shown_scan {
    struct arena *a;
    size_t seen;            /* bytes of text read */
    /* A label and its date are often apart: "last post by | Jane | Sep
     * 26, 2024".  A label holds for the next few text nodes. */
    int pending, pending_for;
    const char *published, *updated;
    int in_time;
};

/* Should the walk pass over n's subtree: what no reader sees, and an
 * infobox's cell of data? */
static int
unseen(const GumboNode *n)
{
    GumboTag t = n->v.element.tag;
    return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE ||
           t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_TEMPLATE ||
           t == GUMBO_TAG_SELECT || !meta_visible(n) || data_cell(n);
}

/* Reads one text node n into sc. */
static void
read_text(struct shown_scan *sc, const GumboNode *n)
{
    size_t len = strlen(n->v.text.text);
    sc->seen += len;
    const char *t = len <= SHOWN_LINE_MAX * 2
                        ? meta_clean(sc->a, n->v.text.text, len) : NULL;
    int label = 0;
    const char *d = t && strlen(t) <= SHOWN_LINE_MAX
                        ? line_date(sc->a, t, sc->pending, &label) : NULL;
    if (d && label == 2 && !sc->updated)
        sc->updated = d;
    else if (d && label != 2 && label != 3) {
        sc->published = d;
        sc->in_time = in_time_element(n);
    }
    if (d || --sc->pending_for <= 0)
        sc->pending = 0;
    if (!d && t && meta_word_count(t) <= SHOWN_LABEL_MAX_WORDS &&
        kind_of(t)) {
        sc->pending = kind_of(t);
        sc->pending_for = SHOWN_LABEL_REACH;
    }
}

/* The bytes of text in box before the heading h, up to past budget. */
static size_t
text_before(const GumboNode *box, const GumboNode *h, size_t budget)
{
    size_t bytes = 0;
    for (const GumboNode *n = box; n && n != h && bytes <= budget; ) {
        int skip = n->type == GUMBO_NODE_ELEMENT && unseen(n);
        if (n->type == GUMBO_NODE_TEXT)
            bytes += strlen(n->v.text.text);
        n = dom_next(box, n, skip);
    }
    return bytes;
}

/* The widest box around the heading h, a few levels up at most, with
 * little text before h: the head of the post that a kicker, a category
 * and a date line share with the headline ("Published | October 14,
 * 2025" above it), short of the site's header or a list of posts. */
static const GumboNode *
headline_box(const GumboNode *h)
{
    const GumboNode *box = NULL;
    const GumboNode *p = h->parent;
    for (int up = 0; p && p->type == GUMBO_NODE_ELEMENT &&
                     p->v.element.tag != GUMBO_TAG_BODY &&
                     up < SHOWN_BOX_LEVELS; up++, p = p->parent) {
        if (text_before(p, h, SHOWN_BEFORE_BUDGET) > SHOWN_BEFORE_BUDGET)
            break;
        box = p;
    }
    return box;
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
    struct shown_scan sc = {a, 0, 0, 0, NULL, NULL, 0};
    /* From the first node after the <h1>'s subtree. */
    for (const GumboNode *n = dom_next(root, h1, 1);
         n && sc.seen < SHOWN_TEXT_BUDGET && !sc.published; ) {
        int skip = n->type == GUMBO_NODE_ELEMENT && unseen(n);
        if (n->type == GUMBO_NODE_TEXT)
            read_text(&sc, n);
        n = dom_next(root, n, skip);
    }
    /* Then the head of the post above the <h1>. */
    const GumboNode *box = sc.published ? NULL : headline_box(h1);
    sc.pending = sc.pending_for = 0;
    for (const GumboNode *n = box; n && n != h1 && !sc.published; ) {
        int skip = n->type == GUMBO_NODE_ELEMENT && unseen(n);
        if (n->type == GUMBO_NODE_TEXT)
            read_text(&sc, n);
        n = dom_next(box, n, skip);
    }
    *published = sc.published;
    *updated = sc.updated; /* below the <h1> first: read_text() keeps it */
    *in_time = sc.in_time;
}
