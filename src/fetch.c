/* Fetching with libcurl; see fetch.h. */
#include "fetch.h"

#include "buf.h"
#include "internal.h"
#include "limits.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

static int global_ready;

pith_status
pith_global_init(void)
{
    if (global_ready)
        return PITH_OK;
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return PITH_ERR_INTERNAL;
    global_ready = 1;
    return PITH_OK;
}

void
pith_global_cleanup(void)
{
    if (global_ready)
        curl_global_cleanup();
    global_ready = 0;
}

void
pith_free(pith_extractor *ex)
{
    if (!ex)
        return;
    if (ex->curl)
        curl_easy_cleanup(ex->curl);
    free(ex);
}

/* The body grows in a buf whose maximum is the byte cap: the write fails
 * (and curl stops) as soon as the decoded body passes it. */
static size_t
on_body(char *data, size_t size, size_t n, void *userdata)
{
    struct buf *b = userdata;
    size_t len = size * n;
    if (buf_append(b, data, len))
        return 0; /* CURLE_WRITE_ERROR: over the cap or out of memory */
    return len;
}

static char *
dup_str(const char *s)
{
    if (!s)
        return NULL;
    size_t l = strlen(s);
    char *p = malloc(l + 1);
    if (p)
        memcpy(p, s, l + 1);
    return p;
}

void
fetch_free(struct fetched *f)
{
    free(f->body);
    free(f->content_type);
    free(f->final_url);
    memset(f, 0, sizeof *f);
}

static void
setup(pith_extractor *ex, CURL *c, const char *url, struct buf *body,
      char *errbuf)
{
    const pith_options *o = &ex->opt;
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, PITH_MAX_REDIRECTS);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS,
                     o->timeout_ms ? o->timeout_ms : PITH_DEFAULT_TIMEOUT_MS);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                     o->connect_timeout_ms ? o->connect_timeout_ms
                                           : PITH_DEFAULT_CONNECT_TIMEOUT_MS);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, ""); /* all supported */
    curl_easy_setopt(c, CURLOPT_USERAGENT,
                     o->user_agent ? o->user_agent : "pith/" PITH_VERSION);
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
                     (curl_off_t)extractor_max_bytes(ex));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, body);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https,file");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    if (o->insecure) {
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
    }
}

pith_status
fetch_url(pith_extractor *ex, const char *url, struct fetched *out)
{
    memset(out, 0, sizeof *out);
    ex->http_status = 0;
    if (pith_global_init() != PITH_OK)
        return extractor_fail(ex, PITH_ERR_INTERNAL,
                              "libcurl failed to initialize");
    if (!ex->curl && !(ex->curl = curl_easy_init()))
        return extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
    CURL *c = ex->curl;
    curl_easy_reset(c);
    struct buf body;
    buf_init(&body, extractor_max_bytes(ex));
    char errbuf[CURL_ERROR_SIZE] = "";
    setup(ex, c, url, &body, errbuf);
    CURLcode rc = curl_easy_perform(c);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    ex->http_status = (int)status;
    out->status = status;
    char *ct = NULL, *eff = NULL;
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
    curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff);
    out->content_type = dup_str(ct);
    out->final_url = dup_str(eff ? eff : url);
    pith_status st = PITH_OK;
    if (rc == CURLE_FILESIZE_EXCEEDED ||
        (rc == CURLE_WRITE_ERROR && buf_failed(&body) &&
         body.len + CURL_MAX_WRITE_SIZE >= body.max))
        st = extractor_fail(ex, PITH_ERR_TOO_BIG,
                            "%s: body is over the %zu-byte limit", url,
                            extractor_max_bytes(ex));
    else if (rc != CURLE_OK)
        st = extractor_fail(ex, PITH_ERR_FETCH, "%s: %s", url,
                            errbuf[0] ? errbuf : curl_easy_strerror(rc));
    else if (status >= 400)
        st = extractor_fail(ex, PITH_ERR_HTTP, "%s: HTTP status %ld", url,
                            status);
    if (st != PITH_OK) {
        buf_free(&body);
        fetch_free(out);
        out->status = status;
        return st;
    }
    out->body = buf_detach(&body, &out->len);
    if (!out->body) {
        fetch_free(out);
        return extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
    }
    return PITH_OK;
}

pith_status
pith_extract_url(pith_extractor *ex, const char *url, pith_result **out)
{
    if (out)
        *out = NULL;
    if (!ex || !url || !out)
        return PITH_ERR_ARG;
    struct fetched f;
    pith_status st = fetch_url(ex, url, &f);
    if (st != PITH_OK)
        return st;
    int status = ex->http_status;
    st = pith_extract_html(ex, f.body, f.len, f.content_type, f.final_url,
                           out);
    ex->http_status = status;
    if (*out)
        (*out)->http_status = status;
    fetch_free(&f);
    return st;
}
