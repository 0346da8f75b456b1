/*
 * Every option of every command, once; see options.h.  The order is that
 * of the --help lists.  A name may appear twice only with commands that
 * do not overlap (pith's --force extracts what is not HTML, record's
 * records over a fixture).
 */
#include "cli/options.h"

#define PITH_ETC (CMD_PITH | CMD_BATCH)
#define FETCHING (CMD_PITH | CMD_BATCH | CMD_RECORD)

const struct opt opts_table[] = {
    /* What is extracted and how it is printed. */
    {OPT_BODY_ONLY, "--body-only", 0, ARG_NONE, NULL, PITH_ETC,
     GROUP_EXTRACT, "leave the title line out"},
    {OPT_FORMAT, "--format", 'f', ARG_REQUIRED, "FORMAT", PITH_ETC,
     GROUP_EXTRACT, "txt (default), json or markdown"},
    {OPT_LINKS, "--links", 0, ARG_NONE, NULL, PITH_ETC, GROUP_EXTRACT,
     "markdown: links as [text](absolute url)"},
    {OPT_IMAGES, "--images", 0, ARG_NONE, NULL, PITH_ETC, GROUP_EXTRACT,
     "markdown: images as ![alt](absolute url)"},
    {OPT_NO_TABLES, "--no-tables", 0, ARG_NONE, NULL, PITH_ETC,
     GROUP_EXTRACT, "leave tables out"},
    {OPT_COMMENTS, "--comments", 0, ARG_NONE, NULL, PITH_ETC, GROUP_EXTRACT,
     "add the comments (JSON field, after a ---\n"
     "line in txt, ## Comments in markdown)"},
    {OPT_PRECISION, "--precision", 0, ARG_NONE, NULL, PITH_ETC,
     GROUP_EXTRACT, "keep less and surer text"},
    {OPT_RECALL, "--recall", 0, ARG_NONE, NULL, PITH_ETC, GROUP_EXTRACT,
     "keep more text"},
    {OPT_URL, "--url", 0, ARG_REQUIRED, "URL", CMD_PITH | CMD_RECORD,
     GROUP_EXTRACT, "the address a saved page came from"},
    {OPT_EXPLAIN, "--explain", 0, ARG_OPTIONAL, "json|html", CMD_PITH,
     GROUP_EXTRACT, "show how the page was judged, block by block"},
    {OPT_MIN_CHARS, "--min-chars", 0, ARG_REQUIRED, "N", FETCHING,
     GROUP_EXTRACT, "less text than this is no main content"},
    {OPT_MAX_BYTES, "--max-bytes", 0, ARG_REQUIRED, "N", FETCHING,
     GROUP_EXTRACT, "refuse pages larger than N bytes (32 MiB)"},
    {OPT_FORCE, "--force", 0, ARG_NONE, NULL, PITH_ETC, GROUP_EXTRACT,
     "extract even what is not served as HTML"},
    {OPT_CHARSET, "--charset", 0, ARG_REQUIRED, "NAME", FETCHING,
     GROUP_EXTRACT, "read pages in this encoding, whatever\n"
     "they declare (windows-1252, shift_jis...)"},
    {OPT_PAGE_TYPE, "--page-type", 0, ARG_REQUIRED, "KIND", PITH_ETC,
     GROUP_EXTRACT, "treat pages as this kind instead of detecting\n"
     "it: article, forum, product, collection,\n"
     "listing, documentation, service or other"},
    {OPT_ONLY_TYPES, "--only-types", 0, ARG_REQUIRED, "KINDS", PITH_ETC,
     GROUP_EXTRACT, "pages of other kinds have no main content\n"
     "(exit 7); comma-separated: article,forum"},

    {OPT_VERBOSE, "--verbose", 'v', ARG_NONE, NULL, CMD_PITH, GROUP_GENERAL,
     "say on stderr what happened: redirects,\n"
     "status, charset, page type, time per stage"},
    {OPT_HELP, "--help", 'h', ARG_NONE, NULL, CMD_PITH | CMD_BATCH |
     CMD_FIXTURE, GROUP_GENERAL, "this help"},
    {OPT_VERSION, "--version", 0, ARG_NONE, NULL, CMD_PITH, GROUP_GENERAL,
     "the version"},

    {OPT_TIMEOUT, "--timeout", 0, ARG_REQUIRED, "S", FETCHING, GROUP_FETCH,
     "one attempt's timeout in seconds (default 30)"},
    {OPT_CONNECT_TIMEOUT, "--connect-timeout", 0, ARG_REQUIRED, "S",
     FETCHING, GROUP_FETCH, "connect timeout in seconds (default 10)"},
    {OPT_RETRIES, "--retries", 0, ARG_REQUIRED, "N", FETCHING, GROUP_FETCH,
     "retries after a connection error, 408, 429\n"
     "or 5xx (default 2)"},
    {OPT_RETRY_DELAY, "--retry-delay", 0, ARG_REQUIRED, "MS", FETCHING,
     GROUP_FETCH, "wait before the first retry (default 1000,\n"
     "doubled each time; Retry-After wins)"},
    {OPT_USER_AGENT, "--user-agent", 0, ARG_REQUIRED, "UA", FETCHING,
     GROUP_FETCH, "User-Agent of fetches"},
    {OPT_HEADER, "--header", 'H', ARG_REQUIRED, "'N: V'", FETCHING,
     GROUP_FETCH, "an extra request header (repeatable; never\n"
     "sent to another host a redirect leads to)"},
    {OPT_COOKIES, "--cookies", 0, ARG_REQUIRED, "FILE", FETCHING,
     GROUP_FETCH, "send the cookies of a Netscape cookie file"},
    {OPT_DENY_PRIVATE, "--deny-private", 0, ARG_NONE, NULL, FETCHING,
     GROUP_FETCH, "refuse loopback, private, link-local and\n"
     "metadata addresses (checked after DNS)"},
    {OPT_INSECURE, "--insecure", 0, ARG_NONE, NULL, FETCHING, GROUP_FETCH,
     "do not verify TLS certificates"},

    {OPT_URLS, "--urls", 0, ARG_REQUIRED, "FILE", PITH_ETC, GROUP_MANY,
     "fetch the URLs of FILE (one a line; - is\n"
     "stdin; blank lines and # comments skipped)"},
    {OPT_CONCURRENCY, "--concurrency", 0, ARG_REQUIRED, "N", PITH_ETC,
     GROUP_MANY, "transfers at once (default 8)"},
    {OPT_PER_HOST, "--per-host", 0, ARG_REQUIRED, "N", PITH_ETC, GROUP_MANY,
     "transfers at once to one host (default 2)"},
    {OPT_DELAY, "--delay", 0, ARG_REQUIRED, "MS", PITH_ETC, GROUP_MANY,
     "least time between requests to one host"},
    {OPT_ROBOTS, "--robots", 0, ARG_NONE, NULL, PITH_ETC, GROUP_MANY,
     "obey robots.txt and its Crawl-delay"},

    {OPT_OUTPUT, "--output", 'o', ARG_REQUIRED, "DIR", CMD_BATCH,
     GROUP_BATCH, "write DIR/a/b.txt for a/b.html"},
    {OPT_JSONL, "--jsonl", 0, ARG_REQUIRED, "FILE", CMD_BATCH, GROUP_BATCH,
     "write JSONL records to FILE (- is stdout)"},
    {OPT_STDIN_JSONL, "--stdin-jsonl", 0, ARG_NONE, NULL, CMD_BATCH,
     GROUP_BATCH, "read {\"url\", \"html\"} lines on stdin"},
    {OPT_JOBS, "--jobs", 'j', ARG_REQUIRED, "N", CMD_BATCH, GROUP_BATCH,
     "worker processes (default: the cores)"},
    {OPT_RESUME, "--resume", 0, ARG_NONE, NULL, CMD_BATCH, GROUP_BATCH,
     "skip inputs the manifest marks done"},
    {OPT_SHARD, "--shard", 0, ARG_REQUIRED, "K/N", CMD_BATCH, GROUP_BATCH,
     "only the inputs whose name hashes to K of N"},
    {OPT_PAGE_TIMEOUT, "--page-timeout", 0, ARG_REQUIRED, "S", CMD_BATCH,
     GROUP_BATCH, "seconds one page may take (default 10)"},
    {OPT_PAGE_MEMORY, "--page-memory", 0, ARG_REQUIRED, "SIZE", CMD_BATCH,
     GROUP_BATCH, "a worker's memory, e.g. 512M (default 1G)"},
    {OPT_UNORDERED, "--unordered", 0, ARG_NONE, NULL, CMD_BATCH,
     GROUP_BATCH, "write outputs as they finish"},
    {OPT_MANIFEST, "--manifest", 0, ARG_REQUIRED, "FILE", CMD_BATCH,
     GROUP_BATCH, "the manifest's path"},
    {OPT_PROGRESS, "--progress", 0, ARG_NONE, NULL, CMD_BATCH, GROUP_BATCH,
     "a progress line always (default: on a\n"
     "terminal)"},
    {OPT_QUIET, "--quiet", 'q', ARG_NONE, NULL, CMD_BATCH, GROUP_BATCH,
     "no progress line, no summary"},

    {OPT_DIR, "--dir", 0, ARG_REQUIRED, "DIR", CMD_FIXTURE, GROUP_RECORD,
     "where fixtures go (made if missing)"},
    {OPT_NAME, "--name", 0, ARG_REQUIRED, "NAME", CMD_RECORD, GROUP_RECORD,
     "the fixture's name, for one input"},
    {OPT_CONTENT_TYPE, "--content-type", 0, ARG_REQUIRED, "TYPE",
     CMD_RECORD, GROUP_RECORD,
     "the Content-Type a saved FILE was served with"},
    {OPT_RECORD_FORCE, "--force", 0, ARG_NONE, NULL, CMD_RECORD,
     GROUP_RECORD, "record over an existing fixture"},
    {OPT_MARKDOWN, "--markdown", 0, ARG_NONE, NULL, CMD_RECORD,
     GROUP_RECORD, "keep expected.md too"},
    {OPT_ANY_TYPE, "--any-type", 0, ARG_NONE, NULL, CMD_RECORD,
     GROUP_RECORD, "extract what is not served as HTML (pith's\n"
     "--force)"},

    {OPT_JSON, "--json", 0, ARG_NONE, NULL, CMD_CHECK, GROUP_SHOWING,
     "check: one JSON report on standard output"},
    {OPT_COLOR, "--color", 0, ARG_REQUIRED, "WHEN", CMD_SHOWING,
     GROUP_SHOWING, "auto (default), always or never"},
};

const size_t opts_count = sizeof opts_table / sizeof opts_table[0];
