/*
 * The pipeline, and the only file that calls the extraction stages in
 * order, each on what the ones before it recorded:
 *
 *   bytes -> decode (charset, UTF-8, pre-pass) -> dom (Gumbo tree)
 *         -> blocks, signals and meta (the tree read once, then freed)
 *         -> kind (what sort of page)
 *         -> score (the passes) -> refine (single blocks, the pass chosen)
 *         -> pick (what the page's kind calls for)
 *         -> assemble (normalized text) -> verdict -> the result
 *
 * and render (output.c, explain.c) writes the result out.  What a page
 * keeps lives in one arena that the result owns; the tree has its own,
 * dropped as soon as blocks and metadata are read.
 */
#include "internal.h"

#include "assemble/assemble.h"
#include "blocks/blocks.h"
#include "blocks/signals.h"
#include "buf.h"
#include "decode/charset.h"
#include "decode/decode.h"
#include "decode/sniff.h"
#include "dom/dom.h"
#include "kind/kind.h"
#include "limits.h"
#include "meta/meta.h"
#include "pick/pick.h"
#include "refine/refine.h"
#include "render/explain.h"
#include "score/score.h"
#include "verdict/verdict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* The default for pith_options.min_chars: any text at all.  Pages that
 * hold no article are told apart by their shape (is_index), not by a
 * length that would also refuse short notes. */
#define DEFAULT_MIN_CHARS 1

/* Now, in milliseconds of a monotonic clock: what stages are timed by. */
static double
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* One page's outputs of every stage up to the chosen blocks. */
struct page {
    struct pith_timing timing; /* of the stages run so far */
    const char *url;          /* the page's address, or NULL */
    struct decoded dec;       /* the text the parser read */
    struct blocks bs;
    struct page_signals signals;
    struct meta meta;
    struct kind_verdict kind;
    struct score_result sc;
};

/* The options that name kinds and charsets, read and checked once per
 * page. */
struct page_options {
    int forced;               /* page_type names a kind */
    enum page_kind kind;      /* ... this one */
    unsigned wanted;          /* bit per kind that only_types allows */
    const char *charset;      /* pith_options.charset's WHATWG name */
};

/* Reads pith_options.page_type, only_types and charset.  Returns PITH_OK
 * or PITH_ERR_ARG for a name that is no kind or no charset. */
static pith_status
read_page_options(pith_extractor *ex, struct page_options *ko)
{
    memset(ko, 0, sizeof *ko);
    ko->wanted = (1u << KIND_COUNT) - 1;
    if (ex->opt.page_type) {
        if (kind_from_name(ex->opt.page_type, &ko->kind))
            return extractor_fail(ex, PITH_ERR_ARG,
                                  "unknown page type \"%.64s\"",
                                  ex->opt.page_type);
        ko->forced = 1;
    }
    if (ex->opt.charset &&
        !(ko->charset = charset_canonical(ex->opt.charset,
                                          strlen(ex->opt.charset))))
        return extractor_fail(ex, PITH_ERR_ARG, "unknown charset \"%.64s\"",
                              ex->opt.charset);
    if (ex->opt.only_types) {
        ko->wanted = 0;
        const char *s = ex->opt.only_types;
        while (*s) {
            size_t n = strcspn(s, ",");
            char name[32];
            enum page_kind k;
            if (n && n < sizeof name) {
                memcpy(name, s, n);
                name[n] = '\0';
            }
            if (!n || n >= sizeof name || kind_from_name(name, &k))
                return extractor_fail(ex, PITH_ERR_ARG,
                                      "unknown page type \"%.*s\"",
                                      (int)(n < 64 ? n : 64), s);
            ko->wanted |= 1u << k;
            s += n + (s[n] == ',');
        }
    }
    return PITH_OK;
}

/* ------------------------------------------------------------ sniffing */

static int
content_type_is_html(const char *ct)
{
    while (*ct == ' ')
        ct++;
    return !strncasecmp(ct, "text/html", 9) ||
           !strncasecmp(ct, "application/xhtml+xml", 21) ||
           !strncasecmp(ct, "application/xml", 15) ||
           !strncasecmp(ct, "text/xml", 8);
}

/* Checks the byte cap and that the input is HTML (unless forced). */
static pith_status
check_input(pith_extractor *ex, const char *bytes, size_t len,
            const char *content_type)
{
    if (len > extractor_max_bytes(ex))
        return extractor_fail(ex, PITH_ERR_TOO_BIG,
                              "page of %zu bytes is over the %zu-byte limit",
                              len, extractor_max_bytes(ex));
    if (ex->opt.force)
        return PITH_OK;
    if (content_type && *content_type && !content_type_is_html(content_type))
        return extractor_fail(ex, PITH_ERR_NOT_HTML,
                              "content type is %s, not HTML", content_type);
    const char *kind = sniff_not_html(bytes, len);
    if (kind)
        return extractor_fail(ex, PITH_ERR_NOT_HTML,
                              "input is %s, not HTML (--force: extract "
                              "it anyway)", kind);
    return PITH_OK;
}

/* ------------------------------------------------------------ stages */

/* The tree's stages: the tree is parsed into its own arena, read into
 * blocks, signals and metadata (allocated from arena), and freed. */
static pith_status
read_tree(pith_extractor *ex, struct arena *arena, int want_paths,
          struct page *pg)
{
    struct arena tree;
    arena_init(&tree);
    int failed;
    double t0 = now_ms();
    GumboOutput *doc = dom_parse(&tree, pg->dec.utf8, pg->dec.utf8_len,
                                 &failed);
    double t1 = now_ms();
    pg->timing.parse_ms = t1 - t0;
    pith_status st = PITH_OK;
    if (!doc && failed) {
        st = extractor_fail(ex, PITH_ERR_INTERNAL,
                            "the HTML parser failed on this page");
    } else if (!doc) {
        st = extractor_fail(ex, PITH_ERR_NOMEM,
                            "out of memory parsing the page");
    } else {
        GumboNode *body = (GumboNode *)dom_find(doc->root, GUMBO_TAG_BODY);
        signals_read(doc, &pg->signals);
        if (blocks_build(arena, body ? body : doc->root, want_paths,
                         &pg->bs) ||
            meta_read(arena, doc, pg->url, &pg->meta))
            st = extractor_fail(ex, PITH_ERR_NOMEM,
                                "out of memory extracting the page");
    }
    arena_free(&tree);
    pg->timing.read_ms = now_ms() - t1;
    return st;
}

/* The scorer's passes, each refined, until one holds the article. */
static int
choose_blocks(pith_extractor *ex, struct arena *arena, struct page *pg)
{
    enum score_mode mode = ex->opt.mode == PITH_MODE_PRECISION
                               ? SCORE_PRECISION
                           : ex->opt.mode == PITH_MODE_RECALL
                               ? SCORE_RECALL
                               : SCORE_BALANCED;
    struct scorer *scorer;
    struct refine_choice *choice;
    if (score_begin(arena, &pg->bs, pg->meta.title, mode, &scorer) ||
        refine_begin(arena, &pg->bs, mode, &choice))
        return -1;
    const struct score_pass *pass;
    while ((pass = score_next_pass(scorer)) && !refine_pass(choice, pass))
        ;
    refine_result(choice, &pg->sc);
    struct pick_input pin = {&pg->bs, &pg->meta, pg->kind.kind, mode};
    return pick_by_kind(arena, &pin, &pg->sc);
}

/* Every stage up to the chosen blocks, allocating from arena. */
static pith_status
analyse(pith_extractor *ex, struct arena *arena, const char *bytes,
        size_t len, const char *content_type, int want_paths,
        const struct page_options *ko, struct page *pg)
{
    double t0 = now_ms();
    switch (decode_page(bytes, len, content_type, ko->charset,
                        ex->opt.no_prepass,
                        extractor_max_bytes(ex) * 4, &pg->dec)) {
    case DECODE_OK:
        break;
    case DECODE_NOMEM_CHARSET:
        return extractor_fail(ex, PITH_ERR_NOMEM,
                              "out of memory decoding the page");
    case DECODE_NOMEM_PREPASS:
        return extractor_fail(ex, PITH_ERR_NOMEM,
                              "out of memory reading the page");
    }
    pg->timing.decode_ms = now_ms() - t0;
    pith_status st = read_tree(ex, arena, want_paths, pg);
    if (st != PITH_OK)
        return st;
    t0 = now_ms();
    struct kind_input kin = {&pg->bs, &pg->meta, &pg->signals, pg->url};
    kind_classify(&kin, &pg->kind);
    if (ko->forced) {
        pg->kind.kind = ko->kind;
        pg->kind.forced = 1;
    }
    double t1 = now_ms();
    pg->timing.kind_ms = t1 - t0;
    if (choose_blocks(ex, arena, pg))
        return extractor_fail(ex, PITH_ERR_NOMEM,
                              "out of memory extracting the page");
    pg->timing.choose_ms = now_ms() - t1;
    return PITH_OK;
}

/* ------------------------------------------------------------ result */

/* The arena moved into r after r was allocated from it: later allocations
 * must go through r->arena, and this keeps the two in step. */
static const char *
dup_or_null(struct result *r, const char *s)
{
    return s ? arena_strndup(&r->arena, s, strlen(s)) : NULL;
}

/* Characters of text that are not white space: what --min-chars counts. */
static size_t
visible_chars(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80 && *s != ' ' && *s != '\n' &&
             *s != '\t';
    return n;
}

/* The metadata strings already live in the result's arena (the page was
 * analysed in it); the result points at them. */
static void
copy_meta(struct result *r, const struct meta *m)
{
    pith_result *p = &r->pub;
    p->title = m->headline ? m->headline : m->title;
    p->page_title = m->doc_title;
    p->canonical_url = m->canonical_url;
    p->authors = m->authors;
    p->nauthors = m->n_authors;
    /* A page that says only when it last changed (a manual, a service's
     * page) is dated by that, the one date it gives.  Only the result
     * says so: the page classifier reads a published date as a sign of
     * an article, which a modified date is not. */
    p->date_published = m->date_published ? m->date_published
                                          : m->date_modified;
    p->date_modified = m->date_modified;
    p->site_name = m->site_name;
    p->description = m->description;
    p->lang = m->lang;
    p->image = m->image;
    p->tags = m->tags;
    p->ntags = m->n_tags;
    p->license = m->license;
    p->base_url = m->base_url;
}

/* The product's facts in the result's own type. */
static void
copy_product(struct result *r, const struct meta_product *m)
{
    pith_product *p = m ? arena_calloc(&r->arena, 1, sizeof *p) : NULL;
    if (!p)
        return;
    *p = (pith_product){m->name, m->brand, m->sku, m->price, m->currency,
                        m->availability, m->rating, m->review_count};
    r->pub.product = p;
}

/* Assembles the text of pg into r and judges it. */
static pith_status
finish(pith_extractor *ex, struct result *r, const struct page_options *ko,
       struct page *pg)
{
    double t0 = now_ms();
    r->pub.timing = pg->timing;
    int product = pg->kind.kind == KIND_PRODUCT;
    struct assemble_input in = {&pg->bs, &pg->sc, pg->meta.base_url,
                                pg->meta.jsonld_body, ex->opt.no_tables,
                                product ? pg->meta.product_name : NULL,
                                product ? pg->meta.product_text : NULL,
                                pg->meta.headline ? pg->meta.headline
                                                  : pg->meta.title};
    int rescued = 0;
    if (assemble_article(r, &in, &rescued) ||
        (ex->opt.comments && assemble_comments(r, &in)))
        return extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
    copy_meta(r, &pg->meta);
    copy_product(r, pg->meta.product);
    r->pub.url = dup_or_null(r, pg->url);
    r->pub.charset = dup_or_null(r, pg->dec.cs.name);
    r->pub.charset_source = charset_source_name(pg->dec.cs.source);
    r->pub.http_status = ex->http_status;
    r->pub.page_type = kind_name(pg->kind.kind);
    if (!(ko->wanted & (1u << pg->kind.kind))) {
        r->pub.reason = "page-type";
        r->pub.text = "";
        r->pub.text_len = 0;
        r->pub.nblocks = 0;
        return extractor_fail(ex, PITH_ERR_NO_CONTENT,
                              "no main content found: the page is of kind "
                              "%s, not of those asked for (%.200s)",
                              r->pub.page_type, ex->opt.only_types);
    }
    struct verdict_input vin = {
        &pg->bs, &pg->sc, &pg->signals, pg->dec.prepass.script_bytes,
        pg->url, pg->meta.doc_title, visible_chars(r->pub.text),
        ex->opt.min_chars ? ex->opt.min_chars : DEFAULT_MIN_CHARS,
        rescued || pg->meta.jsonld_body, pg->kind.kind
    };
    enum verdict v = verdict_judge(&vin);
    r->pub.timing.assemble_ms = now_ms() - t0;
    if (v == VERDICT_ARTICLE)
        return PITH_OK;
    /* The result stays, with its metadata and without text. */
    r->pub.reason = verdict_reason(v);
    r->pub.text = "";
    r->pub.text_len = 0;
    r->pub.nblocks = 0;
    return extractor_fail(ex, PITH_ERR_NO_CONTENT,
                          "no main content found: %s", verdict_message(v));
}

pith_status
pith_extract_html(pith_extractor *ex, const char *bytes, size_t len,
                  const char *content_type, const char *url,
                  pith_result **out)
{
    if (out)
        *out = NULL;
    if (!ex || !out || (!bytes && len))
        return PITH_ERR_ARG;
    ex->errmsg[0] = '\0';
    if (!bytes)
        bytes = "";
    struct page_options ko;
    pith_status st = read_page_options(ex, &ko);
    if (st == PITH_OK)
        st = check_input(ex, bytes, len, content_type);
    if (st != PITH_OK)
        return st;
    struct result *r = result_new();
    if (!r)
        return extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
    struct page pg;
    memset(&pg, 0, sizeof pg);
    pg.url = url;
    st = analyse(ex, &r->arena, bytes, len, content_type, 0, &ko, &pg);
    if (st == PITH_OK)
        st = finish(ex, r, &ko, &pg);
    decoded_free(&pg.dec);
    if (st != PITH_OK && st != PITH_ERR_NO_CONTENT) {
        pith_result_free(&r->pub);
        return st;
    }
    *out = &r->pub;
    return st;
}

pith_status
pith_explain(pith_extractor *ex, const char *bytes, size_t len,
             const char *content_type, const char *url, int html,
             pith_write_fn write, void *userdata)
{
    if (!ex || !write || (!bytes && len))
        return PITH_ERR_ARG;
    if (!bytes)
        bytes = "";
    struct page_options ko;
    pith_status st = read_page_options(ex, &ko);
    if (st == PITH_OK)
        st = check_input(ex, bytes, len, content_type);
    if (st != PITH_OK)
        return st;
    struct arena arena;
    arena_init(&arena);
    struct page pg;
    memset(&pg, 0, sizeof pg);
    pg.url = url;
    st = analyse(ex, &arena, bytes, len, content_type, !html, &ko, &pg);
    struct result *r = st == PITH_OK ? result_new() : NULL;
    if (st == PITH_OK && !r)
        st = extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
    if (r) {
        /* The text and the verdict as pith_extract_html() gives them, so
         * that the explanation ends as the extraction does. */
        st = finish(ex, r, &ko, &pg);
        if (st == PITH_OK || st == PITH_ERR_NO_CONTENT) {
            struct explain_verdict ev = {
                st == PITH_OK ? "article" : "no-content", r->pub.reason,
                st == PITH_OK ? NULL : ex->errmsg, pg.meta.title
            };
            struct buf b;
            buf_init(&b, (size_t)1 << 31);
            if (html)
                explain_html(&pg.bs, &pg.kind, &pg.sc, &ev, pg.dec.utf8,
                             pg.dec.utf8_len, &b);
            else
                explain_json(&pg.bs, &pg.kind, &pg.sc, &ev, &b);
            if (buf_failed(&b))
                st = extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
            else if (write(b.data, b.len, userdata))
                st = extractor_fail(ex, PITH_ERR_INPUT, "writing failed");
            buf_free(&b);
        }
        pith_result_free(&r->pub);
    }
    decoded_free(&pg.dec);
    arena_free(&arena);
    return st;
}
