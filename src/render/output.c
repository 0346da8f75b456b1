/*
 * pith_result -> txt, JSON or Markdown (markdown.c), through the caller's
 * write callback.  txt: the title, a blank line, then the blocks separated
 * by blank lines, one final newline; collected comments follow under a
 * "---" line.
 */
#include "internal.h"

#include "buf.h"
#include "render/json_out.h"
#include "limits.h"
#include "render/markdown.h"

#include <string.h>

static void
put_txt(const pith_result *res, unsigned flags, struct buf *b)
{
    if (!(flags & PITH_RENDER_BODY_ONLY) && res->title && *res->title) {
        buf_puts(b, res->title);
        buf_append(b, "\n\n", 2);
    }
    if (res->text_len) {
        buf_append(b, res->text, res->text_len);
        buf_putc(b, '\n');
    }
    if (res->comments_text) {
        buf_puts(b, "\n---\n\n");
        buf_puts(b, res->comments_text);
        buf_putc(b, '\n');
    }
}

static void
json_list(struct buf *b, const char *key, const char *const *items, size_t n)
{
    buf_putc(b, ',');
    json_out_string(b, key);
    buf_putc(b, ':');
    if (!n) {
        buf_puts(b, "null");
        return;
    }
    buf_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_putc(b, ',');
        json_out_string(b, items[i]);
    }
    buf_putc(b, ']');
}

/* A decimal number as it is (meta_plain_number() made it one), or null. */
static void
json_number_field(struct buf *b, const char *key, const char *value)
{
    buf_putc(b, ',');
    json_out_string(b, key);
    buf_putc(b, ':');
    buf_puts(b, value ? value : "null");
}

static void
json_product(struct buf *b, const pith_product *p)
{
    buf_puts(b, ",\"product\":");
    if (!p) {
        buf_puts(b, "null");
        return;
    }
    buf_putc(b, '{');
    json_out_field(b, "name", p->name, 1);
    json_out_field(b, "brand", p->brand, 0);
    json_out_field(b, "sku", p->sku, 0);
    json_number_field(b, "price", p->price);
    json_out_field(b, "currency", p->currency, 0);
    json_out_field(b, "availability", p->availability, 0);
    json_number_field(b, "rating", p->rating);
    json_number_field(b, "review_count", p->review_count);
    buf_putc(b, '}');
}

/* Every field, always: absent ones are null, so consumers need no key
 * checks. */
static void
put_json(const pith_result *res, struct buf *b)
{
    buf_putc(b, '{');
    json_out_field(b, "url", res->url, 1);
    json_out_field(b, "canonical_url", res->canonical_url, 0);
    json_out_field(b, "title", res->title, 0);
    json_out_field(b, "page_title", res->page_title, 0);
    json_list(b, "author", res->authors, res->nauthors);
    json_out_field(b, "date_published", res->date_published, 0);
    json_out_field(b, "date_modified", res->date_modified, 0);
    json_out_field(b, "site_name", res->site_name, 0);
    json_out_field(b, "description", res->description, 0);
    json_out_field(b, "lang", res->lang, 0);
    json_out_field(b, "image", res->image, 0);
    json_list(b, "tags", res->tags, res->ntags);
    json_out_field(b, "license", res->license, 0);
    json_out_field(b, "page_type", res->page_type, 0);
    json_product(b, res->product);
    json_out_field(b, "text", res->text_len ? res->text : NULL, 0);
    json_out_field(b, "charset", res->charset, 0);
    json_out_field(b, "charset_source", res->charset_source, 0);
    json_out_field(b, "reason", res->reason, 0);
    json_out_field(b, "comments", res->comments_text, 0);
    buf_puts(b, "}\n");
}

pith_status
pith_render(const pith_result *res, pith_format format, unsigned flags,
            pith_write_fn write, void *userdata)
{
    if (!res || !write)
        return PITH_ERR_ARG;
    struct buf b;
    buf_init(&b, PITH_MAX_OUTPUT_BYTES * 8u);
    switch (format) {
    case PITH_FORMAT_TXT: put_txt(res, flags, &b); break;
    case PITH_FORMAT_JSON: put_json(res, &b); break;
    case PITH_FORMAT_MARKDOWN: markdown_render(res, flags, &b); break;
    default:
        buf_free(&b);
        return PITH_ERR_ARG;
    }
    pith_status st = PITH_OK;
    if (buf_failed(&b))
        st = PITH_ERR_NOMEM;
    else if (b.len && write(b.data, b.len, userdata))
        st = PITH_ERR_INPUT;
    buf_free(&b);
    return st;
}
