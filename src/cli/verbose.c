/* pith -v; see verbose.h. */
#include "cli/verbose.h"

#include <stdio.h>

void
verbose_response(const pith_response *r)
{
    for (size_t i = 0; i < r->nhops; i++)
        fprintf(stderr, "pith: %s: %d, %s\n", r->hops[i].url,
                r->hops[i].status,
                r->hops[i].refresh ? "a meta refresh followed"
                                   : "redirected");
    fprintf(stderr, "pith: %s: %d, %s, %zu bytes\n",
            r->final_url ? r->final_url : r->url, r->status,
            r->content_type ? r->content_type : "no content type",
            r->body_len);
}

void
verbose_result(const pith_result *r)
{
    const struct pith_timing *t = &r->timing;
    fprintf(stderr, "pith: charset %s (from %s)\n",
            r->charset ? r->charset : "?",
            r->charset_source ? r->charset_source : "?");
    fprintf(stderr, "pith: page type %s\n",
            r->page_type ? r->page_type : "?");
    fprintf(stderr, "pith: %.1f ms: decode %.1f, parse %.1f, read %.1f, "
            "kind %.1f, choose %.1f, assemble %.1f\n",
            t->decode_ms + t->parse_ms + t->read_ms + t->kind_ms +
                t->choose_ms + t->assemble_ms,
            t->decode_ms, t->parse_ms, t->read_ms, t->kind_ms, t->choose_ms,
            t->assemble_ms);
}
