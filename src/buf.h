/*
 * A growable byte buffer with a hard maximum (after curl's dynbuf).  The
 * contents are always NUL-terminated.  A failed append frees nothing and
 * leaves the buffer as it was, flagged so later appends also fail: callers
 * may append freely and check buf_failed() once.
 */
#ifndef PITH_BUF_H
#define PITH_BUF_H

#include <stddef.h>

struct buf {
    char *data;
    size_t len;
    size_t cap;
    size_t max; /* the buffer never holds more than max bytes */
    int failed; /* an append failed: out of memory, or BUF_OVER_MAX */
};

void buf_init(struct buf *b, size_t max);
void buf_free(struct buf *b);
void buf_reset(struct buf *b); /* len = 0, keeps the memory */
int buf_reserve(struct buf *b, size_t extra);
int buf_append(struct buf *b, const void *data, size_t len);
int buf_putc_slow(struct buf *b, char c);
/* One byte: text is gathered a byte at a time, so the common case (room
 * left, below the maximum) is inline. */
static inline int
buf_putc(struct buf *b, char c)
{
    if (!b->failed && b->len + 1 < b->cap && b->len < b->max) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return 0;
    }
    return buf_putc_slow(b, c);
}
int buf_puts(struct buf *b, const char *s);
/* Appends the UTF-8 encoding of code point cp (U+FFFD if invalid). */
int buf_put_utf8(struct buf *b, unsigned cp);
/* Hands the data to the caller (who frees it) and empties b. */
char *buf_detach(struct buf *b, size_t *len);
static inline int buf_failed(const struct buf *b) { return b->failed; }

/* buf.failed when an append would have gone past max (not out of
 * memory): a cap reached, which callers may take as the end. */
#define BUF_OVER_MAX 2

#endif
