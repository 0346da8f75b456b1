/*
 * Why each block was kept or dropped: as JSON ({"main": selector,
 * "blocks": [...]}) for tools, or as the page itself with kept blocks in
 * green and dropped ones in red, for a person with a browser.  Reads the
 * page's kind and
 * the signals that decided it, the blocks (with their selector paths, blocks_build's want_paths), the
 * scores and, for the page view, the text the parser read; never the
 * tree.  Failures show in buf_failed(b).
 */
#ifndef PITH_EXPLAIN_H
#define PITH_EXPLAIN_H

#include <stddef.h>

struct blocks;
struct buf;
struct kind_verdict;
struct score_result;

/* How the extraction ended, as pith_extract_html() would end it. */
struct explain_verdict {
    const char *verdict;  /* "article" or "no-content" */
    const char *reason;   /* pith_result.reason, or NULL */
    const char *message;  /* the error message of no content, or NULL */
    const char *title;    /* the title line printed, or NULL */
};

/* The heading that the title line prints (the first whose text is the
 * title, kept or not), or -1. */
int explain_title_block(const struct blocks *bs, const char *title);

void explain_json(const struct blocks *bs, const struct kind_verdict *kind,
                  const struct score_result *sc,
                  const struct explain_verdict *ev, struct buf *b);

/* src[0..len) is the text the parser read, which the elements' source
 * offsets point into. */
void explain_html(const struct blocks *bs, const struct kind_verdict *kind,
                  const struct score_result *sc,
                  const struct explain_verdict *ev, const char *src,
                  size_t len, struct buf *b);

#endif
