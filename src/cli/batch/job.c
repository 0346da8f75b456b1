/* Outcome classes; see job.h. */
#include "cli/batch/job.h"

const char *
outcome_class_name(int cls)
{
    static const char *const names[OC_COUNT] = {
        "ok", "no-content", "input", "fetch", "http", "not-html",
        "too-big", "crash", "timeout", "memory", "internal"};
    return cls >= 0 && cls < OC_COUNT ? names[cls] : "internal";
}

int
outcome_class_of(pith_status st)
{
    switch (st) {
    case PITH_OK: return OC_OK;
    case PITH_ERR_NO_CONTENT: return OC_NO_CONTENT;
    case PITH_ERR_NOMEM: return OC_MEMORY;
    case PITH_ERR_ARG:
    case PITH_ERR_INPUT: return OC_INPUT;
    case PITH_ERR_TOO_BIG: return OC_TOO_BIG;
    case PITH_ERR_FETCH: return OC_FETCH;
    case PITH_ERR_HTTP: return OC_HTTP;
    case PITH_ERR_NOT_HTML: return OC_NOT_HTML;
    default: return OC_INTERNAL;
    }
}
