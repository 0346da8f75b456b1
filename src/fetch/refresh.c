/*
 * The refresh <meta> scanner; see refresh.h.  The scan walks the bytes
 * once: at each '<' it either skips a comment, skips the inside of a
 * script or style element, or, for a meta tag, reads its attributes.
 */
#include "fetch/refresh.h"

#include "limits.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* The bytes being scanned and the position in them. */
struct scan {
    const char *s;
    size_t len, i;
};

/* An attribute value as found in the bytes (not unescaped). */
struct span {
    const char *p;
    size_t len;
};

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Nonzero when the bytes at sc->i start with word, ignoring case. */
static int
at(const struct scan *sc, const char *word)
{
    size_t n = strlen(word);
    return sc->len - sc->i >= n && !strncasecmp(sc->s + sc->i, word, n);
}

/* Moves past the next occurrence of end (ignoring case), or to the end. */
static void
skip_past(struct scan *sc, const char *end)
{
    while (sc->i < sc->len && !at(sc, end))
        sc->i++;
    sc->i = sc->i + strlen(end) <= sc->len ? sc->i + strlen(end) : sc->len;
}

/* Reads one attribute at sc->i into name and value; returns 0, or -1 at
 * the tag's end. */
static int
attribute(struct scan *sc, struct span *name, struct span *value)
{
    while (sc->i < sc->len && (is_space(sc->s[sc->i]) || sc->s[sc->i] == '/'))
        sc->i++;
    if (sc->i >= sc->len || sc->s[sc->i] == '>')
        return -1;
    name->p = sc->s + sc->i;
    while (sc->i < sc->len && !is_space(sc->s[sc->i]) &&
           !strchr("/>=", sc->s[sc->i]))
        sc->i++;
    name->len = (size_t)(sc->s + sc->i - name->p);
    value->p = NULL;
    value->len = 0;
    while (sc->i < sc->len && is_space(sc->s[sc->i]))
        sc->i++;
    if (sc->i >= sc->len || sc->s[sc->i] != '=')
        return 0;
    sc->i++;
    while (sc->i < sc->len && is_space(sc->s[sc->i]))
        sc->i++;
    char quote = sc->i < sc->len ? sc->s[sc->i] : 0;
    if (quote == '"' || quote == '\'') {
        value->p = sc->s + ++sc->i;
        while (sc->i < sc->len && sc->s[sc->i] != quote)
            sc->i++;
        value->len = (size_t)(sc->s + sc->i - value->p);
        if (sc->i < sc->len)
            sc->i++;
    } else {
        value->p = sc->s + sc->i;
        while (sc->i < sc->len && !is_space(sc->s[sc->i]) &&
               sc->s[sc->i] != '>')
            sc->i++;
        value->len = (size_t)(sc->s + sc->i - value->p);
    }
    return 0;
}

static int
span_is(struct span sp, const char *word)
{
    return sp.p && sp.len == strlen(word) && !strncasecmp(sp.p, word, sp.len);
}

/* The HTML standard's "shared declarative refresh steps" on content:
 * a delay, then an optional separator, "url", "=" and the URL, which may
 * be quoted.  Returns 0 when a URL is there. */
static int
parse_content(struct span c, long *delay, char *url, size_t size)
{
    size_t i = 0;
    while (i < c.len && is_space(c.p[i]))
        i++;
    if (i >= c.len || (!isdigit((unsigned char)c.p[i]) && c.p[i] != '.'))
        return -1;
    long d = 0;
    for (; i < c.len && isdigit((unsigned char)c.p[i]); i++)
        d = d < 100000 ? d * 10 + (c.p[i] - '0') : d;
    while (i < c.len && (isdigit((unsigned char)c.p[i]) || c.p[i] == '.'))
        i++;
    while (i < c.len && (is_space(c.p[i]) || c.p[i] == ';' || c.p[i] == ','))
        i++;
    if (c.len - i >= 3 && !strncasecmp(c.p + i, "url", 3)) {
        size_t j = i + 3;
        while (j < c.len && is_space(c.p[j]))
            j++;
        if (j < c.len && c.p[j] == '=') {
            i = j + 1;
            while (i < c.len && is_space(c.p[i]))
                i++;
        }
    }
    size_t end = c.len;
    if (i < c.len && (c.p[i] == '"' || c.p[i] == '\'')) {
        const char *q = memchr(c.p + i + 1, c.p[i], c.len - i - 1);
        end = q ? (size_t)(q - c.p) : c.len;
        i++;
    }
    while (end > i && is_space(c.p[end - 1]))
        end--;
    if (end == i || end - i >= size)
        return -1;
    memcpy(url, c.p + i, end - i);
    url[end - i] = '\0';
    *delay = d;
    return 0;
}

/* Reads the attributes of a meta tag (sc->i just past "<meta"); returns
 * 0 when it is a refresh with a URL, 1 for a refresh without one (only
 * the first refresh of a page counts), -1 for any other meta. */
static int
meta_tag(struct scan *sc, long *delay, char *url, size_t size)
{
    struct span name, value, equiv = {NULL, 0}, content = {NULL, 0};
    while (attribute(sc, &name, &value) == 0) {
        if (span_is(name, "http-equiv") && !equiv.p)
            equiv = value;
        else if (span_is(name, "content") && !content.p)
            content = value;
    }
    if (!span_is(equiv, "refresh") || !content.p)
        return -1;
    return parse_content(content, delay, url, size) ? 1 : 0;
}

int
refresh_find(const char *bytes, size_t len, long *delay, char *url,
             size_t size)
{
    struct scan sc = {bytes, len < PITH_META_REFRESH_SCAN_BYTES
                                 ? len : PITH_META_REFRESH_SCAN_BYTES, 0};
    while (sc.i < sc.len) {
        const char *lt = memchr(sc.s + sc.i, '<', sc.len - sc.i);
        if (!lt)
            break;
        sc.i = (size_t)(lt - sc.s);
        if (at(&sc, "<!--")) {
            skip_past(&sc, "-->");
        } else if (at(&sc, "<script") || at(&sc, "<style")) {
            skip_past(&sc, at(&sc, "<script") ? "</script" : "</style");
        } else if (at(&sc, "<meta") && sc.i + 5 < sc.len &&
                   (is_space(sc.s[sc.i + 5]) || sc.s[sc.i + 5] == '/')) {
            sc.i += 5;
            int rc = meta_tag(&sc, delay, url, size);
            if (rc >= 0)
                return rc ? -1 : 0;
        } else {
            sc.i++;
        }
    }
    return -1;
}
