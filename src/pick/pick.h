/*
 * The main content a page's kind calls for.  The scorer and refine find
 * the one region an article lives in; a thread, a listing, a shop's
 * category, a service page or a product holds its content elsewhere too
 * (every post, every card, every section, the description behind a tab).
 * This stage reads the chosen blocks (refine.h) with the page's kind and
 * widens or trims the choice as that kind needs; an article passes
 * through untouched.
 */
#ifndef PITH_PICK_H
#define PITH_PICK_H

#include "kind/kind.h"
#include "refine/refine.h"

struct arena;
struct blocks;
struct meta;

struct pick_input {
    const struct blocks *bs;
    const struct meta *meta;
    enum page_kind kind;
    enum score_mode mode;
};

/* Changes sc (keep, selected, reason, kept_chars; main_elem when the
 * content moves) as in->kind calls for, allocating from a.  Returns 0, or
 * -1 when out of memory. */
int pick_by_kind(struct arena *a, const struct pick_input *in,
                 struct score_result *sc);

#endif
