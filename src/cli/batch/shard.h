/*
 * --shard K/N: a run takes the inputs whose name hashes to K modulo N, so
 * N runs (on one machine or many) split any input set between them with
 * no coordination, each input to exactly one.  The hash is 64-bit FNV-1a
 * of the name's bytes (a source path relative to its input directory, a
 * URL, a WARC record's ID): simple enough to compute anywhere.
 */
#ifndef PITH_CLI_SHARD_H
#define PITH_CLI_SHARD_H

#include <stdint.h>

struct shard {
    uint64_t k, n; /* n == 0: no sharding */
};

uint64_t shard_hash(const char *name);
/* Parses "K/N" (0 <= K < N); 0 on success, -1 when malformed. */
int shard_parse(const char *spec, struct shard *sh);
/* Nonzero when name belongs to this run's shard. */
int shard_mine(const struct shard *sh, const char *name);

#endif
