/*
 * A made-up page for the pickers' tests (src/pick/): elements with one
 * block each, the scorer's choice of one element, and the picker of the
 * kind the including test defines as PICK_TABLE_KIND.  Include after
 * harness.h and block_table.h.
 */
#ifndef PITH_TEST_PICK_TABLE_H
#define PITH_TEST_PICK_TABLE_H

#include "arena.h"
#include "blocks/blocks.h"
#include "pick/pick.h"

#include <gumbo.h>
#include <stdint.h>
#include <string.h>

#define MAX_ELEMS 64
#define MAX_BLOCKS 64

struct table {
    struct elem elems[MAX_ELEMS];
    struct block blocks[MAX_BLOCKS];
    char text[8192];
    size_t text_len;
    struct blocks bs;
    uint8_t keep[MAX_BLOCKS], selected[MAX_BLOCKS];
    const char *reason[MAX_BLOCKS];
    struct score_result sc;
};

/* All of the block's characters are linked. */
#define ALL -1

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

/* A new element under parent with one block of its own. */
static int
add(struct table *t, int parent, GumboTag tag, uint32_t flags,
    enum block_kind kind, const char *text, int link_chars)
{
    int e = elem(t, parent, tag, flags);
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
        b->stops += *p == '.' || *p == '!' || *p == '?';
    }
    b->link_chars = link_chars == ALL ? b->chars : (uint32_t)link_chars;
    b->n_links = b->link_chars ? 1 : 0;
    b->level = kind == BK_HEADING ? 2 : kind == BK_LI ? 1 : 0;
    return i;
}

/* The scorer kept the blocks of element chosen; then the picker for the
 * test's kind (PICK_TABLE_KIND) runs. */
static void
run(struct table *t, int chosen)
{
    block_table_ranges(&t->bs);
    t->bs.text_len = t->text_len;
    const struct elem *c = &t->elems[chosen];
    for (int i = 0; i < t->bs.n_blocks; i++) {
        int in = i >= c->first_block && i < c->end_block;
        t->keep[i] = t->selected[i] = (uint8_t)in;
        t->reason[i] = in ? "main content" : "outside the main content";
    }
    t->sc.keep = t->keep;
    t->sc.selected = t->selected;
    t->sc.reason = t->reason;
    t->sc.main_elem = chosen;
    t->sc.kept_chars = 0;
    for (int i = 0; i < t->bs.n_blocks; i++)
        if (t->keep[i])
            t->sc.kept_chars += t->blocks[i].chars;
    struct arena a;
    arena_init(&a);
    struct pick_input in = {&t->bs, NULL, PICK_TABLE_KIND, SCORE_BALANCED};
    EQ_INT(pick_by_kind(&a, &in, &t->sc), 0, "pick runs");
    arena_free(&a);
}

#define KEPT(t, b, what) OK((t)->keep[b] == 1, "%s: dropped as \"%s\"", \
                            what, (t)->reason[b] ? (t)->reason[b] : "?")
#define WENT(t, b, what) OK((t)->keep[b] == 0, "%s: kept", what)

#endif
