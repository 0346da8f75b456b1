/*
 * A streaming reader of WARC 1.0 and 1.1 files (ISO 28500), plain or
 * gzip-compressed: one gzip member per record, as crawlers write them,
 * or the whole file as one member (zlib reads both alike, and plain files
 * as they are).  Record by record: the header fields a batch needs, then
 * the block read in pieces; the file is never held whole.
 */
#ifndef PITH_CLI_WARC_H
#define PITH_CLI_WARC_H

#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

struct warc_record {
    char type[32];           /* WARC-Type: response, request, ... */
    char target_uri[8192];   /* WARC-Target-URI, without <> */
    char record_id[256];     /* WARC-Record-ID, without <> */
    char content_type[256];  /* Content-Type of the block */
    uint64_t length;         /* Content-Length of the block */
    uint64_t number;         /* the record's position in the file, from 0 */
};

struct warc {
    gzFile f;
    uint64_t left;           /* bytes of the current block not read */
    uint64_t records;
    char err[256];
};

/* 0, or -1 with errno. */
int warc_open(struct warc *w, const char *path);
/* Skips what is left of the current block and reads the next record's
 * header: 1, 0 at the end of the file, -1 when the file is not WARC
 * there or cannot be read (w->err says which). */
int warc_next(struct warc *w, struct warc_record *r);
/* Reads up to n bytes of the current block; the count, or -1. */
long long warc_read(struct warc *w, void *buf, size_t n);
/* Bytes of the (compressed) file read so far. */
uint64_t warc_offset(const struct warc *w);
void warc_close(struct warc *w);

#endif
