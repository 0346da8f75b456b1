/*
 * The main column of a page: the part of the body that holds its content,
 * without the site's chrome (header, navigation, footer, sidebars, cookie
 * and newsletter boxes, dialogs).  A landing page, a listing or a shop's
 * category page spreads its content over many sibling boxes; the scorer
 * finds one of them, and the pickers that want all of them read the
 * column instead.  Reads the block table only.
 */
#ifndef PITH_PICK_COLUMN_H
#define PITH_PICK_COLUMN_H

#include <stdint.h>

struct blocks;

/* The element of the page's main column: the <main> (or role=main) that
 * holds the chosen container, or the largest one when it holds a good
 * share of the page's text; else <body>.  chosen is the scorer's
 * container, or -1. */
int column_find(const struct blocks *bs, int chosen);

/* Marks chrome[e] = 1 for every element of the column's subtree that is
 * chrome or inside chrome (chrome has n_elems entries; the column
 * itself is never chrome, elements outside it are left as they are).
 * Inside a <main> a <header> or a footer-named box is the section's own;
 * under <body> it is the site's. */
void column_chrome(const struct blocks *bs, int column, uint8_t *chrome);

#endif
