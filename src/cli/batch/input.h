/*
 * Where a batch's pages come from.  Every kind of input (a directory
 * tree, WARC files, JSONL on standard input, a fetched URL list) is an
 * iterator of jobs in a fixed order; the filter (--shard, --resume) is
 * applied inside, as early as the name of an input is known, so what
 * another shard owns is not even read.
 */
#ifndef PITH_CLI_INPUT_H
#define PITH_CLI_INPUT_H

#include "cli/batch/job.h"
#include "cli/batch/shard.h"

#include <stddef.h>
#include <stdint.h>

enum { IN_ERROR = -1, IN_END = 0, IN_JOB = 1, IN_WAIT = 2 };

/* --resume: the sources a manifest marks done (hashes, sorted). */
struct doneset {
    uint64_t *h;
    size_t n;
};

struct filter {
    struct shard shard;
    const struct doneset *done; /* NULL without --resume */
};

/* Nonzero when this run does the input named name. */
int filter_want(const struct filter *f, const char *name);
/* filter_want(), counting a name left out in left_out[] by why. */
int filter_take(const struct filter *f, const char *name,
                uint64_t *left_out);
int doneset_has(const struct doneset *ds, const char *name);

/* Why an input is not run: two different things a user must not confuse. */
enum left_out {
    LEFT_DONE,      /* done by an earlier run (--resume) */
    LEFT_SHARD,     /* another shard's (--shard) */
    LEFT_NOT_PAGE,  /* a WARC record, a line or a file that is no page */
    LEFT_OUT_KINDS
};

struct input {
    /* The next job: IN_JOB (j filled; its strings live until the next
     * call), IN_END, IN_WAIT (nothing yet: poll fd, then call again), or
     * IN_ERROR (err says why; the input cannot go on). */
    int (*next)(struct input *in, struct job *j);
    void (*free)(struct input *in);
    int fd;            /* to poll after IN_WAIT */
    int ordered;       /* jobs come in seq order (all but fetched URLs) */
    uint64_t total;    /* jobs this run will do, when known_total */
    int known_total;
    uint64_t left_out[LEFT_OUT_KINDS]; /* inputs not run, by why */
    char err[512];
};

/* Each returns NULL after printing why (errorf). */
struct input *input_dir(const char *root, const struct filter *f);
/* dup: how many named files before this one had the same base name; the
 * second writes NAME-2.txt, not over the first's NAME.txt. */
struct input *input_file(const char *path, const struct filter *f, int dup);
struct input *input_warc(const char *path, const struct filter *f,
                         size_t max_bytes);
struct input *input_jsonl(int fd, const struct filter *f, size_t max_line);
/* Reads the URL list at path ("-": stdin) and starts a fetcher process
 * that streams the pages it fetches (pith_fetch_many). */
struct input *input_fetch(const char *path, const struct filter *f,
                          const pith_options *opt,
                          const pith_many_options *many);
/* The inputs one after the other, as one; takes ownership of v[]. */
struct input *input_chain(struct input **v, size_t n);

/* Page file names: .html, .htm, .xhtml, each maybe with .gz.  Returns
 * the length of name without that extension, or 0 when not a page. */
size_t input_page_stem(const char *name);

/* A file name whose extension says it is no page (styles, scripts,
 * images, fonts, archives, feeds...): a mirror's other files. */
int input_not_page_name(const char *name);

/* The first kilobyte of the file at path opens an HTML document (a
 * doctype, <html>, <head> or <body>, after white space and comments):
 * how a file without a page's extension is taken as one. */
int input_sniff_html(const char *path);

#endif
