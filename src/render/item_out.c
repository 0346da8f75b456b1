/*
 * pith_item -> one line of JSON, the output of a many-URL run:
 * {"url", "final_url", "status", "error", "title", "page_type", "text"},
 * null for what is absent, and "comments" when asked for and found,
 * through the caller's write callback.
 */
#include "internal.h"

#include "buf.h"
#include "render/json_out.h"
#include "limits.h"

#include <stdio.h>

pith_status
pith_render_item(const pith_item *item, pith_write_fn write, void *userdata)
{
    if (!item || !write)
        return PITH_ERR_ARG;
    const pith_result *r = item->result;
    struct buf b;
    buf_init(&b, PITH_MAX_OUTPUT_BYTES * 8u);
    buf_putc(&b, '{');
    json_out_field(&b, "url", item->url, 1);
    json_out_field(&b, "final_url", item->final_url, 0);
    buf_puts(&b, ",\"status\":");
    if (item->http_status > 0) {
        char num[16];
        snprintf(num, sizeof num, "%d", item->http_status);
        buf_puts(&b, num);
    } else {
        buf_puts(&b, "null");
    }
    json_out_field(&b, "error", item->error, 0);
    json_out_field(&b, "title", r ? r->title : NULL, 0);
    json_out_field(&b, "page_type", r ? r->page_type : NULL, 0);
    buf_puts(&b, ",\"text\":");
    if (r && r->text_len)
        json_out_stringn(&b, r->text, r->text_len);
    else
        buf_puts(&b, "null");
    /* Only asked for (pith_options.comments) and found. */
    if (r && r->comments_text)
        json_out_field(&b, "comments", r->comments_text, 0);
    buf_puts(&b, "}\n");
    pith_status st = PITH_OK;
    if (buf_failed(&b))
        st = PITH_ERR_NOMEM;
    else if (write(b.data, b.len, userdata))
        st = PITH_ERR_INPUT;
    buf_free(&b);
    return st;
}
