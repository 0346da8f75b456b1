/*
 * The man page, pith.1, from the option table and the helps that --help
 * prints: one source for both, so that they cannot disagree.  The build
 * runs "pith --man" to write it; cmake --install installs it.
 */
#include "cli/options.h"

#include "pith.h"

#include <string.h>

/* Text as roff: backslashes and dashes escaped, a line starting with a
 * dot or a quote protected. */
static void
put_roff(const char *s, size_t n, FILE *out)
{
    int bol = 1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (bol && (c == '.' || c == '\''))
            fputs("\\&", out);
        bol = c == '\n';
        if (c == '\\')
            fputs("\\e", out);
        else if (c == '-')
            fputs("\\-", out);
        else
            fputc(c, out);
    }
}

static void
put_roffs(const char *s, FILE *out)
{
    put_roff(s, strlen(s), out);
}

static void
put_option(const struct opt *o, FILE *out)
{
    /* .BI: the option in bold, its argument in italics. */
    fputs(".TP\n.BI \"", out);
    if (o->letter)
        fprintf(out, "\\-%c, ", o->letter);
    put_roffs(o->name, out);
    if (o->arg == ARG_OPTIONAL)
        fputs("[=", out);
    else if (o->arg == ARG_REQUIRED)
        fputs(" ", out);
    fputs("\" \"", out);
    if (o->arg != ARG_NONE)
        put_roffs(o->argname, out);
    fputs(o->arg == ARG_OPTIONAL ? "\" ]" : "\"", out);
    fputc('\n', out);
    /* The help's line breaks fit a terminal's columns, not a page. */
    for (const char *h = o->help; *h; h++) {
        if (*h == '\n')
            fputc(' ', out);
        else
            put_roff(h, 1, out);
    }
    fputc('\n', out);
}

/* The usage lines (up to the first blank line) and the prose after. */
static void
put_head(const char *head, FILE *out)
{
    const char *blank = strstr(head, "\n\n");
    size_t n = blank ? (size_t)(blank - head) + 1 : strlen(head);
    fputs(".nf\n", out);
    put_roff(head, n, out);
    fputs(".fi\n", out);
    if (blank) {
        fputs(".PP\n", out);
        const char *p = blank + 2;
        for (; *p; p++) {
            if (p[0] == '\n' && p[1] == '\n') {
                fputs("\n.PP\n", out);
                p++;
            } else if (*p == ' ' && p[-1] == '\n' && p[1] == ' ') {
                /* an indented table: keep its lines */
                fputs(".br\n", out);
                while (*p == ' ')
                    p++;
                p--;
            } else {
                put_roff(p, 1, out);
            }
        }
        fputc('\n', out);
    }
}

void
opts_man(const struct help *h, const char *title, int first, FILE *out)
{
    if (first) {
        fputs(".TH PITH 1 \"\" \"pith " PITH_VERSION "\" "
              "\"User Commands\"\n", out);
        fputs(".SH NAME\npith \\- the main content of web pages, as "
              "clean text\n", out);
        fputs(".SH SYNOPSIS\n", out);
    } else {
        fprintf(out, ".SH \"%s\"\n", title);
    }
    put_head(h->head, out);
    for (const struct help_section *s = h->sections; s->title; s++) {
        int any = 0;
        for (const enum opt_group *g = s->groups; *g != GROUP_NONE; g++)
            for (size_t i = 0; i < opts_count; i++) {
                const struct opt *o = &opts_table[i];
                if (o->group != *g || !(o->commands & h->commands))
                    continue;
                if (!any++) {
                    fputs(".SS \"", out);
                    put_roffs(*s->title ? s->title : "general:", out);
                    fputs("\"\n", out);
                }
                put_option(o, out);
            }
    }
    fputs(".PP\n", out);
    put_roffs(h->foot, out);
}
