/*
 * Fixture names: readable, stable and never colliding.  A URL's name is
 * its host and path (and query) as a slug, "example.org-news-2024-story";
 * when another URL already has that slug, a hash of the whole URL follows,
 * "example.org-news-2024-story-1a2b3c4d", so the same URL always gets the
 * same name in the same directory.
 */
#ifndef PITH_CLI_FIXTURE_NAME_H
#define PITH_CLI_FIXTURE_NAME_H

/* Longest slug, in bytes: long enough to tell pages of a site apart,
 * short enough for a path (and a terminal line) to stay readable. */
#define NAME_MAX_SLUG 80

/* The slug of url, malloc'd: the host (no port or user) and the path and
 * query, lowercase ASCII letters, digits, '.' and '_' kept (percent
 * escapes decoded first), every other run of bytes one '-'; "page" when
 * nothing is left. */
char *name_slug(const char *url);

/* slug + "-" + 8 hex digits of a hash of url, malloc'd. */
char *name_hashed(const char *slug, const char *url);

/* The name url gets in dir: its slug, unless the slug is the name of a
 * fixture of another URL, in dir or among taken (the names of this run,
 * with their URLs), in which case the hashed slug. */
char *name_for_url(const char *dir, const char *url, char *const *taken,
                   char *const *taken_urls, int ntaken);

/* Nonzero for a name --name accepts: 1 to NAME_MAX_SLUG + 9 bytes of
 * letters, digits, '.', '_' and '-', not starting with '.' or '-'. */
int name_valid(const char *name);

#endif
