/*
 * A command's --help from the option table; see options.h.  Options are
 * listed two columns wide as the hand-written helps were: the option and
 * its argument, then its help from column 25, continued lines indented
 * to the same column.
 */
#include "cli/options.h"

#include <string.h>

#define HELP_COLUMN 25

/* "  -x, --name ARG" or "  --name[=ARG]", and the help beside it. */
static void
print_option(const struct opt *o, FILE *out)
{
    char left[64];
    int n = o->letter ? snprintf(left, sizeof left, "  -%c, %s", o->letter,
                                 o->name)
                      : snprintf(left, sizeof left, "  %s", o->name);
    if (o->arg == ARG_REQUIRED)
        n += snprintf(left + n, sizeof left - (size_t)n, " %s", o->argname);
    else if (o->arg == ARG_OPTIONAL)
        n += snprintf(left + n, sizeof left - (size_t)n, "[=%s]",
                      o->argname);
    fputs(left, out);
    if (n > HELP_COLUMN - 2)
        fprintf(out, "\n%*s", HELP_COLUMN, "");
    else
        fprintf(out, "%*s", HELP_COLUMN - n, "");
    for (const char *h = o->help; *h; h++) {
        fputc(*h, out);
        if (*h == '\n')
            fprintf(out, "%*s", HELP_COLUMN, "");
    }
    fputc('\n', out);
}

/* Prints the options of section s that the help's commands take;
 * nothing, not even the title, when there are none. */
static void
print_section(const struct help *h, const struct help_section *s,
              FILE *out)
{
    int any = 0;
    for (const enum opt_group *g = s->groups; *g != GROUP_NONE; g++) {
        for (size_t i = 0; i < opts_count; i++) {
            const struct opt *o = &opts_table[i];
            if (o->group != *g || !(o->commands & h->commands))
                continue;
            if (!any++)
                fprintf(out, "\n%s%s", s->title, *s->title ? "\n" : "");
            print_option(o, out);
        }
    }
}

void
opts_help(const struct help *h, FILE *out)
{
    fputs(h->head, out);
    for (const struct help_section *s = h->sections; s->title; s++)
        print_section(h, s, out);
    fprintf(out, "\n%s", h->foot);
}
