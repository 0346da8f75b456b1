/*
 * One job through the library, in a worker process: read the page (a
 * file, gzip-compressed or not; bytes; an HTTP response), extract it,
 * and write its output file (-o) or build its JSONL record.
 */
#ifndef PITH_CLI_PAGE_JOB_H
#define PITH_CLI_PAGE_JOB_H

#include "cli/batch/job.h"
#include "cli/batch/strbuf.h"

/* What every worker of a batch is told before it starts. */
struct batch_conf {
    pith_options opt;        /* the extractor's options */
    pith_format format;      /* of the output files */
    unsigned render_flags;
    const char *out_dir;     /* -o DIR, or NULL */
    int jsonl;               /* nonzero: build JSONL records */
    size_t max_bytes;        /* page cap, the library's default if 0 */
    long page_ms;            /* time budget of one page */
    unsigned long long page_memory; /* address space of a worker; 0 none */
};

struct page_ctx {
    const struct batch_conf *conf;
    pith_extractor *ex;
    struct strbuf bytes, render, record, scratch, outname, charset;
    struct strbuf path, tmp, err;
    char content_type[256];  /* of a JOB_HTTP page, from its HTTP head */
    /* Test-only hooks (PITH_TEST_*_MARKER): see page_job.c. */
    const char *crash_marker, *hang_marker, *hog_marker;
};

/* 0, or -1 when out of memory. */
int page_ctx_init(struct page_ctx *c, const struct batch_conf *conf);
void page_ctx_free(struct page_ctx *c);

/* Runs j; *o's strings point into c until the next call. */
void page_run(struct page_ctx *c, const struct job *j, struct outcome *o);

/* The extension of output files of a format: ".txt", ".md", ".json". */
const char *page_extension(pith_format format);

#endif
