/*
 * The caps of pith batch, each with the reason for its value.  The
 * library's own caps are in src/limits.h; these belong to the command,
 * which runs pages in worker processes.
 */
#ifndef PITH_CLI_LIMITS_H
#define PITH_CLI_LIMITS_H

/* Wall seconds one page may take in a worker before it is killed and
 * recorded as a timeout.  The slowest corpus page takes well under a
 * second, and every hostile page of test_pathological ends in under 2 s
 * of CPU; ten leave room for a loaded machine and huge pages while a
 * page that hangs costs the batch seconds, not hours. */
#define PITH_BATCH_PAGE_SECONDS 10

/* Address space of a worker (setrlimit RLIMIT_AS).  A page at the 32 MiB
 * input cap needs a few hundred MiB (Gumbo takes about 10x the input);
 * 1 GiB lets that through and stops a page that would take the machine's
 * memory from the other workers.  Not applied under AddressSanitizer,
 * which reserves terabytes of address space. */
#define PITH_BATCH_PAGE_MEMORY (1024ull * 1024 * 1024)

/* Outcomes held per worker while an earlier page is still running, so
 * output stays in input order.  A page that hangs until its timeout lets
 * the others run on for this many pages each; the cap bounds the
 * supervisor's memory however long the batch is. */
#define PITH_BATCH_WINDOW_PER_WORKER 256

/* Bytes of one line of JSONL read by --stdin-jsonl beyond the page cap:
 * JSON escapes can make the page's string up to six times the page, and
 * the other fields need room too. */
#define PITH_BATCH_LINE_SLACK (64u * 1024u)

#endif
