/* Keyword arguments to pith_options; see options.h. */
#include "options.h"

#include "errors.h"

#include <math.h>
#include <string.h>

enum opt_type { T_BOOL, T_SIZE, T_SECONDS, T_MS, T_RETRIES, T_STRING,
                T_HEADERS };

/* The CLI's options by their long names, '-' as '_'; --cookies FILE is
 * cookies, --precision and --recall set the mode. */
static const struct kw {
    const char *name;
    enum opt_type type;
    size_t offset;
} kws[] = {
    {"min_chars", T_SIZE, offsetof(pith_options, min_chars)},
    {"max_bytes", T_SIZE, offsetof(pith_options, max_bytes)},
    {"force", T_BOOL, offsetof(pith_options, force)},
    {"charset", T_STRING, offsetof(pith_options, charset)},
    {"page_type", T_STRING, offsetof(pith_options, page_type)},
    {"only_types", T_STRING, offsetof(pith_options, only_types)},
    {"no_tables", T_BOOL, offsetof(pith_options, no_tables)},
    {"comments", T_BOOL, offsetof(pith_options, comments)},
    {"precision", T_BOOL, 0},
    {"recall", T_BOOL, 0},
    {"timeout", T_SECONDS, offsetof(pith_options, timeout_ms)},
    {"connect_timeout", T_SECONDS,
     offsetof(pith_options, connect_timeout_ms)},
    {"retries", T_RETRIES, offsetof(pith_options, retries)},
    {"retry_delay", T_MS, offsetof(pith_options, retry_delay_ms)},
    {"user_agent", T_STRING, offsetof(pith_options, user_agent)},
    {"headers", T_HEADERS, 0},
    {"cookies", T_STRING, offsetof(pith_options, cookie_file)},
    {"deny_private", T_BOOL, offsetof(pith_options, deny_private)},
    {"insecure", T_BOOL, offsetof(pith_options, insecure)},
};

enum { NKWS = sizeof kws / sizeof kws[0] };

static int
type_error(const char *fmt, const char *name)
{
    PyErr_Format(PyExc_TypeError, fmt, name);
    return -1;
}

static char *
copy_string(struct owned_options *o, PyObject *v, const char *name)
{
    if (!PyUnicode_Check(v)) {
        type_error("pith: %s must be a str", name);
        return NULL;
    }
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(v, &n);
    if (!s)
        return NULL;
    if ((size_t)n != strlen(s)) {
        errors_raise(PITH_ERR_ARG, "an option holds a NUL character", 0,
                     NULL, NULL);
        return NULL;
    }
    char *c = PyMem_RawMalloc((size_t)n + 1);
    if (!c) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(c, s, (size_t)n + 1);
    o->strings[o->nstrings++] = c;
    return c;
}

/* A number >= 0, as a double (seconds, milliseconds, counts). */
static int
number(PyObject *v, const char *name, double *out)
{
    if (PyBool_Check(v) || !PyNumber_Check(v) || PyComplex_Check(v))
        return type_error("pith: %s must be a number", name);
    double d = PyFloat_AsDouble(v);
    if (d == -1.0 && PyErr_Occurred())
        return -1;
    if (!(d >= 0) || isinf(d)) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s must be a number >= 0", name);
        errors_raise(PITH_ERR_ARG, msg, 0, NULL, NULL);
        return -1;
    }
    *out = d;
    return 0;
}

static int
header_list(struct owned_options *o, PyObject *v)
{
    /* A mapping {"Name": "value"} or a sequence of "Name: value". */
    PyObject *seq;
    if (PyDict_Check(v)) {
        seq = PyList_New(0);
        PyObject *k, *val;
        Py_ssize_t pos = 0;
        while (seq && PyDict_Next(v, &pos, &k, &val)) {
            PyObject *line = PyUnicode_FromFormat("%S: %S", k, val);
            if (!line || PyList_Append(seq, line) < 0)
                Py_CLEAR(seq);
            Py_XDECREF(line);
        }
    } else if (PyUnicode_Check(v) || PyBytes_Check(v)) {
        return type_error("pith: %s must be a dict or a list of 'Name: value' "
                     "strings", "headers");
    } else {
        seq = PySequence_Fast(v, "pith: headers must be a dict or a list "
                                 "of 'Name: value' strings");
    }
    if (!seq)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    o->headers = PyMem_RawCalloc((size_t)n + 1, sizeof *o->headers);
    if (!o->headers) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        Py_ssize_t len;
        const char *s = PyUnicode_Check(item)
                            ? PyUnicode_AsUTF8AndSize(item, &len)
                            : NULL;
        if (!s) {
            Py_DECREF(seq);
            if (!PyErr_Occurred())
                type_error("pith: %s must hold str items", "headers");
            return -1;
        }
        if (!memchr(s, ':', (size_t)len) || strpbrk(s, "\r\n") ||
            strlen(s) != (size_t)len) {
            Py_DECREF(seq);
            errors_raise(PITH_ERR_ARG, "a header is 'Name: value', on one "
                         "line", 0, NULL, NULL);
            return -1;
        }
        o->headers[i] = PyMem_RawMalloc((size_t)len + 1);
        if (!o->headers[i]) {
            Py_DECREF(seq);
            PyErr_NoMemory();
            return -1;
        }
        memcpy(o->headers[i], s, (size_t)len + 1);
        o->nheaders++;
    }
    Py_DECREF(seq);
    o->opt.headers = (const char *const *)o->headers;
    o->opt.nheaders = o->nheaders;
    return 0;
}

static int
set_one(struct owned_options *o, const struct kw *k, PyObject *v)
{
    char *base = (char *)&o->opt;
    double d;
    if (v == Py_None && k->type != T_BOOL)
        return 0; /* the default */
    switch (k->type) {
    case T_BOOL: {
        int b = PyObject_IsTrue(v);
        if (b < 0)
            return -1;
        if (!strcmp(k->name, "precision") || !strcmp(k->name, "recall")) {
            pith_mode m = k->name[0] == 'p' ? PITH_MODE_PRECISION
                                             : PITH_MODE_RECALL;
            if (b && o->opt.mode && o->opt.mode != m) {
                errors_raise(PITH_ERR_ARG, "precision and recall exclude "
                             "each other", 0, NULL, NULL);
                return -1;
            }
            if (b)
                o->opt.mode = m;
        } else {
            *(int *)(base + k->offset) = b;
        }
        return 0;
    }
    case T_SIZE:
        if (number(v, k->name, &d))
            return -1;
        *(size_t *)(base + k->offset) = (size_t)d;
        return 0;
    case T_SECONDS:
    case T_MS:
        if (number(v, k->name, &d))
            return -1;
        /* The CLI's seconds, to the library's milliseconds; a positive
         * time never rounds to 0, which would mean the default. */
        d = k->type == T_SECONDS ? d * 1000 : d;
        if (d > 86400e3)
            d = 86400e3;
        *(long *)(base + k->offset) = d > 0 && d < 1 ? 1 : (long)d;
        return 0;
    case T_RETRIES:
        if (number(v, k->name, &d))
            return -1;
        if (d > 10) {
            errors_raise(PITH_ERR_ARG, "retries: at most 10", 0, NULL, NULL);
            return -1;
        }
        /* As the CLI: 0 means none, not the default. */
        o->opt.retries = d >= 1 ? (int)d : PITH_NO_RETRIES;
        return 0;
    case T_STRING: {
        char *s = copy_string(o, v, k->name);
        if (!s)
            return -1;
        *(const char **)(base + k->offset) = s;
        return 0;
    }
    case T_HEADERS:
        return header_list(o, v);
    }
    return 0;
}

int
options_parse(struct owned_options *o, PyObject *kwargs)
{
    memset(o, 0, sizeof *o);
    if (!kwargs)
        return 0;
    PyObject *key, *v;
    Py_ssize_t pos = 0;
    while (PyDict_Next(kwargs, &pos, &key, &v)) {
        const char *name = PyUnicode_AsUTF8(key);
        if (!name)
            return -1;
        const struct kw *k = NULL;
        for (int i = 0; i < NKWS && !k; i++)
            if (!strcmp(kws[i].name, name))
                k = &kws[i];
        if (!k)
            return type_error("pith: unknown option '%s'", name);
        if (set_one(o, k, v))
            return -1;
    }
    return 0;
}

void
options_free(struct owned_options *o)
{
    for (int i = 0; i < o->nstrings; i++)
        PyMem_RawFree(o->strings[i]);
    for (size_t i = 0; i < o->nheaders; i++)
        PyMem_RawFree(o->headers[i]);
    PyMem_RawFree(o->headers);
    memset(o, 0, sizeof *o);
}

PyObject *
options_names(void)
{
    PyObject *names = PyFrozenSet_New(NULL);
    for (int i = 0; names && i < NKWS; i++) {
        PyObject *s = PyUnicode_FromString(kws[i].name);
        if (!s || PySet_Add(names, s) < 0)
            Py_CLEAR(names);
        Py_XDECREF(s);
    }
    return names;
}
