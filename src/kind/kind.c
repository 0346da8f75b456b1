/*
 * The page's kind: its names (the classifier is classify.c).
 */
#include "kind/kind.h"

#include <string.h>
#include <strings.h>

static const char *const kind_names[KIND_COUNT] = {
    "article", "forum", "product", "collection", "listing",
    "documentation", "service", "other"
};

const char *
kind_name(enum page_kind k)
{
    return (unsigned)k < KIND_COUNT ? kind_names[k] : "other";
}

int
kind_from_name(const char *s, enum page_kind *out)
{
    for (int k = 0; s && k < KIND_COUNT; k++)
        if (!strcasecmp(s, kind_names[k])) {
            *out = (enum page_kind)k;
            return 0;
        }
    return -1;
}
