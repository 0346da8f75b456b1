/*
 * Scored blocks -> the result's blocks and text: the kept blocks (or
 * JSON-LD's articleBody when the page shows little of it) normalized,
 * with their inline markup mapped onto the normalized text, and the
 * comment section on request.  Everything is allocated in the result's
 * arena.
 */
#ifndef PITH_ASSEMBLE_H
#define PITH_ASSEMBLE_H

struct page;
struct result;

/* Fills r's blocks and text from pg (and sets pg->rescued when the text
 * is JSON-LD's).  With no_tables, data-table rows are left out.  Returns
 * 0, or -1 when out of memory. */
int assemble_article(struct result *r, struct page *pg, int no_tables);

/* Fills r's comments from the blocks of pg's comment section that the
 * article left out (forms excepted).  Returns 0, or -1 when out of
 * memory. */
int assemble_comments(struct result *r, const struct page *pg);

#endif
