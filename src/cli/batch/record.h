/*
 * The lines a batch writes: a JSONL record per input (source, status,
 * error, then what pith --format json gives) and a manifest line per
 * input.  Both are one JSON object and a newline.
 */
#ifndef PITH_CLI_RECORD_H
#define PITH_CLI_RECORD_H

#include "cli/batch/job.h"
#include "cli/batch/strbuf.h"

/* Appends the JSONL record of one input to sb: {"source", "status",
 * "error", then the fields of pith_render(PITH_FORMAT_JSON) when res is
 * given, else "url", "title": null, "text": null}.  tmp is scratch. */
void record_build(struct strbuf *sb, const char *source, const char *url,
                  int cls, const char *error, const pith_result *res,
                  struct strbuf *tmp);

/* Appends the manifest line of one input: {"source", "output", "status",
 * "error", "bytes_in", "chars_out", "charset", "ms"}; "ms" comes last so
 * that comparisons can cut it off. */
void record_manifest(struct strbuf *sb, const char *source,
                     const struct outcome *o);

#endif
