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

/* A word of a list with its length, so a look-up compares lengths first. */
struct word {
    const char *s;
    size_t len;
};
#define W(s) {s, sizeof s - 1}

static const struct word we_list[] = {
    W("we"), W("our"), W("us"), W("ours"), W("we're"), W("we've"),
    W("we'll"), W("ourselves"),
};
static const struct word you_list[] = {
    W("you"), W("your"), W("yours"), W("you're"), W("you'll"), W("you've"),
    W("yourself"),
};
/* How calls to act begin. */
static const struct word cta_starts[] = {
    W("contact us"), W("get started"), W("get in touch"), W("get a quote"),
    W("request a"), W("book a"), W("book now"), W("schedule a"),
    W("free trial"), W("start your"), W("start free"), W("try it"),
    W("try for free"), W("sign up"), W("talk to"), W("call us"),
    W("call now"), W("get a free"), W("request demo"), W("get a demo"),
    W("book demo"), W("enquire"), W("inquire"), W("get quote"),
    W("free consultation"), W("let's talk"), W("speak to"), W("apply now"),
};

/* w is a word of letters: its first, in lowercase, rules out most of a
 * list before the call that compares the rest. */
static int
in_list(const char *w, size_t len, const struct word *list, size_t n)
{
    char first = (char)(*w | 0x20);
    for (size_t i = 0; i < n; i++)
        if (list[i].len == len && list[i].s[0] == first &&
            !strncasecmp(w, list[i].s, len))
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
        /* every word of the lists begins with w, o, u or y */
        unsigned char c0 = (unsigned char)(*w | 0x20);
        if (len < 2 || len > 9 ||
            (c0 != 'w' && c0 != 'o' && c0 != 'u' && c0 != 'y'))
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
    /* Each start is in lowercase: its first letter rules out most. */
    char first = (char)(*t | 0x20);
    for (size_t i = 0; i < sizeof cta_starts / sizeof *cta_starts; i++)
        if (cta_starts[i].s[0] == first &&
            !strncasecmp(t, cta_starts[i].s, cta_starts[i].len))
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
