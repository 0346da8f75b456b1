/* Many-word substring test with a pair filter; see words.h. */
#include "words.h"

#include <string.h>
#include <strings.h>

/* Longest string whose pairs are kept for the next call: class and id
 * strings are shorter; a longer one is scanned each time. */
#define WORDS_CACHE_BYTES 512

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

/* The pairs of s[0..len); with low, its ASCII letters in lowercase go
 * there too (len + 1 bytes, NUL-terminated). */
static void
scan(struct word_pairs *p, const char *s, size_t len, int fold, char *low)
{
    const unsigned char *u = (const unsigned char *)s;
    memset(p->bits, 0, sizeof p->bits);
    p->len = len;
    p->fold = fold;
    if (low)
        low[len] = '\0';
    if (!len)
        return;
    unsigned prev = fold_byte(u[0], fold);
    if (low)
        low[0] = (char)prev;
    for (size_t i = 1; i < len; i++) {
        unsigned c = u[i];
        if (fold && c - 'A' < 26u)
            c += 32;
        if (low)
            low[i] = (char)c;
        unsigned bit = pair_bit((unsigned char)prev, (unsigned char)c);
        p->bits[bit >> 6] |= (uint64_t)1 << (bit & 63);
        prev = c;
    }
}

/* The pairs each word of a list must find, worked out once per thread
 * and list: the lists are static arrays, so their address names them.
 * Each word is the bits of its first two pairs (ALWAYS for a word too
 * short to have them).  A list, once seen, stays: the program has fewer
 * lists than LIST_SLOTS, and a cache that evicts them recomputed one in
 * four look-ups (names.c and meta_author.c take turns with theirs). */
#define LIST_SLOTS 256
#define LIST_TABLE 512 /* open addressing; a power of two */
#define LIST_WORDS 48
#define ALWAYS 0xFFFFFFFFu

struct list_bits {
    const char *const *list;
    int fold, n;
    uint32_t bits[LIST_WORDS];
    uint8_t len[LIST_WORDS];
    uint64_t lower; /* bit i: words[i] has no ASCII capital */
};

/* The last string looked at and its pairs, one for each fold: callers
 * ask of one string with and without fold in turn (names.c's lists). */
struct last_string {
    char s[WORDS_CACHE_BYTES];
    /* s with its ASCII letters in lowercase, when p.fold: strcasestr()
     * finds a lowercase word where strstr() finds it in this, and
     * strstr() is several times faster. */
    char low[WORDS_CACHE_BYTES];
    struct word_pairs p;
    int valid;
};

struct words_state {
    struct last_string last[2]; /* by fold */
    int n_lists;
    uint16_t table[LIST_TABLE]; /* 1 + an index of lists; 0: empty */
    struct list_bits lists[LIST_SLOTS];
};

static _Thread_local struct words_state state;

static const struct word_pairs *
pairs_of(struct words_state *st, const char *s, int fold,
         struct word_pairs *scratch)
{
    size_t len = strlen(s);
    if (len >= WORDS_CACHE_BYTES) {
        scan(scratch, s, len, fold, NULL);
        return scratch;
    }
    struct last_string *l = &st->last[fold != 0];
    if (!l->valid || l->p.len != len || memcmp(l->s, s, len) != 0) {
        memcpy(l->s, s, len);
        scan(&l->p, s, len, fold, fold ? l->low : NULL);
        l->valid = 1;
    }
    return &l->p;
}

const struct word_pairs *
words_pairs(const char *s, int fold, struct word_pairs *scratch)
{
    return pairs_of(&state, s, fold, scratch);
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

static const struct list_bits *
list_bits(struct words_state *st, const char *const *words, int fold)
{
    uint64_t h = ((uint64_t)(uintptr_t)words ^ (uint64_t)fold) *
                 0x9E3779B97F4A7C15ull;
    unsigned slot = (unsigned)(h >> 55) & (LIST_TABLE - 1);
    for (; st->table[slot]; slot = (slot + 1) & (LIST_TABLE - 1)) {
        struct list_bits *l = &st->lists[st->table[slot] - 1];
        if (l->list == words && l->fold == fold)
            return l->n < 0 ? NULL : l;
    }
    if (st->n_lists == LIST_SLOTS)
        return NULL; /* word by word: slower, the same answers */
    struct list_bits *l = &st->lists[st->n_lists++];
    st->table[slot] = (uint16_t)st->n_lists;
    int n = 0;
    while (words[n] && n < LIST_WORDS)
        n++;
    l->list = words;
    l->fold = fold;
    int long_word = 0;
    for (int i = 0; i < n; i++) {
        size_t wl = strlen(words[i]);
        long_word |= wl > UINT8_MAX;
        l->len[i] = (uint8_t)wl;
    }
    if (words[n] || long_word) {
        /* Too long a list (or word): word by word, and known as such next
         * time (counting up to LIST_WORDS again cost more than the
         * lookup). */
        l->n = -1;
        return NULL;
    }
    l->lower = 0;
    for (int i = 0; i < n; i++) {
        const unsigned char *w = (const unsigned char *)words[i];
        const unsigned char *c = w;
        while (*c && !(*c >= 'A' && *c <= 'Z'))
            c++;
        if (!*c)
            l->lower |= (uint64_t)1 << i;
        if (!w[0] || !w[1]) {
            l->bits[i] = ALWAYS;
            continue;
        }
        unsigned b = fold_byte(w[1], fold);
        unsigned first = pair_bit(fold_byte(w[0], fold), (unsigned char)b);
        unsigned second = w[2] ? pair_bit((unsigned char)b,
                                          fold_byte(w[2], fold))
                               : first;
        l->bits[i] = first | second << 16;
    }
    l->list = words;
    l->fold = fold;
    l->n = n;
    return l;
}

static inline int
bits_hold(const struct word_pairs *p, uint32_t bits)
{
    if (bits == ALWAYS)
        return 1;
    unsigned first = bits & 0xFFFFu, second = bits >> 16;
    return (p->bits[first >> 6] >> (first & 63) & 1) &&
           (p->bits[second >> 6] >> (second & 63) & 1);
}

/* word[0..wl) in s[0..len), as strstr() finds it.  The strings are short
 * (class lists, ids): a look for the first byte and a compare beat the
 * C library's general search, whose setup costs more than they do. */
static inline const char *
find_in(const char *s, size_t len, const char *word, size_t wl)
{
    if (!wl)
        return s;
    const char *end = s + len;
    for (const char *p = s; (size_t)(end - p) >= wl; p++) {
        p = memchr(p, word[0], (size_t)(end - p) - wl + 1);
        if (!p)
            return NULL;
        if (!memcmp(p + 1, word + 1, wl - 1))
            return p;
    }
    return NULL;
}

static inline int
found(const char *s, const char *word, int fold)
{
    return fold ? strcasestr(s, word) != NULL : strstr(s, word) != NULL;
}

int
words_any(const char *s, const char *const *words, int fold)
{
    struct words_state *st = &state;
    struct word_pairs scratch;
    const struct word_pairs *p = pairs_of(st, s, fold, &scratch);
    const struct list_bits *l = list_bits(st, words, fold);
    if (!l) {
        for (; *words; words++)
            if (words_may_hold(p, *words) && found(s, *words, fold))
                return 1;
        return 0;
    }
    /* The lowercase copy of s, when the cache holds it. */
    const char *low = fold && p == &st->last[1].p ? st->last[1].low : NULL;
    for (int i = 0; i < l->n; i++) {
        if (!bits_hold(p, l->bits[i]))
            continue;
        if (low && (l->lower >> i & 1)
                ? find_in(low, p->len, words[i], l->len[i]) != NULL
                : fold ? strcasestr(s, words[i]) != NULL
                       : find_in(s, p->len, words[i], l->len[i]) != NULL)
            return 1;
    }
    return 0;
}

int
words_any_start(const char *s, const char *const *words)
{
    struct words_state *st = &state;
    struct word_pairs scratch;
    const struct word_pairs *p = pairs_of(st, s, 0, &scratch);
    const struct list_bits *l = list_bits(st, words, 0);
    for (int i = 0; words[i]; i++) {
        if (l ? !bits_hold(p, l->bits[i]) : !words_may_hold(p, words[i]))
            continue;
        size_t wl = l ? l->len[i] : strlen(words[i]);
        for (const char *at = s;
             (at = find_in(at, p->len - (size_t)(at - s), words[i], wl));
             at += wl ? wl : 1) {
            char before = at == s ? ' ' : at[-1];
            if (before == ' ' || before == '-' || before == '_' ||
                words[i][0] == '-')
                return 1;
            if (!wl)
                break;
        }
    }
    return 0;
}

const char *
words_casestr(const char *s, const char *word)
{
    unsigned char c = (unsigned char)word[0];
    if (!c)
        return s;
    char set[3] = {(char)c, 0, 0};
    if (c >= 'a' && c <= 'z')
        set[1] = (char)(c - 32);
    else if (c >= 'A' && c <= 'Z')
        set[1] = (char)(c + 32);
    size_t wl = strlen(word);
    for (const char *p = s; (p = strpbrk(p, set)) != NULL; p++)
        if (!strncasecmp(p, word, wl))
            return p;
    return NULL;
}
