/* Showing a changed fixture; see fixture_show.h. */
#include "fixture_show.h"

#include "fixture_diff.h"
#include "fixture_io.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
show_color(const struct fixture_cli *c)
{
    if (c->color != COLOR_AUTO)
        return c->color == COLOR_ALWAYS;
    const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
    return isatty(STDOUT_FILENO) && !(no && *no) &&
           !(term && !strcmp(term, "dumb"));
}

/* text as indented JSON, malloc'd; NULL when it is not JSON. */
static char *
indented(const char *text)
{
    struct json_object *o = json_tokener_parse(text);
    if (!o)
        return NULL;
    char *s = io_fmt("%s\n", json_object_to_json_string_ext(
                                 o, JSON_C_TO_STRING_PRETTY |
                                        JSON_C_TO_STRING_SPACED |
                                        JSON_C_TO_STRING_NOSLASHESCAPE));
    json_object_put(o);
    return s;
}

static int
show_kind(FILE *f, const struct outcome *oc, enum out_kind k, int color)
{
    const char *old = oc->fx.expected[k], *now = oc->now.text[k];
    size_t old_len = oc->fx.expected_len[k], now_len = oc->now.len[k];
    char *a = NULL, *b = NULL;
    if (k == OUT_JSON && (a = indented(old)) && (b = indented(now)) &&
        strcmp(a, b)) {
        old = a;
        now = b;
        old_len = strlen(a);
        now_len = strlen(b);
    }
    char *la = io_fmt("%s/%s (expected)", oc->fx.name, out_file[k]);
    char *lb = io_fmt("%s/%s (now)", oc->fx.name, out_file[k]);
    int rc = diff_write(f, old, old_len, now, now_len, la, lb, color);
    free(la);
    free(lb);
    free(a);
    free(b);
    return rc;
}

int
show_outcome(FILE *f, const struct outcome *oc, int color)
{
    pith_status st = oc->now.status;
    if (st != PITH_OK && st != PITH_ERR_NO_CONTENT)
        fprintf(f, "%s: the extraction now fails: %s\n", oc->fx.name,
                oc->now.error);
    for (int k = 0; k < OUT_KINDS; k++)
        if (oc->changed[k] && show_kind(f, oc, k, color))
            return -1;
    return 0;
}
