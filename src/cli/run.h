/* One input through the library to stdout; returns the exit code. */
#ifndef PITH_CLI_RUN_H
#define PITH_CLI_RUN_H

#include "cli/args.h"

int run_one(const struct cli_config *cfg);

#endif
