/*
 * Scored blocks: which blocks of a page are its main content.
 *
 * Arithmetic over the element and block tables of blocks.h only: no tree,
 * so tests can feed made-up tables.  The decision runs in passes that relax
 * as Readability's do when a pass finds too little text, and each block
 * ends with a keep flag and the rule that decided it.
 */
#ifndef PITH_SCORE_H
#define PITH_SCORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct blocks;

struct score_result {
    uint8_t *keep;         /* per block: 1 when part of the article */
    uint8_t *selected;     /* per block: in the chosen region, before
                              anything in it was cleaned away */
    const char **reason;   /* per block: the rule that decided */
    float *block_score;    /* per block: its paragraph score */
    float *elem_score;     /* per element: its candidate score, or 0 */
    int main_elem;         /* the chosen container, -1 for none */
    size_t kept_chars;     /* characters kept */
};

/* What to favour where a block could go either way (pith_mode). */
enum score_mode {
    SCORE_BALANCED = 0,
    SCORE_PRECISION, /* no text from outside the container; links go
                        wherever they stand */
    SCORE_RECALL     /* single blocks are judged by their links only */
};

/* Scores bs.  title (may be NULL) is used to drop the heading that repeats
 * it.  Everything is allocated from a.  Returns 0, or -1 when out of
 * memory. */
int score_blocks(struct arena *a, const struct blocks *bs, const char *title,
                 enum score_mode mode, struct score_result *out);

/* Similarity of two texts in [0, 1]: the share of b's word characters
 * that are in words a also has (Readability's textSimilarity). */
double score_text_similarity(const char *a, const char *b);

#endif
