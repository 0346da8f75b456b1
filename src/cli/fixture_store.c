/*
 * The fixture format on disk; see fixture_store.h.  fixture.json is read
 * with json-c and written by hand, a key a line, so that re-recording a
 * page shows as a readable diff in version control.
 */
#include "fixture_store.h"

#include "fixture_io.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Local files of a fixture are read whole; the extraction applies its own
 * byte cap afterwards, so this only guards against a wrong path. */
#define STORE_MAX_FILE_BYTES ((size_t)1 << 31)

const char *const out_file[OUT_KINDS] = {"expected.txt", "expected.json",
                                         "expected.md"};
const pith_format out_format[OUT_KINDS] = {
    PITH_FORMAT_TXT, PITH_FORMAT_JSON, PITH_FORMAT_MARKDOWN};

/* ------------------------------------------------------------ loading */

static int __attribute__((format(printf, 2, 3)))
broken(struct fixture *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->error, sizeof f->error, fmt, ap);
    va_end(ap);
    return -1;
}

/* Reads PATH/file into *out; -1 with f->error naming the file. */
static int
load_file(struct fixture *f, const char *file, char **out, size_t *len)
{
    char *p = io_fmt("%s/%s", f->path, file);
    int rc = io_read(p, STORE_MAX_FILE_BYTES, out, len);
    if (rc)
        broken(f, "%s: %s", p, strerror(errno));
    free(p);
    return rc;
}

/* meta[key] as a string: NULL when absent or null, -1 when another type. */
static int
get_string(struct fixture *f, struct json_object *o, const char *key,
           const char **out)
{
    struct json_object *v = NULL;
    *out = NULL;
    if (!json_object_object_get_ex(o, key, &v) || !v)
        return 0;
    if (!json_object_is_type(v, json_type_string))
        return broken(f, "%s/%s: \"%s\" is not a string", f->path,
                      FIXTURE_META, key);
    *out = json_object_get_string(v);
    return 0;
}

/* options.key as a count: 0 when absent or null. */
static int
get_count(struct fixture *f, struct json_object *opts, const char *key,
          size_t *out)
{
    struct json_object *v = NULL;
    *out = 0;
    if (!opts || !json_object_object_get_ex(opts, key, &v) || !v)
        return 0;
    if (!json_object_is_type(v, json_type_int) ||
        json_object_get_int64(v) < 0)
        return broken(f, "%s/%s: options.%s is not a count", f->path,
                      FIXTURE_META, key);
    *out = (size_t)json_object_get_int64(v);
    return 0;
}

/* "outputs": the expected files kept; expected.txt alone when absent. */
static int
get_outputs(struct fixture *f)
{
    struct json_object *v = NULL;
    if (!json_object_object_get_ex(f->meta, "outputs", &v) || !v) {
        f->keeps[OUT_TXT] = 1;
        return 0;
    }
    size_t n = json_object_is_type(v, json_type_array)
                   ? json_object_array_length(v) : 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = json_object_get_string(
            json_object_array_get_idx(v, i));
        int k = 0;
        while (k < OUT_KINDS && (!s || strcmp(s, out_file[k])))
            k++;
        if (k == OUT_KINDS)
            return broken(f, "%s/%s: unknown output \"%s\"", f->path,
                          FIXTURE_META, s ? s : "");
        f->keeps[k] = 1;
    }
    /* expected.txt is what manifest.json points the scorer to. */
    if (!f->keeps[OUT_TXT])
        return broken(f, "%s/%s: \"outputs\" does not list %s", f->path,
                      FIXTURE_META, out_file[OUT_TXT]);
    return 0;
}

static int
load_meta(struct fixture *f)
{
    char *text;
    size_t len;
    if (load_file(f, FIXTURE_META, &text, &len))
        return -1;
    enum json_tokener_error err = json_tokener_success;
    f->meta = json_tokener_parse_verbose(text, &err);
    free(text);
    if (!f->meta || !json_object_is_type(f->meta, json_type_object))
        return broken(f, "%s/%s: not a JSON object (%s)", f->path,
                      FIXTURE_META, f->meta ? "another value"
                                            : json_tokener_error_desc(err));
    struct json_object *v = NULL, *opts = NULL;
    if (json_object_object_get_ex(f->meta, "pith_fixture", &v) &&
        json_object_get_int(v) > FIXTURE_FORMAT)
        return broken(f, "%s/%s: format %d is newer than this pith reads "
                      "(%d)", f->path, FIXTURE_META, json_object_get_int(v),
                      FIXTURE_FORMAT);
    json_object_object_get_ex(f->meta, "options", &opts);
    const char *final_url;
    struct json_object *force = NULL;
    if (get_string(f, f->meta, "url", &f->url) ||
        get_string(f, f->meta, "final_url", &final_url) ||
        get_string(f, f->meta, "content_type", &f->content_type) ||
        get_count(f, opts, "min_chars", &f->opt.min_chars) ||
        get_count(f, opts, "max_bytes", &f->opt.max_bytes) ||
        get_outputs(f))
        return -1;
    f->base_url = final_url ? final_url : f->url;
    if (opts && json_object_object_get_ex(opts, "any_type", &force))
        f->opt.force = json_object_get_boolean(force);
    return 0;
}

int
store_load(const char *dir, const char *name, struct fixture *f)
{
    memset(f, 0, sizeof *f);
    f->name = name;
    f->path = io_fmt("%s/%s", dir, name);
    if (load_meta(f) ||
        load_file(f, FIXTURE_SOURCE, &f->source, &f->source_len))
        return -1;
    for (int k = 0; k < OUT_KINDS; k++)
        if (f->keeps[k] && load_file(f, out_file[k], &f->expected[k],
                                     &f->expected_len[k]))
            return -1;
    return 0;
}

void
store_free(struct fixture *f)
{
    free(f->path);
    json_object_put(f->meta);
    free(f->source);
    for (int k = 0; k < OUT_KINDS; k++)
        free(f->expected[k]);
    memset(f, 0, sizeof *f);
}

/* ------------------------------------------------------------ listing */

/* Nonzero when DIR/NAME is a directory holding one of a fixture's files. */
static int
is_fixture(const char *dir, const char *name)
{
    struct stat st;
    char *p = io_fmt("%s/%s", dir, name);
    int yes = 0;
    if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
        char *m = io_fmt("%s/%s", p, FIXTURE_META);
        char *s = io_fmt("%s/%s", p, FIXTURE_SOURCE);
        yes = io_exists(m) || io_exists(s);
        free(m);
        free(s);
    }
    free(p);
    return yes;
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int
store_list(const char *dir, char ***names, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char **v = NULL;
    size_t len = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || !is_fixture(dir, e->d_name))
            continue;
        if (len == cap) {
            cap = cap ? cap * 2 : 32;
            char **w = realloc(v, cap * sizeof *w);
            if (!w)
                break;
            v = w;
        }
        v[len++] = io_fmt("%s", e->d_name);
    }
    closedir(d);
    if (e) { /* the loop broke: out of memory */
        store_list_free(v, len);
        errno = ENOMEM;
        return -1;
    }
    if (len)
        qsort(v, len, sizeof *v, by_name);
    *names = v;
    *n = len;
    return 0;
}

void
store_list_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

char *
store_recorded_url(const char *dir, const char *name)
{
    char *p = io_fmt("%s/%s/%s", dir, name, FIXTURE_META), *text;
    size_t len;
    int rc = io_read(p, STORE_MAX_FILE_BYTES, &text, &len);
    free(p);
    if (rc)
        return NULL;
    struct json_object *o = json_tokener_parse(text), *v = NULL;
    free(text);
    char *url = NULL;
    if (o && json_object_object_get_ex(o, "url", &v) &&
        json_object_is_type(v, json_type_string))
        url = io_fmt("%s", json_object_get_string(v));
    json_object_put(o);
    return url;
}

/* ------------------------------------------------------------ writing */

static const char *
compact(struct json_object *v)
{
    return json_object_to_json_string_ext(
        v, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
}

/* One key and its value; a non-empty array one element a line. */
static void
put_member(FILE *f, const char *key, struct json_object *val)
{
    struct json_object *k = json_object_new_string(key);
    fprintf(f, "  %s: ", k ? compact(k) : "\"\"");
    json_object_put(k);
    size_t n = json_object_is_type(val, json_type_array)
                   ? json_object_array_length(val) : 0;
    if (!n) {
        fputs(val ? compact(val) : "null", f);
        return;
    }
    fputs("[\n", f);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "    %s%s\n", compact(json_object_array_get_idx(val, i)),
                i + 1 < n ? "," : "");
    fputs("  ]", f);
}

int
store_write_meta(const char *path, struct json_object *meta)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return -1;
    fputs("{\n", f);
    int first = 1;
    json_object_object_foreach(meta, key, val) {
        if (!first)
            fputs(",\n", f);
        first = 0;
        put_member(f, key, val);
    }
    fputs("\n}\n", f);
    if (fclose(f)) {
        free(text);
        return -1;
    }
    char *file = io_fmt("%s/%s", path, FIXTURE_META);
    int rc = io_write(file, text, len);
    int err = errno;
    free(file);
    free(text);
    errno = err;
    return rc;
}

int
store_write_expected(const char *path, enum out_kind kind, const char *text,
                     size_t len)
{
    char *file = io_fmt("%s/%s", path, out_file[kind]);
    int rc = io_write(file, text, len);
    int err = errno;
    free(file);
    errno = err;
    return rc;
}
