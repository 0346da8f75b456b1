/*
 * The pre-pass: UTF-8 HTML -> a smaller UTF-8 HTML document that Gumbo
 * parses into the same tree as far as extraction can tell, faster.
 *
 * Gumbo tokenizes every byte one at a time, and half the bytes of a real
 * page are script and style bodies, comments, SVG paths and attributes
 * nothing reads.  One byte-level pass that follows the HTML tokenizer
 * (not JavaScript or CSS) drops them, collapses runs of white space
 * outside <pre>, and flattens nesting deeper than PITH_MAX_PARSE_DEPTH,
 * which Gumbo handles in quadratic time.  Where the parse depends on tree
 * construction the pass does not model (an SVG that HTML breaks out of, a
 * <frameset>, odd markup inside <select>), it stops removing and copies the
 * rest as it is.
 *
 * Extraction reads only the attributes attr_bit() in prepass_lex.c keeps
 * (policy_attrs there narrows them for script, link and meta tags); a
 * stage that starts reading another attribute must add it there.
 */
#ifndef PITH_PREPASS_H
#define PITH_PREPASS_H

#include <stddef.h>

struct prepass_stats {
    size_t in_bytes, out_bytes;
    size_t flattened;      /* start tags dropped beyond the depth,
                              element or formatting list cap, and
                              end tags that repeat an empty <p> */
    size_t attrs_cut;      /* tags cut at PITH_MAX_ATTRIBUTES attributes */
    int max_depth;         /* deepest nesting the pass saw, up to the cap */
    int verbatim;          /* 1: it stopped removing somewhere (see above) */
    size_t script_bytes;   /* text of the JavaScript it removed, as Gumbo
                              would have held it (verdict.c weighs it) */
};

/* Rewrites html[0..len) into a new malloc'd, NUL-terminated buffer of at
 * most len bytes (*out, length *out_len) that the caller frees.  stats may
 * be NULL.  Returns 0, or -1 when out of memory. */
int prepass_html(const char *html, size_t len, char **out, size_t *out_len,
                 struct prepass_stats *stats);

/* The same in place of a malloc'd buffer: on success *html is freed and
 * replaced.  stats may be NULL.  Returns 0, or -1 when out of memory
 * (*html unchanged). */
int prepass_replace(char **html, size_t *len, struct prepass_stats *stats);

#endif
