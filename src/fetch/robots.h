/*
 * robots.txt (RFC 9309) for one user agent: the rules of the groups that
 * name its product token, or else of the "*" groups, and their
 * Crawl-delay.  A path is allowed unless its longest matching rule is a
 * Disallow (an Allow wins a tie); "*" in a rule matches any run of
 * characters and a final "$" anchors it at the end.  The parsed rules own
 * copies of what they need; robots_free() releases them.
 */
#ifndef PITH_ROBOTS_H
#define PITH_ROBOTS_H

#include <stddef.h>

struct robots_rule {
    char *pattern; /* malloc'd, NUL-terminated */
    size_t len;
    int allow;
};

struct robots {
    struct robots_rule *rules;
    size_t n, cap;
    long crawl_delay_ms; /* -1 when the group has none */
};

/* Parses text (len bytes, need not be NUL-terminated) for agent, a
 * product token such as "pith".  Returns 0, or -1 when out of memory
 * (r is then empty, allowing everything). */
int robots_parse(struct robots *r, const char *text, size_t len,
                 const char *agent);

/* Nonzero when path (path and query, "/a?b") may be fetched.  An empty r
 * allows everything; "/robots.txt" is always allowed. */
int robots_allows(const struct robots *r, const char *path);

/* Releases r's rules and leaves r empty; a zeroed r is harmless. */
void robots_free(struct robots *r);

#endif
