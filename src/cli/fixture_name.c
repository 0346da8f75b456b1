/* Fixture names from URLs; see fixture_name.h. */
#include "fixture_name.h"

#include "fixture_io.h"
#include "fixture_store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int
hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int
kept(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_';
}

/* Appends s[0..n) to out (at *len) as slug characters. */
static void
slug_part(char *out, size_t *len, const char *s, size_t n)
{
    for (size_t i = 0; i < n && *len < NAME_MAX_SLUG; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 &&
            hexval(s[i + 2]) >= 0) {
            c = (unsigned char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        }
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        if (kept(c))
            out[(*len)++] = (char)c;
        else if (*len && out[*len - 1] != '-')
            out[(*len)++] = '-';
    }
}

char *
name_slug(const char *url)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    size_t auth = strcspn(p, "/?#");
    const char *at = memchr(p, '@', auth); /* user:password@ goes */
    if (at) {
        auth -= (size_t)(at + 1 - p);
        p = at + 1;
    }
    size_t host = auth;
    if (*p == '[') { /* [IPv6]:port */
        const char *close = memchr(p, ']', auth);
        host = close ? (size_t)(close + 1 - p) : auth;
    } else {
        const char *colon = memchr(p, ':', auth);
        host = colon ? (size_t)(colon - p) : auth;
    }
    char out[NAME_MAX_SLUG + 1];
    size_t len = 0;
    slug_part(out, &len, p, host);
    if (len && len < NAME_MAX_SLUG && out[len - 1] != '-')
        out[len++] = '-';
    const char *rest = p + auth;
    slug_part(out, &len, rest, strcspn(rest, "#"));
    while (len && (out[len - 1] == '-' || out[len - 1] == '.'))
        len--;
    size_t start = 0;
    while (start < len && (out[start] == '-' || out[start] == '.'))
        start++;
    out[len] = '\0';
    return io_fmt("%s", start < len ? out + start : "page");
}

/* FNV-1a, 32 bits: names need to differ, not to resist attack. */
static uint32_t
hash32(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

char *
name_hashed(const char *slug, const char *url)
{
    return io_fmt("%s-%08x", slug, (unsigned)hash32(url));
}

/* The URL that slug stands for already, or NULL: in this run, else in
 * dir.  *owned tells whether the caller frees it. */
static char *
holder(const char *dir, const char *slug, char *const *taken,
       char *const *taken_urls, int ntaken, int *owned)
{
    *owned = 0;
    for (int i = 0; i < ntaken; i++)
        if (!strcmp(taken[i], slug))
            return taken_urls[i];
    *owned = 1;
    return store_recorded_url(dir, slug);
}

char *
name_for_url(const char *dir, const char *url, char *const *taken,
             char *const *taken_urls, int ntaken)
{
    char *slug = name_slug(url);
    int owned;
    char *other = holder(dir, slug, taken, taken_urls, ntaken, &owned);
    /* A fixture there without a readable URL (broken, or a saved page
     * named so) is no clash: recording over it takes --force. */
    int clash = other && strcmp(other, url) != 0;
    if (owned)
        free(other);
    if (!clash)
        return slug;
    char *name = name_hashed(slug, url);
    free(slug);
    return name;
}

int
name_valid(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > NAME_MAX_SLUG + 9 || name[0] == '.' || name[0] == '-')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}
