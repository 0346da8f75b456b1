/*
 * For tests that write block tables by hand: the subtree ranges and
 * sums that blocks_build() would fill in.
 */
#ifndef PITH_TEST_BLOCK_TABLE_H
#define PITH_TEST_BLOCK_TABLE_H

#include "blocks/blocks.h"

/* Sets each element's end_elem, the range [first_block, end_block) of
 * its subtree's blocks (0, 0 when none), and chars and link_chars summed
 * over them.  Elements must be in document order, parents first. */
static inline void
block_table_ranges(struct blocks *bs)
{
    int ne = bs->n_elems, nb = bs->n_blocks;
    for (int i = 0; i < ne; i++) {
        struct elem *e = &bs->elems[i];
        int j = i + 1;
        for (; j < ne; j++) {
            int a = bs->elems[j].parent;
            while (a >= 0 && a != i)
                a = bs->elems[a].parent;
            if (a != i)
                break;
        }
        e->end_elem = j;
        e->first_block = nb;
        e->end_block = 0;
        e->chars = e->link_chars = 0;
    }
    for (int b = 0; b < nb; b++)
        for (int a = bs->blocks[b].elem; a >= 0; a = bs->elems[a].parent) {
            struct elem *e = &bs->elems[a];
            e->chars += bs->blocks[b].chars;
            e->link_chars += bs->blocks[b].link_chars;
            if (b < e->first_block)
                e->first_block = b;
            e->end_block = b + 1;
        }
    for (int i = 0; i < ne; i++)
        if (bs->elems[i].end_block == 0)
            bs->elems[i].first_block = bs->elems[i].end_block = 0;
}

#endif
