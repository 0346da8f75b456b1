/* Output text normalization; see normalize.h. */
#include "assemble/normalize.h"

#include "buf.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Characters that take no room and carry no meaning in plain text. */
static int
invisible(utf8proc_int32_t cp)
{
    if (cp == 0x00AD || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
        cp == 0x2060 || cp == 0xFEFF || cp == 0x180E)
        return 1;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_CC ||
           cat == UTF8PROC_CATEGORY_CO || cat == UTF8PROC_CATEGORY_CN ||
           cat == UTF8PROC_CATEGORY_CS;
}

static int
spacing(utf8proc_int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x00A0 ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* Positions to map through fold(): input offsets in, output offsets out. */
struct marks {
    size_t *pos;
    size_t n, next;
};

/* Records tmp's length for every position at or before offset. */
static void
mark_upto(struct marks *m, size_t offset, const struct buf *tmp)
{
    while (m && m->next < m->n && m->pos[m->next] <= offset)
        m->pos[m->next++] = tmp->len;
}

/* Folds spaces and drops invisible characters into tmp. */
static void
fold(const unsigned char *s, size_t len, int verbatim, struct buf *tmp,
     struct marks *m)
{
    const unsigned char *p = s, *end = s + len;
    int pending = 0; /* a space is due before the next visible character */
    while (p < end) {
        mark_upto(m, (size_t)(p - s), tmp);
        if (*p < 0x80 && *p > ' ' && *p != 0x7F) {
            /* Plain ASCII run: the common case, copied as it is (up to
             * the next position to map). */
            const unsigned char *run = p;
            const unsigned char *stop = m && m->next < m->n &&
                                        m->pos[m->next] < len
                                            ? s + m->pos[m->next] : end;
            if (stop <= p)
                stop = end;
            while (p < stop && *p < 0x80 && *p > ' ' && *p != 0x7F)
                p++;
            if (pending && tmp->len && tmp->data[tmp->len - 1] != '\n')
                buf_putc(tmp, ' ');
            pending = 0;
            buf_append(tmp, run, (size_t)(p - run));
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
        if (n <= 0) {
            cp = 0xFFFD;
            n = 1;
        }
        p += n;
        if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
            /* Trailing spaces of the line go; a break is kept once. */
            while (tmp->len && tmp->data[tmp->len - 1] == ' ')
                tmp->len--;
            pending = 0;
            if (verbatim || (tmp->len && tmp->data[tmp->len - 1] != '\n'))
                buf_putc(tmp, '\n');
            continue;
        }
        if (verbatim && (cp == '\t' || cp == ' ' || spacing(cp))) {
            buf_putc(tmp, cp == '\t' ? '\t' : ' ');
            continue;
        }
        if (spacing(cp)) {
            pending = 1;
            continue;
        }
        if (invisible(cp))
            continue;
        if (pending && tmp->len && tmp->data[tmp->len - 1] != '\n')
            buf_putc(tmp, ' ');
        pending = 0;
        buf_put_utf8(tmp, (unsigned)cp);
    }
    while (tmp->len && (tmp->data[tmp->len - 1] == ' ' ||
                        tmp->data[tmp->len - 1] == '\n' ||
                        (!verbatim && tmp->data[tmp->len - 1] == '\t')))
        tmp->len--;
    if (tmp->data)
        tmp->data[tmp->len] = '\0';
    mark_upto(m, (size_t)-1, tmp);
    for (size_t i = 0; m && i < m->n; i++)
        if (m->pos[i] > tmp->len)
            m->pos[i] = tmp->len;
}

/* Code points that NFC never changes, never moves, and never joins with
 * a neighbour: not decomposable into something else, combining class 0,
 * and no second half of a composition (test_normalize.c checks every one
 * against utf8proc).  Latin up to U+02FF, Cyrillic, general punctuation
 * and symbols, kana, CJK ideographs, Hangul syllables and full-width
 * forms: the text of most pages. */
int
normalize_stable_cp(long cp)
{
    if (cp < 0x300)
        return 1;
    if (cp < 0x2000)
        return (cp >= 0x400 && cp <= 0x482) || (cp >= 0x48A && cp <= 0x4FF);
    if (cp < 0x3000)
        return cp >= 0x2002 && cp <= 0x2BFF &&
               !(cp >= 0x20D0 && cp <= 0x20FF) &&
               cp != 0x2126 && cp != 0x212A && cp != 0x212B && cp != 0x2329 &&
               cp != 0x232A && cp != 0x2ADC;
    return (cp <= 0x3098 && !(cp >= 0x302A && cp <= 0x302F)) ||
           (cp >= 0x309B && cp <= 0x30FF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
           (cp >= 0xFF00 && cp <= 0xFFEF);
}

/* The valid UTF-8 of s[0..len) is already NFC: it holds only stable code
 * points, so utf8proc need not see it. */
static int
nfc_already(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        unsigned c = *p;
        long cp;
        if (c < 0x80) {
            p++;
            continue;
        }
        if (c < 0xE0 && end - p >= 2) {
            cp = (long)(c & 0x1F) << 6 | (p[1] & 0x3F);
            p += 2;
        } else if (c < 0xF0 && end - p >= 3) {
            cp = (long)(c & 0x0F) << 12 | (long)(p[1] & 0x3F) << 6 |
                 (p[2] & 0x3F);
            p += 3;
        } else {
            return 0;
        }
        if (!normalize_stable_cp(cp))
            return 0;
    }
    return 1;
}

/* NFC of tmp into out.  With positions, each piece between them is
 * composed on its own; when the pieces do not add up to the whole (a
 * combining mark right after a position), the positions are dropped. */
static void
compose(const struct buf *tmp, struct buf *out, size_t *pos, size_t n,
        int *mapped)
{
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)tmp->data,
                                        (utf8proc_ssize_t)tmp->len, &nfc,
                                        UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (len < 0) {
        buf_append(out, tmp->data, tmp->len);
        return;
    }
    size_t at = out->len;
    buf_append(out, nfc, (size_t)len);
    free(nfc);
    size_t from = 0, done = 0;
    for (size_t i = 0; i < n && *mapped; i++) {
        size_t to = pos[i];
        utf8proc_uint8_t *piece = NULL;
        utf8proc_ssize_t pl = to > from
            ? utf8proc_map((const utf8proc_uint8_t *)tmp->data + from,
                           (utf8proc_ssize_t)(to - from), &piece,
                           UTF8PROC_STABLE | UTF8PROC_COMPOSE)
            : 0;
        if (pl < 0 || done + (size_t)pl > (size_t)len ||
            (pl && memcmp(out->data + at + done, piece, (size_t)pl)))
            *mapped = 0;
        free(piece);
        from = to;
        done += pl > 0 ? (size_t)pl : 0;
        pos[i] = done;
    }
}

long
normalize_append_mapped(const char *s, size_t len, int verbatim,
                        struct buf *out, size_t *pos, size_t n, int *mapped)
{
    struct buf tmp;
    buf_init(&tmp, out->max);
    struct marks m = {pos, n, 0};
    *mapped = 1;
    fold((const unsigned char *)s, len, verbatim, &tmp, n ? &m : NULL);
    if (buf_failed(&tmp)) {
        buf_free(&tmp);
        return -1;
    }
    size_t before = out->len;
    if (tmp.len == 0) {
        buf_free(&tmp);
        return 0;
    }
    if (nfc_already(tmp.data, tmp.len))
        buf_append(out, tmp.data, tmp.len);
    else
        compose(&tmp, out, pos, n, mapped);
    buf_free(&tmp);
    if (buf_failed(out))
        return -1;
    return (long)(out->len - before);
}

long
normalize_append(const char *s, size_t len, int verbatim, struct buf *out)
{
    int mapped;
    return normalize_append_mapped(s, len, verbatim, out, NULL, 0, &mapped);
}
