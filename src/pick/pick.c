/*
 * The picker for the page's kind.
 */
#include "pick/pick.h"

#include "blocks/blocks.h"
#include "pick/pick_parts.h"

void
pick_recount(const struct blocks *bs, struct score_result *sc)
{
    size_t n = 0;
    for (int i = 0; i < bs->n_blocks; i++)
        if (sc->keep[i])
            n += bs->blocks[i].chars;
    sc->kept_chars = n;
}

int
pick_by_kind(struct arena *a, const struct pick_input *in,
             struct score_result *sc)
{
    if (!in->bs->n_blocks || !sc->keep)
        return 0;
    switch (in->kind) {
    case KIND_FORUM:
        return pick_forum(a, in, sc);
    case KIND_LISTING:
    case KIND_COLLECTION:
        return pick_cards(a, in, sc);
    case KIND_SERVICE:
        return pick_sections(a, in, sc);
    case KIND_PRODUCT:
        return pick_product(a, in, sc);
    case KIND_DOCUMENTATION:
        return pick_docs(a, in, sc);
    default:
        return 0;
    }
}
