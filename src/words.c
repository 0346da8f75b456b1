/* Many-word substring test with a pair filter; see words.h. */
#include "words.h"

#include <string.h>
#include <strings.h>

/* Longest string whose pairs are kept for the next call: class and id
 * strings are shorter; a longer one is scanned each time. */
#define WORDS_CACHE_BYTES 512

static _Thread_local struct {
    char s[WORDS_CACHE_BYTES];
    struct word_pairs p;
    int valid;
} last;

static inline unsigned char
fold_byte(unsigned char c, int fold)
{
    return (fold && c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* A pair of adjacent bytes as one of 512 bits. */
static inline unsigned
pair_bit(unsigned char a, unsigned char b)
{
    return ((unsigned)a << 3 ^ (unsigned)b) & 511u;
}

static void
scan(struct word_pairs *p, const char *s, size_t len, int fold)
{
    const unsigned char *u = (const unsigned char *)s;
    memset(p->bits, 0, sizeof p->bits);
    p->len = len;
    p->fold = fold;
    if (!len)
        return;
    unsigned prev = fold_byte(u[0], fold);
    for (size_t i = 1; i < len; i++) {
        unsigned c = u[i];
        if (fold && c - 'A' < 26u)
            c += 32;
        unsigned bit = pair_bit((unsigned char)prev, (unsigned char)c);
        p->bits[bit >> 6] |= (uint64_t)1 << (bit & 63);
        prev = c;
    }
}

const struct word_pairs *
words_pairs(const char *s, int fold, struct word_pairs *scratch)
{
    size_t len = strlen(s);
    if (len >= WORDS_CACHE_BYTES) {
        scan(scratch, s, len, fold);
        return scratch;
    }
    if (!last.valid || last.p.len != len || last.p.fold != fold ||
        memcmp(last.s, s, len) != 0) {
        memcpy(last.s, s, len);
        scan(&last.p, s, len, fold);
        last.valid = 1;
    }
    return &last.p;
}

int
words_may_hold(const struct word_pairs *p, const char *word)
{
    const unsigned char *w = (const unsigned char *)word;
    if (!w[0] || !w[1])
        return 1; /* no pair to look for */
    int fold = p->fold;
    unsigned a = fold_byte(w[0], fold), b = fold_byte(w[1], fold);
    unsigned first = pair_bit((unsigned char)a, (unsigned char)b);
    if (!(p->bits[first >> 6] >> (first & 63) & 1))
        return 0;
    if (!w[2])
        return 1;
    unsigned second = pair_bit((unsigned char)b, fold_byte(w[2], fold));
    return (int)(p->bits[second >> 6] >> (second & 63) & 1);
}

int
words_any(const char *s, const char *const *words, int fold)
{
    struct word_pairs scratch;
    const struct word_pairs *p = words_pairs(s, fold, &scratch);
    for (; *words; words++)
        if (words_may_hold(p, *words) &&
            (fold ? strcasestr(s, *words) : strstr(s, *words)))
            return 1;
    return 0;
}
