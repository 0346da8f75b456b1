/* Messages to the user; see msg.h. */
#include "cli/msg.h"

#include <stdarg.h>
#include <stdio.h>

static void
say(const char *level, const char *fmt, va_list ap)
{
    fputs("pith: ", stderr);
    if (level)
        fputs(level, stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void
errorf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(NULL, fmt, ap);
    va_end(ap);
}

void
warnf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say("warning: ", fmt, ap);
    va_end(ap);
}
