/* Frames over pipes; see frame.h. */
#include "cli/batch/frame.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#define NUMS 6
#define STRS 6
#define NO_STRING UINT64_MAX

struct frame {
    uint64_t num[NUMS];
    const char *str[STRS];
    size_t len[STRS];
};

int
write_full(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* 1 when all of len came, 0 at end of file before any byte, else -1. */
static int
read_full(int fd, void *data, size_t len)
{
    char *p = data;
    size_t got = 0;
    while (got < len) {
        ssize_t n = read(fd, p + got, len - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            return got ? -1 : 0;
        got += (size_t)n;
    }
    return 1;
}

static int
frame_send(int fd, const struct frame *f, struct strbuf *sb)
{
    uint64_t head[NUMS + STRS];
    for (int i = 0; i < NUMS; i++)
        head[i] = f->num[i];
    for (int i = 0; i < STRS; i++)
        head[NUMS + i] = f->str[i] ? (uint64_t)f->len[i] : NO_STRING;
    sb_reset(sb);
    sb_append(sb, head, sizeof head);
    for (int i = 0; i < STRS; i++)
        if (f->str[i]) {
            sb_append(sb, f->str[i], f->len[i]);
            sb_append(sb, "", 1);
        }
    if (sb->failed) {
        errno = ENOMEM;
        return -1;
    }
    return write_full(fd, sb->data, sb->len);
}

static int
frame_recv(int fd, struct frame *f, struct strbuf *store, size_t max)
{
    uint64_t head[NUMS + STRS];
    int rc = read_full(fd, head, sizeof head);
    if (rc <= 0)
        return rc;
    uint64_t body = 0;
    for (int i = 0; i < STRS; i++) {
        uint64_t l = head[NUMS + i];
        if (l == NO_STRING)
            continue;
        if (l > max || body > max)
            return -1;
        body += l + 1;
    }
    if (body > max)
        return -1;
    sb_reset(store);
    if (sb_reserve(store, (size_t)body))
        return -1;
    if (body && read_full(fd, store->data, (size_t)body) != 1)
        return -1;
    store->len = (size_t)body;
    const char *p = store->data;
    for (int i = 0; i < NUMS; i++)
        f->num[i] = head[i];
    for (int i = 0; i < STRS; i++) {
        uint64_t l = head[NUMS + i];
        f->str[i] = l == NO_STRING ? NULL : p;
        f->len[i] = l == NO_STRING ? 0 : (size_t)l;
        if (l != NO_STRING) {
            if (p[l] != '\0')
                return -1;
            p += l + 1;
        }
    }
    return 1;
}

int
job_send(int fd, const struct job *j, struct strbuf *scratch)
{
    struct frame f = {
        {j->seq, (uint64_t)j->kind, (uint64_t)j->fail, j->bytes_in, 0, 0},
        {j->source, j->url, j->content_type, j->path, j->out_rel, j->data},
        {0, 0, 0, 0, 0, j->len}};
    for (int i = 0; i < STRS - 1; i++)
        f.len[i] = f.str[i] ? strlen(f.str[i]) : 0;
    if (!f.str[5] && j->len)
        f.str[5] = "";
    return frame_send(fd, &f, scratch);
}

int
job_recv(int fd, struct job *j, struct strbuf *store, size_t max)
{
    struct frame f;
    int rc = frame_recv(fd, &f, store, max);
    if (rc != 1)
        return rc;
    *j = (struct job){f.num[0], (enum job_kind)f.num[1], (int)f.num[2],
                      f.num[3], f.str[0], f.str[1], f.str[2], f.str[3],
                      f.str[4], f.str[5], f.len[5]};
    return 1;
}

int
outcome_send(int fd, const struct outcome *o, struct strbuf *scratch)
{
    struct frame f = {
        {o->seq, (uint64_t)o->cls, o->bytes_in, o->chars_out, o->ms, 0},
        {o->charset, o->error, o->output, o->record, o->page_type, NULL},
        {0, 0, 0, o->record_len, 0, 0}};
    for (int i = 0; i < 5; i++)
        if (i != 3) /* the record carries its length */
            f.len[i] = f.str[i] ? strlen(f.str[i]) : 0;
    return frame_send(fd, &f, scratch);
}

int
outcome_recv(int fd, struct outcome *o, struct strbuf *store, size_t max)
{
    struct frame f;
    int rc = frame_recv(fd, &f, store, max);
    if (rc != 1)
        return rc;
    *o = (struct outcome){f.num[0], (int)f.num[1], f.num[2], f.num[3],
                          f.num[4], f.str[0], f.str[1], f.str[2], f.str[3],
                          f.len[3], f.str[4]};
    return 1;
}
