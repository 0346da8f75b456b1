/*
 * Scored blocks -> the result's blocks and text: the kept blocks (or
 * JSON-LD's articleBody when the page shows little of it) normalized,
 * with their inline markup mapped onto the normalized text, and the
 * comment section on request.  Everything is allocated in the result's
 * arena.
 */
#ifndef PITH_ASSEMBLE_H
#define PITH_ASSEMBLE_H

struct blocks;
struct result;
struct score_result;

/* What assembling reads: the blocks, the chosen ones, and two facts of
 * the metadata. */
struct assemble_input {
    const struct blocks *bs;
    const struct score_result *sc;
    const char *base_url;    /* what links resolve against, or NULL */
    const char *jsonld_body; /* JSON-LD's articleBody, or NULL */
    int no_tables;           /* leave data-table rows out */
    const char *product_name; /* a product page's JSON-LD Product: its */
    const char *product_text; /* name and text (meta.h), or NULL */
    const char *title;        /* the title printed above the text: the
                                 product's name is not said again */
};

/* Fills r's blocks and text from in, and sets *rescued when the text is
 * JSON-LD's articleBody (the page showed little of it) or holds lines of
 * the product's JSON-LD text that the kept blocks lacked.  Returns 0, or
 * -1 when out of memory. */
int assemble_article(struct result *r, const struct assemble_input *in,
                     int *rescued);

/* Fills r's comments from the blocks of the comment section that the
 * article left out (forms excepted).  Returns 0, or -1 when out of
 * memory. */
int assemble_comments(struct result *r, const struct assemble_input *in);

#endif
