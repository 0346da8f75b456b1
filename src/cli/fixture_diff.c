/*
 * Line diff; see fixture_diff.h.  Myers' greedy search walks diagonals k
 * = x - y, keeping in v[k] the furthest x reached with d edits; a copy of
 * v after each d is the trace that the walk back from the end reads to
 * recover the edits.  Lines are compared with their newline, so a last
 * line without one differs from the same line with one.
 */
#include "fixture_diff.h"

#include <stdlib.h>
#include <string.h>

#define RED "\033[31m"
#define GREEN "\033[32m"
#define CYAN "\033[36m"
#define BOLD "\033[1m"
#define RESET "\033[0m"

struct line {
    const char *p;
    size_t len; /* with its '\n', when it has one */
};

enum op_kind { OP_SAME, OP_DEL, OP_ADD };

/* An edit, with where it stands in each text: a and b count the old and
 * new lines before it (for SAME and DEL, a is the old line; for SAME and
 * ADD, b is the new line). */
struct op {
    enum op_kind kind;
    size_t a, b;
};

struct script {
    struct op *v;
    size_t n;
};

static size_t
split(const char *s, size_t n, struct line **out)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += s[i] == '\n';
    count += n && s[n - 1] != '\n';
    struct line *v = malloc((count ? count : 1) * sizeof *v);
    if (!v)
        return (size_t)-1;
    size_t k = 0;
    for (size_t i = 0; i < n; k++) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t len = nl ? (size_t)(nl - (s + i)) + 1 : n - i;
        v[k].p = s + i;
        v[k].len = len;
        i += len;
    }
    *out = v;
    return count;
}

static int
same(const struct line *x, const struct line *y)
{
    return x->len == y->len && !memcmp(x->p, y->p, x->len);
}

static void
push(struct script *s, enum op_kind kind, size_t a, size_t b)
{
    s->v[s->n].kind = kind;
    s->v[s->n].a = a;
    s->v[s->n].b = b;
    s->n++;
}

/* ------------------------------------------------------------ search */

struct search {
    const struct line *a, *b;
    long n, m;
    long **trace; /* trace[d][k + d]: v after d edits */
    long d;       /* edits of the shortest script found */
};

/* Runs the forward search; -1 past DIFF_MAX_EDITS or out of memory. */
static int
forward(struct search *s)
{
    long lim = s->n + s->m < DIFF_MAX_EDITS ? s->n + s->m : DIFF_MAX_EDITS;
    long *v = calloc((size_t)(2 * lim + 3), sizeof *v), off = lim + 1;
    s->trace = calloc((size_t)lim + 1, sizeof *s->trace);
    if (!v || !s->trace) {
        free(v);
        return -1;
    }
    for (long d = 0; d <= lim; d++) {
        int done = 0;
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
                         ? v[off + k + 1]
                         : v[off + k - 1] + 1;
            long y = x - k;
            while (x < s->n && y < s->m && same(&s->a[x], &s->b[y]))
                x++, y++;
            v[off + k] = x;
            done |= x >= s->n && y >= s->m;
        }
        s->trace[d] = malloc((size_t)(2 * d + 1) * sizeof **s->trace);
        if (!s->trace[d])
            break;
        memcpy(s->trace[d], &v[off - d], (size_t)(2 * d + 1) * sizeof *v);
        if (done) {
            s->d = d;
            free(v);
            return 0;
        }
    }
    free(v);
    return -1;
}

/* Walks the trace back from the end, writing the middle's edits (offset
 * by the common start, pre) backwards into rev. */
static size_t
backward(const struct search *s, size_t pre, struct op *rev)
{
    long x = s->n, y = s->m;
    size_t n = 0;
    for (long d = s->d; d > 0; d--) {
        const long *p = s->trace[d - 1] + (d - 1); /* p[k]: v[k] */
        long k = x - y;
        int down = k == -d || (k != d && p[k - 1] < p[k + 1]);
        long pk = down ? k + 1 : k - 1, px = p[pk], py = px - pk;
        long mx = down ? px : px + 1;
        for (; x > mx; x--, y--)
            rev[n++] = (struct op){OP_SAME, pre + (size_t)x - 1,
                                   pre + (size_t)y - 1};
        rev[n++] = down ? (struct op){OP_ADD, pre + (size_t)px,
                                      pre + (size_t)py}
                        : (struct op){OP_DEL, pre + (size_t)px,
                                      pre + (size_t)py};
        x = px;
        y = py;
    }
    for (; x > 0; x--, y--)
        rev[n++] = (struct op){OP_SAME, pre + (size_t)x - 1,
                               pre + (size_t)y - 1};
    return n;
}

/* The middle's edits into sc: the shortest script, or, past the cap,
 * everything old removed and everything new added. */
static void
middle(struct script *sc, const struct line *a, size_t n,
       const struct line *b, size_t m, size_t pre)
{
    struct search s = {a, b, (long)n, (long)m, NULL, 0};
    int rc = forward(&s);
    if (rc == 0) {
        struct op *rev = malloc((n + m + 1) * sizeof *rev);
        if (!rev) {
            rc = -1;
        } else {
            size_t k = backward(&s, pre, rev);
            while (k)
                sc->v[sc->n++] = rev[--k];
            free(rev);
        }
    }
    long lim = (long)(n + m) < DIFF_MAX_EDITS ? (long)(n + m)
                                               : DIFF_MAX_EDITS;
    for (long d = 0; s.trace && d <= lim && s.trace[d]; d++)
        free(s.trace[d]);
    free(s.trace);
    if (rc == 0)
        return;
    for (size_t i = 0; i < n; i++)
        push(sc, OP_DEL, pre + i, pre);
    for (size_t j = 0; j < m; j++)
        push(sc, OP_ADD, pre + n, pre + j);
}

/* ------------------------------------------------------------ printing */

static void
put_line(FILE *f, char mark, const struct line *l, int color)
{
    const char *on = !color ? "" : mark == '-' ? RED : mark == '+' ? GREEN
                                                                   : "";
    size_t len = l->len && l->p[l->len - 1] == '\n' ? l->len - 1 : l->len;
    fprintf(f, "%s%c%.*s%s\n", on, mark, (int)len, l->p,
            *on ? RESET : "");
    if (len == l->len)
        fputs("\\ No newline at end of file\n", f);
}

/* The end (exclusive) of the hunk whose first change is at i: changes
 * closer than two contexts apart share a hunk. */
static size_t
hunk_end(const struct script *s, size_t i)
{
    size_t end = i + 1, j = i + 1;
    while (j < s->n) {
        if (s->v[j].kind != OP_SAME) {
            end = ++j;
            continue;
        }
        size_t r = j;
        while (r < s->n && s->v[r].kind == OP_SAME)
            r++;
        if (r == s->n || r - j > 2 * DIFF_CONTEXT)
            break;
        j = r;
    }
    return end + DIFF_CONTEXT < s->n ? end + DIFF_CONTEXT : s->n;
}

static void
put_hunk(FILE *f, const struct script *s, size_t from, size_t to,
         const struct line *a, const struct line *b, int color)
{
    size_t na = 0, nb = 0;
    for (size_t i = from; i < to; i++) {
        na += s->v[i].kind != OP_ADD;
        nb += s->v[i].kind != OP_DEL;
    }
    size_t sa = s->v[from].a + (na > 0), sb = s->v[from].b + (nb > 0);
    fprintf(f, "%s@@ -%zu,%zu +%zu,%zu @@%s\n", color ? CYAN : "", sa, na,
            sb, nb, color ? RESET : "");
    for (size_t i = from; i < to; i++) {
        const struct op *o = &s->v[i];
        if (o->kind == OP_SAME)
            put_line(f, ' ', &a[o->a], color);
        else if (o->kind == OP_DEL)
            put_line(f, '-', &a[o->a], color);
        else
            put_line(f, '+', &b[o->b], color);
    }
}

int
diff_write(FILE *f, const char *old, size_t old_len, const char *new_,
           size_t new_len, const char *old_label, const char *new_label,
           int color)
{
    if (old_len == new_len && !memcmp(old, new_, old_len))
        return 0;
    struct line *a = NULL, *b = NULL;
    size_t n = split(old, old_len, &a), m = split(new_, new_len, &b);
    struct script sc = {NULL, 0};
    int rc = -1;
    if (n == (size_t)-1 || m == (size_t)-1 ||
        !(sc.v = malloc((n + m + 1) * sizeof *sc.v)))
        goto done;
    size_t pre = 0, post = 0;
    while (pre < n && pre < m && same(&a[pre], &b[pre])) {
        push(&sc, OP_SAME, pre, pre);
        pre++;
    }
    while (post < n - pre && post < m - pre &&
           same(&a[n - 1 - post], &b[m - 1 - post]))
        post++;
    middle(&sc, a + pre, n - pre - post, b + pre, m - pre - post, pre);
    for (size_t i = post; i > 0; i--)
        push(&sc, OP_SAME, n - i, m - i);
    fprintf(f, "%s--- %s%s\n%s+++ %s%s\n", color ? BOLD : "", old_label,
            color ? RESET : "", color ? BOLD : "", new_label,
            color ? RESET : "");
    for (size_t i = 0; i < sc.n;) {
        while (i < sc.n && sc.v[i].kind == OP_SAME)
            i++;
        if (i == sc.n)
            break;
        size_t from = i > DIFF_CONTEXT ? i - DIFF_CONTEXT : 0;
        size_t to = hunk_end(&sc, i);
        put_hunk(f, &sc, from, to, a, b, color);
        i = to;
    }
    rc = 0;
done:
    free(sc.v);
    if (n != (size_t)-1)
        free(a);
    if (m != (size_t)-1)
        free(b);
    return rc;
}
