/* The filter and the chain of inputs; see input.h. */
#include "cli/batch/input.h"

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
        in->skipped += cur->skipped;
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
