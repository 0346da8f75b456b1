/*
 * The page view of --explain=html: the page's own text, as the parser
 * read it, with a mark in the start tag of each element that owns
 * blocks: green for kept, red for dropped, amber for both, and the rule
 * that decided as a tooltip.  Made from the elements' source offsets, so
 * the tree is long gone by now.
 *
 * The view is inert.  The page goes, escaped, into the srcdoc of a
 * sandboxed <iframe> (no allow-scripts): none of its markup is markup of
 * the view, and whatever it holds (a title or a style that re-parses
 * into an <img onerror>, a javascript: link) runs no script.  A
 * Content-Security-Policy in the view and again in the frame forbids
 * scripts and every load from elsewhere (the page's stylesheets, images
 * and fonts), so opening the file fetches nothing either.
 */
#include "render/explain.h"

#include "blocks/blocks.h"
#include "buf.h"
#include "kind/kind.h"
#include "refine/refine.h"

#include <stdlib.h>
#include <string.h>

#define CSP "<meta http-equiv=\"Content-Security-Policy\" content=\"" \
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"

static const char marks_style[] =
    "[data-pith=kept]{background:#c8f7c5!important;"
    "outline:2px solid #2a2!important}\n"
    "[data-pith=dropped]{background:#f9c6c6!important;"
    "outline:2px solid #c22!important}\n"
    "[data-pith=mixed]{background:#f9eec6!important;"
    "outline:2px solid #ca2!important}\n"
    "[data-pith=title]{background:#c6dcf9!important;"
    "outline:2px solid #26c!important}\n";

static const char view_style[] =
    "html,body{margin:0;height:100%}\n"
    "body{display:flex;flex-direction:column}\n"
    "#pith-banner{margin:0;padding:6px 10px;font:14px/1.4 sans-serif;"
    "color:#000;background:#fff;border-bottom:2px solid #444}\n"
    "#pith-banner span{padding:0 6px;margin-left:6px}\n"
    "#pith-page{flex:1;width:100%;border:0}\n";

static void attr_escaped(struct buf *b, const char *s);

/* The legend of the colours, and how the page ended. */
static void
banner(struct buf *b, const struct kind_verdict *kind,
       const struct explain_verdict *ev)
{
    buf_puts(b, "<div id=pith-banner>pith: ");
    if (ev->message) {
        buf_puts(b, "<b>no main content</b> (exit 7): ");
        attr_escaped(b, ev->message);
    } else {
        buf_puts(b, "<b>main content found</b>");
    }
    buf_puts(b, " &middot; page type <b>");
    attr_escaped(b, kind_name(kind->kind));
    buf_puts(b, kind->forced ? "</b> (given)" : "</b>");
    buf_puts(b, " <span data-pith=title>title line</span>"
                "<span data-pith=kept>kept</span>"
                "<span data-pith=dropped>dropped</span>"
                "<span data-pith=mixed>some kept</span>"
                " &middot; hover a block for its reason</div>\n");
}

/* An element that owns blocks: where its start tag ends, and what to
 * say. */
struct mark {
    size_t at;          /* the offset of the tag's closing '>' or "/>" */
    unsigned char state; /* 1 kept, 2 dropped, 3 both; 4 the title */
    const char *reason; /* of its first block */
};

static int
cmp_mark(const void *a, const void *b)
{
    const struct mark *x = a, *y = b;
    return x->at < y->at ? -1 : x->at > y->at;
}

/* s[0..n) as text of an attribute value: nothing in it is markup.  A
 * NUL (which the page may hold) becomes U+FFFD, as the parser makes it. */
static void
escaped(struct buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': buf_puts(b, "&amp;"); break;
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '"': buf_puts(b, "&quot;"); break;
        case '\0': buf_puts(b, "&#xFFFD;"); break;
        default: buf_putc(b, s[i]);
        }
    }
}

static void
attr_escaped(struct buf *b, const char *s)
{
    escaped(b, s, strlen(s));
}

/* Text of the frame's document: escaped once as srcdoc's value; text
 * that the frame shows as text is escaped twice (attr_escaped first). */
static void
frame_puts(struct buf *b, const char *s)
{
    escaped(b, s, strlen(s));
}

static void
frame_attr_escaped(struct buf *b, const char *s)
{
    struct buf once;
    buf_init(&once, (size_t)-1);
    attr_escaped(&once, s);
    if (buf_failed(&once))
        b->failed = 1;
    else
        escaped(b, once.data ? once.data : "", once.len);
    buf_free(&once);
}

/* The offset to insert attributes at in the start tag of e, or
 * (size_t)-1 when e has no start tag of its own in src. */
static size_t
insert_point(const struct elem *e, const char *src, size_t len)
{
    size_t off = e->src_off, n = e->src_len;
    if (n < 3 || off >= len || n > len - off || src[off] != '<' ||
        src[off + n - 1] != '>')
        return (size_t)-1;
    size_t at = off + n - 1;
    if (src[at - 1] == '/')
        at--;
    return at;
}

void
explain_html(const struct blocks *bs, const struct kind_verdict *kind,
             const struct score_result *sc, const struct explain_verdict *ev,
             const char *src, size_t len, struct buf *b)
{
    /* Per element: its state and the reason of its first block. */
    unsigned char *state = calloc((size_t)bs->n_elems + 1, 1);
    const char **reason = calloc((size_t)bs->n_elems + 1, sizeof *reason);
    struct mark *m = calloc((size_t)bs->n_elems + 1, sizeof *m);
    if (!state || !reason || !m) {
        b->failed = 1;
        goto done;
    }
    int title_block = explain_title_block(bs, ev->title);
    for (int i = 0; i < bs->n_blocks; i++) {
        int e = bs->blocks[i].elem;
        if (!state[e])
            reason[e] = sc->reason[i];
        if (i == title_block) {
            state[e] |= 4; /* printed, as the title line */
            reason[e] = "printed as the title line";
        }
        else
            state[e] |= sc->keep[i] ? 1 : 2;
    }
    size_t n = 0;
    for (int e = 0; e < bs->n_elems; e++) {
        size_t at = state[e] ? insert_point(&bs->elems[e], src, len)
                             : (size_t)-1;
        if (at != (size_t)-1)
            m[n++] = (struct mark){at, state[e], reason[e]};
    }
    /* Elements the parser moved (a table's stray content) come out of
     * source order. */
    qsort(m, n, sizeof *m, cmp_mark);
    static const char *const states[] = {"", "kept", "dropped", "mixed",
                                         "title", "title", "title",
                                         "title"};
    buf_puts(b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
                CSP);
    /* The page's kind, where a reader of the source finds it first. */
    buf_puts(b, "<meta name=\"pith-page-type\" content=\"");
    attr_escaped(b, kind_name(kind->kind));
    buf_puts(b, kind->forced ? " (given): " : ": ");
    attr_escaped(b, kind->why);
    buf_puts(b, "\">\n<style>\n");
    buf_puts(b, marks_style);
    buf_puts(b, view_style);
    buf_puts(b, "</style></head><body>\n");
    banner(b, kind, ev);
    buf_puts(b, "<iframe id=pith-page title=\"the page\" sandbox srcdoc=\"");
    frame_puts(b, "<meta charset=\"utf-8\">\n" CSP "<style>\n");
    frame_puts(b, marks_style);
    frame_puts(b, "</style>\n");
    size_t from = 0;
    for (size_t k = 0; k < n; k++) {
        if (m[k].at < from || (k && m[k].at == m[k - 1].at))
            continue;
        escaped(b, src + from, m[k].at - from);
        frame_puts(b, " data-pith=");
        frame_puts(b, states[m[k].state]);
        frame_puts(b, " title=\"pith: ");
        frame_attr_escaped(b, m[k].reason ? m[k].reason : "");
        frame_puts(b, "\"");
        from = m[k].at;
    }
    escaped(b, src + from, len - from);
    buf_puts(b, "\"></iframe>\n</body></html>\n");
done:
    free(state);
    free(reason);
    free(m);
}
