/*
 * pith.Extractor: one library extractor (its options, its connections)
 * for one thread at a time; the GIL is released while it works.
 */
#ifndef PITH_PY_EXTRACTOR_H
#define PITH_PY_EXTRACTOR_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Readies the type and adds it to module m; -1 with an exception set. */
int extractor_init(PyObject *m);

#endif
