/*
 * The benchmark driver of scripts/bench: runs every file named on the
 * command line (or listed, one per line, in the file after -l) through
 * either the whole pith pipeline (read, decode, parse, extract, normalize,
 * render) or Gumbo's parse alone, in one process, and prints one line:
 *
 *     MODE pages BYTES cpu_seconds peak_rss_kb max_page_ms max_page
 *
 * CPU time is the process's user+system time over the loop.  Mode
 * "every" renders every format and both --explain forms of each page,
 * for checks under valgrind (tests/valgrind_extract.sh).
 */
#include "pith.h"

#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double
cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)(n > 0 ? n : 0) + 1);
    if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
        free(p);
        p = NULL;
    }
    fclose(f);
    if (p)
        p[n] = '\0';
    *len = (size_t)n;
    return p;
}

static int
sink(const char *data, size_t len, void *ud)
{
    /* Writing is part of the pipeline: copy into a buffer that is reused,
     * as a pipe would take it. */
    static char out[1 << 16];
    size_t *total = ud;
    while (len) {
        size_t n = len < sizeof out ? len : sizeof out;
        memcpy(out, data, n);
        data += n;
        len -= n;
        *total += n;
    }
    return 0;
}

int
main(int argc, char **argv)
{
    if (argc < 3 || (strcmp(argv[1], "pith") && strcmp(argv[1], "gumbo") &&
                     strcmp(argv[1], "every"))) {
        fprintf(stderr, "usage: bench pith|gumbo|every FILE... | -l LIST\n");
        return 2;
    }
    int gumbo_only = !strcmp(argv[1], "gumbo");
    int every = !strcmp(argv[1], "every");
    char **files = argv + 2;
    int n = argc - 2;
    char *list = NULL;
    if (!strcmp(argv[2], "-l") && argc > 3) {
        size_t len;
        list = slurp(argv[3], &len);
        if (!list) {
            perror(argv[3]);
            return 1;
        }
        n = 0;
        for (char *p = list; *p; p++)
            n += *p == '\n';
        files = calloc((size_t)n + 1, sizeof *files);
        n = 0;
        for (char *p = strtok(list, "\n"); p; p = strtok(NULL, "\n"))
            files[n++] = p;
    }
    pith_global_init();
    /* PITH_NO_PREPASS=1 measures the library without its pre-pass. */
    pith_options popt = {0};
    popt.no_prepass = getenv("PITH_NO_PREPASS") != NULL;
    pith_extractor *ex = pith_new(&popt);
    size_t bytes = 0, out = 0;
    double worst = 0;
    const char *worst_name = "";
    double t0 = cpu_now();
    for (int i = 0; i < n; i++) {
        double p0 = cpu_now();
        size_t len;
        char *html = slurp(files[i], &len);
        if (!html)
            continue;
        bytes += len;
        if (gumbo_only) {
            GumboOptions opt = kGumboDefaultOptions;
            opt.max_errors = 0;
            GumboOutput *doc = gumbo_parse_with_options(&opt, html, len);
            gumbo_destroy_output(&opt, doc);
        } else {
            pith_result *res = NULL;
            pith_extract_html(ex, html, len, NULL, NULL, &res);
            if (res)
                pith_render(res, PITH_FORMAT_TXT, 0, sink, &out);
            if (res && every) {
                pith_render(res, PITH_FORMAT_JSON, 0, sink, &out);
                pith_render(res, PITH_FORMAT_MARKDOWN, 0, sink, &out);
            }
            pith_result_free(res);
            if (every) {
                pith_explain(ex, html, len, NULL, NULL, 0, sink, &out);
                pith_explain(ex, html, len, NULL, NULL, 1, sink, &out);
            }
        }
        free(html);
        double took = cpu_now() - p0;
        if (took > worst) {
            worst = took;
            worst_name = files[i];
        }
    }
    double cpu = cpu_now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%s %d %zu %.4f %ld %.1f %s\n", argv[1], n, bytes, cpu,
           ru.ru_maxrss, worst * 1000, worst_name);
    pith_free(ex);
    pith_global_cleanup();
    free(list);
    if (list)
        free(files);
    return 0;
}
