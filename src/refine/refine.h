/*
 * Judging single blocks inside the chosen region: what a container-level
 * decision lets through (link lines, ad labels, captions, bylines,
 * headings of sections that hold nothing).  Then, over the scorer's
 * passes, which one holds the article: the first that keeps enough text
 * where the title is, else the best of the short ones.  Reads the block
 * table and the passes of score.h only.
 */
#ifndef PITH_REFINE_H
#define PITH_REFINE_H

#include "score/score.h"

#include <stddef.h>
#include <stdint.h>

struct arena;
struct blocks;
struct refine_choice;

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

/* Nonzero when the text is one phrase of words written over and over (at
 * least three times): a ticker scrolling across a section ("Book now *
 * Book now * ..."), nothing said.  (Not asked of a table's rows, whose
 * cells may repeat: "n | Mean | n | Mean".) */
int refine_ticker(const char *t, size_t n);

/* The main content of a page: what the later stages read. */
struct score_result {
    uint8_t *keep;         /* per block: 1 when part of the article */
    uint8_t *selected;     /* per block: in the chosen region, before
                              anything in it was cleaned away */
    const char **reason;   /* per block: the rule that decided */
    float *block_score;    /* per block: its paragraph score (of the last
                              pass run; NULL for a page without elements) */
    float *elem_score;     /* per element: its candidate score, or 0 (of
                              the last pass run; NULL likewise) */
    int main_elem;         /* the chosen container, -1 for none */
    size_t kept_chars;     /* characters kept */
};

/* Readies the choice between the passes of a page's scorer; mode is the
 * scorer's.  Allocates from a.  Returns 0, or -1 when out of memory. */
int refine_begin(struct arena *a, const struct blocks *bs,
                 enum score_mode mode, struct refine_choice **out);

/* Judges the single blocks of pass p.  Returns 1 when p is the answer (no
 * further pass is needed), else 0 (the best pass so far is kept). */
int refine_pass(struct refine_choice *c, const struct score_pass *p);

/* The chosen pass, refined, into out (pointing into c's arrays). */
void refine_result(const struct refine_choice *c, struct score_result *out);

#endif
