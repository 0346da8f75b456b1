/*
 * A WARC file as a batch input: each response record holding a 2xx HTTP
 * response served as HTML (or with no Content-Type), and each resource
 * record of type text/html.  Requests, metadata, revisits, redirects,
 * errors and other media are skipped.  A page's source is its record's
 * WARC-Record-ID (unique in a crawl, unlike URLs, which revisits
 * repeat), its URL the WARC-Target-URI, and its output under -o is
 * WARCNAME/NNNNNNNN (the record's number in the file).
 */
#include "cli/batch/input.h"

#include "cli/batch/http_msg.h"
#include "cli/batch/strbuf.h"
#include "cli/batch/warc.h"
#include "cli/msg.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Bytes of a block read to find the HTTP head of a record too large to
 * be read whole. */
#define HEAD_PEEK (64u * 1024u)

struct warc_input {
    struct input in;
    struct warc w;
    char *path, *base;
    const struct filter *f;
    size_t cap;              /* bytes of a block read whole */
    uint64_t seq;
    int failed;
    struct warc_record r;
    struct strbuf block, source, out_rel, msg;
};

static int
fail_job(struct warc_input *wi, struct job *j, int cls, const char *source,
         const char *msg)
{
    sb_reset(&wi->msg);
    sb_puts(&wi->msg, msg);
    j->kind = JOB_FAILED;
    j->fail = cls;
    j->source = source;
    j->data = wi->msg.data;
    j->len = wi->msg.len;
    return IN_JOB;
}

/* Reads up to n bytes of the block into wi->block; 0 or -1. */
static int
read_block(struct warc_input *wi, size_t n)
{
    sb_reset(&wi->block);
    if (sb_reserve(&wi->block, n))
        return -1;
    while (wi->block.len < n) {
        long long got = warc_read(&wi->w, wi->block.data + wi->block.len,
                                  n - wi->block.len);
        if (got <= 0)
            return -1;
        wi->block.len += (size_t)got;
    }
    wi->block.data[wi->block.len] = '\0';
    return 0;
}

static int
is_type(const char *ct, const char *want)
{
    while (*ct == ' ')
        ct++;
    return !strncasecmp(ct, want, strlen(want));
}

/* Whether r may hold a page; *http is set for a response record. */
static int
candidate(const struct warc_record *r, int *http)
{
    *http = !strcasecmp(r->type, "response") &&
            is_type(r->content_type, "application/http");
    return *http || (!strcasecmp(r->type, "resource") &&
                     (is_type(r->content_type, "text/html") ||
                      is_type(r->content_type, "application/xhtml+xml")));
}

/* Fills j from the record just read; 1 when it is a page, 0 to skip. */
static int
record_job(struct warc_input *wi, struct job *j, int http)
{
    const struct warc_record *r = &wi->r;
    size_t n = r->length > wi->cap ? HEAD_PEEK : (size_t)r->length;
    if (n > r->length)
        n = (size_t)r->length;
    if (read_block(wi, n))
        return -1;
    struct http_head h;
    if (http && (http_head_parse(wi->block.data, wi->block.len, &h) ||
                 h.status < 200 || h.status > 299 ||
                 !http_type_is_html(h.content_type)))
        return 0;
    sb_reset(&wi->out_rel);
    sb_printf(&wi->out_rel, "%s/%08llu", wi->base,
              (unsigned long long)r->number);
    j->url = r->target_uri[0] ? r->target_uri : NULL;
    j->out_rel = wi->out_rel.data;
    if (r->length > wi->cap) {
        j->bytes_in = r->length;
        fail_job(wi, j, OC_TOO_BIG, wi->source.data,
                 "the record is over the page byte limit");
        return 1;
    }
    j->kind = http ? JOB_HTTP : JOB_HTML;
    j->source = wi->source.data;
    j->content_type = http ? NULL : r->content_type;
    j->data = wi->block.data;
    j->len = wi->block.len;
    return 1;
}

static int
warc_input_next(struct input *in, struct job *j)
{
    struct warc_input *wi = (struct warc_input *)in;
    while (!wi->failed) {
        memset(j, 0, sizeof *j);
        int rc = warc_next(&wi->w, &wi->r), http;
        if (rc == 0)
            return IN_END;
        if (rc > 0 && !candidate(&wi->r, &http))
            continue;
        sb_reset(&wi->source);
        if (rc > 0 && wi->r.record_id[0])
            sb_puts(&wi->source, wi->r.record_id);
        else
            sb_printf(&wi->source, "%s#%llu", wi->base,
                      (unsigned long long)wi->w.records);
        if (rc < 0) {
            /* A bad record is reported, and the next one read. */
            wi->failed = !wi->w.bad;
            j->seq = wi->seq++;
            return fail_job(wi, j, OC_INPUT, wi->path, wi->w.err);
        }
        if (!filter_take(wi->f, wi->source.data, in->left_out))
            continue;
        rc = record_job(wi, j, http);
        if (rc < 0) {
            wi->failed = !wi->w.bad;
            j->seq = wi->seq++;
            return fail_job(wi, j, OC_INPUT, wi->path, wi->w.err);
        }
        if (rc == 0) {
            in->left_out[LEFT_NOT_PAGE]++;
            continue;
        }
        j->seq = wi->seq++;
        return IN_JOB;
    }
    return IN_END;
}

static void
warc_input_free(struct input *in)
{
    struct warc_input *wi = (struct warc_input *)in;
    warc_close(&wi->w);
    sb_free(&wi->block);
    sb_free(&wi->source);
    sb_free(&wi->out_rel);
    sb_free(&wi->msg);
    free(wi->path);
    free(wi->base);
    free(wi);
}

struct input *
input_warc(const char *path, const struct filter *f, size_t max_bytes)
{
    struct warc_input *wi = calloc(1, sizeof *wi);
    if (!wi || !(wi->path = strdup(path))) {
        free(wi);
        errorf("out of memory");
        return NULL;
    }
    wi->in = (struct input){warc_input_next, warc_input_free, -1, 1, 0, 0,
                            {0}, ""};
    wi->f = f;
    /* The page cap plus room for the HTTP head and a chunked or
     * compressed body's overhead. */
    wi->cap = max_bytes + HEAD_PEEK;
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t l = strlen(b);
    if (l > 3 && !strcasecmp(b + l - 3, ".gz"))
        l -= 3;
    if (l > 5 && !strncasecmp(b + l - 5, ".warc", 5))
        l -= 5;
    wi->base = strndup(b, l);
    if (!wi->base || warc_open(&wi->w, path)) {
        errorf("%s: %s", path, wi->base ? strerror(errno) : "out of memory");
        warc_input_free(&wi->in);
        return NULL;
    }
    return &wi->in;
}
