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

/* Clears keep[i] (and sets reason[i]) for the blocks that are
 * boilerplate on their own. */
void refine_blocks(const struct blocks *bs, uint8_t *keep,
                   const char **reason);

#endif
