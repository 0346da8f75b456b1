/*
 * The pre-pass's tokenizer; see prepass_lex.h.  It follows Gumbo 0.10.1's
 * states (checked against the library itself, tests/test_prepass.c and
 * tests/fuzz/fuzz_prepass.c), not the newest HTML standard where the two
 * differ.
 */
#include "decode/prepass_lex.h"

#include "limits.h"

#include <stdlib.h>
#include <string.h>

#define WS_ALL (LC_WS | LC_TAG_END | LC_NAME_END | LC_VALUE_END)
const unsigned char lex_class[256] = {
    [' '] = WS_ALL, ['\t'] = WS_ALL, ['\n'] = WS_ALL, ['\r'] = WS_ALL,
    ['\f'] = WS_ALL, ['/'] = LC_TAG_END | LC_NAME_END,
    ['>'] = LC_TAG_END | LC_NAME_END | LC_VALUE_END, ['='] = LC_NAME_END,
};

/* Nesting inside one SVG or MathML island that the pass follows before
 * it gives up removing the island (real icons nest a few levels). */
#define FOREIGN_MAX_DEPTH 256
/* A data: URI in a src or href longer than this becomes just "data:" (no
 * stage reads the payload; media inlined as base64 are often 100 KB). */
#define DATA_URI_KEEP 16

/* The lowercase word w occurs in s[0..n), ignoring ASCII case. */
int
lex_contains(const char *s, size_t n, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= n; i++)
        if (lex_lower((unsigned char)s[i]) == (unsigned char)w[0] &&
            lex_eq(s + i, w, wl))
            return 1;
    return 0;
}

/* ------------------------------------------------------------ tag names */

/* Sorted by name (lex_tables_sorted() checks it); looked up through
 * tag_index below. */
static const struct tag_info tag_table[] = {
    {"a", K_OTHER, G_A, F_URL_READ, P_GENERAL},
    {"address", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"applet", K_OTHER, G_NONE, F_SPECIAL | F_SCOPE | F_MARKER, P_GENERAL},
    {"area", K_VOID, G_NONE, F_URL_READ, P_GENERAL},
    {"article", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"aside", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"b", K_OTHER, G_NONE, F_ALL_ATTRS, P_GENERAL},
    {"base", K_VOID, G_NONE, F_URL_READ | F_HEAD, P_GENERAL},
    {"basefont", K_VOID, G_NONE, F_HEAD, P_GENERAL},
    {"bgsound", K_VOID, G_NONE, F_HEAD, P_GENERAL},
    {"big", K_OTHER, G_NONE, F_ALL_ATTRS, P_GENERAL},
    {"blockquote", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"body", K_ROOT, G_NONE, 0, P_GENERAL},
    {"br", K_VOID, G_NONE, 0, P_GENERAL},
    {"button", K_OTHER, G_BUTTON, F_SPECIAL | F_SCOPE, P_GENERAL},
    {"caption", K_TABLE, G_CAPTION, F_SPECIAL | F_SCOPE | F_MARKER, P_GENERAL},
    {"center", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"code", K_OTHER, G_NONE, F_ALL_ATTRS, P_GENERAL},
    {"col", K_VOID, G_NONE, 0, P_GENERAL},
    {"colgroup", K_OTHER, G_COLGROUP, F_SPECIAL, P_GENERAL},
    {"dd", K_OTHER, G_DDDT, F_SPECIAL, P_GENERAL},
    {"details", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"dir", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"div", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"dl", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"dt", K_OTHER, G_DDDT, F_SPECIAL, P_GENERAL},
    {"em", K_OTHER, G_NONE, F_ALL_ATTRS, P_GENERAL},
    {"embed", K_VOID, G_NONE, 0, P_GENERAL},
    {"fieldset", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"figcaption", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"figure", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"font", K_OTHER, G_NONE, F_ALL_ATTRS, P_GENERAL},
    {"footer", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"form", K_OTHER, G_FORM, F_SPECIAL, P_GENERAL},
    {"frame", K_VOID, G_NONE, 0, P_GENERAL},
    {"frameset", K_FRAMESET, G_NONE, F_SPECIAL, P_GENERAL},
    {"h1", K_OTHER, G_HEADING, F_SPECIAL, P_GENERAL},
    {"h2", K_OTHER, G_HEADING, F_SPECIAL, P_GENERAL},
    {"h3", K_OTHER, G_HEADING, F_SPECIAL, P_GENERAL},
    {"h4", K_OTHER, G_HEADING, F_SPECIAL, P_GENERAL},
    {"h5", K_OTHER, G_HEADING, F_SPECIAL, P_GENERAL},
    {"h6", K_OTHER, G_HEADING, F_SPECIAL, P_GENERAL},
    {"head", K_ROOT, G_NONE, F_HEAD, P_GENERAL},
    {"header", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"hgroup", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"hr", K_VOID, G_NONE, 0, P_GENERAL},
    {"html", K_ROOT, G_NONE, F_HEAD, P_GENERAL},
    {"i", K_OTHER, G_NONE, F_ALL_ATTRS, P_GENERAL},
    {"iframe", K_RAWTEXT, G_NONE, 0, P_GENERAL},
    {"image", K_VOID, G_NONE, F_URL_READ, P_GENERAL},
    {"img", K_VOID, G_NONE, F_URL_READ, P_GENERAL},
    {"input", K_INPUT, G_NONE, 0, P_GENERAL},
    {"isindex", K_ISINDEX, G_NONE, 0, P_GENERAL},
    {"keygen", K_INPUT, G_NONE, 0, P_GENERAL},
    {"li", K_OTHER, G_LI, F_SPECIAL, P_GENERAL},
    {"link", K_VOID, G_NONE, F_URL_READ | F_HEAD, P_LINK},
    {"listing", K_PRE, G_NONE, F_SPECIAL, P_GENERAL},
    {"main", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"marquee", K_OTHER, G_NONE, F_SPECIAL | F_SCOPE | F_MARKER, P_GENERAL},
    {"math", K_FOREIGN, G_NONE, 0, P_GENERAL},
    {"menu", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"menuitem", K_VOID, G_NONE, 0, P_GENERAL},
    {"meta", K_VOID, G_NONE, F_HEAD, P_META},
    {"nav", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"nobr", K_OTHER, G_NOBR, F_ALL_ATTRS, P_GENERAL},
    {"noembed", K_RAWTEXT, G_NONE, 0, P_GENERAL},
    {"noframes", K_RAWTEXT, G_NONE, 0, P_GENERAL},
    {"noscript", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"object", K_OTHER, G_NONE, F_SPECIAL | F_SCOPE | F_MARKER, P_GENERAL},
    {"ol", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"optgroup", K_OTHER, G_OPTION, 0, P_GENERAL},
    {"option", K_OTHER, G_OPTION, 0, P_GENERAL},
    {"p", K_OTHER, G_P, F_SPECIAL, P_GENERAL},
    {"param", K_VOID, G_NONE, 0, P_GENERAL},
    {"plaintext", K_PLAINTEXT, G_NONE, 0, P_GENERAL},
    {"pre", K_PRE, G_NONE, F_SPECIAL, P_GENERAL},
    {"rb", K_OTHER, G_RUBY, 0, P_GENERAL},
    {"rp", K_OTHER, G_RUBY, 0, P_GENERAL},
    {"rt", K_OTHER, G_RUBY, 0, P_GENERAL},
    {"rtc", K_OTHER, G_RUBY, 0, P_GENERAL},
    {"s", K_OTHER, G_NONE, F_ALL_ATTRS, P_GENERAL},
    {"script", K_SCRIPT, G_NONE, F_HEAD, P_SCRIPT},
    {"section", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"select", K_SELECT, G_NONE, F_SPECIAL, P_GENERAL},
    {"small", K_OTHER, G_NONE, F_ALL_ATTRS, P_GENERAL},
    {"source", K_VOID, G_NONE, 0, P_GENERAL},
    {"strike", K_OTHER, G_NONE, F_ALL_ATTRS, P_GENERAL},
    {"strong", K_OTHER, G_NONE, F_ALL_ATTRS, P_GENERAL},
    {"style", K_RAWTEXT, G_NONE, F_HEAD, P_NONE},
    {"summary", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"svg", K_FOREIGN, G_NONE, 0, P_GENERAL},
    {"table", K_TABLE, G_NONE,
     F_SPECIAL | F_SCOPE | F_TABLE_ROOT, P_GENERAL},
    {"tbody", K_TABLE, G_TSECT, F_SPECIAL, P_GENERAL},
    {"td", K_TABLE, G_CELL, F_SPECIAL | F_SCOPE | F_MARKER, P_GENERAL},
    {"template", K_TEMPLATE, G_NONE, F_SPECIAL | F_SCOPE | F_MARKER, P_GENERAL},
    {"textarea", K_TEXTAREA, G_NONE, 0, P_GENERAL},
    {"tfoot", K_TABLE, G_TSECT, F_SPECIAL, P_GENERAL},
    {"th", K_TABLE, G_CELL, F_SPECIAL | F_SCOPE | F_MARKER, P_GENERAL},
    {"thead", K_TABLE, G_TSECT, F_SPECIAL, P_GENERAL},
    {"title", K_TITLE, G_NONE, F_HEAD, P_GENERAL},
    {"tr", K_TABLE, G_TR, F_SPECIAL, P_GENERAL},
    {"track", K_VOID, G_NONE, 0, P_GENERAL},
    {"tt", K_OTHER, G_NONE, F_ALL_ATTRS, P_GENERAL},
    {"u", K_OTHER, G_NONE, F_ALL_ATTRS, P_GENERAL},
    {"ul", K_OTHER, G_NONE, F_SPECIAL, P_GENERAL},
    {"wbr", K_VOID, G_NONE, 0, P_GENERAL},
    {"xmp", K_XMP, G_NONE, 0, P_GENERAL},
};

/* HTML start tags that end an SVG or MathML island (the tree builder's
 * "in foreign content" breakout list), sorted.  <font> breaks out only
 * with some attributes; it is treated as breaking out. */
static const char *const breakout_table[] = {
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div",
    "dl", "dt", "em", "embed", "font", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol",
    "p", "pre", "ruby", "s", "small", "span", "strike", "strong", "sub",
    "sup", "table", "tt", "u", "ul", "var",
};

/* Elements inside which SVG or MathML content is parsed as HTML again
 * (integration points), sorted. */
static const char *const integration_table[] = {
    "annotation-xml", "desc", "foreignobject", "mi", "mn", "mo", "ms",
    "mtext", "title",
};

/* FNV-1a of a name with its ASCII letters in lowercase: struct tag's
 * hash. */
static uint32_t
name_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ lex_lower((unsigned char)s[i])) * 16777619u;
    return h;
}

/* tag_table by the hash of its names, built once per thread: every tag
 * is looked up, and the hash lex_tag() works out anyway finds most in one
 * probe where a binary search took seven comparisons. */
#define TAG_SLOTS 512 /* open addressing; a power of two */
#define N_TAGS (sizeof tag_table / sizeof tag_table[0])

struct tag_index {
    int built;
    uint8_t slot[TAG_SLOTS]; /* 1 + an index of tag_table; 0: empty */
};

static _Thread_local struct tag_index tag_index;

static const struct tag_info *
tag_lookup(const char *lname, uint32_t hash)
{
    _Static_assert(N_TAGS < UINT8_MAX && N_TAGS < TAG_SLOTS / 2,
                   "tag_index holds every tag, at most half full");
    struct tag_index *x = &tag_index;
    if (!x->built) {
        for (size_t i = 0; i < N_TAGS; i++) {
            const char *name = tag_table[i].name;
            unsigned s = name_hash(name, strlen(name)) & (TAG_SLOTS - 1);
            while (x->slot[s])
                s = (s + 1) & (TAG_SLOTS - 1);
            x->slot[s] = (uint8_t)(i + 1);
        }
        x->built = 1;
    }
    for (unsigned s = hash & (TAG_SLOTS - 1); x->slot[s];
         s = (s + 1) & (TAG_SLOTS - 1)) {
        const struct tag_info *ti = &tag_table[x->slot[s] - 1];
        if (!strcmp(ti->name, lname))
            return ti;
    }
    return NULL;
}

static int
cmp_name(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

/* ------------------------------------------------------------ tags */

/* Is rel[0..len) a list of link types that only style, preload or
 * decorate the page (stylesheets, fonts, icons)?  meta.c reads the
 * canonical, license, image_src and author links, meta_author.c the
 * author ones, microdata the ones with itemprop. */
static int
rel_unread(const char *rel, size_t len)
{
    static const char *const types[] = {
        "stylesheet", "preload", "modulepreload", "prefetch", "preconnect",
        "dns-prefetch", "icon", "shortcut", "apple-touch-icon",
        "apple-touch-icon-precomposed", "mask-icon", "manifest",
    };
    size_t i = 0, words = 0;
    while (i < len) {
        while (i < len && lex_ws((unsigned char)rel[i]))
            i++;
        size_t j = i;
        while (j < len && !lex_ws((unsigned char)rel[j]))
            j++;
        if (j == i)
            break;
        size_t k = 0;
        while (k < sizeof types / sizeof types[0] &&
               !(strlen(types[k]) == j - i && lex_eq(rel + i, types[k], j - i)))
            k++;
        if (k == sizeof types / sizeof types[0])
            return 0;
        words++;
        i = j;
    }
    return words > 0;
}


static const struct tag_info other_info = {"", K_OTHER, G_NONE, 0, 0};

/* Attributes some stage reads (dom_attr, gumbo_get_attribute, explain),
 * as bits.  blocks.c and names.c: class, id, role, itemprop, hidden,
 * aria-hidden, aria-modal, style, href, src, alt, open, summary,
 * datatable, size; shown.c: aria-labelledby, aria-controls,
 * aria-expanded, popover; meta.c: content, property, name, http-equiv,
 * rel, href, lang, xml:lang, type, datetime, pubdate, itemprop; explain:
 * src, alt; kind_signals.c: itemtype, action; meta_product_facts.c:
 * itemscope (which item a property belongs to).  Also kept: encoding,
 * which changes how MathML is parsed. */
enum {
    A_CLASS = 1 << 0, A_ID = 1 << 1, A_HREF = 1 << 2, A_SRC = 1 << 3,
    A_TYPE = 1 << 4, A_REL = 1 << 5, A_CONTENT = 1 << 6, A_NAME = 1 << 7,
    A_PROPERTY = 1 << 8, A_ITEMPROP = 1 << 9, A_HTTP_EQUIV = 1 << 10,
    A_OTHER = 1 << 11 /* the rest of the list below */
};


static const unsigned policy_attrs[] = {
    [P_GENERAL] = ~0u,
    [P_SCRIPT] = A_TYPE,
    [P_LINK] = A_REL | A_HREF | A_ITEMPROP,
    [P_META] = A_CONTENT | A_NAME | A_PROPERTY | A_ITEMPROP | A_HTTP_EQUIV,
    [P_NONE] = 0,
};

/* The bit of the ARIA attribute "aria-" n[0..len): the ones that hide or
 * show an element (shown.c, blocks.c, meta_author.c); labels and
 * descriptions, most of the ARIA bytes of a page, no stage reads. */
static unsigned
aria_bit(const char *n, size_t len)
{
    static const char *const read[] = {"hidden", "modal", "controls",
                                       "expanded", "labelledby"};
    for (size_t i = 0; i < sizeof read / sizeof read[0]; i++)
        if (strlen(read[i]) == len && lex_eq(n, read[i], len))
            return A_OTHER;
    return 0;
}

/* The bit of the attribute name n[0..len), or 0 when no stage reads it. */
static unsigned
attr_bit(const char *n, size_t len)
{
    char b[10];
    if (len >= 5 && lex_eq(n, "aria-", 5))
        return aria_bit(n + 5, len - 5);
    if (len < 2 || len > sizeof b)
        return 0;
    for (size_t i = 0; i < len; i++)
        b[i] = (char)lex_lower((unsigned char)n[i]);
    switch (len) {
    case 2: return !memcmp(b, "id", 2) ? A_ID : 0;
    case 3: return !memcmp(b, "src", 3) ? A_SRC :
                   !memcmp(b, "rel", 3) ? A_REL :
                   !memcmp(b, "alt", 3) ? A_OTHER : 0;
    case 4: return !memcmp(b, "href", 4) ? A_HREF :
                   !memcmp(b, "type", 4) ? A_TYPE :
                   !memcmp(b, "name", 4) ? A_NAME :
                   (!memcmp(b, "lang", 4) || !memcmp(b, "open", 4) ||
                    !memcmp(b, "role", 4) || !memcmp(b, "size", 4))
                       ? A_OTHER : 0;
    case 5: return !memcmp(b, "class", 5) ? A_CLASS : 0;
    case 6: return (!memcmp(b, "hidden", 6) || !memcmp(b, "action", 6))
                       ? A_OTHER : 0;
    case 7: return !memcmp(b, "content", 7) ? A_CONTENT :
                   (!memcmp(b, "summary", 7) || !memcmp(b, "pubdate", 7) ||
                    !memcmp(b, "popover", 7))
                       ? A_OTHER : 0;
    case 8: return !memcmp(b, "property", 8) ? A_PROPERTY :
                   !memcmp(b, "itemprop", 8) ? A_ITEMPROP :
                   !memcmp(b, "xml:lang", 8) || !memcmp(b, "datetime", 8) ||
                   !memcmp(b, "encoding", 8) || !memcmp(b, "itemtype", 8)
                       ? A_OTHER : 0;
    case 9: return (!memcmp(b, "datatable", 9) ||
                    !memcmp(b, "itemscope", 9)) ? A_OTHER : 0;
    case 10: return !memcmp(b, "http-equiv", 10) ? A_HTTP_EQUIV : 0;
    default: return 0;
    }
}

/* One attribute as the tokenizer split it. */
struct attr {
    const char *name, *name_end;
    const char *value, *value_end;  /* NULL when it has no value */
    const char *end;                /* past the value and its quote */
    int quoted;
};

/* What emit_attr() remembers between the attributes of one tag. */
struct attr_state {
    int keep_all;       /* <isindex> (Gumbo builds elements from its
                           attributes) and formatting elements */
    unsigned allowed;   /* A_* bits the element keeps */
    int url_read;       /* its href or src is read (a, area, img, link,
                           base): a data: URI there stays whole */
    int style_seen;
    const char *glue;   /* where the last kept quoted value ended */
    int unquoted_tail;  /* the last kept attribute has an unquoted value */
    int valueless_tail; /* the last kept attribute has no value */
};

/* Writes attribute a when extraction may read it.  An attribute right
 * after a kept quoted value needs no space (the tokenizer reads them
 * apart anyway), which keeps the output from ever outgrowing the input. */
static char *
emit_attr(char *w, const struct attr *a, struct attr_state *as)
{
    size_t nl = (size_t)(a->name_end - a->name);
    size_t vl = a->value ? (size_t)(a->value_end - a->value) : 0;
    int keep;
    if (as->keep_all) {
        keep = 1;
    } else if (nl == 5 && lex_eq(a->name, "style", 5)) {
        /* Only the first style counts; the walker reads display:none and
         * visibility:hidden from it.  A character reference might spell
         * either: such a style stays. */
        keep = !as->style_seen && a->value && as->allowed == ~0u &&
               (lex_contains(a->value, vl, "none") ||
                lex_contains(a->value, vl, "hidden") ||
                memchr(a->value, '&', vl));
        as->style_seen = 1;
    } else {
        keep = (attr_bit(a->name, nl) & as->allowed) != 0;
    }
    if (!keep)
        return w;
    /* A name that starts with '=' (as in "prompt/=x") after a name
     * without a value: a space would make it that name's value. */
    if (a->name[0] == '=' && as->valueless_tail)
        *w++ = '/';
    else if (a->name != as->glue)
        *w++ = ' ';
    /* Only a URL is cut: a type, class or content that happens to start
     * with "data:" is read as it is (a script's type for "ld+json"). */
    if (!as->keep_all && !as->url_read && vl > DATA_URI_KEEP &&
        lex_eq(a->value, "data:", 5) &&
        (attr_bit(a->name, nl) & (A_SRC | A_HREF))) {
        memcpy(w, a->name, nl);
        memcpy(w + nl, "=\"data:\"", 8);
        w += nl + 8;
        as->glue = a->end;
        as->unquoted_tail = 0;
        as->valueless_tail = 0;
        return w;
    }
    size_t l = (size_t)(a->end - a->name);
    memcpy(w, a->name, l);
    w += l;
    as->glue = a->quoted ? a->end : NULL;
    as->unquoted_tail = a->value && !a->quoted;
    as->valueless_tail = !a->value;
    return w;
}

/* Reads one attribute at s, which is not white space, '/' or '>'.
 * Returns 0, or -1 when the document ends inside the tag. */
static int
read_attr(const char *s, const char *end, struct attr *a)
{
    /* The first character belongs to the name whatever it is ('=' too). */
    a->name = s++;
    while (s < end && !(lex_class[(unsigned char)*s] & LC_NAME_END))
        s++;
    a->name_end = s;
    a->value = a->value_end = NULL;
    a->quoted = 0;
    const char *t = s;
    while (t < end && lex_ws((unsigned char)*t))
        t++;
    if (t >= end)
        return -1;
    if (*t != '=') {
        a->end = s; /* no value: the next attribute or the end follows */
        return 0;
    }
    t++;
    while (t < end && lex_ws((unsigned char)*t))
        t++;
    if (t >= end)
        return -1;
    if (*t == '"' || *t == '\'') {
        const char *q = memchr(t + 1, *t, (size_t)(end - t - 1));
        if (!q)
            return -1;
        a->value = t + 1;
        a->value_end = q;
        a->end = q + 1;
        a->quoted = 1;
        return 0;
    }
    if (*t == '>') { /* "a=>": an empty value; the '>' ends the tag */
        a->value = a->value_end = a->end = t;
        return 0;
    }
    a->value = t;
    while (t < end && !(lex_class[(unsigned char)*t] & LC_VALUE_END))
        t++;
    if (t >= end)
        return -1;
    a->value_end = a->end = t;
    return 0;
}

/* The tag as written, for a tag kept whole: up to its '>', or when it has
 * more than PITH_MAX_ATTRIBUTES attributes, up to the last one Gumbo gets
 * and a new '>'.  The input had at least as many bytes. */
char *
lex_emit_whole(char *o, const char *lt, const struct tag *t)
{
    const char *to = t->cut ? t->cut : t->after;
    memcpy(o, lt, (size_t)(to - lt));
    o += to - lt;
    if (t->cut) {
        if (t->self_closing)
            memcpy(o, " /", 2), o += 2;
        *o++ = '>';
    }
    return o;
}

/* Reads the tag at lt ("<name" or "</name") up to its '>', as the
 * tokenizer does.  When w is not NULL the start tag is written there with
 * only the kept attributes, and *w advanced.  Returns 0, or -1 when the
 * document ends inside the tag (the tokenizer then drops it). */
int
lex_tag(const char *lt, const char *end, int end_tag, struct tag *t,
         char **w)
{
    const char *s = lt + 1 + end_tag;
    t->name = s;
    while (s < end && !(lex_class[(unsigned char)*s] & LC_TAG_END))
        s++;
    if (s >= end)
        return -1;
    t->name_len = (size_t)(s - t->name);
    t->self_closing = 0;
    t->type = NULL;
    t->type_len = 0;
    t->unread_link = 0;
    t->nul_name = t->odd = 0;
    t->cut = NULL;
    /* The name, its hash and its entry in the table. */
    t->hash = name_hash(t->name, t->name_len);
    t->info = &other_info;
    t->lname[0] = '\0';
    /* A NUL in a name is U+FFFD to Gumbo: no known tag. */
    if (t->name_len < sizeof t->lname &&
        !memchr(t->name, '\0', t->name_len)) {
        for (size_t i = 0; i < t->name_len; i++)
            t->lname[i] = (char)lex_lower((unsigned char)t->name[i]);
        t->lname[t->name_len] = '\0';
        const struct tag_info *ti = tag_lookup(t->lname, t->hash);
        if (ti)
            t->info = ti;
    }
    char *o = w ? *w : NULL;
    struct attr_state as = {t->info->kind == K_ISINDEX ||
                                (t->info->flags & F_ALL_ATTRS),
                            policy_attrs[t->info->policy],
                            (t->info->flags & F_URL_READ) != 0,
                            0, NULL, 0, 0};
    if (o) {
        *o++ = '<';
        memcpy(o, t->name, t->name_len);
        o += t->name_len;
    }
    uint32_t seen[PITH_MAX_ATTRIBUTES];
    int n_attrs = 0;
    int rel_seen = 0; /* of a <link>: 1 unread rel, -1 read or itemprop */
    const char *last = s;
    for (;;) {
        while (s < end && lex_ws((unsigned char)*s))
            s++;
        if (s >= end)
            return -1;
        if (*s == '>') {
            s++;
            break;
        }
        if (*s == '/') {
            /* Self-closing only right before '>'; otherwise the slash
             * just separates attributes. */
            if (++s >= end)
                return -1;
            if (*s == '>') {
                t->self_closing = 1;
                s++;
                break;
            }
            continue;
        }
        struct attr a;
        if (read_attr(s, end, &a))
            return -1;
        s = a.end;
        if (n_attrs == PITH_MAX_ATTRIBUTES) {
            if (!t->cut)
                t->cut = last;
            continue;
        }
        /* A repeated name (Gumbo keeps the first, and with max_errors = 0
         * glues a repeated name without a value onto the next name), or a
         * name with a byte outside printable ASCII (a NUL Gumbo drops, a
         * control character it reads as U+FFFD), keeps the tag whole:
         * Gumbo then reads exactly what it would have. */
        uint32_t ah = 2166136261u;
        for (const char *c = a.name; c < a.name_end; c++) {
            unsigned char b = (unsigned char)*c;
            ah = (ah ^ lex_lower(b)) * 16777619u;
            if (!b)
                t->nul_name = 1;
            /* Gumbo reads control characters (and some others beyond
             * ASCII) as U+FFFD: such a name may repeat another. */
            if (b < 0x21 || b > 0x7E)
                t->odd = 1;
        }
        if (t->nul_name)
            t->odd = 1;
        for (int i = 0; i < n_attrs; i++)
            if (seen[i] == ah)
                t->odd = 1;
        seen[n_attrs++] = ah;
        last = a.end;
        if (!t->type && a.name_end - a.name == 4 && lex_eq(a.name, "type", 4)) {
            t->type = a.value ? a.value : "";
            t->type_len = a.value ? (size_t)(a.value_end - a.value) : 0;
        }
        if (t->info->policy == P_LINK) {
            size_t nl = (size_t)(a.name_end - a.name);
            if (nl == 8 && lex_eq(a.name, "itemprop", 8))
                rel_seen = -1;
            else if (nl == 3 && lex_eq(a.name, "rel", 3) && !rel_seen)
                rel_seen = a.value && rel_unread(a.value, (size_t)(
                                          a.value_end - a.value)) ? 1 : -1;
        }
        if (o)
            o = emit_attr(o, &a, &as);
    }
    t->after = s;
    t->unread_link = rel_seen == 1 && !t->odd && !t->cut;
    if (o && t->odd) {
        o = lex_emit_whole(*w, lt, t);
    } else if (o) {
        /* "a=b/>" would make the slash part of the value; the input had
         * white space there. */
        if (t->self_closing && as.unquoted_tail)
            *o++ = ' ';
        if (t->self_closing)
            *o++ = '/';
        *o++ = '>';
    }
    if (o)
        *w = o;
    return 0;
}

/* ------------------------------------------------------------ skipping */

/* Past the comment whose "<!--" ends just before p: after its "-->", or
 * the forms Gumbo also accepts ("<!-->", "<!--->", "--!>"), or end. */
const char *
lex_comment_end(const char *p, const char *end)
{
    if (p < end && *p == '>')
        return p + 1;
    if (end - p >= 2 && p[0] == '-' && p[1] == '>')
        return p + 2;
    for (;;) {
        const char *d = memchr(p, '-', (size_t)(end - p));
        if (!d || end - d < 2)
            return end;
        if (d[1] != '-') {
            p = d + 1;
            continue;
        }
        const char *q = d + 2;
        while (q < end && *q == '-')
            q++;
        if (q >= end)
            return end;
        if (*q == '>')
            return q + 1;
        if (*q == '!' && q + 1 < end && q[1] == '>')
            return q + 2;
        p = *q == '!' ? q + 1 : q;
    }
}

/* Past the '>' that ends a bogus comment or a doctype at p, or end. */
const char *
lex_gt_end(const char *p, const char *end)
{
    const char *q = memchr(p, '>', (size_t)(end - p));
    return q ? q + 1 : end;
}

/* lt starts "</name" followed by white space, '/' or '>': the end tag
 * that closes RAWTEXT, RCDATA or script data opened by <name>. */
static int
is_end_tag(const char *lt, const char *end, const char *name, size_t n)
{
    if (end - lt < (ptrdiff_t)(n + 3) || lt[1] != '/' ||
        !lex_eq(lt + 2, name, n))
        return 0;
    unsigned char c = (unsigned char)lt[2 + n];
    return lex_ws(c) || c == '/' || c == '>';
}

/* Where RAWTEXT or RCDATA that starts at p ends: at the '<' of its end
 * tag, or end. */
const char *
lex_raw_end(const char *p, const char *end, const char *name, size_t n)
{
    for (;;) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt)
            return end;
        if (is_end_tag(lt, end, name, n))
            return lt;
        p = lt + 1;
    }
}

/* After an alphabetic run at p: whether it spells "script" and is ended
 * by white space, '/' or '>' (the double-escape switch). */
static int
script_word(const char *p, const char *end, const char **after)
{
    const char *s = p;
    while (p < end && lex_alpha((unsigned char)*p))
        p++;
    *after = p;
    if (p >= end || p - s != 6 || !lex_eq(s, "script", 6))
        return 0;
    unsigned char c = (unsigned char)*p;
    if (!(lex_ws(c) || c == '/' || c == '>'))
        return 0;
    *after = p + 1;
    return 1;
}

/* Where the script body that starts at p ends: at the '<' of its end
 * tag, or end.  The tokenizer, not JavaScript, decides: "</script" ends it
 * even inside a JS string, except after "<!--" opened an escaped section
 * in which a "<script" opened a double-escaped one. */
const char *
lex_script_end(const char *p, const char *end)
{
    enum { DATA, ESCAPED, DOUBLE } st = DATA;
    int dashes = 0;
    while (p < end) {
        if (st == DATA) {
            const char *lt = memchr(p, '<', (size_t)(end - p));
            if (!lt)
                return end;
            if (is_end_tag(lt, end, "script", 6))
                return lt;
            p = lt + 1;
            if (end - p >= 3 && p[0] == '!' && p[1] == '-' && p[2] == '-') {
                p += 3;
                st = ESCAPED;
                dashes = 2; /* "<!--" leaves it in "escaped dash dash" */
            }
            continue;
        }
        /* The escaped states are rare: byte by byte. */
        unsigned char c = (unsigned char)*p++;
        if (c == '-') {
            dashes++;
        } else if (c == '>' && dashes >= 2) {
            st = DATA;
            dashes = 0;
        } else if (c != '<') {
            dashes = 0;
        } else if (st == ESCAPED) {
            dashes = 0;
            if (is_end_tag(p - 1, end, "script", 6))
                return p - 1;
            const char *after;
            if (p < end && lex_alpha((unsigned char)*p) &&
                script_word(p, end, &after)) {
                st = DOUBLE;
                p = after;
            }
        } else {
            dashes = 0;
            const char *after;
            if (p < end && *p == '/' && script_word(p + 1, end, &after)) {
                st = ESCAPED;
                p = after;
            }
        }
    }
    return end;
}

/* ------------------------------------------------------------ SVG, MathML */

static int
in_table(const char *const *table, size_t n, const char *lname)
{
    return lname[0] && bsearch(lname, table, n, sizeof *table, cmp_name);
}

/* The end of an SVG or MathML island whose start tag ends just before p:
 * past its matching end tag (*close is set to that tag's '<'), or end
 * when the document ends inside it or an HTML start tag breaks out of it
 * (*close is NULL; the island then ends at that tag's '<').  Returns NULL
 * when the island's parse depends on tree construction: markup inside an
 * integration point, a <font> that may break out, an end tag that
 * is not a bare "</name>" closing one of the island's open elements, or
 * deep nesting. */
const char *
lex_foreign_end(const char *p, const char *end, uint32_t outer, int svg,
                const char **close)
{
    uint32_t stack[FOREIGN_MAX_DEPTH];
    int n = 0, ip = 0; /* ip: depth of an open integration point, or 0 */
    int boxes = 0;     /* of ip, an SVG <foreignObject>: HTML in a box */
    int divs = 0;      /* <div>s open in that box */
    stack[n++] = outer;
    *close = NULL;
    for (;;) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt || end - lt < 2)
            return end;
        const char *q = lt + 1;
        struct tag t;
        if (*q == '!') {
            if (end - q >= 3 && q[1] == '-' && q[2] == '-') {
                p = lex_comment_end(q + 3, end);
            } else if (end - q >= 8 && !memcmp(q + 1, "[CDATA[", 7)) {
                if (ip)
                    return NULL;
                const char *c = memmem(q + 8, (size_t)(end - q - 8), "]]>", 3);
                p = c ? c + 3 : end;
            } else {
                p = lex_gt_end(q, end);
            }
        } else if (*q == '?') {
            p = lex_gt_end(q, end);
        } else if (*q == '/') {
            if (end - q < 2)
                return end;
            if (q[1] == '>') {
                /* "</>" corrupts the source text Gumbo matches the next
                 * foreign element's end tag against. */
                return NULL;
            } else if (!lex_alpha((unsigned char)q[1])) {
                p = lex_gt_end(q, end);
            } else {
                if (lex_tag(lt, end, 1, &t, NULL))
                    return end;
                /* Gumbo 0.10.1 leaves <svg> and <math> open at "</svg >"
                 * or "</svg x>": only a bare end tag counts here. */
                if (t.after != t.name + t.name_len + 1)
                    return NULL;
                if (divs) {
                    if (strcmp(t.lname, "div"))
                        return NULL;
                    divs--;
                    p = t.after;
                    continue;
                }
                /* An end tag closes the nearest open element of its name
                 * and every element left open above it ("<path></svg>");
                 * one that names none of them is read as HTML. */
                int k = n - 1;
                while (k >= 0 && stack[k] != t.hash)
                    k--;
                if (k < 0)
                    return NULL;
                n = k;
                if (n == 0) {
                    *close = lt;
                    return t.after;
                }
                if (n < ip)
                    ip = boxes = 0;
                p = t.after;
            }
        } else if (lex_alpha((unsigned char)*q)) {
            if (lex_tag(lt, end, 0, &t, NULL))
                return end;
            if (ip) {
                /* Design tools wrap a blur or a gradient in
                 * <foreignObject><div></div></foreignObject>: <div>s
                 * there are HTML elements that close as they open.
                 * Other markup in an integration point is read as in a
                 * body, which the pass does not model. */
                if (!boxes || strcmp(t.lname, "div") ||
                    divs == FOREIGN_MAX_DEPTH)
                    return NULL;
                divs++;
                p = t.after;
                continue;
            }
            if (in_table(breakout_table, sizeof breakout_table /
                         sizeof breakout_table[0], t.lname)) {
                /* With no integration point open, Gumbo closes every
                 * element of the island and reads this tag as HTML: the
                 * island ends right here.  A <font> breaks out only with
                 * some attributes. */
                return strcmp(t.lname, "font") ? lt : NULL;
            }
            if (!t.self_closing) {
                if (n == FOREIGN_MAX_DEPTH)
                    return NULL;
                stack[n++] = t.hash;
                if (in_table(integration_table, sizeof integration_table /
                             sizeof integration_table[0], t.lname)) {
                    ip = n;
                    boxes = svg && !strcmp(t.lname, "foreignobject");
                }
            }
            p = t.after;
        } else {
            p = q; /* a '<' that starts nothing is text */
        }
    }
}

/* Each name table in order (bsearch needs it). */
static int
sorted(const char *const *names, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (strcmp(names[i - 1], names[i]) >= 0)
            return 0;
    return 1;
}

int
lex_tables_sorted(void)
{
    for (size_t i = 1; i < sizeof tag_table / sizeof tag_table[0]; i++)
        if (strcmp(tag_table[i - 1].name, tag_table[i].name) >= 0)
            return 0;
    return sorted(breakout_table,
                  sizeof breakout_table / sizeof breakout_table[0]) &&
           sorted(integration_table,
                  sizeof integration_table / sizeof integration_table[0]);
}
