/* The exception classes of the module; see errors.h. */
#include "errors.h"

/* One class per exit code of the pith command (README, "Exit codes"):
 * the code is .code of every instance, so a program wrapping the command
 * and one using the module tell failures apart alike.  9 (pith batch)
 * and 10 (pith fixture) belong to commands the module does not run
 * itself. */
struct error_class {
    const char *name; /* pith.NAME */
    int code;
    const char *doc;
    PyObject *base2;  /* a built-in class it is also, or NULL */
    PyObject *cls;
};

static PyObject *error_base;

static struct error_class classes[] = {
    {"InternalError", 1, "out of memory, or a bug (exit code 1)", NULL,
     NULL},
    {"UsageError", 2,
     "a malformed option or argument (exit code 2); also a ValueError",
     NULL, NULL},
    {"InputError", 3,
     "the input could not be read: a str that is no valid Unicode, an "
     "unreadable cookie file (exit code 3)", NULL, NULL},
    {"FetchError", 4,
     "the fetch failed: DNS, connection, TLS, timeout, redirect loop, an "
     "address refused by deny_private, robots.txt (exit code 4)", NULL,
     NULL},
    {"HTTPError", 5,
     "the server answered 4xx or 5xx (exit code 5); .status is the HTTP "
     "status", NULL, NULL},
    {"NotHTMLError", 6,
     "the input is not HTML: a PDF, an image, JSON (exit code 6); "
     "force=True extracts it anyway", NULL, NULL},
    {"NoContentError", 7,
     "the page holds no main content (exit code 7); .reason says why "
     "(empty, too-short, index, search-results, consent-wall, "
     "javascript-shell, page-type) and .result holds the metadata as "
     "format=\"json\" gives it, with \"text\": None", NULL, NULL},
    {"TooBigError", 8,
     "the input is larger than max_bytes (exit code 8)", NULL, NULL},
};

enum { NCLASSES = sizeof classes / sizeof classes[0] };

static struct error_class *
class_of(pith_status status)
{
    int code;
    switch (status) {
    case PITH_ERR_ARG: code = 2; break;
    case PITH_ERR_INPUT: code = 3; break;
    case PITH_ERR_FETCH: code = 4; break;
    case PITH_ERR_HTTP: code = 5; break;
    case PITH_ERR_NOT_HTML: code = 6; break;
    case PITH_ERR_NO_CONTENT: code = 7; break;
    case PITH_ERR_TOO_BIG: code = 8; break;
    default: code = 1; break;
    }
    for (int i = 0; i < NCLASSES; i++)
        if (classes[i].code == code)
            return &classes[i];
    return &classes[0];
}

int
errors_init(PyObject *m)
{
    error_base = PyErr_NewExceptionWithDoc(
        "pith.Error",
        "Every failure of pith.  .code is the exit code the pith command "
        "gives for it, .status the HTTP status (HTTPError, else None), "
        ".reason why a page has no main content (NoContentError, else "
        "None), .result the metadata of such a page (else None).",
        NULL, NULL);
    if (!error_base || PyModule_AddObjectRef(m, "Error", error_base) < 0)
        return -1;
    classes[1].base2 = PyExc_ValueError;
    for (int i = 0; i < NCLASSES; i++) {
        char qual[64];
        snprintf(qual, sizeof qual, "pith.%s", classes[i].name);
        PyObject *bases = classes[i].base2
                              ? PyTuple_Pack(2, error_base, classes[i].base2)
                              : PyTuple_Pack(1, error_base);
        if (!bases)
            return -1;
        classes[i].cls =
            PyErr_NewExceptionWithDoc(qual, classes[i].doc, bases, NULL);
        Py_DECREF(bases);
        if (!classes[i].cls ||
            PyModule_AddObjectRef(m, classes[i].name, classes[i].cls) < 0)
            return -1;
    }
    return 0;
}

static int
set_attr_int_or_none(PyObject *e, const char *name, int v)
{
    PyObject *o = v ? PyLong_FromLong(v) : Py_NewRef(Py_None);
    if (!o)
        return -1;
    int rc = PyObject_SetAttrString(e, name, o);
    Py_DECREF(o);
    return rc;
}

static int
set_attr_str_or_none(PyObject *e, const char *name, const char *v)
{
    PyObject *o = v ? PyUnicode_FromString(v) : Py_NewRef(Py_None);
    if (!o)
        return -1;
    int rc = PyObject_SetAttrString(e, name, o);
    Py_DECREF(o);
    return rc;
}

PyObject *
errors_make(pith_status status, const char *msg, int http_status,
            const char *reason, PyObject *result)
{
    struct error_class *c = class_of(status);
    if (!msg || !*msg)
        msg = pith_strerror(status);
    PyObject *e = PyObject_CallFunction(c->cls, "s", msg);
    if (!e) {
        Py_XDECREF(result);
        return NULL;
    }
    int bad = set_attr_int_or_none(e, "code", c->code) ||
              set_attr_int_or_none(e, "status",
                                   status == PITH_ERR_HTTP ? http_status
                                                           : 0) ||
              set_attr_str_or_none(e, "reason", reason) ||
              PyObject_SetAttrString(e, "result",
                                     result ? result : Py_None);
    Py_XDECREF(result);
    if (bad) {
        Py_DECREF(e);
        return NULL;
    }
    return e;
}

PyObject *
errors_raise(pith_status status, const char *msg, int http_status,
             const char *reason, PyObject *result)
{
    PyObject *e = errors_make(status, msg, http_status, reason, result);
    if (e) {
        PyErr_SetObject((PyObject *)Py_TYPE(e), e);
        Py_DECREF(e);
    }
    return NULL;
}

PyObject *
errors_input(const char *msg)
{
    return errors_raise(PITH_ERR_INPUT, msg, 0, NULL, NULL);
}
