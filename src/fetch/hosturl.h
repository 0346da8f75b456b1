/*
 * The few URL operations the fetcher needs, done by libcurl's URL parser
 * so that pith reads URLs exactly as libcurl will fetch them.  Strings
 * returned are malloc'd and freed by the caller.
 */
#ifndef PITH_HOSTURL_H
#define PITH_HOSTURL_H

/* ref resolved against base (an absolute URL); NULL when either does not
 * parse or out of memory. */
char *hosturl_resolve(const char *base, const char *ref);

/* "scheme://host:port", lowercase, the port always written: the key of a
 * host for politeness and robots.txt.  NULL when url does not parse. */
char *hosturl_origin(const char *url);

/* The path and query ("/a/b?c=d") as sent in the request; NULL when url
 * does not parse. */
char *hosturl_path_query(const char *url);

/* Nonzero when a and b parse and name the same host (any scheme, port). */
int hosturl_same_host(const char *a, const char *b);

#endif
