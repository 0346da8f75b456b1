/*
 * Differential fuzz target of the pre-pass: the input, read as UTF-8 the
 * way the library reads a page (invalid bytes become U+FFFD), must give
 * the same tree digest (tree_digest.h) with and without the pre-pass,
 * unless the pass applied a cap (nesting, elements, attributes per tag).
 * A difference aborts.
 *
 * Gumbo 0.10.1 fails assertions on some inputs (dom.c turns them into a
 * failed parse): then there is nothing to compare.
 */
#include "../tree_digest.h"

#include "decode/charset.h"
#include "decode/prepass.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct charset_decision cs = {.name = "utf-8",
                                  .source = CHARSET_FROM_DEFAULT};
    char *utf8, *lean;
    size_t utf8_len, lean_len;
    if (charset_to_utf8((const char *)data, size, &cs, (size_t)1 << 28, &utf8,
                        &utf8_len))
        return 0;
    struct prepass_stats st;
    if (prepass_html(utf8, utf8_len, &lean, &lean_len, &st)) {
        free(utf8);
        return 0;
    }
    if (lean_len > utf8_len)
        abort();
    char *b = tree_digest(lean, lean_len);
    if (!st.flattened && !st.attrs_cut && b) {
        char *a = tree_digest(utf8, utf8_len);
        if (a && strcmp(a, b)) {
            fprintf(stderr, "tree changed\n--- before\n%s--- after\n%s", a,
                    b);
            abort();
        }
        free(a);
    }
    free(b);
    free(lean);
    free(utf8);
    return 0;
}
