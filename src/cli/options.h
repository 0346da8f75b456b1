/*
 * The options of every command, declared once (options.c): name, letter,
 * argument, help line and the commands that take it.  One parser
 * (opt_parse.c) reads the command line of pith, pith batch and pith
 * fixture with it, and each command's --help lists its options from it
 * (opt_help.c), so an option shared by two commands is spelt, parsed and
 * described the same in both.  What an option does stays with the
 * command: the parser hands each one, by id, to the command's apply().
 */
#ifndef PITH_CLI_OPTIONS_H
#define PITH_CLI_OPTIONS_H

#include <stdio.h>

/* The commands, as bits of struct opt's commands. */
enum {
    CMD_PITH = 1 << 0,
    CMD_BATCH = 1 << 1,
    CMD_RECORD = 1 << 2, /* pith fixture record */
    CMD_CHECK = 1 << 3,  /* pith fixture check */
    CMD_REVIEW = 1 << 4,
    CMD_UPDATE = 1 << 5,
    CMD_SHOWING = CMD_CHECK | CMD_REVIEW | CMD_UPDATE,
    CMD_FIXTURE = CMD_RECORD | CMD_SHOWING
};

/* Where an option appears in a --help: each command's help lists the
 * groups it wants under titles of its own. */
enum opt_group {
    GROUP_NONE,    /* ends a help section's list of groups */
    GROUP_EXTRACT, /* what is extracted and how it is printed */
    GROUP_GENERAL, /* --help, --version */
    GROUP_FETCH,
    GROUP_MANY,    /* --urls and the pacing of many fetches */
    GROUP_BATCH,
    GROUP_RECORD,  /* pith fixture record's own */
    GROUP_SHOWING  /* pith fixture check, review and update */
};

enum opt_id {
    OPT_BODY_ONLY, OPT_FORMAT, OPT_LINKS, OPT_IMAGES, OPT_NO_TABLES,
    OPT_COMMENTS, OPT_PRECISION, OPT_RECALL, OPT_URL, OPT_EXPLAIN,
    OPT_MIN_CHARS, OPT_MAX_BYTES, OPT_FORCE, OPT_PAGE_TYPE, OPT_ONLY_TYPES,
    OPT_CHARSET, OPT_VERBOSE,
    OPT_HELP, OPT_VERSION,
    OPT_TIMEOUT, OPT_CONNECT_TIMEOUT, OPT_RETRIES, OPT_RETRY_DELAY,
    OPT_USER_AGENT, OPT_HEADER, OPT_COOKIES, OPT_DENY_PRIVATE,
    OPT_INSECURE,
    OPT_URLS, OPT_CONCURRENCY, OPT_PER_HOST, OPT_DELAY, OPT_ROBOTS,
    OPT_OUTPUT, OPT_JSONL, OPT_STDIN_JSONL, OPT_JOBS, OPT_RESUME,
    OPT_SHARD, OPT_PAGE_TIMEOUT, OPT_PAGE_MEMORY, OPT_UNORDERED,
    OPT_MANIFEST, OPT_PROGRESS, OPT_QUIET,
    OPT_DIR, OPT_NAME, OPT_CONTENT_TYPE, OPT_RECORD_FORCE, OPT_MARKDOWN,
    OPT_ANY_TYPE,
    OPT_JSON, OPT_COLOR
};

enum opt_arg {
    ARG_NONE,     /* --name */
    ARG_REQUIRED, /* --name VALUE or --name=VALUE (-x VALUE) */
    ARG_OPTIONAL  /* --name or --name=VALUE only */
};

struct opt {
    enum opt_id id;
    const char *name;    /* "--name": also what value errors call it */
    char letter;         /* 'x' for -x, or 0 */
    enum opt_arg arg;
    const char *argname; /* "N", "FILE": what --help shows */
    unsigned commands;   /* CMD_* bits of the commands that take it */
    enum opt_group group;
    const char *help;    /* lines after the first are indented */
};

/* One section of a --help: a title line, then the options of its groups
 * in table order, group after group. */
struct help_section {
    const char *title;
    enum opt_group groups[4]; /* up to GROUP_NONE */
};

struct help {
    const char *head;     /* usage lines and prose, before the options */
    unsigned commands;    /* whose options are listed */
    struct help_section sections[6]; /* up to a NULL title */
    const char *foot;     /* after the options: notes, exit codes */
};

/* A command line as the parser sees it.  apply() returns 0, 1 to stop
 * and exit 0 (--version), or -1 after printing a usage error; so does
 * operand(); refuse() prints the error for an option the command does
 * not take. */
struct command_line {
    const char *name;     /* "record" for pith fixture record */
    unsigned command;     /* its CMD_* bit */
    const struct help *help;
    void *ctx;            /* what apply() and operand() fill in */
    int (*apply)(void *ctx, const struct opt *o, const char *value);
    int (*operand)(void *ctx, char *arg);
    void (*refuse)(const struct command_line *cl, const char *arg);
};

/* Parses argv[first..argc-1]: options (up to "--"), each applied as it
 * comes, and operands; -h and --help print the command's help.  Returns
 * 0, 1 when the command should exit 0 (help, version), or -1 after a
 * usage error. */
int opts_parse(const struct command_line *cl, int argc, char **argv,
               int first);

/* The entry arg ("--name", "--name=value" or "-x") names among the
 * options some command of mask takes, or NULL. */
const struct opt *opts_find(const char *arg, unsigned mask);

/* Prints help to out: head, the sections, foot. */
void opts_help(const struct help *help, FILE *out);

/* The same help as roff for a man page section: title is the section's
 * heading ("PITH BATCH"), first nonzero for the page's first command
 * (which gives the page its .TH and NAME). */
void opts_man(const struct help *help, const char *title, int first,
              FILE *out);

/* The table, for the parser, the help and the tests of both. */
extern const struct opt opts_table[];
extern const size_t opts_count;

#endif
