/*
 * The supervisor's loop: take jobs from the input while a worker is free,
 * collect outcomes, and write each input's JSONL record and manifest line
 * in input order (or as they come with --unordered).  Outcomes that
 * arrive early wait in a window indexed by seq; a page still running
 * holds back at most PITH_BATCH_WINDOW_PER_WORKER pages per worker, so
 * memory stays flat however long the batch is.  Fetched URLs arrive in
 * any order and may wait longer, as with pith --urls.
 */
#include "cli/batch/batch.h"

#include "cli/batch/frame.h"
#include "cli/batch/progress.h"
#include "cli/batch/record.h"
#include "cli/batch/workers.h"
#include "cli/cli_limits.h"
#include "cli/msg.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

struct slot {
    int done;
    char *line, *rec; /* manifest line, JSONL record */
    size_t line_len, rec_len;
};

struct run {
    const struct batch_args *a;
    int out_fd, man_fd;
    struct slot *v;
    size_t cap;          /* a power of two; seq lives at v[seq % cap] */
    uint64_t base;       /* the first seq not written yet */
    struct progress prog;
    struct strbuf line, tmp;
    int write_failed, nomem;
};

/* The slot of seq, growing the window when seq is past it. */
static struct slot *
slot_at(struct run *r, uint64_t seq)
{
    if (seq - r->base >= r->cap) {
        size_t cap = r->cap ? r->cap : 64;
        while (seq - r->base >= cap)
            cap *= 2;
        struct slot *v = calloc(cap, sizeof *v);
        if (!v)
            return NULL;
        for (uint64_t s = r->base; s < r->base + r->cap; s++)
            v[s % cap] = r->v[s % r->cap];
        free(r->v);
        r->v = v;
        r->cap = cap;
    }
    return &r->v[seq % r->cap];
}

static void
emit(struct run *r, const char *rec, size_t rec_len, const char *line,
     size_t line_len)
{
    if (r->write_failed)
        return;
    /* The record first: a manifest line promises its record is whole. */
    if ((r->out_fd >= 0 && rec && write_full(r->out_fd, rec, rec_len)) ||
        (r->man_fd >= 0 && write_full(r->man_fd, line, line_len))) {
        errorf("writing the output failed: %s", strerror(errno));
        r->write_failed = 1;
    }
}

static void
flush_ready(struct run *r)
{
    while (r->cap && r->v[r->base % r->cap].done) {
        struct slot *s = &r->v[r->base % r->cap];
        emit(r, s->rec, s->rec_len, s->line, s->line_len);
        free(s->line);
        free(s->rec);
        memset(s, 0, sizeof *s);
        r->base++;
    }
}

/* One input's outcome, from a worker or straight from the input. */
static void
on_outcome(const struct outcome *o, const char *source, void *ud)
{
    struct run *r = ud;
    progress_count(&r->prog, o->cls, o->bytes_in);
    sb_reset(&r->line);
    record_manifest(&r->line, source, o);
    if (r->line.failed) {
        r->nomem = 1;
        return;
    }
    if (r->a->unordered) {
        emit(r, o->record, o->record_len, r->line.data, r->line.len);
        return;
    }
    struct slot *s = slot_at(r, o->seq);
    char *line = malloc(r->line.len + 1);
    char *rec = o->record ? malloc(o->record_len + 1) : NULL;
    if (!s || !line || (o->record && !rec)) {
        free(line);
        free(rec);
        r->nomem = 1;
        return;
    }
    memcpy(line, r->line.data, r->line.len);
    if (rec)
        memcpy(rec, o->record, o->record_len);
    *s = (struct slot){1, line, rec, r->line.len, o->record_len};
    flush_ready(r);
}

/* A job the input failed itself (unreadable, too big, fetch error). */
static void
failed_job(struct run *r, const struct job *j, int jsonl)
{
    struct outcome o;
    memset(&o, 0, sizeof o);
    o.seq = j->seq;
    o.cls = j->fail;
    o.bytes_in = j->bytes_in;
    o.error = j->data;
    struct strbuf rec = {0};
    if (jsonl) {
        record_build(&rec, j->source, j->url, j->fail, j->data, NULL,
                     &r->tmp);
        o.record = rec.data;
        o.record_len = rec.len;
    }
    on_outcome(&o, j->source, r);
    sb_free(&rec);
}

/* Takes jobs while a worker is free and the window has room; sets
 * *waiting when the input has nothing yet. */
static int
dispatch(struct run *r, struct pool *p, struct input *in, uint64_t *taken,
         int *in_done, int *waiting)
{
    uint64_t window = (uint64_t)PITH_BATCH_WINDOW_PER_WORKER * (uint64_t)p->n;
    *waiting = 0;
    while (!*in_done) {
        int idle = pool_idle(p);
        if (idle < 0 || r->write_failed || r->nomem)
            return 0;
        if (in->ordered && !r->a->unordered && *taken - r->base >= window)
            return 0;
        struct job j;
        int rc = in->next(in, &j);
        if (rc == IN_WAIT) {
            *waiting = 1;
            return 0;
        }
        if (rc != IN_JOB) {
            *in_done = 1;
            if (rc == IN_ERROR) {
                errorf("%s", in->err);
                return EXIT_INPUT;
            }
            return 0;
        }
        (*taken)++;
        if (j.kind == JOB_FAILED) {
            failed_job(r, &j, p->conf->jsonl);
        } else if (pool_send(p, idle, &j)) {
            errorf("could not start a worker process: %s", strerror(errno));
            *in_done = 1;
            return EXIT_INTERNAL;
        }
    }
    return 0;
}

int
batch_run(const struct batch_args *a, const struct batch_conf *conf,
          struct input *in, int out_fd, int man_fd)
{
    struct run r;
    memset(&r, 0, sizeof r);
    r.a = a;
    r.out_fd = out_fd;
    r.man_fd = man_fd;
    int on = a->progress > 0 || (a->progress < 0 && !a->quiet &&
                                 isatty(STDERR_FILENO));
    progress_start(&r.prog, on, in->known_total ? in->total : 0);
    struct pool p;
    if (pool_init(&p, a->jobs, conf)) {
        errorf("out of memory");
        return EXIT_INTERNAL;
    }
    signal(SIGPIPE, SIG_IGN); /* a dead worker's pipe gives EPIPE */
    uint64_t taken = 0;
    int in_done = 0, fatal = 0, waiting = 0;
    for (;;) {
        int rc = dispatch(&r, &p, in, &taken, &in_done, &waiting);
        if (rc && !fatal)
            fatal = rc;
        if (r.write_failed || r.nomem)
            in_done = 1;
        if (in_done && pool_busy(&p) == 0)
            break;
        pool_wait(&p, waiting ? in->fd : -1, 250, on_outcome, &r);
        progress_draw(&r.prog, 0);
    }
    flush_ready(&r);
    pool_free(&p);
    struct rusage self;
    getrusage(RUSAGE_SELF, &self);
    progress_end(&r.prog, a->quiet, in->left_out,
                 (unsigned long long)self.ru_maxrss, p.child_maxrss_kb);
    uint64_t left = 0;
    for (int k = 0; k < LEFT_OUT_KINDS; k++)
        left += in->left_out[k];
    if (!fatal && r.prog.done == 0 && left == 0)
        warnf("batch: no page found (pages are .html, .htm and .xhtml "
              "files, .gz too, and files that start as HTML)");
    for (size_t i = 0; i < r.cap; i++) {
        free(r.v[i].line);
        free(r.v[i].rec);
    }
    free(r.v);
    sb_free(&r.line);
    sb_free(&r.tmp);
    if (r.nomem)
        errorf("out of memory");
    if (fatal)
        return fatal;
    if (r.write_failed || r.nomem)
        return EXIT_INTERNAL;
    return r.prog.failed ? EXIT_SOME_FAILED : EXIT_OK;
}
