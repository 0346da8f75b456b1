/*
 * pith.Error and its subclasses, one per exit code of the pith command,
 * and the raising of one from a failed library call.
 */
#ifndef PITH_PY_ERRORS_H
#define PITH_PY_ERRORS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "pith.h"

/* Creates the classes and adds them to module m; -1 with an exception
 * set on failure. */
int errors_init(PyObject *m);

/* Raises the class of status with message msg (pith_strerror's when NULL
 * or empty).  http_status goes to .status of HTTPError, reason to .reason
 * of NoContentError, result (a new reference taken, or NULL) to .result.
 * Returns NULL, for `return errors_raise(...)`. */
PyObject *errors_raise(pith_status status, const char *msg, int http_status,
                       const char *reason, PyObject *result);

/* A new exception instance for status, not raised (fetch_many's items
 * carry theirs); NULL with an exception set on failure. */
PyObject *errors_make(pith_status status, const char *msg, int http_status,
                      const char *reason, PyObject *result);

/* pith.InputError with message msg (bad arguments of the binding's own). */
PyObject *errors_input(const char *msg);

#endif
