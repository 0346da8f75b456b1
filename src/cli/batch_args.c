/*
 * The command line of pith batch.  Its own options come first, from the
 * table below; anything else is one of pith's options (args.h), so the
 * format and fetching options mean the same in both.
 */
#include "batch.h"

#include "cli_limits.h"
#include "msg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: pith batch [options] DIR|FILE.warc[.gz]|PAGE... [-o DIR]\n"
    "       pith batch [options] --urls FILE [--jsonl OUT]\n"
    "       pith batch [options] --stdin-jsonl < in.jsonl > out.jsonl\n"
    "\n"
    "Cleans many pages in worker processes.  Inputs: directories (every\n"
    ".html, .htm and .xhtml file, also .gz, recursively), WARC files\n"
    "(plain or gzip), a URL list, or JSONL lines {\"url\", \"html\"} on\n"
    "stdin.  Outputs: a mirrored tree of files (-o), or one JSONL record\n"
    "per input (--jsonl, stdout by default), in input order; and a\n"
    "manifest, pith-manifest.jsonl, of every input's outcome.\n"
    "\n"
    "options:\n"
    "  -o, --output DIR       write DIR/a/b.txt for a/b.html\n"
    "  --jsonl FILE           write JSONL records to FILE (- is stdout)\n"
    "  --urls FILE            fetch and clean the URLs of FILE\n"
    "  --stdin-jsonl          read {\"url\", \"html\"} lines on stdin\n"
    "  -f, --format FORMAT    txt (default), markdown or json (files)\n"
    "  --body-only            leave the title out of txt and markdown\n"
    "  -j, --jobs N           worker processes (default: the cores)\n"
    "  --resume               skip inputs the manifest marks done\n"
    "  --shard K/N            only the inputs whose name hashes to K of N\n"
    "  --page-timeout S       seconds one page may take (default 10)\n"
    "  --page-memory SIZE     a worker's memory, e.g. 512M (default 1G)\n"
    "  --unordered            write outputs as they finish\n"
    "  --manifest FILE        the manifest's path\n"
    "  --progress, --quiet    progress line always / no progress, no\n"
    "                         summary (default: progress on a terminal)\n"
    "  and pith's options: --max-bytes, --min-chars, --force, the\n"
    "  fetching options (pith --help)\n"
    "\n"
    "exit codes: 0 every input done (ok or no content), 9 some inputs\n"
    "failed (see the manifest), 1 internal error, 2 usage, 3 input\n"
    "unreadable\n";

struct bopt {
    const char *name, *alias;
    int takes_value;
    int (*apply)(struct batch_args *a, const char *v);
};

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

static const struct bopt bopts[] = {
    {"--jobs", "-j", 1, set_jobs},
    {"--jsonl", NULL, 1, set_jsonl},
    {"--manifest", NULL, 1, set_manifest},
    {"--output", "-o", 1, set_output},
    {"--page-memory", NULL, 1, set_page_memory},
    {"--page-timeout", NULL, 1, set_page_timeout},
    {"--progress", NULL, 0, set_progress},
    {"--quiet", "-q", 0, set_quiet},
    {"--resume", NULL, 0, set_resume},
    {"--shard", NULL, 1, set_shard},
    {"--stdin-jsonl", NULL, 0, set_stdin_jsonl},
    {"--unordered", NULL, 0, set_unordered},
};

/* A batch option at argv[*i]: 1 applied, 0 not one of ours, -1 error. */
static int
batch_option(int argc, char **argv, int *i, struct batch_args *a)
{
    const char *arg = argv[*i];
    for (size_t k = 0; k < sizeof bopts / sizeof bopts[0]; k++) {
        const struct bopt *o = &bopts[k];
        size_t l = strlen(o->name);
        const char *value = NULL;
        if (o->alias && !strcmp(arg, o->alias))
            ;
        else if (!strncmp(arg, o->name, l) && arg[l] == '\0')
            ;
        else if (!strncmp(arg, o->name, l) && arg[l] == '=' &&
                 o->takes_value)
            value = arg + l + 1;
        else
            continue;
        if (o->takes_value && !value) {
            if (*i + 1 >= argc) {
                errorf("%s needs a value", arg);
                return -1;
            }
            value = argv[++*i];
        }
        return o->apply(a, value) ? -1 : 1;
    }
    return 0;
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
    if (a->cli.explain != EXPLAIN_NONE || a->cli.url) {
        errorf("--explain and --url are for one page, not a batch");
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
    int only_inputs = 0;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (!only_inputs && !strcmp(s, "--")) {
            only_inputs = 1;
            continue;
        }
        if (only_inputs || s[0] != '-' || s[1] == '\0') {
            a->inputs[a->ninputs++] = argv[i];
            continue;
        }
        if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
            fputs(usage, stdout);
            return 1;
        }
        int rc = batch_option(argc, argv, &i, a);
        if (rc < 0 || (rc == 0 && args_option(argc, argv, &i, &a->cli)))
            return -1;
    }
    if (!a->jobs) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        a->jobs = n > 0 ? (int)(n < 1024 ? n : 1024) : 1;
    }
    return check(a);
}
