/* Writing JSON strings; see json_out.h. */
#include "render/json_out.h"

#include "buf.h"

#include <stdio.h>
#include <string.h>

void
json_out_stringn(struct buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F)
            continue;
        buf_append(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': buf_append(b, "\\\"", 2); break;
        case '\\': buf_append(b, "\\\\", 2); break;
        case '\n': buf_append(b, "\\n", 2); break;
        case '\r': buf_append(b, "\\r", 2); break;
        case '\t': buf_append(b, "\\t", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            buf_append(b, u, 6);
        }
        }
    }
    buf_append(b, s + run, len - run);
    buf_putc(b, '"');
}

void
json_out_string(struct buf *b, const char *s)
{
    if (!s)
        buf_puts(b, "null");
    else
        json_out_stringn(b, s, strlen(s));
}

void
json_out_field(struct buf *b, const char *key, const char *value, int first)
{
    if (!first)
        buf_putc(b, ',');
    json_out_string(b, key);
    buf_putc(b, ':');
    json_out_string(b, value);
}
