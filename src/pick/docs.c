/*
 * Documentation: the text and its code, without sidebar, table of
 * contents, breadcrumbs and previous/next links.
 *
 * The article rules that run before this stage judge a list of links as
 * a box of further reading; in documentation such lists are the page's
 * own matter (a wiki's list of references, an index page's short
 * descriptions of its children, the "see also" of an API reference), and
 * the headings above them go with them.  So inside the chosen region the
 * blocks that went only for being links, or for introducing a section
 * that held only links, come back, unless the element they sit in is
 * named or tagged as navigation, a sidebar, a header or footer, or the
 * list only points into the page itself (the on-page table of contents).
 * What the sidebar, breadcrumbs and widgets hold stays out: they sit
 * outside the region or are named so.
 *
 * The text's own header (an element named "header" in the main element,
 * holding the summary under the title and its notes) is no banner: its
 * prose comes back.  The lines of the page's upkeep under the text ("This
 * page was last modified...", "Edit this page") go.
 */
#include "pick/pick_parts.h"

#include "blocks/blocks.h"
#include "arena.h"

#include <string.h>
#include <strings.h>

/* The longest line of upkeep under the text (upkeep_line()). */
#define UPKEEP_MAX_CHARS 120

#define HEADING_WHY "documentation: heading of a list"

/* Reasons of the article rules that a documentation page overrules, and
 * what the block is called when it comes back. */
static const char *const overruled[][2] = {
    {"mostly link text", "documentation: a line of links in the text"},
    {"list of teasers", "documentation: a list of the text"},
    {"related stories", "documentation: a list of the text"},
    {"heading of an empty section", HEADING_WHY},
    {"heading of a list of links", HEADING_WHY},
    {"caption", "documentation: a caption of the text"},
    {"link density", "documentation: a box of links in the text"},
};

/* The reason block i comes back under, or NULL when it stays out. */
static const char *
overruling(const char *why)
{
    if (!why)
        return NULL;
    for (size_t k = 0; k < sizeof overruled / sizeof overruled[0]; k++)
        if (!strcmp(why, overruled[k][0]))
            return overruled[k][1];
    return NULL;
}

/* Names and tags of the page's frame: what is in them stays out. */
#define FRAME_FLAGS                                                     \
    (EF_NAV_TAG | EF_ASIDE_TAG | EF_FOOTER_TAG | EF_HEADER_TAG |        \
     EF_NAV_NAME | EF_UNLIKELY | EF_DIALOG | EF_CONSENT | EF_SHARE |    \
     EF_COMMENTS | EF_FORM_TAG)

/* Whether block i sits in a frame element between it and the chosen
 * container (or the top when there is none). */
static int
in_frame(const struct blocks *bs, int i, int main_elem)
{
    for (int e = bs->blocks[i].elem; e >= 0 && e != main_elem;
         e = bs->elems[e].parent)
        if (bs->elems[e].flags & FRAME_FLAGS)
            return 1;
    return 0;
}

/* Where the text's own header may be: the chosen container, or the
 * page's main element around it when the container is the body of the
 * text alone (the header a sibling before it).  -1 for none. */
static int
header_top(const struct blocks *bs, int main_elem)
{
    if (main_elem < 0)
        return -1;
    const uint32_t marks = EF_MAIN_TAG | EF_ARTICLE_TAG;
    int p = bs->elems[main_elem].parent;
    if (!(bs->elems[main_elem].flags & marks) && p >= 0 &&
        (bs->elems[p].flags & marks))
        return p;
    return main_elem;
}

/* Whether block i lies inside top (header_top()) and the only names of
 * the page's frame on its way up are "header": the header of the text
 * itself (its standfirst, the notes under the title), which a
 * documentation page puts in its main element, not the page's banner. */
static int
in_text_header(const struct blocks *bs, int i, int top)
{
    int header = 0;
    if (top < 0)
        return 0;
    for (int e = bs->blocks[i].elem; e >= 0; e = bs->elems[e].parent) {
        if (e == top)
            return header;
        uint32_t f = bs->elems[e].flags;
        if (f & EF_HEADER_NAME) {
            header = 1;
            f &= ~(uint32_t)EF_UNLIKELY;
        }
        if (f & FRAME_FLAGS)
            return 0;
    }
    return 0;
}

/* Per block: 1 when every link in it points into the page ("#..."), as
 * the entries of an on-page table of contents do; 0 otherwise. */
static uint8_t *
in_page_links(struct arena *a, const struct blocks *bs)
{
    uint8_t *anchor = arena_calloc(a, (size_t)bs->n_blocks, 1);
    uint8_t *other = arena_calloc(a, (size_t)bs->n_blocks, 1);
    if (!anchor || !other)
        return NULL;
    for (int s = 0; s < bs->n_spans; s++) {
        const struct inline_span *sp = &bs->spans[s];
        if (sp->kind != IK_LINK || sp->block < 0 || sp->block >= bs->n_blocks)
            continue;
        if (sp->url && sp->url[0] == '#')
            anchor[sp->block] = 1;
        else
            other[sp->block] = 1;
    }
    for (int i = 0; i < bs->n_blocks; i++)
        anchor[i] = anchor[i] && !other[i];
    return anchor;
}

/* A line of several links and nothing else, outside a list: a row of
 * buttons ("Download", "Try it", "Edit on GitHub"), not a reference. */
static int
button_row(const struct block *b)
{
    return b->kind != BK_LI && b->kind != BK_HEADING && b->n_links >= 2 &&
           b->link_chars * 10 >= b->chars * 9;
}

/* Whether text t begins with one of the phrases, in any case, followed
 * by something that is not a letter. */
static int
starts_with_phrase(const char *t, const char *const *phrases)
{
    for (int k = 0; phrases[k]; k++) {
        size_t n = strlen(phrases[k]);
        if (!strncasecmp(t, phrases[k], n) &&
            !((t[n] | 0x20) >= 'a' && (t[n] | 0x20) <= 'z'))
            return 1;
    }
    return 0;
}

/* Text that is all one link and names the neighbouring page: the
 * previous/next links at the foot of a chapter. */
static int
sibling_link(const struct blocks *bs, const struct block *b)
{
    static const char *const words[] = {"previous", "prev", "next", NULL};
    if (!b->chars || b->link_chars < b->chars || b->n_links > 1)
        return 0;
    const char *t = block_text(bs, b);
    while (*t && !((*t | 0x20) >= 'a' && (*t | 0x20) <= 'z'))
        t++;
    return starts_with_phrase(t, words);
}

/* The label of an on-page table of contents: "On this page",
 * "Contents", "In this article", with or without a colon. */
static int
contents_label(const struct blocks *bs, const struct block *b)
{
    static const char *const labels[] = {
        "on this page", "contents", "table of contents", "in this article",
        "in this page", "page contents", NULL
    };
    const char *t = block_text(bs, b);
    size_t n = b->text_len;
    while (n && (t[n - 1] == ':' || t[n - 1] == ' '))
        n--;
    for (int k = 0; labels[k]; k++)
        if (strlen(labels[k]) == n && !strncasecmp(t, labels[k], n))
            return 1;
    return 0;
}

/* A line of the page's upkeep that manuals set under the text: when it
 * was last changed, where to edit it, whether it helped. */
static int
upkeep_line(const struct blocks *bs, const struct block *b)
{
    static const char *const leads[] = {
        "this page was last modified", "this page was last updated",
        "this page was last edited", "last modified", "last updated",
        "last edited", "page last updated", "page last modified",
        "edit this page", "edit on github", "improve this page",
        "was this page helpful", "did this page help", NULL
    };
    return b->chars < UPKEEP_MAX_CHARS &&
           starts_with_phrase(block_text(bs, b), leads);
}

/* Whether the first block after i with text is kept. */
static int
next_kept(const struct blocks *bs, const struct score_result *sc, int i)
{
    for (int j = i + 1; j < bs->n_blocks; j++)
        if (bs->blocks[j].chars)
            return sc->keep[j];
    return 0;
}

int
pick_docs(struct arena *a, const struct pick_input *in,
          struct score_result *sc)
{
    const struct blocks *bs = in->bs;
    if (!sc->selected || !sc->reason)
        return 0;
    uint8_t *toc = in_page_links(a, bs);
    if (!toc)
        return -1;
    int changed = 0;
    /* The text's own header: its prose comes back; its title, its
     * links and its badges stay out.  Beside the container, above the
     * text only. */
    int top = header_top(bs, sc->main_elem);
    int header_end = top == sc->main_elem
                         ? bs->n_blocks
                         : bs->elems[sc->main_elem].end_block;
    for (int i = 0; i < header_end; i++) {
        const struct block *b = &bs->blocks[i];
        if (sc->keep[i] || !sc->reason[i] ||
            strcmp(sc->reason[i], "unlikely class or id") ||
            b->kind == BK_HEADING || b->link_chars * 2 >= b->chars ||
            !in_text_header(bs, i, top))
            continue;
        sc->keep[i] = 1;
        sc->reason[i] = "documentation: the header of the text";
        changed = 1;
    }
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        const char *why = NULL;
        if (sc->keep[i] || !sc->selected[i] ||
            !(why = overruling(sc->reason[i])))
            continue;
        /* A list whose links all lead into the page is its contents. */
        if (b->link_chars && toc[i])
            continue;
        if (in_frame(bs, i, sc->main_elem))
            continue;
        if (button_row(b))
            continue;
        /* Of a box the scorer found too linked, only the text that is
         * mostly words: a paragraph that cites, a signature with a link
         * to its source; its lists of links stay out. */
        if (!strcmp(sc->reason[i], "link density") &&
            b->link_chars * 2 >= b->chars)
            continue;
        /* A heading comes back with the list it introduces (below). */
        if (b->kind == BK_HEADING || !strncmp(why, HEADING_WHY,
                                               strlen(HEADING_WHY)))
            continue;
        sc->keep[i] = 1;
        sc->reason[i] = why;
        changed = 1;
    }
    /* Backwards, so that a heading over a heading that came back comes
     * back too. */
    for (int i = bs->n_blocks - 1; i >= 0; i--) {
        const char *why = NULL;
        if (sc->keep[i] || !sc->selected[i] ||
            !(why = overruling(sc->reason[i])) ||
            in_frame(bs, i, sc->main_elem) || !next_kept(bs, sc, i) ||
            contents_label(bs, &bs->blocks[i]))
            continue;
        if (bs->blocks[i].kind != BK_HEADING &&
            strncmp(why, HEADING_WHY, strlen(HEADING_WHY)))
            continue;
        sc->keep[i] = 1;
        sc->reason[i] = why;
        changed = 1;
    }
    /* What documentation pages add around the text: links to the
     * neighbouring pages, the label of a contents list that went. */
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        if (!sc->keep[i])
            continue;
        if (sibling_link(bs, b)) {
            sc->keep[i] = 0;
            sc->reason[i] = "documentation: link to a neighbouring page";
            changed = 1;
        } else if (contents_label(bs, b) && !next_kept(bs, sc, i)) {
            sc->keep[i] = 0;
            sc->reason[i] = "documentation: label of the contents";
            changed = 1;
        }
    }
    /* Backwards from the end of the text: the lines of its upkeep, up to
     * the last line of the text itself. */
    for (int i = bs->n_blocks - 1; i >= 0; i--) {
        if (!sc->keep[i])
            continue;
        if (!upkeep_line(bs, &bs->blocks[i]))
            break;
        sc->keep[i] = 0;
        sc->reason[i] = "documentation: upkeep of the page";
        changed = 1;
    }
    if (changed)
        pick_recount(bs, sc);
    return 0;
}
