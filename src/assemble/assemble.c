/*
 * The result's blocks and text; see assemble.h.  Inline markup (bold,
 * italic, links, images, table cells) is recorded by blocks.c as byte
 * ranges of the raw block text; normalization moves those bytes, so the
 * ranges travel through it as mapped positions, and a block whose
 * positions cannot be mapped keeps its text without markup.
 */
#include "assemble/assemble.h"

#include "internal.h"

#include "blocks/blocks.h"
#include "refine/refine.h"
#include "buf.h"
#include "limits.h"
#include "assemble/normalize.h"
#include "assemble/wordset.h"
#include "url.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Below this many characters of article text, JSON-LD's articleBody (when
 * at least twice as long) is taken instead: the page is a script shell or
 * teases what its structured data holds in full. */
#define JSONLD_RESCUE_CHARS 250
/* A line of a product's JSON-LD text is already on the page when this
 * share of its words (in percent) is among the kept blocks' words. */
#define PRODUCT_LINE_SHOWN_PCT 60

struct out_block {
    pith_block_kind kind;
    int level, ordered, header;
    const char *src;
    size_t len;
    int verbatim;
    int block; /* in the block table, -1 for JSON-LD paragraphs */
};

/* Where the spans of each block start in the span table (a block's spans
 * are contiguous), and where each image outside any block goes. */
struct span_index {
    int *first, *count; /* per block */
    int *image_to;      /* per span: the block an outside image joins */
    int *images;        /* the spans of images that join a block, in
                           order (their blocks never decrease) */
    int n_images;
};

/* ------------------------------------------------------------ kinds */

static pith_block_kind
public_kind(const struct block *b)
{
    if (b->quote_depth && b->kind != BK_PRE && b->kind != BK_HEADING)
        return PITH_BLOCK_QUOTE;
    switch (b->kind) {
    case BK_HEADING: return PITH_BLOCK_HEADING;
    case BK_LI: return PITH_BLOCK_LIST_ITEM;
    case BK_PRE: return PITH_BLOCK_CODE;
    case BK_QUOTE: return PITH_BLOCK_QUOTE;
    case BK_ROW: return PITH_BLOCK_TABLE_ROW;
    default: return PITH_BLOCK_PARAGRAPH;
    }
}

static struct out_block
out_of(const struct blocks *bs, int i)
{
    const struct block *b = &bs->blocks[i];
    return (struct out_block){public_kind(b), b->level, b->ordered,
                              b->header, block_text(bs, b), b->text_len,
                              b->kind == BK_PRE, i};
}

/* ------------------------------------------------------------ spans */

/* An image outside every block's text (a figure without caption) joins
 * the block after it when that block is kept and lies in the nearest
 * element around the image that holds any text: an image between two
 * paragraphs of the article joins, one ending a sidebar does not. */
static int
image_target(const struct assemble_input *in, const struct inline_span *sp)
{
    const struct blocks *bs = in->bs;
    int b = sp->next_block, e = sp->owner;
    if (b < 0 || b >= bs->n_blocks || !in->sc->keep[b])
        return -1;
    for (int d = 0; e >= 0 && d <= PITH_MAX_DEPTH; d++) {
        const struct elem *el = &bs->elems[e];
        if (el->first_block < el->end_block)
            return b >= el->first_block && b < el->end_block ? b : -1;
        e = el->parent;
    }
    return -1;
}

static int
index_spans(const struct assemble_input *in, struct span_index *ix)
{
    const struct blocks *bs = in->bs;
    ix->first = calloc((size_t)bs->n_blocks + 1, sizeof *ix->first);
    ix->count = calloc((size_t)bs->n_blocks + 1, sizeof *ix->count);
    ix->image_to = calloc((size_t)bs->n_spans + 1, sizeof *ix->image_to);
    ix->images = calloc((size_t)bs->n_spans + 1, sizeof *ix->images);
    if (!ix->first || !ix->count || !ix->image_to || !ix->images)
        return -1;
    for (int i = 0; i < bs->n_spans; i++) {
        const struct inline_span *sp = &bs->spans[i];
        ix->image_to[i] = sp->block < 0 ? image_target(in, sp) : -1;
        if (ix->image_to[i] >= 0)
            ix->images[ix->n_images++] = i;
        if (sp->block < 0 || sp->block >= bs->n_blocks)
            continue;
        if (!ix->count[sp->block]++)
            ix->first[sp->block] = i;
    }
    return 0;
}

static void
free_index(struct span_index *ix)
{
    free(ix->first);
    free(ix->count);
    free(ix->image_to);
    free(ix->images);
}

static int
cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Outer before inner: by start, then longest first. */
static int
cmp_span(const void *a, const void *b)
{
    const pith_span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

static size_t
find(const size_t *sorted, size_t n, size_t v)
{
    const size_t *p = bsearch(&v, sorted, n, sizeof *sorted, cmp_size);
    return p ? (size_t)(p - sorted) : 0;
}

static int
is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t';
}

/* The raw spans of one output block: its own and the images that join
 * it.  *n is the count; the array is malloc'd (NULL when none). */
static const struct inline_span **
raw_spans(const struct assemble_input *in, const struct span_index *ix, int b,
          int *img_cursor, size_t *n)
{
    const struct blocks *bs = in->bs;
    *n = 0;
    int c = *img_cursor;
    while (c < ix->n_images && ix->image_to[ix->images[c]] < b)
        c++;
    int end = c;
    while (end < ix->n_images && ix->image_to[ix->images[end]] == b)
        end++;
    *img_cursor = end;
    size_t cap = (size_t)ix->count[b] + (size_t)(end - c);
    if (!cap)
        return NULL;
    const struct inline_span **r = malloc(cap * sizeof *r);
    if (!r)
        return NULL;
    for (int k = c; k < end; k++)
        r[(*n)++] = &bs->spans[ix->images[k]];
    for (int k = 0; k < ix->count[b]; k++)
        r[(*n)++] = &bs->spans[ix->first[b] + k];
    return r;
}

/* A link or an image a reader may follow: a URL of the web, mail or a
 * phone number, never one that runs code (javascript:, vbscript:) or
 * carries it (data:). */
static int
safe_scheme(const char *url)
{
    /* The scheme as a browser reads it: control characters and spaces
     * (a tab inside "java\tscript:") do not count. */
    char sc[16];
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)url;
         *p && *p != ':' && n < sizeof sc - 1; p++)
        if (*p > ' ')
            sc[n++] = (char)*p;
    sc[n] = '\0';
    const char *colon = strchr(url, ':');
    if (!colon || strpbrk(sc, "/?#") ||
        strcspn(url, "/?#") < (size_t)(colon - url))
        return 1; /* no scheme: a relative URL left as written */
    static const char *const ok[] = {"http", "https", "mailto", "tel",
                                     "ftp", NULL};
    for (int i = 0; ok[i]; i++)
        if (!strcasecmp(sc, ok[i]))
            return 1;
    return 0;
}

/* One raw span as a public one over the normalized text t[0..len), or
 * nothing (returns 0) when it has no text or goes nowhere. */
static int
make_span(struct result *r, const char *base, const struct inline_span *sp,
          size_t start, size_t end, const char *t, pith_span *out)
{
    static const pith_span_kind kinds[] = {
        [IK_STRONG] = PITH_SPAN_STRONG, [IK_EM] = PITH_SPAN_EMPHASIS,
        [IK_LINK] = PITH_SPAN_LINK, [IK_IMAGE] = PITH_SPAN_IMAGE,
        [IK_CELL] = PITH_SPAN_CELL,
    };
    memset(out, 0, sizeof *out);
    out->kind = kinds[sp->kind];
    if (sp->kind == IK_IMAGE) {
        start = end = sp->block < 0 ? 0 : start;
    } else {
        while (start < end && is_space(t[start]))
            start++;
        while (end > start && is_space(t[end - 1]))
            end--;
        if (start == end && sp->kind != IK_CELL)
            return 0;
    }
    out->start = start;
    out->end = end;
    if (sp->url) {
        out->url = url_resolve(&r->arena, base, sp->url);
        /* Judged once resolved: " javascript:" and "java&#9;script:"
         * come out of resolution as javascript: URLs. */
        if (!out->url || !*out->url || !safe_scheme(out->url))
            return 0;
    }
    if (sp->alt) {
        struct buf b;
        buf_init(&b, PITH_MAX_BLOCK_BYTES);
        long got = normalize_append(sp->alt, strlen(sp->alt), 0, &b);
        out->alt = got > 0 ? arena_strndup(&r->arena, b.data, b.len) : NULL;
        buf_free(&b);
    }
    return 1;
}

/* Normalizes block o into text and maps its spans; fills bl's spans. */
static long
put_block(struct result *r, const struct assemble_input *in,
          const struct span_index *ix, int *img_cursor,
          const struct out_block *o, struct buf *text, pith_block *bl)
{
    size_t n = 0;
    const struct inline_span **raw = o->block >= 0 && !o->verbatim
        ? raw_spans(in, ix, o->block, img_cursor, &n) : NULL;
    size_t *pos = n ? malloc(2 * n * sizeof *pos) : NULL;
    size_t *orig = n ? malloc(2 * n * sizeof *orig) : NULL;
    size_t np = 0, at = text->len;
    int mapped = 0;
    if (n && (!pos || !orig))
        n = 0;
    for (size_t i = 0; i < n; i++) {
        orig[np++] = raw[i]->block < 0 ? 0 : raw[i]->start;
        orig[np++] = raw[i]->block < 0 ? 0 : raw[i]->end;
    }
    if (np) {
        qsort(orig, np, sizeof *orig, cmp_size);
        size_t u = 0;
        for (size_t i = 0; i < np; i++)
            if (!u || orig[u - 1] != orig[i])
                orig[u++] = orig[i];
        np = u;
        memcpy(pos, orig, np * sizeof *pos);
    }
    long got = normalize_append_mapped(o->src, o->len, o->verbatim, text,
                                       pos, np, &mapped);
    pith_span *spans = got > 0 && mapped && n
        ? arena_calloc(&r->arena, n, sizeof *spans) : NULL;
    size_t ns = 0;
    for (size_t i = 0; spans && i < n; i++) {
        size_t s = raw[i]->block < 0 ? 0 : raw[i]->start;
        size_t e = raw[i]->block < 0 ? 0 : raw[i]->end;
        ns += make_span(r, in->base_url, raw[i],
                        pos[find(orig, np, s)], pos[find(orig, np, e)],
                        text->data + at, &spans[ns]);
    }
    if (ns)
        qsort(spans, ns, sizeof *spans, cmp_span);
    bl->spans = ns ? spans : NULL;
    bl->nspans = ns;
    free(raw);
    free(pos);
    free(orig);
    return got;
}

/* ------------------------------------------------------------ text */

struct text_out {
    pith_block *blocks;
    size_t n;
    const char *text;
    size_t len;
};

/* Normalizes the chosen blocks into text and a block list.  Repeated
 * paragraphs stay: a poem's refrain or a pasted quote is text too. */
static int
build_text(struct result *r, const struct assemble_input *in,
           const struct out_block *ob, size_t n, struct text_out *out)
{
    struct buf text;
    buf_init(&text, PITH_MAX_OUTPUT_BYTES);
    struct span_index ix = {0};
    pith_block *blocks = arena_calloc(&r->arena, n + 1, sizeof *blocks);
    size_t *offs = calloc(n + 1, sizeof *offs);
    size_t count = 0;
    int img_cursor = 0;
    if (!blocks || !offs || index_spans(in, &ix))
        goto oom;
    for (size_t i = 0; i < n; i++) {
        size_t start = text.len;
        if (count)
            buf_append(&text, "\n\n", 2);
        size_t body = text.len;
        pith_block *bl = &blocks[count];
        long got = put_block(r, in, &ix, &img_cursor, &ob[i], &text, bl);
        if (got < 0) {
            if (buf_failed(&text) == BUF_OVER_MAX)
                break; /* output cap reached: keep what fits */
            goto oom;
        }
        size_t blen = text.len - body;
        if (got == 0) {
            text.len = start;
            if (text.data)
                text.data[start] = '\0';
            continue;
        }
        offs[count] = body;
        bl->kind = ob[i].kind;
        bl->level = ob[i].level;
        bl->ordered = ob[i].ordered;
        bl->header = ob[i].header;
        bl->len = blen;
        count++;
    }
    if (buf_failed(&text) && text.len == 0)
        goto oom;
    char *t = arena_strndup(&r->arena, text.data ? text.data : "", text.len);
    if (!t)
        goto oom;
    for (size_t i = 0; i < count; i++) {
        char *s = arena_strndup(&r->arena, t + offs[i], blocks[i].len);
        if (!s)
            goto oom;
        blocks[i].text = s;
    }
    out->blocks = blocks;
    out->n = count;
    out->text = t;
    out->len = text.len;
    buf_free(&text);
    free(offs);
    free_index(&ix);
    return 0;
oom:
    buf_free(&text);
    free(offs);
    free_index(&ix);
    return -1;
}

/* Paragraphs of a JSON-LD articleBody: split at blank lines, or at line
 * breaks when it has no blank line. */
static size_t
split_jsonld(const char *body, struct out_block *ob, size_t cap)
{
    int blank = strstr(body, "\n\n") != NULL;
    size_t n = 0;
    const char *p = body;
    while (*p && n < cap) {
        const char *e = blank ? strstr(p, "\n\n") : strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l) {
            ob[n] = (struct out_block){PITH_BLOCK_PARAGRAPH, 0, 0, 0, p, l,
                                       0, -1};
            n++;
        }
        if (!e)
            break;
        p = e + (blank ? 2 : 1);
    }
    return n;
}

/* Whether the words of text are the product's name's (name_words). */
static int
names_it(const struct wordset *name_words, const char *text, size_t len)
{
    size_t shown, all;
    wordset_count(name_words, text, len, &shown, &all);
    return all && shown * 100 >= all * PRODUCT_LINE_SHOWN_PCT;
}

/* The lines of a product's JSON-LD name and text that the kept blocks
 * do not already hold, inserted into ob[0..*n) after a leading heading
 * (the product's name as the page shows it) or else first: a shop that
 * hides its description behind a tab or builds it with scripts still
 * says it in its structured data.  Returns the number of lines added, or
 * -1 when out of memory. */
static long
add_product_lines(const struct assemble_input *in, struct out_block *ob,
                  size_t *n, size_t cap)
{
    struct wordset ws;
    if (wordset_build(in->bs, in->sc, &ws))
        return -1;
    struct out_block add[2 * 64];
    size_t na = 0, max = sizeof add / sizeof add[0];
    const char *srcs[2] = {in->product_name, in->product_text};
    /* A kept heading whose words are the name's is the name as the page
     * shows it (shorter, without the brand or the variant); so is the
     * title printed above the text. */
    int heading = *n && ob[0].kind == PITH_BLOCK_HEADING;
    int titled = in->title && *in->title;
    if (in->product_name && (heading || titled)) {
        struct wordset nw;
        if (wordset_build_text(in->product_name, strlen(in->product_name),
                               &nw)) {
            wordset_free(&ws);
            return -1;
        }
        if ((heading && names_it(&nw, ob[0].src, ob[0].len)) ||
            (titled && names_it(&nw, in->title, strlen(in->title))))
            srcs[0] = NULL;
        wordset_free(&nw);
    }
    for (int k = 0; k < 2; k++) {
        const char *p = srcs[k];
        while (p && *p && na < max) {
            const char *e = strchr(p, '\n');
            size_t l = e ? (size_t)(e - p) : strlen(p);
            size_t shown, all;
            wordset_count(&ws, p, l, &shown, &all);
            if (all && shown * 100 < all * PRODUCT_LINE_SHOWN_PCT)
                add[na++] = (struct out_block){
                    k ? PITH_BLOCK_PARAGRAPH : PITH_BLOCK_HEADING, k ? 0 : 1,
                    0, 0, p, l, 0, -1};
            p = e ? e + 1 : NULL;
        }
    }
    wordset_free(&ws);
    if (na > cap - *n)
        na = cap - *n;
    size_t at = *n && ob[0].kind == PITH_BLOCK_HEADING ? 1 : 0;
    memmove(ob + at + na, ob + at, (*n - at) * sizeof *ob);
    memcpy(ob + at, add, na * sizeof *ob);
    *n += na;
    return (long)na;
}

static size_t
count_paragraph_lines(const char *s)
{
    size_t n = 1;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

int
assemble_article(struct result *r, const struct assemble_input *in,
                 int *rescued)
{
    const struct blocks *bs = in->bs;
    size_t cap = (size_t)bs->n_blocks + 1;
    const char *jb = in->jsonld_body;
    size_t jsonld_paras = jb ? count_paragraph_lines(jb) : 0;
    if (cap < jsonld_paras + 1)
        cap = jsonld_paras + 1;
    cap += 2 * 64; /* room for the product's lines */
    struct out_block *ob = calloc(cap, sizeof *ob);
    if (!ob)
        return -1;
    size_t n = 0;
    for (int i = 0; i < bs->n_blocks; i++)
        if (in->sc->keep[i] && !(in->no_tables && bs->blocks[i].kind == BK_ROW))
            ob[n++] = out_of(bs, i);
    if (jb && in->sc->kept_chars < JSONLD_RESCUE_CHARS &&
        strlen(jb) > 2 * in->sc->kept_chars + 1) {
        n = split_jsonld(jb, ob, cap);
        *rescued = 1;
    } else if (in->product_name || in->product_text) {
        long added = add_product_lines(in, ob, &n, cap);
        if (added < 0) {
            free(ob);
            return -1;
        }
        *rescued |= added > 0;
    }
    struct text_out t;
    int rc = build_text(r, in, ob, n, &t);
    free(ob);
    if (rc)
        return -1;
    r->pub.blocks = t.blocks;
    r->pub.nblocks = t.n;
    r->pub.text = t.text;
    r->pub.text_len = t.len;
    return 0;
}

/* Is block i inside a comment section, and not in a form (the reply
 * box)? */
static int
in_comments(const struct blocks *bs, int i)
{
    int comments = 0;
    for (int e = bs->blocks[i].elem, d = 0; e >= 0 && d <= PITH_MAX_DEPTH;
         e = bs->elems[e].parent, d++) {
        if (bs->elems[e].flags & EF_FORM_TAG)
            return 0;
        comments |= (bs->elems[e].flags & EF_COMMENTS) != 0;
    }
    return comments;
}

int
assemble_comments(struct result *r, const struct assemble_input *in)
{
    const struct blocks *bs = in->bs;
    struct out_block *ob = calloc((size_t)bs->n_blocks + 1, sizeof *ob);
    if (!ob)
        return -1;
    size_t n = 0;
    for (int i = 0; i < bs->n_blocks; i++)
        if (!in->sc->keep[i] && in_comments(bs, i))
            ob[n++] = out_of(bs, i);
    struct text_out t = {0};
    int rc = n ? build_text(r, in, ob, n, &t) : 0;
    free(ob);
    if (rc)
        return -1;
    r->pub.comments = t.blocks;
    r->pub.ncomments = t.n;
    r->pub.comments_text = t.len ? t.text : NULL;
    return 0;
}
