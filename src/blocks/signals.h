/*
 * What the verdict needs of the tree beyond the blocks: signs that the
 * page is a shell that scripts would fill, and how much text the page
 * holds where blocks do not read it (hidden elements).  Read while the
 * tree is there, so that no later stage walks it again.
 */
#ifndef PITH_SIGNALS_H
#define PITH_SIGNALS_H

#include "blocks/kind_signals.h"

#include <stddef.h>

struct GumboInternalOutput;

struct page_signals {
    size_t script_bytes;   /* inline JavaScript left in the tree */
    int noscript_js;       /* a <noscript> asks for JavaScript */
    int empty_root;        /* #root, #app, #__next... holds no text */
    struct kind_signals kind; /* what the page says of its kind */
    size_t hidden_chars;   /* text (not white space) inside hidden
                              elements: the page is in the HTML, only
                              hidden until a script or a dialog shows it */
};

/* Reads the signals of doc (may be NULL) into out. */
void signals_read(const struct GumboInternalOutput *doc,
                  struct page_signals *out);

#endif
