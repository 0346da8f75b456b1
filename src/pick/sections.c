/*
 * A service page: every section of its main column.
 */
#include "pick/pick_parts.h"

#include "blocks/blocks.h"

int
pick_sections(struct arena *a, const struct pick_input *in,
            struct score_result *sc)
{
    (void)a;
    (void)in;
    (void)sc;
    return 0;
}
