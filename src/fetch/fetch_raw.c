/*
 * pith_fetch_raw(): one URL fetched as pith_extract_url() fetches it, with
 * the response kept as it came instead of extracted.  The attempts are
 * fetch.c's (fetch_job_start and fetch_job_finish: redirects, retries and
 * their waits, a meta refresh, deny_private, the byte cap); this file runs
 * them one blocking transfer at a time, since one URL needs no scheduling,
 * and taps the header callback to keep each response's URL, status and
 * header lines.  The response and what it points to live in one arena,
 * except the body, handed over from the job's buffer as it is.
 */
#include "fetch/fetch.h"

#include "internal.h"
#include "limits.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Responses kept: one attempt's redirects and answer, twice over, since a
 * meta refresh starts a second chain. */
#define TAP_MAX_RESPONSES (2 * FETCH_MAX_HOPS)

/* A response seen: the URL that answered, its status, and its header
 * lines as received (without the status line). */
struct seen {
    char *url;
    int status;
    int refresh; /* its meta refresh was followed */
    struct buf lines;
};

struct tap {
    struct fetch_job job;
    struct seen seen[TAP_MAX_RESPONSES];
    int n;       /* responses kept */
    int attempt; /* the running attempt's first response */
    int keep;    /* header lines go to seen[n - 1]; not in a 1xx */
    int nomem;
    int too_big; /* a response's headers passed PITH_MAX_HEADER_BYTES */
};

struct response {
    pith_response pub;
    struct arena arena;
    char *body; /* malloc'd */
};

/* ------------------------------------------------------------ the tap */

/* The status of a status line ("HTTP/1.1 302 Found"), or -1. */
static int
status_of(const char *line, size_t len)
{
    if (len < 12 || strncmp(line, "HTTP/", 5))
        return -1;
    const char *sp = memchr(line, ' ', len);
    if (!sp || line + len - sp < 4)
        return -1;
    int status = 0;
    for (int i = 1; i <= 3; i++) {
        if (sp[i] < '0' || sp[i] > '9')
            return -1;
        status = status * 10 + (sp[i] - '0');
    }
    return status;
}

/* A status line starts a response.  1xx interim answers come before the
 * real answer of the same URL and are neither kept nor hops. */
static void
tap_status(struct tap *t, int status)
{
    t->keep = 0;
    if (status < 200 || t->n == TAP_MAX_RESPONSES)
        return;
    char *u = NULL;
    curl_easy_getinfo(t->job.curl, CURLINFO_EFFECTIVE_URL, &u);
    struct seen *s = &t->seen[t->n++];
    s->url = strdup(u ? u : fetch_job_url(&t->job));
    s->status = status;
    s->refresh = 0;
    buf_init(&s->lines, PITH_MAX_HEADER_BYTES);
    t->nomem |= !s->url;
    t->keep = 1;
}

/* libcurl's header callback: keeps the line, then hands it to fetch.c's,
 * which watches for redirect loops and drops a redirect's body. */
static size_t
tap_header(char *data, size_t size, size_t n, void *userdata)
{
    struct tap *t = userdata;
    size_t len = size * n;
    int status = status_of(data, len);
    if (status >= 0) {
        tap_status(t, status);
    } else if (t->keep) {
        struct buf *b = &t->seen[t->n - 1].lines;
        if (buf_append(b, data, len)) {
            t->too_big |= len > b->max - b->len;
            t->nomem |= len <= b->max - b->len;
            t->keep = 0;
        }
    }
    return fetch_on_header(data, size, n, &t->job);
}

static void
tap_drop_attempt(struct tap *t)
{
    while (t->n > t->attempt) {
        struct seen *s = &t->seen[--t->n];
        free(s->url);
        buf_free(&s->lines);
    }
}

static void
tap_clear(struct tap *t)
{
    t->attempt = 0;
    tap_drop_attempt(t);
    fetch_job_clear(&t->job);
}

/* ------------------------------------------------------------ fetching */

static void
sleep_until(long long when)
{
    long long now;
    while ((now = fetch_now_ms()) < when) {
        long long ms = when - now;
        struct timespec ts = {(time_t)(ms / 1000),
                              (long)(ms % 1000) * 1000000L};
        nanosleep(&ts, NULL);
    }
}

/* Runs t's attempts until the fetch is done: a retry drops what its
 * failed attempt saw and waits; a meta refresh keeps the page that asked
 * for it as a hop. */
static pith_status
run(pith_extractor *ex, struct tap *t)
{
    struct fetch_job *j = &t->job;
    for (;;) {
        CURL *c = curl_easy_init();
        if (!c)
            return extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
        t->attempt = t->n;
        t->keep = 0;
        fetch_job_start(ex, j, c, ex->share);
        curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, tap_header);
        curl_easy_setopt(c, CURLOPT_HEADERDATA, t);
        /* A proxy's answer to CONNECT is not one of the site's. */
        curl_easy_setopt(c, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
        CURLcode rc = curl_easy_perform(c);
        enum fetch_next next = fetch_job_finish(ex, j, rc, fetch_now_ms());
        curl_easy_cleanup(c);
        j->curl = NULL;
        if (t->nomem)
            return extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
        if (t->too_big)
            return extractor_fail(ex, PITH_ERR_TOO_BIG, "the headers of a "
                                  "response are over the %u-byte limit",
                                  PITH_MAX_HEADER_BYTES);
        if (next == FETCH_DONE)
            break;
        if (next == FETCH_RETRY) {
            tap_drop_attempt(t);
            sleep_until(j->not_before);
        } else if (t->n > t->attempt && !j->redirecting) {
            t->seen[t->n - 1].refresh = 1;
        }
    }
    ex->http_status = (int)j->http_status;
    if (j->status != PITH_OK)
        return extractor_fail(ex, j->status, "%s", j->msg);
    return PITH_OK;
}

/* ------------------------------------------------------------ the result */

static const char *
dup_n(struct response *r, const char *s, size_t n)
{
    return arena_strndup(&r->arena, s, n);
}

static const char *
dup_or_null(struct response *r, const char *s)
{
    return s ? dup_n(r, s, strlen(s)) : NULL;
}

static const char *
trim(const char **end, const char *p)
{
    while (p < *end && (*p == ' ' || *p == '\t'))
        p++;
    while (*end > p && ((*end)[-1] == ' ' || (*end)[-1] == '\t'))
        (*end)--;
    return p;
}

/* One header line into h[*n]; a line starting with white space continues
 * the previous value (obsolete line folding).  -1 when out of memory. */
static int
add_header(struct response *r, pith_header *h, size_t *n, const char *p,
           const char *e)
{
    if ((*p == ' ' || *p == '\t') && *n) {
        const char *v = trim(&e, p);
        pith_header *last = &h[*n - 1];
        size_t old = strlen(last->value), add = (size_t)(e - v);
        char *joined = arena_alloc(&r->arena, old + add + 2);
        if (!joined)
            return -1;
        memcpy(joined, last->value, old);
        joined[old] = ' ';
        memcpy(joined + old + 1, v, add);
        joined[old + 1 + add] = '\0';
        last->value = joined;
        return 0;
    }
    const char *colon = memchr(p, ':', (size_t)(e - p));
    if (!colon || colon == p)
        return 0; /* not a header: nothing to keep */
    const char *v = trim(&e, colon + 1);
    h[*n].name = dup_n(r, p, (size_t)(colon - p));
    h[*n].value = dup_n(r, v, (size_t)(e - v));
    if (!h[*n].name || !h[*n].value)
        return -1;
    ++*n;
    return 0;
}

/* The header lines of s into r's table. */
static int
set_headers(struct response *r, const struct seen *s)
{
    const char *p = s->lines.data, *end = p + s->lines.len;
    size_t cap = 1;
    for (const char *q = p; q < end; q++)
        cap += *q == '\n';
    pith_header *h = arena_calloc(&r->arena, cap, sizeof *h);
    if (!h)
        return -1;
    size_t n = 0;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *next = eol ? eol + 1 : end, *e = eol ? eol : end;
        if (e > p && e[-1] == '\r')
            e--;
        if (e > p && add_header(r, h, &n, p, e))
            return -1;
        p = next;
    }
    r->pub.headers = h;
    r->pub.nheaders = n;
    return 0;
}

static int
set_hops(struct response *r, const struct tap *t)
{
    size_t n = t->n > 0 ? (size_t)t->n - 1 : 0;
    pith_hop *h = arena_calloc(&r->arena, n ? n : 1, sizeof *h);
    if (!h)
        return -1;
    for (size_t i = 0; i < n; i++) {
        h[i].url = dup_or_null(r, t->seen[i].url);
        h[i].status = t->seen[i].status;
        h[i].refresh = t->seen[i].refresh;
        if (!h[i].url)
            return -1;
    }
    r->pub.hops = h;
    r->pub.nhops = n;
    return 0;
}

/* What t fetched, as a new response in *out. */
static pith_status
build(pith_extractor *ex, struct tap *t, pith_response **out)
{
    struct fetch_job *j = &t->job;
    struct arena a;
    arena_init(&a);
    struct response *r = arena_calloc(&a, 1, sizeof *r);
    if (!r) {
        arena_free(&a);
        return extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
    }
    r->arena = a; /* from here on, allocate through r->arena */
    r->pub.url = dup_or_null(r, j->url);
    r->pub.final_url = dup_or_null(r, j->final_url ? j->final_url
                                                   : fetch_job_url(j));
    r->pub.status = (int)j->http_status;
    r->pub.content_type = dup_or_null(r, j->content_type);
    int bad = !r->pub.url || !r->pub.final_url ||
              (j->content_type && !r->pub.content_type) ||
              set_hops(r, t) ||
              (t->n > 0 && set_headers(r, &t->seen[t->n - 1]));
    r->body = buf_detach(&j->body, &r->pub.body_len);
    r->pub.body = r->body;
    if (bad || !r->body) {
        pith_response_free(&r->pub);
        return extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
    }
    *out = &r->pub;
    return PITH_OK;
}

/* ------------------------------------------------------------ the API */

pith_status
pith_fetch_raw(pith_extractor *ex, const char *url, pith_response **out)
{
    if (out)
        *out = NULL;
    if (!ex || !url || !out)
        return PITH_ERR_ARG;
    ex->errmsg[0] = '\0';
    ex->http_status = 0;
    pith_status st = fetch_global_init();
    if (st != PITH_OK)
        return extractor_fail(ex, st, "libcurl failed to initialize");
    if ((st = fetch_prepare(ex)) != PITH_OK ||
        (st = fetch_handles(ex)) != PITH_OK)
        return st;
    struct tap *t = calloc(1, sizeof *t);
    if (!t)
        return extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
    fetch_job_init(&t->job, url, 0, 0);
    st = run(ex, t);
    if (st == PITH_OK)
        st = build(ex, t, out);
    tap_clear(t);
    free(t);
    return st;
}

void
pith_response_free(pith_response *res)
{
    if (!res)
        return;
    struct response *r = (struct response *)res;
    free(r->body);
    struct arena a = r->arena;
    arena_free(&a); /* r itself lives in its arena */
}
