/*
 * pick_by_kind() for a forum (src/pick/forum.c) on made-up block tables:
 * a thread whose scorer kept only the first post gets every post back,
 * without the author boxes, the buttons every post repeats and the quotes
 * of another post; a page without repeated posts is left as it was.
 */
#include "harness.h"

#include "block_table.h"

#include "arena.h"
#include "blocks/blocks.h"
#include "pick/pick.h"

#include <gumbo.h>
#include <stdint.h>

#define MAX_ELEMS 96
#define MAX_BLOCKS 96

struct table {
    struct elem elems[MAX_ELEMS];
    struct block blocks[MAX_BLOCKS];
    char text[16384];
    size_t text_len;
    struct blocks bs;
    uint8_t keep[MAX_BLOCKS], selected[MAX_BLOCKS];
    const char *reason[MAX_BLOCKS];
    struct score_result sc;
};

#define POST_CLASS 0x5151u
#define POST_CLASS_ALT 0x5252u

static const char *const replies[] = {
    "I had the same trouble with the pump last winter, and the fix was "
    "to bleed the radiators before turning the heating back on.",
    "Check the pressure gauge first: below one bar the boiler shuts "
    "itself down, whatever the thermostat says about the rooms.",
    "Thanks, both of you. The pressure was at half a bar; topping it up "
    "brought the heat back within the hour, as you said it would.",
    "For anyone finding this later: the filling loop sits under the "
    "boiler, behind the small panel that clips off at the front.",
};

static void
start(struct table *t)
{
    memset(t, 0, sizeof *t);
    t->bs.elems = t->elems;
    t->bs.blocks = t->blocks;
    t->bs.text = t->text;
    t->elems[0].parent = -1;
    t->elems[0].tag = GUMBO_TAG_BODY;
    t->bs.n_elems = 1;
}

static int
elem(struct table *t, int parent, GumboTag tag, uint32_t flags,
     uint32_t class_hash)
{
    int i = t->bs.n_elems++;
    struct elem *e = &t->elems[i];
    e->parent = parent;
    e->tag = (uint16_t)tag;
    e->flags = flags;
    e->class_hash = class_hash;
    e->depth = (uint16_t)(t->elems[parent].depth + 1);
    return i;
}

/* A block of element e; a date is set in <time>, as forums do. */
static int
block_of(struct table *t, int e, enum block_kind kind, const char *text,
         int linked, int in_time, int quote_depth)
{
    int i = t->bs.n_blocks++;
    struct block *b = &t->blocks[i];
    size_t len = strlen(text);
    b->elem = e;
    b->kind = (uint8_t)kind;
    b->text_off = (uint32_t)t->text_len;
    b->text_len = (uint32_t)len;
    b->quote_depth = (uint8_t)quote_depth;
    memcpy(t->text + t->text_len, text, len + 1);
    t->text_len += len + 1;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == ' ' || (*p & 0xC0) == 0x80)
            continue;
        b->chars++;
        b->commas += *p == ',';
        b->stops += *p == '.' || *p == '!' || *p == '?';
    }
    b->link_chars = linked ? b->chars : 0;
    b->n_links = linked ? 1 : 0;
    b->time_chars = in_time ? b->chars : 0;
    return i;
}

static int
add(struct table *t, int parent, GumboTag tag, uint32_t flags,
    enum block_kind kind, const char *text, int linked, int in_time)
{
    return block_of(t, elem(t, parent, tag, flags, 0), kind, text, linked,
                    in_time, 0);
}

/* One post: an author box, a date, the text, a "Reply" button.  Returns
 * the block of its text. */
static int
post(struct table *t, int parent, uint32_t class_hash, const char *author,
     const char *text)
{
    int p = elem(t, parent, GUMBO_TAG_DIV, 0, class_hash);
    int box = elem(t, p, GUMBO_TAG_DIV, EF_BYLINE, 0);
    add(t, box, GUMBO_TAG_DIV, 0, BK_DIVTEXT, author, 1, 0);
    add(t, box, GUMBO_TAG_DIV, 0, BK_DIVTEXT, "Posts: 212", 0, 0);
    add(t, p, GUMBO_TAG_DIV, 0, BK_DIVTEXT, "March 3, 2024", 0, 1);
    int body = elem(t, p, GUMBO_TAG_DIV, 0, 0);
    int b = add(t, body, GUMBO_TAG_P, 0, BK_PARA, text, 0, 0);
    add(t, p, GUMBO_TAG_DIV, 0, BK_DIVTEXT, "Reply", 1, 0);
    return b;
}

/* Ranges and sums, the scorer's choice (keep[] from the blocks listed,
 * ending in -1), then the forum picker. */
static void
pick(struct table *t, int main_elem, const int *kept)
{
    block_table_ranges(&t->bs);
    t->bs.text_len = t->text_len;
    for (int i = 0; i < t->bs.n_blocks; i++)
        t->reason[i] = "outside the main content";
    for (const int *k = kept; *k >= 0; k++) {
        t->keep[*k] = t->selected[*k] = 1;
        t->reason[*k] = "main content";
    }
    t->sc.keep = t->keep;
    t->sc.selected = t->selected;
    t->sc.reason = t->reason;
    t->sc.main_elem = main_elem;
    struct arena a;
    arena_init(&a);
    struct pick_input in = {&t->bs, NULL, KIND_FORUM, SCORE_BALANCED};
    EQ_INT(pick_by_kind(&a, &in, &t->sc), 0, "the picker runs");
    arena_free(&a);
}

static int
n_kept(const struct table *t)
{
    int n = 0;
    for (int i = 0; i < t->bs.n_blocks; i++)
        n += t->keep[i];
    return n;
}

static void
test_every_post(void)
{
    struct table t;
    start(&t);
    int side = elem(&t, 0, GUMBO_TAG_ASIDE, EF_ASIDE_TAG, 0);
    add(&t, side, GUMBO_TAG_LI, 0, BK_LI, "Boiler makes a knocking noise",
        1, 0);
    int thread = elem(&t, 0, GUMBO_TAG_DIV, EF_COMMENTS, 0);
    int body[4];
    for (int k = 0; k < 4; k++)
        body[k] = post(&t, thread, POST_CLASS, k % 2 ? "bob" : "alice",
                       replies[k]);
    int first = t.blocks[body[0]].elem;
    int kept[] = {body[0], -1};
    pick(&t, first, kept);
    for (int k = 0; k < 4; k++)
        OK(t.keep[body[k]], "post %d kept", k);
    EQ_STR(t.reason[body[1]], "post of the thread", "why a reply came");
    EQ_INT(n_kept(&t), 4, "only the posts' text");
    for (int i = 0; i < t.bs.n_blocks; i++) {
        const char *s = block_text(&t.bs, &t.blocks[i]);
        if (!strcmp(s, "Reply"))
            OK(!t.keep[i], "block %d: the button every post has", i);
        if (!strncmp(s, "Posts:", 6) || !strcmp(s, "alice"))
            OK(!t.keep[i], "block %d: the author box", i);
    }
    EQ_INT((int)t.sc.kept_chars,
           (int)(t.blocks[body[0]].chars + t.blocks[body[1]].chars +
                 t.blocks[body[2]].chars + t.blocks[body[3]].chars),
           "kept_chars recounted");
}

static void
test_alternating_classes(void)
{
    struct table t;
    start(&t);
    int thread = elem(&t, 0, GUMBO_TAG_DIV, 0, 0);
    int body[4];
    for (int k = 0; k < 4; k++)
        body[k] = post(&t, thread, k % 2 ? POST_CLASS_ALT : POST_CLASS,
                       "carol", replies[k]);
    int kept[] = {body[0], -1};
    pick(&t, t.blocks[body[0]].elem, kept);
    for (int k = 0; k < 4; k++)
        OK(t.keep[body[k]], "post %d of two alternating classes kept", k);
}

static void
test_quotes(void)
{
    struct table t;
    start(&t);
    int thread = elem(&t, 0, GUMBO_TAG_DIV, 0, 0);
    int body[3];
    for (int k = 0; k < 3; k++)
        body[k] = post(&t, thread, POST_CLASS, "dave", replies[k]);
    /* A fourth post quotes the first, then answers. */
    int p = elem(&t, thread, GUMBO_TAG_DIV, 0, POST_CLASS);
    add(&t, p, GUMBO_TAG_DIV, 0, BK_DIVTEXT, "March 4, 2024", 0, 1);
    int q = elem(&t, p, GUMBO_TAG_BLOCKQUOTE, 0, 0);
    int said = block_of(&t, elem(&t, q, GUMBO_TAG_DIV, 0, 0), BK_DIVTEXT,
                        "alice said:", 0, 0, 1);
    int repeat = block_of(&t, elem(&t, q, GUMBO_TAG_P, 0, 0), BK_PARA,
                          replies[0], 0, 0, 1);
    int own = add(&t, p, GUMBO_TAG_P, 0, BK_PARA, replies[3], 0, 0);
    /* A fifth quotes a manual, which is not on the page. */
    int p5 = elem(&t, thread, GUMBO_TAG_DIV, 0, POST_CLASS);
    add(&t, p5, GUMBO_TAG_DIV, 0, BK_DIVTEXT, "March 5, 2024", 0, 1);
    int q5 = elem(&t, p5, GUMBO_TAG_BLOCKQUOTE, 0, 0);
    int manual = block_of(&t, elem(&t, q5, GUMBO_TAG_P, 0, 0), BK_PARA,
                          "Never top up the system while the boiler is "
                          "firing; wait until it has cooled down.",
                          0, 0, 1);
    add(&t, p5, GUMBO_TAG_P, 0, BK_PARA,
        "That is what the manual says, page twelve, and it is right.", 0,
        0);
    int kept[] = {body[0], -1};
    pick(&t, t.blocks[body[0]].elem, kept);
    OK(t.keep[body[0]], "the quoted post itself stays");
    OK(!t.keep[repeat], "its repeat in a quote goes");
    OK(!t.keep[said], "with the quote's attribution");
    OK(t.keep[own], "the reply's own words stay");
    OK(t.keep[manual], "a quote of something not on the page stays");
}

static void
test_comments_under_answers(void)
{
    /* Answers, each with a list of short comments under it: the answers
     * are the thread, the comments their own. */
    struct table t;
    start(&t);
    int list = elem(&t, 0, GUMBO_TAG_DIV, 0, 0);
    int body[3], comment = -1;
    for (int k = 0; k < 3; k++) {
        body[k] = post(&t, list, POST_CLASS, "heidi", replies[k]);
        /* The list comes last in the post, after its "Reply". */
        int in_post = t.elems[t.elems[t.blocks[body[k]].elem].parent].parent;
        int ul = elem(&t, in_post, GUMBO_TAG_UL, EF_COMMENTS | EF_LIST, 0);
        comment = add(&t, ul, GUMBO_TAG_LI, EF_COMMENTS, BK_LI,
                      "Did you check the fuse box as well, by the way?",
                      0, 0);
    }
    int kept[] = {body[0], -1};
    pick(&t, t.blocks[body[0]].elem, kept);
    for (int k = 0; k < 3; k++)
        OK(t.keep[body[k]], "answer %d kept", k);
    OK(!t.keep[comment], "a comment under an answer is not the answer");
}

static void
test_article_untouched(void)
{
    struct table t;
    start(&t);
    int art = elem(&t, 0, GUMBO_TAG_ARTICLE, EF_ARTICLE_TAG, 0);
    add(&t, art, GUMBO_TAG_DIV, EF_BYLINE, BK_DIVTEXT,
        "By Erin, March 3, 2024", 0, 1);
    int kept[8], n = 0;
    for (int k = 0; k < 4; k++)
        kept[n++] = add(&t, art, GUMBO_TAG_P, 0, BK_PARA, replies[k], 0, 0);
    kept[n] = -1;
    int side = elem(&t, 0, GUMBO_TAG_DIV, 0, 0);
    int teaser = add(&t, side, GUMBO_TAG_P, 0, BK_PARA,
                     "Read more stories from our newsroom", 1, 0);
    pick(&t, art, kept);
    EQ_INT(n_kept(&t), 4, "paragraphs are no posts: nothing added");
    OK(!t.keep[teaser], "nothing outside the article");
    EQ_STR(t.reason[teaser], "outside the main content", "reason unchanged");
}

static void
test_two_columns_no_thread(void)
{
    /* Two dated siblings are a layout's columns as often as a thread:
     * unnamed, they stay as the scorer left them. */
    struct table t;
    start(&t);
    int wrap = elem(&t, 0, GUMBO_TAG_DIV, 0, 0);
    int a = post(&t, wrap, POST_CLASS, "frank", replies[0]);
    int b = post(&t, wrap, POST_CLASS, "grace", replies[1]);
    int kept[] = {a, -1};
    pick(&t, t.blocks[a].elem, kept);
    OK(!t.keep[b], "the other column is not taken");
}

/* A short post: a line above its text (a date, a label), then the text.
 * Returns the block of its text. */
static int
short_post(struct table *t, int parent, GumboTag tag, uint32_t flags,
           uint32_t class_hash, const char *line, const char *text)
{
    int p = elem(t, parent, tag, flags, class_hash);
    add(t, p, GUMBO_TAG_DIV, 0, BK_DIVTEXT, line, 0, 0);
    return add(t, p, GUMBO_TAG_P, 0, BK_PARA, text, 0, 0);
}

/* Items of a list, each dated and of a class of its own (the author's
 * rank, the place in the thread): posts all the same. */
static void
test_list_items_own_classes(void)
{
    struct table t;
    start(&t);
    int ul = elem(&t, 0, GUMBO_TAG_UL, EF_LIST, 0);
    int body[3];
    for (int k = 0; k < 3; k++)
        body[k] = short_post(&t, ul, GUMBO_TAG_LI, 0,
                             POST_CLASS + (uint32_t)k, "March 2025",
                             replies[k]);
    int kept[] = {body[0], -1};
    pick(&t, t.blocks[body[0]].elem, kept);
    for (int k = 0; k < 3; k++)
        OK(t.keep[body[k]], "list item %d of a class of its own kept", k);
    /* The same as <div>s of a class each are a layout's boxes. */
    start(&t);
    int wrap = elem(&t, 0, GUMBO_TAG_DIV, 0, 0);
    for (int k = 0; k < 3; k++)
        body[k] = short_post(&t, wrap, GUMBO_TAG_DIV, 0,
                             POST_CLASS + (uint32_t)k, "March 2025",
                             replies[k]);
    pick(&t, t.blocks[body[0]].elem, kept);
    OK(!t.keep[body[1]], "boxes of a class each are not a thread");
}

/* Posts with neither date nor author line, declared comments by their
 * microdata: a thread. */
static void
test_posts_declared_by_itemtype(void)
{
    struct table t;
    start(&t);
    int thread = elem(&t, 0, GUMBO_TAG_DIV, 0, 0);
    int body[4];
    for (int k = 0; k < 4; k++)
        body[k] = short_post(&t, thread, GUMBO_TAG_DIV, EF_POST_TYPE,
                             POST_CLASS, "Reply", replies[k]);
    int kept[] = {body[0], -1};
    pick(&t, t.blocks[body[0]].elem, kept);
    for (int k = 0; k < 4; k++)
        OK(t.keep[body[k]], "declared post %d kept", k);
}

int
main(void)
{
    test_every_post();
    test_alternating_classes();
    test_quotes();
    test_comments_under_answers();
    test_article_untouched();
    test_two_columns_no_thread();
    test_list_items_own_classes();
    test_posts_declared_by_itemtype();
    return test_done();
}
