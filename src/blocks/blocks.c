/*
 * Tree -> element table and text blocks; see blocks.h.
 *
 * The walk is a loop over parent, child and sibling links with an explicit
 * owner stack, never recursion: pages nest 100 000 deep.  Elements deeper
 * than PITH_MAX_DEPTH are treated as inline, so their text joins the block
 * of the ancestor at the cap.  What can never be read (scripts, styles,
 * form controls, hidden elements) is skipped with its whole subtree here;
 * every other judgement is left to the scorer, which sees the flags.
 */
#include "blocks/blocks.h"
#include "blocks/shown.h"

#include "arena.h"
#include "buf.h"
#include "dom/dom.h"
#include "limits.h"
#include "blocks/names.h"
#include "blocks/paths.h"

#include <gumbo.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------ tag classes */

enum tag_class {
    TC_BLOCK = 0, /* a block boundary: its text is a block of its own */
    TC_INLINE,    /* text flows through into the enclosing block */
    TC_SKIP       /* never read, with everything inside */
};

static const unsigned char tag_class[GUMBO_TAG_LAST + 1] = {
    [GUMBO_TAG_SCRIPT] = TC_SKIP, [GUMBO_TAG_STYLE] = TC_SKIP,
    [GUMBO_TAG_TEMPLATE] = TC_SKIP,
    [GUMBO_TAG_SVG] = TC_SKIP, [GUMBO_TAG_MATH] = TC_SKIP,
    [GUMBO_TAG_IFRAME] = TC_SKIP, [GUMBO_TAG_FRAME] = TC_SKIP,
    [GUMBO_TAG_FRAMESET] = TC_SKIP, [GUMBO_TAG_OBJECT] = TC_SKIP,
    [GUMBO_TAG_EMBED] = TC_SKIP, [GUMBO_TAG_CANVAS] = TC_SKIP,
    [GUMBO_TAG_VIDEO] = TC_SKIP, [GUMBO_TAG_AUDIO] = TC_SKIP,
    [GUMBO_TAG_MAP] = TC_SKIP, [GUMBO_TAG_SELECT] = TC_SKIP,
    [GUMBO_TAG_OPTION] = TC_SKIP, [GUMBO_TAG_OPTGROUP] = TC_SKIP,
    [GUMBO_TAG_DATALIST] = TC_SKIP, [GUMBO_TAG_BUTTON] = TC_SKIP,
    [GUMBO_TAG_INPUT] = TC_SKIP, [GUMBO_TAG_TEXTAREA] = TC_SKIP,
    [GUMBO_TAG_HEAD] = TC_SKIP, [GUMBO_TAG_TITLE] = TC_SKIP,
    [GUMBO_TAG_SOURCE] = TC_SKIP, [GUMBO_TAG_TRACK] = TC_SKIP,
    [GUMBO_TAG_PARAM] = TC_SKIP, [GUMBO_TAG_PROGRESS] = TC_SKIP,
    [GUMBO_TAG_METER] = TC_SKIP, [GUMBO_TAG_LABEL] = TC_SKIP,
    [GUMBO_TAG_OUTPUT] = TC_SKIP, [GUMBO_TAG_APPLET] = TC_SKIP,
    [GUMBO_TAG_AREA] = TC_SKIP, [GUMBO_TAG_KEYGEN] = TC_SKIP,
    [GUMBO_TAG_BASE] = TC_SKIP, [GUMBO_TAG_LINK] = TC_SKIP,
    [GUMBO_TAG_META] = TC_SKIP, [GUMBO_TAG_NOFRAMES] = TC_SKIP,
    [GUMBO_TAG_NOEMBED] = TC_SKIP, [GUMBO_TAG_RP] = TC_SKIP,
    [GUMBO_TAG_RT] = TC_SKIP,
    [GUMBO_TAG_A] = TC_INLINE, [GUMBO_TAG_ABBR] = TC_INLINE,
    [GUMBO_TAG_ACRONYM] = TC_INLINE, [GUMBO_TAG_B] = TC_INLINE,
    [GUMBO_TAG_BDI] = TC_INLINE, [GUMBO_TAG_BDO] = TC_INLINE,
    [GUMBO_TAG_BIG] = TC_INLINE, [GUMBO_TAG_BLINK] = TC_INLINE,
    [GUMBO_TAG_CITE] = TC_INLINE, [GUMBO_TAG_CODE] = TC_INLINE,
    [GUMBO_TAG_DATA] = TC_INLINE, [GUMBO_TAG_DEL] = TC_INLINE,
    [GUMBO_TAG_DFN] = TC_INLINE, [GUMBO_TAG_EM] = TC_INLINE,
    [GUMBO_TAG_FONT] = TC_INLINE, [GUMBO_TAG_I] = TC_INLINE,
    [GUMBO_TAG_IMG] = TC_INLINE, [GUMBO_TAG_IMAGE] = TC_INLINE,
    [GUMBO_TAG_INS] = TC_INLINE, [GUMBO_TAG_KBD] = TC_INLINE,
    [GUMBO_TAG_MARK] = TC_INLINE, [GUMBO_TAG_NOBR] = TC_INLINE,
    [GUMBO_TAG_Q] = TC_INLINE, [GUMBO_TAG_RUBY] = TC_INLINE,
    [GUMBO_TAG_RB] = TC_INLINE, [GUMBO_TAG_RTC] = TC_INLINE,
    [GUMBO_TAG_S] = TC_INLINE, [GUMBO_TAG_SAMP] = TC_INLINE,
    [GUMBO_TAG_SMALL] = TC_INLINE, [GUMBO_TAG_SPAN] = TC_INLINE,
    [GUMBO_TAG_STRIKE] = TC_INLINE, [GUMBO_TAG_STRONG] = TC_INLINE,
    [GUMBO_TAG_SUB] = TC_INLINE, [GUMBO_TAG_SUP] = TC_INLINE,
    [GUMBO_TAG_TIME] = TC_INLINE, [GUMBO_TAG_TT] = TC_INLINE,
    [GUMBO_TAG_U] = TC_INLINE, [GUMBO_TAG_VAR] = TC_INLINE,
    [GUMBO_TAG_WBR] = TC_INLINE, [GUMBO_TAG_BR] = TC_INLINE,
    [GUMBO_TAG_MARQUEE] = TC_INLINE,
};

/* The class of an element; tags Gumbo does not know are looked up by
 * name: a closed <dialog> is hidden, <picture> wraps an image, and custom
 * elements are containers. */
static int
tag_class_of(const GumboNode *n)
{
    GumboTag tag = n->v.element.tag;
    if (tag != GUMBO_TAG_UNKNOWN)
        return tag < GUMBO_TAG_LAST ? tag_class[tag] : TC_BLOCK;
    char name[16];
    dom_tag_name(n, name, sizeof name);
    if (!strcmp(name, "dialog"))
        return dom_attr(n, "open") ? TC_BLOCK : TC_SKIP;
    if (!strcmp(name, "picture"))
        return TC_INLINE;
    return TC_BLOCK;
}

/* ------------------------------------------------------------ the walker */

/* Inline elements tracked at once for Markdown; deeper nesting of <b>,
 * <i> and <a> loses only the markup, never text. */
#define MAX_OPEN_INLINE 32

struct walker {
    struct arena *arena;
    struct elem *elems;
    int n_elems, cap_elems;
    const GumboNode **nodes; /* per element: its node, for the walk only */
    int cap_nodes;
    struct block *blocks;
    int n_blocks, cap_blocks;
    struct buf text;    /* all blocks; the open block is its tail */
    int oom;

    /* The open block. */
    size_t cur_start;
    int cur_owner;
    uint32_t cur_chars, cur_link_chars, cur_commas, cur_stops, cur_links;
    uint32_t cur_fine_chars, cur_time_chars;
    int pending_space;

    /* Context. */
    int owners[PITH_MAX_DEPTH + 1]; /* the boundary elements, innermost last */
    int n_owners;
    int depth;          /* element depth of the walk */
    int in_link;        /* inside this many <a href> */
    int in_fine;        /* inside this many small-print or italic tags */
    int in_time;        /* inside this many <time> */
    int verbatim;       /* inside <pre>: keep white space */
    int inline_only;    /* inside pre or a data-table row: no boundaries */
    int row_cells;      /* cells seen in the open data-table row */
    int quote_depth;
    int list_depth;
    unsigned ordered_bits; /* bit i: list level i+1 is an <ol> */
    int body_elem;

    /* Inline markup (the side table of blocks.h): what is closed, and the
     * elements still open, with where their text starts. */
    struct inline_span *spans;
    int n_spans, cap_spans;
    int block_spans;    /* the open block's first span */
    struct {
        const GumboNode *node;
        uint8_t kind;
        size_t start;
    } open[MAX_OPEN_INLINE];
    int n_open;
    int row_th;         /* the open data row has only <th> cells so far */
    int row_in_thead;
};

static int
grow(void **arr, int *cap, size_t size)
{
    int ncap = *cap ? *cap * 2 : 256;
    void *p = realloc(*arr, (size_t)ncap * size);
    if (!p)
        return -1;
    *arr = p;
    *cap = ncap;
    return 0;
}

static int
is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Counts punctuation that marks clauses (commas) and sentence ends at the
 * start of s; returns the bytes of the character. */
static size_t
punct(const unsigned char *s, size_t n, uint32_t *commas, uint32_t *stops)
{
    unsigned char c = s[0];
    if (c == ',') {
        (*commas)++;
    } else if (c == '.' || c == '!' || c == '?') {
        (*stops)++;
    } else if (c == 0xE3 && n >= 3 && s[1] == 0x80) {
        if (s[2] == 0x81)
            (*commas)++; /* 、 */
        else if (s[2] == 0x82)
            (*stops)++;  /* 。 */
    } else if (c == 0xEF && n >= 3 && s[1] == 0xBC) {
        if (s[2] == 0x8C)
            (*commas)++; /* ， */
        else if (s[2] == 0x81 || s[2] == 0x9F)
            (*stops)++;  /* ！ ？ */
    } else if (c == 0xD8 && n >= 2 && s[1] == 0x8C) {
        (*commas)++;     /* Arabic comma */
    }
    return 1;
}

/* The length of the invisible character at p (soft hyphen, zero-width
 * space, joiners, word joiner, BOM, Mongolian vowel separator), which
 * the output drops (normalize.c), or 0.  They are left out of the block
 * here already, so that megabytes of them never fill its cap ahead of
 * the text that follows. */
static size_t
invisible_at(const unsigned char *p, const unsigned char *end)
{
    size_t n = (size_t)(end - p);
    if (p[0] == 0xC2)
        return n >= 2 && p[1] == 0xAD ? 2 : 0;
    if (n < 3 || (p[0] != 0xE2 && p[0] != 0xEF && p[0] != 0xE1))
        return 0;
    if ((p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x8B && p[2] <= 0x8D) ||
        (p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0xA0) ||
        (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) ||
        (p[0] == 0xE1 && p[1] == 0xA0 && p[2] == 0x8E))
        return 3;
    return 0;
}

/* Adds the run of ASCII bytes other than white space at p as the
 * byte-at-a-time loop of add_text() would, and returns its length; or 0,
 * leaving it to that loop, when the buffer has failed or might reach its
 * maximum midway.  Most text is such runs: this is the loop's hot path. */
static size_t
add_ascii_run(struct walker *w, const unsigned char *p,
              const unsigned char *end)
{
    size_t n = 0;
    while (p + n < end && p[n] < 0x80 && !is_ws(p[n]))
        n++;
    struct buf *t = &w->text;
    if (t->failed || t->len + n > t->max)
        return 0;
    /* Past the block's cap the loop drops each byte. */
    size_t used = t->len - w->cur_start, room = 0;
    if (used < PITH_MAX_BLOCK_BYTES)
        room = PITH_MAX_BLOCK_BYTES - used;
    size_t take = n < room ? n : room;
    if (take)
        buf_append(t, p, take);
    w->cur_chars += (uint32_t)take;
    if (w->in_link)
        w->cur_link_chars += (uint32_t)take;
    if (w->in_fine)
        w->cur_fine_chars += (uint32_t)take;
    if (w->in_time)
        w->cur_time_chars += (uint32_t)take;
    /* What punct() counts of ASCII. */
    for (size_t i = 0; i < take; i++) {
        if (p[i] == ',')
            w->cur_commas++;
        else if (p[i] == '.' || p[i] == '!' || p[i] == '?')
            w->cur_stops++;
    }
    return n;
}

static void
add_text(struct walker *w, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    struct buf *t = &w->text;
    while (p < end) {
        unsigned char c = *p;
        int space = is_ws(c) || (c == 0xC2 && p + 1 < end && p[1] == 0xA0);
        if (space && !w->verbatim) {
            p += (c == 0xC2) ? 2 : 1;
            if (t->len > w->cur_start && t->data[t->len - 1] != '\n')
                w->pending_space = 1;
            continue;
        }
        size_t skip = c >= 0xC2 ? invisible_at(p, end) : 0;
        if (skip) {
            p += skip;
            continue;
        }
        if (w->pending_space) {
            buf_putc(t, ' ');
            w->pending_space = 0;
        }
        size_t run = !space && c < 0x80 ? add_ascii_run(w, p, end) : 0;
        if (run) {
            p += run;
            continue;
        }
        if (w->verbatim && space) {
            if (c == 0xC2) {
                buf_putc(t, ' ');
                p += 2;
            } else {
                buf_putc(t, c == '\r' ? '\n' : (char)c);
                p++;
            }
            continue;
        }
        /* The block's cap drops whole characters, never the tail of
         * one: a lead byte goes in only with room for its sequence. */
        size_t seq = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3
                   : (c & 0xC0) == 0xC0 ? 2 : 1;
        if (t->len - w->cur_start + seq > PITH_MAX_BLOCK_BYTES) {
            p++;
            while (p < end && (*p & 0xC0) == 0x80)
                p++;
            continue;
        }
        if ((c & 0xC0) != 0x80) {
            w->cur_chars++;
            if (w->in_link)
                w->cur_link_chars++;
            if (w->in_fine)
                w->cur_fine_chars++;
            if (w->in_time)
                w->cur_time_chars++;
            punct(p, (size_t)(end - p), &w->cur_commas, &w->cur_stops);
        }
        buf_putc(t, (char)c);
        p++;
    }
}

static int
owner(const struct walker *w)
{
    return w->n_owners ? w->owners[w->n_owners - 1] : -1;
}

static enum block_kind
kind_of(const struct walker *w, int e, uint8_t *level)
{
    *level = 0;
    if (e < 0)
        return BK_DIVTEXT;
    switch (w->elems[e].tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_ADDRESS:
        return BK_PARA;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        *level = (uint8_t)(w->elems[e].tag - GUMBO_TAG_H1 + 1);
        return BK_HEADING;
    case GUMBO_TAG_LI:
        *level = (uint8_t)(w->list_depth ? w->list_depth : 1);
        return BK_LI;
    case GUMBO_TAG_PRE:
        return BK_PRE;
    case GUMBO_TAG_BLOCKQUOTE:
        return BK_QUOTE;
    case GUMBO_TAG_TR:
        return BK_ROW;
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
        return BK_CAPTION;
    default:
        return BK_DIVTEXT;
    }
}

/* ------------------------------------------------------------ inline */

static void
add_span(struct walker *w, uint8_t kind, size_t start, size_t end,
         const char *url, const char *alt)
{
    if (w->n_spans == w->cap_spans &&
        grow((void **)&w->spans, &w->cap_spans, sizeof *w->spans)) {
        w->oom = 1;
        return;
    }
    struct inline_span *sp = &w->spans[w->n_spans++];
    memset(sp, 0, sizeof *sp);
    sp->block = -1;
    sp->start = (uint32_t)start;
    sp->end = (uint32_t)end;
    sp->kind = kind;
    sp->url = url;
    sp->alt = alt;
}

static void
open_inline(struct walker *w, const GumboNode *n, uint8_t kind)
{
    if (w->n_open == MAX_OPEN_INLINE)
        return;
    w->open[w->n_open].node = n;
    w->open[w->n_open].kind = kind;
    w->open[w->n_open].start = w->text.len;
    w->n_open++;
}

static void
close_inline(struct walker *w, const GumboNode *n)
{
    if (!w->n_open || w->open[w->n_open - 1].node != n)
        return;
    w->n_open--;
    size_t start = w->open[w->n_open].start;
    if (w->text.len > start && start >= w->cur_start)
        add_span(w, w->open[w->n_open].kind, start, w->text.len,
                 w->open[w->n_open].kind == IK_CELL ? NULL
                                                     : dom_attr(n, "href"),
                 NULL);
}

/* At the end of a block: the spans still open end with it and go on in
 * the next; the block's spans become relative to its text, or, when the
 * block is dropped, go (images excepted, which wait for the next block). */
static void
settle_spans(struct walker *w, int kept, size_t text_len)
{
    for (int i = 0; i < w->n_open; i++) {
        size_t st = w->open[i].start;
        if (kept && st < w->cur_start + text_len && st >= w->cur_start &&
            w->open[i].kind != IK_CELL)
            add_span(w, w->open[i].kind, st, w->cur_start + text_len,
                     dom_attr(w->open[i].node, "href"), NULL);
    }
    int out = w->block_spans;
    for (int i = w->block_spans; i < w->n_spans; i++) {
        struct inline_span sp = w->spans[i];
        if (!kept && sp.kind != IK_IMAGE)
            continue;
        if (kept) {
            sp.block = w->n_blocks - 1;
            sp.start = sp.start > w->cur_start ? sp.start - (uint32_t)w->cur_start : 0;
            sp.end = sp.end > w->cur_start ? sp.end - (uint32_t)w->cur_start : 0;
            if (sp.start > text_len)
                sp.start = (uint32_t)text_len;
            if (sp.end > text_len)
                sp.end = (uint32_t)text_len;
        } else {
            sp.block = -1;
            sp.owner = w->cur_owner;
            sp.next_block = w->n_blocks;
            sp.start = sp.end = 0;
        }
        w->spans[out++] = sp;
    }
    w->n_spans = out;
}

/* A script's state serialised into the page as text ({"key":...} in a
 * hidden div a script reads): data, never prose.  JSON shown to readers
 * sits in <pre>, a paragraph or a table cell, which stay. */
#define SCRIPT_DATA_MIN_BYTES 40

static int
script_data(const char *s, size_t n, int kind)
{
    if (kind != BK_DIVTEXT || n < SCRIPT_DATA_MIN_BYTES)
        return 0;
    int object = s[0] == '{' && s[1] == '"' && s[n - 1] == '}';
    int array = s[0] == '[' && s[1] == '{' && s[2] == '"' && s[n - 1] == ']';
    return object || array;
}

/* Closes the open block: kept when it holds any visible character. */
static void
flush(struct walker *w)
{
    struct buf *t = &w->text;
    uint8_t level;
    int kind;
    w->pending_space = 0;
    /* Trim trailing newlines from <br> and verbatim white space. */
    while (t->len > w->cur_start &&
           (t->data[t->len - 1] == '\n' || t->data[t->len - 1] == ' '))
        t->len--;
    if (w->cur_chars == 0 || t->len == w->cur_start) {
        t->len = w->cur_start;
        settle_spans(w, 0, 0);
        goto reset;
    }
    kind = kind_of(w, w->cur_owner, &level);
    if (w->n_blocks >= PITH_MAX_BLOCKS || /* full: dropped like empty */
        script_data(t->data + w->cur_start, t->len - w->cur_start, kind)) {
        t->len = w->cur_start;
        settle_spans(w, 0, 0);
        goto reset;
    }
    if (w->n_blocks == w->cap_blocks &&
        grow((void **)&w->blocks, &w->cap_blocks, sizeof *w->blocks)) {
        w->oom = 1;
        goto reset;
    }
    struct block *b = &w->blocks[w->n_blocks++];
    memset(b, 0, sizeof *b);
    b->elem = w->cur_owner;
    b->text_off = (uint32_t)w->cur_start;
    b->text_len = (uint32_t)(t->len - w->cur_start);
    b->chars = w->cur_chars;
    b->link_chars = w->cur_link_chars;
    b->fine_chars = w->cur_fine_chars;
    b->time_chars = w->cur_time_chars;
    b->commas = (uint16_t)(w->cur_commas > 65535 ? 65535 : w->cur_commas);
    b->stops = (uint16_t)(w->cur_stops > 65535 ? 65535 : w->cur_stops);
    b->n_links = (uint16_t)(w->cur_links > 65535 ? 65535 : w->cur_links);
    b->kind = (uint8_t)kind;
    b->level = level;
    b->ordered = b->kind == BK_LI && w->list_depth > 0 &&
                 w->list_depth <= 32 &&
                 (w->ordered_bits >> (w->list_depth - 1) & 1);
    b->quote_depth = (uint8_t)(w->quote_depth > 255 ? 255 : w->quote_depth);
    b->header = b->kind == BK_ROW && (w->row_in_thead || w->row_th);
    settle_spans(w, 1, b->text_len);
    buf_putc(t, '\0');
reset:
    w->block_spans = w->n_spans;
    for (int i = 0; i < w->n_open; i++)
        w->open[i].start = t->len;
    w->cur_start = t->len;
    w->cur_owner = owner(w);
    w->cur_chars = w->cur_link_chars = w->cur_commas = 0;
    w->cur_fine_chars = w->cur_time_chars = 0;
    w->cur_stops = w->cur_links = 0;
}

/* <br>: a line break inside the block; two in a row end the block. */
static void
line_break(struct walker *w)
{
    struct buf *t = &w->text;
    w->pending_space = 0;
    if (t->len == w->cur_start)
        return;
    if (t->data[t->len - 1] == '\n' && !w->verbatim) {
        flush(w);
        return;
    }
    buf_putc(t, '\n');
}

/* ------------------------------------------------------------ attributes */

static int
attr_is(const GumboNode *n, const char *name, const char *value)
{
    const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes,
                                                  name);
    return a && strcasecmp(a->value, value) == 0;
}

/* A segment of a page streamed in pieces (React's server rendering):
 * the text of a slow part comes last in a <div hidden id="S:1c">, and a
 * script of the page moves it into its place (a <template id="B:1c">)
 * as soon as it is read.  Readers see it: it is not hidden. */
static int
streamed_segment(const GumboNode *n)
{
    if (n->v.element.tag != GUMBO_TAG_DIV)
        return 0;
    const GumboAttribute *id = gumbo_get_attribute(&n->v.element.attributes,
                                                   "id");
    if (!id || id->value[0] != 'S' || id->value[1] != ':' || !id->value[2])
        return 0;
    for (const char *c = id->value + 2; *c; c++)
        if (!isalnum((unsigned char)*c))
            return 0;
    return 1;
}

/* Hidden from every reader: the hidden attribute, aria-hidden, inline
 * display:none or visibility:hidden, and screen-reader-only text. */
static int
hidden_attrs(const GumboNode *n)
{
    const GumboVector *attrs = &n->v.element.attributes;
    for (unsigned i = 0; i < attrs->length; i++) {
        const GumboAttribute *a = attrs->data[i];
        const char *nm = a->name;
        if (strcmp(nm, "hidden") == 0) {
            if (streamed_segment(n))
                continue;
            return 1;
        }
        if (strcmp(nm, "aria-hidden") == 0 &&
            strcasecmp(a->value, "true") == 0)
            return 1;
        if (strcmp(nm, "style") == 0 && dom_style_hides(a->value))
            return 1;
        if (strcmp(nm, "class") == 0 && names_screen_reader_only(a->value))
            return 1;
    }
    return 0;
}

/* Hidden, and not shown to readers all the same (shown.h). */
static int
is_hidden(const GumboNode *n)
{
    return hidden_attrs(n) && !shown_anyway(n);
}

/* A table of data (kept row by row) rather than one used for layout. */
static int
table_is_data(const GumboNode *table)
{
    if (attr_is(table, "role", "presentation") ||
        attr_is(table, "role", "none") || attr_is(table, "datatable", "0"))
        return 0;
    int rows = 0, max_cols = 0, has_th = 0, block_cells = 0, cells = 0;
    int header = gumbo_get_attribute(&table->v.element.attributes,
                                     "summary") != NULL;
    const GumboVector *kids = &table->v.element.children;
    for (unsigned i = 0; i < kids->length; i++) {
        const GumboNode *sect = kids->data[i];
        if (sect->type != GUMBO_NODE_ELEMENT)
            continue;
        GumboTag st = sect->v.element.tag;
        if (st == GUMBO_TAG_CAPTION || st == GUMBO_TAG_THEAD ||
            st == GUMBO_TAG_COLGROUP || st == GUMBO_TAG_COL ||
            st == GUMBO_TAG_TFOOT)
            header = 1;
        if (st != GUMBO_TAG_TBODY && st != GUMBO_TAG_THEAD &&
            st != GUMBO_TAG_TFOOT)
            continue;
        const GumboVector *trs = &sect->v.element.children;
        for (unsigned j = 0; j < trs->length; j++) {
            const GumboNode *tr = trs->data[j];
            if (tr->type != GUMBO_NODE_ELEMENT ||
                tr->v.element.tag != GUMBO_TAG_TR)
                continue;
            rows++;
            int cols = 0;
            const GumboVector *tds = &tr->v.element.children;
            for (unsigned k = 0; k < tds->length; k++) {
                const GumboNode *td = tds->data[k];
                if (td->type != GUMBO_NODE_ELEMENT)
                    continue;
                if (td->v.element.tag == GUMBO_TAG_TH)
                    has_th = 1;
                cols++;
                cells++;
                const GumboVector *in = &td->v.element.children;
                for (unsigned m = 0; m < in->length; m++) {
                    const GumboNode *c = in->data[m];
                    if (c->type != GUMBO_NODE_ELEMENT)
                        continue;
                    GumboTag ct = c->v.element.tag;
                    if (ct == GUMBO_TAG_TABLE)
                        return 0;
                    if (tag_class_of(c) == TC_BLOCK &&
                        ct != GUMBO_TAG_HR) {
                        block_cells++;
                        break;
                    }
                }
            }
            if (cols > max_cols)
                max_cols = cols;
        }
    }
    if (rows < 2 || max_cols < 2)
        return 0;
    /* Cells holding paragraphs or lists are layout, whatever the markup
     * says. */
    if (block_cells * 3 > cells)
        return 0;
    if (has_th || header)
        return 1;
    return rows >= 10 || max_cols > 4 || rows * max_cols > 10;
}

/* Small print and italics, as captions and credits are set. */
static int
is_fine_print(const GumboNode *n)
{
    switch (n->v.element.tag) {
    case GUMBO_TAG_SMALL: case GUMBO_TAG_I: case GUMBO_TAG_EM:
        return 1;
    case GUMBO_TAG_FONT: {
        const char *size = dom_attr(n, "size");
        return size && (size[0] == '1' || size[0] == '-');
    }
    default:
        return 0;
    }
}

/* ------------------------------------------------------------ elements */

static int
new_elem(struct walker *w, GumboNode *n)
{
    if (w->n_elems >= PITH_MAX_ELEMENTS)
        return -1; /* the table is full: skipped, the walk goes on */
    if (w->n_elems == w->cap_elems &&
        grow((void **)&w->elems, &w->cap_elems, sizeof *w->elems)) {
        w->oom = 1;
        return -1;
    }
    if (w->n_elems == w->cap_nodes &&
        grow((void **)&w->nodes, &w->cap_nodes, sizeof *w->nodes)) {
        w->oom = 1;
        return -1;
    }
    int i = w->n_elems++;
    struct elem *e = &w->elems[i];
    memset(e, 0, sizeof *e);
    w->nodes[i] = n;
    /* Where the element's start tag is in the parsed text, for a view of
     * the page as it came; an element the parser implied has none. */
    e->src_off = (uint32_t)n->v.element.start_pos.offset;
    e->src_len = (uint32_t)n->v.element.original_tag.length;
    e->parent = owner(w);
    e->tag = (uint16_t)n->v.element.tag;
    e->depth = (uint16_t)w->depth;
    e->first_block = w->n_blocks;
    const GumboVector *kids = &n->v.element.children;
    unsigned nk = 0;
    for (unsigned k = 0; k < kids->length && nk < 65535; k++)
        if (((const GumboNode *)kids->data[k])->type == GUMBO_NODE_ELEMENT)
            nk++;
    e->n_children = (uint16_t)nk;
    names_classify(n, e);
    return i;
}

static void
count_on_owner(struct walker *w, GumboTag tag)
{
    int o = owner(w);
    if (o < 0)
        return;
    struct elem *e = &w->elems[o];
    if (tag == GUMBO_TAG_IMG)
        e->n_img++;
    else if (tag == GUMBO_TAG_INPUT || tag == GUMBO_TAG_SELECT ||
             tag == GUMBO_TAG_TEXTAREA || tag == GUMBO_TAG_BUTTON)
        e->n_input++;
    else if (tag == GUMBO_TAG_IFRAME || tag == GUMBO_TAG_EMBED ||
             tag == GUMBO_TAG_OBJECT || tag == GUMBO_TAG_VIDEO)
        e->n_embed++;
}

enum action { DESCEND, LEAF, SKIPPED };

/* A line of code that a highlighter wrapped in its own element
 * (<span class="line">) and that its style sets on a line of its own:
 * some pages write no newline between such lines, and their words would
 * run together.  Starts a new line in the verbatim text. */
static void
code_line(struct walker *w, const GumboNode *n)
{
    const char *c = dom_attr(n, "class");
    struct buf *t = &w->text;
    if (!c || t->len == w->cur_start || t->data[t->len - 1] == '\n')
        return;
    for (const char *p = c; (p = strstr(p, "line")) != NULL; p += 4)
        if ((p == c || p[-1] == ' ') && (p[4] == ' ' || p[4] == '\0')) {
            w->pending_space = 0;
            buf_putc(t, '\n');
            return;
        }
}

/* Inline markup for the side table: runs of bold, italic and links,
 * images, and the cells of data rows. */
static void
enter_inline(struct walker *w, const GumboNode *n, GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_B: case GUMBO_TAG_STRONG:
        open_inline(w, n, IK_STRONG);
        break;
    case GUMBO_TAG_I: case GUMBO_TAG_EM:
        open_inline(w, n, IK_EM);
        break;
    case GUMBO_TAG_A:
        if (dom_attr(n, "href"))
            open_inline(w, n, IK_LINK);
        break;
    case GUMBO_TAG_IMG:
        if (dom_attr(n, "src"))
            add_span(w, IK_IMAGE, w->text.len, w->text.len,
                     dom_attr(n, "src"), dom_attr(n, "alt"));
        break;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        if (w->row_cells) {
            if (tag == GUMBO_TAG_TD)
                w->row_th = 0;
            open_inline(w, n, IK_CELL);
        }
        break;
    default:
        break;
    }
}

static enum action
enter(struct walker *w, GumboNode *n)
{
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
        add_text(w, n->v.text.text, strlen(n->v.text.text));
        return LEAF;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE)
        return LEAF;
    GumboTag tag = n->v.element.tag;
    int cls = tag_class_of(n);
    count_on_owner(w, tag);
    if (cls == TC_SKIP || n->type == GUMBO_NODE_TEMPLATE || is_hidden(n))
        return SKIPPED;
    if (tag == GUMBO_TAG_BR) {
        line_break(w);
        return LEAF;
    }
    w->depth++;
    if (cls == TC_INLINE || w->inline_only || w->depth > PITH_MAX_DEPTH) {
        if (tag == GUMBO_TAG_A && dom_attr(n, "href")) {
            w->in_link++;
            w->cur_links++;
        }
        if (is_fine_print(n))
            w->in_fine++;
        if (tag == GUMBO_TAG_TIME)
            w->in_time++;
        if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && w->row_cells++)
            add_text(w, " | ", 3);
        if (w->verbatim)
            code_line(w, n);
        enter_inline(w, n, tag);
        return DESCEND;
    }
    flush(w);
    int e = new_elem(w, n);
    if (e < 0) {
        w->depth--;
        return SKIPPED;
    }
    if (tag == GUMBO_TAG_BODY && !w->body_elem)
        w->body_elem = e;
    if (w->in_link)
        w->elems[e].flags |= EF_LINK_WRAP;
    w->owners[w->n_owners++] = e;
    w->cur_owner = e;
    switch (tag) {
    case GUMBO_TAG_TABLE:
        if (table_is_data(n))
            w->elems[e].flags |= EF_DATA_TABLE;
        break;
    case GUMBO_TAG_TR: {
        /* Rows of a data table are one block each. */
        int p = w->elems[e].parent;
        while (p >= 0 && w->elems[p].tag != GUMBO_TAG_TABLE)
            p = w->elems[p].parent;
        if (p >= 0 && (w->elems[p].flags & EF_DATA_TABLE)) {
            w->inline_only++;
            w->row_cells = 0;
            w->row_th = 1;
            int sect = w->elems[e].parent;
            w->row_in_thead = sect >= 0 &&
                              w->elems[sect].tag == GUMBO_TAG_THEAD;
            w->elems[e].flags |= EF_DATA_TABLE;
        }
        break;
    }
    case GUMBO_TAG_PRE:
        w->verbatim++;
        w->inline_only++;
        break;
    case GUMBO_TAG_BLOCKQUOTE:
        w->quote_depth++;
        break;
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_MENU:
        if (w->list_depth < 32) {
            unsigned bit = 1u << w->list_depth;
            if (tag == GUMBO_TAG_OL)
                w->ordered_bits |= bit;
            else
                w->ordered_bits &= ~bit;
        }
        w->list_depth++;
        break;
    default:
        break;
    }
    return DESCEND;
}

static void
leave(struct walker *w, GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return;
    GumboTag tag = n->v.element.tag;
    int deep = w->depth > PITH_MAX_DEPTH;
    w->depth--;
    int o = owner(w);
    int is_owner = !deep && o >= 0 && w->nodes[o] == n;
    if (!is_owner) {
        if (tag == GUMBO_TAG_A && w->in_link &&
            dom_attr(n, "href"))
            w->in_link--;
        if (w->in_fine && is_fine_print(n))
            w->in_fine--;
        if (w->in_time && tag == GUMBO_TAG_TIME)
            w->in_time--;
        close_inline(w, n);
        return;
    }
    flush(w);
    struct elem *e = &w->elems[o];
    switch (tag) {
    case GUMBO_TAG_TR:
        if (e->flags & EF_DATA_TABLE)
            w->inline_only--;
        break;
    case GUMBO_TAG_PRE:
        w->verbatim--;
        w->inline_only--;
        break;
    case GUMBO_TAG_BLOCKQUOTE:
        w->quote_depth--;
        break;
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_MENU:
        w->list_depth--;
        break;
    default:
        break;
    }
    e->end_elem = w->n_elems;
    e->end_block = w->n_blocks;
    w->n_owners--;
    w->cur_owner = owner(w);
}

/* The walk: enter a node, go down to its first child, and on the way back
 * up leave every element, using only parent and sibling links. */
static void
walk(struct walker *w, GumboNode *root)
{
    GumboNode *n = root;
    enum action act = enter(w, n);
    for (;;) {
        if (act == DESCEND && n->v.element.children.length) {
            n = n->v.element.children.data[0];
            act = enter(w, n);
            continue;
        }
        for (;;) {
            if (act == DESCEND)
                leave(w, n);
            if (n == root || !n->parent)
                return;
            GumboNode *parent = n->parent;
            const GumboVector *kids = parent->type == GUMBO_NODE_DOCUMENT
                                          ? &parent->v.document.children
                                          : &parent->v.element.children;
            size_t next = n->index_within_parent + 1;
            if (next < kids->length) {
                n = kids->data[next];
                act = enter(w, n);
                break;
            }
            n = parent;
            act = DESCEND; /* the parent was entered and is left now */
        }
    }
}

/* ------------------------------------------------------------ totals */

/* Unlinked text of a role=tablist that makes it the panels' box rather
 * than the tabs: a few paragraphs' worth. */
#define TABLIST_PROSE_CHARS 300

static void
sum_up(struct walker *w)
{
    /* Prefix sums of block counts give each subtree's totals at once. */
    size_t nb = (size_t)w->n_blocks + 1;
    uint64_t *chars = calloc(nb, sizeof *chars);
    uint64_t *links = calloc(nb, sizeof *links);
    uint64_t *commas = calloc(nb, sizeof *commas);
    uint64_t *hchars = calloc(nb, sizeof *hchars);
    if (!chars || !links || !commas || !hchars) {
        w->oom = 1;
        goto done;
    }
    for (int i = 0; i < w->n_blocks; i++) {
        const struct block *b = &w->blocks[i];
        chars[i + 1] = chars[i] + b->chars;
        links[i + 1] = links[i] + b->link_chars;
        commas[i + 1] = commas[i] + b->commas;
        hchars[i + 1] = hchars[i] + (b->kind == BK_HEADING ? b->chars : 0);
    }
    for (int i = w->n_elems - 1; i >= 0; i--) {
        struct elem *e = &w->elems[i];
        e->chars = (uint32_t)(chars[e->end_block] - chars[e->first_block]);
        e->link_chars = (uint32_t)(links[e->end_block] -
                                   links[e->first_block]);
        e->n_commas = (uint32_t)(commas[e->end_block] -
                                 commas[e->first_block]);
        e->heading_chars = (uint32_t)(hchars[e->end_block] -
                                      hchars[e->first_block]);
        switch (e->tag) {
        case GUMBO_TAG_P: e->n_p++; break;
        case GUMBO_TAG_LI: e->n_li++; break;
        case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
        case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
            e->n_headings++;
            break;
        default: break;
        }
        /* Its subtree complete: a "tab list" around paragraphs of prose
         * is an accordion marked up with its panels inside (Bootstrap's
         * role=tablist on the panel group), not a strip of tabs. */
        if ((e->flags & EF_TABLIST) && e->n_p &&
            e->chars >= TABLIST_PROSE_CHARS + e->link_chars &&
            e->link_chars * 2 < e->chars)
            e->flags &= ~(uint32_t)EF_NAV_TAG;
        if (e->parent >= 0) {
            struct elem *p = &w->elems[e->parent];
            p->n_p += e->n_p;
            p->n_li += e->n_li;
            p->n_img += e->n_img;
            p->n_input += e->n_input;
            p->n_embed += e->n_embed;
            p->n_headings += e->n_headings;
        }
    }
done:
    free(chars);
    free(links);
    free(commas);
    free(hchars);
}

/* Span URLs and alt texts point into the tree: copied, so that the
 * tree can go once blocks and metadata are read. */
static int
own_span_strings(struct arena *a, struct blocks *out)
{
    for (int i = 0; i < out->n_spans; i++) {
        struct inline_span *sp = &out->spans[i];
        if (sp->url && !(sp->url = arena_strndup(a, sp->url,
                                                 strlen(sp->url))))
            return -1;
        if (sp->alt && !(sp->alt = arena_strndup(a, sp->alt,
                                                 strlen(sp->alt))))
            return -1;
    }
    return 0;
}

int
blocks_build(struct arena *a, GumboNode *root, int want_paths,
             struct blocks *out)
{
    struct walker *w = calloc(1, sizeof *w);
    if (!w)
        return -1;
    w->arena = a;
    buf_init(&w->text, PITH_DEFAULT_MAX_BYTES * 2u);
    w->cur_owner = -1;
    memset(out, 0, sizeof *out);
    if (root)
        walk(w, root);
    flush(w);
    /* Elements left open (a cut walk) end where the walk ended. */
    for (int i = 0; i < w->n_elems; i++)
        if (w->elems[i].end_elem == 0) {
            w->elems[i].end_elem = w->n_elems;
            w->elems[i].end_block = w->n_blocks;
        }
    sum_up(w);
    int rc = -1;
    if (w->oom || buf_failed(&w->text))
        goto done;
    out->n_elems = w->n_elems;
    out->n_blocks = w->n_blocks;
    out->elems = arena_alloc(a, sizeof *w->elems * (size_t)(w->n_elems + 1));
    out->blocks = arena_alloc(a, sizeof *w->blocks * (size_t)(w->n_blocks + 1));
    out->text = arena_strndup(a, w->text.data ? w->text.data : "",
                              w->text.len);
    if (!out->elems || !out->blocks || !out->text)
        goto done;
    if (w->n_elems)
        memcpy(out->elems, w->elems, sizeof *w->elems * (size_t)w->n_elems);
    if (w->n_blocks)
        memcpy(out->blocks, w->blocks,
               sizeof *w->blocks * (size_t)w->n_blocks);
    out->text_len = w->text.len;
    out->body_elem = w->body_elem;
    out->spans = arena_alloc(a, sizeof *w->spans * (size_t)(w->n_spans + 1));
    if (!out->spans)
        goto done;
    if (w->n_spans)
        memcpy(out->spans, w->spans, sizeof *w->spans * (size_t)w->n_spans);
    out->n_spans = w->n_spans;
    if (own_span_strings(a, out) ||
        (want_paths && blocks_paths(a, w->nodes, out)))
        goto done;
    rc = 0;
done:
    free(w->nodes);
    free(w->spans);
    free(w->elems);
    free(w->blocks);
    buf_free(&w->text);
    free(w);
    return rc;
}
