/*
 * The main column of a page and its chrome; see column.h.
 */
#include "pick/column.h"

#include "blocks/blocks.h"

#include <gumbo.h>
#include <string.h>
#include <strings.h>

/* A <main> that does not hold the chosen container is the column only
 * when it holds at least this share of the page's unlinked text (a
 * <main> around a hero alone is not the page). */
#define MAIN_MIN_SHARE 0.3
/* A box named like boilerplate that holds more than this share of the
 * column's unlinked text is a wrapper of the content, whatever its name
 * (as the scorer's guard against removing most of the prose). */
#define NAMED_MAX_SHARE 0.5

static uint32_t
unlinked(const struct elem *e)
{
    return e->chars > e->link_chars ? e->chars - e->link_chars : 0;
}

int
column_find(const struct blocks *bs, int chosen)
{
    int body = bs->body_elem;
    if (body < 0 || body >= bs->n_elems)
        body = 0;
    if (!bs->n_elems)
        return -1;
    /* The <main> around the chosen container. */
    for (int e = chosen; e >= 0; e = bs->elems[e].parent)
        if (bs->elems[e].flags & EF_MAIN_TAG)
            return e;
    /* Else the largest outermost <main>, inside the chosen container or
     * anywhere when it holds enough of the page. */
    int best = -1;
    for (int e = 0; e < bs->n_elems;) {
        const struct elem *el = &bs->elems[e];
        if (el->flags & EF_MAIN_TAG) {
            if (best < 0 || unlinked(el) > unlinked(&bs->elems[best]))
                best = e;
            e = el->end_elem;
        } else {
            e++;
        }
    }
    if (best < 0)
        return body;
    int inside = chosen >= 0 && best > chosen &&
                 best < bs->elems[chosen].end_elem;
    if (inside || (double)unlinked(&bs->elems[best]) >=
                      MAIN_MIN_SHARE * (double)unlinked(&bs->elems[body]))
        return best;
    return body;
}

/* Whether the blocks of element e speak of what a consent or newsletter
 * box asks for; a box named "cta" that does not is a section's call to
 * action, often with the page's last words. */
static int
asks_consent(const struct blocks *bs, const struct elem *el)
{
    static const char *const asks[] = {
        "cookie", "newsletter", "subscri", "consent", "privacy", "inbox",
        "abonn", "datenschutz", NULL
    };
    for (int i = el->first_block; i < el->end_block; i++) {
        const char *t = block_text(bs, &bs->blocks[i]);
        for (int k = 0; asks[k]; k++)
            if (strcasestr(t, asks[k]))
                return 1;
    }
    return 0;
}

/* Bits of the chrome array while it is being filled. */
enum {
    CHROME = 1,       /* chrome, or inside it */
    IN_MAIN = 2,      /* inside a <main> or an <article> */
    CONSENT_SEEN = 4  /* inside a consent-named box already read */
};

/* Whether element e, not inside chrome, is chrome itself.  state is its
 * parent's bits; sets *seen when e's text was read. */
static int
is_chrome(const struct blocks *bs, int e, uint8_t state, uint32_t column_text,
          int *seen)
{
    const struct elem *el = &bs->elems[e];
    uint32_t f = el->flags;
    *seen = 0;
    if (f & (EF_NAV_TAG | EF_DIALOG))
        return 1;
    /* Past here nothing takes most of the column: an unclosed <header>
     * or <noscript> swallows the rest of the page in the parser, a
     * sidebar or a box named "footer" around everything is a theme's
     * wrapper. */
    if ((double)unlinked(el) > NAMED_MAX_SHARE * (double)column_text)
        return 0;
    if (f & (EF_ASIDE_TAG | EF_NOSCRIPT | EF_FOOTER_TAG))
        return 1;
    /* The site's banner; inside a <main> or an article a <header> holds
     * the page's own title and hero. */
    if ((f & EF_HEADER_TAG) && !(state & IN_MAIN))
        return 1;
    /* A small form is a search box, a sign-up or a contact form; a form
     * around most of the page is a framework's wrapper. */
    if ((f & EF_FORM_TAG) && 2 * (uint64_t)el->chars < column_text)
        return 1;
    /* The rest goes by names.  Comments and author boxes are an
     * article's, which a page taken for a service page may be. */
    if (f & (EF_NAV_NAME | EF_SHARE | EF_RELATED | EF_BIO | EF_NOTICE))
        return 1;
    if ((f & EF_COMMENTS) && !(f & EF_ARTICLE_BODY))
        return 1;
    if ((f & EF_CONSENT) && !(state & CONSENT_SEEN)) {
        *seen = 1;
        if (asks_consent(bs, el) || 2 * el->link_chars > el->chars)
            return 1;
    }
    /* Footer, menu, sidebar, header names: the site's, under <body>;
     * inside a <main> only when they are mostly links (a menu), since
     * sections there are often named "banner" or "extra". */
    if (f & EF_UNLIKELY)
        return (state & IN_MAIN) ? 2 * el->link_chars > el->chars
                                 : 3 * el->link_chars > el->chars;
    return 0;
}

void
column_chrome(const struct blocks *bs, int column, uint8_t *chrome)
{
    if (column < 0 || column >= bs->n_elems)
        return;
    const struct elem *col = &bs->elems[column];
    uint32_t column_text = unlinked(col);
    chrome[column] = (col->flags & (EF_MAIN_TAG | EF_ARTICLE_TAG)) ? IN_MAIN
                                                                    : 0;
    /* Parents come before children: one pass in document order. */
    for (int e = column + 1; e < col->end_elem; e++) {
        const struct elem *el = &bs->elems[e];
        uint8_t state = chrome[el->parent];
        if (state & CHROME) {
            chrome[e] = state;
            continue;
        }
        if (el->flags & (EF_MAIN_TAG | EF_ARTICLE_TAG))
            state |= IN_MAIN;
        int seen;
        if (is_chrome(bs, e, state, column_text, &seen))
            state |= CHROME;
        if (seen)
            state |= CONSENT_SEEN;
        chrome[e] = state;
    }
    for (int e = column; e < col->end_elem; e++)
        chrome[e] &= CHROME;
}
