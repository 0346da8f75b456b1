/* How the fixture commands show a changed fixture: its diffs. */
#ifndef PITH_CLI_FIXTURE_SHOW_H
#define PITH_CLI_FIXTURE_SHOW_H

#include "fixture_run.h"

#include <stdio.h>

/* Whether to color what goes to standard output, by --color: auto is a
 * terminal, unless NO_COLOR is set or TERM is dumb. */
int show_color(const struct fixture_cli *c);

/* Writes to f a unified diff of each changed output of oc, expected
 * against now, and a line first when the extraction now fails.  JSON
 * outputs are diffed as indented JSON, a field a line, when both parse.
 * -1 when out of memory. */
int show_outcome(FILE *f, const struct outcome *oc, int color);

#endif
