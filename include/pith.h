/*
 * pith: turn a web page into its clean main text.
 *
 * One call takes the bytes of a page (or a URL to fetch) and returns a
 * pith_result: the title, the article text as paragraphs, and what the
 * library decided on the way (charset, final URL).  The result is owned by
 * the library and released with pith_result_free().  The library never
 * prints, exits or aborts; failures come back as a pith_status, with a
 * message kept on the extractor (pith_errmsg).
 *
 *     pith_global_init();
 *     pith_extractor *ex = pith_new(NULL);
 *     pith_result *res;
 *     if (pith_extract_html(ex, bytes, len, NULL, NULL, &res) == PITH_OK) {
 *         pith_render(res, PITH_FORMAT_TXT, 0, write_cb, stdout);
 *         pith_result_free(res);
 *     }
 *     pith_free(ex);
 */
#ifndef PITH_H
#define PITH_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PITH_VERSION "0.1.0"

/* Every fallible call returns one of these; PITH_OK is 0. */
typedef enum pith_status {
    PITH_OK = 0,
    PITH_ERR_NOMEM,      /* an allocation failed */
    PITH_ERR_ARG,        /* a NULL or malformed argument */
    PITH_ERR_INPUT,      /* the input could not be read */
    PITH_ERR_TOO_BIG,    /* the input is larger than the byte cap */
    PITH_ERR_FETCH,      /* network failure: DNS, connect, TLS, timeout */
    PITH_ERR_HTTP,       /* the server answered with a 4xx or 5xx status */
    PITH_ERR_NOT_HTML,   /* the content type is not HTML or XHTML */
    PITH_ERR_NO_CONTENT, /* the page holds no main content */
    PITH_ERR_INTERNAL    /* a library bug or a failing dependency */
} pith_status;

typedef enum pith_format {
    PITH_FORMAT_TXT = 0, /* title, blank line, paragraphs separated by blank lines */
    PITH_FORMAT_JSON,    /* one JSON object, see pith_render() */
    PITH_FORMAT_MARKDOWN /* the title as '#', blocks as Markdown */
} pith_format;

/* Flags for pith_render(). */
#define PITH_RENDER_BODY_ONLY 1u /* leave the title out of txt and markdown */
#define PITH_RENDER_LINKS 2u     /* markdown: links as [text](url) */
#define PITH_RENDER_IMAGES 4u    /* markdown: images as ![alt](src) */

/* What the scorer favours when a block could go either way. */
typedef enum pith_mode {
    PITH_MODE_BALANCED = 0, /* the default */
    PITH_MODE_PRECISION,    /* leave out what may be boilerplate */
    PITH_MODE_RECALL        /* keep what may be article */
} pith_mode;

/* Options of an extractor.  Every field's zero value means "the default". */
typedef struct pith_options {
    size_t max_bytes;        /* input cap in bytes; 0 = 32 MiB */
    long timeout_ms;         /* whole fetch; 0 = 30 s */
    long connect_timeout_ms; /* 0 = 10 s */
    const char *user_agent;  /* NULL = "pith/VERSION" */
    int insecure;            /* nonzero: do not verify TLS certificates */
    int force;               /* nonzero: extract even if not HTML */
    size_t min_chars;        /* below this the page has no main content;
                                0 = the library's default */
    pith_mode mode;          /* precision or recall, for the scorer */
    int no_tables;           /* nonzero: leave data-table rows out */
    int comments;            /* nonzero: collect the comment section into
                                pith_result.comments */
} pith_options;

/* The kind of a text block of the result. */
typedef enum pith_block_kind {
    PITH_BLOCK_PARAGRAPH = 0,
    PITH_BLOCK_HEADING,   /* level in pith_block.level, 1..6 */
    PITH_BLOCK_LIST_ITEM, /* level = nesting depth, 1 for a top list */
    PITH_BLOCK_QUOTE,
    PITH_BLOCK_CODE,      /* text kept verbatim, newlines included */
    PITH_BLOCK_TABLE_ROW  /* cells joined by " | " */
} pith_block_kind;

/* Inline markup inside a block's text, for Markdown. */
typedef enum pith_span_kind {
    PITH_SPAN_STRONG = 0, /* <b>, <strong> */
    PITH_SPAN_EMPHASIS,   /* <i>, <em> */
    PITH_SPAN_LINK,       /* <a href>: url is the target */
    PITH_SPAN_IMAGE,      /* <img>: start == end, url is its source */
    PITH_SPAN_CELL        /* a cell of a table row */
} pith_span_kind;

typedef struct pith_span {
    pith_span_kind kind;
    size_t start, end;   /* byte offsets in the block's text */
    const char *url;     /* links and images: absolute when the page's
                            base URL is known, else as written */
    const char *alt;     /* images: the alt text, or NULL */
} pith_span;

typedef struct pith_block {
    pith_block_kind kind;
    int level;
    int ordered;       /* list items: nonzero inside <ol> */
    const char *text;  /* NUL-terminated, normalized UTF-8 */
    size_t len;
    const pith_span *spans; /* in order of start, outer before inner */
    size_t nspans;
    int header;        /* table rows: a row of header cells */
} pith_block;

/* What the library decided for one page.  Everything in it (strings,
 * arrays, the strings in arrays) is owned by the result and lives until
 * pith_result_free().  Absent strings are NULL, empty arrays have a count
 * of 0.  Metadata comes from, in order of trust: JSON-LD, Open Graph /
 * Twitter / Dublin Core meta tags, itemprop, <time datetime>, rel=author,
 * and the visible byline. */
typedef struct pith_result {
    const char *title;
    const char *url;            /* the page's address: final URL after
                                   redirects, or the one given */
    const char *charset;        /* the encoding the bytes were read as */
    const char *charset_source; /* bom, http, meta, detected or default */
    const pith_block *blocks;   /* the article, in document order */
    size_t nblocks;
    const char *text;           /* the blocks joined by blank lines */
    size_t text_len;
    int http_status;            /* 0 when not fetched */

    const char *canonical_url;  /* <link rel=canonical> or og:url */
    const char *const *authors; /* names, without "By" and such */
    size_t nauthors;
    const char *date_published; /* ISO 8601: 2024-02-27, or with a time
                                   2024-02-27T18:42:00 and a zone (Z or
                                   +01:00) when the page gives them */
    const char *date_modified;
    const char *site_name;
    const char *description;
    const char *lang;           /* as the page writes it: "en-GB" */
    const char *image;          /* the page's lead image, absolute */
    const char *const *tags;
    size_t ntags;
    const char *license;        /* a URL or a name */
    const char *base_url;       /* what relative links resolve against:
                                   <base href>, else url */
    const char *reason;         /* with PITH_ERR_NO_CONTENT: why, one of
                                   "empty", "too-short", "index",
                                   "search-results", "consent-wall",
                                   "javascript-shell"; else NULL */
    const pith_block *comments; /* with pith_options.comments: the comment
                                   section's blocks (none when the page has
                                   no comments) */
    size_t ncomments;
    const char *comments_text;  /* those joined by blank lines, or NULL */
} pith_result;

typedef struct pith_extractor pith_extractor;

/* Write callback of pith_render(): returns 0 on success, nonzero to stop. */
typedef int (*pith_write_fn)(const char *data, size_t len, void *userdata);

/* Once per process, before any thread uses the library (it sets up libcurl).
 * Calling it again is harmless. */
pith_status pith_global_init(void);
void pith_global_cleanup(void);

/* A new extractor; one per thread.  opt may be NULL (all defaults); it is
 * copied, but strings in it must outlive the extractor.  NULL on OOM. */
pith_extractor *pith_new(const pith_options *opt);
void pith_free(pith_extractor *ex); /* NULL is harmless */

/* Extract from bytes in memory.  content_type (an HTTP Content-Type value)
 * and url (the base URL) may be NULL.  On success *out is a new result the
 * caller frees with pith_result_free(); on failure *out is NULL, except for
 * PITH_ERR_NO_CONTENT, where *out still holds the title and metadata (and an
 * empty text, and the reason in pith_result.reason) so callers can report
 * them. */
pith_status pith_extract_html(pith_extractor *ex, const char *bytes,
                              size_t len, const char *content_type,
                              const char *url, pith_result **out);

/* Fetch url (http, https or file) and extract it; the same ownership rules
 * as pith_extract_html().  On PITH_ERR_HTTP, pith_http_status() tells the
 * status. */
pith_status pith_extract_url(pith_extractor *ex, const char *url,
                             pith_result **out);

/* The status of the last HTTP exchange of ex, 0 when none. */
int pith_http_status(const pith_extractor *ex);

/* Render a result through write; flags are PITH_RENDER_* values.  JSON is
 * one object with every field of pith_result: "url", "canonical_url",
 * "title", "author" (a list), "date_published", "date_modified",
 * "site_name", "description", "lang", "image", "tags" (a list), "license",
 * "text", "charset", "charset_source", "reason" and "comments", with null
 * for what is absent (never a missing key).  Markdown gives the title as
 * '#', then headings, lists, quotes, fenced code, tables, emphasis, and
 * with the flags links and images; txt and Markdown put the comments, when
 * collected, after the article under "---" or "## Comments". */
pith_status pith_render(const pith_result *res, pith_format format,
                        unsigned flags, pith_write_fn write, void *userdata);

/* Explain the decision for one page as JSON ({"main": selector, "blocks":
 * [...]}) or, with html nonzero, as the page with kept blocks in green and
 * dropped ones in red. */
pith_status pith_explain(pith_extractor *ex, const char *bytes, size_t len,
                         const char *content_type, const char *url, int html,
                         pith_write_fn write, void *userdata);

void pith_result_free(pith_result *res); /* NULL is harmless */

/* A static description of a status. */
const char *pith_strerror(pith_status status);
/* The message of the last failure of ex, or "" when none. Owned by ex. */
const char *pith_errmsg(const pith_extractor *ex);

#ifdef __cplusplus
}
#endif

#endif /* PITH_H */
