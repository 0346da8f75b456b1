/*
 * The words of the kept blocks as a set, to tell whether a line of
 * structured data (a product's JSON-LD description) is already on the
 * page's text: adding it twice would repeat the product's text.
 */
#ifndef PITH_WORDSET_H
#define PITH_WORDSET_H

#include <stddef.h>
#include <stdint.h>

struct blocks;
struct score_result;

struct wordset {
    uint64_t *slots; /* word hashes, 0 for empty; a power of two long */
    size_t mask;
};

/* The words of the blocks sc keeps.  Returns 0, or -1 when out of
 * memory; free with wordset_free(). */
int wordset_build(const struct blocks *bs, const struct score_result *sc,
                  struct wordset *ws);
/* The words of s[0..len) alone, likewise. */
int wordset_build_text(const char *s, size_t len, struct wordset *ws);
void wordset_free(struct wordset *ws);

/* How many of the words of s[0..len) are in ws (*in) and in all (*all).
 * Words are runs of letters and digits (any non-ASCII byte counts as a
 * letter), compared without ASCII case. */
void wordset_count(const struct wordset *ws, const char *s, size_t len,
                   size_t *in, size_t *all);

#endif
