/*
 * A set of word hashes, open addressing; see wordset.h.
 */
#include "assemble/wordset.h"

#include "blocks/blocks.h"
#include "refine/refine.h"

#include <stdlib.h>

static int
word_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') ||
           c >= 0x80;
}

/* FNV-1a of the word at s, lowercased; never 0 (the empty slot). */
static uint64_t
word_hash(const unsigned char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 32 : s[i];
        h = (h ^ c) * 1099511628211ull;
    }
    return h ? h : 1;
}

/* Runs body with start and n naming each word of s[0..len). */
#define FOR_EACH_WORD(s, len, start, n, body)                               \
    for (size_t i_ = 0; i_ < (len);) {                                      \
        while (i_ < (len) && !word_byte((s)[i_]))                           \
            i_++;                                                           \
        size_t b_ = i_;                                                     \
        while (i_ < (len) && word_byte((s)[i_]))                            \
            i_++;                                                           \
        if (i_ > b_) {                                                      \
            const unsigned char *start = (s) + b_;                          \
            size_t n = i_ - b_;                                             \
            body                                                            \
        }                                                                   \
    }

static int
lookup(const struct wordset *ws, uint64_t h, int insert)
{
    for (size_t k = h & ws->mask;; k = (k + 1) & ws->mask) {
        if (ws->slots[k] == h)
            return 1;
        if (!ws->slots[k]) {
            if (insert)
                ws->slots[k] = h;
            return 0;
        }
    }
}

int
wordset_build(const struct blocks *bs, const struct score_result *sc,
              struct wordset *ws)
{
    size_t bytes = 0;
    for (int i = 0; i < bs->n_blocks; i++)
        if (sc->keep[i])
            bytes += bs->blocks[i].text_len;
    /* At most one word per two bytes; keep the table at most half full. */
    size_t cap = 16;
    while (cap < bytes + 16)
        cap *= 2;
    ws->slots = calloc(cap, sizeof *ws->slots);
    ws->mask = cap - 1;
    if (!ws->slots)
        return -1;
    for (int i = 0; i < bs->n_blocks; i++) {
        if (!sc->keep[i])
            continue;
        const unsigned char *t =
            (const unsigned char *)block_text(bs, &bs->blocks[i]);
        size_t len = bs->blocks[i].text_len;
        FOR_EACH_WORD(t, len, w, n, { lookup(ws, word_hash(w, n), 1); })
    }
    return 0;
}

int
wordset_build_text(const char *s, size_t len, struct wordset *ws)
{
    size_t cap = 16;
    while (cap < len + 16)
        cap *= 2;
    ws->slots = calloc(cap, sizeof *ws->slots);
    ws->mask = cap - 1;
    if (!ws->slots)
        return -1;
    const unsigned char *u = (const unsigned char *)s;
    FOR_EACH_WORD(u, len, w, n, { lookup(ws, word_hash(w, n), 1); })
    return 0;
}

void
wordset_free(struct wordset *ws)
{
    free(ws->slots);
    ws->slots = NULL;
}

void
wordset_count(const struct wordset *ws, const char *s, size_t len,
              size_t *in, size_t *all)
{
    const unsigned char *u = (const unsigned char *)s;
    *in = *all = 0;
    FOR_EACH_WORD(u, len, w, n, {
        (*all)++;
        *in += (size_t)lookup(ws, word_hash(w, n), 0);
    })
}
