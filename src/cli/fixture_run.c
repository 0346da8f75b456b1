/* One fixture through the library; see fixture_run.h. */
#include "fixture_run.h"

#include "fixture_io.h"
#include "msg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
to_stream(const char *data, size_t len, void *userdata)
{
    return fwrite(data, 1, len, userdata) == len ? 0 : -1;
}

/* res rendered as kind into o; empty when there is nothing to render. */
static int
render(const pith_result *res, enum out_kind k, struct outputs *o)
{
    FILE *f = open_memstream(&o->text[k], &o->len[k]);
    if (!f)
        return -1;
    int has_text = o->status == PITH_OK;
    int has_meta = o->status == PITH_ERR_NO_CONTENT && k == OUT_JSON;
    if (res && (has_text || has_meta))
        pith_render(res, out_format[k], 0, to_stream, f);
    return fclose(f) ? -1 : 0;
}

int
run_extract(const char *bytes, size_t len, const char *content_type,
            const char *url, const pith_options *opt,
            const int want[OUT_KINDS], struct outputs *o)
{
    memset(o, 0, sizeof *o);
    pith_extractor *ex = pith_new(opt);
    if (!ex)
        return -1;
    pith_result *res = NULL;
    o->status = pith_extract_html(ex, bytes, len, content_type, url, &res);
    if (o->status != PITH_OK)
        snprintf(o->error, sizeof o->error, "%s",
                 *pith_errmsg(ex) ? pith_errmsg(ex)
                                  : pith_strerror(o->status));
    int rc = 0;
    for (int k = 0; k < OUT_KINDS && rc == 0; k++)
        if (want[k])
            rc = render(res, k, o);
    pith_result_free(res);
    pith_free(ex);
    return rc;
}

void
outputs_free(struct outputs *o)
{
    for (int k = 0; k < OUT_KINDS; k++)
        free(o->text[k]);
    memset(o, 0, sizeof *o);
}

void
run_fixture(const char *dir, const char *name, struct outcome *oc)
{
    memset(oc, 0, sizeof *oc);
    oc->verdict = VERDICT_BROKEN;
    struct fixture *f = &oc->fx;
    if (store_load(dir, name, f))
        return;
    if (run_extract(f->source, f->source_len, f->content_type, f->base_url,
                    &f->opt, f->keeps, &oc->now)) {
        snprintf(f->error, sizeof f->error, "%s: out of memory", f->path);
        return;
    }
    oc->verdict = VERDICT_PASSED;
    for (int k = 0; k < OUT_KINDS; k++) {
        if (!f->keeps[k])
            continue;
        oc->changed[k] = f->expected_len[k] != oc->now.len[k] ||
                         memcmp(f->expected[k], oc->now.text[k],
                                oc->now.len[k]);
        if (oc->changed[k])
            oc->verdict = VERDICT_FAILED;
    }
}

void
outcome_free(struct outcome *oc)
{
    store_free(&oc->fx);
    outputs_free(&oc->now);
}

int
run_accept(const struct outcome *oc)
{
    for (int k = 0; k < OUT_KINDS; k++)
        if (oc->changed[k] &&
            store_write_expected(oc->fx.path, k, oc->now.text[k],
                                 oc->now.len[k]))
            return -1;
    return 0;
}

int
run_select(const struct fixture_cli *c, char ***names, size_t *n)
{
    if (c->noperands) {
        *names = calloc((size_t)c->noperands, sizeof **names);
        if (!*names) {
            errorf("out of memory");
            return EXIT_INTERNAL;
        }
        for (int i = 0; i < c->noperands; i++)
            (*names)[i] = io_fmt("%s", c->operands[i]);
        *n = (size_t)c->noperands;
        return EXIT_OK;
    }
    if (store_list(c->dir, names, n)) {
        errorf("%s: %s", c->dir, strerror(errno));
        return EXIT_FIXTURE_BROKEN;
    }
    if (*n == 0) {
        errorf("%s holds no fixtures (no NAME/%s)", c->dir, FIXTURE_META);
        store_list_free(*names, *n);
        return EXIT_FIXTURE_BROKEN;
    }
    return EXIT_OK;
}
