/*
 * Reference resolution; see url.h.  Strings are short (a URL), so the
 * work is done in a fixed-size stack buffer and copied to the arena.
 */
#include "url.h"

#include "arena.h"
#include "buf.h"

#include <ctype.h>
#include <string.h>

/* Longest URL resolved; longer ones are returned as written.  Browsers
 * cope with 2 MB, but no link a reader clicks is over 8 KiB. */
#define URL_MAX_BYTES 8192

int
url_has_scheme(const char *s)
{
    if (!s || !isalpha((unsigned char)*s))
        return 0;
    for (s++; *s; s++) {
        if (*s == ':')
            return 1;
        if (!isalnum((unsigned char)*s) && *s != '+' && *s != '-' &&
            *s != '.')
            return 0;
    }
    return 0;
}

/* The parts of an absolute URL, as offsets into it. */
struct parts {
    size_t scheme_end; /* index of ':' */
    size_t auth_end;   /* end of "//authority", == scheme_end + 1 if none */
    size_t path_end;   /* start of ?query or #fragment, or the length */
    size_t query_end;  /* start of #fragment, or the length */
};

static void
split(const char *u, struct parts *p)
{
    p->scheme_end = strchr(u, ':') - u;
    size_t i = p->scheme_end + 1;
    if (u[i] == '/' && u[i + 1] == '/') {
        i += 2;
        while (u[i] && u[i] != '/' && u[i] != '?' && u[i] != '#')
            i++;
    }
    p->auth_end = i;
    while (u[i] && u[i] != '?' && u[i] != '#')
        i++;
    p->path_end = i;
    while (u[i] && u[i] != '#')
        i++;
    p->query_end = i;
}

/* Appends path to out with "." and ".." segments removed (RFC 3986
 * 5.2.4); out already holds scheme and authority from index root. */
static void
put_path(struct buf *out, size_t root, const char *path, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t e = i + 1;
        while (e < len && path[e] != '/')
            e++;
        /* The segment is path[i..e), starting with '/' (or not, first). */
        const char *seg = path + i + (path[i] == '/');
        size_t sl = (size_t)(path + e - seg);
        int last = e >= len;
        if (sl == 1 && seg[0] == '.') {
            if (last)
                buf_putc(out, '/');
        } else if (sl == 2 && seg[0] == '.' && seg[1] == '.') {
            while (out->len > root && out->data[out->len - 1] != '/')
                out->len--;
            if (out->len > root)
                out->len--;
            if (last)
                buf_putc(out, '/');
        } else {
            buf_putc(out, '/');
            buf_append(out, seg, sl);
        }
        i = e;
    }
}

const char *
url_resolve(struct arena *a, const char *base, const char *ref)
{
    if (!ref)
        return NULL;
    /* Trim, and drop tabs and line breaks inside (WHATWG URL parsing). */
    char clean[URL_MAX_BYTES];
    size_t n = 0;
    while (*ref && (unsigned char)*ref <= ' ')
        ref++;
    for (const char *p = ref; *p && n < sizeof clean - 1; p++)
        if (*p != '\t' && *p != '\n' && *p != '\r')
            clean[n++] = *p;
    while (n && (unsigned char)clean[n - 1] <= ' ')
        n--;
    clean[n] = '\0';
    if (url_has_scheme(clean) || !base || !url_has_scheme(base) ||
        strlen(base) >= URL_MAX_BYTES)
        return arena_strndup(a, clean, n);
    struct parts bp;
    split(base, &bp);
    struct buf out;
    buf_init(&out, 2 * URL_MAX_BYTES);
    const char *r = clean;
    size_t rpath = strcspn(r, "?#");
    if (r[0] == '/' && r[1] == '/') {
        buf_append(&out, base, bp.scheme_end + 1);
        size_t auth = 2 + strcspn(r + 2, "/?#");
        buf_append(&out, r, auth);
        size_t root = out.len;
        put_path(&out, root, r + auth, strcspn(r + auth, "?#"));
        buf_puts(&out, r + auth + strcspn(r + auth, "?#"));
    } else if (r[0] == '/') {
        buf_append(&out, base, bp.auth_end);
        put_path(&out, out.len, r, rpath);
        buf_puts(&out, r + rpath);
    } else if (r[0] == '?' || r[0] == '\0') {
        buf_append(&out, base, r[0] ? bp.path_end : bp.query_end);
        buf_puts(&out, r);
    } else if (r[0] == '#') {
        buf_append(&out, base, bp.query_end);
        buf_puts(&out, r);
    } else {
        /* Merge: the base path up to its last '/', then ref's path. */
        struct buf merged;
        buf_init(&merged, 2 * URL_MAX_BYTES);
        size_t dir = bp.path_end;
        while (dir > bp.auth_end && base[dir - 1] != '/')
            dir--;
        if (dir == bp.auth_end)
            buf_putc(&merged, '/');
        else
            buf_append(&merged, base + bp.auth_end, dir - bp.auth_end);
        buf_append(&merged, r, rpath);
        buf_append(&out, base, bp.auth_end);
        if (merged.data)
            put_path(&out, out.len, merged.data, merged.len);
        buf_puts(&out, r + rpath);
        buf_free(&merged);
    }
    const char *res = buf_failed(&out) || !out.data
                          ? arena_strndup(a, clean, n)
                          : arena_strndup(a, out.data, out.len);
    buf_free(&out);
    return res;
}
