/*
 * The decode stage; see decode.h.
 */
#include "decode/decode.h"

#include <stdlib.h>
#include <string.h>

enum decode_status
decode_page(const char *bytes, size_t len, const char *content_type,
            const char *charset, int no_prepass, size_t max_out,
            struct decoded *out)
{
    memset(out, 0, sizeof *out);
    if (charset)
        charset_force(bytes, len, charset, &out->cs);
    else
        charset_decide(bytes, len, content_type, &out->cs);
    /* Valid UTF-8 needs no decoding: the pre-pass reads it as it came. */
    int direct = !no_prepass && out->cs.valid_utf8;
    if (!direct && charset_to_utf8(bytes, len, &out->cs, max_out,
                                   &out->utf8, &out->utf8_len))
        return DECODE_NOMEM_CHARSET;
    if (direct ? prepass_html(bytes, len, &out->utf8, &out->utf8_len,
                              &out->prepass)
               : !no_prepass &&
                 prepass_replace(&out->utf8, &out->utf8_len, &out->prepass))
        return DECODE_NOMEM_PREPASS;
    return DECODE_OK;
}

void
decoded_free(struct decoded *d)
{
    free(d->utf8);
    d->utf8 = NULL;
}
