/*
 * A result rendered without the GIL into memory, and that memory turned
 * into what Python gets: a str for txt and markdown, a dict for json
 * (json.loads of the library's own JSON, so the fields are those of
 * `pith --format json`, exactly).
 */
#ifndef PITH_PY_OUTPUT_H
#define PITH_PY_OUTPUT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "pith.h"

struct outbuf {
    char *data;
    size_t len, cap;
};

/* What a call asks for: the format and pith_render()'s flags. */
struct render_args {
    pith_format format;
    unsigned flags;
};

/* Reads format=, body_only=, links=, images= (each may be NULL: the
 * default) into r; -1 with an exception set when one is wrong. */
int render_args_parse(struct render_args *r, PyObject *format,
                      PyObject *body_only, PyObject *links,
                      PyObject *images);

/* pith_render() into b (emptied first), without the GIL; the status. */
pith_status outbuf_render(struct outbuf *b, const pith_result *res,
                          pith_format format, unsigned flags);
void outbuf_free(struct outbuf *b);
/* A pith_write_fn appending to the outbuf userdata points to. */
int outbuf_write(const char *data, size_t len, void *userdata);

/* b as a str (txt, markdown) or, parsed, a dict (json); a new reference,
 * or NULL with an exception set. */
PyObject *outbuf_to_python(const struct outbuf *b, pith_format format);

/* Keeps json.loads for outbuf_to_python; called once at import. */
int output_init(void);

#endif
