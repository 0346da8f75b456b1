/*
 * pith fixture check DIR [NAME...]: every fixture (or those named) is
 * extracted again from its stored bytes and compared with its expected
 * outputs.  Prints a unified diff per changed fixture, and last the line
 * "N passed, N failed" (", N broken" when some are); with --json, one
 * JSON report instead.  Exits 0 when nothing changed, 1 when an output
 * changed, 10 when a fixture (or the manifest) is broken.
 */
#include "fixture.h"

#include "fixture_manifest.h"
#include "fixture_run.h"
#include "fixture_show.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tally {
    int passed, failed, broken;
    struct json_object *report; /* --json: the fixtures' entries */
};

static const char *const verdict_name[] = {"passed", "failed", "broken"};

/* The fixture's entry of the JSON report. */
static void
report_entry(struct tally *t, const struct outcome *oc)
{
    struct json_object *e = json_object_new_object();
    struct json_object *changed = json_object_new_array();
    char *diff = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&diff, &len);
    if (f) {
        show_outcome(f, oc, 0);
        fclose(f);
    }
    for (int k = 0; k < OUT_KINDS; k++)
        if (oc->changed[k])
            json_object_array_add(changed,
                                  json_object_new_string(out_file[k]));
    json_object_object_add(e, "name", json_object_new_string(oc->fx.name));
    json_object_object_add(e, "status", json_object_new_string(
                                            verdict_name[oc->verdict]));
    json_object_object_add(e, "changed", changed);
    json_object_object_add(e, "diff", len ? json_object_new_string(diff)
                                          : NULL);
    json_object_object_add(e, "error",
                           oc->verdict == VERDICT_BROKEN
                               ? json_object_new_string(oc->fx.error)
                               : NULL);
    json_object_array_add(t->report, e);
    free(diff);
}

static void
print_failure(const struct outcome *oc, int color)
{
    printf("%sFAIL %s:", color ? "\033[1m" : "", oc->fx.name);
    for (int k = 0; k < OUT_KINDS; k++)
        if (oc->changed[k])
            printf(" %s", out_file[k]);
    printf(" changed%s\n", color ? "\033[0m" : "");
    show_outcome(stdout, oc, color);
}

static void
check_one(const struct fixture_cli *c, const char *name, struct tally *t,
          int color)
{
    struct outcome oc;
    run_fixture(c->dir, name, &oc);
    if (oc.verdict == VERDICT_BROKEN) {
        errorf("%s", oc.fx.error);
        t->broken++;
    } else if (oc.verdict == VERDICT_FAILED) {
        t->failed++;
        if (!c->json)
            print_failure(&oc, color);
    } else {
        t->passed++;
    }
    if (c->json)
        report_entry(t, &oc);
    outcome_free(&oc);
}

static void
print_report(struct tally *t, const char *manifest_error)
{
    struct json_object *r = json_object_new_object();
    json_object_object_add(r, "passed", json_object_new_int(t->passed));
    json_object_object_add(r, "failed", json_object_new_int(t->failed));
    json_object_object_add(r, "broken", json_object_new_int(t->broken));
    json_object_object_add(r, "manifest_error",
                           manifest_error ? json_object_new_string(
                                                manifest_error)
                                          : NULL);
    json_object_object_add(r, "fixtures", t->report);
    puts(json_object_to_json_string_ext(
        r, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
               JSON_C_TO_STRING_NOSLASHESCAPE));
    json_object_put(r);
}

int
fixture_check(const struct fixture_cli *c)
{
    char **names;
    size_t n;
    int code = run_select(c, &names, &n);
    if (code != EXIT_OK)
        return code;
    struct tally t = {0, 0, 0, c->json ? json_object_new_array() : NULL};
    int color = !c->json && show_color(c);
    for (size_t i = 0; i < n; i++)
        check_one(c, names[i], &t, color);
    /* The manifest is the scorer's view of the directory: when checking
     * all of it, a fixture the manifest misses is a broken directory. */
    char msg[1024];
    int stale = !c->noperands && manifest_verify(c->dir, names, n, msg,
                                                 sizeof msg);
    if (stale)
        errorf("%s (pith fixture update %s rewrites it)", msg, c->dir);
    store_list_free(names, n);
    if (c->json)
        print_report(&t, stale ? msg : NULL);
    else if (t.broken)
        printf("%d passed, %d failed, %d broken\n", t.passed, t.failed,
               t.broken);
    else
        printf("%d passed, %d failed\n", t.passed, t.failed);
    if (fflush(stdout)) {
        errorf("writing the report failed");
        return EXIT_INTERNAL;
    }
    if (t.broken || stale)
        return EXIT_FIXTURE_BROKEN;
    return t.failed ? EXIT_CHANGED : EXIT_OK;
}
