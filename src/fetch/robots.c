/*
 * robots.txt parsing and matching; see robots.h.  One pass over the lines
 * keeps two rule lists, the agent's and the "*" groups', and keeps one at
 * the end.  A group is a run of User-agent lines and the rules after it;
 * rules before any User-agent line belong to no group and are ignored.
 */
#include "fetch/robots.h"

#include "limits.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A line split into its key and value, both trimmed, comments removed. */
struct line {
    const char *key, *value;
    size_t key_len, value_len;
};

static int
is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Splits [p, end) into l; returns -1 for a line without "key:". */
static int
split_line(const char *p, const char *end, struct line *l)
{
    const char *hash = memchr(p, '#', (size_t)(end - p));
    if (hash)
        end = hash;
    const char *colon = memchr(p, ':', (size_t)(end - p));
    if (!colon)
        return -1;
    const char *k = p, *ke = colon, *v = colon + 1, *ve = end;
    while (k < ke && is_blank(*k))
        k++;
    while (ke > k && is_blank(ke[-1]))
        ke--;
    while (v < ve && is_blank(*v))
        v++;
    while (ve > v && is_blank(ve[-1]))
        ve--;
    *l = (struct line){k, v, (size_t)(ke - k), (size_t)(ve - v)};
    return 0;
}

static int
key_is(const struct line *l, const char *name)
{
    return l->key_len == strlen(name) &&
           !strncasecmp(l->key, name, l->key_len);
}

/* Does a User-agent value name agent?  Its product token is the value up
 * to a '/' or a space ("pith/1.0" names "pith"); case does not matter. */
static int
names_agent(const struct line *l, const char *agent)
{
    size_t n = 0;
    while (n < l->value_len && l->value[n] != '/' && !is_blank(l->value[n]))
        n++;
    return n && n == strlen(agent) && !strncasecmp(l->value, agent, n);
}

static int
add_rule(struct robots *r, const struct line *l, int allow)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        struct robots_rule *v = realloc(r->rules, cap * sizeof *v);
        if (!v)
            return -1;
        r->rules = v;
        r->cap = cap;
    }
    char *p = malloc(l->value_len + 1);
    if (!p)
        return -1;
    memcpy(p, l->value, l->value_len);
    p[l->value_len] = '\0';
    r->rules[r->n++] = (struct robots_rule){p, l->value_len, allow};
    return 0;
}

/* Crawl-delay in seconds, possibly fractional, as milliseconds capped at
 * PITH_MAX_CRAWL_DELAY_MS; -1 when it is not a number. */
static long
delay_ms(const struct line *l)
{
    char tmp[32];
    if (!l->value_len || l->value_len >= sizeof tmp)
        return -1;
    memcpy(tmp, l->value, l->value_len);
    tmp[l->value_len] = '\0';
    char *end;
    double s = strtod(tmp, &end);
    if (*end || !(s >= 0))
        return -1;
    return s * 1000 > PITH_MAX_CRAWL_DELAY_MS ? PITH_MAX_CRAWL_DELAY_MS
                                              : (long)(s * 1000);
}

/* Adds one rule or delay line to the lists of the groups it is in. */
static int
group_line(const struct line *l, struct robots *mine, struct robots *star,
           int in_mine, int in_star)
{
    int allow = key_is(l, "allow");
    if (allow || key_is(l, "disallow")) {
        if (!l->value_len) /* "Disallow:" alone allows everything */
            return 0;
        if ((in_mine && add_rule(mine, l, allow)) ||
            (in_star && add_rule(star, l, allow)))
            return -1;
    } else if (key_is(l, "crawl-delay")) {
        long d = delay_ms(l);
        if (in_mine && mine->crawl_delay_ms < 0)
            mine->crawl_delay_ms = d;
        if (in_star && star->crawl_delay_ms < 0)
            star->crawl_delay_ms = d;
    }
    return 0;
}

int
robots_parse(struct robots *r, const char *text, size_t len,
             const char *agent)
{
    struct robots mine = {NULL, 0, 0, -1}, star = {NULL, 0, 0, -1};
    int in_mine = 0, in_star = 0, reading_agents = 0, agent_named = 0;
    const char *p = text, *end = text + len;
    int rc = 0;
    while (p < end && rc == 0) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        struct line l;
        if (split_line(p, eol, &l) == 0) {
            if (key_is(&l, "user-agent")) {
                if (!reading_agents)
                    in_mine = in_star = 0; /* a new group starts */
                reading_agents = 1;
                if (names_agent(&l, agent))
                    in_mine = agent_named = 1;
                else if (l.value_len == 1 && l.value[0] == '*')
                    in_star = 1;
            } else if (key_is(&l, "allow") || key_is(&l, "disallow") ||
                       key_is(&l, "crawl-delay")) {
                reading_agents = 0;
                rc = group_line(&l, &mine, &star, in_mine, in_star);
            }
        }
        p = nl ? nl + 1 : end;
    }
    /* The agent's own groups replace the "*" ones entirely. */
    *r = agent_named ? mine : star;
    robots_free(agent_named ? &star : &mine);
    if (rc)
        robots_free(r);
    return rc;
}

/* Does pattern (len bytes, '*' wildcards, a final '$' anchor) match the
 * start of path?  Backtracks to the last '*' only, so the work is at most
 * len x strlen(path), never exponential. */
static int
matches(const char *pat, size_t len, const char *path)
{
    int anchored = len && pat[len - 1] == '$';
    if (anchored)
        len--;
    size_t plen = strlen(path), pi = 0, si = 0, star = SIZE_MAX, star_si = 0;
    for (;;) {
        if (pi < len && pat[pi] == '*') {
            star = ++pi;
            star_si = si;
            continue;
        }
        if (pi == len && (!anchored || si == plen))
            return 1;
        if (pi < len && si < plen && pat[pi] == path[si]) {
            pi++;
            si++;
            continue;
        }
        if (star == SIZE_MAX || star_si >= plen)
            return 0;
        pi = star;
        si = ++star_si;
    }
}

int
robots_allows(const struct robots *r, const char *path)
{
    if (!strcmp(path, "/robots.txt"))
        return 1;
    size_t best = 0;
    int allow = 1;
    for (size_t i = 0; i < r->n; i++) {
        const struct robots_rule *ru = &r->rules[i];
        if (!matches(ru->pattern, ru->len, path))
            continue;
        if (ru->len > best || (ru->len == best && ru->allow)) {
            best = ru->len;
            allow = ru->allow;
        }
    }
    return allow;
}

void
robots_free(struct robots *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->rules[i].pattern);
    free(r->rules);
    r->rules = NULL;
    r->n = r->cap = 0;
    r->crawl_delay_ms = -1;
}
