/*
 * The hosts of a pith_fetch_many() run, for politeness: each host (an
 * origin, "scheme://host:port") has a queue of the jobs waiting for it,
 * its running transfer count, when its last request started, its delay,
 * and its robots.txt.  Hosts are kept in order of first appearance, so
 * that serving them in table order starts jobs roughly in list order.
 */
#ifndef PITH_HOSTS_H
#define PITH_HOSTS_H

#include "fetch/robots.h"

#include <stddef.h>

struct fetch_job;

enum robots_state {
    ROBOTS_NONE,     /* not fetched yet */
    ROBOTS_RUNNING,  /* being fetched */
    ROBOTS_RETRY,    /* waiting to be fetched again */
    ROBOTS_DONE      /* rules known (or unreachable: see robots_error) */
};

struct host {
    char *origin;           /* malloc'd */
    size_t *queue;          /* a ring of job indices */
    size_t head, len, cap;
    int active;             /* transfers running to this host */
    int started;            /* a request has started */
    long long last_start;   /* monotonic ms of the latest request start */
    long delay_ms;          /* least time between request starts */
    enum robots_state robots_state;
    struct robots robots;
    struct fetch_job *robots_job; /* malloc'd while fetching robots.txt */
    char *robots_url;       /* malloc'd: origin + "/robots.txt" */
    char *robots_error;     /* malloc'd when robots.txt was unreachable */
};

struct hosts {
    struct host *v;
    size_t n, cap;
    size_t *slots;          /* open addressing: 0 empty, else index + 1 */
    size_t nslots;
};

/* The index of the host with this origin in *out, added when new (it
 * then takes origin, else origin is freed).  -1 when out of memory (origin
 * is freed). */
int hosts_get(struct hosts *hs, char *origin, size_t *out);

/* Queue operations; the pushes return -1 when out of memory. */
int host_push_back(struct host *h, size_t job);
int host_push_front(struct host *h, size_t job);
size_t host_peek(const struct host *h); /* h->len must be > 0 */
void host_pop(struct host *h);

/* When the next request to h may start, by its delay. */
long long host_next_start(const struct host *h);

/* Releases every host; hs is then empty. */
void hosts_free(struct hosts *hs);

#endif
