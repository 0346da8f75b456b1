/*
 * libFuzzer target of the charset stage: the first input byte picks the
 * declared charset (as an HTTP Content-Type), the rest is the page.  The
 * decision, the decoding and the <meta> prescan must hold up, and the
 * output must be valid UTF-8 whatever came in.
 */
#include "decode/charset.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const types[] = {
        NULL, "text/html", "text/html; charset=utf-8",
        "text/html; charset=windows-1252", "text/html; charset=shift_jis",
        "text/html; charset=euc-jp", "text/html; charset=gbk",
        "text/html; charset=gb18030", "text/html; charset=big5",
        "text/html; charset=euc-kr", "text/html; charset=utf-16le",
        "text/html; charset=utf-16be", "text/html; charset=iso-2022-jp",
        "text/html; charset=koi8-r", "text/html; charset=x-user-defined",
        "text/html; charset=\"iso-8859-8-i\"", "text/html;charset=bogus",
        "text/html; charset=", "text/html; charset=UTF-7",
        "text/html; charset=replacement", "text/html; charset=macintosh",
    };
    if (size < 1)
        return 0;
    const char *type = types[data[0] % (sizeof types / sizeof types[0])];
    const char *bytes = (const char *)data + 1;
    size_t len = size - 1;

    char name[32];
    (void)charset_canonical(bytes, len < 40 ? len : 40);
    (void)charset_prescan_meta(bytes, len, name);
    if (type)
        (void)charset_from_content_type(type, name);

    struct charset_decision d;
    charset_decide(bytes, len, type, &d);
    char *out;
    size_t out_len;
    if (charset_to_utf8(bytes, len, &d, len * 4 + 64, &out, &out_len))
        return 0;
    int non_ascii;
    if (strlen(out) > out_len || !charset_is_valid_utf8(out, out_len,
                                                        &non_ascii)) {
        fprintf(stderr, "invalid UTF-8 out of %s\n", d.name);
        abort();
    }
    free(out);
    return 0;
}
