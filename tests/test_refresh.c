/* The meta refresh scanner (src/refresh.c) and URL helpers (src/url.c). */
#include "harness.h"

#include "fetch/refresh.h"
#include "fetch/hosturl.h"

#include <stdlib.h>

/* The refresh URL of html, or "-" when there is none. */
static const char *
target(const char *html, long *delay)
{
    static char url[256];
    if (refresh_find(html, strlen(html), delay, url, sizeof url))
        return "-";
    return url;
}

static void
test_scanner(void)
{
    static const struct {
        const char *html, *want;
        long delay;
    } t[] = {
        {"<meta http-equiv=\"refresh\" content=\"0; url=/article\" />",
         "/article", 0},
        {"<META HTTP-EQUIV=REFRESH CONTENT='5;URL=http://x/y'>",
         "http://x/y", 5},
        {"<meta content=\"3; URL='/quoted'\" http-equiv=\"Refresh\">",
         "/quoted", 3},
        {"<meta http-equiv=\"refresh\" content=\"0;url = /spaced \">",
         "/spaced", 0},
        {"<meta http-equiv=\"refresh\" content=\"1.5, /comma\">", "/comma",
         1},
        {"<meta http-equiv=\"refresh\" content=\"0 /bare\">", "/bare", 0},
        /* no URL: the page reloads itself */
        {"<meta http-equiv=\"refresh\" content=\"300\">", "-", 0},
        /* only the first refresh counts */
        {"<meta http-equiv=\"refresh\" content=\"30\">"
         "<meta http-equiv=\"refresh\" content=\"0; url=/second\">", "-", 0},
        {"<meta charset=utf-8><meta name=x content=\"0; url=/no\">", "-", 0},
        {"<!-- <meta http-equiv=refresh content=\"0;url=/c\"> -->", "-", 0},
        {"<script>var s='<meta http-equiv=refresh content=\"0;url=/s\">';"
         "</script>", "-", 0},
        {"<style>/* <meta http-equiv=refresh content=0;url=/st> */</style>"
         "<meta http-equiv=refresh content=\"2;url=/after\">", "/after", 2},
        {"<metadata http-equiv=refresh content=\"0;url=/x\">", "-", 0},
        {"<meta http-equiv=\"refresh\" content=\"0; url=", "-", 0},
        {"<meta http-equiv=\"refresh", "-", 0},
        {"", "-", 0},
        {"<meta http-equiv=\"refresh\" content=\"x; url=/nodelay\">", "-", 0},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        long delay = -1;
        const char *got = target(t[i].html, &delay);
        EQ_STR(got, t[i].want, t[i].html);
        if (strcmp(t[i].want, "-"))
            EQ_INT(delay, t[i].delay, t[i].html);
    }
    /* a URL longer than the caller's buffer is not cut */
    char small[8];
    long d;
    const char *longurl =
        "<meta http-equiv=refresh content=\"0;url=/toolong\">";
    OK(refresh_find(longurl, strlen(longurl), &d, small, sizeof small) != 0,
       "URL over the buffer refused");
}

static void
test_urls(void)
{
    char *s = hosturl_resolve("http://h.test:8080/a/b?q=1", "c");
    EQ_STR(s, "http://h.test:8080/a/c", "relative path");
    free(s);
    s = hosturl_resolve("http://h.test/a/b", "/root?x");
    EQ_STR(s, "http://h.test/root?x", "absolute path");
    free(s);
    s = hosturl_resolve("http://h.test/a", "https://other.test/z");
    EQ_STR(s, "https://other.test/z", "absolute URL");
    free(s);
    OK(hosturl_resolve("not a url", "x") == NULL, "bad base");
    s = hosturl_origin("HTTP://Example.ORG/path?q");
    EQ_STR(s, "http://example.org:80", "origin with the default port");
    free(s);
    s = hosturl_origin("https://h.test:8443/");
    EQ_STR(s, "https://h.test:8443", "origin with a port");
    free(s);
    OK(hosturl_origin("::nonsense") == NULL, "bad origin");
    s = hosturl_path_query("http://h.test/p/q?a=1&b");
    EQ_STR(s, "/p/q?a=1&b", "path and query");
    free(s);
    s = hosturl_path_query("http://h.test");
    EQ_STR(s, "/", "empty path");
    free(s);
    OK(hosturl_same_host("http://H.test/a", "https://h.TEST:81/b"), "same host");
    OK(!hosturl_same_host("http://a.test/", "http://b.test/"), "other host");
    OK(!hosturl_same_host("http://a.test/", "nonsense"), "bad URL");
}

int
main(void)
{
    test_scanner();
    test_urls();
    return test_done();
}
