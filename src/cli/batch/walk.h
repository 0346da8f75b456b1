/*
 * A directory tree, file by file, in a fixed order: the entries of each
 * directory sorted by name (bytewise), a directory's files and
 * subdirectories interleaved in that order.  Only the directories on the
 * current path are held in memory, so a tree of any size walks in memory
 * proportional to its largest directory.  Names starting with '.' are
 * skipped; symbolic links to files are followed, to directories not (a
 * link can make a loop).
 */
#ifndef PITH_CLI_WALK_H
#define PITH_CLI_WALK_H

#include "cli/batch/strbuf.h"

#include <stddef.h>

struct walk_level;

struct walk {
    struct strbuf path;   /* the current file's path */
    size_t root_len;      /* path[root_len + 1 ...] is relative */
    struct walk_level *lv;
    size_t depth, cap;
    int err;              /* errno of the last failure */
};

/* 0, or -1 with errno when root cannot be read as a directory. */
int walk_open(struct walk *w, const char *root);
/* The next file: 1 with *path and *rel (relative to the root) valid
 * until the next call; 0 at the end; -1 when a directory could not be
 * read (*rel names it, w->err says why; the walk goes on after it). */
int walk_next(struct walk *w, const char **path, const char **rel);
void walk_close(struct walk *w);

#endif
