/* The host table of pith_fetch_many(); see hosts.h. */
#include "fetch/hosts.h"

#include "fetch/fetch.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t
hash_origin(const char *s)
{
    uint64_t h = 14695981039346656037ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* Rebuilds the slots at twice the host count or more, a power of two, so
 * that probing stays short. */
static int
rehash(struct hosts *hs)
{
    size_t n = 16;
    while (n < hs->n * 2 + 2)
        n *= 2;
    size_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < hs->n; i++) {
        size_t k = hash_origin(hs->v[i].origin) & (n - 1);
        while (slots[k])
            k = (k + 1) & (n - 1);
        slots[k] = i + 1;
    }
    free(hs->slots);
    hs->slots = slots;
    hs->nslots = n;
    return 0;
}

int
hosts_get(struct hosts *hs, char *origin, size_t *out)
{
    if (hs->nslots < hs->n * 2 + 2 && rehash(hs)) {
        free(origin);
        return -1;
    }
    size_t k = hash_origin(origin) & (hs->nslots - 1);
    for (; hs->slots[k]; k = (k + 1) & (hs->nslots - 1)) {
        if (!strcmp(hs->v[hs->slots[k] - 1].origin, origin)) {
            *out = hs->slots[k] - 1;
            free(origin);
            return 0;
        }
    }
    if (hs->n == hs->cap) {
        size_t cap = hs->cap ? hs->cap * 2 : 8;
        struct host *v = realloc(hs->v, cap * sizeof *v);
        if (!v) {
            free(origin);
            return -1;
        }
        hs->v = v;
        hs->cap = cap;
    }
    struct host *h = &hs->v[hs->n];
    memset(h, 0, sizeof *h);
    h->origin = origin;
    h->robots.crawl_delay_ms = -1;
    hs->slots[k] = ++hs->n;
    *out = hs->n - 1;
    return 0;
}

static int
grow(struct host *h)
{
    if (h->len < h->cap)
        return 0;
    size_t cap = h->cap ? h->cap * 2 : 8;
    size_t *q = malloc(cap * sizeof *q);
    if (!q)
        return -1;
    for (size_t i = 0; i < h->len; i++)
        q[i] = h->queue[(h->head + i) % h->cap];
    free(h->queue);
    h->queue = q;
    h->head = 0;
    h->cap = cap;
    return 0;
}

int
host_push_back(struct host *h, size_t job)
{
    if (grow(h))
        return -1;
    h->queue[(h->head + h->len++) % h->cap] = job;
    return 0;
}

int
host_push_front(struct host *h, size_t job)
{
    if (grow(h))
        return -1;
    h->head = (h->head + h->cap - 1) % h->cap;
    h->queue[h->head] = job;
    h->len++;
    return 0;
}

size_t
host_peek(const struct host *h)
{
    return h->queue[h->head];
}

void
host_pop(struct host *h)
{
    h->head = (h->head + 1) % h->cap;
    h->len--;
}

long long
host_next_start(const struct host *h)
{
    return h->started ? h->last_start + h->delay_ms : 0;
}

void
hosts_free(struct hosts *hs)
{
    for (size_t i = 0; i < hs->n; i++) {
        struct host *h = &hs->v[i];
        free(h->origin);
        free(h->queue);
        robots_free(&h->robots);
        if (h->robots_job) {
            fetch_job_clear(h->robots_job);
            free(h->robots_job);
        }
        free(h->robots_url);
        free(h->robots_error);
    }
    free(hs->v);
    free(hs->slots);
    memset(hs, 0, sizeof *hs);
}
