/*
 * pith fixture SUBCOMMAND ...: the command line of the fixture commands,
 * parsed into struct fixture_cli and dispatched.  Their own options live
 * in one table; the fetch and limit options of record are handed to
 * pith's own parser (args.c) so they mean exactly what they mean to pith.
 */
#include "args.h"
#include "fixture.h"

#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: pith fixture record [options] --dir DIR URL...\n"
    "       pith fixture record [options] --dir DIR --name NAME FILE "
    "[--url URL]\n"
    "       pith fixture check [--json] DIR [NAME...]\n"
    "       pith fixture review DIR [NAME...]\n"
    "       pith fixture update DIR [NAME...]\n"
    "\n"
    "Regression fixtures: record a page once (the response as received and\n"
    "what pith extracts from it), then check that pith still extracts the\n"
    "same, offline, from the stored bytes.\n"
    "\n"
    "  record   fetch each URL (or take a saved FILE) into DIR/NAME/; NAME\n"
    "           comes from the URL (host and path) unless --name is given\n"
    "  check    extract every fixture again and diff against the expected\n"
    "           outputs; exit 0 when none changed, 1 when one did\n"
    "  review   show each change and ask: accept, reject, skip or quit\n"
    "           (on a terminal)\n"
    "  update   accept the new outputs of the NAMEs given, or of all\n"
    "\n"
    "record options:\n"
    "  --dir DIR              where fixtures go (made if missing)\n"
    "  --name NAME            the fixture's name, for one input\n"
    "  --url URL              the address a saved FILE came from\n"
    "  --content-type TYPE    the Content-Type a saved FILE was served with\n"
    "  --force                record over an existing fixture\n"
    "  --markdown             keep expected.md too\n"
    "  --any-type             extract what is not served as HTML (pith's\n"
    "                         --force)\n"
    "  and pith's --timeout, --connect-timeout, --retries, --retry-delay,\n"
    "  --user-agent, -H, --cookies, --deny-private, --insecure,\n"
    "  --max-bytes, --min-chars\n"
    "\n"
    "check, review and update options:\n"
    "  --json                 check: one JSON report on standard output\n"
    "  --color WHEN           auto (default), always or never\n"
    "\n"
    "exit codes: 0 ok, 1 check: an output changed, 2 usage, 3 a file\n"
    "unreadable or unwritable, 4-8 record: as pith, 10 a fixture broken\n"
    "(a file missing, unreadable or malformed) or no fixtures in DIR\n";

enum {
    CMD_RECORD = 1,
    CMD_CHECK = 2,
    CMD_REVIEW = 4,
    CMD_UPDATE = 8,
    CMD_SHOWING = CMD_CHECK | CMD_REVIEW | CMD_UPDATE
};

static const struct command {
    const char *name;
    int bit;
    int (*run)(const struct fixture_cli *c);
} commands[] = {
    {"check", CMD_CHECK, fixture_check},
    {"record", CMD_RECORD, fixture_record},
    {"review", CMD_REVIEW, fixture_review},
    {"update", CMD_UPDATE, fixture_update},
};

/* What the parse gathers besides struct fixture_cli. */
struct parse {
    struct fixture_cli *c;
    int any_type;
    char **pass; /* options for args.c, after a "pith" */
    int npass;
};

struct fopt;
typedef int (*fopt_fn)(struct parse *p, const struct fopt *o,
                       const char *v);

struct fopt {
    const char *name;
    const char *alias;
    int takes_value;
    int commands; /* CMD_* bits where it is accepted */
    fopt_fn apply;
};

static int
set_any_type(struct parse *p, const struct fopt *o, const char *v)
{
    p->any_type = 1;
    return 0;
}

static int
set_color(struct parse *p, const struct fopt *o, const char *v)
{
    if (!strcmp(v, "auto"))
        p->c->color = COLOR_AUTO;
    else if (!strcmp(v, "always"))
        p->c->color = COLOR_ALWAYS;
    else if (!strcmp(v, "never"))
        p->c->color = COLOR_NEVER;
    else {
        errorf("--color takes auto, always or never, not '%s'", v);
        return -1;
    }
    return 0;
}

static int
set_string(struct parse *p, const struct fopt *o, const char *v)
{
    struct fixture_cli *c = p->c;
    const char **slot = !strcmp(o->name, "--dir")    ? &c->dir
                        : !strcmp(o->name, "--name") ? &c->name
                        : !strcmp(o->name, "--url")  ? &c->url
                                                     : &c->content_type;
    *slot = v;
    return 0;
}

static int
set_flag(struct parse *p, const struct fopt *o, const char *v)
{
    struct fixture_cli *c = p->c;
    int *flag = !strcmp(o->name, "--force")      ? &c->force
                : !strcmp(o->name, "--markdown") ? &c->markdown
                                                 : &c->json;
    *flag = 1;
    return 0;
}

/* Marks an option for args.c; its value is passed on by the caller. */
static int
pass_on(struct parse *p, const struct fopt *o, const char *v)
{
    return 0;
}

static const struct fopt fopts[] = {
    {"--any-type", NULL, 0, CMD_RECORD, set_any_type},
    {"--color", NULL, 1, CMD_SHOWING, set_color},
    {"--connect-timeout", NULL, 1, CMD_RECORD, pass_on},
    {"--content-type", NULL, 1, CMD_RECORD, set_string},
    {"--cookies", NULL, 1, CMD_RECORD, pass_on},
    {"--deny-private", NULL, 0, CMD_RECORD, pass_on},
    {"--dir", NULL, 1, CMD_RECORD | CMD_SHOWING, set_string},
    {"--force", NULL, 0, CMD_RECORD, set_flag},
    {"--header", "-H", 1, CMD_RECORD, pass_on},
    {"--insecure", NULL, 0, CMD_RECORD, pass_on},
    {"--json", NULL, 0, CMD_CHECK, set_flag},
    {"--markdown", NULL, 0, CMD_RECORD, set_flag},
    {"--max-bytes", NULL, 1, CMD_RECORD, pass_on},
    {"--min-chars", NULL, 1, CMD_RECORD, pass_on},
    {"--name", NULL, 1, CMD_RECORD, set_string},
    {"--retries", NULL, 1, CMD_RECORD, pass_on},
    {"--retry-delay", NULL, 1, CMD_RECORD, pass_on},
    {"--timeout", NULL, 1, CMD_RECORD, pass_on},
    {"--url", NULL, 1, CMD_RECORD, set_string},
    {"--user-agent", NULL, 1, CMD_RECORD, pass_on},
};

/* The table entry for arg ("--name", "--name=value" or "-x"), or NULL. */
static const struct fopt *
find_fopt(const char *arg)
{
    for (size_t i = 0; i < sizeof fopts / sizeof fopts[0]; i++) {
        const struct fopt *o = &fopts[i];
        if (args_option_matches(arg, o->name, o->alias, o->takes_value))
            return o;
    }
    return NULL;
}

/* Applies argv[*i], with its value from the same or the next word. */
static int
one_fopt(struct parse *p, const struct command *cmd, int argc, char **argv,
         int *i)
{
    const char *a = argv[*i];
    int at = *i;
    const struct fopt *o = find_fopt(a);
    if (!o || !(o->commands & cmd->bit)) {
        errorf("%s option '%s' for pith fixture %s (see pith fixture "
               "--help)", o ? "no" : "unknown", a, cmd->name);
        return -1;
    }
    const char *eq = strchr(a, '='), *v = NULL;
    if (o->takes_value && eq && a[1] == '-') {
        v = eq + 1;
    } else if (o->takes_value) {
        if (*i + 1 >= argc) {
            errorf("%s needs a value", a);
            return -1;
        }
        v = argv[++*i];
    }
    if (o->apply == pass_on) {
        p->pass[p->npass++] = argv[at];
        if (*i != at)
            p->pass[p->npass++] = argv[*i];
    }
    return o->apply(p, o, v);
}

/* Options and operands after the sub-command's name. */
static int
parse_rest(struct parse *p, const struct command *cmd, int argc,
           char **argv)
{
    struct fixture_cli *c = p->c;
    int only_operands = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (!only_operands && !strcmp(a, "--")) {
            only_operands = 1;
        } else if (!only_operands && (!strcmp(a, "-h") ||
                                      !strcmp(a, "--help"))) {
            fputs(usage, stdout);
            return 1;
        } else if (!only_operands && a[0] == '-' && a[1] != '\0') {
            if (one_fopt(p, cmd, argc, argv, &i))
                return -1;
        } else {
            c->operands[c->noperands++] = argv[i];
        }
    }
    return 0;
}

/* The fetch and limit options, through pith's own parser. */
static int
parse_passed(struct parse *p)
{
    p->pass[0] = "pith";
    p->pass[p->npass++] = "-"; /* args_parse() wants an input */
    return args_parse(p->npass, p->pass, &p->c->cfg) ? -1 : 0;
}

/* DIR: --dir for record; for the others --dir or the first operand. */
static int
settle_dir(struct fixture_cli *c)
{
    if (!c->dir && c->noperands && strcmp(c->command, "record")) {
        c->dir = c->operands[0];
        c->operands++;
        c->noperands--;
    }
    if (!c->dir || !*c->dir) {
        errorf("pith fixture %s needs a directory (%s)", c->command,
               strcmp(c->command, "record") ? "DIR" : "--dir DIR");
        return -1;
    }
    return 0;
}

static int
dispatch(const struct command *cmd, int argc, char **argv)
{
    struct fixture_cli c;
    memset(&c, 0, sizeof c);
    c.command = cmd->name;
    c.operands = calloc((size_t)argc, sizeof *c.operands);
    char **pass = calloc((size_t)argc + 2, sizeof *pass);
    if (!c.operands || !pass) {
        free(c.operands);
        free(pass);
        errorf("out of memory");
        return EXIT_INTERNAL;
    }
    char **operands = c.operands;
    struct parse p = {&c, 0, pass, 1};
    int rc = parse_rest(&p, cmd, argc, argv);
    if (rc == 0)
        rc = parse_passed(&p);
    c.cfg.opt.force = p.any_type;
    if (rc == 0)
        rc = settle_dir(&c);
    int code = rc < 0 ? EXIT_USAGE : EXIT_OK;
    if (rc == 0 && pith_global_init() != PITH_OK) {
        errorf("could not initialize the network library");
        code = EXIT_INTERNAL;
    } else if (rc == 0) {
        code = cmd->run(&c);
        pith_global_cleanup();
    }
    free(operands);
    free(pass);
    return code;
}

int
fixture_main(int argc, char **argv)
{
    const char *sub = argc > 1 ? argv[1] : NULL;
    if (sub && (!strcmp(sub, "-h") || !strcmp(sub, "--help"))) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    for (size_t i = 0; sub && i < sizeof commands / sizeof commands[0];
         i++)
        if (!strcmp(sub, commands[i].name))
            return dispatch(&commands[i], argc, argv);
    if (sub)
        errorf("unknown fixture command '%s' (record, check, review or "
               "update)", sub);
    fputs(usage, stderr);
    return EXIT_USAGE;
}
