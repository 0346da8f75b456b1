/*
 * libFuzzer target of the whole library: the first input byte picks the
 * options (content type, force, pre-pass off, the minimum length), the
 * rest is the page.  Every output format and both --explain forms run,
 * and everything is freed on every path.
 */
#include "pith.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A writer that checks what it gets and keeps nothing. */
static int
sink(const char *data, size_t len, void *userdata)
{
    size_t *total = userdata;
    if (len && !data)
        abort();
    *total += len;
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const types[] = {
        NULL, "text/html", "text/html; charset=iso-8859-1",
        "text/html; charset=shift_jis", "application/xhtml+xml",
        "text/plain", "text/html; charset=utf-16le", ""
    };
    if (size < 1)
        return 0;
    unsigned flags = data[0];
    const char *page = (const char *)data + 1;
    size_t len = size - 1;
    pith_options opt = {0};
    opt.force = (flags >> 3) & 1;
    opt.no_prepass = (flags >> 4) & 1;
    opt.min_chars = (flags >> 5) & 1 ? 200 : 0;
    opt.max_bytes = (flags >> 6) & 1 ? 4096 : 0;
    const char *type = types[flags & 7];
    pith_extractor *ex = pith_new(&opt);
    if (!ex)
        return 0;
    size_t total = 0;
    pith_result *res = NULL;
    pith_status st = pith_extract_html(ex, page, len, type, "http://x/", &res);
    if ((st == PITH_OK || st == PITH_ERR_NO_CONTENT) != (res != NULL))
        abort();
    if (res) {
        for (int f = PITH_FORMAT_TXT; f <= PITH_FORMAT_MARKDOWN; f++) {
            pith_render(res, (pith_format)f, 0, sink, &total);
            pith_render(res, (pith_format)f, PITH_RENDER_BODY_ONLY, sink,
                        &total);
        }
        if (strlen(res->text) != res->text_len)
            abort();
    }
    pith_result_free(res);
    pith_explain(ex, page, len, type, NULL, 0, sink, &total);
    pith_explain(ex, page, len, type, NULL, 1, sink, &total);
    (void)pith_errmsg(ex);
    pith_free(ex);
    return 0;
}
