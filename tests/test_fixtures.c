/*
 * Every fixtures/NAME/source.html through the library, compared with
 * fixtures/NAME/expected.txt.  An empty expected.txt means the page holds
 * no article: the library must say PITH_ERR_NO_CONTENT.  On a difference
 * the first differing line of each side is printed.
 */
#include "harness.h"

#include "pith.h"

#include <dirent.h>
#include <stdlib.h>

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap + 1);
    size_t got;
    while (p && (got = fread(p + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *q = realloc(p, cap * 2 + 1);
            if (!q) {
                free(p);
                p = NULL;
                break;
            }
            p = q;
            cap *= 2;
        }
    }
    fclose(f);
    if (p)
        p[n] = '\0';
    *len = n;
    return p;
}

static int
collect(const char *data, size_t len, void *ud)
{
    char **s = ud;
    size_t old = *s ? strlen(*s) : 0;
    char *p = realloc(*s, old + len + 1);
    if (!p)
        return -1;
    memcpy(p + old, data, len);
    p[old + len] = '\0';
    *s = p;
    return 0;
}

static void
show_difference(const char *name, const char *got, const char *want)
{
    int line = 1;
    const char *g = got, *w = want;
    while (*g && *g == *w) {
        if (*g == '\n') {
            line++;
            got = g + 1;
            want = w + 1;
        }
        g++;
        w++;
    }
    printf("  %s: first difference at line %d\n", name, line);
    printf("    got:  %.160s\n", got);
    printf("    want: %.160s\n", want);
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
check_fixture(pith_extractor *ex, const char *dir, const char *name)
{
    char path[8192];
    size_t len, elen;
    snprintf(path, sizeof path, "%s/%s/source.html", dir, name);
    char *html = slurp(path, &len);
    if (!html)
        return; /* not a fixture directory */
    snprintf(path, sizeof path, "%s/%s/expected.txt", dir, name);
    char *want = slurp(path, &elen);
    OK(want != NULL, "%s: expected.txt is missing", name);
    pith_result *res = NULL;
    pith_status st = pith_extract_html(ex, html, len, NULL, NULL, &res);
    if (want && elen == 0) {
        EQ_INT(st, PITH_ERR_NO_CONTENT, name);
    } else if (want) {
        char *got = NULL;
        OK(st == PITH_OK, "%s: status %s (%s)", name, pith_strerror(st),
           pith_errmsg(ex));
        if (res)
            pith_render(res, PITH_FORMAT_TXT, 0, collect, &got);
        int same = got && strcmp(got, want) == 0;
        OK(same, "%s: output differs from expected.txt", name);
        if (!same)
            show_difference(name, got ? got : "", want);
        free(got);
    }
    pith_result_free(res);
    free(html);
    free(want);
}

int
main(int argc, char **argv)
{
    const char *src = getenv("PITH_SOURCE_DIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/fixtures",
             argc > 1 ? argv[1] : src ? src : ".");
    DIR *d = opendir(dir);
    OK(d != NULL, "cannot open %s", dir);
    if (!d)
        return test_done();
    char *names[1024];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 1024)
        if (e->d_name[0] != '.')
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, by_name);
    pith_extractor *ex = pith_new(NULL);
    int before = test_passed + test_failed;
    for (int i = 0; i < n; i++) {
        check_fixture(ex, dir, names[i]);
        free(names[i]);
    }
    OK(test_passed + test_failed - before >= 12,
       "at least 12 fixtures expected, found %d checks",
       test_passed + test_failed - before);
    pith_free(ex);
    return test_done();
}
