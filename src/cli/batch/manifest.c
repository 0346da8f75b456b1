/* Reading a manifest back for --resume; see manifest.h. */
#include "cli/batch/manifest.h"

#include "cli/batch/strbuf.h"
#include "cli/msg.h"

#include <errno.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void
doneset_free(struct doneset *ds)
{
    free(ds->h);
    ds->h = NULL;
    ds->n = 0;
}

/* The "source" of a line, and whether its "status" is done.  NULL for a
 * line that is not a whole JSON object (a batch killed mid-write). */
static json_object *
parse_line(const char *line, size_t len, const char **source, int *done)
{
    if (!len || line[len - 1] != '\n')
        return NULL;
    json_object *o = json_tokener_parse(line), *v;
    *source = NULL;
    *done = 0;
    if (!o || !json_object_is_type(o, json_type_object)) {
        json_object_put(o);
        return NULL;
    }
    if (json_object_object_get_ex(o, "source", &v) &&
        json_object_is_type(v, json_type_string))
        *source = json_object_get_string(v);
    if (json_object_object_get_ex(o, "status", &v) &&
        json_object_is_type(v, json_type_string)) {
        const char *s = json_object_get_string(v);
        *done = !strcmp(s, "ok") || !strcmp(s, "no-content");
    }
    return o;
}

static int
cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int
collect(FILE *f, struct doneset *ds)
{
    char *line = NULL;
    size_t cap = 0, n = 0, vcap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        const char *src;
        int done;
        json_object *o = parse_line(line, (size_t)len, &src, &done);
        if (o && src && done) {
            if (n == vcap) {
                vcap = vcap ? vcap * 2 : 1024;
                uint64_t *v = realloc(ds->h, vcap * sizeof *v);
                if (!v) {
                    json_object_put(o);
                    free(line);
                    return -1;
                }
                ds->h = v;
            }
            ds->h[n++] = shard_hash(src);
        }
        json_object_put(o);
    }
    free(line);
    if (ferror(f))
        return -1;
    qsort(ds->h, n, sizeof *ds->h, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || ds->h[u - 1] != ds->h[i])
            ds->h[u++] = ds->h[i];
    ds->n = u;
    return 0;
}

/* Rewrites path keeping the first whole line of each done source. */
static int
rewrite(const char *path, const struct doneset *ds, int by_manifest_status)
{
    FILE *in = fopen(path, "r");
    if (!in)
        return errno == ENOENT ? 0 : -1;
    struct strbuf tmp = {0};
    sb_printf(&tmp, "%s.resume-tmp", path);
    FILE *out = tmp.failed ? NULL : fopen(tmp.data, "w");
    unsigned char *seen = calloc(ds->n ? ds->n : 1, 1);
    int rc = out && seen ? 0 : -1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while (rc == 0 && (len = getline(&line, &cap, in)) > 0) {
        const char *src;
        int done;
        json_object *o = parse_line(line, (size_t)len, &src, &done);
        if (o && src && (done || !by_manifest_status)) {
            uint64_t h = shard_hash(src);
            const uint64_t *at = bsearch(&h, ds->h, ds->n, sizeof h, cmp_u64);
            if (at && !seen[at - ds->h]) {
                seen[at - ds->h] = 1;
                if (fwrite(line, 1, (size_t)len, out) != (size_t)len)
                    rc = -1;
            }
        }
        json_object_put(o);
    }
    if (ferror(in))
        rc = -1;
    free(line);
    free(seen);
    fclose(in);
    if (out && fclose(out))
        rc = -1;
    if (rc == 0 && rename(tmp.data, path))
        rc = -1;
    if (rc && !tmp.failed)
        unlink(tmp.data);
    sb_free(&tmp);
    return rc;
}

int
manifest_resume(const char *path, const char *jsonl, struct doneset *ds)
{
    memset(ds, 0, sizeof *ds);
    FILE *f = fopen(path, "r");
    if (!f && errno != ENOENT) {
        errorf("%s: %s", path, strerror(errno));
        return -1;
    }
    if (f) {
        int rc = collect(f, ds);
        fclose(f);
        if (rc) {
            errorf("%s: could not read it back", path);
            doneset_free(ds);
            return -1;
        }
    }
    if (rewrite(path, ds, 1) || (jsonl && rewrite(jsonl, ds, 0))) {
        errorf("%s: could not rewrite it: %s", jsonl && errno ? jsonl : path,
               strerror(errno));
        doneset_free(ds);
        return -1;
    }
    return 0;
}
