/* JSONL records and manifest lines; see record.h. */
#include "cli/batch/record.h"

static int
append_cb(const char *data, size_t len, void *userdata)
{
    struct strbuf *sb = userdata;
    sb_append(sb, data, len);
    return sb->failed;
}

void
record_build(struct strbuf *sb, const char *source, const char *url,
             int cls, const char *error, const pith_result *res,
             struct strbuf *tmp)
{
    sb_append(sb, "{", 1);
    sb_json_field(sb, "source", source, 1);
    sb_json_field(sb, "status", outcome_class_name(cls), 0);
    sb_json_field(sb, "error", error, 0);
    sb_reset(tmp);
    if (res && pith_render(res, PITH_FORMAT_JSON, 0, append_cb, tmp) ==
                   PITH_OK && tmp->len > 2 && tmp->data[0] == '{') {
        /* The library's object, its opening brace replaced by ours. */
        sb_append(sb, ",", 1);
        sb_append(sb, tmp->data + 1, tmp->len - 1);
        return;
    }
    sb_json_field(sb, "url", url, 0);
    sb_puts(sb, ",\"title\":null,\"text\":null}\n");
}

void
record_manifest(struct strbuf *sb, const char *source,
                const struct outcome *o)
{
    sb_append(sb, "{", 1);
    sb_json_field(sb, "source", source, 1);
    sb_json_field(sb, "output", o->output, 0);
    sb_json_field(sb, "status", outcome_class_name(o->cls), 0);
    sb_json_field(sb, "error", o->error, 0);
    sb_json_number(sb, "bytes_in", o->bytes_in);
    sb_json_number(sb, "chars_out", o->chars_out);
    sb_json_field(sb, "charset", o->charset, 0);
    sb_json_field(sb, "page_type", o->page_type, 0);
    sb_json_number(sb, "ms", o->ms);
    sb_puts(sb, "}\n");
}
