/* robots.txt groups, rules and Crawl-delay (src/robots.c). */
#include "harness.h"

#include "fetch/robots.h"

static int
allows(const char *txt, const char *agent, const char *path)
{
    struct robots r;
    if (robots_parse(&r, txt, strlen(txt), agent))
        return -1;
    int ok = robots_allows(&r, path);
    robots_free(&r);
    return ok;
}

static void
test_rules(void)
{
    static const struct {
        const char *txt, *path;
        int want;
    } t[] = {
        {"User-agent: *\nDisallow: /private/\n", "/private/page", 0},
        {"User-agent: *\nDisallow: /private/\n", "/public", 1},
        {"User-agent: *\nDisallow: /private/\n", "/private", 1},
        {"User-agent: *\nDisallow: /\n", "/anything?x=1", 0},
        {"User-agent: *\nDisallow:\n", "/anything", 1},
        /* the longest match wins; an Allow wins a tie */
        {"User-agent: *\nDisallow: /a/\nAllow: /a/b/\n", "/a/b/c", 1},
        {"User-agent: *\nAllow: /a/\nDisallow: /a/b/\n", "/a/b/c", 0},
        {"User-agent: *\nDisallow: /a\nAllow: /a\n", "/a", 1},
        /* wildcards and the end anchor */
        {"User-agent: *\nDisallow: /*.pdf$\n", "/docs/x.pdf", 0},
        {"User-agent: *\nDisallow: /*.pdf$\n", "/docs/x.pdf?v=1", 1},
        {"User-agent: *\nDisallow: /*?\n", "/search?q=x", 0},
        {"User-agent: *\nDisallow: /*?\n", "/search", 1},
        {"User-agent: *\nDisallow: /a*b*c$\n", "/axxbyybzzc", 0},
        {"User-agent: *\nDisallow: /a*b*c$\n", "/axxbyybzzcd", 1},
        {"User-agent: *\nDisallow: /$\n", "/", 0},
        {"User-agent: *\nDisallow: /$\n", "/page", 1},
        /* robots.txt itself is always allowed */
        {"User-agent: *\nDisallow: /\n", "/robots.txt", 1},
        /* comments, case, spaces, CRLF */
        {"# hi\r\nUSER-AGENT : * # all\r\nDISALLOW : /x # no\r\n", "/x/y", 0},
        /* rules before any User-agent belong to no group */
        {"Disallow: /\nUser-agent: *\nDisallow: /x\n", "/y", 1},
        /* pith's group replaces "*" entirely */
        {"User-agent: *\nDisallow: /\n\nUser-agent: pith\nDisallow: /x\n",
         "/y", 1},
        {"User-agent: *\nDisallow: /\n\nUser-agent: PITH/1.0\nDisallow: /x\n",
         "/x", 0},
        /* several agents share a group; a later agent starts a new one */
        {"User-agent: other\nUser-agent: pith\nDisallow: /shared\n",
         "/shared/1", 0},
        {"User-agent: pith\nDisallow: /a\nUser-agent: other\nDisallow: /b\n",
         "/b", 1},
        /* two pith groups are merged */
        {"User-agent: pith\nDisallow: /a\n\nUser-agent: x\nDisallow: /\n\n"
         "User-agent: pith\nDisallow: /b\n", "/b", 0},
        /* another agent's rules do not apply */
        {"User-agent: googlebot\nDisallow: /\n", "/page", 1},
        {"User-agent: pithy\nDisallow: /\n", "/page", 1},
        /* Sitemap lines do not end a group */
        {"User-agent: *\nSitemap: https://x/s.xml\nDisallow: /p\n", "/p", 0},
        {"", "/", 1},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        OK(allows(t[i].txt, "pith", t[i].path) == t[i].want,
           "case %zu: %s on\n%s", i, t[i].path, t[i].txt);
}

static void
test_delay(void)
{
    struct robots r;
    const char *a = "User-agent: *\nCrawl-delay: 1\nDisallow: /private/\n";
    OK(robots_parse(&r, a, strlen(a), "pith") == 0, "parse");
    EQ_INT(r.crawl_delay_ms, 1000, "Crawl-delay: 1");
    robots_free(&r);
    const char *b = "User-agent: *\nCrawl-delay: 0.25\n"
                    "User-agent: pith\nCrawl-delay: 5\n";
    robots_parse(&r, b, strlen(b), "pith");
    EQ_INT(r.crawl_delay_ms, 5000, "pith's own Crawl-delay");
    robots_free(&r);
    robots_parse(&r, b, strlen(b), "other");
    EQ_INT(r.crawl_delay_ms, 250, "fractional Crawl-delay of *");
    robots_free(&r);
    const char *c = "User-agent: *\nCrawl-delay: 86400\n";
    robots_parse(&r, c, strlen(c), "pith");
    EQ_INT(r.crawl_delay_ms, 60000, "Crawl-delay capped at 60 s");
    robots_free(&r);
    const char *d = "User-agent: *\nCrawl-delay: soon\n";
    robots_parse(&r, d, strlen(d), "pith");
    EQ_INT(r.crawl_delay_ms, -1, "unreadable Crawl-delay ignored");
    robots_free(&r);
    robots_free(&r); /* twice is harmless */
}

/* A pattern of many stars against a long path must stay fast: the
 * matcher backtracks to the last star only. */
static void
test_hostile(void)
{
    char txt[4200] = "User-agent: *\nDisallow: /";
    size_t n = strlen(txt);
    for (int i = 0; i < 2000; i++) {
        txt[n++] = '*';
        txt[n++] = 'a';
    }
    memcpy(txt + n, "b$\n", 4);
    char path[20002];
    path[0] = '/';
    memset(path + 1, 'a', 20000);
    path[20001] = '\0';
    OK(allows(txt, "pith", path) == 1, "a*a*...b$ does not match a's");
}

int
main(void)
{
    test_rules();
    test_delay();
    test_hostile();
    return test_done();
}
