/*
 * JSON-LD Product -> the product's name and text (see meta_parts.h).  A
 * shop often shows its description behind a tab, or builds it with
 * scripts, while its structured data holds it whole: the name, the
 * description (plain text or HTML), and the specifications as
 * additionalProperty name/value pairs.  Identifiers, prices and ratings
 * are left out of the text: they are chrome around the product, not its
 * text; meta_product_facts.c reads them as facts.
 * JSON values are walked to a small fixed depth, never over the DOM.
 */
#include "meta/meta_parts.h"

#include "arena.h"
#include "buf.h"
#include "limits.h"

#include <json-c/json.h>
#include <string.h>
#include <strings.h>

/* How deep a Product is looked for through arrays, @graph and mainEntity. */
#define PRODUCT_SEARCH_DEPTH 4
/* Specifications past this many are a variant matrix, not a spec table. */
#define PRODUCT_MAX_SPECS 60
/* The product text is a description and a spec table, never a book. */
#define PRODUCT_MAX_TEXT_BYTES (64u * 1024u)

static const char *const product_types[] = {
    "Product", "ProductGroup", "IndividualProduct", "ProductModel",
    "SomeProducts", "Vehicle", "Car", NULL
};

json_object *
meta_json_get(json_object *obj, const char *key)
{
    json_object *v;
    if (!obj || !json_object_is_type(obj, json_type_object) ||
        !json_object_object_get_ex(obj, key, &v))
        return NULL;
    return v;
}

const char *
meta_json_str(json_object *obj, const char *key)
{
    json_object *v = meta_json_get(obj, key);
    if (v && json_object_is_type(v, json_type_array) &&
        json_object_array_length(v))
        v = json_object_array_get_idx(v, 0);
    if (!v)
        return NULL;
    if (json_object_is_type(v, json_type_string))
        return json_object_get_string(v);
    /* Numbers and booleans are values of a spec too: "Weight: 2.5". */
    if (json_object_is_type(v, json_type_int) ||
        json_object_is_type(v, json_type_double) ||
        json_object_is_type(v, json_type_boolean))
        return json_object_get_string(v);
    return NULL;
}

static int
product_type_name(const char *s)
{
    if (!s)
        return 0;
    const char *slash = strrchr(s, '/'); /* "http://schema.org/Product" */
    if (slash)
        s = slash + 1;
    for (int i = 0; product_types[i]; i++)
        if (strcmp(s, product_types[i]) == 0)
            return 1;
    return 0;
}

static int
is_product(json_object *o)
{
    json_object *t = meta_json_get(o, "@type");
    if (t && json_object_is_type(t, json_type_array)) {
        size_t n = json_object_array_length(t);
        for (size_t i = 0; i < n; i++) {
            json_object *it = json_object_array_get_idx(t, i);
            if (json_object_is_type(it, json_type_string) &&
                product_type_name(json_object_get_string(it)))
                return 1;
        }
        return 0;
    }
    return t && json_object_is_type(t, json_type_string) &&
           product_type_name(json_object_get_string(t));
}

/* The first Product anywhere in v, through arrays, @graph and
 * mainEntity, to a small depth. */
static json_object *
find_product(json_object *v, int depth)
{
    if (!v || depth > PRODUCT_SEARCH_DEPTH)
        return NULL;
    if (json_object_is_type(v, json_type_array)) {
        size_t n = json_object_array_length(v);
        for (size_t i = 0; i < n; i++) {
            json_object *r = find_product(json_object_array_get_idx(v, i),
                                          depth + 1);
            if (r)
                return r;
        }
        return NULL;
    }
    if (!json_object_is_type(v, json_type_object))
        return NULL;
    if (is_product(v))
        return v;
    json_object *r = find_product(meta_json_get(v, "@graph"), depth + 1);
    return r ? r : find_product(meta_json_get(v, "mainEntity"), depth + 1);
}

/* ------------------------------------------------------------ text */

/* Decodes the entities a description escapes (&lt;p&gt;, &amp;, &#39;,
 * &nbsp;) into b; others stay as written. */
static void
put_decoded(struct buf *b, const char *s, size_t len)
{
    static const struct { const char *name; const char *utf8; } ents[] = {
        {"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""},
        {"apos;", "'"}, {"nbsp;", " "}, {"reg;", "\xC2\xAE"},
        {"trade;", "\xE2\x84\xA2"}, {"copy;", "\xC2\xA9"},
        {"deg;", "\xC2\xB0"}, {NULL, NULL}
    };
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '&') {
            buf_putc(b, s[i]);
            continue;
        }
        size_t rest = len - i - 1;
        const char *p = s + i + 1;
        int done = 0;
        for (int k = 0; ents[k].name && !done; k++) {
            size_t l = strlen(ents[k].name);
            if (rest >= l && strncmp(p, ents[k].name, l) == 0) {
                buf_puts(b, ents[k].utf8);
                i += l;
                done = 1;
            }
        }
        if (!done && rest > 2 && p[0] == '#') {
            unsigned cp = 0;
            size_t j = 1;
            int hex = p[1] == 'x' || p[1] == 'X';
            j += (size_t)hex;
            size_t digits = 0;
            for (; j < rest && digits < 7; j++, digits++) {
                char c = p[j];
                if (c >= '0' && c <= '9')
                    cp = cp * (hex ? 16 : 10) + (unsigned)(c - '0');
                else if (hex && ((c | 32) >= 'a' && (c | 32) <= 'f'))
                    cp = cp * 16 + (unsigned)((c | 32) - 'a' + 10);
                else
                    break;
            }
            if (digits && j < rest && p[j] == ';') {
                buf_put_utf8(b, cp == 0xA0 ? ' ' : cp);
                i += j + 1;
                done = 1;
            }
        }
        if (!done)
            buf_putc(b, '&');
    }
}

/* Does the tag at t (after '<', '/' skipped) end a line: p, br, li, div,
 * headings, tr? */
static int
breaking_tag(const char *t)
{
    static const char *const tags[] = {
        "p", "br", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
        "ul", "ol", "table", "dt", "dd", NULL
    };
    for (int i = 0; tags[i]; i++) {
        size_t l = strlen(tags[i]);
        if (strncasecmp(t, tags[i], l) == 0) {
            char c = t[l];
            if (c == '>' || c == ' ' || c == '/' || c == '\t' || c == '\n')
                return 1;
        }
    }
    return 0;
}

/* Appends s to out as lines of text: markup removed (the tags that end a
 * block end a line), white space folded within each line, empty lines
 * dropped. */
static void
put_text(struct buf *out, const char *s)
{
    struct buf d;
    buf_init(&d, PRODUCT_MAX_TEXT_BYTES);
    put_decoded(&d, s, strlen(s));
    const char *p = d.data ? d.data : "";
    int space = 0, line_has = 0, closed = 1;
    while (*p) {
        /* Once no '>' is left, no '<' opens a tag: a text of many '<'
         * is not searched again for each. */
        if (*p == '<' && closed && (p[1] == '/' ||
                          ((p[1] | 32) >= 'a' && (p[1] | 32) <= 'z'))) {
            const char *e = strchr(p, '>');
            closed = e != NULL;
            if (e) {
                if (breaking_tag(p + 1 + (p[1] == '/')) && line_has) {
                    buf_putc(out, '\n');
                    line_has = 0;
                } else {
                    space = 1;
                }
                space = line_has ? space : 0;
                p = e + 1;
                continue;
            }
        }
        if (*p == '\n' || *p == '\r') {
            if (line_has)
                buf_putc(out, '\n');
            line_has = 0;
            space = 0;
        } else if (*p == ' ' || *p == '\t') {
            space = line_has;
        } else {
            if (space)
                buf_putc(out, ' ');
            space = 0;
            buf_putc(out, *p);
            line_has = 1;
        }
        p++;
    }
    if (line_has)
        buf_putc(out, '\n');
    buf_free(&d);
}

/* "Name: value" for each additionalProperty. */
static void
put_specs(struct buf *out, json_object *props)
{
    if (!props)
        return;
    size_t n = json_object_is_type(props, json_type_array)
                   ? json_object_array_length(props) : 1;
    for (size_t i = 0; i < n && i < PRODUCT_MAX_SPECS; i++) {
        json_object *it = json_object_is_type(props, json_type_array)
                              ? json_object_array_get_idx(props, i) : props;
        const char *name = meta_json_str(it, "name");
        const char *value = meta_json_str(it, "value");
        if (!value || !*value)
            continue;
        struct buf line;
        buf_init(&line, PRODUCT_MAX_TEXT_BYTES);
        if (name && *name) {
            buf_puts(&line, name);
            buf_puts(&line, ": ");
        }
        buf_puts(&line, value);
        /* One line per spec: the value's own breaks become spaces. */
        for (size_t k = 0; k < line.len; k++)
            if (line.data[k] == '\n' || line.data[k] == '\r')
                line.data[k] = ' ';
        if (line.data)
            put_text(out, line.data);
        buf_free(&line);
    }
}

static json_object *
parse(const char *text)
{
    size_t len = strlen(text);
    if (len > PITH_MAX_JSONLD_BYTES)
        return NULL;
    json_tokener *tok = json_tokener_new();
    if (!tok)
        return NULL;
    json_object *root = json_tokener_parse_ex(tok, text, (int)len);
    json_tokener_free(tok);
    return root;
}

void
meta_product_read(struct arena *a, const char *const *texts, size_t n,
                  const char **name, const char **text,
                  struct meta_product *facts)
{
    *name = *text = NULL;
    for (size_t i = 0; i < n && !*name && !*text; i++) {
        json_object *root = parse(texts[i]);
        json_object *p = find_product(root, 0);
        if (p) {
            meta_product_facts_jsonld(a, p, facts);
            *name = meta_clean_str(a, meta_json_str(p, "name"));
            struct buf b;
            buf_init(&b, PRODUCT_MAX_TEXT_BYTES);
            const char *desc = meta_json_str(p, "description");
            if (desc)
                put_text(&b, desc);
            put_specs(&b, meta_json_get(p, "additionalProperty"));
            if (b.len && !buf_failed(&b))
                *text = arena_strndup(a, b.data, b.len);
            buf_free(&b);
        }
        json_object_put(root);
    }
}
