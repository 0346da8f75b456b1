/*
 * The command line of pith batch.  Its options are in the table of
 * options.c with pith's; its own are applied here, the rest by pith's
 * args_apply() (args.h), so the format and fetching options mean the
 * same in both.
 */
#include "cli/batch/batch.h"

#include "cli/cli_limits.h"
#include "cli/msg.h"
#include "cli/options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct help help = {
    "usage: pith batch [options] DIR|FILE.warc[.gz]|PAGE... [-o DIR]\n"
    "       pith batch [options] --urls FILE [--jsonl OUT]\n"
    "       pith batch [options] --stdin-jsonl < in.jsonl > out.jsonl\n"
    "\n"
    "Cleans many pages in worker processes.  Inputs: directories (every\n"
    ".html, .htm and .xhtml file, also .gz, recursively), WARC files\n"
    "(plain or gzip), a URL list, or JSONL lines {\"url\", \"html\"} on\n"
    "stdin.  Outputs: a mirrored tree of files (-o), or one JSONL record\n"
    "per input (--jsonl, stdout by default), in input order; and a\n"
    "manifest, pith-manifest.jsonl, of every input's outcome.\n",
    CMD_BATCH,
    {{"options:", {GROUP_BATCH, GROUP_GENERAL}},
     {"pith's options (pith --help):", {GROUP_EXTRACT}},
     {"fetching:", {GROUP_FETCH}},
     {"many URLs:", {GROUP_MANY}},
     {NULL, {GROUP_NONE}}},
    "exit codes: 0 every input done (ok or no content), 9 some inputs\n"
    "failed (see the manifest), 1 internal error, 2 usage, 3 input\n"
    "unreadable\n",
};

const struct help *
batch_help(void)
{
    return &help;
}

static int
set_output(struct batch_args *a, const char *v)
{
    a->out_dir = v;
    return 0;
}

static int
set_jsonl(struct batch_args *a, const char *v)
{
    a->jsonl = v;
    return 0;
}

static int
set_manifest(struct batch_args *a, const char *v)
{
    a->manifest = v;
    return 0;
}

static int
set_stdin_jsonl(struct batch_args *a, const char *v)
{
    a->stdin_jsonl = 1;
    return 0;
}

static int
set_jobs(struct batch_args *a, const char *v)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < 1 || n > 1024) {
        errorf("--jobs takes a number from 1 to 1024, not '%s'", v);
        return -1;
    }
    a->jobs = (int)n;
    return 0;
}

static int
set_resume(struct batch_args *a, const char *v)
{
    a->resume = 1;
    return 0;
}

static int
set_shard(struct batch_args *a, const char *v)
{
    if (shard_parse(v, &a->shard)) {
        errorf("--shard takes K/N with 0 <= K < N, not '%s'", v);
        return -1;
    }
    return 0;
}

static int
set_page_timeout(struct batch_args *a, const char *v)
{
    char *end;
    errno = 0;
    double s = strtod(v, &end);
    if (errno || end == v || *end || !(s > 0) || s > 86400) {
        errorf("--page-timeout takes seconds, not '%s'", v);
        return -1;
    }
    a->page_ms = (long)(s * 1000);
    return 0;
}

/* A size: bytes, or a number with K, M or G (powers of 1024). */
static int
set_page_memory(struct batch_args *a, const char *v)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10), mul = 1;
    if (*end == 'K' || *end == 'k')
        mul = 1ull << 10;
    else if (*end == 'M' || *end == 'm')
        mul = 1ull << 20;
    else if (*end == 'G' || *end == 'g')
        mul = 1ull << 30;
    if (mul > 1)
        end++;
    if (errno || end == v || *end || v[0] == '-' || n == 0 ||
        n > (1ull << 50) / mul) {
        errorf("--page-memory takes a size such as 512M, not '%s'", v);
        return -1;
    }
    a->page_memory = n * mul;
    return 0;
}

static int
set_unordered(struct batch_args *a, const char *v)
{
    a->unordered = 1;
    return 0;
}

static int
set_progress(struct batch_args *a, const char *v)
{
    a->progress = 1;
    a->quiet = 0;
    return 0;
}

static int
set_quiet(struct batch_args *a, const char *v)
{
    a->progress = 0;
    a->quiet = 1;
    return 0;
}

typedef int (*set_fn)(struct batch_args *a, const char *v);

static const set_fn setters[] = {
    [OPT_JOBS] = set_jobs,
    [OPT_JSONL] = set_jsonl,
    [OPT_MANIFEST] = set_manifest,
    [OPT_OUTPUT] = set_output,
    [OPT_PAGE_MEMORY] = set_page_memory,
    [OPT_PAGE_TIMEOUT] = set_page_timeout,
    [OPT_PROGRESS] = set_progress,
    [OPT_QUIET] = set_quiet,
    [OPT_RESUME] = set_resume,
    [OPT_SHARD] = set_shard,
    [OPT_STDIN_JSONL] = set_stdin_jsonl,
    [OPT_UNORDERED] = set_unordered,
};

/* Our own options here, pith's through args_apply(). */
static int
apply(void *ctx, const struct opt *o, const char *value)
{
    struct batch_args *a = ctx;
    if ((size_t)o->id < sizeof setters / sizeof setters[0] &&
        setters[o->id])
        return setters[o->id](a, value);
    return args_apply(&a->cli, o, value);
}

static int
operand(void *ctx, char *arg)
{
    struct batch_args *a = ctx;
    a->inputs[a->ninputs++] = arg;
    return 0;
}

/* --url, which pith takes, gets the reason it is refused. */
static void
refuse(const struct command_line *cl, const char *arg)
{
    const struct opt *o = opts_find(arg, CMD_PITH);
    if (o && o->id == OPT_URL)
        errorf("--explain and --url are for one page, not a batch");
    else
        errorf("unknown option '%s' (see pith batch --help)", arg);
}

static int
check(struct batch_args *a)
{
    int kinds = (a->ninputs > 0) + (a->cli.urls_file != NULL) +
                a->stdin_jsonl;
    if (kinds != 1) {
        errorf(kinds ? "give one kind of input: paths, --urls or "
                       "--stdin-jsonl" : "no input (see pith batch --help)");
        return -1;
    }
    if (a->out_dir && a->jsonl) {
        errorf("give -o DIR or --jsonl FILE, not both");
        return -1;
    }
    if ((a->cli.render_flags & (PITH_RENDER_LINKS | PITH_RENDER_IMAGES)) &&
        (a->cli.format != PITH_FORMAT_MARKDOWN || a->jsonl)) {
        errorf("--links and --images shape markdown files: add -f markdown "
               "and -o DIR");
        return -1;
    }
    if (a->resume && !a->out_dir && !a->manifest &&
        (!a->jsonl || !strcmp(a->jsonl, "-"))) {
        errorf("--resume needs a manifest: -o DIR, --jsonl FILE or "
               "--manifest FILE");
        return -1;
    }
    return 0;
}

int
batch_args_parse(int argc, char **argv, struct batch_args *a)
{
    memset(a, 0, sizeof *a);
    a->progress = -1;
    a->page_ms = PITH_BATCH_PAGE_SECONDS * 1000L;
    a->page_memory = PITH_BATCH_PAGE_MEMORY;
    a->inputs = calloc((size_t)argc + 1, sizeof *a->inputs);
    if (!a->inputs) {
        errorf("out of memory");
        return -1;
    }
    const struct command_line cl = {"batch", CMD_BATCH, &help, a, apply,
                                    operand, refuse};
    int rc = opts_parse(&cl, argc, argv, 1);
    if (rc)
        return rc;
    if (!a->jobs) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        a->jobs = n > 0 ? (int)(n < 1024 ? n : 1024) : 1;
    }
    return check(a);
}
