/*
 * The block table (src/blocks/): small pages parsed with dom_parse() and
 * walked by blocks_build(), checked field by field: block kinds and text,
 * the per-block counts, element flags from tags, roles and names, the
 * subtree ranges, element counts, inline spans, and a page nested far
 * deeper than any recursion could go; and the page signals read beside
 * them (signals.c).
 */
#include "harness.h"

#include "arena.h"
#include "blocks/blocks.h"
#include "blocks/signals.h"
#include "dom/dom.h"
#include "limits.h"

#include <gumbo.h>
#include <stdlib.h>

/* A parsed page and its tables; everything lives in the arena. */
struct page {
    struct arena a;
    struct blocks bs;
    int rc;
};

static void
build(struct page *p, const char *html)
{
    arena_init(&p->a);
    memset(&p->bs, 0, sizeof p->bs);
    int failed = 0;
    GumboOutput *doc = dom_parse(&p->a, html, strlen(html), &failed);
    p->rc = -1;
    if (!doc)
        return;
    const GumboNode *body = dom_find(doc->root, GUMBO_TAG_BODY);
    p->rc = blocks_build(&p->a, (GumboNode *)(body ? body : doc->root), 0,
                         &p->bs);
}

static void
done(struct page *p)
{
    arena_free(&p->a);
}

/* The index of the first block whose text is text, or -1. */
static int
block_named(const struct blocks *bs, const char *text)
{
    for (int i = 0; i < bs->n_blocks; i++)
        if (strcmp(block_text(bs, &bs->blocks[i]), text) == 0)
            return i;
    return -1;
}

/* The index of the nth (from 0) element with tag, or -1. */
static int
elem_tagged(const struct blocks *bs, GumboTag tag, int nth)
{
    for (int i = 0; i < bs->n_elems; i++)
        if (bs->elems[i].tag == tag && nth-- == 0)
            return i;
    return -1;
}

/* The flags of the element that owns block text, or a value no element
 * has, so that a missing block fails the check. */
static uint32_t
flags_of(const struct blocks *bs, const char *text)
{
    int b = block_named(bs, text);
    return b < 0 ? 0xFFFFFFFFu : bs->elems[bs->blocks[b].elem].flags;
}

static void
test_kinds(void)
{
    struct page p;
    build(&p, "<body><h2>Section title</h2><h4>Small head</h4>"
              "<p>A paragraph.</p><dl><dt>Term</dt><dd>Meaning</dd></dl>"
              "<address>Main Street 1</address>"
              "<div>Loose text<p>Inner para</p>Tail text</div></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    const struct blocks *bs = &p.bs;
    int h2 = block_named(bs, "Section title");
    int h4 = block_named(bs, "Small head");
    OK(h2 >= 0 && h4 >= 0, "headings are blocks");
    if (h2 >= 0 && h4 >= 0) {
        EQ_INT(bs->blocks[h2].kind, BK_HEADING, "h2 kind");
        EQ_INT(bs->blocks[h2].level, 2, "h2 level");
        EQ_INT(bs->blocks[h4].level, 4, "h4 level");
    }
    int para = block_named(bs, "A paragraph.");
    OK(para >= 0 && bs->blocks[para].kind == BK_PARA, "p is BK_PARA");
    int dt = block_named(bs, "Term"), dd = block_named(bs, "Meaning");
    OK(dt >= 0 && bs->blocks[dt].kind == BK_PARA, "dt is BK_PARA");
    OK(dd >= 0 && bs->blocks[dd].kind == BK_PARA, "dd is BK_PARA");
    int addr = block_named(bs, "Main Street 1");
    OK(addr >= 0 && bs->blocks[addr].kind == BK_PARA, "address is BK_PARA");
    /* The loose text of a div around a paragraph: two blocks of the div,
     * one before and one after. */
    int loose = block_named(bs, "Loose text");
    int inner = block_named(bs, "Inner para");
    int tail = block_named(bs, "Tail text");
    OK(loose >= 0 && inner == loose + 1 && tail == inner + 1,
       "div text split around the paragraph: %d %d %d", loose, inner, tail);
    if (loose >= 0 && tail >= 0) {
        EQ_INT(bs->blocks[loose].kind, BK_DIVTEXT, "loose text kind");
        EQ_INT(bs->blocks[tail].kind, BK_DIVTEXT, "tail text kind");
        EQ_INT(bs->elems[bs->blocks[loose].elem].tag, GUMBO_TAG_DIV,
               "loose text belongs to the div");
        EQ_INT(bs->blocks[tail].elem, bs->blocks[loose].elem,
               "both loose runs have the same owner");
    }
    EQ_INT(bs->n_blocks, 9, "block count");
    done(&p);
}

static void
test_lists(void)
{
    struct page p;
    build(&p, "<body><ul><li>Outer one<ul><li>Inner one</li>"
              "<li>Inner two<ol><li>Deepest</li></ol></li></ul></li>"
              "<li>Outer two</li></ul>"
              "<ol><li>First step</li><li>Second step</li></ol></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    const struct blocks *bs = &p.bs;
    static const struct { const char *text; int level, ordered; } want[] = {
        {"Outer one", 1, 0}, {"Inner one", 2, 0}, {"Inner two", 2, 0},
        {"Deepest", 3, 1}, {"Outer two", 1, 0}, {"First step", 1, 1},
        {"Second step", 1, 1},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        int b = block_named(bs, want[i].text);
        OK(b >= 0, "list item \"%s\" is a block", want[i].text);
        if (b < 0)
            continue;
        EQ_INT(bs->blocks[b].kind, BK_LI, want[i].text);
        EQ_INT(bs->blocks[b].level, want[i].level, want[i].text);
        EQ_INT(bs->blocks[b].ordered, want[i].ordered, want[i].text);
    }
    int ul = elem_tagged(bs, GUMBO_TAG_UL, 0);
    OK(ul >= 0 && (bs->elems[ul].flags & EF_LIST), "ul has EF_LIST");
    if (ul >= 0)
        EQ_INT(bs->elems[ul].n_li, 5, "li under the outer ul, nested too");
    done(&p);
}

static void
test_pre_and_quote(void)
{
    struct page p;
    build(&p, "<body><pre>int x;\n  if (x)\n\treturn;\n\n</pre>"
              "<blockquote>Quoted words<p>Quoted para</p>"
              "<blockquote>Nested quote</blockquote></blockquote>"
              "<p>After   the\n quote</p></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    const struct blocks *bs = &p.bs;
    /* Verbatim: newlines, indentation and tabs stay; trailing newlines
     * go. */
    int pre = block_named(bs, "int x;\n  if (x)\n\treturn;");
    OK(pre >= 0, "pre text verbatim (got \"%s\")",
       bs->n_blocks ? block_text(bs, &bs->blocks[0]) : "");
    if (pre >= 0) {
        EQ_INT(bs->blocks[pre].kind, BK_PRE, "pre kind");
        EQ_INT(bs->blocks[pre].chars, 17, "pre chars leave out white space");
        EQ_INT(bs->blocks[pre].stops, 0, "no stops in the code");
        OK(bs->elems[bs->blocks[pre].elem].flags & EF_CODE, "pre is EF_CODE");
    }
    int q = block_named(bs, "Quoted words");
    int qp = block_named(bs, "Quoted para");
    int nq = block_named(bs, "Nested quote");
    int after = block_named(bs, "After the quote");
    OK(q >= 0 && qp >= 0 && nq >= 0 && after >= 0, "quote blocks found");
    if (q >= 0 && qp >= 0 && nq >= 0 && after >= 0) {
        EQ_INT(bs->blocks[q].kind, BK_QUOTE, "blockquote text kind");
        EQ_INT(bs->blocks[q].quote_depth, 1, "quote depth");
        EQ_INT(bs->blocks[qp].kind, BK_PARA, "p in a blockquote");
        EQ_INT(bs->blocks[qp].quote_depth, 1, "p in a blockquote: depth");
        EQ_INT(bs->blocks[nq].quote_depth, 2, "nested quote depth");
        EQ_INT(bs->blocks[after].quote_depth, 0, "depth back to 0");
    }
    done(&p);
}

static void
test_tables(void)
{
    struct page p;
    /* The same 2x2 grid: with a <th> it is data, without it layout. */
    build(&p, "<body><table id=data><thead><tr><th>Item</th><th>Cost</th>"
              "</tr></thead><tbody><tr><td>Library</td><td>40</td></tr>"
              "<tr><td>Pool</td><td>25</td></tr></tbody></table>"
              "<table id=layout><tr><td>Left cell</td><td>Right cell</td>"
              "</tr><tr><td>Lower left</td><td>Lower right</td></tr>"
              "</table><table><caption>Table caption</caption>"
              "<tr><td>a</td><td>b</td></tr></table></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    const struct blocks *bs = &p.bs;
    int data = elem_tagged(bs, GUMBO_TAG_TABLE, 0);
    int layout = elem_tagged(bs, GUMBO_TAG_TABLE, 1);
    OK(data >= 0 && (bs->elems[data].flags & EF_DATA_TABLE),
       "table with th is data");
    OK(layout >= 0 && !(bs->elems[layout].flags & EF_DATA_TABLE),
       "2x2 table without th is layout");
    int head = block_named(bs, "Item | Cost");
    int row = block_named(bs, "Library | 40");
    OK(head >= 0 && row >= 0, "data rows are one block each");
    if (head >= 0 && row >= 0) {
        EQ_INT(bs->blocks[head].kind, BK_ROW, "header row kind");
        EQ_INT(bs->blocks[head].header, 1, "thead row is a header");
        EQ_INT(bs->blocks[row].kind, BK_ROW, "body row kind");
        EQ_INT(bs->blocks[row].header, 0, "tbody row is no header");
        EQ_INT(bs->blocks[row].chars, 10, "row chars: the bar counts");
        EQ_INT(bs->elems[bs->blocks[row].elem].tag, GUMBO_TAG_TR,
               "row owned by the tr");
        OK(bs->elems[bs->blocks[row].elem].flags & EF_DATA_TABLE,
           "data tr has EF_DATA_TABLE");
        /* Each cell is an IK_CELL span of the row's text. */
        static const char *const cell_text[] = {"Library", "40"};
        int cells = 0;
        const char *t = block_text(bs, &bs->blocks[row]);
        for (int i = 0; i < bs->n_spans; i++) {
            const struct inline_span *sp = &bs->spans[i];
            if (sp->block != row || sp->kind != IK_CELL)
                continue;
            /* The space after the bar may fall inside, as before a
             * bold run; the assembler trims it. */
            uint32_t st = sp->start;
            while (st < sp->end && t[st] == ' ')
                st++;
            if (cells < 2)
                OK(sp->end - st == strlen(cell_text[cells]) &&
                   !strncmp(t + st, cell_text[cells], sp->end - st),
                   "cell span over \"%s\"", cell_text[cells]);
            OK(sp->url == NULL, "a cell has no url");
            cells++;
        }
        EQ_INT(cells, 2, "a cell span per cell");
    }
    int left = block_named(bs, "Left cell");
    OK(left >= 0 && bs->blocks[left].kind == BK_PARA,
       "layout cell is BK_PARA");
    OK(block_named(bs, "Left cell | Right cell") < 0,
       "layout rows are not joined");
    int cap = block_named(bs, "Table caption");
    OK(cap >= 0, "table caption is a block");
    /* A <caption> makes even a 1-row table no data table: it has one row
     * only. */
    int third = elem_tagged(bs, GUMBO_TAG_TABLE, 2);
    OK(third >= 0 && !(bs->elems[third].flags & EF_DATA_TABLE),
       "one-row table is layout even with a caption");
    done(&p);
}

static void
test_figure(void)
{
    struct page p;
    build(&p, "<body><figure><img src=\"photo.jpg\" alt=\"A red barn\">"
              "<figcaption>The barn in <i>May</i></figcaption></figure>"
              "<p>See <img src=chart.png alt=\"Chart\"> here</p>"
              "<p>No <img alt=nosrc> source</p></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    const struct blocks *bs = &p.bs;
    int cap = block_named(bs, "The barn in May");
    OK(cap >= 0, "figcaption is a block");
    if (cap >= 0) {
        EQ_INT(bs->blocks[cap].kind, BK_CAPTION, "figcaption kind");
        EQ_INT(bs->blocks[cap].fine_chars, 3, "italic May is fine print");
        OK(bs->elems[bs->blocks[cap].elem].flags & EF_FIGURE,
           "figcaption has EF_FIGURE");
    }
    int fig = elem_tagged(bs, GUMBO_TAG_FIGURE, 0);
    OK(fig >= 0 && (bs->elems[fig].flags & EF_FIGURE), "figure EF_FIGURE");
    if (fig >= 0)
        EQ_INT(bs->elems[fig].n_img, 1, "figure holds one image");
    /* The figure's image stands before any text: outside every block,
     * with the figure as its owner and the caption as the next block. */
    int outside = 0, inside = 0, images = 0;
    for (int i = 0; i < bs->n_spans; i++) {
        const struct inline_span *sp = &bs->spans[i];
        if (sp->kind != IK_IMAGE)
            continue;
        images++;
        if (sp->block < 0) {
            outside++;
            EQ_STR(sp->url, "photo.jpg", "figure image url");
            EQ_STR(sp->alt, "A red barn", "figure image alt");
            EQ_INT(sp->owner, fig, "figure image owner");
            EQ_INT(sp->next_block, cap, "figure image's next block");
        } else {
            inside++;
            int see = block_named(bs, "See here");
            EQ_INT(sp->block, see, "inline image in its paragraph");
            EQ_STR(sp->url, "chart.png", "inline image url");
            EQ_STR(sp->alt, "Chart", "inline image alt");
            EQ_INT(sp->start, sp->end, "an image has no length");
            EQ_INT(sp->start, 3, "image after \"See\"");
        }
    }
    EQ_INT(images, 2, "an <img> without src makes no span");
    EQ_INT(outside, 1, "one image outside blocks");
    EQ_INT(inside, 1, "one image inside a block");
    done(&p);
}

static void
test_whitespace_and_breaks(void)
{
    struct page p;
    build(&p, "<body><p>  Hello \n\t  world&nbsp;&nbsp;again  </p>"
              "<p>line one<br>line two</p>"
              "<div>first part<br><br>second part</div>"
              "<p>   </p><div><span> </span></div>"
              "<p>x<span class=\"sr-only\">Skip to content</span>y</p>"
              "<p>a<span style=\"display : none\">gone</span>b"
              "<span hidden>gone</span>c<span aria-hidden=true>gone</span>"
              "d<script>var gone;</script>e</p></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    const struct blocks *bs = &p.bs;
    int h = block_named(bs, "Hello world again");
    OK(h >= 0, "white space and nbsp collapsed (first block \"%s\")",
       bs->n_blocks ? block_text(bs, &bs->blocks[0]) : "");
    if (h >= 0) {
        EQ_INT(bs->blocks[h].chars, 15, "chars leave out spaces");
        EQ_INT(bs->blocks[h].text_len, 17, "text_len in bytes");
    }
    OK(block_named(bs, "line one\nline two") >= 0, "<br> is a newline");
    OK(block_named(bs, "first part") >= 0 &&
       block_named(bs, "second part") >= 0, "<br><br> splits the block");
    OK(block_named(bs, "xy") >= 0, "screen-reader text left out");
    OK(block_named(bs, "abcde") >= 0, "hidden inline elements left out");
    EQ_INT(bs->n_blocks, 6, "empty elements make no blocks");
    /* Each block's text is NUL-terminated at text_len. */
    for (int i = 0; i < bs->n_blocks; i++)
        OK(block_text(bs, &bs->blocks[i])[bs->blocks[i].text_len] == '\0',
           "block %d ends in NUL", i);
    done(&p);
}

static void
test_closed_panels(void)
{
    struct page p;
    build(&p, "<body><div role=tablist><button>Details</button></div>"
              "<div role=tabpanel hidden><p>Cotton, washed twice.</p></div>"
              "<div style=\"display:none\"><div role=region "
              "aria-labelledby=b2><p>Wash cold.</p></div></div>"
              "<div popover><div role=tabpanel hidden><p>gone</p></div>"
              "</div><div hidden><p>gone too</p></div></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    static const struct {
        const char *text;
        int read;
        const char *what;
    } want[] = {
        {"Cotton, washed twice.", 1, "a closed tab panel"},
        {"Wash cold.", 1, "a collapsed accordion region"},
        {"gone", 0, "a panel inside a popover"},
        {"gone too", 0, "a hidden div"},
    };
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
        OK((block_named(&p.bs, want[k].text) >= 0) == want[k].read,
           "%s: %s", want[k].what, want[k].read ? "left out" : "read");
    done(&p);
}

/* role=tablist on a strip of tabs is navigation; on an accordion's
 * panel group, with the panels' paragraphs inside, it is not. */
static void
test_tablists(void)
{
    struct page p;
    build(&p, "<body><div role=tablist id=tabs><a href=#a>Details</a>"
              "<a href=#b>Care</a></div>"
              "<div role=tablist id=faq><div class=panel><h4>Can I return "
              "it?</h4><div class=\"panel-collapse collapse\"><p>Yes, "
              "within thirty days of delivery, in its box and unworn; "
              "we refund the price and the shipping both ways. Write to us "
              "first and we send a label for the parcel.</p></div>"
              "</div><div class=panel><h4>How is it washed?</h4><div "
              "class=\"panel-collapse collapse\"><p>Cold, inside out, and "
              "dried flat away from the sun, so that the linen keeps its "
              "shape and its colour for years of use.</p></div></div>"
              "<div class=panel><h4>Where is it made?</h4><div "
              "class=\"panel-collapse collapse\"><p>In a small workshop "
              "in the north, from flax grown and spun nearby.</p></div>"
              "</div></div></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    int tabs = -1, faq = -1;
    for (int i = 0; i < p.bs.n_elems; i++)
        if (p.bs.elems[i].flags & EF_TABLIST) {
            if (tabs < 0)
                tabs = i;
            else
                faq = i;
        }
    OK(tabs >= 0 && (p.bs.elems[tabs].flags & EF_NAV_TAG),
       "a strip of tabs is navigation");
    OK(faq >= 0 && !(p.bs.elems[faq].flags & EF_NAV_TAG),
       "a tab list around its panels' prose is not");
    done(&p);
}

static void
test_streamed_segments(void)
{
    struct page p;
    build(&p, "<body><template id=\"B:1c\"></template><p>Loading</p>"
              "<div hidden id=\"S:1c\"><p>The streamed part of the page."
              "</p></div><div hidden id=\"S:x-y\"><p>gone</p></div>"
              "<div hidden id=\"menu\"><p>gone too</p></div></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    const struct blocks *bs = &p.bs;
    OK(block_named(bs, "The streamed part of the page.") >= 0,
       "a streamed segment (div hidden id=S:..) is read");
    OK(block_named(bs, "gone") < 0 && block_named(bs, "gone too") < 0,
       "other hidden divs are left out");
    done(&p);
}

/* A wrapper of the whole page hidden until a script shows it is read;
 * a hidden box beside other content is not. */
static void
test_hidden_page_wrapper(void)
{
    struct page p;
    build(&p, "<body><div id=app><div style=\"visibility:hidden\">"
              "<p>The whole page, shown by a script.</p>"
              "<div style=\"display:none\"><p>gone</p></div></div></div>"
              "<script>show()</script></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    OK(block_named(&p.bs, "The whole page, shown by a script.") >= 0,
       "a hidden wrapper of the whole page is read");
    OK(block_named(&p.bs, "gone") < 0, "a hidden box inside it is not");
    done(&p);
    build(&p, "<body><p>Shown.</p><div style=\"visibility:hidden\">"
              "<p>gone</p></div></body>");
    OK(block_named(&p.bs, "gone") < 0, "a hidden box beside text is not read");
    done(&p);
}

/* A script's state written into a div as JSON makes no block; JSON in a
 * <pre> or a paragraph is shown to the reader and stays. */
static void
test_script_data(void)
{
    struct page p;
    build(&p, "<body><div class=state>{\"widget\":\"grid\",\"items\":"
              "[\"a\",\"b\",\"c\"],\"page\":1}</div>"
              "<div>[{\"id\":1,\"name\":\"first\"},"
              "{\"id\":2,\"name\":\"second\"}]</div>"
              "<pre>{\"shown\":\"as code\",\"to\":\"the reader\"}</pre>"
              "<p>{\"shown\":\"in a paragraph\",\"to\":\"the reader\"}</p>"
              "<div>{\"short\":1}</div></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    EQ_INT(p.bs.n_blocks, 3, "two JSON divs make no block");
    OK(block_named(&p.bs, "{\"short\":1}") >= 0, "a short one stays");
    done(&p);
}

/* Whether html has a block whose text is text (found) or not. */
static void
read_block(int found, const char *html, const char *text, const char *what)
{
    struct page p;
    build(&p, html);
    EQ_INT(p.rc, 0, "blocks_build");
    EQ_INT(block_named(&p.bs, text) >= 0, found, what);
    done(&p);
}

/* Hidden in the markup, shown to readers (shown.c): a tab panel of code,
 * the wrapper of a whole page hidden until its scripts run; other hidden
 * wrappers stay out. */
static void
test_shown_anyway(void)
{
    struct page p;
    build(&p, "<body><div role=tablist><button>Python</button></div>"
              "<div role=tabpanel><pre>pip install thing</pre></div>"
              "<div role=tabpanel hidden><pre>npm install thing</pre></div>"
              "<div style=\"visibility:hidden\"><p>hidden box</p></div>"
              "</body>");
    EQ_INT(p.rc, 0, "blocks_build");
    OK(block_named(&p.bs, "pip install thing") >= 0, "the shown tab");
    OK(block_named(&p.bs, "npm install thing") >= 0,
       "a hidden tab panel of code is read");
    OK(block_named(&p.bs, "hidden box") < 0,
       "visibility:hidden beside other content is left out");
    done(&p);

    read_block(1, "<body><div id=app><div style=\"visibility:hidden;"
               "min-height:100vh\"><p>The whole page.</p></div></div>"
               "<script>reveal()</script></body>", "The whole page.",
               "a page-wide wrapper hidden until scripts run is read");
    read_block(0, "<body><div id=app><div style=\"display:none\"><p>Not "
               "shown.</p></div></div></body>", "Not shown.",
               "a page-wide wrapper under display:none stays hidden");
}

/* The content of a page (a shop's grid) hidden by its style until a
 * script reveals it, with the header and footer shown around it, is
 * read when it holds most of the page's text; a hidden box with less,
 * or inside a menu, is not. */
static void
test_hidden_content_wrapper(void)
{
    /* Forty lines of 30 characters: more than a page's worth. */
    char items[2048] = "";
    for (int i = 0; i < 40; i++)
        strcat(items, "<p>Dark roasted coffee, a bag of it.</p>");
    char html[8192];
    snprintf(html, sizeof html,
             "<body><header><p>Shop header</p></header><main>"
             "<div style=\"display: none\"><h2>Grid start</h2>%s</div>"
             "</main><footer><p>Footer</p></footer></body>", items);
    read_block(1, html, "Grid start",
               "the hidden wrapper of most of the text is read");
    snprintf(html, sizeof html,
             "<body><main><div style=\"display:none\"><h2>Grid start</h2>"
             "<p>Short.</p></div><p>Visible text.</p></main></body>");
    read_block(0, html, "Grid start", "a hidden box with little text is not");
    snprintf(html, sizeof html,
             "<body><nav><div style=\"display:none\"><h2>Grid start</h2>"
             "%s</div></nav></body>", items);
    read_block(0, html, "Grid start", "nor a hidden menu");
    snprintf(html, sizeof html,
             "<body><main><div style=\"display:none\"><h2>Grid start</h2>"
             "%s</div>%s%s</main></body>", items, items, items);
    read_block(0, html, "Grid start",
               "nor one beside more text than it holds");
}

/* A closed accordion panel, opened by the button of the heading before
 * it (aria-controls, aria-expanded), is read; a panel a menu's toggle
 * opens, or one in a dialog, is not. */
static void
test_accordion_panel(void)
{
    read_block(1, "<body><h3><button aria-expanded=false aria-controls=a1>"
               "How to choose</button></h3><div style=\"max-height:0\">"
               "<div id=a1 aria-hidden=true><p>Sit-in or sit-on-top.</p>"
               "</div></div></body>", "Sit-in or sit-on-top.",
               "the panel in its collapsing box");
    read_block(1, "<body><h3><button aria-expanded=false aria-controls=a2>"
               "Care</button></h3><div id=a2 hidden><p>Wash cold.</p>"
               "</div></body>", "Wash cold.", "the panel right after");
    read_block(0, "<body><div><button aria-expanded=false aria-controls=m>"
               "Menu</button></div><div id=m hidden><p>Menu items.</p>"
               "</div></body>", "Menu items.",
               "a toggle outside a heading opens no accordion");
    read_block(0, "<body><h3><button aria-expanded=false aria-controls=a3>"
               "Care</button></h3><div id=other hidden><p>Not it.</p>"
               "</div></body>", "Not it.", "nor a panel it does not name");
    read_block(0, "<body><div role=dialog><h3><button aria-expanded=false "
               "aria-controls=a4>Care</button></h3><div id=a4 hidden>"
               "<p>In a dialog.</p></div></div></body>", "In a dialog.",
               "nor a panel in a dialog");
}

/* A link hidden from screen readers alone (a card's teaser linked a
 * second time) is shown and read; hidden by its style too, it is not. */
static void
test_redundant_link(void)
{
    read_block(1, "<body><article><h2><a href=/a>Title</a></h2><p>"
               "<a href=/a aria-hidden=true>The teaser of the story.</a>"
               "</p></article></body>", "The teaser of the story.",
               "an aria-hidden link is read");
    read_block(0, "<body><p><a href=/a aria-hidden=true "
               "style=\"display:none\">Styled away.</a></p></body>",
               "Styled away.", "one hidden by its style is not");
    read_block(0, "<body><p><span aria-hidden=true>Icon text.</span></p>"
               "</body>", "Icon text.", "nor an aria-hidden span");
}

/* Lines of code that a highlighter set in elements of their own, with no
 * newline between them, are still lines. */
static void
test_code_lines(void)
{
    read_block(1, "<body><pre><code><span class=\"line\"><span>npm "
               "create app</span></span><span class=\"line\">cd app</span>"
               "<span class=\"token\">x</span></code></pre></body>",
               "npm create app\ncd appx",
               "a new line at each line element, none at other spans");
}

static void
test_counts(void)
{
    struct page p;
    build(&p, "<body>"
              "<p>Read <a href=\"/story\">the full story</a> now, or "
              "<a name=anchor>not a link</a>. Then stop! Why? Because.</p>"
              "<p>Posted <time datetime=2024-05-05>5 May 2024</time></p>"
              "<p>Photo <small>by AP</small> and <em>this</em> "
              "<font size=1>x</font><font size=3>y</font> <b>bold</b></p>"
              "<p>\xE6\x97\xA5\xE6\x9C\xAC\xE3\x80\x81\xE3\x83\x86\xE3\x82"
              "\xB9\xE3\x83\x88\xE3\x80\x82\xEF\xBC\x8C\xEF\xBC\x81</p>"
              "<p><a href=a>one</a> <a href=b>two</a> <a>three</a></p>"
              "</body>");
    EQ_INT(p.rc, 0, "blocks_build");
    const struct blocks *bs = &p.bs;
    int b = block_named(bs, "Read the full story now, or not a link. "
                            "Then stop! Why? Because.");
    OK(b >= 0, "link paragraph text");
    if (b >= 0) {
        EQ_INT(bs->blocks[b].chars, 52, "chars");
        EQ_INT(bs->blocks[b].link_chars, 12, "link chars: href only");
        EQ_INT(bs->blocks[b].n_links, 1, "an <a> without href is no link");
        EQ_INT(bs->blocks[b].commas, 1, "commas");
        EQ_INT(bs->blocks[b].stops, 4, "stops . ! ? .");
        EQ_INT(bs->blocks[b].time_chars, 0, "no time");
    }
    int t = block_named(bs, "Posted 5 May 2024");
    OK(t >= 0, "time paragraph");
    if (t >= 0) {
        EQ_INT(bs->blocks[t].chars, 14, "time block chars");
        EQ_INT(bs->blocks[t].time_chars, 8, "time chars");
    }
    int f = block_named(bs, "Photo by AP and this xy bold");
    OK(f >= 0, "fine-print paragraph");
    if (f >= 0)
        EQ_INT(bs->blocks[f].fine_chars, 9,
               "small, em and font size=1 are fine; font size=3, b not");
    /* 日本、テスト。，！ */
    int cjk = block_named(bs, "\xE6\x97\xA5\xE6\x9C\xAC\xE3\x80\x81\xE3\x83"
                              "\x86\xE3\x82\xB9\xE3\x83\x88\xE3\x80\x82\xEF"
                              "\xBC\x8C\xEF\xBC\x81");
    OK(cjk >= 0, "CJK paragraph");
    if (cjk >= 0) {
        EQ_INT(bs->blocks[cjk].chars, 9, "CJK chars are code points");
        EQ_INT(bs->blocks[cjk].commas, 2, "CJK commas 、，");
        EQ_INT(bs->blocks[cjk].stops, 2, "CJK stops 。！");
    }
    int l = block_named(bs, "one two three");
    OK(l >= 0, "link list paragraph");
    if (l >= 0) {
        EQ_INT(bs->blocks[l].n_links, 2, "two links");
        EQ_INT(bs->blocks[l].link_chars, 6, "link chars of two links");
    }
    done(&p);
}

static void
test_spans(void)
{
    struct page p;
    build(&p, "<body><p>Some <b>bold</b> and <em>italic</em> then "
              "<a href=\"/u?x=1\">a link</a>, <strong>strong</strong>"
              "<i>it</i> <a>plain</a>.</p></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    const struct blocks *bs = &p.bs;
    int b = block_named(bs, "Some bold and italic then a link, strongit "
                            "plain.");
    OK(b >= 0, "span paragraph text (got \"%s\")",
       bs->n_blocks ? block_text(bs, &bs->blocks[0]) : "");
    if (b < 0) {
        done(&p);
        return;
    }
    const char *t = block_text(bs, &bs->blocks[b]);
    /* What each span covers, without a leading space (a space before the
     * tag may fall inside; the assembler trims it). */
    static const struct { int kind; const char *text; const char *url; }
    want[] = {
        {IK_STRONG, "bold", NULL}, {IK_EM, "italic", NULL},
        {IK_LINK, "a link", "/u?x=1"}, {IK_STRONG, "strong", NULL},
        {IK_EM, "it", NULL},
    };
    size_t n = sizeof want / sizeof want[0];
    EQ_INT(bs->n_spans, (int)n, "spans: an <a> without href makes none");
    for (size_t i = 0; i < n && (int)i < bs->n_spans; i++) {
        const struct inline_span *sp = &bs->spans[i];
        EQ_INT(sp->block, b, "span block");
        EQ_INT(sp->kind, want[i].kind, want[i].text);
        uint32_t s = sp->start;
        while (s < sp->end && t[s] == ' ')
            s++;
        OK(sp->end <= bs->blocks[b].text_len &&
           sp->end - s == strlen(want[i].text) &&
           !strncmp(t + s, want[i].text, sp->end - s),
           "span %zu covers \"%s\" (got [%u, %u))", i, want[i].text,
           sp->start, sp->end);
        if (want[i].url)
            EQ_STR(sp->url, want[i].url, "link span url");
        else
            OK(sp->url == NULL, "no url on span %zu", i);
    }
    done(&p);
}

/* Flags of an element named by class, id or role, as its own block's
 * owner. */
static void
test_flags(void)
{
    struct page p;
    build(&p, "<body>"
              "<article>t01</article><main>t02</main><nav>t03</nav>"
              "<aside>t04</aside><footer>t05</footer><header>t06</header>"
              "<form><p>t07</p></form><fieldset>t29</fieldset>"
              "<div role=navigation>t08</div>"
              "<div role=dialog>t09</div><div aria-modal=true>t10</div>"
              "<div role=alertdialog>t11</div><div role=article>t12</div>"
              "<div class=comments>t13</div><div class=\"share-tools\">t14"
              "</div><div id=cookie-notice>t15</div>"
              "<div itemprop=articleBody>t16</div>"
              "<div class=entry-content>t17</div><div class=byline>t18</div>"
              "<div class=author-bio>t19</div><div class=breadcrumb>t20</div>"
              "<div class=disclaimer>t21</div><div class=related-posts>t22"
              "</div><div class=wp-caption-text>t23</div>"
              "<div class=sidebar>t24</div><div class=site-header>t25</div>"
              "<a href=/card><div>t26</div></a><div role=contentinfo>t27"
              "</div><div class=newsletter-signup>t28</div>"
              "<div itemscope itemtype=\"https://schema.org/Comment\">t30"
              "</div><div itemscope itemtype=\"http://schema.org/Answer\">"
              "t31</div>"
              /* Near misses. */
              "<div class=commentary>n01</div>"
              "<div class=\"post category-newsletter tag-comments\">n02</div>"
              "<div class=\"sidebar main\">n03</div>"
              "<div class=apageroot>n04</div><div class=shared>n05</div>"
              "<div role=presentation>n06</div>"
              "<div aria-modal=false>n07</div>"
              "<div class=\"post has-comments no-sidebar\">n08</div>"
              "<div itemscope itemtype=\"https://schema.org/CommentAction\">"
              "n09</div>"
              "</body>");
    EQ_INT(p.rc, 0, "blocks_build");
    const struct blocks *bs = &p.bs;
    static const struct { const char *text; uint32_t flag; } has[] = {
        {"t01", EF_ARTICLE_TAG}, {"t02", EF_MAIN_TAG}, {"t03", EF_NAV_TAG},
        {"t04", EF_ASIDE_TAG}, {"t05", EF_FOOTER_TAG},
        {"t06", EF_HEADER_TAG}, {"t08", EF_NAV_TAG},
        {"t09", EF_DIALOG}, {"t10", EF_DIALOG}, {"t11", EF_DIALOG},
        {"t12", EF_ARTICLE_TAG}, {"t13", EF_COMMENTS},
        {"t13", EF_UNLIKELY}, {"t14", EF_SHARE}, {"t15", EF_CONSENT},
        {"t16", EF_ARTICLE_BODY}, {"t17", EF_ARTICLE_BODY},
        {"t18", EF_BYLINE}, {"t19", EF_BIO}, {"t20", EF_NAV_NAME},
        {"t21", EF_NOTICE}, {"t22", EF_RELATED}, {"t22", EF_UNLIKELY},
        {"t23", EF_CAPTION}, {"t24", EF_UNLIKELY},
        {"t25", EF_UNLIKELY | EF_HEADER_NAME}, {"t26", EF_LINK_WRAP},
        {"t27", EF_FOOTER_TAG}, {"t28", EF_CONSENT}, {"t29", EF_FORM_TAG},
        {"t30", EF_POST_TYPE}, {"t31", EF_POST_TYPE},
    };
    for (size_t i = 0; i < sizeof has / sizeof has[0]; i++) {
        uint32_t f = flags_of(bs, has[i].text);
        OK(f != 0xFFFFFFFFu && (f & has[i].flag) == has[i].flag,
           "%s: flags 0x%x lack 0x%x", has[i].text, f, has[i].flag);
    }
    /* Plain tags and near misses carry none of the name flags. */
    static const struct { const char *text; uint32_t flag; } hasnt[] = {
        {"t01", EF_NAV_TAG | EF_UNLIKELY}, {"t03", EF_ARTICLE_TAG},
        {"t09", EF_NAV_TAG}, {"n01", EF_COMMENTS | EF_UNLIKELY},
        {"n02", EF_CONSENT | EF_COMMENTS}, {"n03", EF_UNLIKELY},
        {"n04", EF_NAV_NAME}, {"n06", EF_DIALOG | EF_NAV_TAG},
        {"n07", EF_DIALOG}, {"t26", EF_UNLIKELY},
        {"n08", EF_COMMENTS | EF_UNLIKELY},
        {"t17", EF_UNLIKELY}, {"t14", EF_COMMENTS},
        {"n09", EF_POST_TYPE}, {"t30", EF_COMMENTS},
    };
    for (size_t i = 0; i < sizeof hasnt / sizeof hasnt[0]; i++) {
        uint32_t f = flags_of(bs, hasnt[i].text);
        OK(f != 0xFFFFFFFFu && !(f & hasnt[i].flag),
           "%s: flags 0x%x hold 0x%x", hasnt[i].text, f, hasnt[i].flag);
    }
    /* Gumbo puts text written straight into a <form> after it, so the
     * form's paragraph is checked through its parent. */
    int t07 = block_named(bs, "t07");
    OK(t07 >= 0 && bs->elems[bs->blocks[t07].elem].parent >= 0 &&
       (bs->elems[bs->elems[bs->blocks[t07].elem].parent].flags &
        EF_FORM_TAG), "form has EF_FORM_TAG");
    /* "shared" starts with "share": words match at their start, not
     * whole. */
    OK(flags_of(bs, "n05") & EF_SHARE, "shared counts as share");
    int t26 = block_named(bs, "t26");
    if (t26 >= 0) {
        EQ_INT(bs->blocks[t26].link_chars, 3, "text in a linked card");
        EQ_INT(bs->blocks[t26].n_links, 0,
               "the link opened outside the block counts there");
    }
    done(&p);
}

static void
test_class_weight(void)
{
    struct page p;
    build(&p, "<body><div class=article id=content>w1</div>"
              "<div class=sidebar>w2</div><div class=\"hid\">w3</div>"
              "<div class=plain>w4</div><div>w5</div>"
              "<div class=\"post share\">w6</div>"
              "<div class=\"card overflow-hidden\">w7</div>"
              "<div class=\"md:overflow-x-hidden\">w8</div>"
              "<div class=\"hidden md:block\">w9</div></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    const struct blocks *bs = &p.bs;
    /* Only what overflows is hidden by "overflow-hidden": no weight. */
    static const struct { const char *text; int weight; } want[] = {
        {"w1", 50}, {"w2", -25}, {"w3", -25}, {"w4", 0}, {"w5", 0},
        {"w6", 0}, {"w7", 0}, {"w8", 0}, {"w9", -25},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        int b = block_named(bs, want[i].text);
        OK(b >= 0, "%s found", want[i].text);
        if (b >= 0)
            EQ_INT(bs->elems[bs->blocks[b].elem].class_weight,
                   want[i].weight, want[i].text);
    }
    int w4 = block_named(bs, "w4"), w5 = block_named(bs, "w5");
    if (w4 >= 0 && w5 >= 0) {
        OK(bs->elems[bs->blocks[w4].elem].class_hash != 0,
           "a class has a hash");
        EQ_INT(bs->elems[bs->blocks[w5].elem].class_hash, 0,
               "no class, no hash");
    }
    done(&p);
}

static void
test_ranges(void)
{
    struct page p;
    build(&p, "<body><div id=a><p>one</p><div id=b><p>two, too</p></div>"
              "</div><p>three</p></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    const struct blocks *bs = &p.bs;
    EQ_INT(bs->n_elems, 6, "elements");
    EQ_INT(bs->n_blocks, 3, "blocks");
    if (bs->n_elems != 6 || bs->n_blocks != 3) {
        done(&p);
        return;
    }
    /* body, div a, p, div b, p, p */
    static const GumboTag tags[] = {GUMBO_TAG_BODY, GUMBO_TAG_DIV,
                                    GUMBO_TAG_P, GUMBO_TAG_DIV, GUMBO_TAG_P,
                                    GUMBO_TAG_P};
    static const int parent[] = {-1, 0, 1, 1, 3, 0};
    static const int end_elem[] = {6, 5, 3, 5, 5, 6};
    static const int first_block[] = {0, 0, 0, 1, 1, 2};
    static const int end_block[] = {3, 2, 1, 2, 2, 3};
    static const int depth[] = {1, 2, 3, 3, 4, 2};
    static const int chars[] = {15, 10, 3, 7, 7, 5};
    static const int children[] = {2, 2, 0, 1, 0, 0};
    for (int i = 0; i < 6; i++) {
        char what[32];
        snprintf(what, sizeof what, "elem %d tag", i);
        EQ_INT(bs->elems[i].tag, tags[i], what);
        snprintf(what, sizeof what, "elem %d parent", i);
        EQ_INT(bs->elems[i].parent, parent[i], what);
        snprintf(what, sizeof what, "elem %d end_elem", i);
        EQ_INT(bs->elems[i].end_elem, end_elem[i], what);
        snprintf(what, sizeof what, "elem %d first_block", i);
        EQ_INT(bs->elems[i].first_block, first_block[i], what);
        snprintf(what, sizeof what, "elem %d end_block", i);
        EQ_INT(bs->elems[i].end_block, end_block[i], what);
        snprintf(what, sizeof what, "elem %d depth", i);
        EQ_INT(bs->elems[i].depth, depth[i], what);
        snprintf(what, sizeof what, "elem %d chars", i);
        EQ_INT(bs->elems[i].chars, chars[i], what);
        snprintf(what, sizeof what, "elem %d n_children", i);
        EQ_INT(bs->elems[i].n_children, children[i], what);
    }
    EQ_INT(bs->body_elem, 0, "body_elem");
    EQ_INT(bs->blocks[0].elem, 2, "one owned by the first p");
    EQ_INT(bs->blocks[1].elem, 4, "two owned by the inner p");
    EQ_INT(bs->blocks[2].elem, 5, "three owned by the last p");
    EQ_INT(bs->elems[3].n_commas, 1, "commas roll up");
    EQ_INT(bs->elems[0].n_commas, 1, "commas roll up to body");
    EQ_INT(bs->elems[0].n_p, 3, "paragraphs under body");
    EQ_INT(bs->elems[1].n_p, 2, "paragraphs under div a");
    done(&p);
}

static void
test_elem_counts(void)
{
    struct page p;
    build(&p, "<body><div id=box><p>a, b</p><p>c <img src=x.png></p>"
              "<ul><li>x</li><li>y</li></ul><h2>Head</h2><h3>Sub</h3>"
              "<form><input name=q><button>Go</button><select><option>1"
              "</option></select><textarea></textarea></form>"
              "<iframe src=v></iframe><video src=m></video>"
              "<p><a href=/l>linked</a></p><img src=y.png></div>"
              "<p>outside</p></body>");
    EQ_INT(p.rc, 0, "blocks_build");
    const struct blocks *bs = &p.bs;
    int box = elem_tagged(bs, GUMBO_TAG_DIV, 0);
    OK(box >= 0, "box found");
    if (box >= 0) {
        const struct elem *e = &bs->elems[box];
        EQ_INT(e->n_p, 3, "n_p");
        EQ_INT(e->n_li, 2, "n_li");
        EQ_INT(e->n_img, 2, "n_img");
        EQ_INT(e->n_input, 4, "n_input: input, button, select, textarea");
        EQ_INT(e->n_embed, 2, "n_embed: iframe, video");
        EQ_INT(e->n_headings, 2, "n_headings");
        EQ_INT(e->heading_chars, 7, "heading_chars");
        EQ_INT(e->chars, 19, "chars of the box");
        EQ_INT(e->link_chars, 6, "link chars of the box");
        EQ_INT(e->n_commas, 1, "n_commas");
    }
    int body = bs->body_elem;
    EQ_INT(bs->elems[body].tag, GUMBO_TAG_BODY, "body_elem is body");
    EQ_INT(bs->elems[body].n_p, 4, "n_p of body");
    OK(block_named(bs, "Go") < 0 && block_named(bs, "1") < 0,
       "form controls make no text");
    done(&p);
}

/* A page nested far deeper than the stack could recurse: custom elements
 * (block-level for the walker, and cheap for Gumbo, which tests scope only
 * for known tags), with text at the bottom and after. */
static void
test_deep(void)
{
    const int depth = 100000;
    const char *open = "<x-d>", *close = "</x-d>";
    size_t cap = (size_t)depth * (strlen(open) + strlen(close)) + 256;
    char *html = malloc(cap);
    OK(html != NULL, "memory for the deep page");
    if (!html)
        return;
    size_t n = 0;
    n += (size_t)snprintf(html, cap, "<body><p>top</p>");
    for (int i = 0; i < depth; i++) {
        memcpy(html + n, open, strlen(open));
        n += strlen(open);
    }
    n += (size_t)snprintf(html + n, cap - n, "deep text");
    for (int i = 0; i < depth; i++) {
        memcpy(html + n, close, strlen(close));
        n += strlen(close);
    }
    n += (size_t)snprintf(html + n, cap - n, "<p>bottom</p></body>");
    html[n] = '\0';
    struct page p;
    build(&p, html);
    EQ_INT(p.rc, 0, "blocks_build on the deep page");
    const struct blocks *bs = &p.bs;
    int deep = block_named(bs, "deep text");
    OK(deep >= 0, "the deepest text is kept");
    if (deep >= 0)
        EQ_INT(bs->elems[bs->blocks[deep].elem].depth, PITH_MAX_DEPTH,
               "text beyond the cap joins the element at the cap");
    OK(block_named(bs, "top") == 0, "text before the nesting");
    OK(block_named(bs, "bottom") == bs->n_blocks - 1,
       "text after the nesting is the last block");
    OK(bs->n_elems <= PITH_MAX_DEPTH + 2, "elements beyond the cap are "
       "not in the table (%d)", bs->n_elems);
    /* Every subtree range is well formed. */
    int bad = 0;
    for (int i = 0; i < bs->n_elems; i++) {
        const struct elem *e = &bs->elems[i];
        bad += e->end_elem <= i || e->end_elem > bs->n_elems ||
               e->first_block > e->end_block || e->end_block > bs->n_blocks ||
               e->parent >= i;
    }
    EQ_INT(bad, 0, "subtree ranges of the deep page");
    done(&p);
    free(html);
}

static void
test_empty(void)
{
    struct page p;
    build(&p, "");
    EQ_INT(p.rc, 0, "empty page");
    EQ_INT(p.bs.n_blocks, 0, "no blocks");
    EQ_INT(p.bs.n_elems, 1, "only the implied body");
    done(&p);
    /* No root at all is no error either. */
    struct arena a;
    arena_init(&a);
    struct blocks bs;
    EQ_INT(blocks_build(&a, NULL, 0, &bs), 0, "NULL root");
    EQ_INT(bs.n_blocks, 0, "NULL root: no blocks");
    EQ_INT(bs.n_elems, 0, "NULL root: no elements");
    arena_free(&a);
}

/* The signals of a parsed page (signals_read). */
static struct page_signals
signals_of(const char *html)
{
    struct arena a;
    arena_init(&a);
    int failed = 0;
    struct page_signals s;
    signals_read(dom_parse(&a, html, strlen(html), &failed), &s);
    arena_free(&a);
    return s;
}

static void
test_hidden_signal(void)
{
    /* Text inside hidden elements, counted without white space, once at
     * the outermost hidden element (the nested one is not counted
     * again), past scripts; visible text is not counted. */
    struct page_signals s = signals_of(
        "<body><p>shown text</p>"
        "<div hidden id=\"S:0\"><p>ab cd</p>"
        "<div aria-hidden=\"true\">ef</div><script>var x = 1;</script></div>"
        "<main aria-hidden=\"true\"><p>gh</p></main>"
        "<section style=\"display: none\">ij</section>"
        "<div style=\"visibility:hidden\">kl</div>"
        "<div aria-hidden=\"false\">mn</div>"
        "<div style=\"display:block\">op</div></body>");
    EQ_INT(s.hidden_chars, 12, "hidden characters");
    /* The walk goes on inside a hidden element: its scripts count. */
    s = signals_of("<body><div hidden><script>var abc = 1;</script>"
                   "<noscript>Please enable JavaScript</noscript></div>"
                   "<div id=\"root\"></div></body>");
    EQ_INT(s.script_bytes, 12, "script inside a hidden element");
    EQ_INT(s.noscript_js, 1, "noscript inside a hidden element");
    EQ_INT(s.empty_root, 1, "an empty root after a hidden element");
    s = signals_of("<body><p>nothing hidden</p></body>");
    EQ_INT(s.hidden_chars, 0, "no hidden text");
}

/* Siblings of one kind hash alike, whatever number their class gives
 * each; a class of other words hashes apart. */
static void
test_class_hash(void)
{
    struct page p;
    build(&p, "<div class=\"thing comment id-t1_o8n5\"><p>one</p></div>"
              "<div class=\"thing  comment id-t1_x9k2\"><p>two</p></div>"
              "<div class=\"thing card\"><p>three</p></div>"
              "<div class=\"id-42\"><p>four</p></div>");
    EQ_INT(p.rc, 0, "blocks_build");
    const struct blocks *bs = &p.bs;
    int a = bs->blocks[block_named(bs, "one")].elem;
    int b = bs->blocks[block_named(bs, "two")].elem;
    int c = bs->blocks[block_named(bs, "three")].elem;
    int d = bs->blocks[block_named(bs, "four")].elem;
    a = bs->elems[a].parent, b = bs->elems[b].parent;
    c = bs->elems[c].parent, d = bs->elems[d].parent;
    OK(bs->elems[a].class_hash == bs->elems[b].class_hash,
       "numbered comments hash alike");
    OK(bs->elems[a].class_hash != bs->elems[c].class_hash,
       "a card hashes apart from a comment");
    OK(bs->elems[d].class_hash != 0, "a class of numbers alone is a class");
    done(&p);
}

int
main(void)
{
    test_kinds();
    test_class_hash();
    test_hidden_signal();
    test_lists();
    test_pre_and_quote();
    test_tables();
    test_figure();
    test_whitespace_and_breaks();
    test_streamed_segments();
    test_hidden_page_wrapper();
    test_script_data();
    test_closed_panels();
    test_tablists();
    test_shown_anyway();
    test_hidden_content_wrapper();
    test_accordion_panel();
    test_redundant_link();
    test_code_lines();
    test_counts();
    test_spans();
    test_flags();
    test_class_weight();
    test_ranges();
    test_elem_counts();
    test_deep();
    test_empty();
    return test_done();
}
