/*
 * pith fixture update DIR [NAME...]: the outputs pith gives now become
 * the expected ones, for the fixtures named or all of DIR; the manifest
 * is rewritten.  What changed is named, a line a fixture; the last line
 * is "N updated, N unchanged" (", N broken").
 */
#include "fixture.h"

#include "fixture_manifest.h"
#include "fixture_run.h"
#include "msg.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Updates one fixture; returns the exit code it calls for. */
static int
update_one(const struct fixture_cli *c, const char *name, int *updated)
{
    struct outcome oc;
    int code = EXIT_OK;
    run_fixture(c->dir, name, &oc);
    if (oc.verdict == VERDICT_BROKEN) {
        errorf("%s", oc.fx.error);
        code = EXIT_FIXTURE_BROKEN;
    } else if (oc.verdict == VERDICT_FAILED) {
        if (run_accept(&oc)) {
            errorf("%s: %s", oc.fx.path, strerror(errno));
            code = EXIT_INPUT;
        } else {
            printf("updated %s:", name);
            for (int k = 0; k < OUT_KINDS; k++)
                if (oc.changed[k])
                    printf(" %s", out_file[k]);
            printf("\n");
            ++*updated;
        }
    }
    outcome_free(&oc);
    return code;
}

int
fixture_update(const struct fixture_cli *c)
{
    char **names;
    size_t n;
    int code = run_select(c, &names, &n);
    if (code != EXIT_OK)
        return code;
    int updated = 0, failures = 0;
    for (size_t i = 0; i < n; i++) {
        int rc = update_one(c, names[i], &updated);
        failures += rc != EXIT_OK;
        if (code == EXIT_OK)
            code = rc;
    }
    store_list_free(names, n);
    if (manifest_write(c->dir)) {
        errorf("%s/%s: %s", c->dir, MANIFEST_FILE, strerror(errno));
        if (code == EXIT_OK)
            code = EXIT_INPUT;
    }
    int unchanged = (int)n - updated - failures;
    if (failures)
        printf("%d updated, %d unchanged, %d broken\n", updated, unchanged,
               failures);
    else
        printf("%d updated, %d unchanged\n", updated, unchanged);
    return code;
}
