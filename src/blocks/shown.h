/*
 * Elements the markup hides that readers see all the same.
 */
#ifndef PITH_BLOCKS_SHOWN_H
#define PITH_BLOCKS_SHOWN_H

#include <gumbo.h>

/* 1 when n, hidden in the markup (the hidden attribute, an inline
 * display:none or visibility:hidden), is shown to readers all the same:
 * - a tab panel of code, even in a dialog (a click shows it: the same
 *   sample in another language);
 * - a closed panel of tabs or of an accordion, or the box collapsing
 *   around one, outside a dialog or a popover (a shop's description and
 *   specifications);
 * - the wrapper of the whole page that its scripts reveal once loaded;
 * - the wrapper of the content, most of the page's text, that a script
 *   reveals while the header and footer around it show.
 * Asked only of elements already found hidden. */
int shown_anyway(const GumboNode *n);

#endif
