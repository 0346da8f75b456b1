/*
 * pith -v: what happened to the page, on stderr, a line a step.
 */
#ifndef PITH_CLI_VERBOSE_H
#define PITH_CLI_VERBOSE_H

#include "pith.h"

/* The responses of a fetch: each redirect or refresh, then the last. */
void verbose_response(const pith_response *r);

/* The charset decision and its source, the page type, the time each
 * stage took. */
void verbose_result(const pith_result *r);

#endif
