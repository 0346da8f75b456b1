/*
 * The voice of a page; see voice.h.  One pass over the text of the
 * blocks, a word at a time; only words of two to six letters are looked
 * up, against a handful of lists.
 */
#include "kind/voice.h"

#include "blocks/blocks.h"

#include <string.h>
#include <strings.h>

/* A call to act is a button or a link's line: a few words. */
#define CTA_MAX_CHARS 32

static const char *const we_list[] = {
    "we", "our", "us", "ours", "we're", "we've", "we'll", "ourselves",
};
static const char *const you_list[] = {
    "you", "your", "yours", "you're", "you'll", "you've", "yourself",
};
/* How calls to act begin. */
static const char *const cta_starts[] = {
    "contact us", "get started", "get in touch", "get a quote",
    "request a", "book a", "book now", "schedule a", "free trial",
    "start your", "start free", "try it", "try for free", "sign up",
    "talk to", "call us", "call now", "get a free", "request demo",
    "get a demo", "book demo", "enquire", "inquire", "get quote",
    "free consultation", "let's talk", "speak to", "apply now",
};

static int
in_list(const char *w, size_t len, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && !strncasecmp(w, list[i], len))
            return 1;
    return 0;
}

static int
is_letter(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Counts the words of t into out. */
static void
read_words(const char *t, struct page_voice *out)
{
    const unsigned char *p = (const unsigned char *)t;
    while (*p) {
        if (!is_letter(*p)) {
            /* skip the rest of a word of other letters (UTF-8 bytes) */
            p++;
            continue;
        }
        const unsigned char *w = p;
        while (is_letter(*p) || (*p == '\'' && is_letter(p[1])))
            p++;
        size_t len = (size_t)(p - w);
        out->words++;
        if (len < 2 || len > 9)
            continue;
        if (in_list((const char *)w, len, we_list,
                    sizeof we_list / sizeof *we_list))
            out->we_words++;
        else if (in_list((const char *)w, len, you_list,
                         sizeof you_list / sizeof *you_list))
            out->you_words++;
    }
}

static int
is_cta(const char *t, const struct block *b)
{
    if (b->chars > CTA_MAX_CHARS || b->chars < 4)
        return 0;
    for (size_t i = 0; i < sizeof cta_starts / sizeof *cta_starts; i++)
        if (!strncasecmp(t, cta_starts[i], strlen(cta_starts[i])))
            return 1;
    return 0;
}

void
page_voice_read(const struct blocks *bs, struct page_voice *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        const char *t = block_text(bs, b);
        if (b->kind == BK_PRE || b->kind == BK_ROW)
            continue;
        out->cta_blocks += is_cta(t, b);
        if (b->kind == BK_HEADING && b->text_len && t[b->text_len - 1] == '?')
            out->question_headings++;
        read_words(t, out);
    }
}
