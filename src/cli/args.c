/*
 * Command-line parsing; see args.h.  Options live in one table, sorted by
 * name; each entry names the function that applies it, so adding an
 * option is one line and one small function.
 */
#include "cli/args.h"

#include "cli/msg.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: pith [options] INPUT\n"
    "       pith [options] --urls FILE\n"
    "       pith fixture record|check|review|update ...  (pith fixture -h)\n"
    "       pith batch [options] INPUT... (many pages: pith batch --help)\n"
    "\n"
    "Prints the main text of a web page: the title, a blank line, then the\n"
    "article's paragraphs separated by blank lines.\n"
    "\n"
    "INPUT is a file, an http:// or https:// URL, or - for standard input.\n"
    "\n"
    "options:\n"
    "  --body-only            leave the title line out\n"
    "  -f, --format FORMAT    txt (default), json or markdown\n"
    "  --links                markdown: links as [text](absolute url)\n"
    "  --images               markdown: images as ![alt](absolute url)\n"
    "  --no-tables            leave tables out\n"
    "  --comments             add the comments (JSON field, after a ---\n"
    "                         line in txt, ## Comments in markdown)\n"
    "  --precision, --recall  keep less and surer, or more, text\n"
    "  --url URL              the address a saved page came from\n"
    "  --explain[=json|html]  show how the page was judged, block by block\n"
    "  --min-chars N          less text than this is no main content\n"
    "  --max-bytes N          refuse pages larger than N bytes (32 MiB)\n"
    "  --force                extract even what is not served as HTML\n"
    "  -h, --help             this help\n"
    "  --version              the version\n"
    "\n"
    "fetching:\n"
    "  --timeout S            one attempt's timeout in seconds (default 30)\n"
    "  --connect-timeout S    connect timeout in seconds (default 10)\n"
    "  --retries N            retries after a connection error, 408, 429\n"
    "                         or 5xx (default 2)\n"
    "  --retry-delay MS       wait before the first retry (default 1000,\n"
    "                         doubled each time; Retry-After wins)\n"
    "  --user-agent UA        User-Agent of fetches\n"
    "  -H, --header 'N: V'    an extra request header (repeatable)\n"
    "  --cookies FILE         send the cookies of a Netscape cookie file\n"
    "  --deny-private         refuse loopback, private, link-local and\n"
    "                         metadata addresses (checked after DNS)\n"
    "  --insecure             do not verify TLS certificates\n"
    "\n"
    "many URLs (one JSON line per URL, in list order):\n"
    "  --urls FILE            fetch the URLs of FILE (one a line; - is\n"
    "                         stdin; blank lines and # comments skipped)\n"
    "  --concurrency N        transfers at once (default 8)\n"
    "  --per-host N           transfers at once to one host (default 2)\n"
    "  --delay MS             least time between requests to one host\n"
    "  --robots               obey robots.txt and its Crawl-delay\n"
    "\n"
    "Proxies come from http_proxy, https_proxy, ALL_PROXY and NO_PROXY.\n"
    "\n"
    "exit codes: 0 ok, 1 internal error, 2 usage, 3 input unreadable,\n"
    "4 fetch failed, 5 HTTP error status, 6 not HTML, 7 no main content,\n"
    "8 input too large, 9 some inputs of a batch failed\n";

/* ------------------------------------------------------------ values */

static int
parse_seconds(const char *s, long *ms)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v > 0) || v > 86400)
        return -1;
    *ms = (long)(v * 1000);
    return 0;
}

static int
parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || s[0] == '-' || v == 0 || v > SIZE_MAX)
        return -1;
    *out = (size_t)v;
    return 0;
}

/* A whole number in [lo, hi]. */
static int
parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* ------------------------------------------------------------ options */

struct option;
typedef int (*apply_fn)(struct cli_config *cfg, const struct option *o,
                        const char *value);

struct option {
    const char *name;  /* "--name" */
    const char *alias; /* "-x" or NULL */
    int takes_value;
    apply_fn apply;
};

static int
bad_value(const struct option *o, const char *value, const char *what)
{
    errorf("%s takes %s, not '%s'", o->name, what, value);
    return -1;
}

static int
opt_body_only(struct cli_config *cfg, const struct option *o, const char *v)
{
    cfg->render_flags |= PITH_RENDER_BODY_ONLY;
    return 0;
}

static int
opt_links(struct cli_config *cfg, const struct option *o, const char *v)
{
    cfg->render_flags |= PITH_RENDER_LINKS;
    return 0;
}

static int
opt_images(struct cli_config *cfg, const struct option *o, const char *v)
{
    cfg->render_flags |= PITH_RENDER_IMAGES;
    return 0;
}

static int
opt_no_tables(struct cli_config *cfg, const struct option *o, const char *v)
{
    cfg->opt.no_tables = 1;
    return 0;
}

static int
opt_comments(struct cli_config *cfg, const struct option *o, const char *v)
{
    cfg->opt.comments = 1;
    return 0;
}

static int
opt_mode(struct cli_config *cfg, const struct option *o, const char *v)
{
    pith_mode mode = o->name[2] == 'p' ? PITH_MODE_PRECISION
                                       : PITH_MODE_RECALL;
    if (cfg->opt.mode && cfg->opt.mode != mode) {
        errorf("--precision and --recall exclude each other");
        return -1;
    }
    cfg->opt.mode = mode;
    return 0;
}

static int
opt_concurrency(struct cli_config *cfg, const struct option *o,
                const char *v)
{
    long n;
    if (parse_long(v, 1, 256, &n))
        return bad_value(o, v, "a number from 1 to 256");
    cfg->many.concurrency = (int)n;
    return 0;
}

static int
opt_cookies(struct cli_config *cfg, const struct option *o, const char *v)
{
    cfg->opt.cookie_file = v;
    return 0;
}

static int
opt_delay(struct cli_config *cfg, const struct option *o, const char *v)
{
    if (parse_long(v, 0, 3600000, &cfg->many.delay_ms))
        return bad_value(o, v, "milliseconds (0 to 3600000)");
    return 0;
}

static int
opt_deny_private(struct cli_config *cfg, const struct option *o,
                 const char *v)
{
    cfg->opt.deny_private = 1;
    return 0;
}

static int
opt_force(struct cli_config *cfg, const struct option *o, const char *v)
{
    cfg->opt.force = 1;
    return 0;
}

static int
opt_format(struct cli_config *cfg, const struct option *o, const char *v)
{
    if (!strcmp(v, "txt") || !strcmp(v, "text"))
        cfg->format = PITH_FORMAT_TXT;
    else if (!strcmp(v, "json"))
        cfg->format = PITH_FORMAT_JSON;
    else if (!strcmp(v, "markdown") || !strcmp(v, "md"))
        cfg->format = PITH_FORMAT_MARKDOWN;
    else {
        errorf("unknown format '%s' (txt, json or markdown)", v);
        return -1;
    }
    return 0;
}

/* "Name: value", with a name and no line break, which would smuggle a
 * second header (or a body) into the request. */
static int
opt_header(struct cli_config *cfg, const struct option *o, const char *v)
{
    const char *colon = strchr(v, ':');
    if (!colon || colon == v || strpbrk(v, "\r\n"))
        return bad_value(o, v, "'Name: value'");
    if (cfg->opt.nheaders == CLI_MAX_HEADERS) {
        errorf("at most %d %s options", CLI_MAX_HEADERS, o->name);
        return -1;
    }
    cfg->headers[cfg->opt.nheaders++] = v;
    cfg->opt.headers = cfg->headers;
    return 0;
}

static int
opt_insecure(struct cli_config *cfg, const struct option *o, const char *v)
{
    cfg->opt.insecure = 1;
    return 0;
}

static int
opt_max_bytes(struct cli_config *cfg, const struct option *o, const char *v)
{
    if (parse_size(v, &cfg->opt.max_bytes))
        return bad_value(o, v, "a positive whole number");
    return 0;
}

static int
opt_min_chars(struct cli_config *cfg, const struct option *o, const char *v)
{
    if (parse_size(v, &cfg->opt.min_chars))
        return bad_value(o, v, "a positive whole number");
    return 0;
}

static int
opt_per_host(struct cli_config *cfg, const struct option *o, const char *v)
{
    long n;
    if (parse_long(v, 1, 256, &n))
        return bad_value(o, v, "a number from 1 to 256");
    cfg->many.per_host = (int)n;
    return 0;
}

static int
opt_retries(struct cli_config *cfg, const struct option *o, const char *v)
{
    long n;
    if (parse_long(v, 0, 10, &n))
        return bad_value(o, v, "a number from 0 to 10");
    cfg->opt.retries = n ? (int)n : PITH_NO_RETRIES;
    return 0;
}

static int
opt_retry_delay(struct cli_config *cfg, const struct option *o,
                const char *v)
{
    if (parse_long(v, 1, 60000, &cfg->opt.retry_delay_ms))
        return bad_value(o, v, "milliseconds (1 to 60000)");
    return 0;
}

static int
opt_robots(struct cli_config *cfg, const struct option *o, const char *v)
{
    cfg->many.robots = 1;
    return 0;
}

static int
opt_timeout(struct cli_config *cfg, const struct option *o, const char *v)
{
    int connect = o->name[2] == 'c';
    if (parse_seconds(v, connect ? &cfg->opt.connect_timeout_ms
                                 : &cfg->opt.timeout_ms))
        return bad_value(o, v, "a number of seconds");
    return 0;
}

static int
opt_url(struct cli_config *cfg, const struct option *o, const char *v)
{
    cfg->url = v;
    return 0;
}

static int
opt_urls(struct cli_config *cfg, const struct option *o, const char *v)
{
    cfg->urls_file = v;
    return 0;
}

static int
opt_user_agent(struct cli_config *cfg, const struct option *o,
               const char *v)
{
    cfg->opt.user_agent = v;
    return 0;
}

static const struct option options[] = {
    {"--body-only", NULL, 0, opt_body_only},
    {"--comments", NULL, 0, opt_comments},
    {"--concurrency", NULL, 1, opt_concurrency},
    {"--connect-timeout", NULL, 1, opt_timeout},
    {"--cookies", NULL, 1, opt_cookies},
    {"--delay", NULL, 1, opt_delay},
    {"--deny-private", NULL, 0, opt_deny_private},
    {"--force", NULL, 0, opt_force},
    {"--format", "-f", 1, opt_format},
    {"--header", "-H", 1, opt_header},
    {"--images", NULL, 0, opt_images},
    {"--insecure", NULL, 0, opt_insecure},
    {"--links", NULL, 0, opt_links},
    {"--max-bytes", NULL, 1, opt_max_bytes},
    {"--min-chars", NULL, 1, opt_min_chars},
    {"--no-tables", NULL, 0, opt_no_tables},
    {"--per-host", NULL, 1, opt_per_host},
    {"--precision", NULL, 0, opt_mode},
    {"--recall", NULL, 0, opt_mode},
    {"--retries", NULL, 1, opt_retries},
    {"--retry-delay", NULL, 1, opt_retry_delay},
    {"--robots", NULL, 0, opt_robots},
    {"--timeout", NULL, 1, opt_timeout},
    {"--url", NULL, 1, opt_url},
    {"--urls", NULL, 1, opt_urls},
    {"--user-agent", NULL, 1, opt_user_agent},
};

int
args_option_matches(const char *arg, const char *name, const char *alias,
                    int takes_value)
{
    size_t l = strlen(name);
    return (!strncmp(arg, name, l) &&
            (arg[l] == '\0' || (arg[l] == '=' && takes_value))) ||
           (alias && !strcmp(arg, alias));
}

/* The table entry for arg ("--name", "--name=value" or "-x"), or NULL. */
static const struct option *
find_option(const char *arg)
{
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
        const struct option *o = &options[i];
        if (args_option_matches(arg, o->name, o->alias, o->takes_value))
            return o;
    }
    return NULL;
}

/* Applies argv[*i], taking its value from the same or the next word. */
static int
one_option(int argc, char **argv, int *i, struct cli_config *cfg)
{
    const char *a = argv[*i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
        fputs(usage, stdout);
        return 1;
    }
    if (!strcmp(a, "--version")) {
        puts("pith " PITH_VERSION);
        return 1;
    }
    if (!strcmp(a, "--explain") || !strcmp(a, "--explain=json")) {
        cfg->explain = EXPLAIN_JSON;
        return 0;
    }
    if (!strcmp(a, "--explain=html")) {
        cfg->explain = EXPLAIN_HTML;
        return 0;
    }
    const struct option *o = find_option(a);
    if (!o) {
        errorf("unknown option '%s' (see pith --help)", a);
        return -1;
    }
    if (!o->takes_value)
        return o->apply(cfg, o, NULL);
    const char *eq = strchr(a, '=');
    if (eq && a[1] == '-')
        return o->apply(cfg, o, eq + 1);
    if (*i + 1 >= argc) {
        errorf("%s needs a value", a);
        return -1;
    }
    return o->apply(cfg, o, argv[++*i]);
}

int
args_parse(int argc, char **argv, struct cli_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    int only_inputs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_inputs && !strcmp(a, "--")) {
            only_inputs = 1;
            continue;
        }
        if (!only_inputs && a[0] == '-' && a[1] != '\0') {
            int rc = one_option(argc, argv, &i, cfg);
            if (rc)
                return rc;
            continue;
        }
        if (cfg->input) {
            errorf("one input at a time (got '%s' and '%s')", cfg->input, a);
            return -1;
        }
        cfg->input = a;
    }
    if (cfg->urls_file && (cfg->input || cfg->explain != EXPLAIN_NONE)) {
        errorf("--urls reads its URLs from a file: no INPUT or --explain");
        return -1;
    }
    if (!cfg->input && !cfg->urls_file) {
        fputs(usage, stderr);
        return -1;
    }
    return 0;
}

int
args_option(int argc, char **argv, int *i, struct cli_config *cfg)
{
    const struct option *o = find_option(argv[*i]);
    if (!o) {
        errorf("unknown option '%s' (see pith batch --help)", argv[*i]);
        return -1;
    }
    return one_option(argc, argv, i, cfg) ? -1 : 0;
}

int
args_exit_code(pith_status st)
{
    switch (st) {
    case PITH_OK: return EXIT_OK;
    case PITH_ERR_INPUT: return EXIT_INPUT;
    case PITH_ERR_TOO_BIG: return EXIT_TOO_BIG;
    case PITH_ERR_FETCH: return EXIT_FETCH;
    case PITH_ERR_HTTP: return EXIT_HTTP;
    case PITH_ERR_NOT_HTML: return EXIT_NOT_HTML;
    case PITH_ERR_NO_CONTENT: return EXIT_NO_CONTENT;
    case PITH_ERR_ARG: return EXIT_USAGE;
    default: return EXIT_INTERNAL;
    }
}
