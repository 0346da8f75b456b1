/*
 * The page's kind: names, and the classifier.
 */
#include "kind/kind.h"

#include "blocks/blocks.h"
#include "blocks/signals.h"
#include "meta/meta.h"

#include <stdio.h>
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

void
kind_classify(const struct kind_input *in, struct kind_verdict *out)
{
    (void)in;
    memset(out, 0, sizeof *out);
    out->kind = KIND_ARTICLE;
    snprintf(out->why, sizeof out->why, "no signal of another kind");
}
