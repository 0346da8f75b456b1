/*
 * Elements the markup hides that readers see all the same.
 */
#ifndef PITH_BLOCKS_SHOWN_H
#define PITH_BLOCKS_SHOWN_H

#include <gumbo.h>

/* 1 when n, though hidden in the markup (the hidden attribute, an inline
 * display:none or visibility:hidden), is shown to readers: a tab panel
 * of code (a click shows it: the same sample in another language), even
 * in a dialog, or the wrapper of the whole page that its scripts reveal
 * once loaded.  The walker reads other closed tab panels outside dialogs
 * too (blocks.c, closed_panel). */
int shown_anyway(const GumboNode *n);

#endif
