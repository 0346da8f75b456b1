/*
 * The pickers of pick.c, one file for each kind that needs one.  Each
 * changes sc in place; returns 0, or -1 when out of memory.
 */
#ifndef PITH_PICK_PARTS_H
#define PITH_PICK_PARTS_H

#include "pick/pick.h"

#include <stdint.h>

int pick_forum(struct arena *a, const struct pick_input *in,
               struct score_result *sc);
/* listing and collection: every card */
int pick_cards(struct arena *a, const struct pick_input *in,
               struct score_result *sc);
/* service: every section of the main column */
int pick_sections(struct arena *a, const struct pick_input *in,
                  struct score_result *sc);
int pick_product(struct arena *a, const struct pick_input *in,
                 struct score_result *sc);
int pick_docs(struct arena *a, const struct pick_input *in,
              struct score_result *sc);

/* Clears the kept blocks of [from, to), of min_chars or more, whose
 * text repeats one kept before them: a carousel's or a marquee's items
 * are written twice so that they loop, a section or a product's details
 * twice for small and large screens.  One hash table over the kept
 * blocks; returns -1 when out of memory. */
int pick_drop_repeats(struct arena *a, const struct blocks *bs, int from,
                      int to, uint32_t min_chars, struct score_result *sc);

/* Recounts sc->kept_chars from sc->keep. */
void pick_recount(const struct blocks *bs, struct score_result *sc);

#endif
