/*
 * The worker pool of pith batch.  Each worker is a forked process with
 * its own extractor; it reads jobs from one pipe and writes outcomes to
 * another (frame.h).  A worker that dies on a page (a crash, its memory
 * budget) or runs past the page's time budget (and is killed) is
 * reported as that page's outcome and replaced by a new process on the
 * next job, so one bad page costs the batch one page.
 */
#ifndef PITH_CLI_WORKERS_H
#define PITH_CLI_WORKERS_H

#include "cli/batch/page_job.h"

#include <sys/types.h>

struct worker {
    pid_t pid;          /* 0 while no process runs */
    int to, from;       /* job pipe (write end), outcome pipe (read end) */
    int busy;
    uint64_t seq;       /* the running job's */
    char *source, *url; /* the running job's, for a failure's record */
    long long started;  /* monotonic ms */
};

struct pool {
    struct worker *w;
    int n;
    const struct batch_conf *conf;
    int keep_fd;        /* a descriptor workers close (-1: none) */
    struct strbuf scratch, store;
    struct strbuf record; /* failure records built here */
    unsigned long long child_maxrss_kb; /* largest worker seen */
};

/* What pool_wait() reports: one outcome, with the job's source. */
typedef void (*pool_fn)(const struct outcome *o, const char *source,
                        void *userdata);

/* Sets up n workers (started on their first job); 0, or -1 on OOM. */
int pool_init(struct pool *p, int n, const struct batch_conf *conf);
/* A worker without a job, or -1. */
int pool_idle(const struct pool *p);
int pool_busy(const struct pool *p);
/* Hands j to worker i, starting a process if it has none; 0, or -1 when
 * no process could be started. */
int pool_send(struct pool *p, int i, const struct job *j);
/* Waits up to timeout_ms for outcomes, deaths and overdue pages and
 * reports each through fn.  Also returns as soon as watch_fd (if not -1)
 * is readable.  Returns 1 when watch_fd is readable, else 0. */
int pool_wait(struct pool *p, int watch_fd, int timeout_ms, pool_fn fn,
              void *userdata);
/* Ends every worker and releases the pool. */
void pool_free(struct pool *p);

/* Monotonic milliseconds. */
long long mono_ms(void);

#endif
