/* Command-line parsing; see args.h. */
#include "args.h"

#include "msg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: pith [options] INPUT\n"
    "\n"
    "Prints the main text of a web page: the title, a blank line, then the\n"
    "article's paragraphs separated by blank lines.\n"
    "\n"
    "INPUT is a file, an http:// or https:// URL, or - for standard input.\n"
    "\n"
    "options:\n"
    "  --body-only            leave the title line out\n"
    "  -f, --format FORMAT    txt (default), json or markdown\n"
    "  --links                markdown: links as [text](absolute URL)\n"
    "  --images               markdown: images as ![alt](absolute URL)\n"
    "  --no-tables            leave data tables out\n"
    "  --comments             add the comments: after a --- line (txt),\n"
    "                         under ## Comments (markdown), or in the\n"
    "                         JSON field \"comments\"\n"
    "  --precision            favour leaving boilerplate out\n"
    "  --recall               favour keeping all of the article\n"
    "  --url URL              the address a saved page came from\n"
    "  --explain[=json|html]  show how the page was judged, block by block\n"
    "  --min-chars N          less text than this is no main content\n"
    "  --timeout S            whole fetch timeout in seconds (default 30)\n"
    "  --connect-timeout S    connect timeout in seconds (default 10)\n"
    "  --max-bytes N          refuse pages larger than N bytes (32 MiB)\n"
    "  --user-agent UA        User-Agent of fetches\n"
    "  --insecure             do not verify TLS certificates\n"
    "  --force                extract even what is not served as HTML\n"
    "  -h, --help             this help\n"
    "  --version              the version\n"
    "\n"
    "exit codes: 0 ok, 1 internal error, 2 usage, 3 input unreadable,\n"
    "4 fetch failed, 5 HTTP error status, 6 not HTML, 7 no main content,\n"
    "8 input too large\n";

static int
parse_seconds(const char *s, long *ms)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || v <= 0 || v > 86400)
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
    if (errno || *end || s[0] == '-' || v == 0)
        return -1;
    *out = (size_t)v;
    return 0;
}

/* The value of an option given as "--name value" or "--name=value". */
static const char *
value_of(int argc, char **argv, int *i, const char *name)
{
    const char *a = argv[*i];
    size_t l = strlen(name);
    if (a[l] == '=')
        return a + l + 1;
    if (*i + 1 >= argc) {
        errorf("%s needs a value", name);
        return NULL;
    }
    return argv[++*i];
}

static int
is_opt(const char *arg, const char *name)
{
    size_t l = strlen(name);
    return strncmp(arg, name, l) == 0 && (arg[l] == '\0' || arg[l] == '=');
}

static int
parse_format(const char *v, struct cli_config *cfg)
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

static int
one_option(int argc, char **argv, int *i, struct cli_config *cfg)
{
    const char *a = argv[*i], *v;
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
        fputs(usage, stdout);
        return 1;
    }
    if (!strcmp(a, "--version")) {
        puts("pith " PITH_VERSION);
        return 1;
    }
    if (!strcmp(a, "--body-only")) {
        cfg->render_flags |= PITH_RENDER_BODY_ONLY;
    } else if (!strcmp(a, "--links")) {
        cfg->render_flags |= PITH_RENDER_LINKS;
    } else if (!strcmp(a, "--images")) {
        cfg->render_flags |= PITH_RENDER_IMAGES;
    } else if (!strcmp(a, "--no-tables")) {
        cfg->opt.no_tables = 1;
    } else if (!strcmp(a, "--comments")) {
        cfg->opt.comments = 1;
    } else if (!strcmp(a, "--precision") || !strcmp(a, "--recall")) {
        pith_mode mode = a[2] == 'p' ? PITH_MODE_PRECISION : PITH_MODE_RECALL;
        if (cfg->opt.mode && cfg->opt.mode != mode) {
            errorf("--precision and --recall exclude each other");
            return -1;
        }
        cfg->opt.mode = mode;
    } else if (!strcmp(a, "--insecure")) {
        cfg->opt.insecure = 1;
    } else if (!strcmp(a, "--force")) {
        cfg->opt.force = 1;
    } else if (!strcmp(a, "--explain") || !strcmp(a, "--explain=json")) {
        cfg->explain = EXPLAIN_JSON;
    } else if (!strcmp(a, "--explain=html")) {
        cfg->explain = EXPLAIN_HTML;
    } else if (!strcmp(a, "-f") || is_opt(a, "--format")) {
        if (!(v = value_of(argc, argv, i, a[1] == 'f' ? "-f" : "--format")) ||
            parse_format(v, cfg))
            return -1;
    } else if (is_opt(a, "--url")) {
        if (!(v = value_of(argc, argv, i, "--url")))
            return -1;
        cfg->url = v;
    } else if (is_opt(a, "--user-agent")) {
        if (!(v = value_of(argc, argv, i, "--user-agent")))
            return -1;
        cfg->opt.user_agent = v;
    } else if (is_opt(a, "--timeout") || is_opt(a, "--connect-timeout")) {
        int connect = a[2] == 'c';
        const char *name = connect ? "--connect-timeout" : "--timeout";
        if (!(v = value_of(argc, argv, i, name)))
            return -1;
        if (parse_seconds(v, connect ? &cfg->opt.connect_timeout_ms
                                     : &cfg->opt.timeout_ms)) {
            errorf("%s takes a number of seconds, not '%s'", name, v);
            return -1;
        }
    } else if (is_opt(a, "--max-bytes") || is_opt(a, "--min-chars")) {
        int max = a[3] == 'a';
        const char *name = max ? "--max-bytes" : "--min-chars";
        if (!(v = value_of(argc, argv, i, name)))
            return -1;
        if (parse_size(v, max ? &cfg->opt.max_bytes : &cfg->opt.min_chars)) {
            errorf("%s takes a positive whole number, not '%s'", name, v);
            return -1;
        }
    } else {
        errorf("unknown option '%s' (see pith --help)", a);
        return -1;
    }
    return 0;
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
    if (!cfg->input) {
        fputs(usage, stderr);
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
