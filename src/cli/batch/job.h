/*
 * What a batch moves around: a job (one input page, from the supervisor
 * to a worker) and its outcome (from the worker back).  Strings of both
 * are borrowed: whoever fills a job or an outcome keeps them alive until
 * it has been sent or used.
 */
#ifndef PITH_CLI_JOB_H
#define PITH_CLI_JOB_H

#include "pith.h"

#include <stddef.h>
#include <stdint.h>

enum job_kind {
    JOB_FILE,   /* path: a file to read, gzip-compressed or not */
    JOB_HTML,   /* data: the page's bytes */
    JOB_HTTP,   /* data: an HTTP response, status line to body (WARC) */
    JOB_FAILED  /* nothing to extract: fail says why, data the message */
};

/* The outcome classes of the manifest's "status".  OK and NO_CONTENT
 * count as done; the others are failures a later --resume redoes. */
enum outcome_class {
    OC_OK,
    OC_NO_CONTENT,
    OC_INPUT,     /* unreadable file, malformed record or line */
    OC_FETCH,
    OC_HTTP,
    OC_NOT_HTML,
    OC_TOO_BIG,
    OC_CRASH,     /* the worker died on the page */
    OC_TIMEOUT,   /* the page took longer than its time budget */
    OC_MEMORY,    /* the page needed more than its memory budget */
    OC_INTERNAL,
    OC_COUNT
};

struct job {
    uint64_t seq;             /* position in the output order */
    enum job_kind kind;
    int fail;                 /* JOB_FAILED: an outcome_class */
    uint64_t bytes_in;        /* JOB_FAILED: bytes of the input, if known */
    const char *source;       /* the input's name: manifest, shard, resume */
    const char *url;          /* base URL, or NULL */
    const char *content_type; /* HTTP Content-Type, or NULL */
    const char *path;         /* JOB_FILE */
    const char *out_rel;      /* output path under -o, without extension */
    const char *data;         /* JOB_HTML, JOB_HTTP; JOB_FAILED: message */
    size_t len;
};

struct outcome {
    uint64_t seq;
    int cls;                  /* an outcome_class */
    uint64_t bytes_in;        /* bytes of the page as read */
    uint64_t chars_out;       /* characters of the text extracted */
    uint64_t ms;              /* wall time of the page */
    const char *charset;      /* the encoding the page was read as */
    const char *error;        /* the failure's message, or NULL */
    const char *output;       /* the file written under -o, or NULL */
    const char *record;       /* the JSONL record (with its newline) */
    size_t record_len;
    const char *page_type;    /* the page's kind, or NULL */
};

/* "ok", "no-content", "fetch", ... */
const char *outcome_class_name(int cls);
/* The class of a library status. */
int outcome_class_of(pith_status st);
/* Done (ok or no content): not redone by --resume, not a failure. */
static inline int outcome_done(int cls)
{
    return cls == OC_OK || cls == OC_NO_CONTENT;
}

#endif
