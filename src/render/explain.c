/*
 * Why each block was kept or dropped; see explain.h.
 */
#include "render/explain.h"

#include "blocks/blocks.h"
#include "blocks/paths.h"
#include "buf.h"
#include "kind/kind.h"
#include "refine/refine.h"
#include "render/json_out.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Characters per line for text density (boilerpipe wraps at 80). */
#define WRAP_WIDTH 80

static void
json_number(struct buf *b, const char *key, double v)
{
    char num[64];
    snprintf(num, sizeof num, ",\"%s\":%.4g", key, v);
    buf_puts(b, num);
}

int
explain_title_block(const struct blocks *bs, const char *title)
{
    for (int i = 0; title && i < bs->n_blocks; i++) {
        const struct block *bl = &bs->blocks[i];
        if (bl->kind == BK_HEADING && !strcmp(block_text(bs, bl), title))
            return i;
    }
    return -1;
}

/* An object of n numbers v, named by kind, or by feature when
 * features is set. */
static void
kind_numbers(struct buf *b, const float *v, int n, int features)
{
    buf_putc(b, '{');
    for (int i = 0; i < n; i++) {
        if (i)
            buf_putc(b, ',');
        json_out_string(b, features
                               ? kind_feature_name((enum kind_feature)i)
                               : kind_name((enum page_kind)i));
        char num[32];
        snprintf(num, sizeof num, ":%.4g", (double)v[i]);
        buf_puts(b, num);
    }
    buf_putc(b, '}');
}

/* The page's kind and its evidence: the model's probabilities, the
 * rules' scores and the features both read. */
static void
kind_json(struct buf *b, const struct kind_verdict *kind)
{
    buf_puts(b, ",\"page_type\":");
    json_out_string(b, kind_name(kind->kind));
    buf_puts(b, kind->forced ? ",\"page_type_forced\":true"
                             : ",\"page_type_forced\":false");
    buf_puts(b, ",\"page_type_signals\":");
    json_out_string(b, kind->why);
    buf_puts(b, ",\"page_type_scores\":");
    kind_numbers(b, kind->score, KIND_COUNT, 0);
    buf_puts(b, ",\"page_type_rules\":");
    kind_numbers(b, kind->rule, KIND_OTHER, 0);
    buf_puts(b, ",\"page_type_features\":");
    kind_numbers(b, kind->feature, KF_COUNT, 1);
}

void
explain_json(const struct blocks *bs, const struct kind_verdict *kind,
             const struct score_result *sc, const struct explain_verdict *ev,
             struct buf *b)
{
    struct buf sel;
    buf_init(&sel, 1u << 16);
    buf_puts(b, "{\"verdict\":");
    json_out_string(b, ev->verdict);
    buf_puts(b, ",\"reason\":");
    json_out_string(b, ev->reason);
    buf_puts(b, ",\"message\":");
    json_out_string(b, ev->message);
    buf_puts(b, ",\"title\":");
    json_out_string(b, ev->title);
    kind_json(b, kind);
    buf_puts(b, ",\"main\":");
    if (sc->main_elem >= 0) {
        blocks_path_put(bs, sc->main_elem, &sel);
        json_out_stringn(b, sel.data, sel.len);
    } else {
        buf_puts(b, "null");
    }
    buf_puts(b, ",\"blocks\":[");
    int title_block = explain_title_block(bs, ev->title);
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *bl = &bs->blocks[i];
        buf_reset(&sel);
        blocks_path_put(bs, bl->elem, &sel);
        buf_puts(b, i ? ",\n{\"path\":" : "\n{\"path\":");
        json_out_stringn(b, sel.data ? sel.data : "", sel.len);
        char num[64];
        snprintf(num, sizeof num, ",\"text_length\":%u", bl->chars);
        buf_puts(b, num);
        json_number(b, "link_density",
                    bl->chars ? (double)bl->link_chars / bl->chars : 0);
        size_t lines = (bl->text_len + WRAP_WIDTH - 1) / WRAP_WIDTH;
        json_number(b, "text_density",
                    (double)bl->chars / (double)(lines ? lines : 1));
        json_number(b, "score", sc->block_score[i]);
        buf_puts(b, sc->keep[i] ? ",\"keep\":true" : ",\"keep\":false");
        if (i == title_block)
            buf_puts(b, ",\"title_line\":true");
        buf_puts(b, ",\"reason\":");
        json_out_string(b, sc->reason[i]);
        buf_puts(b, ",\"text\":");
        json_out_stringn(b, block_text(bs, bl), bl->text_len);
        buf_putc(b, '}');
    }
    buf_puts(b, "\n]}\n");
    buf_free(&sel);
}

