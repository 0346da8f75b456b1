/*
 * pith batch: sets a batch up from its command line (the inputs, the
 * output files, the manifest, --resume) and runs it (batch_run.c).
 */
#include "cli/batch/batch.h"

#include "cli/batch/manifest.h"
#include "cli/batch/strbuf.h"
#include "cli/cli_limits.h"
#include "cli/msg.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* Creates dir and its parents. */
static int
make_dirs(const char *dir)
{
    char *d = strdup(dir);
    if (!d)
        return -1;
    for (char *p = d + 1;; p++) {
        if (*p != '/' && *p)
            continue;
        char was = *p;
        *p = '\0';
        if (mkdir(d, 0777) && errno != EEXIST) {
            free(d);
            return -1;
        }
        *p = was;
        if (!was)
            break;
    }
    free(d);
    return 0;
}

/* How many of the named inputs before the i-th have its base name: pages
 * a/x.html and b/x.html would both write DIR/x.txt. */
static int
same_name_before(const struct batch_args *a, int i)
{
    const char *b = strrchr(a->inputs[i], '/');
    b = b ? b + 1 : a->inputs[i];
    size_t bl = input_page_stem(b);
    bl = bl ? bl : strlen(b);
    int n = 0;
    for (int k = 0; k < i; k++) {
        const char *o = strrchr(a->inputs[k], '/');
        o = o ? o + 1 : a->inputs[k];
        size_t ol = input_page_stem(o);
        ol = ol ? ol : strlen(o);
        n += ol == bl && !memcmp(o, b, bl);
    }
    return n;
}

/* An earlier batch into the same -o DIR in another format left files
 * this one will not replace: say so before the manifest that named them
 * is rewritten. */
static void
warn_other_format(const char *manifest, pith_format format)
{
    FILE *f = fopen(manifest, "r");
    if (!f)
        return;
    const char *ext = page_extension(format);
    char line[8192];
    char other[16] = "";
    unsigned long n = 0;
    while (fgets(line, sizeof line, f)) {
        const char *o = strstr(line, "\"output\":\"");
        const char *end = o ? strchr(o + 10, '"') : NULL;
        const char *dot = end ? end : NULL;
        while (dot && dot > o + 10 && *dot != '.' && *dot != '/')
            dot--;
        if (!dot || *dot != '.' || (size_t)(end - dot) >= sizeof other)
            continue;
        if ((size_t)(end - dot) == strlen(ext) &&
            !strncmp(dot, ext, strlen(ext)))
            continue;
        if (!n++)
            snprintf(other, sizeof other, "%.*s", (int)(end - dot), dot);
    }
    fclose(f);
    if (n)
        warnf("%s names %lu %s files of an earlier batch; this one writes "
              "%s files beside them (the old ones stay)", manifest, n,
              other, ext);
}

/* The manifest's path: --manifest; DIR/pith-manifest.jsonl with -o;
 * beside a JSONL file, named after it (out.jsonl: out.pith-manifest.jsonl)
 * so that batches writing side by side keep their own; NULL for stdout.
 * A shard's manifest in DIR names its shard, so that shards can share
 * DIR (shards write JSONL files of their own). */
static int
manifest_path(const struct batch_args *a, struct strbuf *sb)
{
    char shard[48] = "";
    if (a->shard.n)
        snprintf(shard, sizeof shard, ".%llu-of-%llu",
                 (unsigned long long)a->shard.k,
                 (unsigned long long)a->shard.n);
    if (a->manifest)
        sb_puts(sb, a->manifest);
    else if (a->out_dir)
        sb_printf(sb, "%s/pith-manifest%s.jsonl", a->out_dir, shard);
    else if (a->jsonl && strcmp(a->jsonl, "-")) {
        size_t l = strlen(a->jsonl);
        if (l > 6 && !strcasecmp(a->jsonl + l - 6, ".jsonl"))
            l -= 6;
        sb_append(sb, a->jsonl, l);
        sb_puts(sb, ".pith-manifest.jsonl");
    } else
        return 0;
    return sb->failed ? -1 : 1;
}

static int
is_warc(const char *path)
{
    size_t l = strlen(path);
    if (l > 3 && !strcasecmp(path + l - 3, ".gz"))
        l -= 3;
    return l > 5 && !strncasecmp(path + l - 5, ".warc", 5);
}

/* The inputs of the command line as one input; NULL after a message. */
static struct input *
open_inputs(const struct batch_args *a, const struct filter *f,
            size_t max_bytes)
{
    if (a->cli.urls_file)
        return input_fetch(a->cli.urls_file, f, &a->cli.opt, &a->cli.many);
    if (a->stdin_jsonl)
        return input_jsonl(STDIN_FILENO, f,
                           max_bytes * 6 + PITH_BATCH_LINE_SLACK);
    struct input **v = calloc((size_t)a->ninputs, sizeof *v);
    if (!v)
        return NULL;
    for (int i = 0; i < a->ninputs; i++) {
        const char *path = a->inputs[i];
        struct stat st;
        if (stat(path, &st)) {
            errorf("%s: %s", path, strerror(errno));
            v[i] = NULL;
        } else if (S_ISDIR(st.st_mode))
            v[i] = input_dir(path, f);
        else if (is_warc(path))
            v[i] = input_warc(path, f, max_bytes);
        else
            v[i] = input_file(path, f, same_name_before(a, i));
        if (!v[i]) {
            while (i--)
                v[i]->free(v[i]);
            free(v);
            return NULL;
        }
    }
    struct input *in = input_chain(v, (size_t)a->ninputs);
    if (!in) {
        for (int i = 0; i < a->ninputs; i++)
            v[i]->free(v[i]);
        free(v);
    }
    return in;
}

/* Two batches writing one manifest (two unsharded runs into one -o DIR)
 * garble it and fail each other's pages: the manifest is locked for the
 * run, before anything rewrites it.  Returns the descriptor holding the
 * lock (closed at the end), or -1 after saying why. */
static int
lock_manifest(const char *path)
{
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) {
        errorf("%s: %s", path, strerror(errno));
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB)) {
        int busy = errno == EWOULDBLOCK;
        errorf("%s: %s", path,
               busy ? "another pith batch is writing this manifest (one "
                      "batch per -o DIR at a time, or give each --shard)"
                    : strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

static int
open_out(const char *path, int resume)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC |
                            (resume ? O_APPEND : O_TRUNC), 0666);
    if (fd < 0)
        errorf("%s: %s", path, strerror(errno));
    return fd;
}

/* Everything but the run: outputs, --resume, inputs.  Returns the exit
 * code. */
static int
batch_setup(struct batch_args *a)
{
    struct batch_conf conf;
    memset(&conf, 0, sizeof conf);
    conf.opt = a->cli.opt;
    conf.format = a->cli.format;
    conf.render_flags = a->cli.render_flags;
    conf.out_dir = a->out_dir;
    conf.jsonl = !a->out_dir;
    conf.max_bytes = a->cli.opt.max_bytes ? a->cli.opt.max_bytes
                                          : 32u * 1024u * 1024u;
    conf.page_ms = a->page_ms;
    conf.page_memory = a->page_memory;
    if (a->out_dir && make_dirs(a->out_dir)) {
        errorf("%s: %s", a->out_dir, strerror(errno));
        return EXIT_INPUT;
    }
    struct strbuf man = {0};
    int has_man = manifest_path(a, &man);
    const char *jsonl_file = a->jsonl && strcmp(a->jsonl, "-") ? a->jsonl
                                                               : NULL;
    struct doneset done = {NULL, 0};
    struct filter f = {a->shard, NULL};
    int code = EXIT_OK, out_fd = -1, man_fd = -1;
    struct input *in = NULL;
    int lock_fd = -1;
    if (has_man < 0) {
        errorf("out of memory");
        code = EXIT_INTERNAL;
    } else if (has_man && (lock_fd = lock_manifest(man.data)) < 0) {
        code = EXIT_INPUT;
    } else if (a->resume &&
               manifest_resume(man.data, jsonl_file, &done)) {
        code = EXIT_INPUT;
    } else {
        f.done = a->resume ? &done : NULL;
        if (has_man && a->out_dir)
            warn_other_format(man.data, conf.format);
        if (has_man && (man_fd = open_out(man.data, a->resume)) < 0)
            code = EXIT_INPUT;
        else if (!a->out_dir && (out_fd = jsonl_file
                                     ? open_out(jsonl_file, a->resume)
                                     : STDOUT_FILENO) < 0)
            code = EXIT_INPUT;
        else if (!(in = open_inputs(a, &f, conf.max_bytes)))
            code = EXIT_INPUT;
        else
            code = batch_run(a, &conf, in, out_fd, man_fd);
    }
    if (in)
        in->free(in);
    if (out_fd > STDOUT_FILENO && close(out_fd) && code == EXIT_OK)
        code = EXIT_INTERNAL;
    if (man_fd >= 0 && close(man_fd) && code == EXIT_OK)
        code = EXIT_INTERNAL;
    if (lock_fd >= 0)
        close(lock_fd);
    doneset_free(&done);
    sb_free(&man);
    return code;
}

int
batch_main(int argc, char **argv)
{
    struct batch_args a;
    int rc = batch_args_parse(argc, argv, &a);
    if (rc) {
        free(a.inputs);
        return rc < 0 ? EXIT_USAGE : EXIT_OK;
    }
    if (a.cli.opt.insecure)
        warnf("--insecure: TLS CERTIFICATES ARE NOT VERIFIED");
    if (pith_global_init() != PITH_OK) {
        errorf("could not initialize the network library");
        free(a.inputs);
        return EXIT_INTERNAL;
    }
    int code = batch_setup(&a);
    pith_global_cleanup();
    free(a.inputs);
    return code;
}
