/* WARC records, streamed, with our own gzip member handling (zlib's
 * gzFile reads members as one stream, and cannot start again at the
 * next one after a bad one); see warc.h. */
#include "cli/batch/warc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Bytes read from the file at a time, and decoded at a time. */
#define RAW_BYTES (256u * 1024u)
#define OUT_BYTES (64u * 1024u)

int
warc_open(struct warc *w, const char *path)
{
    memset(w, 0, sizeof *w);
    w->f = fopen(path, "rb");
    if (!w->f)
        return -1;
    w->raw = malloc(RAW_BYTES);
    w->out = malloc(OUT_BYTES);
    if (!w->raw || !w->out || inflateInit2(&w->z, 16 + MAX_WBITS) != Z_OK) {
        warc_close(w);
        errno = ENOMEM;
        return -1;
    }
    w->z_ready = 1;
    w->z.next_in = w->raw; /* raw_pos() counts from there */
    w->z.avail_in = 0;
    int c1 = getc(w->f), c2 = getc(w->f);
    w->gz = c1 == 0x1f && c2 == 0x8b;
    rewind(w->f);
    return 0;
}

void
warc_close(struct warc *w)
{
    if (w->f)
        fclose(w->f);
    if (w->z_ready)
        inflateEnd(&w->z);
    free(w->raw);
    free(w->out);
    w->f = NULL;
    w->raw = w->out = NULL;
    w->z_ready = 0;
}

static int __attribute__((format(printf, 3, 4)))
fail(struct warc *w, int bad, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w->err, sizeof w->err, fmt, ap);
    va_end(ap);
    w->bad = bad;
    return -1;
}

/* The file offset of the next byte to decode. */
static uint64_t
raw_pos(const struct warc *w)
{
    return w->raw_off + (uint64_t)(w->z.next_in - w->raw);
}

/* More bytes from the file, once the last ones are all used; -1 on a
 * read error. */
static int
raw_read(struct warc *w)
{
    w->raw_off = raw_pos(w);
    size_t n = fread(w->raw, 1, RAW_BYTES, w->f);
    w->z.next_in = w->raw;
    w->z.avail_in = (uInt)n;
    if (n < RAW_BYTES) {
        if (ferror(w->f))
            return fail(w, 0, "read error after record %llu",
                        (unsigned long long)w->records);
        w->eof = 1;
    }
    return 0;
}

/* Moves to the first gzip member that starts after offset from, or to
 * the end; decoding starts afresh there. */
static int
next_member(struct warc *w, uint64_t from)
{
    if (fseeko(w->f, (off_t)from, SEEK_SET))
        return fail(w, 0, "cannot seek in the file after record %llu",
                    (unsigned long long)w->records);
    w->raw_off = from;
    w->z.next_in = w->raw;
    w->z.avail_in = 0;
    w->eof = 0;
    w->in_member = w->boundary = 0;
    w->out_pos = w->out_len = 0;
    for (;;) {
        if (!w->z.avail_in) {
            if (w->eof)
                return 0;
            if (raw_read(w))
                return -1;
        }
        /* A magic split across two reads is found on the next one: the
         * scan goes on from the byte after the last full match tried. */
        unsigned char *p = w->z.next_in, *e = p + w->z.avail_in;
        while (p + 2 < e && !(p[0] == 0x1f && p[1] == 0x8b && p[2] == 8))
            p++;
        if (p + 2 < e) {
            w->z.avail_in -= (uInt)(p - w->z.next_in);
            w->z.next_in = p;
            return 0;
        }
        if (w->eof) {
            w->z.avail_in = 0;
            return 0;
        }
        /* Keep the last two bytes: the magic may start there. */
        uint64_t keep = raw_pos(w) + (uint64_t)(p - w->z.next_in);
        if (fseeko(w->f, (off_t)keep, SEEK_SET))
            return fail(w, 0, "cannot seek in the file");
        w->raw_off = keep;
        w->z.next_in = w->raw;
        w->z.avail_in = 0;
    }
}

/* Decoded bytes at w->out[out_pos]: 1, 0 at the end of the file or of a
 * gzip member (w->boundary), -1. */
static int
fill(struct warc *w)
{
    if (w->out_pos < w->out_len)
        return 1;
    if (w->boundary)
        return 0;
    w->out_pos = w->out_len = 0;
    for (;;) {
        if (!w->z.avail_in && !w->eof && raw_read(w))
            return -1;
        if (!w->gz) {
            size_t n = w->z.avail_in < OUT_BYTES ? w->z.avail_in : OUT_BYTES;
            memcpy(w->out, w->z.next_in, n);
            w->z.next_in += n;
            w->z.avail_in -= (uInt)n;
            w->out_len = n;
            return n > 0;
        }
        if (!w->z.avail_in) {
            if (!w->in_member)
                return 0;
            w->in_member = 0;
            return fail(w, 0, "record %llu is cut short: the file ends "
                        "inside a gzip member",
                        (unsigned long long)w->records);
        }
        if (!w->in_member) {
            if (w->z.next_in[0] != 0x1f) {
                /* Not a member: padding, or garbage up to the next. */
                if (next_member(w, raw_pos(w) + 1))
                    return -1;
                continue;
            }
            w->member_off = raw_pos(w);
            inflateReset(&w->z);
            w->in_member = 1;
        }
        w->z.next_out = w->out;
        w->z.avail_out = OUT_BYTES;
        int rc = inflate(&w->z, Z_NO_FLUSH);
        w->out_len = OUT_BYTES - w->z.avail_out;
        if (rc == Z_STREAM_END) {
            w->in_member = 0;
            w->boundary = 1;
            return w->out_len > 0;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            w->in_member = 0;
            w->skip_member = 1;
            return fail(w, 1, "record %llu: its gzip member is corrupt or "
                        "cut short", (unsigned long long)w->records);
        }
        if (w->out_len)
            return 1;
    }
}

long long
warc_read(struct warc *w, void *buf, size_t n)
{
    if (n > w->left)
        n = (size_t)w->left;
    if (!n)
        return 0;
    int rc = fill(w);
    if (rc <= 0) {
        if (rc == 0 && w->boundary) {
            /* The next member holds the next record. */
            w->resync = 1;
            return fail(w, 1, "record %llu: its Content-Length runs past "
                        "its gzip member", (unsigned long long)w->records);
        }
        if (rc == 0)
            return fail(w, 0, "record %llu is cut short: end of file",
                        (unsigned long long)w->records);
        return -1;
    }
    size_t have = w->out_len - w->out_pos;
    if (n > have)
        n = have;
    memcpy(buf, w->out + w->out_pos, n);
    w->out_pos += n;
    w->left -= n;
    return (long long)n;
}

/* Reads one header line, without its line end, into line (cut at size;
 * the rest of a longer line is dropped), across gzip members.  1, 0 at
 * end of file, -1. */
static int
read_line(struct warc *w, char *line, size_t size)
{
    size_t l = 0;
    int any = 0;
    for (;;) {
        int rc = fill(w);
        if (rc < 0)
            return -1;
        if (rc == 0) {
            if (w->boundary) {
                w->boundary = 0;
                continue;
            }
            break;
        }
        any = 1;
        unsigned char *p = w->out + w->out_pos, *e = w->out + w->out_len;
        unsigned char *nl = memchr(p, '\n', (size_t)(e - p));
        unsigned char *stop = nl ? nl : e;
        size_t take = (size_t)(stop - p);
        if (l + take >= size)
            take = l < size - 1 ? size - 1 - l : 0;
        memcpy(line + l, p, take);
        l += take;
        w->out_pos = (size_t)((nl ? nl + 1 : e) - w->out);
        if (nl)
            break;
    }
    line[l] = '\0';
    while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
        line[--l] = '\0';
    return any;
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
    if (w->skip_member) {
        w->skip_member = 0;
        w->resync = 1;
        w->left = 0;
        if (next_member(w, w->member_off + 1))
            return -1;
    }
    if (w->resync)
        w->left = 0; /* what is left of a bad record is not its block */
    char skip[16384];
    while (w->left) {
        long long n = warc_read(w, skip, sizeof skip);
        if (n < 0)
            return -1;
    }
    w->boundary = 0;
    char line[8400];
    int rc;
    /* Records are separated by two line ends; be lenient about them.
     * After a bad record, whatever comes before the next record goes. */
    while ((rc = read_line(w, line, sizeof line)) == 1 &&
           (!line[0] || (w->resync && strncmp(line, "WARC/1.", 7))))
        ;
    w->resync = 0;
    if (rc == 0)
        return 0;
    if (rc < 0)
        return -1;
    if (strncmp(line, "WARC/1.", 7)) {
        w->resync = 1;
        return fail(w, 1, "not a WARC record after record %llu (its "
                    "Content-Length may be wrong)",
                    (unsigned long long)w->records);
    }
    memset(r, 0, sizeof *r);
    int has_length = 0;
    while ((rc = read_line(w, line, sizeof line)) == 1 && line[0])
        header_field(r, line, &has_length);
    if (rc < 0)
        return -1;
    r->number = w->records++;
    if (rc != 1)
        return fail(w, 0, "record %llu: its header is cut short",
                    (unsigned long long)r->number);
    if (has_length < 0 || !has_length) {
        w->resync = 1;
        return fail(w, 1, has_length < 0
                    ? "record %llu: its Content-Length is not a length "
                      "(negative, malformed or over 2^64)"
                    : "record %llu has no Content-Length",
                    (unsigned long long)r->number);
    }
    w->left = r->length;
    return 1;
}
