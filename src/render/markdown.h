/*
 * pith_result -> CommonMark with GitHub's tables: the title as '#', then
 * headings, lists nested by level, quotes, fenced code, tables, bold and
 * italic, and (with PITH_RENDER_LINKS / _IMAGES) links and images with
 * absolute URLs.  Every character Markdown would read as syntax is
 * escaped, and markup is written only where a CommonMark parser reads it
 * back as meant, so the rendered text is the article's text.
 */
#ifndef PITH_MARKDOWN_H
#define PITH_MARKDOWN_H

#include "pith.h"

struct buf;

/* Appends the Markdown of res to b; flags are PITH_RENDER_* values. */
void markdown_render(const pith_result *res, unsigned flags, struct buf *b);

#endif
