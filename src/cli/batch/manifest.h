/*
 * The manifest of a batch, pith-manifest.jsonl: one line per input in
 * output order (record.h), written after the input's output so that a
 * line always means its output is complete.  --resume trusts only that:
 * it keeps the inputs a manifest marks done (ok, no-content), drops the
 * rest, and redoes them.
 */
#ifndef PITH_CLI_MANIFEST_H
#define PITH_CLI_MANIFEST_H

#include "cli/batch/input.h"

/* For --resume: fills ds with the sources the manifest at path marks
 * done, then rewrites the manifest with one line per done source, and
 * the JSONL output jsonl (when not NULL) with one whole record per done
 * source, so that what is redone is written once.  A missing manifest
 * means nothing is done.  0, or -1 after printing why. */
int manifest_resume(const char *path, const char *jsonl, struct doneset *ds);
void doneset_free(struct doneset *ds);

#endif
