/*
 * The one argv parser of pith, pith batch and pith fixture; see
 * options.h.  Options are exact: "--name", "--name=value" when it takes a
 * value, or "-x" alone (no "-xVALUE", no bundling, no abbreviations),
 * which is what the commands have always accepted.
 */
#include "cli/options.h"

#include "cli/msg.h"

#include <string.h>

/* Whether arg names o: "--name", "--name=value" or "-x". */
static int
matches(const struct opt *o, const char *arg)
{
    if (o->letter && arg[0] == '-' && arg[1] == o->letter && !arg[2])
        return 1;
    size_t l = strlen(o->name);
    return !strncmp(arg, o->name, l) &&
           (arg[l] == '\0' || (arg[l] == '=' && o->arg != ARG_NONE));
}

const struct opt *
opts_find(const char *arg, unsigned mask)
{
    for (size_t i = 0; i < opts_count; i++)
        if ((opts_table[i].commands & mask) && matches(&opts_table[i], arg))
            return &opts_table[i];
    return NULL;
}

/* Applies argv[*i], its value from the same word ("--name=value") or,
 * when one is required, the next. */
static int
one_option(const struct command_line *cl, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    const struct opt *o = opts_find(a, cl->command);
    if (!o) {
        cl->refuse(cl, a);
        return -1;
    }
    if (o->id == OPT_HELP) {
        opts_help(cl->help, stdout);
        return 1;
    }
    const char *eq = strchr(a, '='), *v = NULL;
    if (o->arg != ARG_NONE && a[1] == '-' && eq) {
        v = eq + 1;
    } else if (o->arg == ARG_REQUIRED) {
        if (*i + 1 >= argc) {
            errorf("%s needs a value", a);
            return -1;
        }
        v = argv[++*i];
    }
    return cl->apply(cl->ctx, o, v);
}

int
opts_parse(const struct command_line *cl, int argc, char **argv, int first)
{
    int only_operands = 0;
    for (int i = first; i < argc; i++) {
        char *a = argv[i];
        if (!only_operands && !strcmp(a, "--")) {
            only_operands = 1;
            continue;
        }
        int rc = !only_operands && a[0] == '-' && a[1] != '\0'
                     ? one_option(cl, argc, argv, &i)
                     : cl->operand(cl->ctx, a);
        if (rc)
            return rc;
    }
    return 0;
}
