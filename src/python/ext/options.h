/*
 * The keyword arguments of pith.Extractor(): the pith command's
 * extraction and fetching options, read into a pith_options whose strings
 * the struct owns (the library keeps pointers to them).
 */
#ifndef PITH_PY_OPTIONS_H
#define PITH_PY_OPTIONS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "pith.h"

struct owned_options {
    pith_options opt;
    char *strings[6];   /* user_agent, cookie_file, page_type, only_types,
                           charset and spare: copies freed with the struct */
    int nstrings;
    char **headers;     /* opt.headers points here */
    size_t nheaders;
};

/* Fills o from kwargs (NULL: all defaults).  0, or -1 with TypeError or
 * pith.UsageError set for a wrong type or value or an unknown name. */
int options_parse(struct owned_options *o, PyObject *kwargs);
void options_free(struct owned_options *o);

/* The keyword names options_parse() takes, as a frozenset (pith/__init__.py
 * splits the keywords of pith.extract() by it). */
PyObject *options_names(void);

#endif
