/*
 * DIR/manifest.json: the fixtures of a directory in the format of a text
 * extraction corpus, {id, set, kind "full", html, expected, url} for each,
 * so that a corpus scorer reads a fixture directory as it reads a corpus.
 */
#ifndef PITH_CLI_FIXTURE_MANIFEST_H
#define PITH_CLI_FIXTURE_MANIFEST_H

#include <stddef.h>

#define MANIFEST_FILE "manifest.json"
/* The "set" of every entry. */
#define MANIFEST_SET "fixtures"

/* Rewrites DIR/manifest.json from DIR's fixtures, by name, an entry a
 * line.  -1 with errno. */
int manifest_write(const char *dir);

/* Checks that DIR/manifest.json lists exactly the fixtures names[0..n-1],
 * with their paths; -1 with a message naming the file in msg. */
int manifest_verify(const char *dir, char *const *names, size_t n,
                    char *msg, size_t size);

#endif
