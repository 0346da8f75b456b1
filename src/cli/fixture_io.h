/*
 * Files for the fixture commands: whole-file reads, writes that a reader
 * never sees half done, directories made as needed, and path building.
 * Failures return -1 with errno set, for the caller's message.
 */
#ifndef PITH_CLI_FIXTURE_IO_H
#define PITH_CLI_FIXTURE_IO_H

#include <stddef.h>

/* Reads all of path, at most max bytes (EFBIG past that), into a malloc'd
 * buffer with one NUL after the *len bytes read. */
int io_read(const char *path, size_t max, char **out, size_t *len);

/* Writes len bytes to path through "path.tmp" and a rename, so path holds
 * the old bytes or the new ones, never a mix. */
int io_write(const char *path, const char *data, size_t len);

/* Makes path and its missing parents, like mkdir -p. */
int io_mkdirs(const char *path);

/* Nonzero when path exists (as anything). */
int io_exists(const char *path);

/* A printf-style malloc'd string.  Out of memory ends the program with
 * exit code 1, since no fixture command can go on without its paths. */
char *io_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
