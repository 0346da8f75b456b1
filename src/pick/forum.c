/*
 * A thread: every post, a Q\&A page its question and every answer.
 */
#include "pick/pick_parts.h"

#include "blocks/blocks.h"

int
pick_forum(struct arena *a, const struct pick_input *in,
            struct score_result *sc)
{
    (void)a;
    (void)in;
    (void)sc;
    return 0;
}
