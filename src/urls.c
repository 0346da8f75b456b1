/*
 * The URL entry points: fetching (fetch.h) first, then the pipeline of
 * extract.c on each page as it arrives.  Fetching never extracts; this
 * is where the two meet.
 */
#include "internal.h"

#include "fetch/fetch.h"

#include <stdio.h>
#include <string.h>

struct many {
    pith_extractor *ex;
    int fetch_only;
    pith_item_fn callback;
    void *userdata;
};

/* One URL's outcome: extracted (unless only fetched) and handed on. */
static int
fetched(struct fetch_job *j, void *userdata)
{
    struct many *m = userdata;
    pith_item it = {j->index, j->url, j->final_url, (int)j->http_status,
                    j->status, NULL, NULL, NULL, 0, NULL};
    if (j->status == PITH_OK && m->fetch_only) {
        it.body = j->body.data ? j->body.data : "";
        it.body_len = j->body.len;
        it.content_type = j->content_type;
    } else if (j->status == PITH_OK) {
        pith_extractor *ex = m->ex;
        ex->http_status = (int)j->http_status;
        j->status = pith_extract_html(ex, j->body.data, j->body.len,
                                      j->content_type, j->final_url,
                                      &it.result);
        if (j->status != PITH_OK)
            snprintf(j->msg, sizeof j->msg, "%s", ex->errmsg);
    }
    it.status = j->status;
    it.error = j->status != PITH_OK ? j->msg : NULL;
    return m->callback(&it, m->userdata);
}

pith_status
pith_fetch_many(pith_extractor *ex, const char *const *urls, size_t n,
                const pith_many_options *opt, pith_item_fn callback,
                void *userdata)
{
    if (!ex || (!urls && n) || !callback)
        return PITH_ERR_ARG;
    for (size_t i = 0; i < n; i++)
        if (!urls[i])
            return PITH_ERR_ARG;
    ex->errmsg[0] = '\0';
    struct many m = {ex, opt && opt->fetch_only, callback, userdata};
    return fetch_many(ex, urls, n, opt, fetched, &m);
}

struct one {
    pith_result *res;
    pith_status status;
    int http_status;
    char msg[FETCH_MSG_BYTES];
};

static int
take_one(pith_item *it, void *userdata)
{
    struct one *o = userdata;
    o->res = it->result;
    o->status = it->status;
    o->http_status = it->http_status;
    snprintf(o->msg, sizeof o->msg, "%s", it->error ? it->error : "");
    return 0;
}

pith_status
pith_extract_url(pith_extractor *ex, const char *url, pith_result **out)
{
    if (out)
        *out = NULL;
    if (!ex || !url || !out)
        return PITH_ERR_ARG;
    struct one o = {NULL, PITH_ERR_INTERNAL, 0, ""};
    pith_many_options one_url = {1, 1, 0, 0, 0};
    pith_status st = pith_fetch_many(ex, &url, 1, &one_url, take_one, &o);
    if (st != PITH_OK)
        return st;
    ex->http_status = o.http_status;
    *out = o.res;
    if (o.status != PITH_OK)
        extractor_fail(ex, o.status, "%s", o.msg);
    return o.status;
}
