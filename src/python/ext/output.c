/* Rendering into memory and into Python objects; see output.h. */
#include "output.h"

#include "errors.h"

#include <stdlib.h>
#include <string.h>

static PyObject *json_loads;

int
output_init(void)
{
    PyObject *json = PyImport_ImportModule("json");
    if (!json)
        return -1;
    json_loads = PyObject_GetAttrString(json, "loads");
    Py_DECREF(json);
    return json_loads ? 0 : -1;
}

static int
flag(PyObject *v, unsigned bit, unsigned *flags)
{
    if (!v)
        return 0;
    int b = PyObject_IsTrue(v);
    if (b < 0)
        return -1;
    if (b)
        *flags |= bit;
    return 0;
}

int
render_args_parse(struct render_args *r, PyObject *format,
                  PyObject *body_only, PyObject *links, PyObject *images)
{
    r->format = PITH_FORMAT_TXT;
    r->flags = 0;
    if (format && format != Py_None) {
        const char *f = PyUnicode_Check(format) ? PyUnicode_AsUTF8(format)
                                                : NULL;
        if (!f) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError,
                                "pith: format must be a str");
            return -1;
        }
        if (!strcmp(f, "txt"))
            r->format = PITH_FORMAT_TXT;
        else if (!strcmp(f, "json"))
            r->format = PITH_FORMAT_JSON;
        else if (!strcmp(f, "markdown"))
            r->format = PITH_FORMAT_MARKDOWN;
        else {
            errors_raise(PITH_ERR_ARG, "format: txt, json or markdown", 0,
                         NULL, NULL);
            return -1;
        }
    }
    if (flag(body_only, PITH_RENDER_BODY_ONLY, &r->flags) ||
        flag(links, PITH_RENDER_LINKS, &r->flags) ||
        flag(images, PITH_RENDER_IMAGES, &r->flags))
        return -1;
    /* As the CLI, which refuses --links and --images without -f markdown:
     * they would be silently ignored. */
    if ((r->flags & (PITH_RENDER_LINKS | PITH_RENDER_IMAGES)) &&
        r->format != PITH_FORMAT_MARKDOWN) {
        errors_raise(PITH_ERR_ARG, "links and images need "
                     "format=\"markdown\"", 0, NULL, NULL);
        return -1;
    }
    return 0;
}

int
outbuf_write(const char *data, size_t len, void *userdata)
{
    struct outbuf *b = userdata;
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + len + 1)
            cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p)
            return -1;
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    return 0;
}

pith_status
outbuf_render(struct outbuf *b, const pith_result *res, pith_format format,
              unsigned flags)
{
    b->len = 0;
    return pith_render(res, format, flags, outbuf_write, b);
}

void
outbuf_free(struct outbuf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

PyObject *
outbuf_to_python(const struct outbuf *b, pith_format format)
{
    PyObject *s = PyUnicode_DecodeUTF8(b->data ? b->data : "",
                                       (Py_ssize_t)b->len, "strict");
    if (!s || format != PITH_FORMAT_JSON)
        return s;
    PyObject *d = PyObject_CallOneArg(json_loads, s);
    Py_DECREF(s);
    return d;
}
