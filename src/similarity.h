/*
 * How much of one text's words another text has: Readability's
 * textSimilarity, shared by the scorer and the pickers (the heading
 * that repeats the title) and the metadata (a JSON-LD headline against
 * the page's title).
 */
#ifndef PITH_SIMILARITY_H
#define PITH_SIMILARITY_H

/* Similarity of two texts in [0, 1]: the share of b's word characters
 * that are in words a also has.  Either may be NULL (0 then). */
double text_similarity(const char *a, const char *b);

/* A heading more similar to the page's title than this repeats it, and is
 * printed as the title line, not in the text (Readability: 0.75). */
#define TITLE_SIMILARITY 0.75

#endif
