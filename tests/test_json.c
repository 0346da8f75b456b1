/*
 * JSON output read back by json-c in strict mode: the string escaper on
 * every byte that needs escaping, and the rendered result of every
 * fixture, which must be one object with every field, null for what is
 * absent.
 */
#include "harness.h"

#include "buf.h"
#include "render/json_out.h"
#include "pith.h"

#include <dirent.h>
#include <json-c/json.h>
#include <stdlib.h>

static const char *const fields[] = {
    "url", "canonical_url", "title", "page_title", "author",
    "date_published", "date_modified", "site_name", "description", "lang",
    "image", "tags", "license", "page_type", "product", "text", "charset",
    "charset_source", "reason", "comments", NULL
};

static json_object *
strict_parse(const char *s, size_t len)
{
    json_tokener *tok = json_tokener_new();
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
    json_object *o = json_tokener_parse_ex(tok, s, (int)len);
    int ok = json_tokener_get_error(tok) == json_tokener_success &&
             json_tokener_get_parse_end(tok) == len;
    json_tokener_free(tok);
    if (!ok) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

/* Every control character, quote and backslash, and a NUL inside. */
static void
escapes(void)
{
    char in[160];
    size_t n = 0;
    for (int c = 0; c < 0x80; c++)
        if (c < 0x20 || c == '"' || c == '\\' || c == '/' || c == 0x7F)
            in[n++] = (char)c;
    memcpy(in + n, "\xE2\x80\xA8 text \xC3\xA9", 12);
    n += 12;
    struct buf b;
    buf_init(&b, 1 << 16);
    json_out_stringn(&b, in, n);
    for (size_t i = 0; i < b.len; i++)
        OK((unsigned char)b.data[i] >= 0x20 && b.data[i] != 0x7F,
           "raw control byte 0x%02x in JSON", (unsigned char)b.data[i]);
    json_object *o = strict_parse(b.data, b.len);
    OK(o && json_object_is_type(o, json_type_string),
       "escaped string parses strictly: %s", b.data);
    if (o) {
        EQ_INT(json_object_get_string_len(o), n, "round trip length");
        OK(memcmp(json_object_get_string(o), in, n) == 0,
           "round trip bytes");
    }
    json_object_put(o);
    buf_reset(&b);
    json_out_string(&b, NULL);
    EQ_STR(b.data, "null", "NULL is null");
    buf_free(&b);
}

static int
collect(const char *data, size_t len, void *ud)
{
    struct buf *b = ud;
    return buf_append(b, data, len);
}

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = n >= 0 ? malloc((size_t)n + 1) : NULL;
    *len = p ? fread(p, 1, (size_t)n, f) : 0;
    fclose(f);
    return p;
}

/* The rendered JSON of one page: strict, an object, every field. */
static void
check_page(pith_extractor *ex, const char *name, const char *html,
           size_t len)
{
    pith_result *res = NULL;
    pith_status st = pith_extract_html(ex, html, len, NULL, NULL, &res);
    OK(st == PITH_OK || st == PITH_ERR_NO_CONTENT, "%s: status %s", name,
       pith_strerror(st));
    if (!res)
        return;
    struct buf b;
    buf_init(&b, 1u << 26);
    EQ_INT(pith_render(res, PITH_FORMAT_JSON, 0, collect, &b), PITH_OK,
           name);
    json_object *o = b.len && b.data[b.len - 1] == '\n'
                         ? strict_parse(b.data, b.len - 1) : NULL;
    OK(o && json_object_is_type(o, json_type_object),
       "%s: strict JSON object", name);
    for (int i = 0; o && fields[i]; i++) {
        json_object *v;
        OK(json_object_object_get_ex(o, fields[i], &v), "%s: no %s", name,
           fields[i]);
    }
    if (o)
        EQ_INT(json_object_object_length(o), 20, "field count");
    json_object *text;
    if (o && json_object_object_get_ex(o, "text", &text))
        OK((st == PITH_OK) == !json_object_is_type(text, json_type_null),
           "%s: text null exactly without content", name);
    json_object_put(o);
    buf_free(&b);
    pith_result_free(res);
}

int
main(void)
{
    escapes();
    pith_extractor *ex = pith_new(NULL);
    check_page(ex, "empty page", "", 0);
    static const char controls[] =
        "<title>a\x01\x02\x1f\x7f\"\\</title><p>b\x01\x0b\x1b text</p>";
    check_page(ex, "control characters", controls, sizeof controls - 1);

    const char *src = getenv("PITH_SOURCE_DIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/fixtures", src ? src : ".");
    DIR *d = opendir(dir);
    OK(d != NULL, "cannot open %s", dir);
    struct dirent *e;
    int pages = 0;
    while (d && (e = readdir(d))) {
        char path[8192];
        size_t len;
        snprintf(path, sizeof path, "%s/%s/source.html", dir, e->d_name);
        char *html = e->d_name[0] != '.' ? slurp(path, &len) : NULL;
        if (!html)
            continue;
        check_page(ex, e->d_name, html, len);
        pages++;
        free(html);
    }
    if (d)
        closedir(d);
    OK(pages >= 20, "only %d fixtures", pages);
    pith_free(ex);
    return test_done();
}
