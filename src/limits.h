/*
 * Every cap of the library in one place, each with the reason for its value.
 * A page that reaches a cap is either refused with a clear status or cut
 * down in a documented way; no cap ever leads to undefined behaviour.
 */
#ifndef PITH_LIMITS_H
#define PITH_LIMITS_H

/* Input bytes of one page.  Real article pages are under 2 MiB; 32 MiB
 * leaves room for huge inline-data pages while bounding memory (Gumbo needs
 * about 10x the input). */
#define PITH_DEFAULT_MAX_BYTES (32u * 1024u * 1024u)

/* How deep the walker tracks elements.  Deeper nodes give their text to the
 * ancestor at the cap, so hostile nesting cannot blow the element table's
 * per-level bookkeeping. */
#define PITH_MAX_DEPTH 512

/* Characters of one block kept for output.  A 50 MB paragraph is not an
 * article; the cap keeps output and normalization bounded. */
#define PITH_MAX_BLOCK_BYTES (4u * 1024u * 1024u)

/* Bytes of output text for one page. */
#define PITH_MAX_OUTPUT_BYTES (16u * 1024u * 1024u)

/* Bytes looked at by the <meta charset> prescan.  The standard says 1024,
 * but many real pages declare their charset later in a long <head>. */
#define PITH_CHARSET_PRESCAN_BYTES 65536u

/* Bytes given to the charset detector: enough for a confident guess. */
#define PITH_CHARSET_DETECT_BYTES 65536u

/* Redirects followed by the fetcher before it gives up (curl's default is
 * unlimited; browsers stop at 20; 10 is plenty for real sites). */
#define PITH_MAX_REDIRECTS 10L

/* Default fetch timeouts. */
#define PITH_DEFAULT_TIMEOUT_MS 30000L
#define PITH_DEFAULT_CONNECT_TIMEOUT_MS 10000L

/* JSON-LD scripts parsed per page, and bytes of one: pages with thousands
 * of them exist only to attack parsers. */
#define PITH_MAX_JSONLD_SCRIPTS 64
#define PITH_MAX_JSONLD_BYTES (4u * 1024u * 1024u)

/* Bytes of one metadata string (a title, a name, a description): longer
 * ones are cut there.  Real titles and descriptions stay under 1 KiB; the
 * cap bounds a page that puts a novel in its og:description. */
#define PITH_MAX_META_BYTES 16384u

/* Authors and tags kept per page.  Bylines name a handful of people; a
 * longer list is a page stuffing keywords. */
#define PITH_MAX_AUTHORS 16
#define PITH_MAX_TAGS 64

#endif
