/*
 * The transfer driver: fetch_many() runs many fetch jobs (fetch.h) on
 * libcurl's multi interface in one thread and hands each outcome, a page
 * or a failure, to its caller; it never extracts.  pith_fetch_many() and
 * pith_extract_url() are this driver with many URLs and with one, so a
 * single fetch and a batch behave alike (urls.c).  Politeness is
 * scheduled here, per host (hosts.h): a transfer starts only when its
 * host has fewer than per_host running, its delay
 * has passed since the host's last start, its robots.txt is known, and
 * its retry wait is over.  CURLMOPT_MAX_HOST_CONNECTIONS backs the
 * per-host cap at the connection level.
 *
 * Each attempt gets a fresh easy handle, cleaned up when it ends: what
 * should outlive an attempt (connections, DNS answers, cookies, TLS
 * sessions) lives in the multi and share handles, and libcurl 7.88 leaks
 * the cookie file list of a handle that is reset and reused (curl issue
 * 10694, fixed in 8.0).
 */
#include "fetch/fetch.h"
#include "fetch/hosts.h"
#include "internal.h"
#include "fetch/hosturl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The longest sleep of the loop.  Waits are computed from the delays, so
 * this only bounds how long a wake-up libcurl did not announce can be
 * missed. */
#define LOOP_MAX_SLEEP_MS 1000

struct driver {
    pith_extractor *ex;
    CURLM *multi;
    struct fetch_job *jobs;
    size_t n, reported;
    struct hosts hosts;
    int running;
    int concurrency, per_host, robots;
    long delay_ms;
    char agent[64];         /* the robots.txt product token */
    int stopped;
    fetch_done_fn done;
    void *userdata;
};

/* ------------------------------------------------------------ reporting */

/* Hands j's outcome to the caller (once per URL) and releases j.  After
 * the caller asked to stop, nothing more is said. */
static void
report(struct driver *d, struct fetch_job *j)
{
    d->reported++;
    if (!d->stopped && d->done(j, d->userdata))
        d->stopped = 1;
    fetch_job_clear(j);
}

/* Reports j as failed without fetching it. */
static void __attribute__((format(printf, 4, 5)))
report_failure(struct driver *d, struct fetch_job *j, pith_status st,
               const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(j->msg, sizeof j->msg, fmt, ap);
    va_end(ap);
    j->status = st;
    report(d, j);
}

/* ------------------------------------------------------------ queues */

/* Puts job i at the back (or front) of its host's queue, by the URL it
 * asks for next. */
static void
enqueue(struct driver *d, size_t i, int front)
{
    struct fetch_job *j = &d->jobs[i];
    const char *url = fetch_job_url(j);
    /* Only the web is fetched: file:, ftp: and the rest are refused
     * before libcurl is asked (which would read file: URLs). */
    if (strncasecmp(url, "http://", 7) && strncasecmp(url, "https://", 8) &&
        strstr(url, "://")) {
        report_failure(d, j, PITH_ERR_FETCH,
                       "unsupported scheme: pith fetches http:// and "
                       "https:// URLs only");
        return;
    }
    char *origin = hosturl_origin(url);
    size_t h;
    if (!origin) {
        report_failure(d, j, PITH_ERR_ARG, "malformed URL");
        return;
    }
    if (hosts_get(&d->hosts, origin, &h) ||
        (front ? host_push_front(&d->hosts.v[h], i)
               : host_push_back(&d->hosts.v[h], i))) {
        report_failure(d, j, PITH_ERR_NOMEM, "out of memory");
        return;
    }
    j->host = h;
    if (d->hosts.v[h].delay_ms < d->delay_ms)
        d->hosts.v[h].delay_ms = d->delay_ms; /* a new host */
}

/* Adds j's next attempt to the multi handle; -1 when libcurl cannot. */
static int
add_transfer(struct driver *d, struct fetch_job *j)
{
    CURL *c = curl_easy_init();
    if (!c)
        return -1;
    fetch_job_start(d->ex, j, c, d->ex->share);
    if (curl_multi_add_handle(d->multi, c) != CURLM_OK) {
        curl_easy_cleanup(c);
        j->curl = NULL;
        return -1;
    }
    return 0;
}

/* Takes j's finished or abandoned transfer out of the multi handle. */
static void
drop_transfer(struct driver *d, struct fetch_job *j)
{
    if (!j->curl)
        return;
    curl_multi_remove_handle(d->multi, j->curl);
    curl_easy_cleanup(j->curl);
    j->curl = NULL;
}

/* ------------------------------------------------------------ starting */

/* Starts j's next attempt on host h; on failure j is reported. */
static void
start(struct driver *d, struct fetch_job *j, struct host *h, long long now)
{
    if (add_transfer(d, j)) {
        report_failure(d, j, PITH_ERR_INTERNAL, "libcurl could not start "
                       "a transfer");
        return;
    }
    h->active++;
    h->started = 1;
    h->last_start = now;
    d->running++;
}

/* Starts the fetch of h's robots.txt. */
static void
start_robots(struct driver *d, struct host *h, long long now)
{
    if (!h->robots_job) {
        size_t len = strlen(h->origin) + sizeof "/robots.txt";
        /* Zeroed, so hosts_free() can clear it even if never set up. */
        h->robots_job = calloc(1, sizeof *h->robots_job);
        h->robots_url = malloc(len);
        if (!h->robots_job || !h->robots_url) {
            /* Without memory for it, robots.txt counts as unreachable. */
            h->robots_state = ROBOTS_DONE;
            h->robots_error = strdup("out of memory");
            return;
        }
        snprintf(h->robots_url, len, "%s/robots.txt", h->origin);
        fetch_job_init(h->robots_job, h->robots_url, 0, 1);
        h->robots_job->host = (size_t)(h - d->hosts.v);
    }
    h->robots_state = ROBOTS_RUNNING;
    if (add_transfer(d, h->robots_job)) {
        h->robots_state = ROBOTS_DONE;
        h->robots_error = strdup("libcurl could not start a transfer");
        return;
    }
    h->active++;
    h->started = 1;
    h->last_start = now;
    d->running++;
}

/* Nonzero when robots.txt lets j go; otherwise j is reported. */
static int
robots_permit(struct driver *d, struct host *h, struct fetch_job *j)
{
    if (h->robots_error) {
        report_failure(d, j, PITH_ERR_FETCH, "not fetched: robots.txt "
                       "could not be read (%s)", h->robots_error);
        return 0;
    }
    char *path = hosturl_path_query(fetch_job_url(j));
    int ok = !path || robots_allows(&h->robots, path);
    free(path);
    if (!ok)
        report_failure(d, j, PITH_ERR_FETCH, "not fetched: robots.txt "
                       "disallows it");
    return ok;
}

/* Starts what h may start now; *wake becomes the earliest time at which
 * something of h's will be due, when that is in the future. */
static void
serve_host(struct driver *d, struct host *h, long long now, long long *wake)
{
    while (h->len && d->running < d->concurrency &&
           h->active < d->per_host && !d->stopped) {
        long long at = host_next_start(h);
        int need_robots = d->robots && h->robots_state != ROBOTS_DONE;
        if (need_robots && h->robots_state == ROBOTS_RUNNING)
            return;
        if (need_robots && h->robots_state == ROBOTS_RETRY &&
            h->robots_job->not_before > at)
            at = h->robots_job->not_before;
        struct fetch_job *j = &d->jobs[host_peek(h)];
        if (!need_robots && j->not_before > at)
            at = j->not_before;
        if (now < at) {
            if (at < *wake)
                *wake = at;
            return;
        }
        if (need_robots) {
            start_robots(d, h, now);
            continue;
        }
        host_pop(h);
        if (!d->robots || robots_permit(d, h, j))
            start(d, j, h, now);
    }
}

/* ------------------------------------------------------------ finishing */

/* A robots.txt fetch ended: its rules, or why there are none. */
static void
robots_finished(struct driver *d, struct host *h, enum fetch_next next)
{
    struct fetch_job *j = h->robots_job;
    if (next == FETCH_RETRY || next == FETCH_AGAIN) {
        h->robots_state = ROBOTS_RETRY; /* AGAIN: a redirect, at once */
        return;
    }
    h->robots_state = ROBOTS_DONE;
    long st = j->http_status;
    if (j->status == PITH_OK) {
        if (robots_parse(&h->robots, j->body.data, j->body.len, d->agent))
            h->robots_error = strdup("out of memory");
        if (h->robots.crawl_delay_ms > h->delay_ms)
            h->delay_ms = h->robots.crawl_delay_ms;
    } else if (j->status == PITH_ERR_HTTP && st >= 400 && st < 500 &&
               st != 429) {
        /* RFC 9309 2.3.1.3: no robots.txt, no restrictions. */
    } else {
        /* RFC 9309 2.3.1.4: unreachable means disallow everything. */
        h->robots_error = strdup(j->msg);
    }
    fetch_job_clear(j);
}

/* One finished transfer: retry it, follow its meta refresh, or report. */
static void
finished(struct driver *d, CURL *c, CURLcode rc)
{
    char *priv = NULL;
    curl_easy_getinfo(c, CURLINFO_PRIVATE, &priv);
    struct fetch_job *j = (struct fetch_job *)(void *)priv;
    d->running--;
    struct host *h = &d->hosts.v[j->host];
    h->active--;
    enum fetch_next next = fetch_job_finish(d->ex, j, rc, fetch_now_ms());
    drop_transfer(d, j);
    if (j->robots) {
        robots_finished(d, h, next);
        return;
    }
    size_t i = (size_t)(j - d->jobs);
    if (next == FETCH_RETRY && host_push_front(h, i))
        report_failure(d, j, PITH_ERR_NOMEM, "out of memory");
    else if (next == FETCH_AGAIN)
        enqueue(d, i, 1);
    else if (next == FETCH_DONE)
        report(d, j);
}

/* Handles every finished transfer; returns how many there were. */
static int
collect(struct driver *d)
{
    int n = 0, left;
    CURLMsg *m;
    while ((m = curl_multi_info_read(d->multi, &left))) {
        if (m->msg != CURLMSG_DONE)
            continue;
        finished(d, m->easy_handle, m->data.result);
        n++;
    }
    return n;
}

/* ------------------------------------------------------------ the run */

static void
run(struct driver *d)
{
    while (d->reported < d->n && !d->stopped) {
        long long now = fetch_now_ms(), wake = now + LOOP_MAX_SLEEP_MS;
        for (size_t h = 0; h < d->hosts.n && d->running < d->concurrency;
             h++)
            serve_host(d, &d->hosts.v[h], now, &wake);
        int still;
        if (curl_multi_perform(d->multi, &still) != CURLM_OK)
            break;
        if (collect(d) || d->reported >= d->n || d->stopped)
            continue; /* something may start at once */
        long long sleep = wake - fetch_now_ms();
        if (sleep < 0)
            sleep = 0;
        curl_multi_poll(d->multi, NULL, 0,
                        (int)(sleep < LOOP_MAX_SLEEP_MS ? sleep
                                                        : LOOP_MAX_SLEEP_MS),
                        NULL);
    }
}

/* Creates ex's multi and share handles on the first fetch; they stay so
 * that later fetches reuse connections, DNS answers and TLS sessions. */
pith_status
fetch_handles(pith_extractor *ex)
{
    if (!ex->share) {
        CURLSH *sh = curl_share_init();
        if (!sh)
            return extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
        curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
        curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
        curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
        ex->share = sh;
    }
    if (!ex->multi && !(ex->multi = curl_multi_init()))
        return extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
    return PITH_OK;
}

/* The first word of the User-Agent, up to a '/' or space: what a
 * robots.txt User-agent line names ("pith"). */
static void
agent_token(const pith_extractor *ex, char *out, size_t size)
{
    const char *ua = ex->opt.user_agent ? ex->opt.user_agent
                                        : PITH_USER_AGENT;
    size_t n = strcspn(ua, "/ \t");
    if (n >= size)
        n = size - 1;
    memcpy(out, ua, n);
    out[n] = '\0';
}

static pith_status
driver_init(struct driver *d, pith_extractor *ex, size_t n,
            const pith_many_options *opt)
{
    pith_many_options none = {0, 0, 0, 0, 0};
    if (!opt)
        opt = &none;
    memset(d, 0, sizeof *d);
    d->ex = ex;
    d->n = n;
    d->concurrency = opt->concurrency > 0 ? opt->concurrency
                                          : PITH_DEFAULT_CONCURRENCY;
    if (d->concurrency > PITH_MAX_CONCURRENCY)
        d->concurrency = PITH_MAX_CONCURRENCY;
    d->per_host = opt->per_host > 0 ? opt->per_host : PITH_DEFAULT_PER_HOST;
    if (d->per_host > d->concurrency)
        d->per_host = d->concurrency;
    d->delay_ms = opt->delay_ms > 0 ? opt->delay_ms : 0;
    d->robots = opt->robots != 0;
    agent_token(ex, d->agent, sizeof d->agent);
    pith_status st = fetch_global_init();
    if (st != PITH_OK)
        return extractor_fail(ex, st, "libcurl failed to initialize");
    if ((st = fetch_prepare(ex)) != PITH_OK ||
        (st = fetch_handles(ex)) != PITH_OK)
        return st;
    d->multi = ex->multi;
    curl_multi_setopt(d->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
                      (long)d->per_host);
    curl_multi_setopt(d->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                      (long)d->concurrency);
    curl_multi_setopt(d->multi, CURLMOPT_MAXCONNECTS, (long)d->concurrency);
    d->jobs = calloc(n ? n : 1, sizeof *d->jobs);
    if (!d->jobs)
        return extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
    return PITH_OK;
}

/* Stops what still runs and releases everything of the run. */
static void
driver_free(struct driver *d)
{
    for (size_t i = 0; d->jobs && i < d->n; i++) {
        drop_transfer(d, &d->jobs[i]);
        fetch_job_clear(&d->jobs[i]);
    }
    for (size_t i = 0; i < d->hosts.n; i++)
        if (d->hosts.v[i].robots_job)
            drop_transfer(d, d->hosts.v[i].robots_job);
    hosts_free(&d->hosts);
    free(d->jobs);
}

pith_status
fetch_many(pith_extractor *ex, const char *const *urls, size_t n,
           const pith_many_options *opt, fetch_done_fn done, void *userdata)
{
    struct driver d;
    pith_status st = driver_init(&d, ex, n, opt);
    if (st == PITH_OK) {
        d.done = done;
        d.userdata = userdata;
        for (size_t i = 0; i < n && !d.stopped; i++) {
            fetch_job_init(&d.jobs[i], urls[i], i, 0);
            enqueue(&d, i, 0);
        }
        run(&d);
        if (d.reported < d.n && !d.stopped)
            st = extractor_fail(ex, PITH_ERR_INTERNAL,
                                "libcurl's transfer loop failed");
    }
    driver_free(&d);
    return st;
}
