/*
 * Markdown output; see markdown.h.  Block structure comes from the block
 * kinds, inline markup from the spans of pith_block.  Emphasis is the
 * fragile part of CommonMark: "**" opens only when "left-flanking" (not
 * followed by white space, and not followed by punctuation unless preceded
 * by white space or punctuation) and closes only when right-flanking.  So
 * each run is rendered first and its delimiters are written only when the
 * characters around them, as written, make them flank; otherwise the text
 * goes out plain.  Spans nest at most link-in-emphasis deep, so rendering
 * them recursively is bounded.
 */
#include "render/markdown.h"

#include "buf.h"

#include <string.h>
#include <utf8proc.h>

/* Nesting of lists tracked for indentation; deeper items stay at the
 * deepest tracked level. */
#define MD_MAX_LIST 32

struct md {
    struct buf *b;
    unsigned flags;
    const char *line_prefix; /* written after each line break of text */
    int single_line;         /* headings and cells: breaks become spaces */
    int heading;             /* escape '#' everywhere */
    struct { int level; size_t col; } list[MD_MAX_LIST];
    int n_list;
};

/* ------------------------------------------------------------ escaping */

static int
needs_escape(const char *t, size_t i, int heading)
{
    char c = t[i];
    int line_start = i == 0 || t[i - 1] == '\n';
    return strchr("\\`*_[]<>|&~", c) != NULL || (heading && c == '#') ||
           (line_start && strchr("#+-=>", c) != NULL);
}

/* Writes t[from..to) with Markdown's syntax characters escaped. */
static void
put_text(struct md *m, const char *t, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        char c = t[i];
        if (c == '\n') {
            if (m->single_line) {
                buf_putc(m->b, ' ');
            } else {
                buf_putc(m->b, '\n');
                buf_puts(m->b, m->line_prefix);
            }
            continue;
        }
        int line_start = i == 0 || t[i - 1] == '\n';
        if (line_start && c >= '0' && c <= '9') {
            /* "1. " or "1) " at a line start would begin a list. */
            size_t j = i;
            while (j < to && t[j] >= '0' && t[j] <= '9')
                j++;
            if (j < to && (t[j] == '.' || t[j] == ')')) {
                buf_append(m->b, t + i, j - i);
                buf_putc(m->b, '\\');
                i = j - 1;
                continue;
            }
        }
        if (needs_escape(t, i, m->heading))
            buf_putc(m->b, '\\');
        buf_putc(m->b, c);
    }
}

/* Destinations: characters that would end or confuse them (white space
 * of any kind, parentheses, angle brackets, backslashes) are
 * percent-encoded. */
static void
put_url(struct buf *b, const char *u)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t len = strlen(u);
    for (size_t i = 0; i < len; ) {
        unsigned char c = (unsigned char)u[i];
        size_t n = 1;
        int encode = c <= ' ' || c == '(' || c == ')' || c == '<' ||
                     c == '>' || c == '\\' || c == 0x7F;
        if (c >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t got = utf8proc_iterate(
                (const utf8proc_uint8_t *)u + i, (utf8proc_ssize_t)(len - i),
                &cp);
            n = got > 0 ? (size_t)got : 1;
            utf8proc_category_t cat = got > 0 ? utf8proc_category(cp)
                                              : UTF8PROC_CATEGORY_CN;
            encode = cat == UTF8PROC_CATEGORY_ZS ||
                     cat == UTF8PROC_CATEGORY_ZL ||
                     cat == UTF8PROC_CATEGORY_ZP || cp == 0x85 || got <= 0;
        }
        for (size_t k = 0; k < n; k++) {
            unsigned char e = (unsigned char)u[i + k];
            if (encode) {
                char pct[3] = {'%', hex[e >> 4], hex[e & 15]};
                buf_append(b, pct, 3);
            } else {
                buf_putc(b, (char)e);
            }
        }
        i += n;
    }
}

/* ------------------------------------------------------------ flanking */

enum cls { C_SPACE, C_PUNCT, C_OTHER };

static enum cls
classify(int32_t cp)
{
    if (cp < 0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
        cp == '\f')
        return C_SPACE; /* -1: the start or end of a line counts as space */
    if (cp < 0x80)
        return strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", (int)cp) ? C_PUNCT
                                                                    : C_OTHER;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
        return C_SPACE;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
        return C_PUNCT;
    default:
        return C_OTHER;
    }
}

static int32_t
first_cp(const char *s, size_t len)
{
    int32_t cp;
    if (!len || utf8proc_iterate((const utf8proc_uint8_t *)s,
                                 (utf8proc_ssize_t)len, &cp) <= 0)
        return -1;
    return cp;
}

static int32_t
last_cp(const char *s, size_t len)
{
    if (!len)
        return -1;
    size_t i = len - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return first_cp(s + i, len - i);
}

/* Can a "*" run between before and after open (left) or close (right)? */
static int
left_flanking(int32_t before, int32_t after)
{
    enum cls a = classify(after), b = classify(before);
    return a != C_SPACE && (a != C_PUNCT || b != C_OTHER);
}

static int
right_flanking(int32_t before, int32_t after)
{
    enum cls a = classify(after), b = classify(before);
    return b != C_SPACE && (b != C_PUNCT || a != C_OTHER);
}

/* ------------------------------------------------------------ inline */

struct sel {
    const pith_span *s[64];
    size_t n;
};

static int
emphasis(const pith_span *s)
{
    return s->kind == PITH_SPAN_STRONG || s->kind == PITH_SPAN_EMPHASIS;
}

/* The spans of bl inside [from, to) that will be written: links and
 * images when asked for, emphasis not inside other emphasis, nothing that
 * crosses another span. */
static void
select_spans(const struct md *m, const pith_block *bl, size_t from,
             size_t to, struct sel *out)
{
    const pith_span *stack[64];
    int depth = 0;
    out->n = 0;
    for (size_t i = 0; i < bl->nspans && out->n < 64; i++) {
        const pith_span *s = &bl->spans[i];
        if (s->start < from || s->end > to || s->kind == PITH_SPAN_CELL)
            continue;
        if ((s->kind == PITH_SPAN_LINK && !(m->flags & PITH_RENDER_LINKS)) ||
            (s->kind == PITH_SPAN_IMAGE && !(m->flags & PITH_RENDER_IMAGES)) ||
            ((s->kind == PITH_SPAN_LINK || s->kind == PITH_SPAN_IMAGE) &&
             !s->url))
            continue;
        if (s->kind != PITH_SPAN_IMAGE && s->start >= s->end)
            continue;
        while (depth && stack[depth - 1]->end <= s->start)
            depth--;
        if (depth && s->end > stack[depth - 1]->end)
            continue; /* crosses */
        int nested = 0;
        for (int k = 0; k < depth; k++)
            nested |= (emphasis(s) && emphasis(stack[k])) ||
                      (s->kind == PITH_SPAN_LINK &&
                       stack[k]->kind == PITH_SPAN_LINK);
        if (nested)
            continue;
        out->s[out->n++] = s;
        if (depth < 64 && s->kind != PITH_SPAN_IMAGE)
            stack[depth++] = s;
    }
}

static void render_range(struct md *m, const pith_block *bl,
                         const struct sel *sel, size_t *k, size_t from,
                         size_t to, int32_t after, int top);

/* The first character written for text position i of bl (what follows
 * a closing delimiter there); at the end of the range [.., to) it is
 * after. */
static int32_t
written_at(const struct md *m, const pith_block *bl, const struct sel *sel,
           size_t k, size_t i, size_t to, int32_t after)
{
    if (k < sel->n && sel->s[k]->start == i && (i < to || sel->s[k]->kind ==
                                                PITH_SPAN_IMAGE)) {
        /* Emphasis there may open with '*': count on it, so that two
         * runs never touch. */
        pith_span_kind kind = sel->s[k]->kind;
        return kind == PITH_SPAN_IMAGE ? '!'
               : kind == PITH_SPAN_LINK ? '[' : '*';
    }
    if (i >= to)
        return after;
    if (bl->text[i] == '\n')
        return m->single_line ? ' ' : -1;
    if (needs_escape(bl->text, i, m->heading))
        return '\\';
    return first_cp(bl->text + i, bl->len - i);
}

/* One selected span at sel->s[*k - 1], its inner text rendered first. */
static void
render_span(struct md *m, const pith_block *bl, const struct sel *sel,
            size_t *k, const pith_span *s, size_t to, int32_t after)
{
    struct buf inner, *outer = m->b;
    buf_init(&inner, outer->max);
    int32_t next = written_at(m, bl, sel, *k, s->end, to, after);
    if (s->kind == PITH_SPAN_IMAGE) {
        buf_puts(outer, "![");
        if (s->alt) {
            m->b = &inner;
            int sl = m->single_line;
            m->single_line = 1;
            put_text(m, s->alt, 0, strlen(s->alt));
            m->single_line = sl;
            m->b = outer;
            buf_append(outer, inner.data, inner.len);
        }
        buf_puts(outer, "](");
        put_url(outer, s->url);
        buf_putc(outer, ')');
        buf_free(&inner);
        return;
    }
    m->b = &inner;
    render_range(m, bl, sel, k, s->start, s->end,
                 s->kind == PITH_SPAN_LINK ? ']' : next, 0);
    m->b = outer;
    const char *in = inner.data ? inner.data : "";
    if (s->kind == PITH_SPAN_LINK && inner.len) {
        buf_putc(outer, '[');
        buf_append(outer, in, inner.len);
        buf_puts(outer, "](");
        put_url(outer, s->url);
        buf_putc(outer, ')');
    } else if (emphasis(s) && inner.len) {
        const char *d = s->kind == PITH_SPAN_STRONG ? "**" : "*";
        int32_t before = last_cp(outer->data, outer->len);
        /* A '*' right before would join the run ("**a****b**"). */
        int ok = before != '*' && next != '*' &&
                 left_flanking(before, first_cp(in, inner.len)) &&
                 right_flanking(last_cp(in, inner.len), next);
        if (ok)
            buf_puts(outer, d);
        buf_append(outer, in, inner.len);
        if (ok)
            buf_puts(outer, d);
    } else {
        buf_append(outer, in, inner.len);
    }
    buf_free(&inner);
}

/* Text [from, to) of bl with the selected spans in it, from sel->s[*k]
 * on; after is what is written after the range.  An image at the very
 * end belongs to the outermost range (top). */
static void
render_range(struct md *m, const pith_block *bl, const struct sel *sel,
             size_t *k, size_t from, size_t to, int32_t after, int top)
{
    size_t pos = from;
    while (*k < sel->n) {
        const pith_span *s = sel->s[*k];
        int inside = s->start < to ||
                     (top && s->start == to && s->kind == PITH_SPAN_IMAGE);
        if (!inside || s->start < pos)
            break;
        put_text(m, bl->text, pos, s->start);
        (*k)++;
        render_span(m, bl, sel, k, s, to, after);
        pos = s->kind == PITH_SPAN_IMAGE ? s->start : s->end;
    }
    put_text(m, bl->text, pos, to);
}

static void
put_inline(struct md *m, const pith_block *bl, size_t from, size_t to)
{
    struct sel sel;
    select_spans(m, bl, from, to, &sel);
    size_t k = 0;
    render_range(m, bl, &sel, &k, from, to, -1, 1);
}

/* ------------------------------------------------------------ blocks */

static void
put_code(struct md *m, const pith_block *bl)
{
    size_t run = 0, longest = 0;
    for (size_t i = 0; i < bl->len; i++) {
        run = bl->text[i] == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    size_t fence = longest < 3 ? 3 : longest + 1;
    for (size_t i = 0; i < fence; i++)
        buf_putc(m->b, '`');
    buf_putc(m->b, '\n');
    buf_append(m->b, bl->text, bl->len);
    buf_putc(m->b, '\n');
    for (size_t i = 0; i < fence; i++)
        buf_putc(m->b, '`');
}

static void
put_list_item(struct md *m, const pith_block *bl)
{
    int level = bl->level < 1 ? 1 : bl->level;
    while (m->n_list && m->list[m->n_list - 1].level >= level)
        m->n_list--;
    size_t indent = m->n_list ? m->list[m->n_list - 1].col : 0;
    const char *marker = bl->ordered ? "1. " : "- ";
    char prefix[256];
    size_t col = indent + strlen(marker);
    if (col >= sizeof prefix)
        col = indent = 0;
    for (size_t i = 0; i < indent; i++)
        buf_putc(m->b, ' ');
    buf_puts(m->b, marker);
    memset(prefix, ' ', col);
    prefix[col] = '\0';
    if (m->n_list < MD_MAX_LIST) {
        m->list[m->n_list].level = level;
        m->list[m->n_list].col = col;
        m->n_list++;
    }
    m->line_prefix = prefix;
    put_inline(m, bl, 0, bl->len);
    m->line_prefix = "";
}

/* The cells of a row: [start, end) pairs from its cell spans, or its
 * text split at " | " when it has none.  Returns the count. */
static size_t
row_cells(const pith_block *bl, size_t *cells, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < bl->nspans && n < cap; i++)
        if (bl->spans[i].kind == PITH_SPAN_CELL) {
            cells[2 * n] = bl->spans[i].start;
            cells[2 * n + 1] = bl->spans[i].end;
            n++;
        }
    if (n) {
        /* Text of the row outside every cell (loose text in a <tr>)
         * joins the nearest cell rather than vanish. */
        cells[0] = 0;
        cells[2 * n - 1] = bl->len;
        return n;
    }
    size_t start = 0;
    for (size_t i = 0; i + 3 <= bl->len && n + 1 < cap; i++)
        if (!memcmp(bl->text + i, " | ", 3)) {
            cells[2 * n] = start;
            cells[2 * n + 1] = i;
            n++;
            start = i + 3;
            i += 2;
        }
    cells[2 * n] = start;
    cells[2 * n + 1] = bl->len;
    return n + 1;
}

/* GitHub's table from rows [0, n): the first row is the header, padded to
 * the widest row (later cells beyond the header's would be dropped). */
static void
put_table(struct md *m, const pith_block *rows, size_t n)
{
    enum { MAX_CELLS = 256 };
    size_t cells[2 * MAX_CELLS];
    size_t width = 0;
    for (size_t r = 0; r < n; r++) {
        size_t c = row_cells(&rows[r], cells, MAX_CELLS);
        if (c > width)
            width = c;
    }
    m->single_line = 1;
    for (size_t r = 0; r < n; r++) {
        size_t c = row_cells(&rows[r], cells, MAX_CELLS);
        if (r)
            buf_putc(m->b, '\n');
        buf_putc(m->b, '|');
        for (size_t i = 0; i < (r ? c : width); i++) {
            buf_putc(m->b, ' ');
            if (i < c)
                put_inline(m, &rows[r], cells[2 * i], cells[2 * i + 1]);
            buf_puts(m->b, " |");
        }
        if (!r) {
            buf_puts(m->b, "\n|");
            for (size_t i = 0; i < width; i++)
                buf_puts(m->b, " --- |");
        }
    }
    m->single_line = 0;
}

static void
put_blocks(struct md *m, const pith_block *blocks, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const pith_block *bl = &blocks[i];
        if (i)
            buf_putc(m->b, '\n');
        if (bl->kind != PITH_BLOCK_LIST_ITEM)
            m->n_list = 0;
        switch (bl->kind) {
        case PITH_BLOCK_HEADING:
            for (int k = 0; k < (bl->level < 2 ? 2 : bl->level); k++)
                buf_putc(m->b, '#');
            buf_putc(m->b, ' ');
            m->heading = m->single_line = 1;
            put_inline(m, bl, 0, bl->len);
            m->heading = m->single_line = 0;
            break;
        case PITH_BLOCK_LIST_ITEM:
            put_list_item(m, bl);
            break;
        case PITH_BLOCK_QUOTE:
            buf_puts(m->b, "> ");
            m->line_prefix = "> ";
            put_inline(m, bl, 0, bl->len);
            m->line_prefix = "";
            break;
        case PITH_BLOCK_CODE:
            put_code(m, bl);
            break;
        case PITH_BLOCK_TABLE_ROW: {
            size_t j = i;
            while (j < n && blocks[j].kind == PITH_BLOCK_TABLE_ROW)
                j++;
            put_table(m, bl, j - i);
            i = j - 1;
            break;
        }
        default:
            put_inline(m, bl, 0, bl->len);
            break;
        }
        buf_putc(m->b, '\n');
    }
}

void
markdown_render(const pith_result *res, unsigned flags, struct buf *b)
{
    struct md m;
    memset(&m, 0, sizeof m);
    m.b = b;
    m.flags = flags;
    m.line_prefix = "";
    if (!(flags & PITH_RENDER_BODY_ONLY) && res->title && *res->title) {
        buf_puts(b, "# ");
        m.heading = m.single_line = 1;
        put_text(&m, res->title, 0, strlen(res->title));
        m.heading = m.single_line = 0;
        buf_append(b, "\n\n", 2);
    }
    put_blocks(&m, res->blocks, res->nblocks);
    if (res->ncomments) {
        buf_puts(b, "\n## Comments\n\n");
        m.n_list = 0;
        put_blocks(&m, res->comments, res->ncomments);
    }
}
