/* WARC records, streamed; see warc.h. */
#include "cli/batch/warc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int
warc_open(struct warc *w, const char *path)
{
    memset(w, 0, sizeof *w);
    w->f = gzopen(path, "rb");
    if (!w->f) {
        if (!errno)
            errno = ENOMEM;
        return -1;
    }
    gzbuffer(w->f, 256 * 1024);
    return 0;
}

void
warc_close(struct warc *w)
{
    if (w->f)
        gzclose(w->f);
    w->f = NULL;
}

uint64_t
warc_offset(const struct warc *w)
{
    return w->f ? (uint64_t)gzoffset(w->f) : 0;
}

static int __attribute__((format(printf, 2, 3)))
fail(struct warc *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->err, sizeof w->err, fmt, ap);
    va_end(ap);
    return -1;
}

long long
warc_read(struct warc *w, void *buf, size_t n)
{
    if (n > w->left)
        n = (size_t)w->left;
    if (n > (1u << 30))
        n = 1u << 30;
    if (!n)
        return 0;
    int got = gzread(w->f, buf, (unsigned)n);
    if (got <= 0) {
        int e;
        const char *msg = gzerror(w->f, &e);
        return fail(w, "record %llu is cut short: %s",
                    (unsigned long long)w->records,
                    got == 0 ? "end of file" : msg);
    }
    w->left -= (uint64_t)got;
    return got;
}

/* Reads one header line, without its line end, into line (cut at size;
 * the rest of a longer line is dropped).  1, 0 at end of file, -1. */
static int
read_line(struct warc *w, char *line, size_t size)
{
    if (!gzgets(w->f, line, (int)size)) {
        int e;
        gzerror(w->f, &e);
        return e == Z_OK || e == Z_BUF_ERROR ? 0 : -1;
    }
    size_t l = strlen(line);
    int whole = l && line[l - 1] == '\n';
    while (!whole) { /* drop the rest of a long line */
        char rest[1024];
        if (!gzgets(w->f, rest, sizeof rest))
            break;
        size_t rl = strlen(rest);
        whole = rl && rest[rl - 1] == '\n';
    }
    while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
        line[--l] = '\0';
    return 1;
}

/* Copies value (trimmed, without <>) into out. */
static void
set_field(char *out, size_t size, const char *value)
{
    while (*value == ' ' || *value == '\t')
        value++;
    size_t l = strlen(value);
    while (l && (value[l - 1] == ' ' || value[l - 1] == '\t'))
        l--;
    if (l >= 2 && value[0] == '<' && value[l - 1] == '>') {
        value++;
        l -= 2;
    }
    if (l >= size)
        l = size - 1;
    memcpy(out, value, l);
    out[l] = '\0';
}

static void
header_field(struct warc_record *r, char *line, int *has_length)
{
    char *colon = strchr(line, ':');
    if (!colon)
        return;
    *colon = '\0';
    const char *v = colon + 1;
    if (!strcasecmp(line, "WARC-Type"))
        set_field(r->type, sizeof r->type, v);
    else if (!strcasecmp(line, "WARC-Target-URI"))
        set_field(r->target_uri, sizeof r->target_uri, v);
    else if (!strcasecmp(line, "WARC-Record-ID"))
        set_field(r->record_id, sizeof r->record_id, v);
    else if (!strcasecmp(line, "Content-Type"))
        set_field(r->content_type, sizeof r->content_type, v);
    else if (!strcasecmp(line, "Content-Length")) {
        char *end;
        errno = 0;
        unsigned long long n = strtoull(v, &end, 10);
        while (*end == ' ' || *end == '\t')
            end++;
        if (!errno && end != v && !*end && !strchr(v, '-')) {
            r->length = n;
            *has_length = 1;
        } else {
            *has_length = -1; /* there, but no length pith can read */
        }
    }
}

int
warc_next(struct warc *w, struct warc_record *r)
{
    char skip[16384];
    while (w->left) {
        long long n = warc_read(w, skip, sizeof skip);
        if (n < 0)
            return -1;
    }
    char line[8400];
    int rc;
    /* Records are separated by two line ends; be lenient about them. */
    while ((rc = read_line(w, line, sizeof line)) == 1 && !line[0])
        ;
    if (rc == 0)
        return 0;
    if (rc < 0)
        return fail(w, "read error after record %llu",
                    (unsigned long long)w->records);
    if (strncmp(line, "WARC/1.", 7))
        return fail(w, "not a WARC record at record %llu",
                    (unsigned long long)w->records);
    memset(r, 0, sizeof *r);
    int has_length = 0;
    while ((rc = read_line(w, line, sizeof line)) == 1 && line[0])
        header_field(r, line, &has_length);
    if (rc != 1)
        return fail(w, "record %llu: its header is cut short",
                    (unsigned long long)w->records);
    if (has_length < 0)
        return fail(w, "record %llu: its Content-Length is not a length "
                    "(negative, malformed or over 2^64)",
                    (unsigned long long)w->records);
    if (!has_length)
        return fail(w, "record %llu has no Content-Length",
                    (unsigned long long)w->records);
    r->number = w->records++;
    w->left = r->length;
    return 1;
}
