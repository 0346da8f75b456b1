/* --urls FILE: many URLs through pith_fetch_many(), one JSON line each. */
#ifndef PITH_CLI_MANY_H
#define PITH_CLI_MANY_H

#include "cli/args.h"

/* Fetches every URL of cfg->urls_file and prints one JSON line per URL
 * in the file's order.  Returns 0 when every URL gave text, otherwise the
 * exit code of the first URL (in file order) that did not. */
int run_many(const struct cli_config *cfg);

#endif
