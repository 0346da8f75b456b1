/* DIR/manifest.json; see fixture_manifest.h. */
#include "fixture_manifest.h"

#include "fixture_io.h"
#include "fixture_store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A manifest of ten thousand fixtures is about 2 MB. */
#define MANIFEST_MAX_BYTES ((size_t)64 << 20)

/* s as a JSON string (or null), written to f. */
static void
put_string(FILE *f, const char *s)
{
    struct json_object *o = s ? json_object_new_string(s) : NULL;
    fputs(o ? json_object_to_json_string_ext(
                  o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)
            : "null",
          f);
    json_object_put(o);
}

static void
put_entry(FILE *f, const char *dir, const char *name, int last)
{
    char *url = store_recorded_url(dir, name);
    char *html = io_fmt("%s/%s", name, FIXTURE_SOURCE);
    char *expected = io_fmt("%s/expected.txt", name);
    fputs("  {\"id\": ", f);
    put_string(f, name);
    fputs(", \"set\": \"" MANIFEST_SET "\", \"kind\": \"full\", \"html\": ",
          f);
    put_string(f, html);
    fputs(", \"expected\": ", f);
    put_string(f, expected);
    fputs(", \"url\": ", f);
    put_string(f, url);
    fputs(last ? "}\n" : "},\n", f);
    free(url);
    free(html);
    free(expected);
}

int
manifest_write(const char *dir)
{
    char **names;
    size_t n;
    if (store_list(dir, &names, &n))
        return -1;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) {
        store_list_free(names, n);
        return -1;
    }
    fputs("[\n", f);
    for (size_t i = 0; i < n; i++)
        put_entry(f, dir, names[i], i + 1 == n);
    fputs("]\n", f);
    store_list_free(names, n);
    if (fclose(f)) {
        free(text);
        return -1;
    }
    char *path = io_fmt("%s/%s", dir, MANIFEST_FILE);
    int rc = io_write(path, text, len);
    int err = errno;
    free(path);
    free(text);
    errno = err;
    return rc;
}

/* entry.key == want */
static int
field_is(struct json_object *entry, const char *key, const char *want)
{
    struct json_object *v = NULL;
    return json_object_object_get_ex(entry, key, &v) &&
           json_object_is_type(v, json_type_string) &&
           !strcmp(json_object_get_string(v), want);
}

/* The entry of a (with id name), or NULL. */
static struct json_object *
entry_of(struct json_object *a, const char *name)
{
    size_t n = json_object_array_length(a);
    for (size_t i = 0; i < n; i++) {
        struct json_object *e = json_object_array_get_idx(a, i);
        if (field_is(e, "id", name))
            return e;
    }
    return NULL;
}

/* Nonzero when id is one of names. */
static int
listed(char *const *names, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(names[i], id))
            return 1;
    return 0;
}

static int
check_entries(struct json_object *a, const char *path, char *const *names,
              size_t n, char *msg, size_t size)
{
    for (size_t i = 0; i < n; i++) {
        struct json_object *e = entry_of(a, names[i]);
        char *html = io_fmt("%s/%s", names[i], FIXTURE_SOURCE);
        char *exp = io_fmt("%s/expected.txt", names[i]);
        int ok = e && field_is(e, "html", html) &&
                 field_is(e, "expected", exp);
        free(html);
        free(exp);
        if (!ok) {
            snprintf(msg, size, "%s %s %s", path,
                     e ? "has the wrong paths for" : "does not list",
                     names[i]);
            return -1;
        }
    }
    size_t m = json_object_array_length(a);
    for (size_t i = 0; i < m; i++) {
        struct json_object *id = NULL;
        json_object_object_get_ex(json_object_array_get_idx(a, i), "id",
                                  &id);
        const char *s = json_object_get_string(id);
        if (!s || !listed(names, n, s)) {
            snprintf(msg, size, "%s lists %s, which is not a fixture", path,
                     s ? s : "an entry without an id");
            return -1;
        }
    }
    return 0;
}

int
manifest_verify(const char *dir, char *const *names, size_t n, char *msg,
                size_t size)
{
    char *path = io_fmt("%s/%s", dir, MANIFEST_FILE), *text;
    size_t len;
    int rc = -1;
    if (io_read(path, MANIFEST_MAX_BYTES, &text, &len)) {
        snprintf(msg, size, "%s: %s", path, strerror(errno));
        free(path);
        return -1;
    }
    struct json_object *a = json_tokener_parse(text);
    free(text);
    if (!a || !json_object_is_type(a, json_type_array))
        snprintf(msg, size, "%s: not a JSON array", path);
    else
        rc = check_entries(a, path, names, n, msg, size);
    json_object_put(a);
    free(path);
    return rc;
}
