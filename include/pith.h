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
 *     if (pith_extract_html(ex, bytes, len, NULL, NULL, &res) == PITH_OK)
 *         pith_render(res, PITH_FORMAT_TXT, 0, write_cb, stdout);
 *     pith_result_free(res); // NULL, or the metadata of a page without text
 *     pith_free(ex);
 *
 * Ownership: what a function returns through a pointer argument (a
 * pith_result, a pith_response) is the caller's, to free with its _free
 * function; the strings inside live as long as it does.  Strings returned
 * directly (pith_strerror, pith_errmsg) belong to the library.  Callbacks
 * get data valid during the call only, unless said otherwise.
 *
 * Fields marked "for the pith command and tests" are not
 * part of the stable API: they serve the command line tool and its tests,
 * and may change or go in any release.
 *
 * Gumbo's assertions, and the one symbol beyond this header.
 *
 * Gumbo 0.10.1 as Debian builds it keeps its assert()s, and a few
 * malformed pages fail one (CDATA in an SVG <foreignObject> inside a
 * table does): the process would abort, which no program expects from a
 * bad page.  To survive them without a changed Gumbo, the library defines
 * the C library's assertion handler, __assert_fail, with default
 * visibility: the dynamic linker then binds libgumbo.so's calls to it.
 * It is the only symbol libpith.so exports besides the functions below,
 * and it cannot be hidden: libgumbo.so would not find a hidden one.  (A
 * program linked with libpith.a defines and exports it itself.)  It
 * therefore also receives every failed assert() of the program and of
 * the other libraries it loads:
 *
 *   - inside a parse by this library, in the same thread, it jumps back
 *     to the library, which gives up that page with PITH_ERR_INTERNAL
 *     ("the HTML parser failed on this page"); what Gumbo had allocated
 *     goes with the page, and the extractor works on;
 *   - anywhere else it hands the assertion on to the C library's handler
 *     (the next __assert_fail, found with dlsym), which prints the usual
 *     "prog: file:line: func: Assertion `expr' failed." and aborts.
 *
 * Whether a parse is running is kept per thread (_Thread_local), so one
 * thread's failed assertion never lands in another thread's parse: the
 * guard is safe with any number of threads.  A program with assert()s of
 * its own sees them behave as without the library.
 */
#ifndef PITH_H
#define PITH_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PITH_VERSION "0.1.0"

/* PITH_API marks the functions libpith.so exports.  The library is built
 * with every other symbol hidden (-fvisibility=hidden), so what this
 * header declares is all a program can link to.  Building the library
 * defines PITH_BUILDING; for programs using it the mark is empty. */
#if defined(PITH_BUILDING) && (defined(__GNUC__) || defined(__clang__))
#define PITH_API __attribute__((visibility("default")))
#else
#define PITH_API
#endif

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

/* The User-Agent of fetches unless pith_options.user_agent says else. */
#define PITH_USER_AGENT \
    "pith/" PITH_VERSION " (+https://github.com/pith-extract/pith)"

/* pith_options.retries: no retry at all (0 means the default). */
#define PITH_NO_RETRIES (-1)

/* Options of an extractor.  Every field's zero value means "the default".
 *
 * Fetching follows up to 10 redirects and one <meta http-equiv=refresh> to
 * the same host, asks for gzip and deflate bodies and inflates them itself
 * (one cut short fails with PITH_ERR_INPUT, "truncated gzip"; a coding
 * it does not inflate, asked for with a header, with PITH_ERR_NOT_HTML),
 * speaks
 * HTTP/2 where offered, verifies TLS, keeps cookies across the redirects
 * of a fetch, and uses the proxies of the usual environment variables
 * (http_proxy, https_proxy, ALL_PROXY, NO_PROXY), as libcurl does. */
typedef struct pith_options {
    size_t max_bytes;        /* input cap in bytes, checked on the body
                                while it arrives and as it inflates;
                                0 = 32 MiB */
    long timeout_ms;         /* one attempt, start to end; 0 = 30 s */
    long connect_timeout_ms; /* 0 = 10 s */
    const char *user_agent;  /* NULL = PITH_USER_AGENT */
    int insecure;            /* nonzero: do not verify TLS certificates */
    int force;               /* nonzero: extract even if not HTML */
    size_t min_chars;        /* below this the page has no main content;
                                0 = the library's default */
    /* Retries after a connection error (refused, reset, empty reply) or
     * an HTTP 408, 429 or 5xx other than 501 and 505: 0 = 2, at most 10,
     * PITH_NO_RETRIES for none.  Never after a timeout or another 4xx. */
    int retries;
    /* The wait before the first retry, doubled for each next one, with
     * jitter; 0 = 1 s.  A Retry-After header (seconds or a date) replaces
     * it; one asking for more than 60 s is not retried. */
    long retry_delay_ms;
    /* Extra request headers, each "Name: value" (libcurl's rules: "Name:"
     * removes a header libcurl would send). */
    const char *const *headers;
    size_t nheaders;
    /* A cookie file in Netscape format (as curl and browsers' exporters
     * write it) read before fetching; NULL = none.  An unreadable file
     * fails the fetch with PITH_ERR_INPUT. */
    const char *cookie_file;
    /* Nonzero: refuse to connect to loopback, private (10/8, 172.16/12,
     * 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10), shared
     * (100.64/10), unspecified, multicast, reserved and cloud metadata
     * addresses.  The check is made on the address each connection is
     * opened to, after DNS and after every redirect, so neither a redirect
     * nor DNS rebinding gets around it.  The fetch fails with
     * PITH_ERR_FETCH and a message such as "refused: 127.0.0.1 is a
     * loopback address".  Proxies from the environment are not used then,
     * since the address a proxy connects to cannot be checked, and only
     * http and https URLs are fetched. */
    int deny_private;
    pith_mode mode;          /* precision or recall, for the scorer */
    int no_tables;           /* nonzero: leave data-table rows out */
    int comments;            /* nonzero: collect the comment section into
                                pith_result.comments */
    /* The kind of the pages, when the caller knows it: "article",
     * "forum", "product", "collection", "listing", "documentation",
     * "service" or "other"; NULL = detect each page's.  The kind decides
     * what the main content is (every post of a thread, every card of a
     * listing...).  A name that is no kind fails with PITH_ERR_ARG. */
    const char *page_type;
    /* The kinds wanted, comma-separated ("article,forum"); NULL = all.  A
     * page of another kind fails with PITH_ERR_NO_CONTENT, reason
     * "page-type", and a message naming its kind. */
    const char *only_types;
    /* The encoding to read pages in ("windows-1252", "shift_jis"...),
     * over what the HTTP header, a BOM of another encoding or <meta>
     * say; NULL = decide.  An unknown name fails with PITH_ERR_ARG. */
    const char *charset;
    /* For the pith command and tests, not part of the stable API:
     * nonzero gives the parser the page as it is, without removing what
     * extraction never reads first (to compare the two; slower). */
    int no_prepass;
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
/* The facts of a product page (pith_result.product); NULL where the page
 * gives none.  price, rating and review_count are plain decimal numbers
 * written as strings ("1299.99"); availability is schema.org's name
 * ("InStock") or the page's word. */
typedef struct pith_product {
    const char *name, *brand, *sku, *price, *currency, *availability;
    const char *rating, *review_count;
} pith_product;

typedef struct pith_result {
    const char *title;          /* the headline, without the site's name */
    const char *url;            /* the page's address: final URL after
                                   redirects, or the one given */
    const char *charset;        /* the encoding the bytes were read as */
    const char *charset_source; /* bom, http, meta, detected, default, or
                                   option (pith_options.charset) */
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
                                   "javascript-shell", "page-type"; else
                                   NULL */
    const pith_block *comments; /* with pith_options.comments: the comment
                                   section's blocks (none when the page has
                                   no comments) */
    size_t ncomments;
    const char *comments_text;  /* those joined by blank lines, or NULL */
    const char *page_type;      /* the page's kind: "article", "forum",
                                   "product", "collection", "listing",
                                   "documentation", "service" or "other" */
    /* Milliseconds each stage took (pith -v shows them): decoding and the
     * pre-pass, Gumbo's parse, reading the tree (blocks, metadata),
     * classifying, choosing the blocks (scorer, refine, the kind's
     * picker), and assembling and judging the text. */
    struct pith_timing {
        double decode_ms, parse_ms, read_ms, kind_ms, choose_ms,
            assemble_ms;
    } timing;
    const char *page_title;     /* the <title> element as written */
    const pith_product *product; /* JSON-LD, microdata or Open Graph
                                   product facts; NULL when none */
} pith_result;

typedef struct pith_extractor pith_extractor;

/* Write callback of pith_render(): returns 0 on success, nonzero to stop. */
typedef int (*pith_write_fn)(const char *data, size_t len, void *userdata);

/* Once per process, before any thread uses the library: it sets up
 * libcurl (curl_global_init), and is not thread-safe itself.  Returns
 * PITH_OK, or PITH_ERR_INTERNAL when libcurl could not be set up.
 * Calling it again after a success does nothing and returns PITH_OK. */
PITH_API pith_status pith_global_init(void);
/* Once at the end, when no thread uses the library any more: releases
 * what pith_global_init() set up (nothing when it was not called).
 * Extractors should be freed first.  pith_global_init() may be called
 * again afterwards. */
PITH_API void pith_global_cleanup(void);

/* A new extractor, owned by the caller until pith_free(); one per
 * thread (an extractor is not shared between threads, different ones run
 * in parallel).  opt may be NULL (all defaults); it is copied, but
 * strings and arrays it points to must outlive the extractor.  NULL when
 * out of memory. */
PITH_API pith_extractor *pith_new(const pith_options *opt);
/* Frees ex and its connections; results it gave stay valid.  NULL is
 * harmless. */
PITH_API void pith_free(pith_extractor *ex);

/* Extract from bytes in memory.  content_type (an HTTP Content-Type value)
 * and url (the base URL) may be NULL; bytes may be NULL when len is 0.
 * The bytes are not kept.  On success *out is a new result the caller
 * frees with pith_result_free(); on failure *out is NULL, except for
 * PITH_ERR_NO_CONTENT, where *out still holds the title and metadata (and an
 * empty text, and the reason in pith_result.reason) so callers can report
 * them.  Returns PITH_OK; PITH_ERR_ARG (ex or out NULL, or bytes NULL
 * with a length); PITH_ERR_TOO_BIG (over pith_options.max_bytes);
 * PITH_ERR_NOT_HTML (a content type other than HTML, XHTML or XML, or
 * bytes that look binary: an image, a PDF, an archive..., unless
 * pith_options.force); PITH_ERR_NO_CONTENT; PITH_ERR_NOMEM;
 * PITH_ERR_INTERNAL (the HTML parser failed on this page, see "Gumbo's
 * assertions" above).  Failures leave a message for pith_errmsg(). */
PITH_API pith_status
pith_extract_html(pith_extractor *ex, const char *bytes, size_t len,
                  const char *content_type, const char *url,
                  pith_result **out);

/* Fetch url (http or https; never file:) and extract it; the same ownership rules
 * as pith_extract_html().  The result's url is the final URL (after
 * redirects and a meta refresh), which is also the base URL.  Failures:
 * PITH_ERR_FETCH (network, timeout, redirect loop, refused address),
 * PITH_ERR_HTTP (a 4xx or 5xx once retries are spent; pith_http_status()
 * tells it), PITH_ERR_TOO_BIG, PITH_ERR_NOT_HTML (also a body in a
 * Content-Encoding pith does not inflate), PITH_ERR_INPUT (the cookie
 * file; a gzip or deflate body cut short or corrupt), and those of
 * pith_extract_html(). */
PITH_API pith_status
pith_extract_url(pith_extractor *ex, const char *url, pith_result **out);

/* ------------------------------------------------------------------
 * The response as received, for recording a page to extract it later
 * (pith fixture record): pith_extract_html(body, body_len, content_type,
 * final_url) then gives what pith_extract_url() gave.
 */

/* One header line of a response, as the server wrote it (the name keeps
 * its case; HTTP/2 sends lowercase names), the value without the spaces
 * around it. */
typedef struct pith_header {
    const char *name;
    const char *value;
} pith_header;

/* A response that led on to another: a redirect (status 3xx), or a page
 * whose <meta http-equiv="refresh"> was followed (refresh nonzero). */
typedef struct pith_hop {
    const char *url; /* the URL that answered */
    int status;
    int refresh;
} pith_hop;

/* Everything in it is owned by the response and lives until
 * pith_response_free().  Absent strings are NULL. */
typedef struct pith_response {
    const char *url;          /* as asked */
    const char *final_url;    /* after redirects and a meta refresh: the
                                 page's base URL */
    int status;               /* the final HTTP status */
    const char *content_type; /* the final Content-Type header */
    /* The body's bytes as the server sent them, once any Content-Encoding
     * (gzip, deflate) is undone: never converted between charsets.  One NUL
     * follows them, not counted in body_len; the body may hold NULs. */
    const char *body;
    size_t body_len;
    const pith_header *headers; /* the final response's, in order */
    size_t nheaders;
    const pith_hop *hops;       /* the responses before it, in order */
    size_t nhops;
} pith_response;

/* Fetches url as pith_extract_url() does (redirects, retries, one meta
 * refresh, the byte cap, deny_private, the extractor's options) without
 * extracting it.  On success *out is a new response the caller frees with
 * pith_response_free(); on failure *out is NULL and the status is one of
 * pith_extract_url()'s fetch failures: PITH_ERR_FETCH, PITH_ERR_HTTP (a 4xx
 * or 5xx; pith_http_status() tells it), PITH_ERR_TOO_BIG, PITH_ERR_INPUT
 * (the cookie file), PITH_ERR_NOMEM.  The content type is not checked. */
PITH_API pith_status
pith_fetch_raw(pith_extractor *ex, const char *url, pith_response **out);

/* Frees a response and everything in it.  NULL is harmless. */
PITH_API void pith_response_free(pith_response *res);

/* ------------------------------------------------------------------
 * Many URLs at once.
 *
 * pith_fetch_many() fetches and extracts a list of URLs with libcurl's
 * multi interface, in one thread, and calls back once per URL as each one
 * completes (not in list order; item->index tells the position).  Each
 * URL gets everything pith_extract_url() does (redirects, retries, meta
 * refresh, the extractor's options); one failing URL never stops the
 * others.  Politeness is per host (scheme, name and port):
 *
 *   - at most per_host transfers run at once to one host, and at most
 *     concurrency overall;
 *   - two requests to one host start at least delay_ms apart;
 *   - with robots set, each host's /robots.txt is fetched once, before its
 *     first page; its User-agent group for the first word of the
 *     User-Agent ("pith") or else "*" decides, by the longest matching
 *     Allow or Disallow (RFC 9309), and its Crawl-delay (at most 60 s)
 *     replaces delay_ms when longer.  A robots.txt that is missing (4xx)
 *     allows everything; one that cannot be fetched (5xx, network error)
 *     disallows everything, as RFC 9309 says.  A disallowed URL is
 *     reported with PITH_ERR_FETCH without being fetched.  The URLs given
 *     and meta refresh targets are checked; redirects libcurl follows are
 *     not;
 *   - a host that answers 429 or 5xx, or fails to connect, is paused for
 *     the retry's wait.
 */
typedef struct pith_many_options {
    int concurrency; /* transfers at once; 0 = 8, at most 256 */
    int per_host;    /* transfers at once to one host; 0 = 2 */
    long delay_ms;   /* least time between request starts to one host;
                        0 = none */
    int robots;      /* nonzero: fetch and obey robots.txt */
    /* For the pith command and tests, not part of the stable API:
     * nonzero fetches only.  Pages are not extracted; a fetched page is
     * reported with PITH_OK and its bytes in item->body, so a caller can
     * extract it elsewhere (another process, a sandbox). */
    int fetch_only;
} pith_many_options;

/* What pith_fetch_many() reports for one URL. */
typedef struct pith_item {
    size_t index;          /* the URL's position in the list */
    const char *url;       /* the URL as given */
    const char *final_url; /* after redirects; NULL when never fetched */
    int http_status;       /* the last HTTP status, 0 when none */
    pith_status status;    /* PITH_OK or why the URL failed */
    const char *error;     /* the failure's message, NULL on success */
    /* The extraction: set on PITH_OK and on PITH_ERR_NO_CONTENT (title
     * and metadata, empty text), NULL otherwise.  The callback owns it and
     * frees it with pith_result_free(). */
    pith_result *result;
    /* With pith_many_options.fetch_only (for the pith command and
     * tests, not part of the stable API), on PITH_OK: the decoded body
     * and its Content-Type (NULL when the server sent none), owned by
     * the library and valid during the call only; NULL otherwise. */
    const char *body;
    size_t body_len;
    const char *content_type;
} pith_item;

/* The callback of pith_fetch_many(): returns 0 to go on, nonzero to stop
 * (the URLs not yet reported are then dropped).  The item and its strings
 * are valid during the call only, except item->result. */
typedef int (*pith_item_fn)(pith_item *item, void *userdata);

/* Fetches and extracts urls[0..n-1] with ex's options; opt may be NULL
 * (all defaults).  callback is called exactly once per URL, in the calling
 * thread, unless it asks to stop.  Returns PITH_OK once every URL has been
 * reported or the callback stopped the run; PITH_ERR_ARG for NULL
 * arguments; PITH_ERR_INPUT for an unreadable cookie file; PITH_ERR_NOMEM
 * or PITH_ERR_INTERNAL when the run could not be set up (no URL was
 * reported then) or libcurl's loop failed.  pith_errmsg(ex) tells which.
 * A URL libcurl cannot parse is reported with PITH_ERR_ARG. */
PITH_API pith_status
pith_fetch_many(pith_extractor *ex, const char *const *urls, size_t n,
                const pith_many_options *opt, pith_item_fn callback,
                void *userdata);

/* Writes item as one line of JSON, {"url", "final_url", "status" (the
 * HTTP status or null), "error", "title", "page_type", "text"}, null for
 * what is absent, and "comments" with pith_options.comments when the page
 * has comments, through write (called once, with the whole line and its
 * newline).  It takes nothing from item: the callback still frees
 * item->result.  Returns PITH_OK; PITH_ERR_ARG when item or write is
 * NULL; PITH_ERR_NOMEM; PITH_ERR_INPUT when write returned nonzero. */
PITH_API pith_status
pith_render_item(const pith_item *item, pith_write_fn write, void *userdata);

/* The status of the last HTTP exchange of ex, 0 when none (or ex is
 * NULL). */
PITH_API int pith_http_status(const pith_extractor *ex);

/* Render a result through write; flags are PITH_RENDER_* values.  JSON is
 * one object with every field of pith_result: "url", "canonical_url",
 * "title", "page_title", "author" (a list), "date_published",
 * "date_modified", "site_name", "description", "lang", "image", "tags" (a
 * list), "license", "page_type", "product" (an object of "name", "brand",
 * "sku", "price", "currency", "availability", "rating" and
 * "review_count", prices and counts as numbers), "text", "charset",
 * "charset_source", "reason" and "comments", with null for what is
 * absent (never a missing key).  Markdown gives the title as
 * '#', then headings, lists, quotes, fenced code, tables, emphasis, and
 * with the flags links and images; txt and Markdown put the comments, when
 * collected, after the article under "---" or "## Comments".
 *
 * The output is built whole, then given to write in one call (none when
 * it is empty, as txt of a result without title or text is); res is not
 * changed and stays the caller's.  Returns PITH_OK; PITH_ERR_ARG when res
 * or write is NULL or format is not a pith_format; PITH_ERR_NOMEM when
 * memory ran out (or the output would pass 128 MiB); PITH_ERR_INPUT when
 * write returned nonzero. */
PITH_API pith_status
pith_render(const pith_result *res, pith_format format, unsigned flags,
            pith_write_fn write, void *userdata);

/* Explain the decision for one page as JSON ({"main": selector, "blocks":
 * [...]}) or, with html nonzero, as the page with kept blocks in green and
 * dropped ones in red, given to write in one call.  The page is read as
 * pith_extract_html() reads it (url is not used yet); a page without main
 * content is explained too.  Returns PITH_OK; PITH_ERR_ARG (ex or write
 * NULL, or bytes NULL with a length); PITH_ERR_TOO_BIG; PITH_ERR_NOT_HTML;
 * PITH_ERR_NOMEM; PITH_ERR_INTERNAL (the parser failed on the page);
 * PITH_ERR_INPUT when write returned nonzero.  Failures leave a message
 * for pith_errmsg(). */
PITH_API pith_status
pith_explain(pith_extractor *ex, const char *bytes, size_t len,
             const char *content_type, const char *url, int html,
             pith_write_fn write, void *userdata);

/* Frees a result and everything in it.  NULL is harmless. */
PITH_API void pith_result_free(pith_result *res);

/* A static description of a status ("unknown status" for a value that is
 * not one); never NULL, never to be freed. */
PITH_API const char *pith_strerror(pith_status status);
/* The message of the last failure of ex, or "" when none (or ex is NULL).
 * Owned by ex: valid until the next call on ex or pith_free(). */
PITH_API const char *pith_errmsg(const pith_extractor *ex);

#ifdef __cplusplus
}
#endif

#endif /* PITH_H */
