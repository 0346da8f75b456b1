/*
 * Repeated siblings: the children of one element that are alike (the
 * same tag, and the same class or any class).  Cards of a listing,
 * products of a grid, posts of a thread and items of a list all show as
 * such a group; what the group is for is left to the picker that asks.
 */
#ifndef PITH_PICK_REPEATS_H
#define PITH_PICK_REPEATS_H

#include <stdint.h>

struct arena;
struct blocks;

struct repeat_group {
    int parent;           /* the element whose children these are */
    uint16_t tag;         /* their tag */
    uint8_t any_class;    /* alike by tag alone (their classes differ:
                             WordPress names each post in its class) */
    uint32_t class_hash;  /* their class when !any_class */
    int n;                /* children alike */
    int n_text;           /* of them, holding text */
    int n_linked;         /* ... holding link text */
    int n_headed;         /* ... holding a heading */
    uint32_t chars;       /* text of them all */
    uint32_t link_chars;  /* ... linked */
    uint32_t max_chars;   /* of the one with the most */
    int first, last;      /* the first and the last of them */
};

/* Whether element k (a child of g's parent) is one of g. */
int repeat_member(const struct blocks *bs, const struct repeat_group *g,
                  int k);

/* Every group of at least min_n children alike, into *out (allocated
 * from a) and *n_out, in no particular order.  A parent's children of
 * one tag but several classes give a group for each class that
 * repeats and one for the tag.  Linear in the elements but for a sort
 * of each parent's children.  Returns 0, or -1 when out of memory. */
int repeats_find(struct arena *a, const struct blocks *bs, int min_n,
                 struct repeat_group **out, int *n_out);

#endif
