/*
 * --urls FILE: reads the list, hands it to pith_fetch_many(), and prints
 * each URL's JSON line (pith_render_item) in list order.  Results arrive
 * in completion order, so a line waits here until every line before it
 * has been printed; memory holds only lines that are waiting.
 */
#include "cli/many.h"

#include "cli/msg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct list {
    char **urls;
    size_t n, cap;
};

/* A rendered line, or NULL while its URL is still running. */
struct line {
    char *text;
    size_t len;
    int code; /* the URL's exit code */
};

struct printer {
    struct line *lines;
    size_t n, next;   /* next: the first line not printed yet */
    int first_failure;
    int write_failed;
};

static void
list_free(struct list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->urls[i]);
    free(l->urls);
}

/* Keeps line (trimmed) unless it is blank or a # comment. */
static int
list_add(struct list *l, char *line)
{
    while (*line == ' ' || *line == '\t')
        line++;
    size_t len = strcspn(line, "\r\n");
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    if (!len || line[0] == '#')
        return 0;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **v = realloc(l->urls, cap * sizeof *v);
        if (!v)
            return -1;
        l->urls = v;
        l->cap = cap;
    }
    if (!(l->urls[l->n] = strndup(line, len)))
        return -1;
    l->n++;
    return 0;
}

static int
read_list(const char *path, struct list *l)
{
    int is_stdin = !strcmp(path, "-");
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    if (!f) {
        errorf("%s: %s", path, strerror(errno));
        return EXIT_INPUT;
    }
    char *line = NULL;
    size_t cap = 0;
    int rc = EXIT_OK;
    while (rc == EXIT_OK && getline(&line, &cap, f) >= 0)
        if (list_add(l, line)) {
            errorf("out of memory");
            rc = EXIT_INTERNAL;
        }
    if (rc == EXIT_OK && ferror(f)) {
        errorf("%s: %s", path, strerror(errno));
        rc = EXIT_INPUT;
    }
    free(line);
    if (!is_stdin)
        fclose(f);
    return rc;
}

/* pith_render_item's writer: appends to a growing line. */
static int
append(const char *data, size_t len, void *userdata)
{
    struct line *ln = userdata;
    char *p = realloc(ln->text, ln->len + len + 1);
    if (!p)
        return -1;
    memcpy(p + ln->len, data, len);
    ln->len += len;
    p[ln->len] = '\0';
    ln->text = p;
    return 0;
}

/* Prints the lines that are ready, in order. */
static void
flush_ready(struct printer *pr)
{
    for (; pr->next < pr->n && pr->lines[pr->next].text; pr->next++) {
        struct line *ln = &pr->lines[pr->next];
        if (!pr->write_failed &&
            fwrite(ln->text, 1, ln->len, stdout) != ln->len)
            pr->write_failed = 1;
        if (ln->code && !pr->first_failure)
            pr->first_failure = ln->code;
        free(ln->text);
        ln->text = "";  /* printed; a non-NULL mark */
        ln->len = 0;
    }
    if (fflush(stdout))
        pr->write_failed = 1;
}

static int
on_item(pith_item *it, void *userdata)
{
    struct printer *pr = userdata;
    struct line *ln = &pr->lines[it->index];
    ln->code = args_exit_code(it->status);
    if (pith_render_item(it, append, ln) != PITH_OK) {
        free(ln->text);
        ln->text = NULL;
        ln->len = 0;
        if (append("{}\n", 3, ln)) /* keep the order even so */
            pr->write_failed = 1;
        ln->code = EXIT_INTERNAL;
    }
    pith_result_free(it->result);
    flush_ready(pr);
    return pr->write_failed; /* stdout gone: stop fetching */
}

int
run_many(const struct cli_config *cfg)
{
    struct list l = {NULL, 0, 0};
    int code = read_list(cfg->urls_file, &l);
    if (code != EXIT_OK) {
        list_free(&l);
        return code;
    }
    struct printer pr = {calloc(l.n ? l.n : 1, sizeof *pr.lines), l.n, 0,
                         0, 0};
    pith_extractor *ex = pr.lines ? pith_new(&cfg->opt) : NULL;
    if (!ex) {
        errorf("out of memory");
        free(pr.lines);
        list_free(&l);
        return EXIT_INTERNAL;
    }
    pith_status st = pith_fetch_many(ex, (const char *const *)l.urls, l.n,
                                     &cfg->many, on_item, &pr);
    if (st != PITH_OK) {
        errorf("%s: %s", cfg->urls_file,
               *pith_errmsg(ex) ? pith_errmsg(ex) : pith_strerror(st));
        code = args_exit_code(st);
    } else if (pr.write_failed) {
        errorf("writing the output failed: %s", strerror(errno));
        code = EXIT_INTERNAL;
    } else {
        code = pr.first_failure;
    }
    for (size_t i = pr.next; i < pr.n; i++)
        free(pr.lines[i].text);
    free(pr.lines);
    pith_free(ex);
    list_free(&l);
    return code;
}
