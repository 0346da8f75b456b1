/*
 * A line diff for the fixture commands: Myers' O(ND) algorithm over the
 * lines that differ once the common start and end are set aside, printed
 * as a unified diff (what diff -u and git print).
 */
#ifndef PITH_CLI_FIXTURE_DIFF_H
#define PITH_CLI_FIXTURE_DIFF_H

#include <stddef.h>
#include <stdio.h>

/* Unchanged lines shown around a change. */
#define DIFF_CONTEXT 3

/* Edits searched for before giving up on a minimal diff and showing the
 * differing middle as removed, then added: past a thousand changed lines
 * a minimal diff helps no reader, and the search keeps a trace that grows
 * with the square of the edits (4 MB at this cap). */
#define DIFF_MAX_EDITS 1000

/* Writes to f a unified diff turning old into new, under the headers
 * "--- old_label" and "+++ new_label"; with color, removed lines are red,
 * added ones green and hunk headers cyan (ANSI).  Writes nothing when the
 * texts are equal.  Returns -1 when out of memory. */
int diff_write(FILE *f, const char *old, size_t old_len, const char *new_,
               size_t new_len, const char *old_label, const char *new_label,
               int color);

#endif
