/*
 * Scored blocks: which region of a page is its main content.
 *
 * Arithmetic over the element and block tables of blocks.h only: no tree,
 * so tests can feed made-up tables.  The choice runs in passes that relax
 * as Readability's do; each pass picks a container and its region, cleans
 * boilerplate containers out of it, and gives every block a keep flag and
 * the rule that decided.  Judging single blocks inside the region, and
 * deciding whether a pass kept enough, is the next stage's (refine.h).
 */
#ifndef PITH_SCORE_H
#define PITH_SCORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct blocks;
struct scorer;

/* What to favour where a block could go either way (pith_mode). */
enum score_mode {
    SCORE_BALANCED = 0,
    SCORE_PRECISION, /* no text from outside the container; links go
                        wherever they stand */
    SCORE_RECALL     /* single blocks are judged by their links only */
};

/* One pass's outcome.  Its arrays belong to the scorer and are
 * overwritten by the next pass. */
struct score_pass {
    int index;             /* 0 for the strictest pass */
    int last;              /* no pass follows this one */
    uint8_t *keep;         /* per block: in the region and not cleaned
                              away */
    const char **reason;   /* per block: the rule that decided */
    const uint8_t *region; /* per block: in the chosen region, before
                              anything in it was cleaned away */
    float *block_score;    /* per block: its paragraph score */
    float *elem_score;     /* per element: its candidate score, or 0 */
    int main_elem;         /* the chosen container, -1 for none */
    int near_title;        /* the region holds the title heading (an h1
                              or h2 like title) or starts just after it */
};

/* Readies the passes over bs.  title (may be NULL) is used to drop the
 * heading that repeats it and to tell which regions are near it.
 * Everything is allocated from a.  Returns 0, or -1 when out of memory. */
int score_begin(struct arena *a, const struct blocks *bs, const char *title,
                enum score_mode mode, struct scorer **out);

/* Runs the next pass and returns its outcome, or NULL when every pass has
 * run (at once for a page without elements). */
const struct score_pass *score_next_pass(struct scorer *sc);

#endif
