/* The pith command: a thin client of the library. */
#include "cli/args.h"
#include "cli/batch/batch.h"
#include "cli/fixture/fixture.h"
#include "cli/many.h"
#include "cli/msg.h"
#include "cli/run.h"

#include "cli/options.h"

#include <stdio.h>
#include <string.h>

int
main(int argc, char **argv)
{
    /* The man page, for the build (not in --help: not for users). */
    if (argc == 2 && !strcmp(argv[1], "--man")) {
        opts_man(args_help(), "PITH", 1, stdout);
        opts_man(batch_help(), "PITH BATCH", 0, stdout);
        opts_man(fixture_help(), "PITH FIXTURE", 0, stdout);
        return fflush(stdout) ? EXIT_INTERNAL : EXIT_OK;
    }
    /* Sub-commands have command lines of their own. */
    if (argc > 1 && !strcmp(argv[1], "fixture"))
        return fixture_main(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "batch"))
        return batch_main(argc - 1, argv + 1);
    struct cli_config cfg;
    int rc = args_parse(argc, argv, &cfg);
    if (rc < 0)
        return EXIT_USAGE;
    if (rc > 0)
        return EXIT_OK;
    if (cfg.opt.insecure)
        warnf("--insecure: TLS CERTIFICATES ARE NOT VERIFIED; anyone on "
              "the network path can read and change what pith fetches");
    if (pith_global_init() != PITH_OK) {
        errorf("could not initialize the network library");
        return EXIT_INTERNAL;
    }
    int code = cfg.urls_file ? run_many(&cfg) : run_one(&cfg);
    pith_global_cleanup();
    return code;
}
