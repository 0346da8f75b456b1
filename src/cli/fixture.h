/*
 * pith fixture: record pages once, check forever, review what changed.
 * fixture.c parses the command line and dispatches; each sub-command has
 * its own file (fixture_record.c, fixture_check.c, fixture_review.c,
 * fixture_update.c), on top of the format on disk (fixture_store.c),
 * names (fixture_name.c), the manifest (fixture_manifest.c), the run of
 * one fixture (fixture_run.c), its diffs (fixture_show.c, with the line
 * diff of fixture_diff.c) and file helpers (fixture_io.c).
 */
#ifndef PITH_CLI_FIXTURE_H
#define PITH_CLI_FIXTURE_H

#include "args.h"

/* Exit codes of the fixture commands besides args.h's (README.md). */
#define EXIT_CHANGED 1         /* check: an expected output differs */
#define EXIT_FIXTURE_BROKEN 10 /* a fixture's file is missing, unreadable
                                  or malformed; or no fixtures at all */

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct fixture_cli {
    const char *command;  /* record, check, review or update */
    const char *dir;
    char **operands;      /* record: URLs or a file; else fixture names */
    int noperands;
    const char *name;     /* record --name */
    const char *url;      /* record --url: where a saved page came from */
    const char *content_type; /* record --content-type of a saved page */
    int force;            /* record: over an existing fixture */
    int markdown;         /* record: keep expected.md too */
    int json;             /* check: a JSON report */
    enum color_mode color;
    struct cli_config cfg; /* fetch and extraction options (args.h);
                              cfg.opt.force is --any-type */
};

/* pith fixture ...: argv[0] is "fixture".  Returns the exit code. */
int fixture_main(int argc, char **argv);

int fixture_record(const struct fixture_cli *c);
int fixture_check(const struct fixture_cli *c);
int fixture_review(const struct fixture_cli *c);
int fixture_update(const struct fixture_cli *c);

#endif
