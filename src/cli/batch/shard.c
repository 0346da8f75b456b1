/* Sharding by a hash of the input's name; see shard.h. */
#include "cli/batch/shard.h"

#include <errno.h>
#include <stdlib.h>

uint64_t
shard_hash(const char *name)
{
    uint64_t h = 14695981039346656037ULL;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        h ^= *p;
        h *= 1099511628211ULL;
    }
    return h;
}

int
shard_parse(const char *spec, struct shard *sh)
{
    char *end;
    errno = 0;
    unsigned long long k = strtoull(spec, &end, 10);
    if (errno || end == spec || *end != '/' || spec[0] == '-')
        return -1;
    const char *ns = end + 1;
    unsigned long long n = strtoull(ns, &end, 10);
    if (errno || end == ns || *end || ns[0] == '-' || n == 0 || k >= n)
        return -1;
    sh->k = k;
    sh->n = n;
    return 0;
}

int
shard_mine(const struct shard *sh, const char *name)
{
    return sh->n == 0 || shard_hash(name) % sh->n == sh->k;
}
