/* The filter and the chain of inputs; see input.h. */
#include "cli/batch/input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int
doneset_has(const struct doneset *ds, const char *name)
{
    uint64_t h = shard_hash(name);
    size_t lo = 0, hi = ds->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ds->h[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ds->n && ds->h[lo] == h;
}

int
filter_want(const struct filter *f, const char *name)
{
    return shard_mine(&f->shard, name) &&
           !(f->done && doneset_has(f->done, name));
}

int
filter_take(const struct filter *f, const char *name, uint64_t *left_out)
{
    if (!shard_mine(&f->shard, name)) {
        left_out[LEFT_SHARD]++;
        return 0;
    }
    if (f->done && doneset_has(f->done, name)) {
        left_out[LEFT_DONE]++;
        return 0;
    }
    return 1;
}

size_t
input_page_stem(const char *name)
{
    static const char *const exts[] = {".html", ".htm", ".xhtml"};
    size_t len = strlen(name);
    if (len > 3 && !strcasecmp(name + len - 3, ".gz"))
        len -= 3;
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        size_t el = strlen(exts[i]);
        if (len > el && !strncasecmp(name + len - el, exts[i], el))
            return len - el;
    }
    return 0;
}

int
input_not_page_name(const char *name)
{
    static const char *const exts[] = {
        ".css", ".js", ".mjs", ".json", ".map", ".png", ".jpg", ".jpeg",
        ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp", ".tif", ".tiff",
        ".woff", ".woff2", ".ttf", ".otf", ".eot", ".pdf", ".zip", ".gz",
        ".tgz", ".bz2", ".xz", ".7z", ".rar", ".mp3", ".mp4", ".webm",
        ".ogg", ".wav", ".avi", ".mov", ".txt", ".xml", ".rss", ".atom",
        ".csv", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".exe",
        ".bin", ".iso", ".warc", ".jsonl", NULL
    };
    size_t len = strlen(name);
    for (int i = 0; exts[i]; i++) {
        size_t el = strlen(exts[i]);
        if (len > el && !strcasecmp(name + len - el, exts[i]))
            return 1;
    }
    return 0;
}

int
input_sniff_html(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char head[1024];
    size_t n = fread(head, 1, sizeof head - 1, f);
    fclose(f);
    head[n] = '\0';
    const char *p = head;
    if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        p += 3;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
        if (strncmp(p, "<!--", 4))
            break;
        const char *end = strstr(p + 4, "-->");
        if (!end)
            return 0;
        p = end + 3;
    }
    return !strncasecmp(p, "<!doctype html", 14) ||
           !strncasecmp(p, "<html", 5) || !strncasecmp(p, "<head", 5) ||
           !strncasecmp(p, "<body", 5) || !strncasecmp(p, "<?xml", 5);
}

/* ------------------------------------------------------------ chain */

struct chain {
    struct input in;
    struct input **v;
    size_t n, at;
    uint64_t offset, taken; /* seq of the current input's first job */
};

static int
chain_next(struct input *in, struct job *j)
{
    struct chain *c = (struct chain *)in;
    while (c->at < c->n) {
        struct input *cur = c->v[c->at];
        int rc = cur->next(cur, j);
        in->fd = cur->fd;
        if (rc == IN_JOB) {
            j->seq += c->offset;
            c->taken++;
            return rc;
        }
        if (rc == IN_ERROR)
            memcpy(in->err, cur->err, sizeof in->err);
        if (rc != IN_END)
            return rc;
        for (int k = 0; k < LEFT_OUT_KINDS; k++)
            in->left_out[k] += cur->left_out[k];
        c->offset = c->taken;
        c->at++;
    }
    return IN_END;
}

static void
chain_free(struct input *in)
{
    struct chain *c = (struct chain *)in;
    for (size_t i = 0; i < c->n; i++)
        c->v[i]->free(c->v[i]);
    free(c->v);
    free(c);
}

struct input *
input_chain(struct input **v, size_t n)
{
    struct chain *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->v = v;
    c->n = n;
    c->in.next = chain_next;
    c->in.free = chain_free;
    c->in.fd = -1;
    c->in.ordered = 1;
    c->in.known_total = 1;
    for (size_t i = 0; i < n; i++) {
        c->in.ordered &= v[i]->ordered;
        c->in.known_total &= v[i]->known_total;
        c->in.total += v[i]->total;
    }
    return &c->in;
}
