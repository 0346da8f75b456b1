/*
 * The pre-pass; see prepass.h.
 *
 * One forward pass over the bytes with memchr() for '<', and a tokenizer
 * that follows Gumbo's states (data, tags and attributes with their
 * quoting rules, comments, RAWTEXT, RCDATA, script data with its escaped
 * and double-escaped states, PLAINTEXT, CDATA in SVG and MathML).  The
 * output never grows: every byte written stands for at least one byte
 * read, so the output buffer is the input's size and the hot loops need
 * no bounds checks.  The tree-depth model (a bounded stack of open
 * elements with Gumbo's implicit-close rules approximated) only decides
 * which start tags go beyond PITH_MAX_PARSE_DEPTH.
 */
#include "decode/prepass.h"

#include "limits.h"
#include "decode/prepass_lex.h"
#include "decode/prepass_model.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* How far down the model's stack an end tag or an implicitly closed
 * element is looked for.  Gumbo searches the whole stack; real pages
 * close what they open within a few levels, and a bounded search keeps
 * hostile pages linear. */
#define MATCH_WINDOW 32
/* Stray </p>s in a row (each an empty <p> to Gumbo) kept before the
 * rest of the run goes. */
#define EMPTY_P_RUN 16
/* Distinct names of dropped start tags whose end tags are dropped too. */
#define DROPPED_NAMES 64

/* ------------------------------------------------------------ the pass */

struct pass {
    const char *p, *end;
    char *out, *o;
    int strip;          /* 0: copy everything as it is (but flatten) */
    int whole_next;     /* write the next start tag as it is */
    size_t elements;    /* what Gumbo makes nodes of or keeps memory for:
                           start and end tags written, runs of text,
                           comments, copies of formatting elements */
    int restart;        /* a <frameset>: run again without removing */
    char *after_empty_p; /* just past a </p> that makes an empty <p> */
    int empty_p_run;     /* of such </p>s right after one another */
    int pre;            /* open <pre> and <listing> */
    int head_seen;      /* a <head> start tag (before it, a link would
                           make the head: the tag's attributes then go) */
    int in_body;        /* past the head's own elements: text, a tag of
                           the body, a <noscript> or a <template> */
    int in_select;
    /* An SVG or MathML island the lexer could not follow: the model read
     * its children as HTML, so a <select> there may be Gumbo's foreign
     * element.  Select rules (which turn raw text into markup) are off. */
    int foreign_unsure;
    struct prepass_stats *st;
    uint32_t h_div, h_address, h_option, h_ruby, h_table, h_br; /* hashes */
    /* The model of the stack of open elements (up to the cap) and of the
     * list of active formatting elements. */
    struct model m;
    /* Start tags dropped beyond the cap, by name, so their end tags go
     * too. */
    struct { uint32_t hash, count; } dropped[DROPPED_NAMES];
};

static void
stop_stripping(struct pass *ps)
{
    ps->strip = 0;
    ps->st->verbatim = 1;
}

/* The index of the nearest open element the test accepts, looking down
 * from the top and no further than MATCH_WINDOW or an element with one of
 * the stop flags; -1 when none. */
static int
model_find(const struct pass *ps, uint32_t hash, int group, int stop)
{
    /* Formatting elements do not count towards the window, up to twice
     * the list's length: the copies reconstruction opens must not hide
     * the <p> whose end tag closes them all. */
    int window = MATCH_WINDOW, formatting = 2 * MODEL_FORMATTING_MAX;
    for (int i = ps->m.depth - 1; i >= 0; i--) {
        if (group ? ps->m.group[i] == group : ps->m.hash[i] == hash)
            return i;
        if (ps->m.flags[i] & stop)
            return -1;
        if ((ps->m.group[i] == G_A || (ps->m.flags[i] & F_ALL_ATTRS)) &&
            formatting > 0)
            formatting--;
        else if (--window == 0)
            return -1;
    }
    return -1;
}

static uint32_t
hash_of(const char *lname)
{
    uint32_t h = 2166136261u;
    for (; *lname; lname++)
        h = (h ^ (unsigned char)*lname) * 16777619u;
    return h;
}

/* What a start tag implicitly closes first, after Gumbo's rules (p in
 * button scope, li and dd/dt up to a special element, option and
 * headings only as the current node, a cell, row or section inside its
 * table); <a> and <nobr> go through the adoption agency
 * (formatting_start). */
static void
model_close_for(struct pass *ps, const struct tag *t)
{
    int top = ps->m.depth - 1, i = -1;
    switch (t->info->group) {
    case G_P: case G_BUTTON:
        i = model_find(ps, 0, t->info->group, F_SCOPE);
        break;
    case G_LI: case G_DDDT: {
        /* address, div and p do not stop the search */
        int low = ps->m.depth > MATCH_WINDOW ? ps->m.depth - MATCH_WINDOW : 0;
        for (int k = top; k >= low; k--) {
            if (ps->m.group[k] == t->info->group) {
                i = k;
                break;
            }
            if ((ps->m.flags[k] & F_SPECIAL) && ps->m.group[k] != G_P &&
                ps->m.hash[k] != ps->h_div && ps->m.hash[k] != ps->h_address)
                break;
        }
        break;
    }
    case G_OPTION:
        if (top >= 0 && ps->m.hash[top] == ps->h_option)
            i = top;
        break;
    case G_HEADING:
        if (top >= 0 && ps->m.group[top] == G_HEADING)
            i = top;
        break;
    case G_RUBY:
        /* Implied end tags (rb, rp, rt, rtc, p, li, dd, dt, option), and
         * only when a <ruby> is in scope: <rt><rt> nests without one. */
        if (model_find(ps, ps->h_ruby, 0, F_SCOPE) < 0)
            break;
        while (top >= 0 && (ps->m.group[top] == G_RUBY ||
                            ps->m.group[top] == G_P || ps->m.group[top] == G_LI ||
                            ps->m.group[top] == G_DDDT ||
                            ps->m.group[top] == G_OPTION))
            i = top--;
        break;
    case G_TR: case G_CELL: case G_TSECT: case G_CAPTION: case G_COLGROUP:
        i = model_find(ps, 0, t->info->group, F_TABLE_ROOT);
        break;
    default:
        break;
    }
    if (i >= 0)
        ps->m.depth = i;
}

static uint32_t *
dropped_slot(struct pass *ps, uint32_t hash, int create)
{
    if (!create && !ps->st->flattened)
        return NULL; /* nothing was ever dropped: the common case */
    for (int i = 0; i < DROPPED_NAMES; i++) {
        if (ps->dropped[i].count && ps->dropped[i].hash == hash)
            return &ps->dropped[i].count;
        if (create && !ps->dropped[i].count) {
            ps->dropped[i].hash = hash;
            return &ps->dropped[i].count;
        }
    }
    return NULL;
}

/* The elements the list of active formatting elements holds. */
static int
is_formatting(const struct tag_info *in)
{
    return in->group == G_A || (in->flags & F_ALL_ATTRS);
}

/* Noah's Ark compares a formatting element's attributes: the bytes of
 * the tag after its name stand for them (two ways of writing the same
 * attributes count as different, so the model keeps more entries than
 * Gumbo, never fewer). */
static uint32_t
attrs_sig(const struct tag *t)
{
    uint32_t h = 2166136261u;
    for (const char *s = t->name + t->name_len; s < t->after; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Copies of formatting elements that Gumbo opens, counted as elements
 * (they are: PITH_MAX_ELEMENTS bounds them too). */
static void
count_copies(struct pass *ps, int copies)
{
    if (copies > 0)
        ps->elements += (size_t)copies;
    if (ps->m.depth > ps->st->max_depth)
        ps->st->max_depth = ps->m.depth;
}

/* Start tags before which Gumbo reconstructs the active formatting
 * elements: the phrasing ones, not those that start a block. */
static int
reconstructs_before(const struct tag_info *in, int kind)
{
    switch (kind) {
    case K_OTHER: case K_VOID: case K_INPUT: case K_XMP: case K_SELECT:
    case K_FOREIGN: case K_TEXTAREA:
        return kind == K_SELECT || !(in->flags & F_SPECIAL) ||
               (in->flags & F_MARKER);
    default:
        return 0;
    }
}

/* What the list of active formatting elements does before a start tag:
 * a new <a> runs the adoption agency on the open one, <nobr> on an open
 * <nobr>, and phrasing tags reopen what was closed around them. */
static void
formatting_start(struct pass *ps, const struct tag *t, int kind)
{
    if (ps->in_select)
        return;
    int group = t->info->group;
    if (group == G_A && model_listed(&ps->m, t->hash))
        count_copies(ps, model_adopt(&ps->m, t->hash, 1));
    if (reconstructs_before(t->info, kind))
        count_copies(ps, model_reconstruct(&ps->m));
    if (group == G_NOBR && model_find(ps, 0, G_NOBR, F_SCOPE) >= 0) {
        count_copies(ps, model_adopt(&ps->m, t->hash, 0));
        count_copies(ps, model_reconstruct(&ps->m));
    }
}

/* A start tag in the model; returns 1 when it is beyond the cap and goes
 * (its content stays, one level up). */
static int
model_start(struct pass *ps, const struct tag *t, int kind)
{
    switch (kind) {
    case K_VOID: case K_INPUT: case K_ISINDEX: case K_ROOT:
        return 0;
    default:
        break;
    }
    if (t->info->group == G_FORM &&
        model_find(ps, t->hash, 0, 0) >= 0)
        return 0; /* a nested form is ignored */
    if (kind == K_TABLE && t->info->group != G_NONE &&
        model_find(ps, ps->h_table, 0, 0) < 0)
        return 0; /* a cell, row or section outside a table is ignored */
    formatting_start(ps, t, kind);
    model_close_for(ps, t);
    switch (kind) {
    case K_SCRIPT: case K_RAWTEXT: case K_XMP: case K_TITLE: case K_TEXTAREA:
    case K_PLAINTEXT: case K_FOREIGN:
        return 0; /* closed by their own end tag, read right away */
    default:
        break;
    }
    int formatting = is_formatting(t->info);
    if (ps->m.depth < PITH_MAX_PARSE_DEPTH &&
        !(formatting && model_list_full(&ps->m))) {
        (void)model_push(&ps->m, t->hash, t->info->group, t->info->flags);
        if (formatting)
            model_list_add(&ps->m, attrs_sig(t), 0);
        else if (t->info->flags & F_MARKER)
            model_list_add(&ps->m, 0, 1);
        if (ps->m.depth > ps->st->max_depth)
            ps->st->max_depth = ps->m.depth;
        return 0;
    }
    uint32_t *c = dropped_slot(ps, t->hash, 1);
    if (c)
        (*c)++;
    ps->st->flattened++;
    return 1;
}

/* An end tag in the model; returns 1 when it closes a dropped start tag
 * and goes too. */
static int
model_end(struct pass *ps, const struct tag *t)
{
    if (t->info->kind == K_ROOT || t->info->kind == K_VOID)
        return 0;
    uint32_t *c = dropped_slot(ps, t->hash, 0);
    if (c) {
        (*c)--;
        return 1;
    }
    /* Where Gumbo looks for the element an end tag closes: a special
     * element's (</p>, </div>, </pre>, </h2>...) and a formatting
     * element's only in scope (a <table> above hides them); one of the
     * spec's "any other" kind no further than the nearest special
     * element ("<o><table></o>" leaves both open).  Table parts, select
     * and template have rules of their own and stay as they were. */
    const struct tag_info *in = t->info;
    if (is_formatting(in)) {
        int copies = model_adopt(&ps->m, t->hash, 0);
        if (copies >= 0) {
            count_copies(ps, copies);
            return 0;
        }
    }
    int stop = 0;
    if (in->kind == K_TABLE || in->kind == K_SELECT ||
        in->kind == K_TEMPLATE || in->kind == K_FRAMESET)
        stop = 0;
    else if (in->flags & F_SPECIAL)
        stop = F_SCOPE;
    else if (in->kind == K_OTHER)
        stop = in->group == G_A || (in->flags & F_ALL_ATTRS) ? F_SCOPE
                                                            : F_SPECIAL;
    int i = in->group == G_HEADING ? model_find(ps, 0, G_HEADING, stop)
                                   : model_find(ps, t->hash, 0, stop);
    if (i >= 0)
        ps->m.depth = i;
    return 0;
}

static void
emit(struct pass *ps, const char *s, size_t n)
{
    memcpy(ps->o, s, n);
    ps->o += n;
}

/* A tag that the end of the document cuts off: the tokenizer drops it.
 * When not stripping, the model may be wrong about it being a tag, and
 * the rest is copied. */
static void
cut_off(struct pass *ps, const char *from)
{
    if (!ps->strip)
        emit(ps, from, (size_t)(ps->end - from));
    ps->p = ps->end;
}

/* Where something goes after a '<' of text, "</>" (which Gumbo ignores)
 * keeps that '<' from starting a tag with what follows.  Gumbo then takes
 * the next token's source text to start at "</>", and the name of an
 * unknown element comes from that text: the next start tag is written
 * whole, as the original had it. */
static void
keep_apart(struct pass *ps)
{
    if (ps->o > ps->out && ps->o[-1] == '<') {
        emit(ps, "</>", 3);
        ps->whole_next = 1;
    }
}

/* A run of text longer than PITH_MAX_TEXT_RUN_BYTES, written as
 * emit_text() writes it until that many bytes are out; the rest is left
 * out (no block could hold it) unless a reference came before, which may
 * stand for fewer bytes than it takes (limits.h). */
static void
emit_long_text(struct pass *ps, const char *s, const char *e)
{
    const char *from = s;
    char *o = ps->o, *start = o;
    int fold = !ps->pre, checked = 0;
    while (s < e) {
        if (!checked && (size_t)(o - start) >= PITH_MAX_TEXT_RUN_BYTES &&
            ((unsigned char)*s & 0xC0) != 0x80) {
            checked = 1;
            if (!memchr(from, '&', (size_t)(s - from)))
                break;
        }
        unsigned char c = (unsigned char)*s++;
        *o++ = (char)c;
        if (fold && lex_ws(c))
            while (s < e && lex_ws((unsigned char)*s))
                s++;
    }
    ps->o = o;
}

/* Text between tags: runs of white space become their first byte, except
 * inside <pre> and <listing>.  Folding never lengthens a run, so only a
 * run longer than the cap can need cutting. */
static void
emit_text(struct pass *ps, const char *s, const char *e)
{
    if (ps->strip && (size_t)(e - s) > PITH_MAX_TEXT_RUN_BYTES) {
        emit_long_text(ps, s, e);
        return;
    }
    if (!ps->strip || ps->pre) {
        emit(ps, s, (size_t)(e - s));
        return;
    }
    char *o = ps->o;
    while (s < e) {
        unsigned char c = (unsigned char)*s++;
        *o++ = (char)c;
        if (lex_ws(c))
            while (s < e && lex_ws((unsigned char)*s))
                s++;
    }
    ps->o = o;
}

/* An end tag as "</name>", or as written when not stripping (up to the
 * attribute cap: Gumbo ignores them, slowly). */
static void
emit_end_tag(struct pass *ps, const char *lt, const struct tag *t)
{
    if (!ps->strip) {
        /* Past the attribute cap the tag keeps its first attributes: an
         * end tag with any (which an HTML end tag ignores) is no bare
         * "</svg>" to Gumbo, which then leaves the island open. */
        ps->o = lex_emit_whole(ps->o, lt, t);
        return;
    }
    *ps->o++ = '<';
    *ps->o++ = '/';
    emit(ps, t->name, t->name_len);
    *ps->o++ = '>';
}

/* The content of a text-only element (script, style, title...) that
 * starts at ps->p, up to and with its end tag.  keep: copy the content. */
/* The length of text s[0..n) once Gumbo has read it: CR LF and a lone CR
 * become LF, a NUL becomes U+FFFD (three bytes). */
static size_t
gumbo_text_len(const char *s, size_t n)
{
    if (!memchr(s, '\r', n) && !memchr(s, '\0', n))
        return n;
    size_t len = n;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
            len--;
        else if (s[i] == '\0')
            len += 2;
    }
    return len;
}

/* A script that verdict.c counts as JavaScript: no type, an empty one,
 * one that says javascript, or "module". */
static int
is_javascript(const struct tag *t)
{
    return !t->type || !t->type_len ||
           lex_contains(t->type, t->type_len, "javascript") ||
           (t->type_len == 6 && lex_eq(t->type, "module", 6));
}

static void
text_element(struct pass *ps, const char *close, int keep)
{
    if (keep || !ps->strip)
        emit(ps, ps->p, (size_t)(close - ps->p));
    ps->p = close;
    if (close == ps->end)
        return;
    struct tag t;
    if (lex_tag(close, ps->end, 1, &t, NULL)) {
        cut_off(ps, close);
        return;
    }
    emit_end_tag(ps, close, &t);
    ps->p = t.after;
}

/* The script's type says JSON-LD, which meta.c reads; a character
 * reference in the type ("application&#x2F;ld&#x2B;json" is seen on real
 * pages) keeps the body too, and so does a NUL in an attribute name (it
 * may hide a "type"). */
static int
is_ld_json(const struct tag *t)
{
    return t->nul_name ||
           (t->type && (lex_contains(t->type, t->type_len, "ld+json") ||
                        memchr(t->type, '&', t->type_len)));
}

/* What a start tag becomes inside <select>, where Gumbo ignores most of
 * them. */
static int
select_kind(struct pass *ps, int kind)
{
    switch (kind) {
    case K_RAWTEXT: case K_XMP: case K_TITLE: case K_PLAINTEXT:
    case K_FOREIGN: case K_FRAMESET:
        return K_VOID; /* ignored: no raw text, no island, no depth */
    case K_SELECT:
        ps->in_select = 0; /* acts as </select> */
        return K_VOID;
    case K_INPUT: case K_TEXTAREA:
        ps->in_select = 0;
        return kind;
    case K_TEMPLATE:
        /* Its content is parsed as in a body, not as in the select.
         * Copying from here on, the select rules (which only ever turn
         * raw text into markup) stay off. */
        stop_stripping(ps);
        ps->in_select = 0;
        return kind;
    case K_TABLE:
        /* Closes the select inside a table, is ignored outside one.
         * Copying from here on, the select rules stay off (as for a
         * template). */
        stop_stripping(ps);
        ps->in_select = 0;
        return kind;
    default:
        return kind;
    }
}

/* A start tag after PITH_MAX_ELEMENTS elements: it goes, and so does the
 * content of a script, style, title and the like (which would otherwise
 * become text); the text around stays, in the last element open. */
static void
over_cap(struct pass *ps, const struct tag *t, int kind)
{
    keep_apart(ps);
    ps->st->flattened++;
    ps->p = t->after;
    const char *close = NULL;
    switch (kind) {
    case K_SCRIPT:
        close = lex_script_end(ps->p, ps->end);
        break;
    case K_RAWTEXT: case K_TEXTAREA: case K_XMP: case K_TITLE:
        close = lex_raw_end(ps->p, ps->end, t->lname, t->name_len);
        break;
    case K_PLAINTEXT:
        close = ps->end;
        break;
    default:
        return;
    }
    struct tag end;
    if (close == ps->end || lex_tag(close, ps->end, 1, &end, NULL))
        ps->p = ps->end;
    else
        ps->p = end.after;
}

static void
start_tag(struct pass *ps, const char *lt, int whole)
{
    struct tag t;
    char *w = ps->o;
    if (lex_tag(lt, ps->end, 0, &t, ps->strip && !whole ? &w : NULL)) {
        cut_off(ps, lt);
        return;
    }
    int kind = t.info->kind;
    if (!ps->in_body) {
        if (!(t.info->flags & F_HEAD))
            ps->in_body = 1;
        else if (t.info->kind == K_ROOT && !strcmp(t.lname, "head"))
            ps->head_seen = 1;
    }
    if (t.unread_link && ps->head_seen && !ps->in_body && ps->strip &&
        !whole) {
        /* A stylesheet, font or icon in the head: nothing reads it.  In
         * the body it stays, to count among its siblings (--explain
         * names an element by its place). */
        ps->p = t.after;
        return;
    }
    if (t.cut)
        ps->st->attrs_cut++;
    if (ps->elements >= PITH_MAX_ELEMENTS) {
        over_cap(ps, &t, kind);
        return;
    }
    if (ps->in_select) {
        kind = select_kind(ps, kind);
    } else if (kind == K_FRAMESET && ps->strip) {
        /* What was removed before may have decided whether Gumbo takes
         * the frameset (the frameset-ok flag). */
        ps->restart = 1;
        return;
    }
    if (model_start(ps, &t, kind)) {
        keep_apart(ps);
        ps->p = t.after;
        return;
    }
    if (ps->strip && !whole)
        ps->o = w;
    else
        ps->o = lex_emit_whole(ps->o, lt, &t);
    ps->p = t.after;
    ps->elements++;
    switch (kind) {
    case K_SCRIPT: {
        const char *close = lex_script_end(ps->p, ps->end);
        int keep = is_ld_json(&t);
        if (ps->strip && !keep && is_javascript(&t))
            ps->st->script_bytes += gumbo_text_len(ps->p,
                                                   (size_t)(close - ps->p));
        text_element(ps, close, keep);
        break;
    }
    case K_RAWTEXT: case K_TEXTAREA:
        text_element(ps, lex_raw_end(ps->p, ps->end, t.lname, t.name_len), 0);
        break;
    case K_XMP: case K_TITLE:
        text_element(ps, lex_raw_end(ps->p, ps->end, t.lname, t.name_len), 1);
        break;
    case K_PLAINTEXT:
        emit(ps, ps->p, (size_t)(ps->end - ps->p));
        ps->p = ps->end;
        break;
    case K_FOREIGN: {
        if (t.self_closing)
            break;
        const char *close, *e = lex_foreign_end(ps->p, ps->end, t.hash,
                                         t.lname[0] == 's', &close);
        if (!e) {
            /* Parsed as HTML by the model from here, which is not what
             * Gumbo does: copy as it is. */
            stop_stripping(ps);
            ps->foreign_unsure = 1;
            (void)model_start(ps, &t, K_OTHER);
            break;
        }
        if (!ps->strip)
            emit(ps, ps->p, (size_t)(e - ps->p));
        else if (close)
            emit(ps, "</", 2), emit(ps, t.name, t.name_len), emit(ps, ">", 1);
        ps->p = e;
        break;
    }
    case K_SELECT:
        ps->in_select = !ps->foreign_unsure;
        break;
    case K_PRE:
        ps->pre++;
        break;
    default:
        break;
    }
}

static void
end_tag(struct pass *ps, const char *lt, int whole)
{
    struct tag t;
    if (lex_tag(lt, ps->end, 1, &t, NULL)) {
        cut_off(ps, lt);
        return;
    }
    /* </body>, </html> and </br> start a body (Gumbo makes one up);
     * </head> leaves the links that follow it in the head. */
    if (!ps->in_body && strcmp(t.lname, "head"))
        ps->in_body = 1;
    ps->p = t.after;
    if (ps->elements >= PITH_MAX_ELEMENTS) {
        keep_apart(ps);
        return;
    }
    int kind = t.info->kind;
    /* </pre> closes a <pre> in scope, not a <listing>; else it is
     * ignored, as it is inside a <select>.  White space stays kept while
     * the model is unsure. */
    int closes_pre = kind == K_PRE && ps->pre && !ps->in_select &&
                     model_find(ps, t.hash, 0, F_SCOPE) >= 0;
    /* Gumbo makes an element of a </br> (a <br>) and of a </p> with no
     * <p> open (an empty <p>): they count as start tags do, or 32 MiB of
     * "</p>" would build 8 million elements. */
    int makes_element = !ps->in_select &&
        (t.hash == ps->h_br ||
         (t.info->group == G_P && model_find(ps, 0, G_P, F_SCOPE) < 0));
    /* Empty <p>s in a row part the text no more than one does; real pages
     * have a few ("</p></p>"), which stay as they are. */
    int empty_p = makes_element && t.info->group == G_P;
    ps->empty_p_run = empty_p && ps->o == ps->after_empty_p
                          ? ps->empty_p_run + 1 : 0;
    if (ps->strip && ps->empty_p_run >= EMPTY_P_RUN) {
        ps->st->flattened++;
        keep_apart(ps);
        return;
    }
    if (model_end(ps, &t)) {
        keep_apart(ps);
        return;
    }
    /* Every end tag Gumbo reads costs it memory that its arena keeps
     * (8 million stray "</x>" took 470 MB); one that makes an element
     * costs that too. */
    ps->elements += makes_element ? 2 : 1;
    if (ps->in_select) {
        if (kind == K_SELECT)
            ps->in_select = 0;
        else if (kind == K_TEMPLATE || kind == K_TABLE)
            stop_stripping(ps);
    }
    if (closes_pre)
        ps->pre--;
    if (whole)
        ps->o = lex_emit_whole(ps->o, lt, &t);
    else
        emit_end_tag(ps, lt, &t);
    if (empty_p)
        ps->after_empty_p = ps->o;
}

/* A comment becomes "<!>", an empty one: Gumbo inserts the text it has
 * gathered when any token comes, and where that text lands can depend on
 * it (after a </form>, inside a table, the newline that must come first
 * in a <pre>).  A comment that runs to the end of the document goes. */
static void
comment(struct pass *ps, const char *lt, const char *after)
{
    if (ps->elements >= PITH_MAX_ELEMENTS) {
        keep_apart(ps); /* no more nodes for Gumbo */
        ps->p = after;
        return;
    }
    ps->elements++; /* a comment node */
    if (ps->strip) {
        if (after < ps->end)
            emit(ps, "<!>", 3);
    } else {
        emit(ps, lt, (size_t)(after - lt));
        /* Gumbo 0.10.1 fails an assertion on CDATA inside an SVG
         * <foreignObject> inside a table (dom.c catches it, and the page
         * is lost).  Stripping never leaves a CDATA section; copying
         * turns "<![CDATA[" into "<!-CDATA[", a bogus comment up to the
         * next '>' wherever it is, as HTML content and the model read it
         * anyway.  Only when no '<' comes before its "]]>": in SVG or
         * MathML that text would become markup. */
        if (after - lt >= 9 && !memcmp(lt, "<![CDATA[", 9)) {
            const char *close = memmem(lt + 9, (size_t)(ps->end - lt - 9),
                                       "]]>", 3);
            if (!close)
                close = ps->end;
            if (!memchr(lt + 9, '<', (size_t)(close - lt - 9)))
                ps->o[2 - (after - lt)] = '-';
        }
    }
    ps->p = after;
}

/* The markup at lt, a '<'. */
static void
markup(struct pass *ps, const char *lt)
{
    const char *q = lt + 1, *end = ps->end;
    int whole = ps->whole_next;
    ps->whole_next = 0;
    if (q >= end) {
        emit(ps, lt, 1); /* a '<' at the end is text */
        ps->p = end;
        return;
    }
    if (*q == '!') {
        if (end - q >= 3 && q[1] == '-' && q[2] == '-') {
            comment(ps, lt, lex_comment_end(q + 3, end));
        } else if (end - q >= 8 && lex_eq(q + 1, "doctype", 7)) {
            const char *e = lex_gt_end(q, end);
            emit(ps, lt, (size_t)(e - lt));
            ps->p = e;
        } else {
            comment(ps, lt, lex_gt_end(q, end)); /* a bogus comment */
        }
    } else if (*q == '?') {
        comment(ps, lt, lex_gt_end(q, end));
    } else if (*q == '/') {
        if (end - q < 2) {
            emit(ps, lt, 2); /* "</" at the end is text */
            ps->p = end;
        } else if (q[1] == '>') {
            /* "</>" is ignored, but it stays: it may keep a '<' before it
             * apart from a letter after it, and Gumbo takes the source
             * text of the next tag (where the name of an unknown element
             * comes from) to start at it, so that tag is written whole. */
            ps->p = q + 2;
            emit(ps, lt, 3);
            ps->whole_next = 1;
        } else if (!lex_alpha((unsigned char)q[1])) {
            comment(ps, lt, lex_gt_end(q, end));
        } else {
            end_tag(ps, lt, whole);
        }
    } else if (lex_alpha((unsigned char)*q)) {
        start_tag(ps, lt, whole);
    } else {
        emit(ps, lt, 1); /* a '<' that starts nothing is text */
        ps->p = q;
    }
}

/* Is p[0..end) white space alone (text the head may hold)? */
static int
only_space(const char *p, const char *end)
{
    for (; p < end; p++)
        if (!lex_ws((unsigned char)*p))
            return 0;
    return 1;
}

static void
run(struct pass *ps)
{
    while (ps->p < ps->end && !ps->restart) {
        const char *lt = memchr(ps->p, '<', (size_t)(ps->end - ps->p));
        if (lt != ps->p) {
            if (!ps->in_body)
                ps->in_body = !only_space(ps->p, lt ? lt : ps->end);
            ps->whole_next = 0;
            ps->elements++; /* a text node, which costs Gumbo as much */
            /* Text reopens the formatting elements closed around it. */
            if (ps->m.entries && !ps->in_select)
                count_copies(ps, model_reconstruct(&ps->m));
        }
        emit_text(ps, ps->p, lt ? lt : ps->end);
        if (!lt)
            break;
        markup(ps, lt);
    }
}

int
prepass_html(const char *html, size_t len, char **out, size_t *out_len,
             struct prepass_stats *stats)
{
    struct prepass_stats dummy;
    struct prepass_stats *st = stats ? stats : &dummy;
    struct pass *ps = malloc(sizeof *ps);
    char *buf = malloc(len + 1);
    if (!ps || !buf) {
        free(ps);
        free(buf);
        *out = NULL;
        return -1;
    }
    for (int strip = 1; strip >= 0; strip--) {
        memset(ps, 0, sizeof *ps);
        memset(st, 0, sizeof *st);
        ps->p = html;
        ps->end = html + len;
        ps->out = ps->o = buf;
        ps->strip = strip;
        ps->st = st;
        ps->h_div = hash_of("div");
        ps->h_address = hash_of("address");
        ps->h_option = hash_of("option");
        ps->h_ruby = hash_of("ruby");
        ps->h_table = hash_of("table");
        ps->h_br = hash_of("br");
        st->verbatim = !strip;
        run(ps);
        if (!ps->restart)
            break;
    }
    st->in_bytes = len;
    st->out_bytes = (size_t)(ps->o - buf);
    *ps->o = '\0';
    *out = buf;
    *out_len = st->out_bytes;
    free(ps);
    return 0;
}

int
prepass_replace(char **html, size_t *len, struct prepass_stats *stats)
{
    char *lean;
    size_t lean_len;
    if (prepass_html(*html, *len, &lean, &lean_len, stats))
        return -1;
    free(*html);
    *html = lean;
    *len = lean_len;
    return 0;
}
