/*
 * Jobs and outcomes over pipes, between the supervisor and its worker
 * and fetcher processes.  A frame is a fixed header (numbers and string
 * lengths) followed by the strings, each with a NUL, so a reader points
 * into its buffer instead of copying.  Both ends are the same program on
 * the same machine: numbers go in host order.
 */
#ifndef PITH_CLI_FRAME_H
#define PITH_CLI_FRAME_H

#include "cli/batch/job.h"
#include "cli/batch/strbuf.h"

#include <stddef.h>

/* Writes all of data to fd, retrying after signals; 0 or -1 (errno). */
int write_full(int fd, const void *data, size_t len);

/* Sends j or o; 0, or -1 when the pipe is gone (errno). */
int job_send(int fd, const struct job *j, struct strbuf *scratch);
int outcome_send(int fd, const struct outcome *o, struct strbuf *scratch);

/* Receives a job or an outcome into *j or *o, whose strings then point
 * into store until its next use.  1 when one came, 0 at end of file
 * before a frame, -1 on a short or malformed frame, a read error, or a
 * frame over max bytes. */
int job_recv(int fd, struct job *j, struct strbuf *store, size_t max);
int outcome_recv(int fd, struct outcome *o, struct strbuf *store,
                 size_t max);

#endif
