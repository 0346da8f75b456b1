/* The Extractor type; see extractor.h. */
#include "extractor.h"

#include "errors.h"
#include "options.h"
#include "output.h"

#include <pythread.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    pith_extractor *ex;
    struct owned_options opts;
    /* Taken without the GIL around every library call: two threads
     * sharing an extractor wait for each other instead of corrupting it
     * (one extractor per thread is what runs in parallel). */
    PyThread_type_lock lock;
    /* The thread inside fetch_many(), whose callback must not call the
     * extractor again: it would wait for itself. */
    unsigned long busy_thread;
} Extractor;

/* What one library call left, copied while the lock was held. */
struct outcome {
    pith_status status;
    char error[1024];
    int http_status;
    char reason[64];
    int has_reason;
    struct outbuf out;  /* the rendered result */
    pith_status render_status;
};

static int
Extractor_init(Extractor *self, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args)) {
        PyErr_SetString(PyExc_TypeError,
                        "pith.Extractor() takes keyword arguments only");
        return -1;
    }
    if (self->ex) {
        PyErr_SetString(PyExc_RuntimeError,
                        "pith.Extractor is set up once");
        return -1;
    }
    options_free(&self->opts); /* what a failed __init__ left */
    if (options_parse(&self->opts, kwargs))
        return -1;
    self->lock = PyThread_allocate_lock();
    self->ex = pith_new(&self->opts.opt);
    if (!self->lock || !self->ex) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void
Extractor_dealloc(Extractor *self)
{
    pith_free(self->ex);
    options_free(&self->opts);
    if (self->lock)
        PyThread_free_lock(self->lock);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
ready(Extractor *self)
{
    if (!self->ex) {
        PyErr_SetString(PyExc_RuntimeError,
                        "pith.Extractor.__init__ was not called");
        return -1;
    }
    if (self->busy_thread == PyThread_get_thread_ident()) {
        PyErr_SetString(PyExc_RuntimeError,
                        "pith: a fetch_many() callback used the extractor "
                        "that runs it; use another one");
        return -1;
    }
    return 0;
}

/* After a library call, still holding the lock: keep its message, the
 * HTTP status and the result rendered (a page without main content as
 * JSON, for the exception's .result). */
static void
settle(Extractor *self, struct outcome *oc, pith_result *res,
       const struct render_args *ra)
{
    if (oc->status != PITH_OK)
        snprintf(oc->error, sizeof oc->error, "%s", pith_errmsg(self->ex));
    oc->http_status = pith_http_status(self->ex);
    if (res && res->reason) {
        snprintf(oc->reason, sizeof oc->reason, "%s", res->reason);
        oc->has_reason = 1;
    }
    if (res && oc->status == PITH_OK)
        oc->render_status = outbuf_render(&oc->out, res, ra->format,
                                          ra->flags);
    else if (res && oc->status == PITH_ERR_NO_CONTENT)
        oc->render_status = outbuf_render(&oc->out, res, PITH_FORMAT_JSON,
                                          0);
    pith_result_free(res);
}

/* The Python value of a finished call: the output, or the exception. */
static PyObject *
conclude(struct outcome *oc, const struct render_args *ra)
{
    PyObject *ret = NULL;
    if (oc->status == PITH_OK && oc->render_status == PITH_OK)
        ret = outbuf_to_python(&oc->out, ra->format);
    else if (oc->status == PITH_OK)
        errors_raise(oc->render_status, "rendering the result failed", 0,
                     NULL, NULL);
    else {
        PyObject *meta = NULL;
        if (oc->status == PITH_ERR_NO_CONTENT && oc->out.len &&
            oc->render_status == PITH_OK &&
            !(meta = outbuf_to_python(&oc->out, PITH_FORMAT_JSON))) {
            outbuf_free(&oc->out);
            return NULL;
        }
        errors_raise(oc->status, oc->error, oc->http_status,
                     oc->has_reason ? oc->reason : NULL, meta);
    }
    outbuf_free(&oc->out);
    return ret;
}

/* The bytes of html: a buffer (bytes, bytearray, memoryview) as given,
 * a str as UTF-8.  0, or -1 with TypeError or pith.InputError set. */
static int
html_bytes(PyObject *html, Py_buffer *view, int *is_str)
{
    *is_str = 0;
    if (PyUnicode_Check(html)) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(html, &n);
        if (!s) {
            if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
                return -1;
            PyErr_Clear();
            errors_input("html: the str is no valid Unicode (a lone "
                         "surrogate, as from bytes decoded with "
                         "surrogateescape); pass the page's bytes instead");
            return -1;
        }
        *is_str = 1;
        return PyBuffer_FillInfo(view, html, (void *)s, n, 1, PyBUF_SIMPLE);
    }
    if (PyObject_CheckBuffer(html))
        return PyObject_GetBuffer(html, view, PyBUF_SIMPLE);
    PyErr_Format(PyExc_TypeError,
                 "pith: html must be bytes or str, not %.100s",
                 Py_TYPE(html)->tp_name);
    return -1;
}

/* An optional str argument as UTF-8 (NULL for None). */
static int
opt_str(PyObject *v, const char *name, const char **out)
{
    *out = NULL;
    if (!v || v == Py_None)
        return 0;
    if (!PyUnicode_Check(v)) {
        PyErr_Format(PyExc_TypeError, "pith: %s must be a str or None, "
                     "not %.100s", name, Py_TYPE(v)->tp_name);
        return -1;
    }
    Py_ssize_t n;
    *out = PyUnicode_AsUTF8AndSize(v, &n);
    if (*out && strlen(*out) != (size_t)n) {
        char msg[128];
        snprintf(msg, sizeof msg, "%s holds a NUL character", name);
        errors_raise(PITH_ERR_ARG, msg, 0, NULL, NULL);
        return -1;
    }
    return *out ? 0 : -1;
}

/* A page's arguments, read for the library: its bytes, its URL and
 * content type (UTF-8, or NULL). */
struct page_args {
    Py_buffer view;
    const char *url, *ctype;
};

/* 0, or -1 with an exception set; after 0 the caller releases pa->view. */
static int
page_args_get(Extractor *self, PyObject *html, PyObject *url,
              PyObject *ctype, struct page_args *pa)
{
    int is_str;
    if (ready(self) || opt_str(url, "url", &pa->url) ||
        opt_str(ctype, "content_type", &pa->ctype) ||
        html_bytes(html, &pa->view, &is_str))
        return -1;
    /* A str was decoded already: its UTF-8 is read as UTF-8, whatever its
     * <meta charset> says (a content type given says otherwise). */
    if (is_str && !pa->ctype)
        pa->ctype = "text/html; charset=utf-8";
    return 0;
}

static PyObject *
Extractor_extract(Extractor *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"html", "url", "format", "body_only",
                             "links", "images", "content_type", NULL};
    PyObject *html, *url = NULL, *format = NULL, *body_only = NULL,
                    *links = NULL, *images = NULL, *ctype = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O$OOOOO:extract",
                                     kwlist, &html, &url, &format,
                                     &body_only, &links, &images, &ctype))
        return NULL;
    struct render_args ra;
    struct page_args pa;
    if (render_args_parse(&ra, format, body_only, links, images) ||
        page_args_get(self, html, url, ctype, &pa))
        return NULL;
    struct outcome oc = {0};
    Py_BEGIN_ALLOW_THREADS
    PyThread_acquire_lock(self->lock, WAIT_LOCK);
    pith_result *res = NULL;
    oc.status = pith_extract_html(self->ex, pa.view.buf, (size_t)pa.view.len,
                                  pa.ctype, pa.url, &res);
    settle(self, &oc, res, &ra);
    PyThread_release_lock(self->lock);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&pa.view);
    return conclude(&oc, &ra);
}

static PyObject *
Extractor_explain(Extractor *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"html", "url", "format", "content_type", NULL};
    PyObject *html, *url = NULL, *format = NULL, *ctype = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O$OO:explain", kwlist,
                                     &html, &url, &format, &ctype))
        return NULL;
    const char *format_s;
    if (opt_str(format, "format", &format_s))
        return NULL;
    /* The command's --explain (json, the default) and --explain=html. */
    int as_html = format_s && !strcmp(format_s, "html");
    if (format_s && !as_html && strcmp(format_s, "json"))
        return errors_raise(PITH_ERR_ARG, "explain's format: json or html",
                            0, NULL, NULL);
    struct page_args pa;
    if (page_args_get(self, html, url, ctype, &pa))
        return NULL;
    struct outcome oc = {0};
    struct render_args ra = {as_html ? PITH_FORMAT_TXT : PITH_FORMAT_JSON,
                             0};
    Py_BEGIN_ALLOW_THREADS
    PyThread_acquire_lock(self->lock, WAIT_LOCK);
    oc.status = pith_explain(self->ex, pa.view.buf, (size_t)pa.view.len,
                             pa.ctype, pa.url, as_html, outbuf_write,
                             &oc.out);
    settle(self, &oc, NULL, &ra);
    PyThread_release_lock(self->lock);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&pa.view);
    return conclude(&oc, &ra);
}

static int
url_arg(PyObject *url, const char **out)
{
    if (!PyUnicode_Check(url)) {
        PyErr_Format(PyExc_TypeError, "pith: url must be a str, not %.100s",
                     Py_TYPE(url)->tp_name);
        return -1;
    }
    return opt_str(url, "url", out);
}

static PyObject *
Extractor_fetch(Extractor *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"url", "format", "body_only", "links",
                             "images", NULL};
    PyObject *url, *format = NULL, *body_only = NULL, *links = NULL,
                   *images = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$OOOO:fetch", kwlist,
                                     &url, &format, &body_only, &links,
                                     &images))
        return NULL;
    struct render_args ra;
    const char *url_s;
    if (ready(self) || url_arg(url, &url_s) ||
        render_args_parse(&ra, format, body_only, links, images))
        return NULL;
    struct outcome oc = {0};
    Py_BEGIN_ALLOW_THREADS
    PyThread_acquire_lock(self->lock, WAIT_LOCK);
    pith_result *res = NULL;
    oc.status = pith_extract_url(self->ex, url_s, &res);
    settle(self, &oc, res, &ra);
    PyThread_release_lock(self->lock);
    Py_END_ALLOW_THREADS
    return conclude(&oc, &ra);
}

/* ---- many URLs: pith_fetch_many() with a Python callback per item ---- */

struct many_run {
    PyThreadState *tstate;  /* saved while the library works */
    PyObject *callback;
    struct render_args ra;
    int failed;             /* the callback raised: stop, re-raise */
};

/* The item as a dict: index, url, final_url, http_status, result (the
 * output, or None) and error (a pith.Error instance, or None). */
static PyObject *
item_dict(const pith_item *it, struct outcome *oc,
          const struct render_args *ra)
{
    PyObject *result = Py_NewRef(Py_None), *error = Py_NewRef(Py_None);
    PyObject *ret = NULL;
    if (oc->status == PITH_OK && oc->render_status == PITH_OK) {
        Py_SETREF(result, outbuf_to_python(&oc->out, ra->format));
    } else {
        /* conclude() raises; the item carries the exception instead. */
        PyObject *none = conclude(oc, ra);
        Py_XDECREF(none);
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        Py_XDECREF(type);
        Py_XDECREF(tb);
        Py_SETREF(error, value);
    }
    if (result && error)
        ret = Py_BuildValue("{s:n,s:s,s:z,s:i,s:O,s:O}", "index",
                            (Py_ssize_t)it->index, "url", it->url,
                            "final_url", it->final_url, "http_status",
                            it->http_status, "result", result, "error",
                            error);
    Py_XDECREF(result);
    Py_XDECREF(error);
    return ret;
}

static int
on_item(pith_item *it, void *userdata)
{
    struct many_run *run = userdata;
    struct outcome oc = {0};
    oc.status = it->status;
    snprintf(oc.error, sizeof oc.error, "%s", it->error ? it->error : "");
    oc.http_status = it->http_status;
    if (it->result && it->result->reason) {
        snprintf(oc.reason, sizeof oc.reason, "%s", it->result->reason);
        oc.has_reason = 1;
    }
    /* Rendered before taking the GIL, as extract() does. */
    if (it->result && it->status == PITH_OK)
        oc.render_status = outbuf_render(&oc.out, it->result,
                                         run->ra.format, run->ra.flags);
    else if (it->result && it->status == PITH_ERR_NO_CONTENT)
        oc.render_status = outbuf_render(&oc.out, it->result,
                                         PITH_FORMAT_JSON, 0);
    pith_result_free(it->result);
    it->result = NULL;
    PyEval_RestoreThread(run->tstate);
    PyObject *d = item_dict(it, &oc, &run->ra);
    outbuf_free(&oc.out);
    PyObject *r = d ? PyObject_CallOneArg(run->callback, d) : NULL;
    Py_XDECREF(d);
    int stop = r ? PyObject_IsTrue(r) : -1;
    Py_XDECREF(r);
    if (stop < 0)
        run->failed = 1; /* the exception stays set for the caller */
    run->tstate = PyEval_SaveThread();
    return stop != 0;
}

static long
int_arg(PyObject *v, const char *name, long max, int *bad)
{
    if (!v || v == Py_None)
        return 0;
    long n = PyLong_Check(v) && !PyBool_Check(v) ? PyLong_AsLong(v) : -1;
    if (n < 0 || n > max) {
        if (!PyErr_Occurred()) {
            char msg[128];
            snprintf(msg, sizeof msg, "%s: an int from 0 to %ld", name,
                     max);
            errors_raise(PITH_ERR_ARG, msg, 0, NULL, NULL);
        }
        *bad = 1;
    }
    return n;
}

static PyObject *
Extractor_fetch_many(Extractor *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"urls", "callback", "format", "body_only",
                             "links", "images", "concurrency", "per_host",
                             "delay", "robots", NULL};
    PyObject *urls, *callback, *format = NULL, *body_only = NULL,
                               *links = NULL, *images = NULL, *conc = NULL,
                               *per_host = NULL, *delay = NULL,
                               *robots = NULL;
    if (!PyArg_ParseTupleAndKeywords(
            args, kwargs, "OO|$OOOOOOOO:fetch_many", kwlist, &urls,
            &callback, &format, &body_only, &links, &images, &conc,
            &per_host, &delay, &robots))
        return NULL;
    struct many_run run = {NULL, callback, {0, 0}, 0};
    if (ready(self) ||
        render_args_parse(&run.ra, format, body_only, links, images))
        return NULL;
    if (!PyCallable_Check(callback)) {
        PyErr_SetString(PyExc_TypeError, "pith: callback must be callable");
        return NULL;
    }
    int bad = 0;
    pith_many_options mo = {0};
    mo.concurrency = (int)int_arg(conc, "concurrency", 256, &bad);
    mo.per_host = (int)int_arg(per_host, "per_host", 256, &bad);
    mo.delay_ms = int_arg(delay, "delay", 3600000, &bad);
    mo.robots = robots ? PyObject_IsTrue(robots) : 0;
    if (bad || mo.robots < 0)
        return NULL;
    PyObject *seq = PySequence_Fast(urls, "pith: urls must be a sequence "
                                          "of str");
    if (!seq)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    const char **list = PyMem_Calloc((size_t)n + 1, sizeof *list);
    if (!list) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++)
        if (url_arg(PySequence_Fast_GET_ITEM(seq, i), &list[i])) {
            PyMem_Free(list);
            Py_DECREF(seq);
            return NULL;
        }
    char error[1024] = "";
    pith_status st;
    unsigned long me = PyThread_get_thread_ident();
    run.tstate = PyEval_SaveThread();
    PyThread_acquire_lock(self->lock, WAIT_LOCK);
    self->busy_thread = me;
    st = pith_fetch_many(self->ex, list, (size_t)n, &mo, on_item, &run);
    if (st != PITH_OK)
        snprintf(error, sizeof error, "%s", pith_errmsg(self->ex));
    self->busy_thread = 0;
    PyThread_release_lock(self->lock);
    PyEval_RestoreThread(run.tstate);
    PyMem_Free(list);
    Py_DECREF(seq);
    if (run.failed)
        return NULL;
    if (st != PITH_OK)
        return errors_raise(st, error, 0, NULL, NULL);
    Py_RETURN_NONE;
}

static PyMethodDef Extractor_methods[] = {
    {"extract", (PyCFunction)(void (*)(void))Extractor_extract,
     METH_VARARGS | METH_KEYWORDS,
     "extract($self, /, html, url=None, *, format='txt', body_only=False, "
     "links=False, images=False, content_type=None)\n--\n\n"
     "The main content of one page: a str for format 'txt' and "
     "'markdown', a dict for 'json' (the fields of pith --format json).\n"
     "html is bytes (the charset decided as the pith command decides it, "
     "from a BOM, content_type's charset, <meta> or detection) or str "
     "(read as UTF-8).  url is the page's address, for its links and "
     "the 'url' field.  Raises a pith.Error subclass on failure."},
    {"explain", (PyCFunction)(void (*)(void))Extractor_explain,
     METH_VARARGS | METH_KEYWORDS,
     "explain($self, /, html, url=None, *, format='json', "
     "content_type=None)\n--\n\n"
     "How the page was judged, block by block, as pith --explain gives "
     "it: a dict for format 'json', for 'html' a str, the page with the "
     "kept blocks in green and the dropped ones in red."},
    {"fetch", (PyCFunction)(void (*)(void))Extractor_fetch,
     METH_VARARGS | METH_KEYWORDS,
     "fetch($self, /, url, *, format='txt', body_only=False, links=False, "
     "images=False)\n--\n\n"
     "Fetches url (http or https) with the extractor's options and "
     "extracts it, as extract() does."},
    {"fetch_many", (PyCFunction)(void (*)(void))Extractor_fetch_many,
     METH_VARARGS | METH_KEYWORDS,
     "fetch_many($self, /, urls, callback, *, format='txt', body_only=False, "
     "links=False, images=False, concurrency=8, per_host=2, delay=0, "
     "robots=False)\n--\n\n"
     "Fetches and extracts every URL (libcurl's multi interface, in this "
     "thread, without the GIL) and calls callback(item) as each "
     "completes, with a dict: index, url, final_url, http_status, result "
     "(the output, or None) and error (a pith.Error, or None).  A true "
     "return value stops the run; an exception stops it and propagates.  "
     "delay is in milliseconds.  pith.fetch_many() wraps it as an "
     "iterator."},
    {NULL, NULL, 0, NULL}};

static PyTypeObject ExtractorType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pith.Extractor",
    .tp_basicsize = sizeof(Extractor),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Extractor(**options)\n--\n\n"
              "One extractor of the library, with its options: "
              "min_chars, max_bytes, force, charset, page_type, "
              "only_types, no_tables, comments, precision, recall "
              "(extraction) and timeout, connect_timeout (seconds), "
              "retries, retry_delay (milliseconds), user_agent, headers "
              "(a dict or 'Name: value' strings), cookies (a Netscape "
              "cookie file), deny_private, insecure (fetching): the pith "
              "command's options.  Reuse one per thread: calls from two "
              "threads on one extractor wait for each other; different "
              "extractors run in parallel, without the GIL.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Extractor_init,
    .tp_dealloc = (destructor)Extractor_dealloc,
    .tp_methods = Extractor_methods,
};

int
extractor_init(PyObject *m)
{
    if (PyType_Ready(&ExtractorType) < 0)
        return -1;
    return PyModule_AddObjectRef(m, "Extractor", (PyObject *)&ExtractorType);
}
