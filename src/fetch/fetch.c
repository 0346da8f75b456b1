/*
 * One URL's fetch, attempt by attempt; see fetch.h.  Also libcurl's
 * setup and the release of the fetching state an extractor holds.
 */
#include "fetch/fetch.h"

#include "internal.h"
#include "fetch/netguard.h"
#include "fetch/refresh.h"
#include "fetch/hosturl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int global_ready;

pith_status
fetch_global_init(void)
{
    if (global_ready)
        return PITH_OK;
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return PITH_ERR_INTERNAL;
    global_ready = 1;
    return PITH_OK;
}

void
fetch_global_cleanup(void)
{
    if (global_ready)
        curl_global_cleanup();
    global_ready = 0;
}

void
fetch_release(pith_extractor *ex)
{
    curl_multi_cleanup(ex->multi);
    curl_share_cleanup(ex->share);
    curl_slist_free_all(ex->headers);
    ex->multi = ex->share = ex->headers = NULL;
    ex->prepared = 0;
}

long long
fetch_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ------------------------------------------------------------ setup */

pith_status
fetch_prepare(pith_extractor *ex)
{
    if (ex->prepared)
        return PITH_OK;
    const pith_options *o = &ex->opt;
    /* A line break in a header's value would inject header lines. */
    if (o->user_agent && strpbrk(o->user_agent, "\r\n"))
        return extractor_fail(ex, PITH_ERR_ARG,
                              "the user agent holds a line break");
    for (size_t i = 0; i < o->nheaders; i++) {
        struct curl_slist *l = curl_slist_append(ex->headers, o->headers[i]);
        if (!l)
            return extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
        ex->headers = l;
    }
    /* libcurl silently skips a cookie file it cannot read (a directory
     * too); a user who named one wants to hear about it. */
    if (o->cookie_file) {
        FILE *f = fopen(o->cookie_file, "r");
        struct stat st;
        int dir = f && !fstat(fileno(f), &st) && S_ISDIR(st.st_mode);
        if (f)
            fclose(f);
        if (!f || dir)
            return extractor_fail(ex, PITH_ERR_INPUT,
                                  "cannot read the cookie file %s%s",
                                  o->cookie_file,
                                  dir ? ": it is a directory" : "");
    }
    ex->prepared = 1;
    return PITH_OK;
}

void
fetch_job_init(struct fetch_job *j, const char *url, size_t index,
               int robots)
{
    memset(j, 0, sizeof *j);
    j->url = url;
    j->index = index;
    j->robots = robots;
    buf_init(&j->body, 0);
}

const char *
fetch_job_url(const struct fetch_job *j)
{
    return j->url_now ? j->url_now : j->url;
}

void
fetch_job_clear(struct fetch_job *j)
{
    buf_free(&j->body);
    free(j->url_now);
    free(j->content_type);
    free(j->final_url);
    free(j->referer);
    j->url_now = j->content_type = j->final_url = j->referer = NULL;
}

/* The decoded body grows in a buf whose maximum is the cap: the write
 * fails, and curl stops, as soon as the body would pass it. */
static size_t
on_body(char *data, size_t size, size_t n, void *userdata)
{
    struct fetch_job *j = userdata;
    size_t len = size * n;
    if (buf_append(&j->body, data, len) == 0)
        return len;
    j->over_cap = len > j->body.max - j->body.len;
    return 0; /* CURLE_WRITE_ERROR: over the cap or out of memory */
}

/* FNV-1a: hop URLs are compared, never shown, so a hash is enough. */
static uint64_t
hash_str(const char *s)
{
    uint64_t h = 14695981039346656037ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* A Content-Encoding header's value: the coding to undo once the body is
 * whole.  A second coding on top of the first (another header line) is
 * one pith does not undo. */
static void
note_coding(struct fetch_job *j, const char *value, size_t len)
{
    enum inflate_coding coding;
    int known = inflate_coding_of(value, len, &coding);
    if (known == 1)
        return; /* identity: nothing to undo */
    if (known == 0 && !j->encoded) {
        j->encoded = 1;
        j->coding = coding;
        return;
    }
    while (len && (*value == ' ' || *value == '\t'))
        value++, len--;
    size_t l = strcspn(value, "\r\n");
    if (l > len)
        l = len;
    if (l >= sizeof j->unknown_coding)
        l = sizeof j->unknown_coding - 1;
    if (j->encoded == 1) /* stacked: name them both */
        snprintf(j->unknown_coding, sizeof j->unknown_coding, "%s, %.*s",
                 j->coding == INFLATE_GZIP ? "gzip" : "deflate", (int)l,
                 value);
    else if (!j->encoded)
        snprintf(j->unknown_coding, sizeof j->unknown_coding, "%.*s",
                 (int)l, value);
    j->encoded = -1;
}

/* Called for each header line of each response, redirects included.  A
 * status line starts a response: the body of an earlier one is dropped
 * and the URL that answered is noted, for telling a redirect loop from a
 * long chain.  1xx interim responses come before the real answer of the
 * same URL and are not hops. */
size_t
fetch_on_header(char *data, size_t size, size_t n, void *userdata)
{
    struct fetch_job *j = userdata;
    size_t len = size * n;
    if (len > 17 && !strncasecmp(data, "Content-Encoding:", 17)) {
        note_coding(j, data + 17, len - 17);
        return len;
    }
    if (len < 12 || strncmp(data, "HTTP/", 5))
        return len;
    const char *sp = memchr(data, ' ', len);
    if (!sp || sp + 1 >= data + len || sp[1] == '1')
        return len;
    buf_reset(&j->body);
    j->encoded = 0;
    char *u = NULL;
    if (j->nhops < FETCH_MAX_HOPS &&
        curl_easy_getinfo(j->curl, CURLINFO_EFFECTIVE_URL, &u) == CURLE_OK &&
        u)
        j->hops[j->nhops++] = hash_str(u);
    return len;
}

/* libcurl asks here for every socket it connects: with deny_private, the
 * address, known only after DNS, is checked before any packet is sent. */
static curl_socket_t
open_socket(void *userdata, curlsocktype purpose, struct curl_sockaddr *a)
{
    struct fetch_job *j = userdata;
    const char *why = netguard_refusal(&a->addr);
    if (why) {
        if (!j->refused[0]) {
            char ip[64];
            netguard_address_text(&a->addr, ip, sizeof ip);
            snprintf(j->refused, sizeof j->refused, "refused: %s is %s", ip,
                     why);
        }
        return CURL_SOCKET_BAD;
    }
    return socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
}

static void
set_limits(pith_extractor *ex, struct fetch_job *j, CURL *c)
{
    const pith_options *o = &ex->opt;
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS,
                     o->timeout_ms > 0 ? o->timeout_ms
                                       : PITH_DEFAULT_TIMEOUT_MS);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                     o->connect_timeout_ms > 0
                         ? o->connect_timeout_ms
                         : PITH_DEFAULT_CONNECT_TIMEOUT_MS);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L); /* see follow() */
    /* robots.txt past its cap is read as far as it goes (RFC 9309), so
     * only pages are refused on a large Content-Length.  That early check
     * and on_body see the compressed size; the inflated one is checked
     * as it inflates (inflate_body). */
    buf_init(&j->body, j->robots ? PITH_ROBOTS_MAX_BYTES
                                 : extractor_max_bytes(ex));
    if (!j->robots)
        curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
                         (curl_off_t)extractor_max_bytes(ex));
}

void
fetch_job_start(pith_extractor *ex, struct fetch_job *j, CURL *c,
                CURLSH *share)
{
    const pith_options *o = &ex->opt;
    j->curl = c;
    buf_free(&j->body);
    j->over_cap = 0;
    j->encoded = 0;
    if (!j->redirects)
        j->nhops = 0; /* a redirect's hops are the chain's, for loops */
    j->refused[0] = j->errbuf[0] = '\0';
    j->attempts++;
    curl_easy_setopt(c, CURLOPT_URL, fetch_job_url(j));
    curl_easy_setopt(c, CURLOPT_PRIVATE, j);
    set_limits(ex, j, c);
    /* The codings pith inflates itself (see fetch.h); libcurl only
     * sends the header, which a -H Accept-Encoding replaces. */
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
    curl_easy_setopt(c, CURLOPT_HTTP_CONTENT_DECODING, 0L);
    curl_easy_setopt(c, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
    curl_easy_setopt(c, CURLOPT_USERAGENT,
                     o->user_agent ? o->user_agent : PITH_USER_AGENT);
    /* -H headers (an API key, a token) are for the host the user named;
     * a redirect elsewhere gets none, and no Referer. */
    curl_easy_setopt(c, CURLOPT_HTTPHEADER,
                     j->off_host ? NULL : ex->headers);
    curl_easy_setopt(c, CURLOPT_REFERER, j->referer);
    /* "" turns the cookie engine on with no file: a site that sets a
     * cookie and redirects back (a common consent check) works. */
    curl_easy_setopt(c, CURLOPT_COOKIEFILE,
                     o->cookie_file ? o->cookie_file : "");
    if (share)
        curl_easy_setopt(c, CURLOPT_SHARE, share);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, j);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, fetch_on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, j);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, j->errbuf);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    /* Never file://: a URL list (or a page's refresh) must not read the
     * machine's own files; pith reads those as files. */
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    if (o->insecure) {
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (o->deny_private) {
        curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, open_socket);
        curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, j);
        curl_easy_setopt(c, CURLOPT_PROXY, ""); /* see pith.h */
    }
}

/* ------------------------------------------------------------ outcome */

/* Replaces *dst with a copy of src (NULL stays NULL). */
static void
set_str(char **dst, const char *src)
{
    free(*dst);
    *dst = src ? strdup(src) : NULL;
}

/* Appends printf-style text to j's message, as far as it fits. */
static void __attribute__((format(printf, 2, 3)))
msg_add(struct fetch_job *j, const char *fmt, ...)
{
    size_t used = strlen(j->msg);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(j->msg + used, sizeof j->msg - used, fmt, ap);
    va_end(ap);
}

/* Connection failures worth another try: the server refused, dropped or
 * reset the connection, which restarts and overloads cause.  Not DNS
 * (a missing name stays missing), TLS (a bad certificate stays bad) or
 * timeouts (a server that took the whole timeout would take it again,
 * multiplying the wait). */
static int
transient_error(CURLcode rc)
{
    switch (rc) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return 1;
    default:
        return 0;
    }
}

/* The statuses libcurl followed (with a Location). */
static int
is_redirect(long status)
{
    return status == 301 || status == 302 || status == 303 ||
           status == 307 || status == 308;
}

/* 408 and 429 ask the client to come back; 5xx are server trouble, except
 * 501 and 505, which say the request itself will never work. */
static int
transient_status(long status)
{
    return status == 408 || status == 429 ||
           (status >= 500 && status <= 599 && status != 501 &&
            status != 505);
}

/* xorshift64: jitter needs no quality, only to differ between clients. */
static unsigned long long
next_random(pith_extractor *ex)
{
    if (!ex->rng)
        ex->rng = ((unsigned long long)fetch_now_ms() << 20 ^
                   (unsigned long long)getpid() ^ (uintptr_t)ex) | 1;
    ex->rng ^= ex->rng << 13;
    ex->rng ^= ex->rng >> 7;
    ex->rng ^= ex->rng << 17;
    return ex->rng;
}

/* The wait before retry number `attempt` (1 for the first): the base
 * delay doubled each time, capped, then "equal jitter": half of it fixed,
 * half random, so the wait still grows but clients spread out. */
static long
backoff_ms(pith_extractor *ex, int attempt)
{
    long w = ex->opt.retry_delay_ms > 0 ? ex->opt.retry_delay_ms
                                        : PITH_DEFAULT_RETRY_DELAY_MS;
    for (int i = 1; i < attempt && w < PITH_MAX_RETRY_WAIT_MS; i++)
        w *= 2;
    if (w > PITH_MAX_RETRY_WAIT_MS)
        w = PITH_MAX_RETRY_WAIT_MS;
    return w / 2 + (long)(next_random(ex) % (unsigned long long)(w / 2 + 1));
}

static int
max_retries(const pith_extractor *ex)
{
    int r = ex->opt.retries;
    if (r < 0)
        return 0;
    if (r == 0)
        return PITH_DEFAULT_RETRIES;
    return r > PITH_MAX_RETRIES ? PITH_MAX_RETRIES : r;
}

/* A redirect loop is a URL that answered twice; otherwise the chain was
 * only too long. */
static void
redirect_failure(struct fetch_job *j)
{
    int loop = 0;
    for (int i = 0; i + 1 < j->nhops && !loop; i++)
        for (int k = i + 1; k < j->nhops && !loop; k++)
            loop = j->hops[i] == j->hops[k];
    if (loop)
        msg_add(j, "redirect loop: the redirects keep coming back to %s",
                j->final_url ? j->final_url : fetch_job_url(j));
    else
        msg_add(j, "too many redirects (more than %ld)",
                PITH_MAX_REDIRECTS);
}

/* A redirect to loc (absolute, as libcurl resolved it): the next attempt
 * asks for it, up to PITH_MAX_REDIRECTS and over http(s) only. */
static enum fetch_next
follow(struct fetch_job *j, const char *loc)
{
    j->msg[0] = '\0';
    buf_free(&j->body);
    if (j->redirects >= PITH_MAX_REDIRECTS) {
        j->status = PITH_ERR_FETCH;
        redirect_failure(j);
        return FETCH_DONE;
    }
    if (strncasecmp(loc, "http://", 7) && strncasecmp(loc, "https://", 8)) {
        j->status = PITH_ERR_FETCH;
        msg_add(j, "redirected to a URL pith does not fetch (http and "
                "https only): %.200s", loc);
        return FETCH_DONE;
    }
    char *next = strdup(loc);
    const char *from = j->final_url ? j->final_url : fetch_job_url(j);
    char *referer = hosturl_same_host(loc, from) ? strdup(from) : NULL;
    if (!next) {
        free(referer);
        j->status = PITH_ERR_NOMEM;
        msg_add(j, "out of memory");
        return FETCH_DONE;
    }
    j->off_host = !hosturl_same_host(next, j->url);
    free(j->referer);
    j->referer = referer;
    free(j->url_now);
    j->url_now = next;
    j->redirects++;
    j->redirecting = 1;
    j->attempts = 0;
    return FETCH_AGAIN;
}

/* A page that arrived: follows its meta refresh once, to the same host
 * and over http(s) only, so a page cannot send pith to a file or to
 * another site. */
static enum fetch_next
page_arrived(struct fetch_job *j)
{
    char target[PITH_MAX_URL_BYTES];
    long delay;
    if (j->robots || j->refreshed ||
        refresh_find(j->body.data, j->body.len, &delay, target,
                     sizeof target) ||
        delay > PITH_META_REFRESH_MAX_DELAY_S || !j->final_url)
        return FETCH_DONE;
    char *next = hosturl_resolve(j->final_url, target);
    if (next && strcmp(next, j->final_url) &&
        (!strncmp(next, "http://", 7) || !strncmp(next, "https://", 8)) &&
        hosturl_same_host(next, j->final_url)) {
        free(j->url_now);
        j->url_now = next;
        j->off_host = !hosturl_same_host(next, j->url);
        j->refreshed = 1;
        j->redirecting = 0;
        j->attempts = 0;
        buf_free(&j->body);
        return FETCH_AGAIN;
    }
    free(next);
    return FETCH_DONE;
}

/* Whether and when to try again; a wait of -1 means not at all. */
static long
retry_wait(pith_extractor *ex, struct fetch_job *j, int transient)
{
    if (!transient || j->attempts > max_retries(ex))
        return -1;
    curl_off_t after = 0;
    curl_easy_getinfo(j->curl, CURLINFO_RETRY_AFTER, &after);
    if (after <= 0)
        return backoff_ms(ex, j->attempts);
    if (after > PITH_MAX_RETRY_WAIT_MS / 1000) {
        msg_add(j, " (Retry-After asks for %lld s, over the %ld s limit)",
                (long long)after, PITH_MAX_RETRY_WAIT_MS / 1000);
        return -1;
    }
    return (long)after * 1000;
}

/* Classifies a failed attempt into j->status and j->msg; returns nonzero
 * when the failure is worth another try. */
static int
classify_failure(pith_extractor *ex, struct fetch_job *j, CURLcode rc)
{
    j->msg[0] = '\0';
    if (j->refused[0]) {
        j->status = PITH_ERR_FETCH;
        msg_add(j, "%s", j->refused);
        return 0;
    }
    if (rc == CURLE_WRITE_ERROR && buf_failed(&j->body) && !j->over_cap) {
        j->status = PITH_ERR_NOMEM;
        msg_add(j, "out of memory");
        return 0;
    }
    if (j->over_cap || rc == CURLE_FILESIZE_EXCEEDED) {
        j->status = PITH_ERR_TOO_BIG;
        msg_add(j, "body is over the %zu-byte limit",
                extractor_max_bytes(ex));
        return 0;
    }
    j->status = rc == CURLE_OK ? PITH_ERR_HTTP : PITH_ERR_FETCH;
    if (rc == CURLE_TOO_MANY_REDIRECTS)
        redirect_failure(j);
    else if (rc == CURLE_OUT_OF_MEMORY)
        /* What libcurl reports for a header line over its 100 KiB limit
         * (a real lack of memory is far less likely). */
        msg_add(j, "the server sent a header line over libcurl's 100 KiB "
                "limit (or memory ran out)");
    else if (rc != CURLE_OK)
        msg_add(j, "%s", j->errbuf[0] ? j->errbuf : curl_easy_strerror(rc));
    else
        msg_add(j, "HTTP status %ld", j->http_status);
    if (j->final_url && strcmp(j->final_url, j->url) &&
        rc != CURLE_TOO_MANY_REDIRECTS)
        msg_add(j, " at %s", j->final_url);
    return rc == CURLE_OK ? transient_status(j->http_status)
                          : transient_error(rc);
}

/* Undoes the Content-Encoding of a body that arrived whole.  0, or -1
 * with j's status and msg set.  robots.txt keeps what inflates up to its
 * cap, from a body cut at the cap too (RFC 9309). */
static int
inflate_job_body(pith_extractor *ex, struct fetch_job *j)
{
    j->msg[0] = '\0';
    if (j->encoded < 0) {
        j->status = PITH_ERR_NOT_HTML;
        msg_add(j, "unsupported Content-Encoding: %s", j->unknown_coding);
    } else {
        if (!j->body.len)
            return 0; /* nothing sent (a HEAD-like answer): nothing to undo */
        char *out;
        size_t n;
        enum inflate_rc rc = inflate_body(j->body.data, j->body.len,
                                          j->coding, j->body.max, &out, &n);
        if (rc == INFLATE_OK || (j->robots && (rc == INFLATE_TRUNCATED ||
                                               rc == INFLATE_TOO_BIG))) {
            free(j->body.data);
            j->body.data = out;
            j->body.len = n;
            j->body.cap = n + 1;
            return 0;
        }
        free(out);
        const char *name = j->coding == INFLATE_GZIP ? "gzip" : "deflate";
        j->status = rc == INFLATE_TOO_BIG ? PITH_ERR_TOO_BIG
                    : rc == INFLATE_NOMEM ? PITH_ERR_NOMEM
                                          : PITH_ERR_INPUT;
        if (rc == INFLATE_TRUNCATED)
            /* What a cut .html.gz says too (src/cli/run.c). */
            msg_add(j, "truncated %s: the body ends inside its compressed "
                    "data", name);
        else if (rc == INFLATE_TOO_BIG)
            msg_add(j, "body is over the %zu-byte limit once inflated",
                    extractor_max_bytes(ex));
        else if (rc == INFLATE_CORRUPT)
            msg_add(j, "corrupt %s body: it does not inflate", name);
        else
            msg_add(j, "out of memory");
    }
    if (j->final_url && strcmp(j->final_url, j->url))
        msg_add(j, " at %s", j->final_url);
    return -1;
}

enum fetch_next
fetch_job_finish(pith_extractor *ex, struct fetch_job *j, CURLcode rc,
                 long long now)
{
    CURL *c = j->curl;
    char *ct = NULL, *eff = NULL;
    j->http_status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &j->http_status);
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
    curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff);
    set_str(&j->content_type, ct);
    set_str(&j->final_url, eff ? eff : fetch_job_url(j));
    /* robots.txt is read as far as its cap (RFC 9309). */
    char *loc = NULL;
    if (rc == CURLE_OK && is_redirect(j->http_status) &&
        curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &loc) == CURLE_OK && loc)
        return follow(j, loc);
    int ok = (rc == CURLE_OK || (j->robots && j->over_cap)) &&
             j->http_status < 400;
    if (ok && j->encoded && inflate_job_body(ex, j)) {
        buf_free(&j->body);
        return FETCH_DONE; /* the server sent it so: not worth a retry */
    }
    if (ok) {
        j->status = PITH_OK;
        j->msg[0] = '\0';
        return page_arrived(j);
    }
    int transient = classify_failure(ex, j, rc);
    long wait = retry_wait(ex, j, transient);
    if (wait >= 0) {
        j->not_before = now + wait;
        buf_free(&j->body);
        return FETCH_RETRY;
    }
    if (j->attempts > 1)
        msg_add(j, " (after %d attempts)", j->attempts);
    buf_free(&j->body);
    return FETCH_DONE;
}
