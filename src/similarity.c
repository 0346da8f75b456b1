/*
 * Word overlap of two texts; see similarity.h.
 */
#include "similarity.h"

#include <string.h>

/* Lowercased word tokens of s into out (space separated). */
static size_t
tokens(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    int in_word = 0;
    for (; *s && n + 2 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        int word = c >= 0x80 || (c >= '0' && c <= '9') ||
                   (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                   c == '_';
        if (word) {
            out[n++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
            in_word = 1;
        } else if (in_word) {
            out[n++] = ' ';
            in_word = 0;
        }
    }
    if (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return n;
}

static int
has_token(const char *list, const char *tok, size_t len)
{
    for (const char *p = list; *p;) {
        const char *e = strchr(p, ' ');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == len && memcmp(p, tok, len) == 0)
            return 1;
        if (!e)
            break;
        p = e + 1;
    }
    return 0;
}

double
text_similarity(const char *a, const char *b)
{
    char ta[1024], tb[1024];
    if (!a || !b)
        return 0;
    tokens(a, ta, sizeof ta);
    size_t lb = tokens(b, tb, sizeof tb);
    if (!ta[0] || !lb)
        return 0;
    size_t missing = 0, total = 0;
    for (const char *p = tb; *p;) {
        const char *e = strchr(p, ' ');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        total += l;
        if (!has_token(ta, p, l))
            missing += l;
        if (!e)
            break;
        p = e + 1;
    }
    return total ? 1.0 - (double)missing / (double)total : 0;
}
