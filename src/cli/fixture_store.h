/*
 * The fixture format on disk.  DIR/NAME/ holds:
 *
 *   source.html    the body as received, byte for byte
 *   fixture.json   the response (URL, final URL, status, content type,
 *                  headers, redirects), when and how it was recorded, the
 *                  options it is extracted with, and the expected outputs
 *                  it keeps
 *   expected.txt, expected.json, expected.md   what pith printed then
 *
 * Other files there (notes, meta.json) are left alone.  DIR/manifest.json
 * lists the fixtures (fixture_manifest.h).
 */
#ifndef PITH_CLI_FIXTURE_STORE_H
#define PITH_CLI_FIXTURE_STORE_H

#include "pith.h"

#include <json-c/json.h>
#include <stddef.h>

#define FIXTURE_META "fixture.json"
#define FIXTURE_SOURCE "source.html"
/* fixture.json's "pith_fixture": the format's version. */
#define FIXTURE_FORMAT 1

enum out_kind { OUT_TXT, OUT_JSON, OUT_MD, OUT_KINDS };

/* "expected.txt", "expected.json", "expected.md" */
extern const char *const out_file[OUT_KINDS];
extern const pith_format out_format[OUT_KINDS];

/* A fixture as loaded for checking. */
struct fixture {
    const char *name;
    char *path;               /* DIR/NAME */
    struct json_object *meta; /* fixture.json */
    const char *url;          /* these three point into meta; NULL when */
    const char *base_url;     /* absent.  base_url: the final URL, else */
    const char *content_type; /* the URL */
    pith_options opt;         /* min_chars, max_bytes, force */
    int keeps[OUT_KINDS];     /* the expected outputs it has */
    char *source;
    size_t source_len;
    char *expected[OUT_KINDS];
    size_t expected_len[OUT_KINDS];
    char error[1024];         /* when broken: what, naming the file */
};

/* Loads DIR/NAME into f (which store_free() releases either way).
 * Returns -1 when a file is missing, unreadable or malformed, with
 * f->error saying which. */
int store_load(const char *dir, const char *name, struct fixture *f);
void store_free(struct fixture *f);

/* The names of DIR's fixtures, sorted: subdirectories that hold a
 * fixture.json or a source.html.  -1 with errno when DIR is unreadable.
 * Free with store_list_free(). */
int store_list(const char *dir, char ***names, size_t *n);
void store_list_free(char **names, size_t n);

/* The "url" of DIR/NAME/fixture.json, malloc'd; NULL when there is none
 * or it cannot be read. */
char *store_recorded_url(const char *dir, const char *name);

/* Writes meta as PATH/fixture.json: a key a line, and arrays one element
 * a line, so that a change reads well in a diff. */
int store_write_meta(const char *path, struct json_object *meta);

/* Writes text as PATH/expected.* for kind. */
int store_write_expected(const char *path, enum out_kind kind,
                         const char *text, size_t len);

#endif
