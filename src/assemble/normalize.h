/*
 * Text normalization of output blocks: NFC (utf8proc), Unicode spaces and
 * NBSP folded to one ASCII space, zero-width, soft-hyphen and other
 * invisible format characters dropped, control characters dropped, no
 * space at either end of a line.  Input must be valid UTF-8 (the charset
 * stage guarantees it); output is valid UTF-8.
 */
#ifndef PITH_NORMALIZE_H
#define PITH_NORMALIZE_H

#include <stddef.h>

struct buf;

/* Appends the normalized form of s[0..len) to out.  With verbatim set
 * (preformatted text) line breaks and indentation are kept; otherwise a
 * line break survives only as a single '\n' between words.  Returns the
 * number of bytes appended, or -1 when out of memory. */
long normalize_append(const char *s, size_t len, int verbatim, struct buf *out);

/* As normalize_append(), and maps positions: pos[0..n) are ascending byte
 * offsets into s, and become offsets into the appended text (the place
 * the character at that offset went, or where it would have gone).
 * *mapped is cleared when composition (NFC) joined characters across a
 * position, so that no mapping exists; the text is appended either way. */
long normalize_append_mapped(const char *s, size_t len, int verbatim,
                             struct buf *out, size_t *pos, size_t n,
                             int *mapped);

/* Nonzero for a code point that NFC leaves as it is whatever surrounds
 * it; text made only of such code points skips composition. */
int normalize_stable_cp(long cp);

#endif
