/*
 * The posts of a thread, found by repetition: under one parent, the
 * children of one tag and class (items of a list whatever their class)
 * that each hold text, with prose in most and a date, an author line or
 * a post's name or microdata type in most.  Used by the forum picker.
 */
#ifndef PITH_FORUM_POSTS_H
#define PITH_FORUM_POSTS_H

#include <stdint.h>

struct arena;

#define FORUM_POST_CLASSES 8
struct blocks;

struct post_run {
    int parent;          /* the element the posts are children of, -1 */
    uint16_t tag;        /* the posts' tag, and their classes' hashes (a
                            thread may alternate two) */
    uint32_t class_hash[FORUM_POST_CLASSES];
    int n_hashes;
    int first_post;      /* the first post's element, -1 for none */
    int n_posts;
    int first_block;     /* the blocks from the first post to the last */
    int end_block;
};

/* The run of posts with the most text outside navigation, sidebars,
 * footers and dialogs; one whose parent is not main_elem, one of its
 * ancestors or inside it (the comments beside a story) needs a third
 * dated post.  n_posts 0 when the page has none.  Returns 0, or -1 when
 * out of memory. */
int find_post_run(struct arena *a, const struct blocks *bs, int main_elem,
                  struct post_run *out);

/* The post after post k in run, or -1. */
int post_run_next(const struct blocks *bs, const struct post_run *run, int k);

#endif
