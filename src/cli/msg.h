/* Messages to the user on stderr, one line each, prefixed "pith: ". */
#ifndef PITH_CLI_MSG_H
#define PITH_CLI_MSG_H

void errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warnf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
