/*
 * assemble_article() and assemble_comments() (src/assemble/assemble.c)
 * on made-up block tables and keep flags: the text joined and
 * normalized, the public blocks' kinds and levels, inline spans mapped
 * onto the normalized text with absolute URLs, images outside blocks,
 * data-table rows left out on request, the JSON-LD rescue and the
 * comment section.  The tables are written by hand, as blocks_build()
 * and refine would fill them, so that assembling is tested apart from
 * the tree and the scorer.
 */
#include "harness.h"

#include "block_table.h"

#include "internal.h"

#include "assemble/assemble.h"
#include "blocks/blocks.h"
#include "refine/refine.h"

#include <gumbo.h>
#include <stdint.h>

#define MAX_ELEMS 64
#define MAX_BLOCKS 64
#define MAX_SPANS 64

#define BASE "https://example.com/news/2024/story.html"

/* A table under construction and the blocks kept of it. */
struct table {
    struct elem elems[MAX_ELEMS];
    struct block blocks[MAX_BLOCKS];
    struct inline_span spans[MAX_SPANS];
    char text[8192];
    size_t text_len;
    struct blocks bs;
    uint8_t keep[MAX_BLOCKS];
    struct score_result sc;
    struct assemble_input in;
};

static void
start(struct table *t)
{
    memset(t, 0, sizeof *t);
    t->bs.elems = t->elems;
    t->bs.blocks = t->blocks;
    t->bs.spans = t->spans;
    t->bs.text = t->text;
    /* Element 0 is the body. */
    t->elems[0].parent = -1;
    t->elems[0].tag = GUMBO_TAG_BODY;
    t->bs.n_elems = 1;
    t->sc.keep = t->keep;
    t->sc.main_elem = -1;
    t->in.bs = &t->bs;
    t->in.sc = &t->sc;
    t->in.base_url = BASE;
}

/* A new element under parent, in document order. */
static int
elem(struct table *t, int parent, GumboTag tag, uint32_t flags)
{
    int i = t->bs.n_elems++;
    t->elems[i].parent = parent;
    t->elems[i].tag = (uint16_t)tag;
    t->elems[i].flags = flags;
    t->elems[i].depth = (uint16_t)(t->elems[parent].depth + 1);
    return i;
}

/* A kept block of element e with its raw text. */
static int
block_of(struct table *t, int e, enum block_kind kind, const char *text)
{
    int i = t->bs.n_blocks++;
    struct block *b = &t->blocks[i];
    size_t len = strlen(text);
    b->elem = e;
    b->kind = (uint8_t)kind;
    b->level = kind == BK_HEADING ? 2 : kind == BK_LI ? 1 : 0;
    b->text_off = (uint32_t)t->text_len;
    b->text_len = (uint32_t)len;
    memcpy(t->text + t->text_len, text, len + 1);
    t->text_len += len + 1;
    t->bs.text_len = t->text_len;
    for (const unsigned char *c = (const unsigned char *)text; *c; c++)
        b->chars += *c > ' ' && (*c & 0xC0) != 0x80;
    t->keep[i] = 1;
    t->sc.kept_chars += b->chars;
    return i;
}

/* A new element under parent with one block of its own. */
static int
add(struct table *t, int parent, GumboTag tag, enum block_kind kind,
    const char *text)
{
    return block_of(t, elem(t, parent, tag, 0), kind, text);
}

/* An inline span of block b over the first occurrence of sub in its raw
 * text.  A block's spans must be added together, in order of their end,
 * as blocks.c records them. */
static void
span(struct table *t, int b, enum inline_kind kind, const char *sub,
     const char *url)
{
    const char *text = block_text(&t->bs, &t->blocks[b]);
    const char *at = strstr(text, sub);
    OK(at != NULL, "table: \"%s\" is not in \"%s\"", sub, text);
    if (!at)
        return;
    struct inline_span *sp = &t->spans[t->bs.n_spans++];
    memset(sp, 0, sizeof *sp);
    sp->block = b;
    sp->start = (uint32_t)(at - text);
    sp->end = sp->start + (uint32_t)strlen(sub);
    sp->kind = (uint8_t)kind;
    sp->url = url;
    sp->owner = -1;
    sp->next_block = -1;
}

/* An image outside every block's text: inside element owner, before
 * block next (which may come later). */
static void
image(struct table *t, int owner, int next, const char *src,
      const char *alt)
{
    struct inline_span *sp = &t->spans[t->bs.n_spans++];
    memset(sp, 0, sizeof *sp);
    sp->block = -1;
    sp->kind = IK_IMAGE;
    sp->url = src;
    sp->alt = alt;
    sp->owner = owner;
    sp->next_block = next;
}

/* Assembles t's article into a new result; *rescued as assemble set it. */
static struct result *
article(struct table *t, int *rescued)
{
    block_table_ranges(&t->bs);
    struct result *r = result_new();
    OK(r != NULL, "out of memory");
    *rescued = 0;
    if (r)
        EQ_INT(assemble_article(r, &t->in, rescued), 0, "assemble_article");
    return r;
}

/* Block i's span k: kind, range and the text it covers. */
static void
check_span(const pith_block *bl, size_t k, pith_span_kind kind, size_t start,
           size_t end, const char *covers, const char *url, const char *what)
{
    OK(k < bl->nspans, "%s: span %zu of %zu", what, k, bl->nspans);
    if (k >= bl->nspans)
        return;
    const pith_span *sp = &bl->spans[k];
    EQ_INT(sp->kind, kind, what);
    EQ_INT(sp->start, start, what);
    EQ_INT(sp->end, end, what);
    OK(sp->end <= bl->len && !strncmp(bl->text + start, covers, end - start) &&
       strlen(covers) == end - start,
       "%s: covers \"%.*s\", want \"%s\"", what, (int)(end - start),
       bl->text + start, covers);
    if (url)
        EQ_STR(sp->url, url, what);
    else
        OK(sp->url == NULL, "%s: url \"%s\"", what, sp->url);
}

static void
check_block(const pith_result *p, size_t i, pith_block_kind kind, int level,
            const char *text, const char *what)
{
    OK(i < p->nblocks, "%s: block %zu of %zu", what, i, p->nblocks);
    if (i >= p->nblocks)
        return;
    const pith_block *bl = &p->blocks[i];
    EQ_INT(bl->kind, kind, what);
    EQ_INT(bl->level, level, what);
    EQ_STR(bl->text, text, what);
    EQ_INT(bl->len, strlen(text), what);
}

/* ------------------------------------------------------------ article */

/* The blocks of the article page below, indexes into its table. */
struct story {
    int head, lead, side, repairs, li1, li2, li3, row1, row2, code;
    int quoted, loose, blank, cafe, creme, map;
};

/* A page with every kind of block, spans, images, a sidebar and a data
 * table. */
static void
story(struct table *t, struct story *s)
{
    start(t);
    int art = elem(t, 0, GUMBO_TAG_ARTICLE, EF_ARTICLE_TAG);
    s->head = add(t, art, GUMBO_TAG_H2, BK_HEADING, "  The\tBudget  ");
    /* Doubled space, NBSP and a zero-width space fold away. */
    s->lead = add(t, art, GUMBO_TAG_P, BK_PARA,
                  "The  council\xC2\xA0" "approved the budget\xE2\x80\x8B on "
                  "Tuesday.\n");
    span(t, s->lead, IK_STRONG, "council", NULL);
    span(t, s->lead, IK_LINK, "the budget", "/news/budget");
    /* A sidebar the article left out, with an image at its end. */
    int aside = elem(t, art, GUMBO_TAG_ASIDE, EF_ASIDE_TAG);
    s->side = add(t, aside, GUMBO_TAG_P, BK_PARA, "Most read");
    t->keep[s->side] = 0;
    t->sc.kept_chars -= t->blocks[s->side].chars;
    int fig = elem(t, art, GUMBO_TAG_FIGURE, EF_FIGURE);
    /* The sidebar's image: its element holds text, the next block is
     * not in it. */
    image(t, aside, 3, "/img/ad.png", "Ad");
    /* A figure without caption between paragraphs: joins the next. */
    image(t, fig, 3, "../img/bridge.png", "  The old\xC2\xA0" "bridge ");
    /* An image before a block that was left out goes nowhere. */
    image(t, fig, s->side, "/img/lost.png", NULL);
    s->repairs = add(t, art, GUMBO_TAG_P, BK_PARA, "Repairs start in May.");
    OK(s->repairs == 3, "table: the images' next block is %d", s->repairs);
    /* Two spans from one start: the longer is the outer one. */
    span(t, s->repairs, IK_EM, "start", NULL);
    span(t, s->repairs, IK_STRONG, "start in May", NULL);
    int ol = elem(t, art, GUMBO_TAG_OL, EF_LIST);
    s->li1 = add(t, ol, GUMBO_TAG_LI, BK_LI, "First");
    t->blocks[s->li1].ordered = 1;
    int li = elem(t, ol, GUMBO_TAG_LI, 0);
    s->li2 = block_of(t, li, BK_LI, "Second");
    t->blocks[s->li2].ordered = 1;
    int ul = elem(t, li, GUMBO_TAG_UL, EF_LIST);
    s->li3 = add(t, ul, GUMBO_TAG_LI, BK_LI, "Inner");
    t->blocks[s->li3].level = 2;
    int table = elem(t, art, GUMBO_TAG_TABLE, EF_DATA_TABLE);
    s->row1 = add(t, table, GUMBO_TAG_TR, BK_ROW, "Year | Cost");
    t->blocks[s->row1].header = 1;
    s->row2 = add(t, table, GUMBO_TAG_TR, BK_ROW, "2024 | 5");
    span(t, s->row2, IK_CELL, "2024", NULL);
    span(t, s->row2, IK_CELL, "5", NULL);
    /* Verbatim: indentation and line breaks stay, markup does not. */
    s->code = add(t, art, GUMBO_TAG_PRE, BK_PRE, "  int x;\n  return x;\n");
    span(t, s->code, IK_LINK, "return", "/doc");
    int bq = elem(t, art, GUMBO_TAG_BLOCKQUOTE, 0);
    s->quoted = add(t, bq, GUMBO_TAG_P, BK_PARA, "Quoted words here.");
    t->blocks[s->quoted].quote_depth = 1;
    s->loose = block_of(t, bq, BK_QUOTE, "Loose quote text.");
    /* Nothing visible: no block and no blank line for it. */
    s->blank = add(t, art, GUMBO_TAG_P, BK_PARA, " \xE2\x80\x8B\xC2\xAD ");
    /* e and a combining acute compose (NFC); the span around both maps,
     * and one ending between them cannot (the block keeps its text). */
    s->cafe = add(t, art, GUMBO_TAG_P, BK_PARA, "Cafe\xCC\x81 au lait");
    span(t, s->cafe, IK_EM, "Cafe\xCC\x81", NULL);
    s->creme = add(t, art, GUMBO_TAG_P, BK_PARA, "Cafe\xCC\x81 cre\xCC\x80me");
    span(t, s->creme, IK_EM, "Cafe", NULL);
    /* Links: javascript: and white space only go, spaces around a link
     * are trimmed, absolute URLs stay as written. */
    s->map = add(t, art, GUMBO_TAG_P, BK_PARA, "See  the  map and more.");
    span(t, s->map, IK_LINK, "See", "javascript:void(0)");
    span(t, s->map, IK_LINK, "  ", "/empty");
    span(t, s->map, IK_LINK, " map ", "other.html");
    span(t, s->map, IK_LINK, "more", "https://other.org/x?a=1");
}

#define STORY_TEXT                                                         \
    "The Budget\n\nThe council approved the budget on Tuesday.\n\n"        \
    "Repairs start in May.\n\nFirst\n\nSecond\n\nInner\n\n"               \
    "Year | Cost\n\n2024 | 5\n\n  int x;\n  return x;\n\n"                \
    "Quoted words here.\n\nLoose quote text.\n\n"                         \
    "Caf\xC3\xA9 au lait\n\nCaf\xC3\xA9 cr\xC3\xA8me\n\n"                 \
    "See the map and more."

static void
test_article(void)
{
    struct table t;
    struct story s;
    story(&t, &s);
    int rescued;
    struct result *r = article(&t, &rescued);
    if (!r)
        return;
    const pith_result *p = &r->pub;
    EQ_STR(p->text, STORY_TEXT, "the article's text");
    EQ_INT(p->text_len, strlen(STORY_TEXT), "its length");
    EQ_INT(rescued, 0, "no rescue");
    EQ_INT(p->nblocks, 14, "blocks");
    check_block(p, 0, PITH_BLOCK_HEADING, 2, "The Budget", "heading");
    check_block(p, 1, PITH_BLOCK_PARAGRAPH, 0,
                "The council approved the budget on Tuesday.", "lead");
    check_block(p, 2, PITH_BLOCK_PARAGRAPH, 0, "Repairs start in May.",
                "repairs");
    check_block(p, 3, PITH_BLOCK_LIST_ITEM, 1, "First", "first item");
    check_block(p, 4, PITH_BLOCK_LIST_ITEM, 1, "Second", "second item");
    check_block(p, 5, PITH_BLOCK_LIST_ITEM, 2, "Inner", "inner item");
    check_block(p, 6, PITH_BLOCK_TABLE_ROW, 0, "Year | Cost", "header row");
    check_block(p, 7, PITH_BLOCK_TABLE_ROW, 0, "2024 | 5", "row");
    check_block(p, 8, PITH_BLOCK_CODE, 0, "  int x;\n  return x;", "code");
    check_block(p, 9, PITH_BLOCK_QUOTE, 0, "Quoted words here.",
                "paragraph in a quote");
    check_block(p, 10, PITH_BLOCK_QUOTE, 0, "Loose quote text.",
                "quote text");
    check_block(p, 11, PITH_BLOCK_PARAGRAPH, 0, "Caf\xC3\xA9 au lait",
                "composed");
    check_block(p, 12, PITH_BLOCK_PARAGRAPH, 0, "Caf\xC3\xA9 cr\xC3\xA8me",
                "composed, span unmapped");
    check_block(p, 13, PITH_BLOCK_PARAGRAPH, 0, "See the map and more.",
                "links");
    if (p->nblocks < 14) {
        pith_result_free(&r->pub);
        return;
    }
    const pith_block *b = p->blocks;
    EQ_INT(b[3].ordered, 1, "first item in an ol");
    EQ_INT(b[4].ordered, 1, "second item in an ol");
    EQ_INT(b[5].ordered, 0, "inner item in a ul");
    EQ_INT(b[6].header, 1, "header row");
    EQ_INT(b[7].header, 0, "body row");
    /* Each block's text is where the joined text says. */
    OK(!strncmp(p->text + strlen("The Budget\n\n"), b[1].text, b[1].len),
       "the lead in the text");

    /* Spans on the normalized text, in order of start. */
    EQ_INT(b[0].nspans, 0, "heading spans");
    OK(b[0].spans == NULL, "heading spans array");
    EQ_INT(b[1].nspans, 2, "lead spans");
    check_span(&b[1], 0, PITH_SPAN_STRONG, 4, 11, "council", NULL,
               "lead strong");
    check_span(&b[1], 1, PITH_SPAN_LINK, 21, 31, "the budget",
               "https://example.com/news/budget", "lead link");
    /* The figure's image first (at 0), then outer before inner. */
    EQ_INT(b[2].nspans, 3, "repairs spans");
    check_span(&b[2], 0, PITH_SPAN_IMAGE, 0, 0, "",
               "https://example.com/news/img/bridge.png", "joined image");
    if (b[2].nspans == 3)
        EQ_STR(b[2].spans[0].alt, "The old bridge", "image alt normalized");
    check_span(&b[2], 1, PITH_SPAN_STRONG, 8, 20, "start in May", NULL,
               "outer strong");
    check_span(&b[2], 2, PITH_SPAN_EMPHASIS, 8, 13, "start", NULL,
               "inner em");
    EQ_INT(b[7].nspans, 2, "row cells");
    check_span(&b[7], 0, PITH_SPAN_CELL, 0, 4, "2024", NULL, "first cell");
    check_span(&b[7], 1, PITH_SPAN_CELL, 7, 8, "5", NULL, "second cell");
    EQ_INT(b[8].nspans, 0, "code keeps no markup");
    EQ_INT(b[11].nspans, 1, "composed span");
    check_span(&b[11], 0, PITH_SPAN_EMPHASIS, 0, 5, "Caf\xC3\xA9", NULL,
               "composed em");
    EQ_INT(b[12].nspans, 0, "span inside a composition dropped");
    EQ_INT(b[13].nspans, 2, "links kept");
    check_span(&b[13], 0, PITH_SPAN_LINK, 8, 11, "map",
               "https://example.com/news/2024/other.html", "trimmed link");
    check_span(&b[13], 1, PITH_SPAN_LINK, 16, 20, "more",
               "https://other.org/x?a=1", "absolute link");
    /* No image of the sidebar or before the dropped block anywhere. */
    int images = 0;
    for (size_t i = 0; i < p->nblocks; i++)
        for (size_t k = 0; k < b[i].nspans; k++)
            images += b[i].spans[k].kind == PITH_SPAN_IMAGE;
    EQ_INT(images, 1, "images placed");
    pith_result_free(&r->pub);

    /* Without a base URL, links stay as written. */
    story(&t, &s);
    t.in.base_url = NULL;
    r = article(&t, &rescued);
    if (!r)
        return;
    if (r->pub.nblocks > 2 && r->pub.blocks[1].nspans == 2 &&
        r->pub.blocks[2].nspans == 3) {
        EQ_STR(r->pub.blocks[1].spans[1].url, "/news/budget",
               "relative link without base");
        EQ_STR(r->pub.blocks[2].spans[0].url, "../img/bridge.png",
               "relative image without base");
    } else {
        OK(0, "spans without base: %zu blocks", r->pub.nblocks);
    }
    pith_result_free(&r->pub);
}

static void
test_no_tables(void)
{
    struct table t;
    struct story s;
    story(&t, &s);
    t.in.no_tables = 1;
    int rescued;
    struct result *r = article(&t, &rescued);
    if (!r)
        return;
    const pith_result *p = &r->pub;
    EQ_INT(p->nblocks, 12, "blocks without the rows");
    EQ_STR(p->text,
           "The Budget\n\nThe council approved the budget on Tuesday.\n\n"
           "Repairs start in May.\n\nFirst\n\nSecond\n\nInner\n\n"
           "  int x;\n  return x;\n\n"
           "Quoted words here.\n\nLoose quote text.\n\n"
           "Caf\xC3\xA9 au lait\n\nCaf\xC3\xA9 cr\xC3\xA8me\n\n"
           "See the map and more.",
           "text without the rows");
    int rows = 0;
    for (size_t i = 0; i < p->nblocks; i++)
        rows += p->blocks[i].kind == PITH_BLOCK_TABLE_ROW;
    EQ_INT(rows, 0, "no table rows");
    check_block(p, 6, PITH_BLOCK_CODE, 0, "  int x;\n  return x;",
                "code after the table");
    pith_result_free(&r->pub);

    /* Rows of a layout table are paragraphs, and stay. */
    start(&t);
    add(&t, 0, GUMBO_TAG_TD, BK_PARA, "A cell of layout");
    t.in.no_tables = 1;
    r = article(&t, &rescued);
    if (!r)
        return;
    EQ_STR(r->pub.text, "A cell of layout", "layout cell with no_tables");
    pith_result_free(&r->pub);
}

static void
test_nothing_kept(void)
{
    struct table t;
    start(&t);
    int b = add(&t, 0, GUMBO_TAG_P, BK_PARA, "Home News Sport");
    t.keep[b] = 0;
    t.sc.kept_chars = 0;
    int rescued;
    struct result *r = article(&t, &rescued);
    if (!r)
        return;
    EQ_STR(r->pub.text, "", "no text");
    EQ_INT(r->pub.text_len, 0, "no text length");
    EQ_INT(r->pub.nblocks, 0, "no blocks");
    EQ_INT(rescued, 0, "no rescue without JSON-LD");
    pith_result_free(&r->pub);
}

/* ------------------------------------------------------------ JSON-LD */

/* A page keeping kept characters of teaser, with JSON-LD's body jb. */
static struct result *
teaser(struct table *t, size_t kept, const char *jb, int *rescued)
{
    start(t);
    add(t, 0, GUMBO_TAG_P, BK_PARA, "Read the full story");
    t->sc.kept_chars = kept;
    t->in.jsonld_body = jb;
    return article(t, rescued);
}

static void
test_jsonld(void)
{
    struct table t;
    int rescued;
    struct result *r = teaser(&t, 16, "First  paragraph.\n\nSecond\xC2\xA0"
                              "paragraph, longer.", &rescued);
    if (!r)
        return;
    EQ_INT(rescued, 1, "short teaser rescued");
    EQ_STR(r->pub.text, "First paragraph.\n\nSecond paragraph, longer.",
           "JSON-LD's paragraphs");
    EQ_INT(r->pub.nblocks, 2, "JSON-LD's blocks");
    if (r->pub.nblocks == 2) {
        EQ_INT(r->pub.blocks[0].kind, PITH_BLOCK_PARAGRAPH, "first kind");
        EQ_STR(r->pub.blocks[1].text, "Second paragraph, longer.",
               "second paragraph");
        EQ_INT(r->pub.blocks[1].nspans, 0, "no spans in JSON-LD");
    }
    pith_result_free(&r->pub);

    /* No blank line: each line is a paragraph; empty ones go. */
    r = teaser(&t, 0, "Line one\nLine two\n\rLine three\n", &rescued);
    if (!r)
        return;
    EQ_INT(rescued, 1, "rescued from nothing kept");
    EQ_STR(r->pub.text, "Line one\n\nLine two\n\nLine three",
           "lines as paragraphs");
    EQ_INT(r->pub.nblocks, 3, "line blocks");
    pith_result_free(&r->pub);
    /* Blank lines split; a single break inside a paragraph stays. */
    r = teaser(&t, 0, "One\ntwo\n\n\n\nThree", &rescued);
    if (!r)
        return;
    EQ_STR(r->pub.text, "One\ntwo\n\nThree", "blank-line paragraphs");
    EQ_INT(r->pub.nblocks, 2, "blank-line blocks");
    pith_result_free(&r->pub);

    /* JSON-LD must be longer than twice the kept text, plus one. */
    char jb[1200];
    memset(jb, 'j', 499);
    jb[499] = '\0';
    r = teaser(&t, 249, jb, &rescued);
    if (!r)
        return;
    EQ_INT(rescued, 0, "499 bytes of JSON-LD against 249 kept");
    EQ_STR(r->pub.text, "Read the full story", "the kept text stays");
    pith_result_free(&r->pub);
    memset(jb, 'j', 500);
    jb[500] = '\0';
    r = teaser(&t, 249, jb, &rescued);
    if (!r)
        return;
    EQ_INT(rescued, 1, "500 bytes of JSON-LD against 249 kept");
    EQ_INT(r->pub.text_len, 500, "JSON-LD's text");
    pith_result_free(&r->pub);

    /* A kept text of 250 characters is the article, however long the
     * JSON-LD. */
    memset(jb, 'j', 1100);
    jb[1100] = '\0';
    r = teaser(&t, 250, jb, &rescued);
    if (!r)
        return;
    EQ_INT(rescued, 0, "250 kept against 1100 of JSON-LD");
    EQ_STR(r->pub.text, "Read the full story", "the long kept text stays");
    EQ_INT(r->pub.nblocks, 1, "the kept block");
    pith_result_free(&r->pub);
}

/* ------------------------------------------------------------ comments */

static void
test_comments(void)
{
    struct table t;
    start(&t);
    int art = elem(&t, 0, GUMBO_TAG_ARTICLE, EF_ARTICLE_TAG);
    add(&t, art, GUMBO_TAG_P, BK_PARA, "Article text.");
    int sec = elem(&t, 0, GUMBO_TAG_SECTION, EF_COMMENTS);
    int one = elem(&t, sec, GUMBO_TAG_DIV, 0);
    int c1 = block_of(&t, one, BK_PARA, "Great  piece!");
    span(&t, c1, IK_LINK, "piece", "/user/ann");
    int c2 = add(&t, one, GUMBO_TAG_P, BK_PARA, "Thanks\xC2\xA0" "a lot.");
    /* The reply box. */
    int form = elem(&t, sec, GUMBO_TAG_FORM, EF_FORM_TAG);
    int c3 = add(&t, form, GUMBO_TAG_P, BK_PARA, "Leave a reply");
    /* A comment block the article kept is the article's. */
    int c4 = add(&t, sec, GUMBO_TAG_P, BK_PARA, "Kept by the article");
    /* Left out, but no comment. */
    int side = add(&t, 0, GUMBO_TAG_P, BK_PARA, "Most read");
    /* A comment section inside a form is the form's. */
    int form2 = elem(&t, 0, GUMBO_TAG_FORM, EF_FORM_TAG);
    int sec2 = elem(&t, form2, GUMBO_TAG_DIV, EF_COMMENTS);
    int c5 = add(&t, sec2, GUMBO_TAG_P, BK_PARA, "Preview of your comment");
    t.keep[c1] = t.keep[c2] = t.keep[c3] = t.keep[side] = t.keep[c5] = 0;
    (void)c4;
    int rescued;
    struct result *r = article(&t, &rescued);
    if (!r)
        return;
    EQ_INT(assemble_comments(r, &t.in), 0, "assemble_comments");
    const pith_result *p = &r->pub;
    EQ_STR(p->text, "Article text.\n\nKept by the article",
           "the article beside comments");
    EQ_INT(p->ncomments, 2, "comments");
    EQ_STR(p->comments_text, "Great piece!\n\nThanks a lot.",
           "comments' text");
    if (p->ncomments == 2) {
        EQ_INT(p->comments[0].kind, PITH_BLOCK_PARAGRAPH, "comment kind");
        EQ_STR(p->comments[0].text, "Great piece!", "first comment");
        EQ_INT(p->comments[0].len, 12, "first comment's length");
        EQ_STR(p->comments[1].text, "Thanks a lot.", "second comment");
        EQ_INT(p->comments[0].nspans, 1, "comment link");
        if (p->comments[0].nspans == 1)
            check_span(&p->comments[0], 0, PITH_SPAN_LINK, 6, 11, "piece",
                       "https://example.com/user/ann", "comment link");
    }
    pith_result_free(&r->pub);

    /* A page without a comment section has none. */
    start(&t);
    add(&t, 0, GUMBO_TAG_P, BK_PARA, "Article text.");
    int b = add(&t, 0, GUMBO_TAG_P, BK_PARA, "Most read");
    t.keep[b] = 0;
    r = article(&t, &rescued);
    if (!r)
        return;
    EQ_INT(assemble_comments(r, &t.in), 0, "assemble_comments, none");
    EQ_INT(r->pub.ncomments, 0, "no comments");
    OK(r->pub.comments == NULL, "no comment blocks");
    OK(r->pub.comments_text == NULL, "no comments' text");
    EQ_STR(r->pub.text, "Article text.", "the article alone");
    pith_result_free(&r->pub);
}

/* ------------------------------------------------------------ product */

/* A product's JSON-LD lines join the kept blocks when the page does not
 * show them: after the page's own heading of the name, once. */
static void
test_product(void)
{
    struct table t;
    int rescued;
    start(&t);
    int h = add(&t, 0, GUMBO_TAG_H1, BK_HEADING, "Harbor Tote");
    t.blocks[h].level = 1;
    add(&t, 0, GUMBO_TAG_P, BK_PARA, "Waxed canvas that sheds rain.");
    t.in.product_name = "Northwind Harbor Tote, waxed canvas";
    t.in.product_text = "Waxed canvas that sheds rain.\n"
                        "Leather handles riveted by hand.\n"
                        "Capacity: 22 litres\n";
    struct result *r = article(&t, &rescued);
    if (!r)
        return;
    EQ_STR(r->pub.text, "Harbor Tote\n\nLeather handles riveted by hand."
           "\n\nCapacity: 22 litres\n\nWaxed canvas that sheds rain.",
           "missing product lines after the heading, shown ones not again");
    EQ_INT(rescued, 1, "text from JSON-LD counts as rescued");
    pith_result_free(&r->pub);

    /* Everything shown already: nothing added, no rescue. */
    start(&t);
    add(&t, 0, GUMBO_TAG_P, BK_PARA, "Leather handles riveted by hand.");
    t.in.product_text = "Leather handles, riveted by hand!\n";
    r = article(&t, &rescued);
    if (!r)
        return;
    EQ_STR(r->pub.text, "Leather handles riveted by hand.", "no repeat");
    EQ_INT(rescued, 0, "nothing added");
    pith_result_free(&r->pub);

    /* Nothing kept: the product's name as a heading, then its text. */
    start(&t);
    t.in.product_name = "Harbor Tote";
    t.in.product_text = "Waxed canvas.";
    r = article(&t, &rescued);
    if (!r)
        return;
    EQ_STR(r->pub.text, "Harbor Tote\n\nWaxed canvas.", "name and text");
    EQ_INT(r->pub.nblocks, 2, "two blocks");
    if (r->pub.nblocks == 2)
        EQ_INT(r->pub.blocks[0].kind, PITH_BLOCK_HEADING, "name heading");
    pith_result_free(&r->pub);
}

int
main(void)
{
    test_article();
    test_no_tables();
    test_nothing_kept();
    test_jsonld();
    test_product();
    test_comments();
    return test_done();
}
