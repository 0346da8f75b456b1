/*
 * pith batch: many pages (a directory tree, WARC files, a URL list, JSONL
 * on stdin) cleaned by a pool of worker processes, with a manifest that
 * lets a killed run be resumed and --shard that splits the work between
 * machines.  See README.md, "Batch cleaning".
 */
#ifndef PITH_CLI_BATCH_H
#define PITH_CLI_BATCH_H

#include "cli/args.h"
#include "cli/batch/input.h"
#include "cli/batch/page_job.h"

struct batch_args {
    struct cli_config cli;   /* pith's own options: format, fetching */
    char **inputs;           /* positional: directories, WARC, pages */
    int ninputs;
    const char *out_dir;     /* -o DIR */
    const char *jsonl;       /* --jsonl FILE, "-" for stdout */
    const char *manifest;    /* --manifest FILE */
    int stdin_jsonl, jobs, resume, unordered, progress, quiet;
    struct shard shard;
    long page_ms;
    unsigned long long page_memory;
};

/* pith batch ARGS (argv[0] is "batch"); returns the exit code. */
int batch_main(int argc, char **argv);

struct help;
/* pith batch's --help, for the man page. */
const struct help *batch_help(void);

/* Parses argv into a; -1 after a usage error, 1 after --help, else 0. */
int batch_args_parse(int argc, char **argv, struct batch_args *a);

/* Runs the batch: jobs from in, through a pool of a->jobs workers, into
 * out_fd (JSONL; -1 with -o) and the manifest man_fd (-1: none), in input
 * order.  Returns the exit code. */
int batch_run(const struct batch_args *a, const struct batch_conf *conf,
              struct input *in, int out_fd, int man_fd);

#endif
