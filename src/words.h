/*
 * Whether a string holds any of a list of words: the question the class
 * and id heuristics (names.c, meta_author.c) ask of every element, of the
 * same few strings, for lists of up to forty words.  A strstr() loop costs
 * one scan of the string per word.  Here one scan collects the string's
 * pairs of adjacent bytes, a word whose first two pairs are not among
 * them cannot occur, and only the others are searched for.  The pairs of
 * the last string looked at are kept (per thread), since the callers ask
 * about the same string list after list.  Every answer is the same as the
 * strstr() loop's.
 */
#ifndef PITH_WORDS_H
#define PITH_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* The pairs of adjacent bytes of a string, as 512 bits. */
struct word_pairs {
    uint64_t bits[8];
    size_t len;
    int fold;
};

/* The pairs of s (with fold set, ASCII letters in lowercase).  The result
 * lives in scratch or in a per-thread cache, until the next call. */
const struct word_pairs *words_pairs(const char *s, int fold,
                                     struct word_pairs *scratch);

/* Zero when word certainly does not occur in the string of p (as strstr()
 * finds it, or strcasestr() with fold); nonzero when it may. */
int words_may_hold(const struct word_pairs *p, const char *word);

/* Nonzero when one of words (a NULL-terminated list) occurs in s, as
 * strstr() finds it, or with fold set as strcasestr() finds it.  words
 * must be a list that does not change (a static array): what its words
 * need is kept per thread by its address. */
int words_any(const char *s, const char *const *words, int fold);

/* As words_any() without fold, but a word must start s or follow a space,
 * '-' or '_' (a word starting with '-' may be anywhere): "js-pager" holds
 * "pager", "apageroot" does not. */
int words_any_start(const char *s, const char *const *words);

/* strcasestr(s, word) (which folds ASCII letters only), without its
 * set-up per call: the first letter found by strpbrk() in either case,
 * then the rest compared.  For short words over text, called often. */
const char *words_casestr(const char *s, const char *word);

/* FNV-1a of a class list and an id, kept apart: the key of the memos of
 * what an element's names say (names.c, meta_author.c, kind_signals.c),
 * which pages repeat on most of their elements. */
static inline uint32_t
words_hash_pair(const char *a, size_t al, const char *b, size_t bl)
{
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < al; k++)
        h = (h ^ (unsigned char)a[k]) * 16777619u;
    h = (h ^ 0xFFu) * 16777619u;
    for (size_t k = 0; k < bl; k++)
        h = (h ^ (unsigned char)b[k]) * 16777619u;
    return h;
}

#endif
