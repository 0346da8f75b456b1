/*
 * A listing or a collection: every card's title and teaser, without
 * filters, sort bars and pagination.
 */
#include "pick/pick_parts.h"

#include "blocks/blocks.h"

int
pick_cards(struct arena *a, const struct pick_input *in,
            struct score_result *sc)
{
    (void)a;
    (void)in;
    (void)sc;
    return 0;
}
