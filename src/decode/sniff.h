/*
 * Is it HTML at all?  Bytes that are certainly no web page (a PDF, an
 * image, an archive, noise), or text without a single HTML tag (JSON, a
 * plain text file), are named so that the user hears what they gave
 * instead of a page of mojibake or a text file printed back.
 */
#ifndef PITH_SNIFF_H
#define PITH_SNIFF_H

#include <stddef.h>

/* What bytes[0..len) looks like when it is not HTML ("a PDF document",
 * "JSON data", "plain text (no HTML tag in it)"...), or NULL for HTML,
 * UTF-16 text, and input that is empty or white space only. */
const char *sniff_not_html(const char *bytes, size_t len);

#endif
