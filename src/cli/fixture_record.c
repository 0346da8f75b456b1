/*
 * pith fixture record: fetches each URL once (pith_fetch_raw) or reads a
 * saved page, extracts it as check will (fixture_run.h), and writes
 * DIR/NAME/ (fixture_store.h), then DIR/manifest.json.  A URL that fails,
 * or a page that cannot be extracted, records nothing; the exit code is
 * that of the first input that failed.
 *
 * A saved page has no response: fixture.json says "source": "file", with
 * status null, no headers and no redirects, and the --url and
 * --content-type given, if any.
 */
#include "fixture.h"

#include "fixture_io.h"
#include "fixture_manifest.h"
#include "fixture_name.h"
#include "fixture_run.h"
#include "msg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

/* What is recorded of one input. */
struct page {
    const char *input;        /* as given on the command line */
    const char *url;          /* asked, or --url; NULL when unknown */
    const char *final_url;
    const char *content_type;
    const char *body;
    size_t body_len;
    const pith_response *res; /* NULL for a saved page */
    char *saved;              /* a saved page's bytes, malloc'd */
};

/* The names recorded by this run, with their URLs (fixture_name.h). */
struct taken {
    char **names, **urls;
    int n;
};

static int
is_url(const char *s)
{
    return !strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8);
}

/* ------------------------------------------------------------ fixture.json */

static struct json_object *
str_or_null(const char *s)
{
    return s ? json_object_new_string(s) : NULL;
}

static struct json_object *
count_or_null(size_t n)
{
    return n ? json_object_new_int64((int64_t)n) : NULL;
}

/* The options that shaped the recording.  Extra request headers are
 * named, not quoted: they often carry credentials. */
static struct json_object *
options_json(const struct fixture_cli *c)
{
    const pith_options *o = &c->cfg.opt;
    struct json_object *j = json_object_new_object(), *h;
    h = json_object_new_array();
    for (size_t i = 0; i < o->nheaders; i++) {
        const char *colon = strchr(o->headers[i], ':');
        json_object_array_add(h, json_object_new_string_len(
                                     o->headers[i],
                                     (int)(colon - o->headers[i])));
    }
    json_object_object_add(j, "markdown", json_object_new_boolean(
                                              c->markdown));
    json_object_object_add(j, "min_chars", count_or_null(o->min_chars));
    json_object_object_add(j, "max_bytes", count_or_null(o->max_bytes));
    json_object_object_add(j, "any_type", json_object_new_boolean(o->force));
    json_object_object_add(j, "user_agent", str_or_null(o->user_agent));
    json_object_object_add(j, "request_headers", h);
    json_object_object_add(j, "cookies", json_object_new_boolean(
                                             o->cookie_file != NULL));
    json_object_object_add(j, "deny_private", json_object_new_boolean(
                                                  o->deny_private));
    json_object_object_add(j, "insecure", json_object_new_boolean(
                                              o->insecure));
    return j;
}

static struct json_object *
redirects_json(const pith_response *r)
{
    struct json_object *a = json_object_new_array();
    for (size_t i = 0; r && i < r->nhops; i++) {
        struct json_object *h = json_object_new_object();
        json_object_object_add(h, "url", str_or_null(r->hops[i].url));
        json_object_object_add(h, "status",
                               json_object_new_int(r->hops[i].status));
        if (r->hops[i].refresh)
            json_object_object_add(h, "refresh",
                                   json_object_new_boolean(1));
        json_object_array_add(a, h);
    }
    return a;
}

static struct json_object *
headers_json(const pith_response *r)
{
    struct json_object *a = json_object_new_array();
    for (size_t i = 0; r && i < r->nheaders; i++) {
        struct json_object *pair = json_object_new_array();
        json_object_array_add(pair, str_or_null(r->headers[i].name));
        json_object_array_add(pair, str_or_null(r->headers[i].value));
        json_object_array_add(a, pair);
    }
    return a;
}

static struct json_object *
meta_json(const struct fixture_cli *c, const struct page *p,
          const int keeps[OUT_KINDS])
{
    char when[32];
    time_t now = time(NULL);
    struct tm tm;
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
    struct json_object *m = json_object_new_object(), *outs;
    outs = json_object_new_array();
    for (int k = 0; k < OUT_KINDS; k++)
        if (keeps[k])
            json_object_array_add(outs, json_object_new_string(out_file[k]));
    json_object_object_add(m, "pith_fixture",
                           json_object_new_int(FIXTURE_FORMAT));
    json_object_object_add(m, "url", str_or_null(p->url));
    json_object_object_add(m, "final_url", str_or_null(p->final_url));
    json_object_object_add(m, "status", p->res ? json_object_new_int(
                                                     p->res->status)
                                               : NULL);
    json_object_object_add(m, "content_type", str_or_null(p->content_type));
    json_object_object_add(m, "source", json_object_new_string(
                                            p->res ? "fetched" : "file"));
    json_object_object_add(m, "recorded_at", json_object_new_string(when));
    json_object_object_add(m, "pith_version",
                           json_object_new_string(PITH_VERSION));
    json_object_object_add(m, "options", options_json(c));
    json_object_object_add(m, "outputs", outs);
    json_object_object_add(m, "redirects", redirects_json(p->res));
    json_object_object_add(m, "headers", headers_json(p->res));
    return m;
}

/* ------------------------------------------------------------ writing */

/* Writes DIR/NAME/: the body, the expected outputs, then fixture.json,
 * last, so that an interrupted recording reads as broken, not as passing.
 * An expected.md no longer asked for goes. */
static int
write_fixture(const struct fixture_cli *c, const char *path,
              const struct page *p, const struct outputs *o,
              const int keeps[OUT_KINDS])
{
    char *src = io_fmt("%s/%s", path, FIXTURE_SOURCE);
    int rc = io_mkdirs(path) || io_write(src, p->body, p->body_len);
    free(src);
    for (int k = 0; k < OUT_KINDS && !rc; k++)
        if (keeps[k])
            rc = store_write_expected(path, k, o->text[k], o->len[k]);
    if (!rc && !keeps[OUT_MD]) {
        char *md = io_fmt("%s/%s", path, out_file[OUT_MD]);
        rc = unlink(md) && errno != ENOENT;
        free(md);
    }
    if (!rc) {
        struct json_object *meta = meta_json(c, p, keeps);
        rc = store_write_meta(path, meta);
        json_object_put(meta);
    }
    if (rc)
        errorf("%s: %s", path, strerror(errno));
    return rc ? EXIT_INPUT : EXIT_OK;
}

/* ------------------------------------------------------------ inputs */

static int
fetch_page(pith_extractor *ex, struct page *p, pith_response **res)
{
    pith_status st = pith_fetch_raw(ex, p->input, res);
    if (st != PITH_OK) {
        errorf("%s: %s (nothing recorded)", p->input,
               *pith_errmsg(ex) ? pith_errmsg(ex) : pith_strerror(st));
        return args_exit_code(st);
    }
    p->res = *res;
    p->url = (*res)->url;
    p->final_url = (*res)->final_url;
    p->content_type = (*res)->content_type;
    p->body = (*res)->body;
    p->body_len = (*res)->body_len;
    return EXIT_OK;
}

static int
read_page(const struct fixture_cli *c, struct page *p)
{
    size_t max = c->cfg.opt.max_bytes ? c->cfg.opt.max_bytes : 32u << 20;
    if (io_read(p->input, max, &p->saved, &p->body_len)) {
        int big = errno == EFBIG;
        errorf("%s: %s", p->input, big ? "over the byte limit"
                                       : strerror(errno));
        return big ? EXIT_TOO_BIG : EXIT_INPUT;
    }
    p->url = p->final_url = c->url;
    p->content_type = c->content_type;
    p->body = p->saved;
    return EXIT_OK;
}

/* The fixture's name: --name, or one made from the URL asked (or the
 * --url of a saved page), known before anything is fetched. */
static char *
input_name(const struct fixture_cli *c, const char *input,
           const struct taken *t)
{
    if (c->name)
        return io_fmt("%s", c->name);
    return name_for_url(c->dir, is_url(input) ? input : c->url, t->names,
                        t->urls, t->n);
}

static void
take(struct taken *t, const char *name, const char *url)
{
    char **n = realloc(t->names, (size_t)(t->n + 1) * sizeof *n);
    if (n)
        t->names = n;
    char **u = realloc(t->urls, (size_t)(t->n + 1) * sizeof *u);
    if (u)
        t->urls = u;
    if (!n || !u)
        return; /* the next name may then miss a clash in this run */
    t->names[t->n] = io_fmt("%s", name);
    t->urls[t->n] = io_fmt("%s", url ? url : "");
    t->n++;
}

/* Extracts p and writes its fixture as DIR/NAME. */
static int
record_page(const struct fixture_cli *c, struct page *p, const char *name,
            struct taken *t)
{
    char *path = io_fmt("%s/%s", c->dir, name);
    int keeps[OUT_KINDS] = {1, 1, c->markdown};
    struct outputs o;
    int code = EXIT_OK;
    if (run_extract(p->body, p->body_len, p->content_type, p->final_url,
                    &c->cfg.opt, keeps, &o)) {
        errorf("out of memory");
        code = EXIT_INTERNAL;
    } else {
        if (o.status == PITH_ERR_NO_CONTENT)
            warnf("%s: %s; expected.txt is empty", name, o.error);
        if (o.status != PITH_OK && o.status != PITH_ERR_NO_CONTENT) {
            errorf("%s: %s (nothing recorded)", p->input, o.error);
            code = args_exit_code(o.status);
        } else if ((code = write_fixture(c, path, p, &o, keeps)) == 0) {
            printf("recorded %s (%s)\n", name, p->input);
            take(t, name, p->url);
        }
        outputs_free(&o);
    }
    free(path);
    return code;
}

/* An existing fixture is refused before its page is fetched again. */
static int
record_input(const struct fixture_cli *c, pith_extractor *ex,
             const char *input, struct taken *t)
{
    char *name = input_name(c, input, t);
    char *path = io_fmt("%s/%s", c->dir, name);
    int exists = io_exists(path);
    free(path);
    if (exists && !c->force) {
        errorf("%s/%s exists; re-record it with --force", c->dir, name);
        free(name);
        return EXIT_USAGE;
    }
    struct page p = {input, NULL, NULL, NULL, NULL, 0, NULL, NULL};
    pith_response *res = NULL;
    int code = is_url(input) ? fetch_page(ex, &p, &res) : read_page(c, &p);
    if (code == EXIT_OK)
        code = record_page(c, &p, name, t);
    pith_response_free(res);
    free(p.saved);
    free(name);
    return code;
}

/* ------------------------------------------------------------ the command */

/* A saved page needs a name: --name or one made from --url. */
static int
usage_ok(const struct fixture_cli *c)
{
    int files = 0;
    for (int i = 0; i < c->noperands; i++)
        files += !is_url(c->operands[i]);
    if (!c->noperands) {
        errorf("record: no URL or file to record");
        return 0;
    }
    if ((c->name || files || c->url || c->content_type) &&
        c->noperands > 1) {
        errorf("record: a saved page, --name, --url and --content-type "
               "go with one input at a time");
        return 0;
    }
    if (!files && (c->url || c->content_type)) {
        errorf("record: --url and --content-type describe a saved page; "
               "a URL's own are recorded");
        return 0;
    }
    if (files && !c->name && !c->url) {
        errorf("record: a saved page needs --name NAME or --url URL");
        return 0;
    }
    if (c->name && !name_valid(c->name)) {
        errorf("record: '%s' is not a fixture name (letters, digits, '.', "
               "'_' and '-', not first '.' or '-')", c->name);
        return 0;
    }
    return 1;
}

int
fixture_record(const struct fixture_cli *c)
{
    if (!usage_ok(c))
        return EXIT_USAGE;
    if (io_mkdirs(c->dir)) {
        errorf("%s: %s", c->dir, strerror(errno));
        return EXIT_INPUT;
    }
    if (c->cfg.opt.insecure)
        warnf("--insecure: TLS CERTIFICATES ARE NOT VERIFIED; anyone on "
              "the network path can change what is recorded");
    pith_extractor *ex = pith_new(&c->cfg.opt);
    if (!ex) {
        errorf("out of memory");
        return EXIT_INTERNAL;
    }
    struct taken t = {NULL, NULL, 0};
    int first = EXIT_OK;
    for (int i = 0; i < c->noperands; i++) {
        int code = record_input(c, ex, c->operands[i], &t);
        if (first == EXIT_OK)
            first = code;
    }
    pith_free(ex);
    if (t.n && manifest_write(c->dir)) {
        errorf("%s/%s: %s", c->dir, MANIFEST_FILE, strerror(errno));
        if (first == EXIT_OK)
            first = EXIT_INPUT;
    }
    store_list_free(t.names, (size_t)t.n);
    store_list_free(t.urls, (size_t)t.n);
    return first;
}
