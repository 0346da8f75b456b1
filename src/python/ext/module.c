/*
 * pith._pith, the extension module under the pith package: the library
 * set up once at import, the Extractor type, the exception classes.
 * pith/__init__.py builds the module-level functions on top of it.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "errors.h"
#include "extractor.h"
#include "options.h"
#include "output.h"

#include "pith.h"

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "pith._pith",
    .m_doc = "The C side of pith: Extractor and the exception classes.",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit__pith(void)
{
    /* Import runs under the GIL, before any thread of this module uses
     * the library: the one moment pith_global_init() is safe. */
    if (pith_global_init() != PITH_OK) {
        PyErr_SetString(PyExc_ImportError,
                        "pith: libcurl could not be set up");
        return NULL;
    }
    PyObject *m = PyModule_Create(&module);
    if (!m)
        return NULL;
    PyObject *names = options_names();
    int bad = !names || PyModule_AddObjectRef(m, "OPTION_NAMES", names) < 0 ||
              PyModule_AddStringConstant(m, "VERSION", PITH_VERSION) < 0 ||
              errors_init(m) || extractor_init(m) || output_init();
    Py_XDECREF(names);
    if (bad)
        Py_CLEAR(m);
    return m;
}
