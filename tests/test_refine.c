/*
 * refine_blocks() (src/score/refine.c) on made-up block tables: each rule
 * with a case it drops and a near case it keeps, in each refine_mode.
 * The tables are written by hand, as blocks_build() would fill them, so
 * that a rule is tested apart from the walker and the scorer.
 */
#include "harness.h"

#include "block_table.h"

#include "blocks/blocks.h"
#include "refine/refine.h"

#include <gumbo.h>
#include <stdint.h>

#define MAX_ELEMS 64
#define MAX_BLOCKS 64

/* A table under construction, and what refine_blocks() made of it. */
struct table {
    struct elem elems[MAX_ELEMS];
    struct block blocks[MAX_BLOCKS];
    char text[8192];
    size_t text_len;
    struct blocks bs;
    uint8_t keep[MAX_BLOCKS];
    const char *reason[MAX_BLOCKS];
};

/* All of the block's characters are linked. */
#define ALL -1

/* Prose: over 100 characters, a sentence end, no links. */
#define PROSE "The council approved the new budget on Tuesday, after a " \
    "debate that lasted, by most accounts, well into the evening and " \
    "beyond."
#define PROSE2 "Members argued about the library, the swimming pool, and " \
    "the long-delayed repairs to the bridge over the river, among others."

static void
start(struct table *t)
{
    memset(t, 0, sizeof *t);
    t->bs.elems = t->elems;
    t->bs.blocks = t->blocks;
    t->bs.text = t->text;
    /* Element 0 is the body. */
    t->elems[0].parent = -1;
    t->elems[0].tag = GUMBO_TAG_BODY;
    t->bs.n_elems = 1;
}

/* A new element under parent; elements must come in document order. */
static int
elem(struct table *t, int parent, GumboTag tag, uint32_t flags)
{
    int i = t->bs.n_elems++;
    struct elem *e = &t->elems[i];
    e->parent = parent;
    e->tag = (uint16_t)tag;
    e->flags = flags;
    e->depth = (uint16_t)(t->elems[parent].depth + 1);
    return i;
}

/* A block of element e, its counts worked out as blocks.c does. */
static int
block_of(struct table *t, int e, enum block_kind kind, const char *text,
         int link_chars)
{
    int i = t->bs.n_blocks++;
    struct block *b = &t->blocks[i];
    size_t len = strlen(text);
    b->elem = e;
    b->kind = (uint8_t)kind;
    b->text_off = (uint32_t)t->text_len;
    b->text_len = (uint32_t)len;
    memcpy(t->text + t->text_len, text, len + 1);
    t->text_len += len + 1;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == ' ' || (*p & 0xC0) == 0x80)
            continue;
        b->chars++;
        b->commas += *p == ',';
        b->stops += *p == '.' || *p == '!' || *p == '?';
    }
    b->link_chars = link_chars == ALL ? b->chars : (uint32_t)link_chars;
    b->n_links = b->link_chars ? 1 : 0;
    if (kind == BK_HEADING)
        b->level = 2;
    if (kind == BK_LI)
        b->level = 1;
    return i;
}

/* A new element under parent with one block of its own. */
static int
add(struct table *t, int parent, GumboTag tag, enum block_kind kind,
    const char *text, int link_chars)
{
    return block_of(t, elem(t, parent, tag, 0), kind, text, link_chars);
}

/* Subtree ends and sums, then refine_blocks() over every block kept. */
static void
run(struct table *t, enum refine_mode mode)
{
    int ne = t->bs.n_elems, nb = t->bs.n_blocks;
    block_table_ranges(&t->bs);
    /* Images count up the tree, as blocks.c's sums do. */
    for (int i = ne - 1; i > 0; i--)
        t->elems[t->elems[i].parent].n_img += t->elems[i].n_img;
    for (int b = 0; b < nb; b++) {
        t->keep[b] = 1;
        t->reason[b] = NULL;
    }
    t->bs.text_len = t->text_len;
    refine_blocks(&t->bs, mode, t->keep, t->reason);
}

/* Checks that block b went for why, or stayed (why NULL). */
#define WENT(t, b, why, what)                                              \
    do {                                                                   \
        if (why) {                                                         \
            EQ_INT((t)->keep[b], 0, what);                                 \
            EQ_STR((t)->reason[b], (why), what);                           \
        } else {                                                           \
            OK((t)->keep[b] == 1 && (t)->reason[b] == NULL,                \
               "%s: dropped as \"%s\"", what,                              \
               (t)->reason[b] ? (t)->reason[b] : "?");                     \
        }                                                                  \
    } while (0)

#define KEPT(t, b, what) WENT(t, b, (const char *)NULL, what)

static void
test_links_outside_prose(void)
{
    struct table t;
    for (int mode = REFINE_BALANCED; mode <= REFINE_LINKS; mode++) {
        start(&t);
        int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
        /* Before the first paragraph of prose: navigation. */
        int all = add(&t, d, GUMBO_TAG_P, BK_PARA, "Home News Sport", ALL);
        int half = add(&t, d, GUMBO_TAG_P, BK_PARA,
                       "Read more about the budget here", 14);
        int under = add(&t, d, GUMBO_TAG_P, BK_PARA,
                        "Some words and a link here", 8);
        int p1 = add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
        int p2 = add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
        int pre = add(&t, d, GUMBO_TAG_PRE, BK_PRE, "see https://x.y/z",
                      ALL);
        run(&t, (enum refine_mode)mode);
        WENT(&t, all, "mostly link text", "all-link line before prose");
        WENT(&t, half, "mostly link text", "half-linked short line");
        KEPT(&t, under, "short line linked under half");
        KEPT(&t, p1, "first prose");
        KEPT(&t, p2, "last prose");
        KEPT(&t, pre, "pre is never a link line");
    }
    /* A long block needs 80% of links outside prose; 60% of 300 goes
     * only as a short line. */
    char long_text[400];
    memset(long_text, 'x', 300);
    long_text[300] = '\0';
    start(&t);
    int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    int p1 = add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    int lng = add(&t, d, GUMBO_TAG_P, BK_PARA, long_text, 180);
    int most = add(&t, d, GUMBO_TAG_P, BK_PARA, long_text, 240);
    run(&t, REFINE_BALANCED);
    KEPT(&t, p1, "prose");
    KEPT(&t, lng, "long block linked 60%");
    WENT(&t, most, "mostly link text", "long block linked 80%");
}

static void
test_links_between_prose(void)
{
    struct table t;
    for (int mode = REFINE_BALANCED; mode <= REFINE_LINKS; mode++) {
        start(&t);
        int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
        add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
        int ul = elem(&t, d, GUMBO_TAG_UL, EF_LIST);
        int name = add(&t, ul, GUMBO_TAG_LI, BK_LI, "Jane Doe", ALL);
        int headline = add(&t, ul, GUMBO_TAG_LI, BK_LI,
                           "Council votes on the budget for next year", ALL);
        int line = add(&t, d, GUMBO_TAG_P, BK_PARA,
                       "Read more: the budget in full", 16);
        int mostly = add(&t, d, GUMBO_TAG_P, BK_PARA,
                         "Read more: the budget in full", 24);
        add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
        run(&t, (enum refine_mode)mode);
        if (mode == REFINE_STRICT) {
            /* Strict: the outside rules hold between paragraphs too. */
            WENT(&t, name, "mostly link text", "strict: linked name");
            WENT(&t, line, "mostly link text", "strict: half-linked line");
        } else {
            KEPT(&t, name, "a linked name in a list of references");
            KEPT(&t, line, "a line two-thirds linked between prose");
        }
        WENT(&t, headline, "mostly link text", "linked headline in a list");
        WENT(&t, mostly, "mostly link text", "a line all linked");
    }
}

static void
test_ad_labels(void)
{
    static const char *const labels[] = {
        "Advertisement", "- Anzeige -", "[Ad]", "ADVERTISING:",
        "Sponsored Content", "Werbung", "publicit\xC3\xA9",
    };
    static const char *const near[] = {
        "Adverts", "Advertisement for the new library opens soon",
        "Ad hoc", "Sponsored by the council",
    };
    for (int mode = REFINE_BALANCED; mode <= REFINE_LINKS; mode++) {
        struct table t;
        start(&t);
        int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
        int first = t.bs.n_blocks;
        for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
            add(&t, d, GUMBO_TAG_P, BK_PARA, labels[i], 0);
        int first_near = t.bs.n_blocks;
        for (size_t i = 0; i < sizeof near / sizeof near[0]; i++)
            add(&t, d, GUMBO_TAG_P, BK_PARA, near[i], 0);
        add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
        run(&t, (enum refine_mode)mode);
        for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
            WENT(&t, first + (int)i,
                 mode == REFINE_LINKS ? NULL : "advertisement label",
                 labels[i]);
        for (size_t i = 0; i < sizeof near / sizeof near[0]; i++)
            KEPT(&t, first_near + (int)i, near[i]);
    }
}

/* A caption case alone between two paragraphs of prose: the caption rules
 * look at siblings, so each case gets a table of its own. */
static void
test_captions(void)
{
    struct table t;
    /* A figcaption block. */
    start(&t);
    int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    int fig = elem(&t, d, GUMBO_TAG_FIGURE, EF_FIGURE);
    t.elems[fig].n_img = 1;
    int cap = add(&t, fig, GUMBO_TAG_FIGCAPTION, BK_CAPTION,
                  "The barn in May", 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
    run(&t, REFINE_BALANCED);
    WENT(&t, cap, "caption", "figcaption block");
    run(&t, REFINE_STRICT);
    WENT(&t, cap, "caption", "strict: figcaption block");
    run(&t, REFINE_LINKS);
    KEPT(&t, cap, "links mode: figcaption");

    /* Text two levels below an element named as a caption, and three. */
    start(&t);
    d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    int named = elem(&t, d, GUMBO_TAG_DIV, EF_CAPTION);
    int inner = elem(&t, named, GUMBO_TAG_DIV, 0);
    int credit = add(&t, inner, GUMBO_TAG_P, BK_PARA, "Photo agency", 0);
    int named2 = elem(&t, d, GUMBO_TAG_DIV, EF_CAPTION);
    int i1 = elem(&t, named2, GUMBO_TAG_DIV, 0);
    int i2 = elem(&t, i1, GUMBO_TAG_DIV, 0);
    int far = add(&t, i2, GUMBO_TAG_P, BK_PARA, "Far below the name", 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
    run(&t, REFINE_BALANCED);
    WENT(&t, credit, "caption", "two levels below a caption name");
    KEPT(&t, far, "three levels below a caption name");

    /* A short text alone in a box with an image. */
    start(&t);
    d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    int box = elem(&t, d, GUMBO_TAG_DIV, 0);
    t.elems[box].n_img = 1;
    int beside = add(&t, box, GUMBO_TAG_P, BK_PARA, "Beside the image", 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
    run(&t, REFINE_BALANCED);
    WENT(&t, beside, "caption", "short text alone with an image");
    run(&t, REFINE_LINKS);
    KEPT(&t, beside, "links mode: text beside an image");

    /* The same box with a text longer than a caption. */
    start(&t);
    d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    box = elem(&t, d, GUMBO_TAG_DIV, 0);
    t.elems[box].n_img = 1;
    int prose_img = add(&t, box, GUMBO_TAG_P, BK_PARA, PROSE " " PROSE2, 0);
    run(&t, REFINE_BALANCED);
    KEPT(&t, prose_img, "long text beside an image");

    /* An image and two texts: the short one is no caption. */
    start(&t);
    d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    box = elem(&t, d, GUMBO_TAG_DIV, 0);
    t.elems[box].n_img = 1;
    int shared = add(&t, box, GUMBO_TAG_P, BK_PARA, "Shares the box", 0);
    add(&t, box, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
    run(&t, REFINE_BALANCED);
    KEPT(&t, shared, "text sharing the box with more text");

    /* Small print right after an element that holds only an image; the
     * same text with one character not small is no caption. */
    for (int all_small = 0; all_small <= 1; all_small++) {
        start(&t);
        d = elem(&t, 0, GUMBO_TAG_DIV, 0);
        add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
        int imgbox = elem(&t, d, GUMBO_TAG_DIV, 0);
        t.elems[imgbox].n_img = 1;
        int small = add(&t, d, GUMBO_TAG_P, BK_PARA, "Credit: the agency",
                        0);
        t.blocks[small].fine_chars = t.blocks[small].chars - !all_small;
        add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
        run(&t, REFINE_BALANCED);
        WENT(&t, small, all_small ? "caption" : NULL,
             all_small ? "small print after an image"
                       : "not all small print after an image");
    }

    /* Small print after an image box that also holds text. */
    start(&t);
    d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    box = elem(&t, d, GUMBO_TAG_DIV, 0);
    t.elems[box].n_img = 1;
    add(&t, box, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
    int after = add(&t, d, GUMBO_TAG_P, BK_PARA, "Credit: the agency", 0);
    t.blocks[after].fine_chars = t.blocks[after].chars;
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    run(&t, REFINE_BALANCED);
    KEPT(&t, after, "small print after a box of image and text");
}

static void
test_caption_steps(void)
{
    /* Three boxes of an image and a short text each are the steps of a
     * how-to, not captions; with two they are captions. */
    for (int steps = 2; steps <= 3; steps++) {
        struct table t;
        start(&t);
        int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
        add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
        int list = elem(&t, d, GUMBO_TAG_DIV, 0);
        int first = t.bs.n_blocks;
        for (int s = 0; s < steps; s++) {
            int box = elem(&t, list, GUMBO_TAG_DIV, 0);
            t.elems[box].n_img = 1;
            add(&t, box, GUMBO_TAG_P, BK_PARA, "Stir the soup well", 0);
        }
        add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
        run(&t, REFINE_BALANCED);
        for (int s = 0; s < steps; s++)
            WENT(&t, first + s, steps == 3 ? NULL : "caption",
                 steps == 3 ? "a step of three" : "one of two images");
    }
}

static void
test_bylines(void)
{
    struct table t;
    start(&t);
    int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    int by = add(&t, d, GUMBO_TAG_P, BK_PARA, "By Jane Doe", 0);
    int von = add(&t, d, GUMBO_TAG_P, BK_PARA, "Von Max Muster", 0);
    int written = add(&t, d, GUMBO_TAG_DIV, BK_DIVTEXT,
                      "Written by \xC3\x89milie Dupont", 0);
    int lower = add(&t, d, GUMBO_TAG_P, BK_PARA, "by the river we sat", 0);
    int stops = add(&t, d, GUMBO_TAG_P, BK_PARA, "By Dr. J. Smith", 0);
    int heading = add(&t, d, GUMBO_TAG_H2, BK_HEADING, "By Jane Doe", 0);
    int nearby = add(&t, d, GUMBO_TAG_P, BK_PARA, "Bystanders Agree", 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    run(&t, REFINE_BALANCED);
    WENT(&t, by, "byline", "By Jane Doe");
    WENT(&t, von, "byline", "Von Max Muster");
    WENT(&t, written, "byline", "Written by a name with an accent");
    KEPT(&t, lower, "by and a lowercase word");
    KEPT(&t, stops, "two stops");
    KEPT(&t, heading, "a heading is no byline");
    KEPT(&t, nearby, "by inside a word");
    run(&t, REFINE_LINKS);
    KEPT(&t, by, "links mode keeps the byline");
}

static void
test_copyright(void)
{
    struct table t;
    start(&t);
    int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    int foot = elem(&t, d, GUMBO_TAG_P, 0);
    int c = block_of(&t, foot, BK_PARA, "\xC2\xA9 Example Media", 0);
    int rest = block_of(&t, foot, BK_PARA, "All rights reserved", 0);
    int word = add(&t, d, GUMBO_TAG_P, BK_PARA, "Copyright Example Media", 0);
    int paren = add(&t, d, GUMBO_TAG_P, BK_PARA, "Text (c) Example Media", 0);
    int other = add(&t, d, GUMBO_TAG_P, BK_PARA, "Thanks for reading it", 0);
    int sentence = add(&t, d, GUMBO_TAG_P, BK_PARA,
                       "The copyright of the photo is disputed", 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
    run(&t, REFINE_BALANCED);
    WENT(&t, c, "copyright line", "\xC2\xA9 line");
    WENT(&t, rest, "copyright line", "the rest of the notice's paragraph");
    WENT(&t, word, "copyright line", "Copyright line");
    WENT(&t, paren, "copyright line", "(c) line");
    KEPT(&t, other, "a line of another element after the notice");
    KEPT(&t, sentence, "copyright inside a sentence");
}

static void
test_meta_lines(void)
{
    struct table t;
    start(&t);
    int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    int date = add(&t, d, GUMBO_TAG_P, BK_PARA, "12 May 2024, 10:30", 0);
    int mins = add(&t, d, GUMBO_TAG_P, BK_PARA, "4 min", 0);
    int words = add(&t, d, GUMBO_TAG_P, BK_PARA, "Chapter 1 of the story", 0);
    int li_time = add(&t, d, GUMBO_TAG_LI, BK_LI, "Tuesday", 0);
    t.blocks[li_time].time_chars = t.blocks[li_time].chars;
    int li_date = add(&t, d, GUMBO_TAG_LI, BK_LI, "12 May 2024", 0);
    int head = add(&t, d, GUMBO_TAG_H2, BK_HEADING, "2024", 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    run(&t, REFINE_BALANCED);
    WENT(&t, date, "date or count line", "a date and time");
    WENT(&t, mins, "date or count line", "a reading time");
    KEPT(&t, words, "a line with one digit among words");
    WENT(&t, li_time, "date or count line", "a list item all <time>");
    KEPT(&t, li_date, "a list item of digits not in <time>");
    KEPT(&t, head, "a heading of digits that heads prose");
}

static void
test_tickers(void)
{
    struct table t;
    start(&t);
    int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    int marquee = add(&t, d, GUMBO_TAG_DIV, BK_DIVTEXT,
                      "Book now * Book now * Book now * Book n", 0);
    int rule = add(&t, d, GUMBO_TAG_P, BK_PARA,
                   "- - - - - - - - - - - - - - - - -", 0);
    int twice = add(&t, d, GUMBO_TAG_P, BK_PARA,
                    "Order today. Order today.", 0);
    int tab = elem(&t, d, GUMBO_TAG_TABLE, EF_DATA_TABLE);
    int row = add(&t, tab, GUMBO_TAG_TR, BK_ROW,
                  "n | Mean | n | Mean | n | Mean | n | Mean", 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
    run(&t, REFINE_BALANCED);
    WENT(&t, marquee, "ticker", "a phrase repeated, cut at the end");
    WENT(&t, rule, "ticker", "a rule of spaced dashes");
    KEPT(&t, twice, "a sentence said twice");
    KEPT(&t, row, "a table row of repeated cells");
}

/* A block longer than any banner is never a ticker, repeated or not:
 * the rest of a list past the block cap is one such block, all the
 * page's text. */
static void
test_long_repeats_kept(void)
{
    static char longer[3000];
    for (size_t i = 0; i + 1 < sizeof longer; i++)
        longer[i] = "an item of a list "[i % 18];
    struct table t;
    start(&t);
    int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    int rest = add(&t, d, GUMBO_TAG_DIV, BK_DIVTEXT, longer, 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
    run(&t, REFINE_BALANCED);
    KEPT(&t, rest, "3000 bytes of one phrase");
}

static void
test_cookie_notice(void)
{
    struct table t;
    start(&t);
    int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    int before = add(&t, d, GUMBO_TAG_P, BK_PARA,
                     "This site uses cookies to work", 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    int between = add(&t, d, GUMBO_TAG_P, BK_PARA,
                      "Grandma baked cookies for the fair", 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
    int after = add(&t, d, GUMBO_TAG_P, BK_PARA,
                    "We use Cookies, as our policy explains in detail.", 0);
    run(&t, REFINE_BALANCED);
    WENT(&t, before, "cookie notice", "cookie line before the article");
    KEPT(&t, between, "cookies between paragraphs of prose");
    WENT(&t, after, "cookie notice", "cookie line after the article");
}

static void
test_link_list_heads(void)
{
    for (int mode = REFINE_BALANCED; mode <= REFINE_LINKS; mode++) {
        struct table t;
        start(&t);
        int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
        add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
        add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
        /* A heading, then a list of links, then the end. */
        int head = add(&t, d, GUMBO_TAG_H2, BK_HEADING, "Read also", 0);
        int l1 = add(&t, d, GUMBO_TAG_LI, BK_LI,
                     "Council votes on the budget for next year", ALL);
        int l2 = add(&t, d, GUMBO_TAG_LI, BK_LI,
                     "The bridge repairs start again in spring", ALL);
        run(&t, (enum refine_mode)mode);
        WENT(&t, l1, "mostly link text", "related link 1");
        WENT(&t, l2, "mostly link text", "related link 2");
        WENT(&t, head, "heading of a list of links", "the list's heading");
    }
    /* The heading of a link list that the article goes on after: kept,
     * since its section holds the prose. */
    struct table t;
    start(&t);
    int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    int head = add(&t, d, GUMBO_TAG_H2, BK_HEADING, "Background", 0);
    int l1 = add(&t, d, GUMBO_TAG_P, BK_PARA, "See the budget", ALL);
    int p2 = add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
    run(&t, REFINE_STRICT);
    WENT(&t, l1, "mostly link text", "strict: link line");
    KEPT(&t, head, "heading followed by links and then prose");
    KEPT(&t, p2, "the prose after");
}

static void
test_empty_sections(void)
{
    for (int mode = REFINE_BALANCED; mode <= REFINE_LINKS; mode++) {
        struct table t;
        start(&t);
        int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
        int h2a = add(&t, d, GUMBO_TAG_H2, BK_HEADING, "Empty section", 0);
        int h2b = add(&t, d, GUMBO_TAG_H2, BK_HEADING, "Full section", 0);
        int h3 = add(&t, d, GUMBO_TAG_H3, BK_HEADING, "Its subsection", 0);
        t.blocks[h3].level = 3;
        add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
        int label = add(&t, d, GUMBO_TAG_P, BK_PARA, "Contact:", 0);
        int h2c = add(&t, d, GUMBO_TAG_H2, BK_HEADING, "Another", 0);
        /* Dropped before refine_blocks() ran: it holds nothing kept. */
        int gone = add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
        int h2x = add(&t, d, GUMBO_TAG_H2, BK_HEADING, "More", 0);
        int label2 = add(&t, d, GUMBO_TAG_P, BK_PARA, "Phone:", 0);
        int kept_after = add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
        int h2d = add(&t, d, GUMBO_TAG_H2, BK_HEADING, "Last words", 0);
        run(&t, REFINE_BALANCED); /* sets up keep[] */
        /* Start again with gone already dropped by the scorer. */
        for (int b = 0; b < t.bs.n_blocks; b++) {
            t.keep[b] = b != gone;
            t.reason[b] = NULL;
        }
        refine_blocks(&t.bs, (enum refine_mode)mode, t.keep, t.reason);
        const char *empty = mode == REFINE_LINKS
                                ? NULL : "heading of an empty section";
        WENT(&t, h2a, empty, "h2 right before another h2");
        KEPT(&t, h2b, "h2 whose subsection holds prose");
        KEPT(&t, h3, "h3 over prose");
        WENT(&t, label, empty, "a label before a heading");
        WENT(&t, h2c, empty, "h2 whose only text was dropped");
        EQ_INT(t.keep[gone], 0, "a block dropped before stays dropped");
        OK(t.reason[gone] == NULL, "and gets no reason");
        KEPT(&t, h2x, "h2 over a label over prose");
        KEPT(&t, label2, "a label before prose");
        KEPT(&t, kept_after, "prose");
        WENT(&t, h2d, empty, "a heading at the end");
    }
}

static void
test_prose_heading(void)
{
    /* A heading that reads as a paragraph (80+ characters, a sentence
     * end) heads nothing, so an empty "section" does not drop it. */
    struct table t;
    start(&t);
    int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    int deck = add(&t, d, GUMBO_TAG_H2, BK_HEADING,
                   "The council approved the budget after a long debate, "
                   "and the mayor was pleased with the outcome. More to "
                   "follow soon", 0);
    int title = add(&t, d, GUMBO_TAG_H2, BK_HEADING,
                    "The council approved the budget after a long debate "
                    "and the mayor was pleased with the outcome of it all",
                    0);
    int h = add(&t, d, GUMBO_TAG_H2, BK_HEADING, "Next", 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
    OK(t.blocks[deck].chars >= PROSE_HEADING_CHARS &&
       t.blocks[title].chars >= PROSE_HEADING_CHARS,
       "both headings are long enough to be prose");
    run(&t, REFINE_BALANCED);
    KEPT(&t, deck, "a prose heading");
    WENT(&t, title, "heading of an empty section",
         "a long heading without a stop");
    KEPT(&t, h, "a heading over prose");
}

static void
test_calls_to_action(void)
{
    struct table t;
    start(&t);
    int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    int mid = add(&t, d, GUMBO_TAG_P, BK_PARA,
                  "Readers who subscribe get the paper at home, every day.",
                  0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE2, 0);
    int c1 = add(&t, d, GUMBO_TAG_P, BK_PARA,
                 "Get the best stories in your inbox every morning, free of "
                 "charge and without any advertising at all.", 0);
    int c2 = add(&t, d, GUMBO_TAG_P, BK_PARA,
                 "Follow us on every network you like, and tell your friends "
                 "about this site too!", 0);
    run(&t, REFINE_BALANCED);
    KEPT(&t, mid, "a call to action followed by prose");
    WENT(&t, c1, "call to action after the article", "newsletter line");
    WENT(&t, c2, "call to action after the article", "follow line");
    run(&t, REFINE_LINKS);
    KEPT(&t, c2, "links mode keeps calls to action");
}

static void
test_tail(void)
{
    struct table t;
    start(&t);
    int d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    int lead = add(&t, d, GUMBO_TAG_P, BK_PARA, "Lead line", 0);
    add(&t, d, GUMBO_TAG_P, BK_PARA, PROSE, 0);
    int h = add(&t, d, GUMBO_TAG_H2, BK_HEADING, "More", 0);
    int say = add(&t, d, GUMBO_TAG_P, BK_PARA, "Be there or be square!", 0);
    int li = add(&t, d, GUMBO_TAG_LI, BK_LI, "An item", 0);
    int src = add(&t, d, GUMBO_TAG_P, BK_PARA,
                  "Source: the city council and its own published records", 0);
    int longer = add(&t, d, GUMBO_TAG_P, BK_PARA,
                     "A closing line that runs on and on without any end "
                     "to it",
                     0);
    int label_sentence = add(&t, d, GUMBO_TAG_P, BK_PARA,
                             "Note: more soon.", 0);
    int line = add(&t, d, GUMBO_TAG_P, BK_PARA, "example.com", 0);
    run(&t, REFINE_BALANCED);
    KEPT(&t, lead, "a short line before the prose");
    KEPT(&t, h, "a heading with text after it");
    KEPT(&t, say, "a short sentence after the prose");
    KEPT(&t, li, "a list item after the prose");
    WENT(&t, src, "short line after the article", "a source line");
    KEPT(&t, longer, "a line of 40+ characters without a label");
    WENT(&t, label_sentence, "short line after the article",
         "a label line that ends in a stop");
    WENT(&t, line, "short line after the article", "a bare address");
    run(&t, REFINE_LINKS);
    KEPT(&t, line, "links mode has no tail rule");

    /* Without a paragraph of prose there is no tail. */
    start(&t);
    d = elem(&t, 0, GUMBO_TAG_DIV, 0);
    int only = add(&t, d, GUMBO_TAG_P, BK_PARA, "example.com", 0);
    add(&t, d, GUMBO_TAG_LI, BK_LI, "An item", 0);
    run(&t, REFINE_BALANCED);
    KEPT(&t, only, "no prose, no tail");
}

static void
test_empty_table(void)
{
    struct table t;
    start(&t);
    run(&t, REFINE_BALANCED);
    EQ_INT(t.bs.n_blocks, 0, "no blocks is no error");
    run(&t, REFINE_STRICT);
    run(&t, REFINE_LINKS);
    EQ_INT(t.bs.n_blocks, 0, "every mode runs on an empty table");
}

int
main(void)
{
    test_links_outside_prose();
    test_links_between_prose();
    test_ad_labels();
    test_captions();
    test_caption_steps();
    test_bylines();
    test_copyright();
    test_meta_lines();
    test_tickers();
    test_long_repeats_kept();
    test_cookie_notice();
    test_link_list_heads();
    test_empty_sections();
    test_prose_heading();
    test_calls_to_action();
    test_tail();
    test_empty_table();
    return test_done();
}
