/*
 * Writing JSON: strings escaped so that any UTF-8 text, control
 * characters included, gives valid JSON.
 */
#ifndef PITH_JSON_OUT_H
#define PITH_JSON_OUT_H

#include <stddef.h>

struct buf;

/* Appends s as a JSON string, or null when s is NULL. */
void json_out_string(struct buf *b, const char *s);
void json_out_stringn(struct buf *b, const char *s, size_t len);
/* Appends "key": value, preceded by a comma unless first is set. */
void json_out_field(struct buf *b, const char *key, const char *value,
                    int first);

#endif
