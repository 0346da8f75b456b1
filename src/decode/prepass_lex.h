/*
 * The pre-pass's tokenizer: Gumbo's tokenizer states over raw bytes, for
 * prepass.c.  It reads one tag with its attributes (and writes it back
 * with only the attributes some stage reads), finds where a comment, a
 * bogus comment, RAWTEXT, RCDATA or script data ends, and where an SVG or
 * MathML island ends when its content is plain foreign markup.  Every
 * position is a pointer into the page; nothing is allocated.
 */
#ifndef PITH_PREPASS_LEX_H
#define PITH_PREPASS_LEX_H

#include <stddef.h>
#include <stdint.h>

/* Byte classes for the scanning loops, one table lookup per byte. */
enum {
    LC_WS = 1,        /* white space; CR too: Gumbo makes it LF first */
    LC_TAG_END = 2,   /* ends a tag name: white space, '/', '>' */
    LC_NAME_END = 4,  /* ends an attribute name: those and '=' */
    LC_VALUE_END = 8  /* ends an unquoted value: white space, '>' */
};
extern const unsigned char lex_class[256];

static inline int
lex_ws(unsigned char c)
{
    return lex_class[c] & LC_WS;
}

static inline int
lex_alpha(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u;
}

static inline unsigned char
lex_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* s[0..n) equals the lowercase word w, ignoring ASCII case. */
static inline int
lex_eq(const char *s, const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lex_lower((unsigned char)s[i]) != (unsigned char)w[i])
            return 0;
    return 1;
}

/* The lowercase word w occurs in s[0..n), ignoring ASCII case. */
int lex_contains(const char *s, size_t n, const char *w);

/* ------------------------------------------------------------ tag names */

enum kind {
    K_OTHER = 0,
    K_VOID,        /* never has content or an end tag */
    K_SCRIPT,      /* script data */
    K_RAWTEXT,     /* style, iframe, noembed, noframes: RAWTEXT, dropped */
    K_XMP,         /* RAWTEXT that is read as text */
    K_TITLE,       /* RCDATA that is read */
    K_TEXTAREA,    /* RCDATA, dropped */
    K_PLAINTEXT,   /* everything after it is text */
    K_FOREIGN,     /* svg, math */
    K_SELECT,
    K_FRAMESET,
    K_TEMPLATE,
    K_PRE,         /* pre, listing: white space is kept inside */
    K_INPUT,       /* input, keygen: void, and they close a <select> */
    K_TABLE,       /* table parts: they close a <select> inside a table */
    K_ROOT,        /* html, head, body: never on the model's stack */
    K_ISINDEX      /* void; Gumbo builds a form from its attributes */
};

/* Gumbo's implicit-close rules, by the element a start tag closes. */
enum group {
    G_NONE = 0, G_P, G_LI, G_DDDT, G_OPTION, G_HEADING, G_RUBY, G_A,
    G_BUTTON, G_NOBR, G_FORM, G_TR, G_CELL, G_TSECT, G_CAPTION, G_COLGROUP
};

/* Flags of an element for the stack searches. */
enum {
    F_SPECIAL = 1,  /* the spec's "special" category (stops li, dd, dt) */
    F_SCOPE = 2,    /* bounds "has an element in scope" */
    F_MARKER = 4,   /* puts a marker in the active formatting list */
    F_TABLE_ROOT = 8, /* table: cells and rows belong to the nearest */
    F_ALL_ATTRS = 16, /* formatting elements: Gumbo compares their
                         attributes (the "Noah's Ark" clause), so they keep
                         every one; <a> is never compared (a new <a>
                         closes the old one) */
    F_URL_READ = 32,  /* its href or src is read whole */
    F_HEAD = 64       /* the head holds it as its own child (a <noscript>
                         or <template> there holds elements of its own) */
};

/* What each kind of element keeps.  Scripts, styles, links and metas are
 * read only by meta.c (or not at all), for a few attributes; a script's
 * src or a link's media are a good part of a page's head. */
enum policy { P_GENERAL = 0, P_SCRIPT, P_LINK, P_META, P_NONE };

struct tag_info {
    const char *name;
    unsigned char kind, group, flags, policy;
};


struct tag {
    const char *name;       /* as written */
    size_t name_len;
    const char *after;      /* just past the closing '>' */
    char lname[16];         /* lowercase name; "" when longer */
    uint32_t hash;          /* of the lowercase name */
    const struct tag_info *info;
    int self_closing;
    const char *type;       /* value of the first type attribute */
    size_t type_len;
    int unread_link;        /* a <link> that only styles, preloads or
                               decorates the page, without microdata */
    int nul_name;           /* an attribute name holds a NUL */
    int odd;                /* that, or a repeated attribute name */
    const char *cut;        /* past the last attribute Gumbo gets, when
                               there are more than PITH_MAX_ATTRIBUTES */
};

/* Reads the tag at lt ("<name" or "</name") up to its '>', as the
 * tokenizer does.  When w is not NULL the start tag is written there with
 * only the kept attributes, and *w advanced.  Returns 0, or -1 when the
 * document ends inside the tag (the tokenizer then drops it). */
int lex_tag(const char *lt, const char *end, int end_tag, struct tag *t,
            char **w);

/* Writes tag t at lt as it is written (up to the PITH_MAX_ATTRIBUTES-th
 * attribute) to o; returns the new end of the output. */
char *lex_emit_whole(char *o, const char *lt, const struct tag *t);

/* Past the comment whose "<!--" ends just before p (or end). */
const char *lex_comment_end(const char *p, const char *end);

/* Past the '>' that ends a bogus comment or a doctype at p, or end. */
const char *lex_gt_end(const char *p, const char *end);

/* Where RAWTEXT or RCDATA of the element name[0..n) (lowercase) that
 * starts at p ends: at the '<' of its end tag, or end. */
const char *lex_raw_end(const char *p, const char *end, const char *name,
                        size_t n);

/* Where the script body that starts at p ends: at the '<' of its end
 * tag, or end. */
const char *lex_script_end(const char *p, const char *end);

/* The end of an SVG (svg: 1) or MathML island whose start tag (of name
 * hash outer) ends just before p, or NULL when its parse depends on tree
 * construction; see prepass_lex.c. */
const char *lex_foreign_end(const char *p, const char *end, uint32_t outer,
                            int svg,
                            const char **close);

/* Nonzero when the name tables are sorted, as lookups need (a test). */
int lex_tables_sorted(void);

#endif
