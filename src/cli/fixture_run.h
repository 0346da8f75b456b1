/*
 * One fixture through the library, offline: the stored bytes extracted
 * with the stored content type, base URL and options, rendered in each
 * output the fixture keeps, and compared byte for byte with the expected
 * files.  Nothing else of fixture.json (the recording time, the headers)
 * takes part in the comparison.
 */
#ifndef PITH_CLI_FIXTURE_RUN_H
#define PITH_CLI_FIXTURE_RUN_H

#include "fixture.h"
#include "fixture_store.h"

/* What pith prints for a page now. */
struct outputs {
    char *text[OUT_KINDS]; /* malloc'd; NULL for kinds not asked */
    size_t len[OUT_KINDS];
    pith_status status;    /* PITH_OK, PITH_ERR_NO_CONTENT or a failure */
    char error[512];       /* the failure's message */
};

/* Extracts bytes and renders the kinds in want.  A page without main
 * content gives an empty txt and Markdown and the JSON of its title and
 * metadata; a failure (not HTML, too big) leaves every output empty, with
 * status and error saying why.  -1 only when out of memory. */
int run_extract(const char *bytes, size_t len, const char *content_type,
                const char *url, const pith_options *opt,
                const int want[OUT_KINDS], struct outputs *o);
void outputs_free(struct outputs *o);

enum verdict { VERDICT_PASSED, VERDICT_FAILED, VERDICT_BROKEN };

struct outcome {
    struct fixture fx;
    struct outputs now;
    int changed[OUT_KINDS];
    enum verdict verdict; /* BROKEN: fx.error says why */
};

/* Loads DIR/NAME and compares its outputs now with the expected ones. */
void run_fixture(const char *dir, const char *name, struct outcome *oc);
void outcome_free(struct outcome *oc);

/* Makes the outputs of now the expected ones, for the kinds that changed.
 * -1 with errno when a file cannot be written. */
int run_accept(const struct outcome *oc);

/* The fixtures a command works on: the names given, or every fixture of
 * c->dir.  Returns an exit code; on EXIT_OK free *names with
 * store_list_free(). */
int run_select(const struct fixture_cli *c, char ***names, size_t *n);

#endif
