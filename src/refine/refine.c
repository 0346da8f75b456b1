/*
 * Block-level judgement inside the article; see refine.h.  The rules are
 * language-independent where they can be (link density, position, block
 * kind); the few word lists (ad labels, byline openers) are short and
 * cover the languages of the web's largest publishers.
 */
#include "refine/refine.h"

#include "blocks/blocks.h"
#include "words.h"

#include <gumbo.h>

#include <string.h>
#include <strings.h>

/* A block this short whose links cover at least LINK_SHORT_DENSITY of it
 * is a link line ("Read more: ...", a related headline); any block linked
 * over LINK_ANY_DENSITY is a link list item (trafilatura's link tests use
 * 0.8-0.9 for short elements; jusText rejects LD > 0.2 outright). */
#define LINK_SHORT_CHARS 250
#define LINK_SHORT_DENSITY 0.5
#define LINK_ANY_DENSITY 0.8
/* Between paragraphs of prose only a short line that is all link goes
 * ("Read more: ..."), or a linked headline in a list; a list of short
 * linked names there is a list of references. */
#define LINK_INSIDE_DENSITY 0.7
#define LINK_INSIDE_CHARS 100
/* A linked list item this long is a headline (a related story), not the
 * name of a reference. */
#define LINK_HEADLINE_CHARS 30
/* A paragraph of prose for the link rule: this long, links under 30%. */
#define LINKS_PROSE_CHARS 100
/* A line about the site's cookies before or after the article's prose
 * is a notice when it is this short. */
#define NOTICE_MAX_CHARS 200
/* Bylines are short (Readability: under 100 characters). */
#define BYLINE_MAX_CHARS 80
/* The trailer rule (trim_tail): lines under TAIL_SHORT_CHARS after the
 * last prose paragraph (TAIL_PROSE_CHARS or more, with a sentence end). */
#define TAIL_PROSE_CHARS 100
#define TAIL_SHORT_CHARS 40
/* There a line opened by a label word ("Quelle:", "Photo:") goes up to
 * TAIL_LABEL_CHARS; a label word is at most LABEL_WORD_MAX bytes. */
#define TAIL_LABEL_CHARS 80
#define LABEL_WORD_MAX 24
/* Calls to action are short paragraphs. */
#define CTA_MAX_CHARS 300
/* A label ("Mehr zum Thema:") is at most this long. */
#define LABEL_MAX_CHARS 40
/* Images with text in this many sibling boxes are steps, not captions. */
#define CAPTION_STEPS 3
/* A caption's element is at most this many levels above its text. */
#define CAPTION_ANCESTORS 2
/* Captions are short: a long text beside an image is prose. */
#define CAPTION_MAX_CHARS 150
/* A short line this rich in digits is a date, a time or a count ("12 May
 * 2024, 10:30", "4 min"), not prose. */
#define META_LINE_MAX_CHARS 60
#define META_LINE_DIGIT_SHARE 0.25
/* A ticker's phrase is written at least this many times; a shorter text
 * than TICKER_MIN_BYTES is a word or two said twice ("Yes Yes"). */
#define TICKER_MIN_REPEATS 3
#define TICKER_MIN_BYTES 24
/* A ticker is a banner's line, its phrase a few words: the bounds keep
 * the search linear in the text (a long block is never one, and each
 * shift is tried against its end first). */
#define TICKER_MAX_BYTES 2048
#define TICKER_MAX_PHRASE 120

/* Labels that mark an advertisement slot, matched on the whole block
 * (Readability's adWords, plus German and Dutch labels). */
static const char *const ad_labels[] = {
    "ad", "ads", "advert", "advertisement", "advertising", "anzeige",
    "werbung", "publicité", "publicite", "pub", "publicidad", "anuncio",
    "pubblicità", "reklama", "реклама", "广告", "広告", "advertentie",
    "sponsored", "gesponsert", "annonce", "mainos", "reklame",
    "sponsored content", "paid content", "werbeanzeige", NULL
};

/* Words that open a byline ("By Jane Doe", "Von Max Muster"). */
static const char *const byline_openers[] = {
    "by ", "von ", "par ", "por ", "door ", "di ", "av ", "autor: ",
    "author: ", "text: ", "written by ", "posted by ", NULL
};

static int
is_ad_label(const char *t, size_t len)
{
    /* Trim punctuation and spaces at both ends. */
    while (len && strchr(" -–—:|[]()*", *t))
        t++, len--;
    while (len && strchr(" -:|[]()*", t[len - 1]))
        len--;
    if (len == 0 || len > 24)
        return 0;
    for (int i = 0; ad_labels[i]; i++)
        if (strlen(ad_labels[i]) == len && !strncasecmp(t, ad_labels[i], len))
            return 1;
    return 0;
}

static int
is_upper_start(const char *s)
{
    unsigned char c = (unsigned char)*s;
    return (c >= 'A' && c <= 'Z') || c >= 0xC3; /* Latin-1 capitals and up */
}

/* "By Jane Doe · 2 May 2024": an opener followed by a capitalized name,
 * short, and not a sentence. */
static int
is_byline(const struct block *b, const char *t)
{
    if (b->chars > BYLINE_MAX_CHARS || b->kind == BK_HEADING)
        return 0;
    for (int i = 0; byline_openers[i]; i++) {
        size_t l = strlen(byline_openers[i]);
        if (strncasecmp(t, byline_openers[i], l) == 0 &&
            is_upper_start(t + l))
            return b->stops <= 1;
    }
    return 0;
}

/* Dates, times and reading times standing alone on a line. */
static int
is_meta_line(const struct block *b, const char *t)
{
    /* A line that is all <time> is a date, in a list or not. */
    if (b->time_chars == b->chars && b->chars <= META_LINE_MAX_CHARS &&
        b->kind != BK_HEADING)
        return 1;
    if (b->chars > META_LINE_MAX_CHARS || b->stops > 1 ||
        b->kind == BK_LI || b->kind == BK_ROW || b->kind == BK_HEADING)
        return 0;
    unsigned digits = 0;
    for (const char *p = t; *p; p++)
        digits += *p >= '0' && *p <= '9';
    return digits >= 1 && (double)digits >= META_LINE_DIGIT_SHARE * b->chars;
}

static int
is_copyright(const struct block *b, const char *t)
{
    return b->chars < 200 && (strstr(t, "\xC2\xA9") || strstr(t, "(c) ") ||
                              strncasecmp(t, "copyright", 9) == 0);
}

/* A caption: in a figure, named so, a short line that shares its
 * container with an image and nothing else, or small print right after
 * an image. */
/* Whether element e is one of at least CAPTION_STEPS siblings that
 * each hold an image and text. */
static int
one_of_steps(const struct blocks *bs, int e)
{
    int parent = bs->elems[e].parent, alike = 0;
    if (parent < 0)
        return 0;
    const struct elem *p = &bs->elems[parent];
    for (int k = parent + 1; k < p->end_elem; k = bs->elems[k].end_elem)
        alike += bs->elems[k].n_img > 0 && bs->elems[k].chars > 0;
    return alike >= CAPTION_STEPS;
}

static int
is_caption(const struct blocks *bs, const struct block *b)
{
    if (b->kind == BK_CAPTION)
        return 1;
    /* Inside a figcaption or an element named as a caption. */
    for (int e = b->elem, up = 0; e >= 0 && up <= CAPTION_ANCESTORS;
         e = bs->elems[e].parent, up++)
        if (bs->elems[e].tag == GUMBO_TAG_FIGCAPTION ||
            (bs->elems[e].flags & EF_CAPTION))
            return 1;
    if (b->chars > CAPTION_MAX_CHARS || b->kind == BK_HEADING ||
        b->kind == BK_LI || b->kind == BK_ROW)
        return 0;
    const struct elem *o = &bs->elems[b->elem];
    /* The image shares a container with this text and nothing else, and
     * the container is no step of several alike (a recipe's method, a
     * how-to: each step an image and its instruction). */
    for (int e = b->elem, up = 0; e >= 0 && up < 2;
         e = bs->elems[e].parent, up++)
        if (bs->elems[e].n_img > 0 && bs->elems[e].chars == b->chars)
            return !one_of_steps(bs, e);
    /* Small print right after an element that holds only images. */
    int prev = -1;
    if (b->fine_chars < b->chars || o->parent < 0)
        return 0;
    for (int k = o->parent + 1; k < b->elem; k = bs->elems[k].end_elem)
        prev = k;
    return prev >= 0 && bs->elems[prev].n_img > 0 &&
           bs->elems[prev].chars == 0 && bs->elems[prev].end_elem == b->elem;
}

static void
drop(uint8_t *keep, const char **reason, int i, const char *why)
{
    keep[i] = 0;
    reason[i] = why;
}

/* A short line ending in a colon ("Read more:", "Kontakt:") announces
 * what follows it, like a heading of the lowest level. */
static int
is_label(const struct blocks *bs, const struct block *b)
{
    if (b->chars > LABEL_MAX_CHARS || b->kind == BK_PRE || b->kind == BK_ROW)
        return 0;
    const char *t = block_text(bs, b);
    return b->text_len && (t[b->text_len - 1] == ':' ||
                           (b->text_len >= 3 &&
                            !memcmp(t + b->text_len - 3, "\xEF\xBC\x9A", 3)));
}

/* The level of a block as a section head: 1-6 for headings, 7 for a
 * label, 0 when it heads nothing. */
static int
head_level(const struct blocks *bs, const struct block *b)
{
    if (block_prose_heading(bs, b))
        return 0;
    if (b->kind == BK_HEADING)
        return b->level;
    return is_label(bs, b) ? 7 : 0;
}

/* Whether a block was dropped for being links: a related list, a
 * teaser, a link line. */
static int
dropped_as_links(const uint8_t *keep, const char **reason, int i)
{
    static const char *const why[] = {
        "mostly link text", "link density", "related stories",
        "list of teasers", "short and linked", NULL
    };
    if (keep[i] || !reason[i])
        return 0;
    for (int k = 0; why[k]; k++)
        if (!strcmp(reason[i], why[k]))
            return 1;
    return 0;
}

/* A heading right before a list of links that went ("Read also", "Mehr
 * zum Thema") introduced that list, and goes with it, even when the
 * article goes on after the list.  (A label line before links - "The
 * paper is here:" - is as often the article's own sentence.) */
static void
drop_link_list_heads(const struct blocks *bs, uint8_t *keep,
                     const char **reason)
{
    for (int i = 0; i + 1 < bs->n_blocks; i++)
        if (keep[i] && bs->blocks[i].kind == BK_HEADING &&
            dropped_as_links(keep, reason, i + 1) &&
            (i + 2 >= bs->n_blocks || !keep[i + 2] ||
             dropped_as_links(keep, reason, i + 2)))
            drop(keep, reason, i, "heading of a list of links");
}

/* A heading whose section (the blocks up to the next heading of its level
 * or higher) keeps nothing introduces boilerplate, or nothing at all. */
static void
drop_empty_sections(const struct blocks *bs, uint8_t *keep,
                    const char **reason)
{
    for (int i = bs->n_blocks - 1; i >= 0; i--) {
        const struct block *h = &bs->blocks[i];
        int level = head_level(bs, h);
        if (!keep[i] || !level)
            continue;
        int content = 0;
        for (int j = i + 1; j < bs->n_blocks; j++) {
            const struct block *b = &bs->blocks[j];
            int l = head_level(bs, b);
            if (l && l <= level)
                break;
            if (keep[j]) {
                content = 1;
                break;
            }
        }
        if (!content)
            drop(keep, reason, i, "heading of an empty section");
    }
}

/* After the last paragraph of prose, short lines and headings are the
 * article's trailer: sources, credits, "more at example.com", contact
 * labels, the heading of a box of further reading. */
/* "Source: ...", "Photo: ...": the first word ends in a colon. */
static int
starts_with_label(const struct blocks *bs, const struct block *b)
{
    const char *t = block_text(bs, b);
    for (size_t i = 0; i < b->text_len && i <= LABEL_WORD_MAX; i++) {
        if (t[i] == ':')
            return i > 0;
        if (t[i] == ' ')
            return 0;
    }
    return 0;
}

/* Ends like a sentence and has more than one word. */
static int
is_sentence(const struct blocks *bs, const struct block *b)
{
    const char *t = block_text(bs, b);
    size_t n = b->text_len;
    if (n < 2 || !memchr(t, ' ', n))
        return 0;
    unsigned char c = (unsigned char)t[n - 1];
    return c == '.' || c == '!' || c == '?' ||
           (n >= 3 && (unsigned char)t[n - 3] == 0xE3 &&
            (unsigned char)t[n - 2] == 0x80 && c == 0x82); /* 。 */
}

static void
trim_tail(const struct blocks *bs, uint8_t *keep, const char **reason)
{
    int last_prose = -1;
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        if (keep[i] && b->chars >= TAIL_PROSE_CHARS && b->stops >= 1 &&
            (b->kind == BK_PARA || b->kind == BK_DIVTEXT ||
             b->kind == BK_QUOTE))
            last_prose = i;
    }
    if (last_prose < 0)
        return;
    /* From the end back, so that a heading goes only when nothing it
     * heads stays. */
    int text_after = 0;
    for (int i = bs->n_blocks - 1; i > last_prose; i--) {
        const struct block *b = &bs->blocks[i];
        if (!keep[i])
            continue;
        /* A short sentence ("Be there or be square!") is the article's
         * last word; a line without one is its trailer. */
        int line = (b->kind == BK_PARA || b->kind == BK_DIVTEXT) &&
                   (!is_sentence(bs, b) || starts_with_label(bs, b));
        if (b->kind == BK_HEADING ? !text_after
                                  : line && (b->chars < TAIL_SHORT_CHARS ||
                                             (b->chars < TAIL_LABEL_CHARS &&
                                              starts_with_label(bs, b))))
            drop(keep, reason, i, "short line after the article");
        else
            text_after = 1;
    }
}

/* Word stems of calls to action: subscribing, newsletters, following.
 * Matched case-insensitively inside a block. */
static const char *const cta_stems[] = {
    "subscri", "newsletter", "sign up", "signup", "inbox", "abonn",
    "suscri", "iscriviti", "inscrivez", "zapisz si", "follow us",
    "folgen sie uns", "folge uns", "download the", "download our",
    "app herunterladen",
    "support our", "unterstütze", "unterstützen sie", NULL
};

static int
is_call_to_action(const struct blocks *bs, const struct block *b)
{
    if (b->chars > CTA_MAX_CHARS)
        return 0;
    const char *t = block_text(bs, b);
    for (int i = 0; cta_stems[i]; i++)
        if (words_casestr(t, cta_stems[i]))
            return 1;
    return 0;
}

/* The article's last blocks that call the reader to subscribe, sign up
 * or follow are the site's, not the author's. */
static void
trim_calls_to_action(const struct blocks *bs, uint8_t *keep,
                     const char **reason)
{
    for (int i = bs->n_blocks - 1; i >= 0; i--) {
        if (!keep[i])
            continue;
        if (!is_call_to_action(bs, &bs->blocks[i]))
            break;
        drop(keep, reason, i, "call to action after the article");
    }
}

int
refine_ticker(const char *t, size_t n)
{
    /* Shifted by the phrase's length, the text reads the same; the
     * phrase is words, with a space (a run of one letter, a rule of
     * stars, is left to the other rules). */
    if (n < TICKER_MIN_BYTES || n > TICKER_MAX_BYTES)
        return 0;
    for (size_t p = 1; p * TICKER_MIN_REPEATS <= n && p <= TICKER_MAX_PHRASE;
         p++)
        if (t[p] == t[0] && t[n - 1] == t[n - 1 - p] &&
            !memcmp(t, t + p, n - p))
            return memchr(t, ' ', p) != NULL;
    return 0;
}

void
refine_blocks(const struct blocks *bs, enum refine_mode mode, uint8_t *keep,
              const char **reason)
{
    /* Links between two paragraphs of prose belong to the article (a
     * list of references, a linked aside); before the first and after the
     * last they are navigation, teasers and related stories. */
    int first_prose = -1, last_prose = -1;
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        if (keep[i] && b->chars >= LINKS_PROSE_CHARS &&
            b->link_chars * 10 < b->chars * 3) {
            if (first_prose < 0)
                first_prose = i;
            last_prose = i;
        }
    }
    int copyright_owner = -1;
    for (int i = 0; i < bs->n_blocks; i++) {
        if (!keep[i])
            continue;
        if (bs->blocks[i].elem == copyright_owner) {
            /* The rest of a paragraph that holds a copyright notice is
             * the notice's company: "last updated", "all rights...". */
            drop(keep, reason, i, "copyright line");
            continue;
        }
        const struct block *b = &bs->blocks[i];
        const char *t = block_text(bs, b);
        double ld = b->chars ? (double)b->link_chars / b->chars : 0;
        if (b->kind == BK_PRE)
            continue;
        int inside = mode != REFINE_STRICT && i > first_prose &&
                     i < last_prose;
        if (inside ? (ld >= LINK_INSIDE_DENSITY &&
                      b->chars < LINK_INSIDE_CHARS &&
                      (b->kind != BK_LI || b->chars >= LINK_HEADLINE_CHARS))
                   : (ld >= LINK_ANY_DENSITY ||
                      (b->chars < LINK_SHORT_CHARS &&
                       ld >= LINK_SHORT_DENSITY)))
            drop(keep, reason, i, "mostly link text");
        else if (mode == REFINE_LINKS)
            continue;
        else if (b->kind != BK_ROW && refine_ticker(t, b->text_len))
            drop(keep, reason, i, "ticker");
        else if (is_ad_label(t, b->text_len))
            drop(keep, reason, i, "advertisement label");
        else if (is_caption(bs, b))
            drop(keep, reason, i, "caption");
        else if (is_byline(b, t))
            drop(keep, reason, i, "byline");
        else if (is_copyright(b, t)) {
            drop(keep, reason, i, "copyright line");
            copyright_owner = b->elem;
        }
        else if (is_meta_line(b, t))
            drop(keep, reason, i, "date or count line");
        else if (b->chars < NOTICE_MAX_CHARS && words_casestr(t, "cookie") &&
                 (i <= first_prose || i >= last_prose))
            drop(keep, reason, i, "cookie notice");
    }
    drop_link_list_heads(bs, keep, reason);
    if (mode == REFINE_LINKS)
        return;
    drop_empty_sections(bs, keep, reason);
    trim_calls_to_action(bs, keep, reason);
    trim_tail(bs, keep, reason);
}
