/*
 * Command-line options -> struct cli_config, and the exit codes of the
 * pith command (documented in README.md).
 */
#ifndef PITH_CLI_ARGS_H
#define PITH_CLI_ARGS_H

#include "pith.h"

#include <stddef.h>

enum exit_code {
    EXIT_OK = 0,
    EXIT_INTERNAL = 1,   /* out of memory, a bug */
    EXIT_USAGE = 2,      /* bad command line */
    EXIT_INPUT = 3,      /* input file, stdin or cookie file unreadable */
    EXIT_FETCH = 4,      /* network failure: DNS, connect, TLS, timeout,
                            redirect loop, refused address, robots.txt */
    EXIT_HTTP = 5,       /* the server answered 4xx or 5xx */
    EXIT_NOT_HTML = 6,   /* not an HTML page */
    EXIT_NO_CONTENT = 7, /* no main content found */
    EXIT_TOO_BIG = 8,    /* input over the byte limit */
    EXIT_SOME_FAILED = 9 /* pith batch: some inputs failed */
};

enum explain_mode { EXPLAIN_NONE, EXPLAIN_JSON, EXPLAIN_HTML };

/* -H options kept; more is a usage error (a request with a hundred extra
 * headers is a mistake, and a fixed array needs no freeing). */
#define CLI_MAX_HEADERS 64

struct cli_config {
    const char *input;     /* path, URL, or "-" */
    const char *url;       /* --url: base URL of a saved page */
    const char *urls_file; /* --urls: a list of URLs, or "-" */
    pith_format format;
    unsigned render_flags;
    enum explain_mode explain;
    int verbose;           /* -v: what happened, on stderr */
    pith_options opt;
    pith_many_options many;
    const char *headers[CLI_MAX_HEADERS];
};

/* Parses argv into cfg.  Returns -1 after printing a usage error, 1 when
 * the program should exit 0 (--help, --version), 0 otherwise. */
int args_parse(int argc, char **argv, struct cli_config *cfg);

struct opt;
/* Applies o, one of pith's options (options.h), with its value (NULL
 * when it takes none), for the sub-commands that share them.  Returns 0,
 * 1 after --version, or -1 after printing a usage error. */
int args_apply(struct cli_config *cfg, const struct opt *o,
               const char *value);

/* The exit code for a library status. */
int args_exit_code(pith_status st);

struct help;
/* pith's --help, for the man page. */
const struct help *args_help(void);

#endif
