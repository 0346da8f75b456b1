/*
 * Charset decision and decoding; see charset.h for the policy.  The
 * windows-1252 decoder (the web's most common legacy encoding and the
 * fallback) is a table here; every other encoding goes through iconv.
 */
#include "decode/charset.h"

#include "buf.h"
#include "limits.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <uchardet/uchardet.h>

/* ------------------------------------------------------------ labels */

/* WHATWG encoding labels (the common ones), each with its encoding. */
static const struct {
    const char *label;
    const char *name;
} labels[] = {
    {"utf-8", "utf-8"}, {"utf8", "utf-8"}, {"unicode-1-1-utf-8", "utf-8"},
    {"unicode11utf8", "utf-8"}, {"unicode20utf8", "utf-8"},
    {"x-unicode20utf8", "utf-8"},
    {"windows-1252", "windows-1252"}, {"cp1252", "windows-1252"},
    {"x-cp1252", "windows-1252"}, {"latin1", "windows-1252"},
    {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"},
    {"iso88591", "windows-1252"}, {"iso_8859-1", "windows-1252"},
    {"iso_8859-1:1987", "windows-1252"}, {"l1", "windows-1252"},
    {"ascii", "windows-1252"}, {"us-ascii", "windows-1252"},
    {"ansi_x3.4-1968", "windows-1252"}, {"cp819", "windows-1252"},
    {"ibm819", "windows-1252"}, {"csisolatin1", "windows-1252"},
    {"iso-ir-100", "windows-1252"},
    {"iso-8859-2", "iso-8859-2"}, {"iso8859-2", "iso-8859-2"},
    {"iso88592", "iso-8859-2"}, {"iso_8859-2", "iso-8859-2"},
    {"latin2", "iso-8859-2"}, {"l2", "iso-8859-2"},
    {"csisolatin2", "iso-8859-2"},
    {"iso-8859-3", "iso-8859-3"}, {"iso-8859-4", "iso-8859-4"},
    {"iso-8859-5", "iso-8859-5"}, {"iso8859-5", "iso-8859-5"},
    {"iso-8859-6", "iso-8859-6"}, {"iso-8859-7", "iso-8859-7"},
    {"greek", "iso-8859-7"}, {"iso-8859-8", "iso-8859-8"},
    {"hebrew", "iso-8859-8"}, {"iso-8859-8-i", "iso-8859-8-i"},
    {"iso-8859-10", "iso-8859-10"}, {"iso-8859-13", "iso-8859-13"},
    {"iso-8859-14", "iso-8859-14"}, {"iso-8859-15", "iso-8859-15"},
    {"iso8859-15", "iso-8859-15"}, {"iso885915", "iso-8859-15"},
    {"iso_8859-15", "iso-8859-15"}, {"latin9", "iso-8859-15"},
    {"l9", "iso-8859-15"}, {"iso-8859-16", "iso-8859-16"},
    {"iso-8859-9", "windows-1254"}, {"latin5", "windows-1254"},
    {"l5", "windows-1254"}, {"iso-8859-11", "windows-874"},
    {"tis-620", "windows-874"}, {"windows-874", "windows-874"},
    {"windows-1250", "windows-1250"}, {"cp1250", "windows-1250"},
    {"x-cp1250", "windows-1250"},
    {"windows-1251", "windows-1251"}, {"cp1251", "windows-1251"},
    {"x-cp1251", "windows-1251"},
    {"windows-1253", "windows-1253"}, {"cp1253", "windows-1253"},
    {"windows-1254", "windows-1254"}, {"cp1254", "windows-1254"},
    {"windows-1255", "windows-1255"}, {"cp1255", "windows-1255"},
    {"windows-1256", "windows-1256"}, {"cp1256", "windows-1256"},
    {"windows-1257", "windows-1257"}, {"cp1257", "windows-1257"},
    {"windows-1258", "windows-1258"}, {"cp1258", "windows-1258"},
    {"koi8-r", "koi8-r"}, {"koi8_r", "koi8-r"}, {"koi8", "koi8-r"},
    {"koi", "koi8-r"}, {"cskoi8r", "koi8-r"}, {"koi8-u", "koi8-u"},
    {"koi8-ru", "koi8-u"}, {"ibm866", "ibm866"}, {"cp866", "ibm866"},
    {"866", "ibm866"}, {"macintosh", "macintosh"}, {"mac", "macintosh"},
    {"x-mac-roman", "macintosh"},
    {"gbk", "gbk"}, {"gb2312", "gbk"}, {"gb_2312", "gbk"},
    {"gb_2312-80", "gbk"}, {"chinese", "gbk"}, {"csgb2312", "gbk"},
    {"x-gbk", "gbk"}, {"iso-ir-58", "gbk"}, {"gb18030", "gb18030"},
    {"big5", "big5"}, {"big5-hkscs", "big5"}, {"cn-big5", "big5"},
    {"csbig5", "big5"}, {"x-x-big5", "big5"},
    {"shift_jis", "shift_jis"}, {"shift-jis", "shift_jis"},
    {"sjis", "shift_jis"}, {"x-sjis", "shift_jis"},
    {"ms_kanji", "shift_jis"}, {"ms932", "shift_jis"},
    {"windows-31j", "shift_jis"}, {"csshiftjis", "shift_jis"},
    {"euc-jp", "euc-jp"}, {"x-euc-jp", "euc-jp"},
    {"iso-2022-jp", "iso-2022-jp"}, {"csiso2022jp", "iso-2022-jp"},
    {"euc-kr", "euc-kr"}, {"korean", "euc-kr"}, {"windows-949", "euc-kr"},
    {"ks_c_5601-1987", "euc-kr"}, {"ksc5601", "euc-kr"},
    {"ksc_5601", "euc-kr"}, {"cseuckr", "euc-kr"},
    {"utf-16le", "utf-16le"}, {"utf-16", "utf-16le"},
    {"ucs-2", "utf-16le"}, {"unicode", "utf-16le"},
    {"utf-16be", "utf-16be"},
    {"x-user-defined", "windows-1252"},
};

/* What iconv calls each WHATWG encoding that is not decoded here. */
static const struct {
    const char *name;
    const char *iconv;
} iconv_names[] = {
    {"gbk", "GB18030"}, {"gb18030", "GB18030"}, {"big5", "BIG5-HKSCS"},
    {"shift_jis", "CP932"}, {"euc-jp", "EUC-JP"},
    {"iso-2022-jp", "ISO-2022-JP"}, {"euc-kr", "CP949"},
    {"utf-16le", "UTF-16LE"}, {"utf-16be", "UTF-16BE"},
    {"iso-8859-8-i", "ISO-8859-8"}, {"ibm866", "CP866"},
    {"macintosh", "MACINTOSH"},
};

const char *
charset_canonical(const char *label, size_t len)
{
    char low[40];
    while (len && (*label == ' ' || *label == '\t' || *label == '\n' ||
                   *label == '\r' || *label == '\f' || *label == '"' ||
                   *label == '\''))
        label++, len--;
    while (len && (label[len - 1] == ' ' || label[len - 1] == '\t' ||
                   label[len - 1] == '\n' || label[len - 1] == '\r' ||
                   label[len - 1] == '"' || label[len - 1] == '\''))
        len--;
    if (len == 0 || len >= sizeof low)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        char c = label[i];
        low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    low[len] = '\0';
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(low, labels[i].label) == 0)
            return labels[i].name;
    return NULL;
}

const char *
charset_source_name(enum charset_source s)
{
    switch (s) {
    case CHARSET_FROM_BOM: return "bom";
    case CHARSET_FROM_HTTP: return "http";
    case CHARSET_FROM_META: return "meta";
    case CHARSET_FROM_DETECTOR: return "detected";
    case CHARSET_FROM_DEFAULT: return "default";
    case CHARSET_FROM_OPTION: return "option";
    }
    return "default";
}

/* ------------------------------------------------------------ sniffing */

/* Finds "charset=VALUE" in s (a Content-Type or a meta content value). */
static const char *
find_charset_param(const char *s, size_t len, size_t *vlen)
{
    for (size_t i = 0; i + 7 <= len; i++) {
        if (strncasecmp(s + i, "charset", 7) != 0)
            continue;
        size_t j = i + 7;
        while (j < len && (s[j] == ' ' || s[j] == '\t'))
            j++;
        if (j >= len || s[j] != '=')
            continue;
        j++;
        while (j < len && (s[j] == ' ' || s[j] == '\t'))
            j++;
        char quote = 0;
        if (j < len && (s[j] == '"' || s[j] == '\''))
            quote = s[j++];
        size_t k = j;
        while (k < len && s[k] != ';' && s[k] != ' ' && s[k] != '\t' &&
               (quote ? s[k] != quote : s[k] != '"' && s[k] != '\''))
            k++;
        *vlen = k - j;
        return s + j;
    }
    return NULL;
}

static int
store_name(const char *label, size_t len, char out[32])
{
    const char *name = charset_canonical(label, len);
    if (!name)
        return -1;
    snprintf(out, 32, "%s", name);
    return 0;
}

int
charset_from_content_type(const char *content_type, char out[32])
{
    if (!content_type)
        return -1;
    size_t vlen;
    const char *v = find_charset_param(content_type, strlen(content_type),
                                       &vlen);
    return v ? store_name(v, vlen, out) : -1;
}

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Reads one attribute at *p (WHATWG "get an attribute", simplified).
 * Returns 0 at the end of the tag. */
static int
next_attr(const char **p, const char *end, const char **name, size_t *nlen,
          const char **val, size_t *vlen)
{
    const char *s = *p;
    while (s < end && (is_space(*s) || *s == '/'))
        s++;
    if (s >= end || *s == '>')
        return 0;
    *name = s;
    while (s < end && !is_space(*s) && *s != '=' && *s != '>' && *s != '/')
        s++;
    *nlen = (size_t)(s - *name);
    while (s < end && is_space(*s))
        s++;
    *val = s;
    *vlen = 0;
    if (s < end && *s == '=') {
        s++;
        while (s < end && is_space(*s))
            s++;
        if (s < end && (*s == '"' || *s == '\'')) {
            char q = *s++;
            *val = s;
            while (s < end && *s != q)
                s++;
            *vlen = (size_t)(s - *val);
            if (s < end)
                s++;
        } else {
            *val = s;
            while (s < end && !is_space(*s) && *s != '>')
                s++;
            *vlen = (size_t)(s - *val);
        }
    }
    *p = s;
    return 1;
}

/* Looks at one <meta ...> tag starting after "<meta". */
static int
meta_charset(const char **p, const char *end, char out[32])
{
    const char *name, *val, *content = NULL, *charset = NULL;
    size_t nlen, vlen, content_len = 0, charset_len = 0;
    int http_equiv = 0;
    while (next_attr(p, end, &name, &nlen, &val, &vlen)) {
        if (nlen == 7 && strncasecmp(name, "charset", 7) == 0) {
            charset = val;
            charset_len = vlen;
        } else if (nlen == 10 && strncasecmp(name, "http-equiv", 10) == 0) {
            http_equiv = vlen == 12 && strncasecmp(val, "content-type", 12) == 0;
        } else if (nlen == 7 && strncasecmp(name, "content", 7) == 0) {
            content = val;
            content_len = vlen;
        }
    }
    if (!charset && http_equiv && content)
        charset = find_charset_param(content, content_len, &charset_len);
    if (!charset || store_name(charset, charset_len, out))
        return -1;
    /* A page cannot declare itself UTF-16 in its own bytes: such a label
     * means UTF-8 (WHATWG). */
    if (strncmp(out, "utf-16", 6) == 0)
        snprintf(out, 32, "utf-8");
    return 0;
}

int
charset_prescan_meta(const char *bytes, size_t len, char out[32])
{
    const char *p = bytes, *end = bytes + len;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt)
            break;
        p = lt + 1;
        if (end - p >= 3 && memcmp(p, "!--", 3) == 0) {
            const char *q = p + 3;
            while (q + 3 <= end && memcmp(q, "-->", 3) != 0)
                q++;
            p = q + 3;
        } else if (end - p >= 5 && strncasecmp(p, "meta", 4) == 0 &&
                   (is_space(p[4]) || p[4] == '/')) {
            p += 4;
            if (meta_charset(&p, end, out) == 0)
                return 0;
        } else if (end - p >= 5 && strncasecmp(p, "body", 4) == 0 &&
                   (is_space(p[4]) || p[4] == '>')) {
            break; /* declarations belong in the head */
        } else if (p < end && (((*p | 32) >= 'a' && (*p | 32) <= 'z') ||
                               *p == '/')) {
            if (*p == '/')
                p++;
            while (p < end && !is_space(*p) && *p != '>')
                p++;
            const char *name, *val;
            size_t nlen, vlen;
            while (next_attr(&p, end, &name, &nlen, &val, &vlen))
                ;
        } else if (p < end && (*p == '!' || *p == '?')) {
            const char *q = memchr(p, '>', (size_t)(end - p));
            p = q ? q + 1 : end;
        }
    }
    return -1;
}

/* Length of the valid UTF-8 sequence starting at p (1-4), or 0 when the
 * bytes there are not one: overlong, surrogate, too large or cut short. */
static size_t
utf8_seq(const unsigned char *p, const unsigned char *end)
{
    unsigned c = *p;
    size_t n;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) n = 1, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) n = 2, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) n = 3, min = 0x10000;
    else return 0;
    if ((size_t)(end - p) <= n)
        return 0;
    unsigned cp = c & (0x3F >> n);
    for (size_t i = 1; i <= n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n + 1;
}

/* Skips ASCII eight bytes at a time. */
static const unsigned char *
skip_ascii(const unsigned char *p, const unsigned char *end)
{
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        if (w & 0x8080808080808080ull)
            break;
        p += 8;
    }
    while (p < end && *p < 0x80)
        p++;
    return p;
}

int
charset_is_valid_utf8(const char *s, size_t len, int *has_non_ascii)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    int non_ascii = 0;
    while ((p = skip_ascii(p, end)) < end) {
        size_t n = utf8_seq(p, end);
        if (!n)
            break;
        non_ascii = 1;
        p += n;
    }
    if (has_non_ascii)
        *has_non_ascii = non_ascii;
    return p >= end;
}

/* Asks uchardet; 0 with out set when it names an encoding we know. */
static int
detect(const char *bytes, size_t len, char out[32])
{
    uchardet_t ud = uchardet_new();
    if (!ud)
        return -1;
    if (len > PITH_CHARSET_DETECT_BYTES)
        len = PITH_CHARSET_DETECT_BYTES;
    int rc = -1;
    if (uchardet_handle_data(ud, bytes, len) == 0) {
        uchardet_data_end(ud);
        const char *name = uchardet_get_charset(ud);
        if (name && *name)
            rc = store_name(name, strlen(name), out);
    }
    uchardet_delete(ud);
    return rc;
}

void
charset_force(const char *bytes, size_t len, const char *name,
              struct charset_decision *out)
{
    const unsigned char *u = (const unsigned char *)bytes;
    memset(out, 0, sizeof *out);
    snprintf(out->name, sizeof out->name, "%s", name);
    out->source = CHARSET_FROM_OPTION;
    if (!strcmp(name, "utf-8")) {
        if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
            out->bom_len = 3;
        int non_ascii;
        out->valid_utf8 = !out->bom_len &&
                          charset_is_valid_utf8(bytes, len, &non_ascii);
    } else if (len >= 2 && ((!strcmp(name, "utf-16le") && u[0] == 0xFF &&
                             u[1] == 0xFE) ||
                            (!strcmp(name, "utf-16be") && u[0] == 0xFE &&
                             u[1] == 0xFF))) {
        out->bom_len = 2;
    }
}

void
charset_decide(const char *bytes, size_t len, const char *content_type,
               struct charset_decision *out)
{
    const unsigned char *u = (const unsigned char *)bytes;
    memset(out, 0, sizeof *out);
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        snprintf(out->name, sizeof out->name, "utf-8");
        out->source = CHARSET_FROM_BOM;
        out->bom_len = 3;
        return;
    }
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                     (u[0] == 0xFE && u[1] == 0xFF))) {
        snprintf(out->name, sizeof out->name, "%s",
                 u[0] == 0xFF ? "utf-16le" : "utf-16be");
        out->source = CHARSET_FROM_BOM;
        out->bom_len = 2;
        return;
    }
    char declared[32];
    enum charset_source src = CHARSET_FROM_HTTP;
    int have = charset_from_content_type(content_type, declared) == 0;
    if (!have) {
        size_t scan = len < PITH_CHARSET_PRESCAN_BYTES
                          ? len : PITH_CHARSET_PRESCAN_BYTES;
        have = charset_prescan_meta(bytes, scan, declared) == 0;
        src = CHARSET_FROM_META;
    }
    int non_ascii = 0;
    int valid = charset_is_valid_utf8(bytes, len, &non_ascii);
    /* A UTF-16 label from HTTP with no BOM is believed; everything else
     * yields to bytes that are valid UTF-8 beyond ASCII. */
    if (have && strncmp(declared, "utf-16", 6) == 0) {
        snprintf(out->name, sizeof out->name, "%s", declared);
        out->source = src;
        return;
    }
    /* UTF-16 without a BOM or a label: the ASCII of its markup puts a
     * NUL in every other byte, all on one parity (NULs are valid UTF-8,
     * and the detector does not tell UTF-16). */
    size_t n = len < 1024 ? len : 1024, nul = 0, odd = 0;
    for (size_t i = 0; i < n; i++) {
        nul += u[i] == 0;
        odd += u[i] == 0 && (i & 1);
    }
    if (n >= 16 && nul * 4 > n && (odd == nul || odd == 0)) {
        snprintf(out->name, sizeof out->name, "%s",
                 odd ? "utf-16le" : "utf-16be");
        out->source = CHARSET_FROM_DETECTOR;
        return;
    }
    if (valid) {
        snprintf(out->name, sizeof out->name, "utf-8");
        out->valid_utf8 = 1;
        if (have && strcmp(declared, "utf-8") == 0)
            out->source = src;
        else if (have && !non_ascii)
            snprintf(out->name, sizeof out->name, "%s", declared),
                out->source = src, out->valid_utf8 = 0;
        else
            out->source = non_ascii ? CHARSET_FROM_DETECTOR
                                    : CHARSET_FROM_DEFAULT;
        return;
    }
    if (have && strcmp(declared, "utf-8") != 0) {
        snprintf(out->name, sizeof out->name, "%s", declared);
        out->source = src;
        return;
    }
    if (detect(bytes, len, out->name) == 0 &&
        strcmp(out->name, "utf-8") != 0) {
        out->source = CHARSET_FROM_DETECTOR;
        return;
    }
    snprintf(out->name, sizeof out->name, "windows-1252");
    out->source = CHARSET_FROM_DEFAULT;
}

/* ------------------------------------------------------------ decoding */

/* windows-1252 bytes 0x80-0x9F; the five holes map to C1 controls as the
 * WHATWG index does. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static void
decode_cp1252(const unsigned char *p, size_t len, struct buf *b)
{
    const unsigned char *end = p + len;
    while (p < end) {
        const unsigned char *run = p;
        while (p < end && *p < 0x80)
            p++;
        buf_append(b, run, (size_t)(p - run));
        if (p >= end)
            break;
        unsigned c = *p++;
        buf_put_utf8(b, c < 0xA0 ? cp1252_high[c - 0x80] : c);
    }
}

/* Copies UTF-8, replacing each invalid sequence with one U+FFFD. */
static void
sanitize_utf8(const unsigned char *p, size_t len, struct buf *b)
{
    const unsigned char *end = p + len;
    while (p < end) {
        const unsigned char *run = p;
        size_t n;
        while ((p = skip_ascii(p, end)) < end && (n = utf8_seq(p, end)))
            p += n;
        buf_append(b, run, (size_t)(p - run));
        if (p >= end)
            return;
        buf_put_utf8(b, 0xFFFD);
        /* Skip the lead byte and any continuation bytes after it. */
        p++;
        while (p < end && (*p & 0xC0) == 0x80)
            p++;
    }
}

static const char *
iconv_name(const char *name)
{
    for (size_t i = 0; i < sizeof iconv_names / sizeof iconv_names[0]; i++)
        if (strcmp(name, iconv_names[i].name) == 0)
            return iconv_names[i].iconv;
    if (strncmp(name, "windows-", 8) == 0) {
        static _Thread_local char cp[16];
        snprintf(cp, sizeof cp, "CP%s", name + 8);
        return cp;
    }
    return name; /* iso-8859-N, koi8-r, koi8-u: iconv knows these names */
}

static int
decode_iconv(const char *bytes, size_t len, const char *name, struct buf *b)
{
    iconv_t cd = iconv_open("UTF-8", iconv_name(name));
    if (cd == (iconv_t)-1)
        return -1;
    char *in = (char *)bytes;
    size_t inleft = len;
    char tmp[8192];
    while (inleft > 0 && !buf_failed(b)) {
        char *o = tmp;
        size_t oleft = sizeof tmp;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        buf_append(b, tmp, sizeof tmp - oleft);
        if (r == (size_t)-1) {
            if (errno == E2BIG)
                continue;
            /* EILSEQ or EINVAL (truncated at the end): one U+FFFD for the
             * bad byte, then go on. */
            buf_put_utf8(b, 0xFFFD);
            in++;
            inleft--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    char *o = tmp;
    size_t oleft = sizeof tmp;
    iconv(cd, NULL, NULL, &o, &oleft);
    buf_append(b, tmp, sizeof tmp - oleft);
    iconv_close(cd);
    return 0;
}

int
charset_to_utf8(const char *bytes, size_t len,
                const struct charset_decision *d, size_t max_out, char **out,
                size_t *out_len)
{
    struct buf b;
    buf_init(&b, max_out);
    bytes += d->bom_len;
    len -= d->bom_len;
    buf_reserve(&b, len + len / 4);
    if (strcmp(d->name, "utf-8") == 0) {
        sanitize_utf8((const unsigned char *)bytes, len, &b);
    } else if (strcmp(d->name, "windows-1252") == 0) {
        decode_cp1252((const unsigned char *)bytes, len, &b);
    } else if (decode_iconv(bytes, len, d->name, &b) != 0) {
        /* iconv lacks this encoding: windows-1252 keeps ASCII intact. */
        buf_reset(&b);
        decode_cp1252((const unsigned char *)bytes, len, &b);
    }
    if (buf_failed(&b)) {
        buf_free(&b);
        *out = NULL;
        return -1;
    }
    *out = buf_detach(&b, out_len);
    return *out ? 0 : -1;
}
