/*
 * CSS selectors that find an element of the table again, for explaining
 * decisions (pith --explain): tags, plain ids and classes, and
 * nth-child positions from <html> down.  Each element keeps only the
 * steps below its parent element, so a deep page costs no more than its
 * tree: the whole selector is its ancestors' steps joined.
 */
#ifndef PITH_PATHS_H
#define PITH_PATHS_H

#include <gumbo.h>

struct arena;
struct blocks;
struct buf;

/* Fills out->paths from the elements' nodes (nodes[i] for element i),
 * allocating from a.  Returns 0, or -1 when out of memory. */
int blocks_paths(struct arena *a, const GumboNode *const *nodes,
                 struct blocks *out);

/* Appends the whole selector of element e of bs (whose paths are set) to
 * b. */
void blocks_path_put(const struct blocks *bs, int e, struct buf *b);

#endif
