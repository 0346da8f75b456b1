/*
 * Documentation: the text and its code, without sidebar, table of
 * contents, breadcrumbs and previous/next links.
 */
#include "pick/pick_parts.h"

#include "blocks/blocks.h"

int
pick_docs(struct arena *a, const struct pick_input *in,
            struct score_result *sc)
{
    (void)a;
    (void)in;
    (void)sc;
    return 0;
}
