/*
 * The progress line of pith batch on stderr, redrawn in place a few
 * times a second: pages done (of the total when known), pages/s, MB/s,
 * failures and the time left.  Then the summary line.
 */
#ifndef PITH_CLI_PROGRESS_H
#define PITH_CLI_PROGRESS_H

#include <stdint.h>

struct progress {
    int on;            /* draw the progress line */
    uint64_t total;    /* 0: unknown */
    uint64_t done, failed, no_content, bytes;
    uint64_t by_class[16];
    long long t0, drawn; /* monotonic ms: start, last draw */
};

void progress_start(struct progress *p, int on, uint64_t total);
/* Counts one input's outcome. */
void progress_count(struct progress *p, int cls, uint64_t bytes);
/* Redraws the line when on and a quarter second has passed (or force). */
void progress_draw(struct progress *p, int force);
/* Clears the line and prints the summary (unless quiet). */
/* left_out: counts by enum left_out (input.h). */
void progress_end(struct progress *p, int quiet, const uint64_t *left_out,
                  unsigned long long self_kb, unsigned long long child_kb);

#endif
