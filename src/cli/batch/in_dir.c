/*
 * A directory tree of saved pages as a batch input: every page file
 * (input_page_stem) in walk order.  A page's source is its path relative
 * to the root and its output mirrors it: a/b.html -> a/b.txt.  The tree
 * is walked once first to count the pages for the progress line.
 */
#include "cli/batch/input.h"

#include "cli/batch/strbuf.h"
#include "cli/batch/walk.h"
#include "cli/msg.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct dir_input {
    struct input in;
    char *root;
    struct walk w;
    const struct filter *f;
    uint64_t seq;
    struct strbuf out_rel, msg;
    int single;       /* a file given by name, not a directory */
    int single_done;
};

/* The next page file of the walk that the filter wants: 1, 0 at the
 * end, -1 for a directory that could not be read. */
static int
next_page(struct dir_input *d, const char **path, const char **rel,
          uint64_t *left_out)
{
    for (;;) {
        int rc = walk_next(&d->w, path, rel);
        if (rc <= 0)
            return rc;
        const char *base = strrchr(*rel, '/');
        base = base ? base + 1 : *rel;
        /* A wget mirror names pages story.php, index.html?page=2 or
         * nothing at all: a file of no known extension is read. */
        if (!input_page_stem(base) &&
            (input_not_page_name(base) || !input_sniff_html(*path)))
            continue;
        if (filter_take(d->f, *rel, left_out))
            return 1;
    }
}

static int
dir_next(struct input *in, struct job *j)
{
    struct dir_input *d = (struct dir_input *)in;
    const char *path, *rel;
    int rc = next_page(d, &path, &rel, in->left_out);
    if (rc == 0)
        return IN_END;
    memset(j, 0, sizeof *j);
    j->seq = d->seq++;
    j->source = rel;
    if (rc < 0) {
        sb_reset(&d->msg);
        sb_printf(&d->msg, "directory unreadable: %s", strerror(d->w.err));
        j->kind = JOB_FAILED;
        j->fail = OC_INPUT;
        j->data = d->msg.data;
        j->len = d->msg.len;
        return IN_JOB;
    }
    sb_reset(&d->out_rel);
    /* story.php writes story.php.txt: a sniffed page keeps its name. */
    size_t stem = input_page_stem(rel);
    sb_append(&d->out_rel, rel, stem ? stem : strlen(rel));
    j->kind = JOB_FILE;
    j->path = path;
    j->out_rel = d->out_rel.data;
    return IN_JOB;
}

static void
dir_free(struct input *in)
{
    struct dir_input *d = (struct dir_input *)in;
    walk_close(&d->w);
    sb_free(&d->out_rel);
    sb_free(&d->msg);
    free(d->root);
    free(d);
}

struct input *
input_dir(const char *root, const struct filter *f)
{
    struct dir_input *d = calloc(1, sizeof *d);
    if (!d || !(d->root = strdup(root))) {
        free(d);
        errorf("out of memory");
        return NULL;
    }
    d->f = f;
    d->in = (struct input){dir_next, dir_free, -1, 1, 0, 1, {0}, ""};
    /* Counting pass: the same walk, to the end. */
    if (walk_open(&d->w, root)) {
        errorf("%s: %s", root, strerror(errno));
        dir_free(&d->in);
        return NULL;
    }
    const char *path, *rel;
    uint64_t left_out[LEFT_OUT_KINDS] = {0};
    int rc;
    while ((rc = next_page(d, &path, &rel, left_out)) != 0)
        d->in.total++;
    walk_close(&d->w);
    if (walk_open(&d->w, root)) {
        errorf("%s: %s", root, strerror(errno));
        dir_free(&d->in);
        return NULL;
    }
    return &d->in;
}

/* ------------------------------------------------------------ one file */

static int
file_next(struct input *in, struct job *j)
{
    struct dir_input *d = (struct dir_input *)in;
    if (d->single_done)
        return IN_END;
    d->single_done = 1;
    memset(j, 0, sizeof *j);
    j->kind = JOB_FILE;
    j->source = d->root;
    j->path = d->root;
    j->out_rel = d->out_rel.data;
    return IN_JOB;
}

struct input *
input_file(const char *path, const struct filter *f, int dup)
{
    struct dir_input *d = calloc(1, sizeof *d);
    if (!d || !(d->root = strdup(path))) {
        free(d);
        errorf("out of memory");
        return NULL;
    }
    d->single = 1;
    d->in = (struct input){file_next, dir_free, -1, 1, 1, 1, {0}, ""};
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t stem = input_page_stem(base);
    sb_append(&d->out_rel, base, stem ? stem : strlen(base));
    if (dup)
        sb_printf(&d->out_rel, "-%d", dup + 1);
    if (!filter_take(f, path, d->in.left_out)) {
        d->single_done = 1;
        d->in.total = 0;
    }
    return &d->in;
}
