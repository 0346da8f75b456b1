/*
 * The pith command's line; see args.h.  Its options are declared in the
 * table of options.c with those of the sub-commands; here each is
 * applied, by a small function named in appliers[] by its id, so adding
 * an option is a line there, one here and one small function.
 */
#include "cli/args.h"

#include "cli/msg.h"
#include "cli/options.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct help help = {
    "usage: pith [options] INPUT\n"
    "       pith [options] --urls FILE\n"
    "       pith fixture record|check|review|update ...  (pith fixture -h)\n"
    "       pith batch [options] INPUT... (many pages: pith batch --help)\n"
    "\n"
    "Prints the main text of a web page: the title, a blank line, then the\n"
    "article's paragraphs separated by blank lines.\n"
    "\n"
    "INPUT is a file, an http:// or https:// URL, or - for standard input\n"
    "(read too when no INPUT is named and it is not a terminal).\n",
    CMD_PITH,
    {{"options:", {GROUP_EXTRACT, GROUP_GENERAL}},
     {"fetching:", {GROUP_FETCH}},
     {"many URLs (one JSON line per URL, in list order):", {GROUP_MANY}},
     {NULL, {GROUP_NONE}}},
    "Proxies come from http_proxy, https_proxy, ALL_PROXY and NO_PROXY.\n"
    "\n"
    "exit codes: 0 ok, 1 internal error, 2 usage, 3 input unreadable,\n"
    "4 fetch failed, 5 HTTP error status, 6 not HTML, 7 no main content,\n"
    "8 input too large, 9 some inputs of a batch failed, 10 a fixture\n"
    "broken (pith fixture)\n",
};

const struct help *
args_help(void)
{
    return &help;
}

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

typedef int (*apply_fn)(struct cli_config *cfg, const struct opt *o,
                        const char *value);

static int
bad_value(const struct opt *o, const char *value, const char *what)
{
    errorf("%s takes %s, not '%s'", o->name, what, value);
    return -1;
}

static int
opt_body_only(struct cli_config *cfg, const struct opt *o, const char *v)
{
    cfg->render_flags |= PITH_RENDER_BODY_ONLY;
    return 0;
}

static int
opt_links(struct cli_config *cfg, const struct opt *o, const char *v)
{
    cfg->render_flags |= PITH_RENDER_LINKS;
    return 0;
}

static int
opt_images(struct cli_config *cfg, const struct opt *o, const char *v)
{
    cfg->render_flags |= PITH_RENDER_IMAGES;
    return 0;
}

static int
opt_no_tables(struct cli_config *cfg, const struct opt *o, const char *v)
{
    cfg->opt.no_tables = 1;
    return 0;
}

static int
opt_comments(struct cli_config *cfg, const struct opt *o, const char *v)
{
    cfg->opt.comments = 1;
    return 0;
}

/* --page-type, --only-types and --charset: names the library checks, for
 * every caller alike. */
static int
opt_page_type(struct cli_config *cfg, const struct opt *o, const char *v)
{
    if (o->id == OPT_PAGE_TYPE)
        cfg->opt.page_type = v;
    else if (o->id == OPT_ONLY_TYPES)
        cfg->opt.only_types = v;
    else
        cfg->opt.charset = v;
    return 0;
}

static int
opt_verbose(struct cli_config *cfg, const struct opt *o, const char *v)
{
    cfg->verbose = 1;
    return 0;
}

static int
opt_mode(struct cli_config *cfg, const struct opt *o, const char *v)
{
    pith_mode mode = o->id == OPT_PRECISION ? PITH_MODE_PRECISION
                                              : PITH_MODE_RECALL;
    if (cfg->opt.mode && cfg->opt.mode != mode) {
        errorf("--precision and --recall exclude each other");
        return -1;
    }
    cfg->opt.mode = mode;
    return 0;
}

static int
opt_concurrency(struct cli_config *cfg, const struct opt *o,
                const char *v)
{
    long n;
    if (parse_long(v, 1, 256, &n))
        return bad_value(o, v, "a number from 1 to 256");
    cfg->many.concurrency = (int)n;
    return 0;
}

static int
opt_cookies(struct cli_config *cfg, const struct opt *o, const char *v)
{
    cfg->opt.cookie_file = v;
    return 0;
}

static int
opt_delay(struct cli_config *cfg, const struct opt *o, const char *v)
{
    if (parse_long(v, 0, 3600000, &cfg->many.delay_ms))
        return bad_value(o, v, "milliseconds (0 to 3600000)");
    return 0;
}

static int
opt_deny_private(struct cli_config *cfg, const struct opt *o,
                 const char *v)
{
    cfg->opt.deny_private = 1;
    return 0;
}

static int
opt_force(struct cli_config *cfg, const struct opt *o, const char *v)
{
    cfg->opt.force = 1;
    return 0;
}

static int
opt_format(struct cli_config *cfg, const struct opt *o, const char *v)
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
opt_header(struct cli_config *cfg, const struct opt *o, const char *v)
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
opt_insecure(struct cli_config *cfg, const struct opt *o, const char *v)
{
    cfg->opt.insecure = 1;
    return 0;
}

static int
opt_max_bytes(struct cli_config *cfg, const struct opt *o, const char *v)
{
    if (parse_size(v, &cfg->opt.max_bytes))
        return bad_value(o, v, "a positive whole number");
    return 0;
}

static int
opt_min_chars(struct cli_config *cfg, const struct opt *o, const char *v)
{
    if (parse_size(v, &cfg->opt.min_chars))
        return bad_value(o, v, "a positive whole number");
    return 0;
}

static int
opt_per_host(struct cli_config *cfg, const struct opt *o, const char *v)
{
    long n;
    if (parse_long(v, 1, 256, &n))
        return bad_value(o, v, "a number from 1 to 256");
    cfg->many.per_host = (int)n;
    return 0;
}

static int
opt_retries(struct cli_config *cfg, const struct opt *o, const char *v)
{
    long n;
    if (parse_long(v, 0, 10, &n))
        return bad_value(o, v, "a number from 0 to 10");
    cfg->opt.retries = n ? (int)n : PITH_NO_RETRIES;
    return 0;
}

static int
opt_retry_delay(struct cli_config *cfg, const struct opt *o,
                const char *v)
{
    if (parse_long(v, 1, 60000, &cfg->opt.retry_delay_ms))
        return bad_value(o, v, "milliseconds (1 to 60000)");
    return 0;
}

static int
opt_robots(struct cli_config *cfg, const struct opt *o, const char *v)
{
    cfg->many.robots = 1;
    return 0;
}

static int
opt_timeout(struct cli_config *cfg, const struct opt *o, const char *v)
{
    int connect = o->id == OPT_CONNECT_TIMEOUT;
    if (parse_seconds(v, connect ? &cfg->opt.connect_timeout_ms
                                 : &cfg->opt.timeout_ms))
        return bad_value(o, v, "a number of seconds");
    return 0;
}

static int
opt_url(struct cli_config *cfg, const struct opt *o, const char *v)
{
    cfg->url = v;
    return 0;
}

static int
opt_urls(struct cli_config *cfg, const struct opt *o, const char *v)
{
    cfg->urls_file = v;
    return 0;
}

static int
opt_user_agent(struct cli_config *cfg, const struct opt *o,
               const char *v)
{
    /* A line break would start a header line of its own. */
    if (strpbrk(v, "\r\n"))
        return bad_value(o, v, "one line");
    cfg->opt.user_agent = v;
    return 0;
}

/* --explain, --explain=json or --explain=html; any other value is
 * refused as the unknown option it used to be. */
static int
opt_explain(struct cli_config *cfg, const struct opt *o, const char *v)
{
    if (!v || !strcmp(v, "json")) {
        cfg->explain = EXPLAIN_JSON;
    } else if (!strcmp(v, "html")) {
        cfg->explain = EXPLAIN_HTML;
    } else {
        errorf("--explain takes json or html, not '%s'", v);
        return -1;
    }
    return 0;
}

static int
opt_version(struct cli_config *cfg, const struct opt *o, const char *v)
{
    puts("pith " PITH_VERSION);
    return 1;
}

static const apply_fn appliers[] = {
    [OPT_BODY_ONLY] = opt_body_only,
    [OPT_COMMENTS] = opt_comments,
    [OPT_PAGE_TYPE] = opt_page_type,
    [OPT_ONLY_TYPES] = opt_page_type,
    [OPT_CHARSET] = opt_page_type,
    [OPT_VERBOSE] = opt_verbose,
    [OPT_CONCURRENCY] = opt_concurrency,
    [OPT_CONNECT_TIMEOUT] = opt_timeout,
    [OPT_COOKIES] = opt_cookies,
    [OPT_DELAY] = opt_delay,
    [OPT_DENY_PRIVATE] = opt_deny_private,
    [OPT_EXPLAIN] = opt_explain,
    [OPT_FORCE] = opt_force,
    [OPT_FORMAT] = opt_format,
    [OPT_HEADER] = opt_header,
    [OPT_IMAGES] = opt_images,
    [OPT_INSECURE] = opt_insecure,
    [OPT_LINKS] = opt_links,
    [OPT_MAX_BYTES] = opt_max_bytes,
    [OPT_MIN_CHARS] = opt_min_chars,
    [OPT_NO_TABLES] = opt_no_tables,
    [OPT_PER_HOST] = opt_per_host,
    [OPT_PRECISION] = opt_mode,
    [OPT_RECALL] = opt_mode,
    [OPT_RETRIES] = opt_retries,
    [OPT_RETRY_DELAY] = opt_retry_delay,
    [OPT_ROBOTS] = opt_robots,
    [OPT_TIMEOUT] = opt_timeout,
    [OPT_URL] = opt_url,
    [OPT_URLS] = opt_urls,
    [OPT_USER_AGENT] = opt_user_agent,
    [OPT_VERSION] = opt_version,
};

int
args_apply(struct cli_config *cfg, const struct opt *o, const char *value)
{
    size_t n = sizeof appliers / sizeof appliers[0];
    if ((size_t)o->id >= n || !appliers[o->id]) {
        /* An option given to a command whose apply() forgot it. */
        errorf("%s: not an option of pith", o->name);
        return -1;
    }
    return appliers[o->id](cfg, o, value);
}

static int
apply(void *ctx, const struct opt *o, const char *value)
{
    return args_apply(ctx, o, value);
}

static int
operand(void *ctx, char *arg)
{
    struct cli_config *cfg = ctx;
    if (cfg->input) {
        errorf("one input at a time (got '%s' and '%s'): for many pages, "
               "pith batch %s %s ...", cfg->input, arg, cfg->input, arg);
        return -1;
    }
    cfg->input = arg;
    return 0;
}

static void
refuse(const struct command_line *cl, const char *arg)
{
    errorf("unknown option '%s' (see pith --help)", arg);
}

int
args_parse(int argc, char **argv, struct cli_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    const struct command_line cl = {"pith", CMD_PITH, &help, cfg, apply,
                                    operand, refuse};
    int rc = opts_parse(&cl, argc, argv, 1);
    if (rc)
        return rc;
    if (cfg->urls_file && (cfg->input || cfg->explain != EXPLAIN_NONE)) {
        errorf("--urls reads its URLs from a file: no INPUT or --explain");
        return -1;
    }
    /* Options that would be ignored are refused, never dropped. */
    if (cfg->urls_file && cfg->format == PITH_FORMAT_MARKDOWN) {
        errorf("--urls writes JSON lines, not markdown (for a file a page: "
               "pith batch --urls FILE -f markdown -o DIR)");
        return -1;
    }
    if ((cfg->render_flags & (PITH_RENDER_LINKS | PITH_RENDER_IMAGES)) &&
        (cfg->format != PITH_FORMAT_MARKDOWN || cfg->urls_file)) {
        errorf("--links and --images shape markdown: add -f markdown");
        return -1;
    }
    /* "pith < page.html" and "curl ... | pith": standard input is the
     * page when it is not a terminal and no input is named. */
    if (!cfg->input && !cfg->urls_file && !isatty(STDIN_FILENO))
        cfg->input = "-";
    if (!cfg->input && !cfg->urls_file) {
        opts_help(&help, stderr);
        return -1;
    }
    return 0;
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
