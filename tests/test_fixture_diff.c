/*
 * The line diff of pith fixture (src/cli/fixture/fixture_diff.c): exact
 * output for a table of cases, then random pairs of texts whose diff,
 * applied to the old text, must give the new one with as few edits as a
 * longest common subsequence allows; past the edit cap, the diff must
 * still apply.
 */
#include "harness.h"

#include "cli/fixture/fixture_diff.h"

#include <stdlib.h>

static char *
diff(const char *a, const char *b, int color)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    int rc = diff_write(f, a, strlen(a), b, strlen(b), "old", "new", color);
    fclose(f);
    OK(rc == 0, "diff_write succeeds");
    return out;
}

static const struct {
    const char *what, *old, *new_, *want;
} cases[] = {
    {"equal texts give nothing", "a\nb\n", "a\nb\n", ""},
    {"one line changed", "a\nb\nc\n", "a\nB\nc\n",
     "--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
    {"an empty old text", "", "x\n",
     "--- old\n+++ new\n@@ -0,0 +1,1 @@\n+x\n"},
    {"a last line without newline", "a\nb\n", "a\nb",
     "--- old\n+++ new\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n"
     "\\ No newline at end of file\n"},
    {"three lines of context, then a new hunk",
     "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n",
     "x\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\ny\n",
     "--- old\n+++ new\n@@ -1,4 +1,4 @@\n-1\n+x\n 2\n 3\n 4\n"
     "@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+y\n"},
    {"changes six lines apart share a hunk",
     "1\n2\n3\n4\n5\n6\n7\n8\n", "x\n2\n3\n4\n5\n6\n7\ny\n",
     "--- old\n+++ new\n@@ -1,8 +1,8 @@\n-1\n+x\n 2\n 3\n 4\n 5\n 6\n 7\n"
     "-8\n+y\n"},
};

/* ------------------------------------------------------------ applying */

struct lines {
    char **v;
    size_t n;
};

/* Splits s into lines that keep their '\n'. */
static struct lines
split(const char *s)
{
    struct lines l = {NULL, 0};
    size_t cap = 16;
    l.v = malloc(cap * sizeof *l.v);
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) + 1 : strlen(s);
        if (l.n == cap)
            l.v = realloc(l.v, (cap *= 2) * sizeof *l.v);
        l.v[l.n++] = strndup(s, len);
        s += len;
    }
    return l;
}

static void
lines_free(struct lines *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

struct text {
    char *p;
    size_t n;
};

static void
put(struct text *t, const char *s)
{
    size_t l = strlen(s);
    t->p = realloc(t->p, t->n + l + 1);
    memcpy(t->p + t->n, s, l + 1);
    t->n += l;
}

/* Applies the unified diff d to old; NULL when it does not apply. */
static char *
apply(const char *old, const char *d)
{
    struct lines a = split(old), p = split(d);
    struct text out = {calloc(1, 1), 0};
    size_t ai = 0, pi = 2; /* after the --- and +++ lines */
    int bad = p.n > 0 && p.n < 3;
    while (!bad && pi < p.n) {
        size_t sa, na, sb, nb;
        if (sscanf(p.v[pi++], "@@ -%zu,%zu +%zu,%zu @@", &sa, &na, &sb,
                   &nb) != 4) {
            bad = 1;
            break;
        }
        size_t start = na ? sa - 1 : sa;
        while (ai < start && ai < a.n)
            put(&out, a.v[ai++]);
        int wrote = 0; /* the line before was written out */
        while (pi < p.n && p.v[pi][0] != '@') {
            char *l = p.v[pi++], mark = l[0];
            if (mark == '\\') { /* the line before has no newline */
                if (wrote && out.n && out.p[out.n - 1] == '\n')
                    out.p[--out.n] = '\0';
                continue;
            }
            if (mark == ' ' || mark == '-') {
                bad |= ai >= a.n || strncmp(a.v[ai], l + 1,
                                            strlen(l + 1) - 1);
                ai++;
            }
            wrote = mark == ' ' || mark == '+';
            if (wrote)
                put(&out, l + 1);
        }
    }
    while (ai < a.n)
        put(&out, a.v[ai++]);
    lines_free(&a);
    lines_free(&p);
    if (bad) {
        free(out.p);
        return NULL;
    }
    return out.p;
}

/* Removed plus added lines of a diff. */
static size_t
edits(const char *d)
{
    size_t n = 0;
    for (const char *s = d; *s; s = strchr(s, '\n') + 1) {
        n += (*s == '-' && strncmp(s, "--- ", 4)) ||
             (*s == '+' && strncmp(s, "+++ ", 4));
        if (!strchr(s, '\n'))
            break;
    }
    return n;
}

static size_t
lcs(const struct lines *a, const struct lines *b)
{
    size_t *t = calloc((a->n + 1) * (b->n + 1), sizeof *t), w = b->n + 1;
    for (size_t i = 1; i <= a->n; i++)
        for (size_t j = 1; j <= b->n; j++)
            t[i * w + j] = !strcmp(a->v[i - 1], b->v[j - 1])
                               ? t[(i - 1) * w + j - 1] + 1
                           : t[(i - 1) * w + j] > t[i * w + j - 1]
                               ? t[(i - 1) * w + j]
                               : t[i * w + j - 1];
    size_t r = t[a->n * w + b->n];
    free(t);
    return r;
}

static unsigned long long rng = 88172645463325252ull;

static unsigned
next(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static char *
random_text(void)
{
    static const char *const pool[] = {"a\n", "b\n", "c\n", "\n", "d\n"};
    size_t n = next(25);
    char *s = calloc(n * 2 + 2, 1);
    for (size_t i = 0; i < n; i++)
        strcat(s, pool[next(5)]);
    if (n && next(4) == 0)
        s[strlen(s) - 1] = '\0'; /* no final newline */
    return s;
}

static void
random_pairs(void)
{
    int applied = 0, minimal = 0, runs = 400;
    for (int r = 0; r < runs; r++) {
        char *a = random_text(), *b = random_text(), *d = diff(a, b, 0);
        char *back = apply(a, d);
        applied += back && !strcmp(back, b);
        struct lines la = split(a), lb = split(b);
        minimal += edits(d) == la.n + lb.n - 2 * lcs(&la, &lb);
        if (!back || strcmp(back, b))
            printf("  old:\n%s\n  new:\n%s\n  diff:\n%s\n", a, b, d);
        lines_free(&la);
        lines_free(&lb);
        free(back);
        free(a);
        free(b);
        free(d);
    }
    EQ_INT(applied, runs, "random diffs apply");
    EQ_INT(minimal, runs, "random diffs are minimal");
}

/* Past the edit cap the middle is shown removed, then added. */
static void
over_the_cap(void)
{
    char *a = NULL, *b = NULL;
    size_t al = 0, bl = 0;
    FILE *fa = open_memstream(&a, &al), *fb = open_memstream(&b, &bl);
    for (int i = 0; i < 1500; i++) {
        fprintf(fa, "old %d\n", i);
        fprintf(fb, "%s %d\n", i % 2 ? "new" : "old", i);
    }
    fclose(fa);
    fclose(fb);
    char *d = diff(a, b, 0), *back = apply(a, d);
    OK(back && !strcmp(back, b), "a diff past the cap still applies");
    free(back);
    free(d);
    free(a);
    free(b);
}

int
main(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = diff(cases[i].old, cases[i].new_, 0);
        EQ_STR(got, cases[i].want, cases[i].what);
        free(got);
    }
    char *c = diff("a\n", "b\n", 1);
    OK(strstr(c, "\033[31m-a\033[0m\n") && strstr(c, "\033[32m+b\033[0m\n") &&
           strstr(c, "\033[36m@@ -1,1 +1,1 @@\033[0m\n"),
       "colors: red, green, cyan");
    free(c);
    random_pairs();
    over_the_cap();
    return test_done();
}
