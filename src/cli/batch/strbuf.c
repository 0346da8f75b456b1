/* A growable string; see strbuf.h. */
#include "cli/batch/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
sb_free(struct strbuf *sb)
{
    free(sb->data);
    memset(sb, 0, sizeof *sb);
}

void
sb_reset(struct strbuf *sb)
{
    sb->len = 0;
    sb->failed = 0;
    if (sb->data)
        sb->data[0] = '\0';
}

int
sb_reserve(struct strbuf *sb, size_t extra)
{
    if (sb->failed)
        return -1;
    if (sb->len + extra < sb->cap)
        return 0;
    size_t cap = sb->cap ? sb->cap : 256;
    while (cap <= sb->len + extra) {
        if (cap > SIZE_MAX / 2) {
            sb->failed = 1;
            return -1;
        }
        cap *= 2;
    }
    char *p = realloc(sb->data, cap);
    if (!p) {
        sb->failed = 1;
        return -1;
    }
    sb->data = p;
    sb->cap = cap;
    return 0;
}

void
sb_append(struct strbuf *sb, const void *data, size_t len)
{
    if (sb_reserve(sb, len))
        return;
    if (len)
        memcpy(sb->data + sb->len, data, len);
    sb->len += len;
    sb->data[sb->len] = '\0';
}

void
sb_puts(struct strbuf *sb, const char *s)
{
    sb_append(sb, s, strlen(s));
}

void
sb_printf(struct strbuf *sb, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        sb->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        sb_append(sb, small, (size_t)n);
        return;
    }
    if (sb_reserve(sb, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

/* The same escaping as the library's JSON output, so a batch record and
 * pith --format json agree byte for byte on every string. */
void
sb_json_string(struct strbuf *sb, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    if (!s) {
        sb_puts(sb, "null");
        return;
    }
    sb_append(sb, "\"", 1);
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F)
            continue;
        sb_append(sb, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"': sb_append(sb, "\\\"", 2); break;
        case '\\': sb_append(sb, "\\\\", 2); break;
        case '\n': sb_append(sb, "\\n", 2); break;
        case '\r': sb_append(sb, "\\r", 2); break;
        case '\t': sb_append(sb, "\\t", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            sb_append(sb, u, 6);
        }
        }
    }
    sb_append(sb, run, (size_t)(s - run));
    sb_append(sb, "\"", 1);
}

void
sb_json_field(struct strbuf *sb, const char *key, const char *value,
              int first)
{
    if (!first)
        sb_append(sb, ",", 1);
    sb_json_string(sb, key);
    sb_append(sb, ":", 1);
    sb_json_string(sb, value);
}

void
sb_json_number(struct strbuf *sb, const char *key, uint64_t value)
{
    sb_printf(sb, ",\"%s\":%llu", key, (unsigned long long)value);
}
