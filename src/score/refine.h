/*
 * Judging single blocks inside the chosen region: what a container-level
 * decision lets through (link lines, ad labels, captions, bylines,
 * headings of sections that hold nothing).  Works on the keep flags of
 * score.c and on the block table only.
 */
#ifndef PITH_REFINE_H
#define PITH_REFINE_H

#include <stdint.h>

struct blocks;

/* How strict refine_blocks() is. */
enum refine_mode {
    REFINE_BALANCED = 0,
    REFINE_STRICT,   /* the link rules also between paragraphs */
    REFINE_LINKS     /* only the link rules */
};

/* Clears keep[i] (and sets reason[i]) for the blocks that are
 * boilerplate on their own. */
void refine_blocks(const struct blocks *bs, enum refine_mode mode,
                   uint8_t *keep, const char **reason);

#endif
