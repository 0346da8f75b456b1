/* URL helpers on libcurl's URL API; see hosturl.h. */
#include "fetch/hosturl.h"

#include <ctype.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A handle holding url, or NULL.  Schemes curl does not know are parsed
 * too, so that the caller, not the parser, decides what to refuse. */
static CURLU *
parse(const char *url)
{
    CURLU *u = curl_url();
    if (u && curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME)) {
        curl_url_cleanup(u);
        return NULL;
    }
    return u;
}

/* One part of u, as curl_url_get() gives it but with malloc ownership. */
static char *
part(CURLU *u, CURLUPart which, unsigned flags)
{
    char *p = NULL;
    if (curl_url_get(u, which, &p, flags))
        return NULL;
    char *copy = strdup(p);
    curl_free(p);
    return copy;
}

char *
hosturl_resolve(const char *base, const char *ref)
{
    CURLU *u = parse(base);
    if (!u)
        return NULL;
    char *out = NULL;
    if (!curl_url_set(u, CURLUPART_URL, ref, CURLU_NON_SUPPORT_SCHEME))
        out = part(u, CURLUPART_URL, 0);
    curl_url_cleanup(u);
    return out;
}

char *
hosturl_origin(const char *url)
{
    CURLU *u = parse(url);
    if (!u)
        return NULL;
    char *scheme = part(u, CURLUPART_SCHEME, 0);
    char *host = part(u, CURLUPART_HOST, 0);
    char *port = part(u, CURLUPART_PORT, CURLU_DEFAULT_PORT);
    curl_url_cleanup(u);
    char *out = NULL;
    size_t len = (scheme ? strlen(scheme) : 0) + (host ? strlen(host) : 0) +
                 (port ? strlen(port) : 0) + 5;
    if (scheme && (out = malloc(len))) {
        snprintf(out, len, "%s://%s:%s", scheme, host ? host : "",
                 port ? port : "");
        for (char *p = out; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    }
    free(scheme);
    free(host);
    free(port);
    return out;
}

char *
hosturl_path_query(const char *url)
{
    CURLU *u = parse(url);
    if (!u)
        return NULL;
    char *path = part(u, CURLUPART_PATH, 0);
    char *query = part(u, CURLUPART_QUERY, 0);
    curl_url_cleanup(u);
    char *out = NULL;
    if (path) {
        size_t len = strlen(path) + (query ? strlen(query) + 1 : 0) + 1;
        if ((out = malloc(len)))
            snprintf(out, len, "%s%s%s", path, query ? "?" : "",
                     query ? query : "");
    }
    free(path);
    free(query);
    return out;
}

int
hosturl_same_host(const char *a, const char *b)
{
    CURLU *ua = parse(a), *ub = parse(b);
    char *ha = ua ? part(ua, CURLUPART_HOST, 0) : NULL;
    char *hb = ub ? part(ub, CURLUPART_HOST, 0) : NULL;
    int same = ha && hb && !strcasecmp(ha, hb);
    free(ha);
    free(hb);
    curl_url_cleanup(ua);
    curl_url_cleanup(ub);
    return same;
}
