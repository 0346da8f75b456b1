/*
 * The pipeline, and the only file that calls the stages in order:
 * bytes -> charset -> UTF-8 -> Gumbo tree -> blocks + metadata -> scored
 * blocks -> normalized text -> result.  Everything a page allocates lives
 * in one arena that the result owns; the tree is dropped with it.
 */
#include "internal.h"
#include "page.h"

#include "assemble/assemble.h"
#include "blocks/blocks.h"
#include "decode/charset.h"
#include "dom/dom.h"
#include "limits.h"
#include "meta/meta.h"
#include "decode/prepass.h"
#include "score/score.h"
#include "verdict/verdict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The default for pith_options.min_chars: any text at all.  Pages that
 * hold no article are told apart by their shape (is_index), not by a
 * length that would also refuse short notes. */
#define DEFAULT_MIN_CHARS 1
/* ------------------------------------------------------------ handle */

pith_extractor *
pith_new(const pith_options *opt)
{
    pith_extractor *ex = calloc(1, sizeof *ex);
    if (!ex)
        return NULL;
    if (opt)
        ex->opt = *opt;
    return ex;
}

pith_status
extractor_fail(pith_extractor *ex, pith_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ex->errmsg, sizeof ex->errmsg, fmt, ap);
    va_end(ap);
    return status;
}

size_t
extractor_max_bytes(const pith_extractor *ex)
{
    return ex->opt.max_bytes ? ex->opt.max_bytes : PITH_DEFAULT_MAX_BYTES;
}

const char *
pith_errmsg(const pith_extractor *ex)
{
    return ex ? ex->errmsg : "";
}

int
pith_http_status(const pith_extractor *ex)
{
    return ex ? ex->http_status : 0;
}

void
pith_result_free(pith_result *res)
{
    if (!res)
        return;
    struct result *r = (struct result *)res;
    struct arena a = r->arena;
    arena_free(&a); /* r itself lives in its arena */
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

/* A name for bytes that are certainly not a web page, or NULL. */
static const char *
binary_kind(const char *bytes, size_t len)
{
    static const struct { const char *magic; size_t len; const char *name; }
    magics[] = {
        {"%PDF-", 5, "a PDF document"}, {"\x89PNG", 4, "a PNG image"},
        {"GIF8", 4, "a GIF image"}, {"\xFF\xD8\xFF", 3, "a JPEG image"},
        {"PK\x03\x04", 4, "a ZIP archive"}, {"\x1F\x8B", 2, "gzip data"},
        {"RIFF", 4, "a RIFF file"}, {"\x7F" "ELF", 4, "an executable"},
    };
    for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
        if (len >= magics[i].len && !memcmp(bytes, magics[i].magic,
                                            magics[i].len))
            return magics[i].name;
    /* UTF-16 holds NULs; anything else with many NULs is binary. */
    const unsigned char *u = (const unsigned char *)bytes;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                     (u[0] == 0xFE && u[1] == 0xFF)))
        return NULL;
    size_t n = len < 1024 ? len : 1024, nul = 0, ctl = 0, odd_nul = 0;
    for (size_t i = 0; i < n; i++) {
        nul += u[i] == 0;
        odd_nul += u[i] == 0 && (i & 1);
        ctl += u[i] < 9 || (u[i] > 13 && u[i] < 32);
    }
    /* UTF-16 without a byte order mark: its NULs fall on one parity. */
    if (n >= 16 && nul * 4 > n && (odd_nul == nul || odd_nul == 0) &&
        ctl == nul)
        return NULL;
    if (n && (nul * 8 > n || ctl * 4 > n))
        return "binary data";
    return NULL;
}

/* ------------------------------------------------------------ pipeline */

pith_status
page_analyse(pith_extractor *ex, struct arena *arena, const char *bytes,
             size_t len, const char *content_type, struct page *pg)
{
    charset_decide(bytes, len, content_type, &pg->cs);
    /* Valid UTF-8 needs no decoding: the pre-pass reads it as it came. */
    int direct = !ex->opt.no_prepass && pg->cs.valid_utf8;
    if (!direct && charset_to_utf8(bytes, len, &pg->cs,
                                   extractor_max_bytes(ex) * 4, &pg->utf8,
                                   &pg->utf8_len))
        return extractor_fail(ex, PITH_ERR_NOMEM,
                              "out of memory decoding the page");
    if (direct ? prepass_html(bytes, len, &pg->utf8, &pg->utf8_len,
                              &pg->prepass)
               : !ex->opt.no_prepass &&
                 prepass_replace(&pg->utf8, &pg->utf8_len, &pg->prepass))
        return extractor_fail(ex, PITH_ERR_NOMEM,
                              "out of memory reading the page");
    int failed;
    pg->doc = dom_parse(arena, pg->utf8, pg->utf8_len, &failed);
    if (!pg->doc && failed)
        return extractor_fail(ex, PITH_ERR_INTERNAL,
                              "the HTML parser failed on this page");
    if (!pg->doc)
        return extractor_fail(ex, PITH_ERR_NOMEM,
                              "out of memory parsing the page");
    GumboNode *body = (GumboNode *)dom_find(pg->doc->root, GUMBO_TAG_BODY);
    if (blocks_build(arena, body ? body : pg->doc->root, &pg->bs) ||
        meta_read(arena, pg->doc, pg->url, &pg->meta) ||
        score_blocks(arena, &pg->bs, pg->meta.title,
                     ex->opt.mode == PITH_MODE_PRECISION ? SCORE_PRECISION
                     : ex->opt.mode == PITH_MODE_RECALL  ? SCORE_RECALL
                                                         : SCORE_BALANCED,
                     &pg->sc))
        return extractor_fail(ex, PITH_ERR_NOMEM,
                              "out of memory extracting the page");
    return PITH_OK;
}

pith_status
page_check_input(pith_extractor *ex, const char *bytes, size_t len,
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
    const char *kind = binary_kind(bytes, len);
    if (kind)
        return extractor_fail(ex, PITH_ERR_NOT_HTML, "input is %s, not HTML",
                              kind);
    return PITH_OK;
}

static struct result *
new_result(void)
{
    struct arena a;
    arena_init(&a);
    struct result *r = arena_calloc(&a, 1, sizeof *r);
    if (!r) {
        arena_free(&a);
        return NULL;
    }
    r->arena = a;
    return r;
}

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
    p->title = m->title;
    p->canonical_url = m->canonical_url;
    p->authors = m->authors;
    p->nauthors = m->n_authors;
    p->date_published = m->date_published;
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
    pith_status st = page_check_input(ex, bytes, len, content_type);
    if (st != PITH_OK)
        return st;
    struct result *r = new_result();
    if (!r)
        return extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
    struct page pg;
    memset(&pg, 0, sizeof pg);
    pg.url = url;
    st = page_analyse(ex, &r->arena, bytes, len, content_type, &pg);
    if (st == PITH_OK && (assemble_article(r, &pg, ex->opt.no_tables) ||
                          (ex->opt.comments && assemble_comments(r, &pg))))
        st = extractor_fail(ex, PITH_ERR_NOMEM, "out of memory");
    free(pg.utf8);
    if (st != PITH_OK) {
        pith_result_free(&r->pub);
        return st;
    }
    copy_meta(r, &pg.meta);
    r->pub.url = dup_or_null(r, url);
    r->pub.charset = dup_or_null(r, pg.cs.name);
    r->pub.charset_source = charset_source_name(pg.cs.source);
    r->pub.http_status = ex->http_status;
    *out = &r->pub;
    size_t min = ex->opt.min_chars ? ex->opt.min_chars : DEFAULT_MIN_CHARS;
    enum verdict v = verdict_judge(&pg, visible_chars(r->pub.text), min,
                                   pg.rescued || pg.meta.jsonld_body);
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

const char *
pith_strerror(pith_status s)
{
    switch (s) {
    case PITH_OK: return "success";
    case PITH_ERR_NOMEM: return "out of memory";
    case PITH_ERR_ARG: return "invalid argument";
    case PITH_ERR_INPUT: return "input unreadable";
    case PITH_ERR_TOO_BIG: return "input too large";
    case PITH_ERR_FETCH: return "fetch failed";
    case PITH_ERR_HTTP: return "HTTP error status";
    case PITH_ERR_NOT_HTML: return "not HTML";
    case PITH_ERR_NO_CONTENT: return "no main content found";
    case PITH_ERR_INTERNAL: return "internal error";
    }
    return "unknown status";
}
