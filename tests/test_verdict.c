/*
 * verdict_judge() (src/verdict/verdict.c) on made-up block tables, score
 * results and page signals: each verdict with a page that earns it and a
 * near page that must stay an article (or get another verdict), both
 * sides of every threshold.  The tables are written by hand, as
 * blocks_build() and refine would fill them, so that the verdict is
 * tested apart from the tree, the scorer and the assembler.
 */
#include "harness.h"

#include "blocks/blocks.h"
#include "blocks/signals.h"
#include "refine/refine.h"
#include "verdict/verdict.h"

#include <gumbo.h>
#include <stdint.h>

#define MAX_ELEMS 32
#define MAX_BLOCKS 32

/* All of the block's characters are linked. */
#define ALL -1

/* A table under construction, its score result and the page's signals. */
struct page {
    struct elem elems[MAX_ELEMS];
    struct block blocks[MAX_BLOCKS];
    char text[16384];
    size_t text_len;
    struct blocks bs;
    uint8_t keep[MAX_BLOCKS];
    uint8_t selected[MAX_BLOCKS];
    struct score_result sc;
    struct page_signals sig;
    struct verdict_input in;
};

/* A paragraph of prose: 149 characters that are not spaces, none linked
 * (over the 140 that make a paragraph prose). */
#define PROSE "The council approved the new budget on Tuesday after a " \
    "long debate about the library, the swimming pool and the repairs " \
    "to the old bridge over the river, which had waited for years."

static void
start(struct page *p)
{
    memset(p, 0, sizeof *p);
    p->bs.elems = p->elems;
    p->bs.blocks = p->blocks;
    p->bs.text = p->text;
    /* Element 0 is <html>, element 1 the body. */
    p->elems[0].parent = -1;
    p->elems[0].tag = GUMBO_TAG_HTML;
    p->elems[1].parent = 0;
    p->elems[1].tag = GUMBO_TAG_BODY;
    p->bs.n_elems = 2;
    p->bs.body_elem = 1;
    p->sc.keep = p->keep;
    p->sc.selected = p->selected;
    p->sc.main_elem = -1;
    p->in.bs = &p->bs;
    p->in.sc = &p->sc;
    p->in.page = &p->sig;
    p->in.min_chars = 1;
}

/* A new element under parent, in document order. */
static int
elem(struct page *p, int parent, GumboTag tag, uint32_t flags)
{
    int i = p->bs.n_elems++;
    p->elems[i].parent = parent;
    p->elems[i].tag = (uint16_t)tag;
    p->elems[i].flags = flags;
    p->elems[i].depth = (uint16_t)(p->elems[parent].depth + 1);
    return i;
}

/* A block of element e, selected and kept, counted as blocks.c does. */
static int
block_of(struct page *p, int e, enum block_kind kind, const char *text,
         int link_chars)
{
    int i = p->bs.n_blocks++;
    struct block *b = &p->blocks[i];
    size_t len = strlen(text);
    b->elem = e;
    b->kind = (uint8_t)kind;
    b->level = kind == BK_HEADING ? 2 : 0;
    b->text_off = (uint32_t)p->text_len;
    b->text_len = (uint32_t)len;
    memcpy(p->text + p->text_len, text, len + 1);
    p->text_len += len + 1;
    p->bs.text_len = p->text_len;
    for (const unsigned char *c = (const unsigned char *)text; *c; c++)
        b->chars += *c != ' ' && (*c & 0xC0) != 0x80;
    b->link_chars = link_chars == ALL ? b->chars : (uint32_t)link_chars;
    b->n_links = b->link_chars ? 1 : 0;
    p->keep[i] = p->selected[i] = 1;
    return i;
}

/* A new element under parent with one block of its own. */
static int
add(struct page *p, int parent, GumboTag tag, enum block_kind kind,
    const char *text, int link_chars)
{
    return block_of(p, elem(p, parent, tag, 0), kind, text, link_chars);
}

/* A block of n characters that are not spaces (words of nine letters). */
static int
add_chars(struct page *p, int parent, uint32_t flags, size_t n)
{
    char text[4096];
    size_t len = 0;
    for (size_t i = 0; i < n && len + 2 < sizeof text; i++) {
        if (i && i % 9 == 0)
            text[len++] = ' ';
        text[len++] = 'a' + (char)(i % 26);
    }
    text[len] = '\0';
    return block_of(p, elem(p, parent, GUMBO_TAG_DIV, flags), BK_PARA, text,
                    0);
}

/* The text characters the assembler would have counted: the kept ones. */
static size_t
kept_chars(const struct page *p)
{
    size_t n = 0;
    for (int i = 0; i < p->bs.n_blocks; i++)
        n += p->keep[i] ? p->blocks[i].chars : 0;
    return n;
}

/* Judges p with the text it keeps. */
static enum verdict
judge(struct page *p)
{
    p->sc.kept_chars = kept_chars(p);
    p->in.text_chars = p->sc.kept_chars;
    return verdict_judge(&p->in);
}

#define VERDICT(p, want, what) EQ_INT(judge(p), want, what)

/* ------------------------------------------------------------ cases */

static void
test_short_note(void)
{
    struct page p;
    start(&p);
    int d = elem(&p, 1, GUMBO_TAG_DIV, 0);
    add(&p, d, GUMBO_TAG_P, BK_PARA, "Back at noon", 0);
    EQ_INT(kept_chars(&p), 10, "the note's characters");
    VERDICT(&p, VERDICT_ARTICLE, "a note of three words is an article");
    /* Some script (an analytics snippet) does not make it a shell. */
    p.sig.script_bytes = 3000;
    VERDICT(&p, VERDICT_ARTICLE, "a note with a little script");
}

static void
test_empty(void)
{
    struct page p;
    start(&p);
    VERDICT(&p, VERDICT_EMPTY, "no blocks at all");

    /* Text on the page, none of it kept, none of it a consent box. */
    start(&p);
    int d = elem(&p, 1, GUMBO_TAG_DIV, 0);
    int b = add(&p, d, GUMBO_TAG_P, BK_PARA, "Home News Sport", ALL);
    p.keep[b] = 0;
    VERDICT(&p, VERDICT_EMPTY, "nothing kept");
}

static void
test_too_short(void)
{
    struct page p;
    start(&p);
    int d = elem(&p, 1, GUMBO_TAG_DIV, 0);
    add(&p, d, GUMBO_TAG_P, BK_PARA, "Back at noon", 0);
    p.in.min_chars = 11;
    VERDICT(&p, VERDICT_TOO_SHORT, "10 characters under min_chars 11");
    p.in.min_chars = 10;
    VERDICT(&p, VERDICT_ARTICLE, "10 characters at min_chars 10");

    /* JSON-LD's body counts against min_chars too. */
    p.in.jsonld_body = 1;
    p.in.min_chars = 11;
    VERDICT(&p, VERDICT_TOO_SHORT, "jsonld body under min_chars");
    p.in.min_chars = 10;
    VERDICT(&p, VERDICT_ARTICLE, "jsonld body at min_chars");
}

/* An index of teasers: n linked headings with short blurbs, in a region
 * selected and kept. */
static int
teasers(struct page *p, int n)
{
    int d = elem(p, 1, GUMBO_TAG_DIV, 0);
    static const char *const heads[] = {
        "Council approves the budget", "Bridge repairs start in May",
        "Library opens on Sundays", "Pool closes for the winter"
    };
    for (int i = 0; i < n && i < 4; i++) {
        add(p, d, GUMBO_TAG_H2, BK_HEADING, heads[i], ALL);
        add(p, d, GUMBO_TAG_P, BK_PARA, "A short blurb of the story.", 0);
    }
    return d;
}

static void
test_jsonld_body(void)
{
    struct page p;
    /* An index in shape, but the text is JSON-LD's articleBody. */
    start(&p);
    teasers(&p, 3);
    VERDICT(&p, VERDICT_INDEX, "the teasers without a jsonld body");
    p.in.jsonld_body = 1;
    VERDICT(&p, VERDICT_ARTICLE, "the teasers with a jsonld body");

    /* A JavaScript shell in shape. */
    start(&p);
    add(&p, 1, GUMBO_TAG_DIV, BK_DIVTEXT, "Loading", 0);
    p.sig.noscript_js = 1;
    VERDICT(&p, VERDICT_JS_SHELL, "a shell without a jsonld body");
    p.in.jsonld_body = 1;
    VERDICT(&p, VERDICT_ARTICLE, "a shell with a jsonld body");

    /* A consent wall in shape. */
    start(&p);
    int c = elem(&p, 1, GUMBO_TAG_DIV, EF_CONSENT);
    add(&p, c, GUMBO_TAG_P, BK_PARA, "We and our partners store data", 0);
    VERDICT(&p, VERDICT_CONSENT, "a consent box without a jsonld body");
    p.in.jsonld_body = 1;
    VERDICT(&p, VERDICT_ARTICLE, "a consent box with a jsonld body");

    /* Without any text the flag decides nothing. */
    start(&p);
    p.in.jsonld_body = 1;
    VERDICT(&p, VERDICT_EMPTY, "a jsonld body flag and no text");
}

static void
test_index(void)
{
    struct page p;
    start(&p);
    teasers(&p, 3);
    VERDICT(&p, VERDICT_INDEX, "three linked headings, no prose");

    start(&p);
    teasers(&p, 2);
    VERDICT(&p, VERDICT_ARTICLE, "two linked headings are no index");

    /* A heading linked at exactly half is not a linked heading. */
    start(&p);
    int d = teasers(&p, 2);
    add(&p, d, GUMBO_TAG_H2, BK_HEADING, "abcdef ghijkl", 6);
    VERDICT(&p, VERDICT_ARTICLE, "third heading linked at half");
    start(&p);
    d = teasers(&p, 2);
    add(&p, d, GUMBO_TAG_H2, BK_HEADING, "abcdef ghijkl", 7);
    VERDICT(&p, VERDICT_INDEX, "third heading linked over half");

    /* One prose paragraph kept makes it an article... */
    start(&p);
    d = teasers(&p, 4);
    int prose = add(&p, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    EQ_INT(p.blocks[prose].chars, 149, "the prose's characters");
    VERDICT(&p, VERDICT_ARTICLE, "linked headings and a prose paragraph");
    /* ... counting its unlinked characters only: 140 is prose, 139 not. */
    p.blocks[prose].link_chars = 9;
    VERDICT(&p, VERDICT_ARTICLE, "140 unlinked characters");
    p.blocks[prose].link_chars = 10;
    VERDICT(&p, VERDICT_INDEX, "139 unlinked characters");
    /* Prose that was cleaned away, or lies outside the selected region,
     * does not count. */
    p.blocks[prose].link_chars = 0;
    p.keep[prose] = 0;
    VERDICT(&p, VERDICT_INDEX, "prose selected but not kept");
    p.keep[prose] = 1;
    p.selected[prose] = 0;
    VERDICT(&p, VERDICT_INDEX, "prose kept outside the selection");

    /* Linked headings outside the selected region do not count. */
    start(&p);
    teasers(&p, 3);
    p.selected[0] = 0;
    VERDICT(&p, VERDICT_ARTICLE, "one of three headings not selected");
    /* A selected heading counts even when cleaned away. */
    start(&p);
    teasers(&p, 3);
    p.keep[0] = 0;
    VERDICT(&p, VERDICT_INDEX, "one of three headings not kept");

    /* An index is judged before min_chars. */
    start(&p);
    teasers(&p, 3);
    p.in.min_chars = 100000;
    VERDICT(&p, VERDICT_INDEX, "an index under min_chars");
}

static void
test_search(void)
{
    struct page p;
    start(&p);
    teasers(&p, 3);
    p.in.url = "https://example.com/find?q=budget";
    VERDICT(&p, VERDICT_SEARCH, "index at ?q=");
    p.in.url = "https://example.com/find?lang=en&q=budget";
    VERDICT(&p, VERDICT_SEARCH, "index at &q=");
    p.in.url = "https://example.com/search/budget";
    VERDICT(&p, VERDICT_SEARCH, "index at /search");
    p.in.url = "https://example.com/news?quality=high";
    VERDICT(&p, VERDICT_INDEX, "index at ?quality=");
    p.in.url = "https://example.com/news/";
    VERDICT(&p, VERDICT_INDEX, "index at a plain address");
    p.in.doc_title = "Search results for budget";
    VERDICT(&p, VERDICT_SEARCH, "index titled Search");
    p.in.doc_title = "Ergebnisse der SUCHE";
    VERDICT(&p, VERDICT_SEARCH, "index titled Suche");
    p.in.doc_title = "Latest news";
    VERDICT(&p, VERDICT_INDEX, "index titled otherwise");
    p.in.url = NULL;
    p.in.doc_title = NULL;
    VERDICT(&p, VERDICT_INDEX, "index without address or title");

    /* An article found by a search is still an article. */
    start(&p);
    int d = elem(&p, 1, GUMBO_TAG_DIV, 0);
    add(&p, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    p.in.url = "https://example.com/find?q=budget";
    p.in.doc_title = "Search";
    VERDICT(&p, VERDICT_ARTICLE, "an article at a search address");
}

static void
test_consent(void)
{
    struct page p;
    /* Kept text inside a consent box. */
    start(&p);
    int c = elem(&p, 1, GUMBO_TAG_DIV, EF_CONSENT);
    add(&p, c, GUMBO_TAG_P, BK_PARA, "We and our partners store data", 0);
    VERDICT(&p, VERDICT_CONSENT, "kept text in a consent box");

    /* Inside a dialog, a few levels down. */
    start(&p);
    int dlg = elem(&p, 1, GUMBO_TAG_DIV, EF_DIALOG);
    int inner = elem(&p, dlg, GUMBO_TAG_SECTION, 0);
    add(&p, inner, GUMBO_TAG_P, BK_PARA, "Before you continue", 0);
    VERDICT(&p, VERDICT_CONSENT, "kept text in a dialog");

    /* No box, but the text asks to accept cookies. */
    start(&p);
    int d = elem(&p, 1, GUMBO_TAG_DIV, 0);
    add(&p, d, GUMBO_TAG_P, BK_PARA,
        "This site uses Cookies. Click Accept to continue.", 0);
    VERDICT(&p, VERDICT_CONSENT, "text about cookies and accepting");
    /* A recipe for cookies asks for nothing. */
    start(&p);
    d = elem(&p, 1, GUMBO_TAG_DIV, 0);
    add(&p, d, GUMBO_TAG_P, BK_PARA,
        "Bake the cookies for twelve minutes until golden.", 0);
    VERDICT(&p, VERDICT_ARTICLE, "a cookie recipe");
    /* Agreement without cookies is not consent either. */
    start(&p);
    d = elem(&p, 1, GUMBO_TAG_DIV, 0);
    add(&p, d, GUMBO_TAG_P, BK_PARA, "Both parties agree to the terms.", 0);
    VERDICT(&p, VERDICT_ARTICLE, "agreement without cookies");

    /* The classes of <body> and <html> say nothing about a box. */
    start(&p);
    p.elems[1].flags = EF_CONSENT;
    p.elems[0].flags = EF_DIALOG;
    d = elem(&p, 1, GUMBO_TAG_DIV, 0);
    add(&p, d, GUMBO_TAG_P, BK_PARA, "Back at noon", 0);
    VERDICT(&p, VERDICT_ARTICLE, "consent class on body and html");

    /* Consent must be more than half of the kept text. */
    start(&p);
    c = elem(&p, 1, GUMBO_TAG_DIV, EF_CONSENT);
    add_chars(&p, c, 0, 100);
    d = elem(&p, 1, GUMBO_TAG_DIV, 0);
    add_chars(&p, d, 0, 100);
    VERDICT(&p, VERDICT_ARTICLE, "consent at half of the kept text");
    start(&p);
    c = elem(&p, 1, GUMBO_TAG_DIV, EF_CONSENT);
    add_chars(&p, c, 0, 101);
    d = elem(&p, 1, GUMBO_TAG_DIV, 0);
    add_chars(&p, d, 0, 100);
    VERDICT(&p, VERDICT_CONSENT, "consent over half of the kept text");

    /* A long article with a cookie banner kept: 1500 kept characters
     * are an article, 1499 a consent wall. */
    start(&p);
    c = elem(&p, 1, GUMBO_TAG_DIV, EF_CONSENT);
    add_chars(&p, c, 0, 800);
    d = elem(&p, 1, GUMBO_TAG_ARTICLE, EF_ARTICLE_TAG);
    add_chars(&p, d, 0, 700);
    EQ_INT(kept_chars(&p), 1500, "banner and article characters");
    VERDICT(&p, VERDICT_ARTICLE, "1500 kept characters with a banner");
    start(&p);
    c = elem(&p, 1, GUMBO_TAG_DIV, EF_CONSENT);
    add_chars(&p, c, 0, 799);
    d = elem(&p, 1, GUMBO_TAG_ARTICLE, EF_ARTICLE_TAG);
    add_chars(&p, d, 0, 700);
    VERDICT(&p, VERDICT_CONSENT, "1499 kept characters, mostly banner");
    /* The usual case: a banner on top of a long article. */
    start(&p);
    c = elem(&p, 1, GUMBO_TAG_DIV, EF_CONSENT);
    add(&p, c, GUMBO_TAG_P, BK_PARA,
        "We use cookies. Accept all or manage your privacy settings.", 0);
    d = elem(&p, 1, GUMBO_TAG_ARTICLE, EF_ARTICLE_TAG);
    for (int i = 0; i < 12; i++)
        add(&p, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    VERDICT(&p, VERDICT_ARTICLE, "a long article with a cookie banner");

    /* The walk up stops at the article or the main content: an
     * <article class="newsletter-post"> is the page, not a box... */
    start(&p);
    c = elem(&p, 1, GUMBO_TAG_ARTICLE, EF_ARTICLE_TAG | EF_CONSENT);
    add(&p, c, GUMBO_TAG_P, BK_PARA, "We compared three web frameworks", 0);
    VERDICT(&p, VERDICT_ARTICLE, "an article named like a newsletter box");
    start(&p);
    c = elem(&p, 1, GUMBO_TAG_DIV, EF_CONSENT);
    d = elem(&p, c, GUMBO_TAG_DIV, EF_ARTICLE_BODY);
    add(&p, d, GUMBO_TAG_P, BK_PARA, "We compared three web frameworks", 0);
    VERDICT(&p, VERDICT_ARTICLE, "an article body inside a newsletter box");
    start(&p);
    c = elem(&p, 1, GUMBO_TAG_DIV, EF_DIALOG);
    d = elem(&p, c, GUMBO_TAG_MAIN, EF_MAIN_TAG);
    add(&p, d, GUMBO_TAG_P, BK_PARA, "We compared three web frameworks", 0);
    VERDICT(&p, VERDICT_ARTICLE, "the main content inside a dialog");
    /* ... but a box inside the article is still a box. */
    start(&p);
    d = elem(&p, 1, GUMBO_TAG_ARTICLE, EF_ARTICLE_TAG);
    c = elem(&p, d, GUMBO_TAG_DIV, EF_CONSENT);
    add(&p, c, GUMBO_TAG_P, BK_PARA, "We and our partners store data", 0);
    VERDICT(&p, VERDICT_CONSENT, "a consent box inside the article");

    /* Nothing kept: consent over half the body's text is a wall, half
     * or less an empty page. */
    start(&p);
    c = elem(&p, 1, GUMBO_TAG_DIV, EF_CONSENT);
    int cb = add_chars(&p, c, 0, 101);
    d = elem(&p, 1, GUMBO_TAG_DIV, 0);
    int ob = add_chars(&p, d, 0, 100);
    p.keep[cb] = p.keep[ob] = 0;
    VERDICT(&p, VERDICT_CONSENT, "no text, consent over half the body");
    start(&p);
    c = elem(&p, 1, GUMBO_TAG_DIV, EF_CONSENT);
    cb = add_chars(&p, c, 0, 100);
    d = elem(&p, 1, GUMBO_TAG_DIV, 0);
    ob = add_chars(&p, d, 0, 100);
    p.keep[cb] = p.keep[ob] = 0;
    VERDICT(&p, VERDICT_EMPTY, "no text, consent at half the body");
    /* A banner on top of a page whose text is hidden (a modal's
     * aria-hidden <main>): no wall, from 1000 hidden characters on. */
    start(&p);
    c = elem(&p, 1, GUMBO_TAG_DIV, EF_CONSENT);
    cb = add_chars(&p, c, 0, 101);
    d = elem(&p, 1, GUMBO_TAG_DIV, 0);
    ob = add_chars(&p, d, 0, 100);
    p.keep[cb] = p.keep[ob] = 0;
    p.sig.hidden_chars = 999;
    VERDICT(&p, VERDICT_CONSENT, "no text, consent, 999 hidden");
    p.sig.hidden_chars = 1000;
    VERDICT(&p, VERDICT_EMPTY, "no text, consent, 1000 hidden");
    /* The same with the notice kept. */
    start(&p);
    c = elem(&p, 1, GUMBO_TAG_DIV, EF_DIALOG);
    add(&p, c, GUMBO_TAG_P, BK_PARA, "We use cookies. Accept all?", 0);
    p.sig.hidden_chars = 999;
    VERDICT(&p, VERDICT_CONSENT, "a notice kept, 999 hidden");
    p.sig.hidden_chars = 1000;
    VERDICT(&p, VERDICT_EMPTY, "a notice kept, 1000 hidden");
    /* Text about cookies outside a box is no box. */
    start(&p);
    d = elem(&p, 1, GUMBO_TAG_DIV, 0);
    cb = add(&p, d, GUMBO_TAG_P, BK_PARA, "Accept our cookies", 0);
    p.keep[cb] = 0;
    VERDICT(&p, VERDICT_EMPTY, "no text, cookie words outside a box");
}

static void
test_js_shell(void)
{
    struct page p;
    /* A <noscript> asking for JavaScript, on a near-empty page. */
    start(&p);
    add(&p, 1, GUMBO_TAG_DIV, BK_DIVTEXT, "Loading", 0);
    p.sig.noscript_js = 1;
    VERDICT(&p, VERDICT_JS_SHELL, "noscript_js, 7 characters");
    /* Before emptiness: a shell with no text at all is a shell. */
    start(&p);
    p.sig.noscript_js = 1;
    VERDICT(&p, VERDICT_JS_SHELL, "noscript_js, no text");

    /* The body's characters decide, kept or not: 199 is a shell, 200
     * is not. */
    start(&p);
    int b = add_chars(&p, 1, 0, 199);
    p.sig.noscript_js = 1;
    VERDICT(&p, VERDICT_JS_SHELL, "noscript_js, body of 199");
    start(&p);
    b = add_chars(&p, 1, 0, 200);
    p.sig.noscript_js = 1;
    VERDICT(&p, VERDICT_ARTICLE, "noscript_js, body of 200");
    p.keep[b] = 0;
    VERDICT(&p, VERDICT_EMPTY, "noscript_js, body of 200 not kept");

    /* An empty application root, the same way. */
    start(&p);
    add(&p, 1, GUMBO_TAG_DIV, BK_DIVTEXT, "Loading", 0);
    p.sig.empty_root = 1;
    VERDICT(&p, VERDICT_JS_SHELL, "empty_root, 7 characters");
    start(&p);
    add_chars(&p, 1, 0, 150);
    b = add_chars(&p, 1, 0, 50);
    p.keep[b] = 0;
    p.sig.empty_root = 1;
    VERDICT(&p, VERDICT_ARTICLE, "empty_root, body of 200, 150 kept");

    /* Script: 20000 bytes with under 40 kept characters. */
    start(&p);
    add_chars(&p, 1, 0, 39);
    p.sig.script_bytes = 20000;
    VERDICT(&p, VERDICT_JS_SHELL, "20000 script bytes, 39 kept");
    p.sig.script_bytes = 19999;
    VERDICT(&p, VERDICT_ARTICLE, "19999 script bytes, 39 kept");
    /* What the pre-pass removed counts with what the tree held. */
    p.sig.script_bytes = 10000;
    p.in.prepass_script_bytes = 10000;
    VERDICT(&p, VERDICT_JS_SHELL, "10000 + 10000 script bytes, 39 kept");
    p.in.prepass_script_bytes = 9999;
    VERDICT(&p, VERDICT_ARTICLE, "10000 + 9999 script bytes, 39 kept");
    start(&p);
    add_chars(&p, 1, 0, 40);
    p.sig.script_bytes = 500000;
    VERDICT(&p, VERDICT_ARTICLE, "a big bundle, 40 kept");
    start(&p);
    add_chars(&p, 1, 0, 20);
    b = add_chars(&p, 1, 0, 180);
    p.keep[b] = 0;
    p.sig.script_bytes = 500000;
    VERDICT(&p, VERDICT_ARTICLE, "a big bundle, body of 200, 20 kept");

    /* The page's text hidden in the HTML (React's streamed segments in
     * <div hidden>, a display:none wrapper): no shell, but what shows
     * is no text of the page's either.  999 hidden characters are
     * hidden menus of a shell. */
    start(&p);
    add(&p, 1, GUMBO_TAG_DIV, BK_DIVTEXT, "Hi", 0);
    p.sig.noscript_js = 1;
    p.sig.hidden_chars = 999;
    VERDICT(&p, VERDICT_JS_SHELL, "noscript_js, 999 hidden");
    p.sig.hidden_chars = 1000;
    VERDICT(&p, VERDICT_EMPTY, "noscript_js, 1000 hidden");
    start(&p);
    p.sig.script_bytes = 500000;
    p.sig.hidden_chars = 14000;
    VERDICT(&p, VERDICT_EMPTY, "a bundle, no text, the page hidden");
    /* Hidden text alone makes no stub: a short note with hidden menus
     * stays an article. */
    start(&p);
    add(&p, 1, GUMBO_TAG_P, BK_PARA, "Back at noon", 0);
    p.sig.hidden_chars = 5000;
    VERDICT(&p, VERDICT_ARTICLE, "a short note with hidden menus");
    /* A JSON-LD body makes no shell either, even with no text out. */
    start(&p);
    p.sig.noscript_js = 1;
    VERDICT(&p, VERDICT_JS_SHELL, "noscript_js, no text, no jsonld body");
    p.in.jsonld_body = 1;
    VERDICT(&p, VERDICT_EMPTY, "noscript_js, no text, a jsonld body");
}

static void
test_names(void)
{
    static const struct {
        enum verdict v;
        const char *reason, *message;
    } names[] = {
        {VERDICT_EMPTY, "empty", "the page holds no text"},
        {VERDICT_TOO_SHORT, "too-short", "less text than --min-chars"},
        {VERDICT_INDEX, "index", "the page is an index of links"},
        {VERDICT_SEARCH, "search-results",
         "the page is an index of search results"},
        {VERDICT_CONSENT, "consent-wall", "all it shows is a consent wall"},
        {VERDICT_JS_SHELL, "javascript-shell",
         "a JavaScript shell, the text is built by scripts"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        EQ_STR(verdict_reason(names[i].v), names[i].reason, "reason");
        EQ_STR(verdict_message(names[i].v), names[i].message, "message");
    }
    OK(verdict_reason(VERDICT_ARTICLE) == NULL, "an article has no reason");
    EQ_STR(verdict_message(VERDICT_ARTICLE), "", "an article's message");
}

int
main(void)
{
    test_short_note();
    test_empty();
    test_too_short();
    test_jsonld_body();
    test_index();
    test_search();
    test_consent();
    test_js_shell();
    test_names();
    return test_done();
}
