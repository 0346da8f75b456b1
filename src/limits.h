/*
 * Every cap of the library in one place, each with the reason for its value.
 * Those of the pith command alone are in cli/cli_limits.h.
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

/* Nesting of elements that Gumbo gets to see.  Gumbo searches its stack
 * of open elements for nearly every tag, so its time grows with depth
 * times tags: measured, 300 000 paragraphs take 0.27 s at depth 0, 0.85 s
 * at depth 1024 and 3.1 s at depth 4096, and 100 000 nested divs take
 * 10 s.  The deepest of 617 real pages nests 42 levels.  The pre-pass
 * drops start tags beyond this depth (and their end tags), so their
 * content joins the element at the cap; at PITH_MAX_DEPTH the walker
 * already reads everything deeper as inline text, so nothing it tells
 * apart is lost. */
#define PITH_MAX_PARSE_DEPTH PITH_MAX_DEPTH

/* Attributes of one tag given to Gumbo.  Gumbo compares each new
 * attribute's name with all earlier ones of the tag, so one tag with a
 * million attributes would take hours; real tags have a few dozen at most.
 * The pre-pass drops the attributes after this many. */
#define PITH_MAX_ATTRIBUTES 256

/* Elements of one page.  Gumbo keeps about 100 bytes per element and
 * checks no allocation, so a 32 MiB page of <br> (8 million elements)
 * would take 800 MB and crash when memory runs out.  The largest of 617
 * real pages has 10 112 elements.  The pre-pass counts every token
 * Gumbo makes a node of or keeps memory for (its arena frees nothing):
 * start and end tags, runs of text, comments, the copies of misnested
 * formatting elements, the elements of stray </p> and </br>.  Beyond
 * this many the
 * pre-pass drops tags (and the content of scripts and styles), keeping
 * the text in the last element open; the walker's element table stops
 * there too (what is deeper in the tree is left out). */
#define PITH_MAX_ELEMENTS 250000

/* Text blocks the walker keeps for one page; the blocks after them are
 * left out.  Blocks come from elements and <br>s, so a page at
 * PITH_MAX_ELEMENTS has at most about this many. */
#define PITH_MAX_BLOCKS 1000000

/* Characters of one block kept for output.  A 50 MB paragraph is not an
 * article; the cap keeps output and normalization bounded. */
#define PITH_MAX_BLOCK_BYTES (4u * 1024u * 1024u)

/* Bytes of one run of text between two tags that the pre-pass gives the
 * parser, once it has folded the run's white space.  A run without
 * character references decodes to as many bytes of block text, less the
 * invisible characters a block leaves out, so past two block caps
 * little more of it can reach a block, and Gumbo, which reads text at
 * some 15 MB/s, need not read it: a 30 MB paragraph parses in a quarter
 * of the time, inside the 2 s a hostile page is given.  Runs with a '&'
 * are given whole, since a reference may stand for fewer bytes than it
 * takes. */
#define PITH_MAX_TEXT_RUN_BYTES (2u * PITH_MAX_BLOCK_BYTES)

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

/* Default fetch timeouts, per attempt.  30 s lets a slow server finish a
 * big page; a server that has not accepted a connection in 10 s is down. */
#define PITH_DEFAULT_TIMEOUT_MS 30000L
#define PITH_DEFAULT_CONNECT_TIMEOUT_MS 10000L

/* Retries after a connection error, 408, 429 or 5xx.  Two retries ride out
 * a restarting server or a brief overload; more only delays the answer
 * about a site that is down.  The hard cap bounds what an option can ask. */
#define PITH_DEFAULT_RETRIES 2
#define PITH_MAX_RETRIES 10

/* The first retry waits about this long, the next twice as long, and so
 * on, each with jitter so that many clients do not come back together. */
#define PITH_DEFAULT_RETRY_DELAY_MS 1000L

/* The longest wait before a retry, Retry-After included.  A server that
 * asks for more is not retried: a batch must not stall for an hour. */
#define PITH_MAX_RETRY_WAIT_MS 60000L

/* A <meta http-equiv=refresh> is followed only when it fires within this
 * many seconds: redirect pages use 0 to 5 s, while news pages reload
 * themselves (often to the home page) after minutes. */
#define PITH_META_REFRESH_MAX_DELAY_S 10

/* Bytes of a page searched for the refresh <meta>: the same reach as the
 * charset prescan, since both live in a <head> that can be long. */
#define PITH_META_REFRESH_SCAN_BYTES 65536u

/* Bytes of a URL the library copies (a refresh target, a robots.txt
 * path); browsers cope with about 8 KiB and so do most servers. */
#define PITH_MAX_URL_BYTES 8192u

/* Header bytes pith_fetch_raw() keeps of one response.  Real responses
 * send a few KiB; libcurl itself refuses one header line over 100 KiB. */
#define PITH_MAX_HEADER_BYTES (256u * 1024u)

/* Bytes of robots.txt read; RFC 9309 asks crawlers to parse at least
 * 500 KiB, and what comes later is ignored. */
#define PITH_ROBOTS_MAX_BYTES (512u * 1024u)

/* The longest Crawl-delay honoured.  A site asking for more would stall a
 * batch for hours; it gets one request a minute instead. */
#define PITH_MAX_CRAWL_DELAY_MS 60000L

/* pith_fetch_many(): transfers at once overall and to one host.  Eight
 * keeps a laptop's link busy; two per host is what polite crawlers use.
 * The cap keeps file descriptors (one or two per transfer) well under the
 * usual limit of 1024. */
#define PITH_DEFAULT_CONCURRENCY 8
#define PITH_DEFAULT_PER_HOST 2
#define PITH_MAX_CONCURRENCY 256

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
