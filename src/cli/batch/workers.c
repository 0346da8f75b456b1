/*
 * Worker processes and their supervision; see workers.h.
 *
 * A worker is forked from the supervisor, so it starts with the
 * supervisor's memory and descriptors: it closes the pipes of the other
 * workers (or a dead worker's pipe would never read as closed), limits
 * its address space and core dumps, and asks to be killed when the
 * supervisor dies, so that a batch killed with -9 leaves no process
 * behind.  It leaves with _exit(), never flushing the supervisor's
 * buffered output a second time.
 */
#include "cli/batch/workers.h"

#include "cli/batch/frame.h"
#include "cli/batch/record.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* AddressSanitizer reserves terabytes of address space up front: an
 * RLIMIT_AS would stop it from starting a worker at all. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* The largest frame a pipe carries: a page at the byte cap with its
 * headers, or a record of the largest text JSON-escaped. */
#define MAX_FRAME (256u * 1024u * 1024u)

long long
mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
pool_init(struct pool *p, int n, const struct batch_conf *conf)
{
    memset(p, 0, sizeof *p);
    p->w = calloc((size_t)n, sizeof *p->w);
    if (!p->w)
        return -1;
    p->n = n;
    p->conf = conf;
    p->keep_fd = -1;
    for (int i = 0; i < n; i++)
        p->w[i].to = p->w[i].from = -1;
    return 0;
}

int
pool_idle(const struct pool *p)
{
    for (int i = 0; i < p->n; i++)
        if (!p->w[i].busy)
            return i;
    return -1;
}

int
pool_busy(const struct pool *p)
{
    int n = 0;
    for (int i = 0; i < p->n; i++)
        n += p->w[i].busy;
    return n;
}

/* ------------------------------------------------------------ worker */

static void
limit_self(const struct batch_conf *conf)
{
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    if (conf->page_memory && !UNDER_ASAN) {
        struct rlimit as = {(rlim_t)conf->page_memory,
                            (rlim_t)conf->page_memory};
        setrlimit(RLIMIT_AS, &as);
    }
}

/* The worker's life: jobs in, outcomes out, until the job pipe closes. */
static void __attribute__((noreturn))
worker_main(int in, int out, const struct batch_conf *conf, pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(0);
    signal(SIGPIPE, SIG_DFL);
    limit_self(conf);
    struct page_ctx ctx;
    struct strbuf store = {0}, scratch = {0};
    if (page_ctx_init(&ctx, conf))
        _exit(1);
    for (;;) {
        struct job j;
        if (job_recv(in, &j, &store, MAX_FRAME) != 1)
            break;
        struct outcome o;
        page_run(&ctx, &j, &o);
        if (outcome_send(out, &o, &scratch))
            break;
    }
    page_ctx_free(&ctx);
    sb_free(&store);
    sb_free(&scratch);
    _exit(0);
}

static void
close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

static int
spawn(struct pool *p, int i)
{
    int jobs[2], outs[2];
    if (pipe2(jobs, O_CLOEXEC))
        return -1;
    if (pipe2(outs, O_CLOEXEC)) {
        close(jobs[0]);
        close(jobs[1]);
        return -1;
    }
    fflush(NULL); /* nothing buffered is written twice */
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        for (int k = 0; k < p->n; k++) {
            close_fd(&p->w[k].to);
            close_fd(&p->w[k].from);
        }
        close_fd(&p->keep_fd);
        close(jobs[1]);
        close(outs[0]);
        worker_main(jobs[0], outs[1], p->conf, parent);
    }
    close(jobs[0]);
    close(outs[1]);
    if (pid < 0) {
        close(jobs[1]);
        close(outs[0]);
        return -1;
    }
    p->w[i].pid = pid;
    p->w[i].to = jobs[1];
    p->w[i].from = outs[0];
    return 0;
}

/* ------------------------------------------------------------ supervisor */

static void
track_rss(struct pool *p)
{
    struct rusage ru;
    if (getrusage(RUSAGE_CHILDREN, &ru) == 0 &&
        (unsigned long long)ru.ru_maxrss > p->child_maxrss_kb)
        p->child_maxrss_kb = (unsigned long long)ru.ru_maxrss;
}

/* Ends worker i's process (killing it first when kill_it) and returns
 * its wait status. */
static int
reap(struct pool *p, int i, int kill_it)
{
    struct worker *w = &p->w[i];
    int status = 0;
    close_fd(&w->to);
    close_fd(&w->from);
    if (w->pid > 0) {
        if (kill_it)
            kill(w->pid, SIGKILL);
        while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
            ;
    }
    w->pid = 0;
    track_rss(p);
    return status;
}

static void
finish_job(struct pool *p, int i)
{
    struct worker *w = &p->w[i];
    free(w->source);
    free(w->url);
    w->source = w->url = NULL;
    w->busy = 0;
}

int
pool_send(struct pool *p, int i, const struct job *j)
{
    struct worker *w = &p->w[i];
    for (int attempt = 0; attempt < 2; attempt++) {
        if (!w->pid && spawn(p, i))
            return -1;
        if (job_send(w->to, j, &p->scratch) == 0) {
            w->busy = 1;
            w->seq = j->seq;
            w->source = strdup(j->source ? j->source : "");
            w->url = j->url ? strdup(j->url) : NULL;
            w->started = mono_ms();
            return 0;
        }
        reap(p, i, 1); /* it died between jobs: start another */
    }
    return -1;
}

/* Reports the running job of worker i as failed with cls and message. */
static void
report_failure(struct pool *p, int i, int cls, const char *msg, pool_fn fn,
               void *ud)
{
    struct worker *w = &p->w[i];
    struct outcome o;
    memset(&o, 0, sizeof o);
    o.seq = w->seq;
    o.cls = cls;
    o.error = msg;
    o.ms = (uint64_t)(mono_ms() - w->started);
    if (p->conf->jsonl) {
        struct strbuf tmp = {0};
        sb_reset(&p->record);
        record_build(&p->record, w->source, w->url, cls, msg, NULL, &tmp);
        sb_free(&tmp);
        o.record = p->record.data;
        o.record_len = p->record.len;
    }
    fn(&o, w->source, ud);
    finish_job(p, i);
}

/* Worker i closed its pipe: it died.  Its job is reported as a crash. */
static void
worker_died(struct pool *p, int i, pool_fn fn, void *ud)
{
    int status = reap(p, i, 0);
    char msg[128];
    if (WIFSIGNALED(status))
        snprintf(msg, sizeof msg, "the worker died on the page: %s",
                 strsignal(WTERMSIG(status)));
    else
        snprintf(msg, sizeof msg, "the worker exited on the page (%d)",
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    if (p->w[i].busy)
        report_failure(p, i, OC_CRASH, msg, fn, ud);
}

static void
read_outcome(struct pool *p, int i, pool_fn fn, void *ud)
{
    struct outcome o;
    if (outcome_recv(p->w[i].from, &o, &p->store, MAX_FRAME) != 1 ||
        !p->w[i].busy || o.seq != p->w[i].seq) {
        worker_died(p, i, fn, ud);
        return;
    }
    fn(&o, p->w[i].source, ud);
    finish_job(p, i);
}

/* Kills the workers whose page is past its time budget. */
static void
kill_overdue(struct pool *p, pool_fn fn, void *ud)
{
    long long now = mono_ms();
    for (int i = 0; i < p->n; i++) {
        struct worker *w = &p->w[i];
        if (!w->busy || now - w->started < p->conf->page_ms)
            continue;
        reap(p, i, 1);
        char msg[96];
        snprintf(msg, sizeof msg, "the page took over %ld s; its worker "
                 "was killed", (p->conf->page_ms + 999) / 1000);
        report_failure(p, i, OC_TIMEOUT, msg, fn, ud);
    }
}

int
pool_wait(struct pool *p, int watch_fd, int timeout_ms, pool_fn fn,
          void *ud)
{
    struct pollfd fds[p->n + 1];
    int who[p->n + 1], nfds = 0;
    long long now = mono_ms();
    for (int i = 0; i < p->n; i++) {
        if (!p->w[i].busy)
            continue;
        long long left = p->w[i].started + p->conf->page_ms - now;
        if (left < timeout_ms)
            timeout_ms = left < 0 ? 0 : (int)left;
        fds[nfds] = (struct pollfd){p->w[i].from, POLLIN, 0};
        who[nfds++] = i;
    }
    if (watch_fd >= 0) {
        fds[nfds] = (struct pollfd){watch_fd, POLLIN, 0};
        who[nfds++] = -1;
    }
    int rc = poll(fds, (nfds_t)nfds, timeout_ms);
    int watch_ready = 0;
    for (int k = 0; rc > 0 && k < nfds; k++) {
        if (!fds[k].revents)
            continue;
        if (who[k] < 0)
            watch_ready = 1;
        else
            read_outcome(p, who[k], fn, ud);
    }
    kill_overdue(p, fn, ud);
    return watch_ready;
}

void
pool_free(struct pool *p)
{
    for (int i = 0; i < p->n; i++) {
        close_fd(&p->w[i].to); /* an idle worker reads EOF and leaves */
        if (p->w[i].pid > 0)
            reap(p, i, p->w[i].busy);
        finish_job(p, i);
    }
    free(p->w);
    sb_free(&p->scratch);
    sb_free(&p->store);
    sb_free(&p->record);
    p->w = NULL;
}
