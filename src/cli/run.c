/*
 * One input (file, URL or stdin) through the library, rendered to stdout.
 * Every failure becomes one line on stderr and the exit code of args.h.
 */
#include "cli/run.h"

#include "cli/msg.h"
#include "cli/verbose.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static int
write_stdout(const char *data, size_t len, void *userdata)
{
    (void)userdata;
    return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

static int
is_url(const char *s)
{
    return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8);
}

/* Reads all of f, up to max bytes, decompressing gzip (a saved
 * page.html.gz, as pith batch reads them; zlib passes other bytes
 * through); -1 on a read error, -2 when larger, -3 for gzip cut short. */
static int
read_all(gzFile f, size_t max, char **out, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    if (!p)
        return -1;
    for (;;) {
        if (n == cap) {
            if (cap > max) {
                free(p);
                return -2;
            }
            char *q = realloc(p, cap * 2);
            if (!q) {
                free(p);
                return -1;
            }
            p = q;
            cap *= 2;
        }
        size_t want = cap - n < (1u << 30) ? cap - n : (1u << 30);
        int got = gzread(f, p + n, (unsigned)want);
        if (got < 0) {
            free(p);
            errno = EIO;
            return -1;
        }
        n += (size_t)got;
        if (got == 0) {
            /* A gzip stream cut short reads as if whole; only gzerror()
             * says so. */
            int zerr;
            gzerror(f, &zerr);
            if (zerr == Z_BUF_ERROR) {
                free(p);
                return -3;
            }
            break;
        }
        if (n > max) {
            free(p);
            return -2;
        }
    }
    *out = p;
    *len = n;
    return 0;
}

/* The length of s's "scheme://" prefix, or 0. */
static size_t
scheme_len(const char *s)
{
    size_t n = 0;
    if (!isalpha((unsigned char)s[0]))
        return 0;
    while (isalnum((unsigned char)s[n]) || s[n] == '+' || s[n] == '-' ||
           s[n] == '.')
        n++;
    return !strncmp(s + n, "://", 3) ? n : 0;
}

/* "localhost:8080/page", "127.0.0.1:8702": a host and a port, which the
 * user meant as a URL without its scheme. */
static int
looks_like_host_port(const char *s)
{
    const char *colon = strchr(s, ':');
    if (!colon || colon == s || !isdigit((unsigned char)colon[1]))
        return 0;
    for (const char *p = s; p < colon; p++)
        if (!isalnum((unsigned char)*p) && *p != '.' && *p != '-')
            return 0;
    const char *p = colon + 1;
    while (isdigit((unsigned char)*p))
        p++;
    return *p == '\0' || *p == '/';
}

/* Why the named input cannot be opened, in the user's terms. */
static int
open_failed(const char *input, int err)
{
    size_t n = scheme_len(input);
    if (n && err == ENOENT) {
        errorf("%s: unsupported scheme '%.*s' (pith fetches http:// and "
               "https:// URLs)", input, (int)n, input);
        return EXIT_USAGE;
    }
    if (err == ENOENT && looks_like_host_port(input)) {
        errorf("%s: %s (a URL? write http://%s)", input, strerror(err),
               input);
        return EXIT_INPUT;
    }
    errorf("%s: %s", input, strerror(err));
    return EXIT_INPUT;
}

static int
read_input(const struct cli_config *cfg, char **bytes, size_t *len)
{
    size_t max = cfg->opt.max_bytes ? cfg->opt.max_bytes : 32u << 20;
    int is_stdin = !strcmp(cfg->input, "-");
    int fd = is_stdin ? dup(STDIN_FILENO) : open(cfg->input, O_RDONLY);
    if (fd < 0)
        return open_failed(cfg->input, errno);
    struct stat st;
    if (!fstat(fd, &st) && S_ISDIR(st.st_mode)) {
        close(fd);
        errorf("%s: is a directory (pith batch %s reads the pages in it)",
               cfg->input, cfg->input);
        return EXIT_INPUT;
    }
    gzFile f = gzdopen(fd, "rb");
    if (!f) {
        close(fd);
        errorf("%s: out of memory", cfg->input);
        return EXIT_INTERNAL;
    }
    gzbuffer(f, 128 * 1024);
    errno = 0;
    int rc = read_all(f, max, bytes, len);
    int err = errno;
    gzclose(f);
    if (rc == -2) {
        errorf("%s: input is over the %zu-byte limit", cfg->input, max);
        return EXIT_TOO_BIG;
    }
    if (rc == -3) {
        errorf("%s: truncated gzip: the input ends inside its compressed "
               "data", cfg->input);
        return EXIT_INPUT;
    }
    if (rc) {
        errorf("%s: %s", cfg->input, strerror(err ? err : EIO));
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

static int
fail(const pith_extractor *ex, pith_status st, const char *input)
{
    const char *msg = pith_errmsg(ex);
    if (msg && strstr(msg, input) == msg)
        errorf("%s", msg);
    else
        errorf("%s: %s", input, msg && *msg ? msg : pith_strerror(st));
    return args_exit_code(st);
}

/* One URL through pith_fetch_many(), which obeys robots.txt. */
struct robots_one {
    pith_result *res;
    pith_status st;
    char error[512];
};

static int
on_robots_item(pith_item *it, void *userdata)
{
    struct robots_one *r = userdata;
    r->res = it->result;
    r->st = it->status;
    snprintf(r->error, sizeof r->error, "%s", it->error ? it->error : "");
    return 0;
}

int
run_one(const struct cli_config *cfg)
{
    pith_extractor *ex = pith_new(&cfg->opt);
    if (!ex) {
        errorf("out of memory");
        return EXIT_INTERNAL;
    }
    pith_result *res = NULL;
    pith_status st;
    char *bytes = NULL;
    size_t len = 0;
    int code = EXIT_OK;
    if (is_url(cfg->input) && cfg->explain == EXPLAIN_NONE &&
        cfg->verbose) {
        /* Fetched apart, so that the hops can be shown. */
        pith_response *resp = NULL;
        st = pith_fetch_raw(ex, cfg->input, &resp);
        if (st == PITH_OK) {
            verbose_response(resp);
            st = pith_extract_html(ex, resp->body, resp->body_len,
                                   resp->content_type, resp->final_url,
                                   &res);
        }
        pith_response_free(resp);
    } else if (is_url(cfg->input) && cfg->explain == EXPLAIN_NONE &&
               cfg->many.robots) {
        /* --robots for one URL too: the list's machinery obeys it. */
        struct robots_one one = {NULL, PITH_OK, ""};
        const char *urls[1] = {cfg->input};
        st = pith_fetch_many(ex, urls, 1, &cfg->many, on_robots_item, &one);
        if (st == PITH_OK)
            st = one.st;
        res = one.res;
        if (st != PITH_OK && st != PITH_ERR_NO_CONTENT && *one.error) {
            errorf("%s: %s", cfg->input, one.error);
            pith_result_free(res);
            pith_free(ex);
            return args_exit_code(st);
        }
    } else if (is_url(cfg->input) && cfg->explain == EXPLAIN_NONE) {
        st = pith_extract_url(ex, cfg->input, &res);
    } else {
        if (is_url(cfg->input)) {
            errorf("--explain reads a saved page, not a URL");
            pith_free(ex);
            return EXIT_USAGE;
        }
        if ((code = read_input(cfg, &bytes, &len)) != EXIT_OK) {
            pith_free(ex);
            return code;
        }
        if (cfg->explain != EXPLAIN_NONE)
            st = pith_explain(ex, bytes, len, NULL, cfg->url,
                              cfg->explain == EXPLAIN_HTML, write_stdout,
                              NULL);
        else
            st = pith_extract_html(ex, bytes, len, NULL, cfg->url, &res);
    }
    if (res && cfg->verbose)
        verbose_result(res);
    if (st == PITH_ERR_NO_CONTENT && res && cfg->format == PITH_FORMAT_JSON)
        pith_render(res, cfg->format, cfg->render_flags, write_stdout, NULL);
    if (st != PITH_OK) {
        code = fail(ex, st, cfg->input);
    } else if (res) {
        st = pith_render(res, cfg->format, cfg->render_flags, write_stdout,
                         NULL);
        if (st != PITH_OK || fflush(stdout)) {
            errorf("writing the output failed: %s", strerror(errno));
            code = EXIT_INTERNAL;
        }
    }
    pith_result_free(res);
    free(bytes);
    pith_free(ex);
    return code;
}
