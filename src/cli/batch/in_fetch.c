/*
 * A URL list as a batch input (--urls FILE): the list is read and
 * filtered here, then a fetcher process runs pith_fetch_many() over it
 * (its politeness per host, retries, robots.txt) with fetch_only set,
 * and streams each page's bytes back as a job; the workers extract them
 * like any other page, so a page that kills the parser costs one page,
 * not the fetcher.  Jobs come in the order fetches end; seq is the URL's
 * position in the filtered list.  A fetcher that dies leaves its URLs not
 * yet reported as crash failures, which --resume redoes.
 */
#include "cli/batch/input.h"

#include "cli/batch/frame.h"
#include "cli/batch/strbuf.h"
#include "cli/msg.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_FRAME (256u * 1024u * 1024u)

struct fetch_input {
    struct input in;
    char **urls;
    size_t n, cap;
    unsigned char *reported;
    pid_t pid;
    int eof;
    size_t sweep;           /* after EOF: next index to check */
    struct strbuf store, msg;
};

/* ------------------------------------------------------------ fetcher */

struct sender {
    int fd;
    struct strbuf scratch;
};

static int
send_item(pith_item *it, void *userdata)
{
    struct sender *s = userdata;
    struct job j;
    memset(&j, 0, sizeof j);
    j.seq = it->index;
    j.source = it->url;
    j.url = it->final_url ? it->final_url : it->url;
    if (it->status == PITH_OK) {
        j.kind = JOB_HTML;
        j.content_type = it->content_type;
        j.data = it->body;
        j.len = it->body_len;
    } else {
        j.kind = JOB_FAILED;
        j.fail = outcome_class_of(it->status);
        j.data = it->error ? it->error : pith_strerror(it->status);
        j.len = strlen(j.data);
    }
    pith_result_free(it->result);
    return job_send(s->fd, &j, &s->scratch) != 0; /* gone: stop */
}

static void __attribute__((noreturn))
fetcher_main(struct fetch_input *fi, int fd, const pith_options *opt,
             const pith_many_options *many, pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(0);
    signal(SIGPIPE, SIG_DFL);
    struct sender s = {fd, {0}};
    pith_extractor *ex = pith_new(opt);
    pith_many_options mo = *many;
    mo.fetch_only = 1;
    pith_status st = ex ? pith_fetch_many(ex, (const char *const *)fi->urls,
                                          fi->n, &mo, send_item, &s)
                        : PITH_ERR_NOMEM;
    if (st != PITH_OK) {
        /* Nothing was fetched: every URL fails with the reason. */
        const char *why = ex && *pith_errmsg(ex) ? pith_errmsg(ex)
                                                 : pith_strerror(st);
        for (size_t i = 0; i < fi->n; i++) {
            struct job j = {i, JOB_FAILED, outcome_class_of(st), 0,
                            fi->urls[i], fi->urls[i], NULL, NULL, NULL, why,
                            strlen(why)};
            if (job_send(fd, &j, &s.scratch))
                break;
        }
    }
    pith_free(ex);
    sb_free(&s.scratch);
    _exit(0);
}

/* ------------------------------------------------------------ supervisor */

static int
fetch_next(struct input *in, struct job *j)
{
    struct fetch_input *fi = (struct fetch_input *)in;
    memset(j, 0, sizeof *j);
    while (!fi->eof) {
        struct pollfd p = {in->fd, POLLIN, 0};
        if (poll(&p, 1, 0) == 0)
            return IN_WAIT;
        int rc = job_recv(in->fd, j, &fi->store, MAX_FRAME);
        if (rc == 1 && j->seq < fi->n && !fi->reported[j->seq]) {
            fi->reported[j->seq] = 1;
            j->source = fi->urls[j->seq];
            return IN_JOB;
        }
        if (rc == 1)
            continue;
        fi->eof = 1;
        close(in->fd);
        in->fd = -1;
        int status;
        while (waitpid(fi->pid, &status, 0) < 0 && errno == EINTR)
            ;
        fi->pid = 0;
    }
    for (; fi->sweep < fi->n; fi->sweep++) {
        if (fi->reported[fi->sweep])
            continue;
        size_t i = fi->sweep++;
        j->seq = i;
        j->kind = JOB_FAILED;
        j->fail = OC_CRASH;
        j->source = j->url = fi->urls[i];
        j->data = "the fetcher process died before this URL";
        j->len = strlen(j->data);
        return IN_JOB;
    }
    return IN_END;
}

static void
fetch_free(struct input *in)
{
    struct fetch_input *fi = (struct fetch_input *)in;
    if (in->fd >= 0)
        close(in->fd);
    if (fi->pid > 0) {
        kill(fi->pid, SIGKILL);
        waitpid(fi->pid, NULL, 0);
    }
    for (size_t i = 0; i < fi->n; i++)
        free(fi->urls[i]);
    free(fi->urls);
    free(fi->reported);
    sb_free(&fi->store);
    sb_free(&fi->msg);
    free(fi);
}

/* Keeps line (trimmed) unless blank, a # comment or another shard's. */
static int
add_url(struct fetch_input *fi, char *line, const struct filter *f)
{
    while (*line == ' ' || *line == '\t')
        line++;
    size_t len = strcspn(line, "\r\n");
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    line[len] = '\0';
    if (!len || line[0] == '#')
        return 0;
    if (!filter_take(f, line, fi->in.left_out))
        return 0;
    if (fi->n == fi->cap) {
        size_t cap = fi->cap ? fi->cap * 2 : 64;
        char **v = realloc(fi->urls, cap * sizeof *v);
        if (!v)
            return -1;
        fi->urls = v;
        fi->cap = cap;
    }
    if (!(fi->urls[fi->n] = strdup(line)))
        return -1;
    fi->n++;
    return 0;
}

static int
read_urls(struct fetch_input *fi, const char *path, const struct filter *f)
{
    int is_stdin = !strcmp(path, "-");
    FILE *fp = is_stdin ? stdin : fopen(path, "r");
    if (!fp) {
        errorf("%s: %s", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    int rc = 0;
    while (rc == 0 && getline(&line, &cap, fp) >= 0)
        if (add_url(fi, line, f)) {
            errorf("out of memory");
            rc = -1;
        }
    if (rc == 0 && ferror(fp)) {
        errorf("%s: %s", path, strerror(errno));
        rc = -1;
    }
    free(line);
    if (!is_stdin)
        fclose(fp);
    return rc;
}

struct input *
input_fetch(const char *path, const struct filter *f,
            const pith_options *opt, const pith_many_options *many)
{
    struct fetch_input *fi = calloc(1, sizeof *fi);
    if (!fi) {
        errorf("out of memory");
        return NULL;
    }
    fi->in = (struct input){fetch_next, fetch_free, -1, 0, 0, 1, {0}, ""};
    if (read_urls(fi, path, f)) {
        fetch_free(&fi->in);
        return NULL;
    }
    fi->in.total = fi->n;
    int p[2];
    fi->reported = calloc(fi->n ? fi->n : 1, 1);
    if (!fi->reported || pipe2(p, O_CLOEXEC)) {
        errorf("could not start the fetcher: %s", strerror(errno));
        fetch_free(&fi->in);
        return NULL;
    }
    fflush(NULL);
    pid_t parent = getpid();
    fi->pid = fork();
    if (fi->pid == 0) {
        close(p[0]);
        fetcher_main(fi, p[1], opt, many, parent);
    }
    close(p[1]);
    fi->in.fd = p[0];
    if (fi->pid < 0) {
        errorf("could not start the fetcher: %s", strerror(errno));
        fetch_free(&fi->in);
        return NULL;
    }
    return &fi->in;
}
