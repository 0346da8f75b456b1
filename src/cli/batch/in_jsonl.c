/*
 * JSONL as a batch input (--stdin-jsonl): one object a line,
 * {"url": ..., "html": ...}, with an optional "source" (or "id") naming
 * the input and "content_type".  The source is otherwise the url, or
 * "line N".  Lines are taken as they arrive: the descriptor is polled,
 * never read while empty, so a driver that writes a line and waits for
 * its answer (a coprocess, Hadoop Streaming, Spark's pipe) gets it.
 */
#include "cli/batch/input.h"

#include "cli/batch/strbuf.h"
#include "cli/msg.h"

#include <errno.h>
#include <json-c/json.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct jsonl_input {
    struct input in;
    const struct filter *f;
    size_t max_line;
    struct strbuf buf;     /* bytes read, from start on not yet used */
    size_t start, scan;    /* first unused byte; where to look for \n */
    int eof, overlong;     /* overlong: dropping a line past max_line */
    uint64_t line, seq;
    json_object *obj;      /* the current job's object */
    struct strbuf name, msg;
};

/* One read() of what is there: 1 read, 0 nothing yet, -1 error. */
static int
fill(struct jsonl_input *ji)
{
    struct pollfd p = {ji->in.fd, POLLIN, 0};
    if (poll(&p, 1, 0) == 0)
        return 0;
    if (ji->start > 0 && ji->start * 2 >= ji->buf.len) {
        memmove(ji->buf.data, ji->buf.data + ji->start,
                ji->buf.len - ji->start);
        ji->buf.len -= ji->start;
        ji->scan -= ji->start;
        ji->start = 0;
    }
    if (sb_reserve(&ji->buf, 256 * 1024))
        return -1;
    ssize_t n = read(ji->in.fd, ji->buf.data + ji->buf.len,
                     ji->buf.cap - ji->buf.len - 1);
    if (n < 0)
        return errno == EINTR || errno == EAGAIN ? 0 : -1;
    if (n == 0)
        ji->eof = 1;
    ji->buf.len += (size_t)n;
    ji->buf.data[ji->buf.len] = '\0';
    return 1;
}

/* The next whole line (its \n replaced by NUL): 1, 0 when none yet (or
 * at the end, ji->eof), -1 on a read error. */
static int
take_line(struct jsonl_input *ji, char **line, size_t *len)
{
    for (;;) {
        char *nl = ji->buf.data ? memchr(ji->buf.data + ji->scan, '\n',
                                         ji->buf.len - ji->scan)
                                : NULL;
        if (!nl && ji->eof && ji->start < ji->buf.len)
            nl = ji->buf.data + ji->buf.len; /* a last line without \n */
        if (nl) {
            *line = ji->buf.data + ji->start;
            *len = (size_t)(nl - *line);
            *nl = '\0';
            ji->start = ji->scan = (size_t)(nl - ji->buf.data) +
                                   (nl < ji->buf.data + ji->buf.len);
            if (ji->start > ji->buf.len)
                ji->start = ji->scan = ji->buf.len;
            return 1;
        }
        ji->scan = ji->buf.len;
        if (ji->buf.len - ji->start > ji->max_line) {
            ji->overlong = 1; /* keep nothing of it but the fact */
            ji->buf.len = ji->start = ji->scan = 0;
        }
        if (ji->eof)
            return 0;
        int rc = fill(ji);
        if (rc <= 0)
            return rc;
    }
}

static const char *
field(json_object *o, const char *key)
{
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v) || json_object_is_type(
            v, json_type_null))
        return NULL;
    return json_object_get_string(v);
}

static int
failed(struct jsonl_input *ji, struct job *j, int cls, const char *msg)
{
    j->kind = JOB_FAILED;
    j->fail = cls;
    j->data = msg;
    j->len = strlen(msg);
    return IN_JOB;
}

/* Fills j from one line; 1 for a job, 0 when the filter skips it. */
static int
line_job(struct jsonl_input *ji, char *line, size_t len, struct job *j)
{
    sb_reset(&ji->name);
    json_object_put(ji->obj);
    ji->obj = NULL;
    if (ji->overlong) {
        ji->overlong = 0;
        sb_printf(&ji->name, "line %llu", (unsigned long long)ji->line);
        j->source = ji->name.data;
        return failed(ji, j, OC_TOO_BIG, "the line is over the size limit");
    }
    json_tokener *tok = json_tokener_new();
    ji->obj = tok ? json_tokener_parse_ex(tok, line, (int)len) : NULL;
    if (ji->obj && json_tokener_get_error(tok) != json_tokener_success) {
        json_object_put(ji->obj);
        ji->obj = NULL;
    }
    json_tokener_free(tok);
    const char *src = ji->obj ? field(ji->obj, "source") : NULL;
    if (!src && ji->obj)
        src = field(ji->obj, "id");
    if (!src && ji->obj)
        src = field(ji->obj, "url");
    if (src)
        sb_puts(&ji->name, src);
    else
        sb_printf(&ji->name, "line %llu", (unsigned long long)ji->line);
    if (!filter_take(ji->f, ji->name.data, ji->in.left_out))
        return 0;
    j->source = ji->name.data;
    if (!ji->obj || !json_object_is_type(ji->obj, json_type_object))
        return failed(ji, j, OC_INPUT, "the line is not a JSON object");
    j->url = field(ji->obj, "url");
    json_object *html;
    if (!json_object_object_get_ex(ji->obj, "html", &html) ||
        !json_object_is_type(html, json_type_string))
        return failed(ji, j, OC_INPUT, "the line has no \"html\" string");
    j->kind = JOB_HTML;
    j->content_type = field(ji->obj, "content_type");
    j->data = json_object_get_string(html);
    j->len = (size_t)json_object_get_string_len(html);
    return 1;
}

static int
jsonl_next(struct input *in, struct job *j)
{
    struct jsonl_input *ji = (struct jsonl_input *)in;
    for (;;) {
        char *line;
        size_t len;
        int rc = take_line(ji, &line, &len);
        if (rc < 0) {
            snprintf(in->err, sizeof in->err, "standard input: %s",
                     strerror(errno));
            return IN_ERROR;
        }
        if (rc == 0)
            return ji->eof ? IN_END : IN_WAIT;
        ji->line++;
        while (len && (line[len - 1] == '\r' || line[len - 1] == ' '))
            line[--len] = '\0';
        if (!len && !ji->overlong)
            continue; /* blank lines are no input */
        memset(j, 0, sizeof *j);
        if (!line_job(ji, line, len, j))
            continue; /* counted in left_out */
        j->seq = ji->seq++;
        return IN_JOB;
    }
}

static void
jsonl_free(struct input *in)
{
    struct jsonl_input *ji = (struct jsonl_input *)in;
    json_object_put(ji->obj);
    sb_free(&ji->buf);
    sb_free(&ji->name);
    sb_free(&ji->msg);
    free(ji);
}

struct input *
input_jsonl(int fd, const struct filter *f, size_t max_line)
{
    struct jsonl_input *ji = calloc(1, sizeof *ji);
    if (!ji) {
        errorf("out of memory");
        return NULL;
    }
    ji->in = (struct input){jsonl_next, jsonl_free, fd, 1, 0, 0, {0}, ""};
    ji->f = f;
    ji->max_line = max_line;
    return &ji->in;
}
