/*
 * pick_docs() (src/pick/docs.c) on a made-up block table: a documentation
 * page whose article rules dropped a list of references and its heading,
 * beside an on-page table of contents, a sidebar list, a row of buttons
 * and a link to the next page.  The table is written by hand, as
 * blocks_build(), the scorer and refine would fill it, so that the
 * picker is tested apart from them.
 */
#include "harness.h"

#include "block_table.h"

#include "arena.h"
#include "blocks/blocks.h"
#include "pick/pick.h"

#include <gumbo.h>
#include <stdint.h>

#define MAX_ELEMS 32
#define MAX_BLOCKS 32

struct table {
    struct elem elems[MAX_ELEMS];
    struct block blocks[MAX_BLOCKS];
    struct inline_span spans[MAX_BLOCKS];
    char text[4096];
    size_t text_len;
    struct blocks bs;
    uint8_t keep[MAX_BLOCKS], selected[MAX_BLOCKS];
    const char *reason[MAX_BLOCKS];
};

#define PROSE "Install the package with your system's package manager, " \
    "then run the setup command once to create the configuration file."

static void
start(struct table *t)
{
    memset(t, 0, sizeof *t);
    t->bs.elems = t->elems;
    t->bs.blocks = t->blocks;
    t->bs.text = t->text;
    t->bs.spans = t->spans;
    t->elems[0].parent = -1;
    t->elems[0].tag = GUMBO_TAG_BODY;
    t->bs.n_elems = 1;
}

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

/* A block of e with what the earlier stages decided; url, when given,
 * makes the whole text one link to it (n_links links in all). */
static int
block(struct table *t, int e, enum block_kind kind, const char *text,
      const char *url, int n_links, int keep, int selected,
      const char *reason)
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
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if (*p != ' ' && (*p & 0xC0) != 0x80)
            b->chars++;
    if (url) {
        b->link_chars = b->chars;
        b->n_links = (uint16_t)n_links;
        struct inline_span *sp = &t->spans[t->bs.n_spans++];
        sp->block = i;
        sp->start = 0;
        sp->end = (uint32_t)len;
        sp->kind = IK_LINK;
        sp->url = url;
    }
    t->keep[i] = (uint8_t)keep;
    t->selected[i] = (uint8_t)selected;
    t->reason[i] = reason;
    return i;
}

/* Runs the documentation picker over t with container main_e. */
static void
pick(struct table *t, int main_e, struct score_result *sc)
{
    *sc = (struct score_result){
        .keep = t->keep, .selected = t->selected, .reason = t->reason,
        .main_elem = main_e,
    };
    struct pick_input in = {.bs = &t->bs, .kind = KIND_DOCUMENTATION};
    struct arena a;
    arena_init(&a);
    EQ_INT(pick_by_kind(&a, &in, sc), 0, "pick_by_kind");
    arena_free(&a);
}

static void
test_docs_page(void)
{
    struct table t;
    start(&t);
    int side = elem(&t, 0, GUMBO_TAG_NAV, EF_NAV_TAG);
    int side_li = elem(&t, side, GUMBO_TAG_LI, 0);
    int main_e = elem(&t, 0, GUMBO_TAG_MAIN, EF_MAIN_TAG);
    int h_install = elem(&t, main_e, GUMBO_TAG_H2, 0);
    int p_install = elem(&t, main_e, GUMBO_TAG_P, 0);
    int h_toc = elem(&t, main_e, GUMBO_TAG_H2, 0);
    int toc = elem(&t, main_e, GUMBO_TAG_UL, EF_LIST);
    int toc_li = elem(&t, toc, GUMBO_TAG_LI, 0);
    int h_see = elem(&t, main_e, GUMBO_TAG_H2, 0);
    int refs = elem(&t, main_e, GUMBO_TAG_UL, EF_LIST);
    int ref_li = elem(&t, refs, GUMBO_TAG_LI, 0);
    int ref_li2 = elem(&t, refs, GUMBO_TAG_LI, 0);
    int local_nav = elem(&t, main_e, GUMBO_TAG_DIV, EF_NAV_NAME);
    int local_li = elem(&t, local_nav, GUMBO_TAG_LI, 0);
    int buttons = elem(&t, main_e, GUMBO_TAG_P, 0);
    int pager = elem(&t, main_e, GUMBO_TAG_DIV, 0);

    int b_side = block(&t, side_li, BK_LI, "Getting started", "/start", 1,
                       0, 0, "navigation");
    int b_h1 = block(&t, h_install, BK_HEADING, "Installing", NULL, 0, 1, 1,
                     "main content");
    int b_p1 = block(&t, p_install, BK_PARA, PROSE, NULL, 0, 1, 1,
                     "main content");
    int b_toc_h = block(&t, h_toc, BK_HEADING, "On this page:", NULL, 0, 1,
                        1, "main content");
    int b_toc = block(&t, toc_li, BK_LI, "Installing", "#installing", 1, 0,
                      1, "mostly link text");
    int b_see = block(&t, h_see, BK_HEADING, "See also", NULL, 0, 0, 1,
                      "heading of a list of links");
    int b_ref = block(&t, ref_li, BK_LI, "Configuration file reference",
                      "/config", 1, 0, 1, "mostly link text");
    int b_ref2 = block(&t, ref_li2, BK_LI, "Command-line options",
                       "/options", 1, 0, 1, "list of teasers");
    int b_local = block(&t, local_li, BK_LI, "Other guides", "/guides", 1,
                        0, 1, "mostly link text");
    int b_buttons = block(&t, buttons, BK_PARA, "Download Try it online",
                          "/download", 2, 0, 1, "mostly link text");
    int b_next = block(&t, pager, BK_DIVTEXT, "Next: Configuration",
                       "/config", 1, 1, 1, "main content");
    block_table_ranges(&t.bs);
    t.bs.text_len = t.text_len;

    struct score_result sc;
    pick(&t, main_e, &sc);

    EQ_INT(t.keep[b_side], 0, "the sidebar stays out");
    EQ_INT(t.keep[b_h1], 1, "a heading of the text stays");
    EQ_INT(t.keep[b_p1], 1, "the text stays");
    EQ_INT(t.keep[b_toc], 0, "an entry of the contents stays out");
    EQ_INT(t.keep[b_toc_h], 0, "the label of the contents goes");
    EQ_STR(t.reason[b_toc_h], "documentation: label of the contents",
           "why the label went");
    EQ_INT(t.keep[b_see], 1, "the heading of the references comes back");
    EQ_INT(t.keep[b_ref], 1, "a reference comes back");
    EQ_INT(t.keep[b_ref2], 1, "a list the scorer took for teasers too");
    EQ_INT(t.keep[b_local], 0, "a list named as navigation stays out");
    EQ_INT(t.keep[b_buttons], 0, "a row of buttons stays out");
    EQ_INT(t.keep[b_next], 0, "the link to the next page goes");
    size_t want = t.blocks[b_h1].chars + t.blocks[b_p1].chars +
                  t.blocks[b_see].chars + t.blocks[b_ref].chars +
                  t.blocks[b_ref2].chars;
    EQ_INT((long)sc.kept_chars, (long)want, "kept_chars recounted");
}

#define UNLIKELY "unlikely class or id"

/* The header of the text inside <main>, beside the body of the text the
 * scorer chose: its prose comes back, its title, its links and what is
 * named as navigation stay out, and so does a header after the text.
 * The lines of the page's upkeep under the text go. */
static void
test_text_header(void)
{
    struct table t;
    start(&t);
    int banner = elem(&t, 0, GUMBO_TAG_DIV, EF_UNLIKELY | EF_HEADER_NAME);
    int main_e = elem(&t, 0, GUMBO_TAG_MAIN, EF_MAIN_TAG);
    int head = elem(&t, main_e, GUMBO_TAG_DIV, EF_UNLIKELY | EF_HEADER_NAME);
    int h1 = elem(&t, head, GUMBO_TAG_H1, 0);
    int intro = elem(&t, head, GUMBO_TAG_P, 0);
    int crumbs = elem(&t, head, GUMBO_TAG_OL, EF_NAV_NAME | EF_LIST);
    int crumb = elem(&t, crumbs, GUMBO_TAG_LI, 0);
    int badge = elem(&t, head, GUMBO_TAG_P, 0);
    int body = elem(&t, main_e, GUMBO_TAG_DIV, 0);
    int p1 = elem(&t, body, GUMBO_TAG_P, 0);
    int p2 = elem(&t, body, GUMBO_TAG_P, 0);
    int foot = elem(&t, body, GUMBO_TAG_P, 0);
    int tail = elem(&t, main_e, GUMBO_TAG_DIV, EF_UNLIKELY | EF_HEADER_NAME);
    int tail_p = elem(&t, tail, GUMBO_TAG_P, 0);

    int b_banner = block(&t, banner, BK_PARA, "Welcome to the manual of "
                         "the project, read on.", NULL, 0, 0, 0, UNLIKELY);
    int b_h1 = block(&t, h1, BK_HEADING, "Installing", NULL, 0, 0, 1,
                     UNLIKELY);
    int b_intro = block(&t, intro, BK_PARA, "This guide installs the "
                        "tool and checks that it runs.", NULL, 0, 0, 1,
                        UNLIKELY);
    int b_crumb = block(&t, crumb, BK_LI, "Guides and more of them here",
                        NULL, 0, 0, 1, UNLIKELY);
    int b_badge = block(&t, badge, BK_PARA, "Report feedback", "/issues",
                        1, 0, 1, UNLIKELY);
    int b_p1 = block(&t, p1, BK_PARA, "Last updated, the file is read "
                     "again at the next start of the tool.", NULL, 0, 1,
                     1, "main content");
    int b_p2 = block(&t, p2, BK_PARA, PROSE, NULL, 0, 1, 1, "main content");
    int b_foot = block(&t, foot, BK_PARA, "This page was last modified on "
                       "May 2, 2025 by the contributors.", NULL, 0, 1, 1,
                       "main content");
    int b_tail = block(&t, tail_p, BK_PARA, "A header after the text, "
                       "with words enough.", NULL, 0, 0, 1, UNLIKELY);
    block_table_ranges(&t.bs);
    t.bs.text_len = t.text_len;
    struct score_result sc;
    pick(&t, body, &sc);

    const struct {
        int block, keep;
        const char *what;
    } want_keep[] = {
        {b_intro, 1, "the standfirst comes back"},
        {b_banner, 0, "the page's banner stays out"},
        {b_h1, 0, "the title stays out"},
        {b_crumb, 0, "breadcrumbs stay out"},
        {b_badge, 0, "a link in the header stays out"},
        {b_tail, 0, "a header after the text stays out"},
        {b_p1, 1, "text that only begins like upkeep stays"},
        {b_p2, 1, "the text stays"},
        {b_foot, 0, "the line of upkeep at the end goes"},
    };
    for (size_t k = 0; k < sizeof want_keep / sizeof want_keep[0]; k++)
        EQ_INT(t.keep[want_keep[k].block], want_keep[k].keep,
               want_keep[k].what);
    EQ_STR(t.reason[b_intro], "documentation: the header of the text",
           "why it came back");
    EQ_STR(t.reason[b_foot], "documentation: upkeep of the page",
           "why it went");
    size_t want = t.blocks[b_intro].chars + t.blocks[b_p1].chars +
                  t.blocks[b_p2].chars;
    EQ_INT((long)sc.kept_chars, (long)want, "kept_chars recounted");
}

/* Another kind's page passes untouched. */
static void
test_article_untouched(void)
{
    struct table t;
    start(&t);
    int main_e = elem(&t, 0, GUMBO_TAG_MAIN, EF_MAIN_TAG);
    int ul = elem(&t, main_e, GUMBO_TAG_UL, EF_LIST);
    int li = elem(&t, ul, GUMBO_TAG_LI, 0);
    int p = elem(&t, main_e, GUMBO_TAG_P, 0);
    int b_li = block(&t, li, BK_LI, "Read more stories", "/more", 1, 0, 1,
                     "mostly link text");
    block(&t, p, BK_PARA, PROSE, NULL, 0, 1, 1, "main content");
    block_table_ranges(&t.bs);
    struct score_result sc = {
        .keep = t.keep, .selected = t.selected, .reason = t.reason,
        .main_elem = main_e,
    };
    struct pick_input in = {.bs = &t.bs, .kind = KIND_ARTICLE};
    struct arena a;
    arena_init(&a);
    EQ_INT(pick_by_kind(&a, &in, &sc), 0, "pick_by_kind");
    arena_free(&a);
    EQ_INT(t.keep[b_li], 0, "an article's link list stays out");
}

int
main(void)
{
    test_docs_page();
    test_text_header();
    test_article_untouched();
    return test_done();
}
