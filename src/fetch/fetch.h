/*
 * One URL's fetch with libcurl, attempt by attempt.  fetch_job_start()
 * sets up an easy handle for the next attempt; once the transfer driver
 * (fetch_multi.c) has run it, fetch_job_finish() reads the outcome and
 * says what comes next: done, a retry after a wait (backoff with jitter,
 * or the server's Retry-After), or a new URL at once (a meta refresh).
 *
 * A job follows up to PITH_MAX_REDIRECTS redirects, one attempt each (not
 * libcurl: it would send -H headers to every host and a Referer across
 * hosts).  Each attempt asks for gzip and deflate and inflates the body
 * itself (fetch/inflate.h), not libcurl, which takes a gzip stream cut
 * short for a whole one: such a body fails as input, not as partial
 * text.  The body is capped as it arrives and again as it inflates (a
 * gzip bomb stops at the cap).  With deny_private, every socket's
 * address is checked before connecting (netguard.h).  The job owns its
 * strings and body; fetch_job_clear() releases them.
 */
#ifndef PITH_FETCH_H
#define PITH_FETCH_H

#include "buf.h"
#include "fetch/inflate.h"
#include "limits.h"
#include "pith.h"

#include <curl/curl.h>
#include <stddef.h>
#include <stdint.h>

enum fetch_next {
    FETCH_DONE,  /* finished: status and msg say how */
    FETCH_RETRY, /* try again, not before not_before */
    FETCH_AGAIN  /* a redirect or a meta refresh: fetch url_now next, at
                    once */
};

/* Responses one attempt can see: the redirects and the last answer. */
#define FETCH_MAX_HOPS (PITH_MAX_REDIRECTS + 2)

/* Bytes of a failure message. */
#define FETCH_MSG_BYTES 512

struct fetch_job {
    const char *url;      /* as given; not owned */
    char *url_now;        /* malloc'd after a meta refresh, else NULL */
    size_t index;         /* the URL's position in the caller's list */
    size_t host;          /* the driver's host table index */
    int robots;           /* nonzero: this fetches a host's robots.txt */
    int attempts;         /* attempts made at the current URL */
    int refreshed;        /* a meta refresh has been followed */
    int redirects;        /* redirects followed (pith follows them itself,
                             so that -H headers stay with the first host
                             and no Referer crosses hosts) */
    int redirecting;      /* FETCH_AGAIN came from a redirect, not a
                             meta refresh */
    int off_host;         /* url_now is on another host than url */
    char *referer;        /* malloc'd: the URL that redirected to url_now
                             on the same host, else NULL */
    long long not_before; /* monotonic ms: when the next attempt may start */

    /* The running attempt. */
    CURL *curl;
    struct buf body;      /* the body of the last response, inflated
                             once it is whole */
    int over_cap;         /* the body passed its cap */
    int encoded;          /* the response's Content-Encoding: 0 none, 1 one
                             pith inflates (coding), -1 another */
    enum inflate_coding coding;
    char unknown_coding[32]; /* with encoded -1: its name, for the message */
    uint64_t hops[FETCH_MAX_HOPS]; /* hashes of the URLs answered */
    int nhops;
    char refused[160];    /* why deny_private refused an address */
    char errbuf[CURL_ERROR_SIZE];

    /* The outcome. */
    pith_status status;
    long http_status;
    char *content_type;   /* malloc'd or NULL */
    char *final_url;      /* malloc'd or NULL */
    char msg[FETCH_MSG_BYTES];
};

/* Readies j to fetch url (not copied: it must outlive j). */
void fetch_job_init(struct fetch_job *j, const char *url, size_t index,
                    int robots);

/* The URL the next attempt asks for. */
const char *fetch_job_url(const struct fetch_job *j);

/* Checks and builds what every fetch of ex shares (the header list, the
 * cookie file); call once before the first fetch_job_start(). */
pith_status fetch_prepare(pith_extractor *ex);

/* Sets c (a new easy handle) up for j's next attempt, sharing cookies,
 * DNS and TLS sessions through share (may be NULL). */
void fetch_job_start(pith_extractor *ex, struct fetch_job *j, CURL *c,
                     CURLSH *share);

/* Reads the outcome of the attempt that ended with rc; now is the
 * monotonic time in ms.  On FETCH_DONE, status says how it went and, on
 * PITH_OK, body, content_type and final_url hold the page. */
enum fetch_next fetch_job_finish(pith_extractor *ex, struct fetch_job *j,
                                 CURLcode rc, long long now);

/* The header callback fetch_job_start() installs (userdata: the job).  A
 * caller that wants the header lines too (fetch_raw.c) installs its own
 * and passes each line on to this one. */
size_t fetch_on_header(char *data, size_t size, size_t n, void *userdata);

/* Creates ex's multi and share handles on its first fetch (they stay, so
 * later fetches reuse connections, DNS answers, cookies and TLS sessions);
 * fetch_multi.c. */
pith_status fetch_handles(pith_extractor *ex);

/* What fetch_many() hands over for each URL, once, as it completes: on
 * FETCH_DONE's PITH_OK, j's body, content_type and final_url hold the
 * page; else status and msg say why not.  j is valid during the call.
 * Returns 0 to go on, nonzero to stop (the URLs not yet reported are
 * then dropped). */
typedef int (*fetch_done_fn)(struct fetch_job *j, void *userdata);

/* Fetches urls[0..n-1] on libcurl's multi interface with the politeness
 * of opt (pith.h, pith_fetch_many; its fetch_only is not read here) and
 * calls done once per URL.  Returns as pith_fetch_many() does. */
pith_status fetch_many(pith_extractor *ex, const char *const *urls, size_t n,
                       const pith_many_options *opt, fetch_done_fn done,
                       void *userdata);

/* libcurl's process-wide setup, once; harmless to call again. */
pith_status fetch_global_init(void);
void fetch_global_cleanup(void);

/* Releases the fetching state of ex (its handles and header list). */
void fetch_release(pith_extractor *ex);

/* Releases what j owns; j can then be dropped or initialized again. */
void fetch_job_clear(struct fetch_job *j);

/* Monotonic milliseconds. */
long long fetch_now_ms(void);

#endif
