/*
 * A streaming reader of WARC 1.0 and 1.1 files (ISO 28500), plain or
 * gzip-compressed: one gzip member per record, as crawlers write them,
 * or the whole file as one member.  Record by record: the header fields a
 * batch needs, then the block read in pieces; the file is never held
 * whole.
 *
 * One bad record does not end the file.  A gzip member that is cut short
 * or corrupt, a record whose Content-Length runs past its gzip member,
 * and bytes where a record should start are each reported once (-1 with
 * w->bad set); the next warc_next() then resynchronises on the next gzip
 * member and the next line that starts with "WARC/1.".
 */
#ifndef PITH_CLI_WARC_H
#define PITH_CLI_WARC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
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
    FILE *f;
    int gz;                  /* gzip members, else plain */
    z_stream z;
    int z_ready, in_member;
    int boundary;            /* a gzip member ended: so must the block */
    int eof;                 /* no more bytes in the file */
    unsigned char *raw;      /* bytes read from the file; z.next_in */
    uint64_t raw_off;        /* file offset of raw[0] */
    uint64_t member_off;     /* file offset of the current member */
    unsigned char *out;      /* decoded bytes, out[out_pos..out_len) */
    size_t out_pos, out_len;
    uint64_t left;           /* bytes of the current block not read */
    uint64_t records;
    int bad;                 /* the last error spoils one record only */
    int resync;              /* look for the next "WARC/1." line */
    int skip_member;         /* look for the next gzip member first */
    char err[256];
};

/* 0, or -1 with errno. */
int warc_open(struct warc *w, const char *path);
/* Skips what is left of the current block and reads the next record's
 * header: 1, 0 at the end of the file, -1 when the file is not WARC
 * there or cannot be read (w->err says which; w->bad when the reading
 * can go on with the next record). */
int warc_next(struct warc *w, struct warc_record *r);
/* Reads up to n bytes of the current block; the count, or -1 (w->bad
 * as for warc_next). */
long long warc_read(struct warc *w, void *buf, size_t n);
void warc_close(struct warc *w);

#endif
