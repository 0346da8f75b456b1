/*
 * One page in a worker; see page_job.h.  Output files are written under a
 * temporary name beside their final one (".NAME.tmp") and renamed, so a
 * killed batch leaves either the whole file or none; the temporary name
 * is the same on every run, so a rerun overwrites what a killed one left.
 *
 * Test-only hooks, for the tests of the supervisor: when the environment
 * variable PITH_TEST_CRASH_MARKER (or _HANG_, or _HOG_) is set and a page
 * contains its value, the worker aborts (hangs, or allocates until its
 * memory budget refuses).  Without those variables nothing changes.
 */
#include "cli/batch/page_job.h"

#include "cli/batch/http_msg.h"
#include "cli/batch/record.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define DEFAULT_MAX_BYTES (32u * 1024u * 1024u) /* as the library's */

const char *
page_extension(pith_format format)
{
    switch (format) {
    case PITH_FORMAT_JSON: return ".json";
    case PITH_FORMAT_MARKDOWN: return ".md";
    default: return ".txt";
    }
}

static const char *
nonempty_env(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

int
page_ctx_init(struct page_ctx *c, const struct batch_conf *conf)
{
    memset(c, 0, sizeof *c);
    c->conf = conf;
    c->ex = pith_new(&conf->opt);
    c->crash_marker = nonempty_env("PITH_TEST_CRASH_MARKER");
    c->hang_marker = nonempty_env("PITH_TEST_HANG_MARKER");
    c->hog_marker = nonempty_env("PITH_TEST_HOG_MARKER");
    return c->ex ? 0 : -1;
}

void
page_ctx_free(struct page_ctx *c)
{
    pith_free(c->ex);
    struct strbuf *all[] = {&c->bytes, &c->render, &c->record,
                            &c->scratch, &c->outname, &c->charset,
                            &c->path, &c->tmp, &c->err};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        sb_free(all[i]);
}

static long long
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static size_t
max_bytes(const struct page_ctx *c)
{
    return c->conf->max_bytes ? c->conf->max_bytes : DEFAULT_MAX_BYTES;
}

/* Sets o's failure: class and message. */
static void __attribute__((format(printf, 4, 5)))
fail(struct page_ctx *c, struct outcome *o, int cls, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sb_reset(&c->err);
    sb_puts(&c->err, msg);
    o->cls = cls;
    o->error = c->err.failed ? "out of memory" : c->err.data;
}

/* Reads a file, decompressing gzip (zlib reads plain files as they are),
 * into c->bytes; 0, or -1 with o's failure set. */
static int
read_file(struct page_ctx *c, const char *path, struct outcome *o)
{
    gzFile f = gzopen(path, "rb");
    if (!f) {
        fail(c, o, OC_INPUT, "%s", strerror(errno ? errno : ENOMEM));
        return -1;
    }
    gzbuffer(f, 128 * 1024);
    size_t max = max_bytes(c);
    sb_reset(&c->bytes);
    for (;;) {
        if (sb_reserve(&c->bytes, 64 * 1024)) {
            gzclose(f);
            fail(c, o, OC_MEMORY, "out of memory reading the page");
            return -1;
        }
        size_t room = c->bytes.cap - c->bytes.len - 1;
        int n = gzread(f, c->bytes.data + c->bytes.len,
                       room > (1u << 30) ? (1u << 30) : (unsigned)room);
        if (n < 0) {
            int err;
            const char *msg = gzerror(f, &err);
            fail(c, o, OC_INPUT, "%s",
                 err == Z_ERRNO ? strerror(errno) : msg);
            gzclose(f);
            return -1;
        }
        c->bytes.len += (size_t)n;
        if (n == 0)
            break;
        if (c->bytes.len > max) {
            gzclose(f);
            o->bytes_in = c->bytes.len;
            fail(c, o, OC_TOO_BIG, "page is over the %zu-byte limit", max);
            return -1;
        }
    }
    /* zlib ends a gzip stream cut short as if it were whole, and says
     * so only here: partial text must not pass as the page. */
    int zerr;
    gzerror(f, &zerr);
    gzclose(f);
    if (zerr == Z_BUF_ERROR) {
        o->bytes_in = c->bytes.len;
        fail(c, o, OC_INPUT, "truncated gzip: the file ends inside its "
             "compressed data");
        return -1;
    }
    return 0;
}

/* The page bytes of j into *bytes and *len; 0, or -1 with o's failure set. */
static int
page_bytes(struct page_ctx *c, const struct job *j, const char **bytes,
           size_t *len, const char **ctype, struct outcome *o)
{
    *ctype = j->content_type;
    if (j->kind == JOB_FILE) {
        if (read_file(c, j->path, o))
            return -1;
        *bytes = c->bytes.data ? c->bytes.data : "";
        *len = c->bytes.len;
        return 0;
    }
    if (j->kind == JOB_HTML) {
        *bytes = j->data ? j->data : "";
        *len = j->len;
        return 0;
    }
    struct http_head h;
    if (http_head_parse(j->data, j->len, &h)) {
        fail(c, o, OC_INPUT, "the record holds no HTTP response head");
        return -1;
    }
    char *owned = NULL;
    int rc = http_body_decode(&h, j->data + h.head_len, j->len - h.head_len,
                              max_bytes(c), bytes, len, &owned);
    if (rc == HTTP_BODY_OK) {
        sb_reset(&c->bytes);
        sb_append(&c->bytes, *bytes, *len);
        free(owned);
        *bytes = c->bytes.data;
        if (c->bytes.failed)
            rc = HTTP_BODY_NOMEM;
    }
    memcpy(c->content_type, h.content_type, sizeof c->content_type);
    *ctype = c->content_type[0] ? c->content_type : NULL;
    switch (rc) {
    case HTTP_BODY_OK: return 0;
    case HTTP_BODY_TOO_BIG:
        fail(c, o, OC_TOO_BIG, "page is over the %zu-byte limit",
             max_bytes(c));
        return -1;
    case HTTP_BODY_CODING:
        fail(c, o, OC_NOT_HTML, "unsupported Content-Encoding");
        return -1;
    case HTTP_BODY_NOMEM:
        fail(c, o, OC_MEMORY, "out of memory decoding the body");
        return -1;
    default:
        fail(c, o, OC_INPUT, "malformed HTTP body");
        return -1;
    }
}

/* The test-only hooks (see the top of this file).  The hog takes memory
 * until the worker's budget refuses it and fails the page as out of
 * memory: 1 then, else 0. */
static int
test_hooks(const struct page_ctx *c, const char *bytes, size_t len)
{
    if (c->crash_marker &&
        memmem(bytes, len, c->crash_marker, strlen(c->crash_marker)))
        abort();
    if (c->hang_marker &&
        memmem(bytes, len, c->hang_marker, strlen(c->hang_marker)))
        for (;;)
            pause();
    if (!c->hog_marker ||
        !memmem(bytes, len, c->hog_marker, strlen(c->hog_marker)))
        return 0;
    void **chunks = NULL;
    size_t n = 0;
    for (;;) {
        void **more = realloc(chunks, (n + 1) * sizeof *chunks);
        char *p = more ? malloc(16u << 20) : NULL;
        if (more)
            chunks = more;
        if (!p)
            break;
        memset(p, 1, 16u << 20);
        chunks[n++] = p;
    }
    while (n)
        free(chunks[--n]);
    free(chunks);
    return 1;
}

/* Creates directory dir (modified in place, restored) and the parents
 * it lacks, deepest first: a tree of existing directories costs one
 * mkdir. */
static int
make_dir(char *dir)
{
    if (mkdir(dir, 0777) == 0 || errno == EEXIST)
        return 0;
    char *slash = strrchr(dir, '/');
    if (errno != ENOENT || !slash || slash == dir)
        return -1;
    *slash = '\0';
    int rc = make_dir(dir);
    *slash = '/';
    return rc || (mkdir(dir, 0777) && errno != EEXIST) ? -1 : 0;
}

/* Creates the directories of path's parent. */
static int
make_parents(char *path)
{
    char *slash = strrchr(path, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    int rc = make_dir(path);
    *slash = '/';
    return rc;
}

/* Opens a new file at path, creating its directories when missing. */
static int
create_file(char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0 && errno == ENOENT && make_parents(path) == 0)
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    return fd;
}

/* Writes c->render to OUT/rel under a temporary name, then renames it. */
static int
write_output(struct page_ctx *c, const char *rel)
{
    struct strbuf *p = &c->path, *t = &c->tmp;
    sb_reset(p);
    sb_printf(p, "%s/%s", c->conf->out_dir, rel);
    const char *slash = strrchr(p->data, '/');
    sb_reset(t);
    sb_append(t, p->data, (size_t)(slash + 1 - p->data));
    sb_printf(t, ".%s.tmp", slash + 1);
    if (p->failed || t->failed)
        return -1;
    int fd = create_file(t->data);
    if (fd < 0)
        return -1;
    size_t off = 0;
    while (off < c->render.len) {
        ssize_t n = write(fd, c->render.data + off, c->render.len - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            close(fd);
            unlink(t->data);
            return -1;
        }
        off += (size_t)n;
    }
    if (close(fd) || rename(t->data, p->data)) {
        unlink(t->data);
        return -1;
    }
    return 0;
}

static int
render_cb(const char *data, size_t len, void *userdata)
{
    struct strbuf *sb = userdata;
    sb_append(sb, data, len);
    return sb->failed;
}

static uint64_t
count_chars(const char *s, size_t len)
{
    uint64_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Renders res into its output file (-o); no content gives a file only
 * in JSON, whose "text" is null then, as pith --format json prints. */
static void
output_file(struct page_ctx *c, const struct job *j, const pith_result *res,
            struct outcome *o)
{
    const struct batch_conf *cf = c->conf;
    if (!res || (o->cls == OC_NO_CONTENT && cf->format != PITH_FORMAT_JSON))
        return;
    /* Fetched URLs and JSON lines have no name: their number in the
     * list names them, DIR/00000007.txt. */
    char num[32];
    const char *rel = j->out_rel;
    if (!rel) {
        snprintf(num, sizeof num, "%08llu", (unsigned long long)j->seq);
        rel = num;
    }
    sb_reset(&c->render);
    if (pith_render(res, cf->format, cf->render_flags, render_cb,
                    &c->render) != PITH_OK || c->render.failed) {
        fail(c, o, OC_MEMORY, "out of memory rendering the page");
        return;
    }
    sb_reset(&c->outname);
    sb_printf(&c->outname, "%s%s", rel, page_extension(cf->format));
    if (c->outname.failed || write_output(c, c->outname.data)) {
        fail(c, o, OC_INTERNAL, "writing %s/%s: %s", cf->out_dir,
             c->outname.failed ? rel : c->outname.data,
             strerror(errno));
        return;
    }
    o->output = c->outname.data;
}

void
page_run(struct page_ctx *c, const struct job *j, struct outcome *o)
{
    long long t0 = now_ms();
    memset(o, 0, sizeof *o);
    o->seq = j->seq;
    const char *bytes = NULL, *ctype = NULL;
    size_t len = 0;
    pith_result *res = NULL;
    if (j->kind == JOB_FAILED) {
        o->bytes_in = j->bytes_in;
        fail(c, o, j->fail, "%s", j->data ? j->data : "failed");
    } else if (page_bytes(c, j, &bytes, &len, &ctype, o) == 0) {
        o->bytes_in = len;
        if (test_hooks(c, bytes, len)) {
            fail(c, o, OC_MEMORY, "an allocation was refused: the "
                 "worker's memory budget is spent (test hook)");
        } else {
            pith_status st = pith_extract_html(c->ex, bytes, len, ctype,
                                               j->url, &res);
            o->cls = outcome_class_of(st);
            if (st != PITH_OK)
                fail(c, o, o->cls, "%s", *pith_errmsg(c->ex)
                                             ? pith_errmsg(c->ex)
                                             : pith_strerror(st));
        }
        if (res) {
            o->charset = res->charset;
            o->page_type = res->page_type; /* a static string */
            o->chars_out = count_chars(res->text, res->text_len);
        }
        if (c->conf->out_dir)
            output_file(c, j, res, o);
    }
    if (c->conf->jsonl) {
        sb_reset(&c->record);
        record_build(&c->record, j->source, j->url, o->cls, o->error, res,
                     &c->scratch);
        o->record = c->record.data;
        o->record_len = c->record.len;
        if (c->record.failed) {
            fail(c, o, OC_MEMORY, "out of memory building the record");
            o->record = NULL;
            o->record_len = 0;
        }
    }
    if (o->charset) { /* res is freed below */
        sb_reset(&c->charset);
        sb_puts(&c->charset, o->charset);
        o->charset = c->charset.failed ? NULL : c->charset.data;
    }
    pith_result_free(res);
    o->ms = (uint64_t)(now_ms() - t0);
}
