/*
 * A growable string for the batch code, always NUL-terminated.  A failed
 * append (out of memory) flags the buffer and later appends do nothing,
 * so callers append freely and check sb->failed once.
 */
#ifndef PITH_CLI_STRBUF_H
#define PITH_CLI_STRBUF_H

#include <stddef.h>
#include <stdint.h>

struct strbuf {
    char *data;
    size_t len, cap;
    int failed;
};

void sb_free(struct strbuf *sb);
void sb_reset(struct strbuf *sb); /* empty, keeps the memory */
/* Room for len more bytes and the NUL; 0, or -1 (flagged) on failure. */
int sb_reserve(struct strbuf *sb, size_t len);
void sb_append(struct strbuf *sb, const void *data, size_t len);
void sb_puts(struct strbuf *sb, const char *s);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* s as a JSON string, or null when s is NULL. */
void sb_json_string(struct strbuf *sb, const char *s);
/* ,"key":value with value a JSON string or null (no comma when first). */
void sb_json_field(struct strbuf *sb, const char *key, const char *value,
                   int first);
void sb_json_number(struct strbuf *sb, const char *key, uint64_t value);

#endif
