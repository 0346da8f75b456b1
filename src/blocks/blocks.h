/*
 * Tree -> a flat table of elements and a flat list of text blocks.
 *
 * A block is a run of text between block-level tags (a paragraph, a
 * heading, a list item, a table row, the loose text of a div).  Elements
 * are the block-level elements that contain blocks, with what their tag,
 * class, id and role say about them.  Both tables are in document order,
 * so an element's subtree is the range [index, end_elem) of elements and
 * [first_block, end_block) of blocks: later stages need no tree at all.
 * Everything lives in the document's arena.
 */
#ifndef PITH_BLOCKS_H
#define PITH_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct GumboInternalNode;

/* What the tag, role, class or id of an element says (elem.flags). */
enum {
    EF_ARTICLE_TAG = 1u << 0,  /* <article>, role=article */
    EF_MAIN_TAG = 1u << 1,     /* <main>, role=main */
    EF_NAV_TAG = 1u << 2,      /* <nav>, <menu>, role=navigation/menu... */
    EF_ASIDE_TAG = 1u << 3,    /* <aside>, role=complementary */
    EF_FOOTER_TAG = 1u << 4,   /* <footer>, role=contentinfo */
    EF_HEADER_TAG = 1u << 5,   /* <header>, role=banner */
    EF_FORM_TAG = 1u << 6,     /* <form>, <fieldset> */
    EF_UNLIKELY = 1u << 7,     /* class/id named like boilerplate, and not
                                  also named like content */
    EF_DATA_TABLE = 1u << 8,   /* a table of data, kept as rows */
    EF_ARTICLE_BODY = 1u << 9, /* itemprop=articleBody or a class/id that
                                  names the article's body */
    EF_DIALOG = 1u << 10,      /* role=dialog/alertdialog, aria-modal */
    EF_LINK_WRAP = 1u << 11,   /* a block-level element inside an <a> */
    EF_CODE = 1u << 12,        /* pre, code: never cleaned away */
    EF_FIGURE = 1u << 13,      /* figure, figcaption */
    EF_LIST = 1u << 14,        /* ul, ol, dl */
    EF_COMMENTS = 1u << 15,    /* class/id names a comment section */
    EF_SHARE = 1u << 16,       /* share / social widget */
    EF_RELATED = 1u << 17,     /* related / recommended / teaser lists */
    EF_CONSENT = 1u << 18,     /* cookie / consent / newsletter boxes */
    EF_BYLINE = 1u << 19,      /* byline, author, dateline, meta line */
    EF_CAPTION = 1u << 21,     /* class/id names a caption or credit */
    EF_BIO = 1u << 22,         /* an author's biography box */
    EF_NOTICE = 1u << 23,      /* disclaimer, disclosure, licence notice */
    EF_NAV_NAME = 1u << 24,    /* class/id: breadcrumb, pagination */
    EF_HEADER_NAME = 1u << 25, /* unlikely only for the word "header" */
    EF_CONTROL_NAME = 1u << 26, /* class/id: filters, facets, sort bar */
    EF_TABLIST = 1u << 27,     /* role=tablist: navigation (EF_NAV_TAG)
                                  unless it holds its panels' prose */
    EF_HIDDEN_NAME = 1u << 28, /* class/id says "hidden": not shown */
    EF_POST_TYPE = 1u << 29,   /* microdata itemtype of a post: Comment,
                                  Answer, Question, DiscussionForumPosting */
    EF_NOSCRIPT = 1u << 20     /* <noscript>: read only when it holds the
                                  page (an unclosed tag inside swallows
                                  the rest of the document in Gumbo) */
};

/* Kinds of blocks, from the element that owns their text. */
enum block_kind {
    BK_PARA,      /* <p>, <dd>, <dt>, a cell of a layout table */
    BK_DIVTEXT,   /* loose text of a div, section, body... */
    BK_HEADING,   /* h1-h6; level in block.level */
    BK_LI,        /* list item; level = list nesting */
    BK_PRE,       /* verbatim text of <pre> */
    BK_QUOTE,     /* loose text of a <blockquote> */
    BK_ROW,       /* a row of a data table */
    BK_CAPTION    /* figcaption, caption */
};

struct elem {
    uint32_t src_off; /* its start tag in the parsed text: offset ... */
    uint32_t src_len; /* ... and length, 0 for an element the parser
                         implied (a <tbody>, an unwritten <body>) */
    int parent;       /* index, -1 at the top */
    int end_elem;     /* one past the last element of the subtree */
    int first_block;  /* blocks of the subtree: [first_block, end_block) */
    int end_block;
    uint16_t tag;     /* GumboTag */
    uint16_t depth;
    uint32_t flags;   /* EF_* */
    int16_t class_weight; /* Readability's +-25 for class and for id */
    uint16_t n_children;  /* element children in the tree, inline ones too */
    uint32_t class_hash;  /* of the class attribute, 0 when none */
    /* Counts over the subtree, filled by blocks_build(). */
    uint32_t chars, link_chars;
    uint32_t n_p, n_li, n_img, n_input, n_embed, n_headings, n_commas;
    uint32_t heading_chars;
};

struct block {
    int elem;             /* the element whose text this is */
    uint32_t text_off;    /* in blocks.text; text is NUL-terminated */
    uint32_t text_len;
    uint32_t chars;       /* code points that are not white space */
    uint32_t link_chars;  /* of them, inside <a href> */
    uint32_t time_chars;  /* of them, inside <time> */
    uint32_t fine_chars;  /* of them, in small print or italics (<small>,
                             <font size=1>, <i>, <em>): how captions and
                             credits are set */
    uint16_t n_links;
    uint16_t commas;      /* , 、 ， ، */
    uint16_t stops;       /* sentence ends: . ! ? 。 ！ ？ */
    uint8_t kind;         /* enum block_kind */
    uint8_t level;
    uint8_t ordered;      /* list item of an <ol> */
    uint8_t quote_depth;  /* inside this many blockquotes */
    uint8_t header;       /* a row of a data table's header (<thead>, or
                             <th> cells only) */
};

/* Inline markup inside blocks, a side table for Markdown output that no
 * decision reads: bold and italic runs, links, images and the cells of
 * data-table rows, as byte ranges of a block's text. */
enum inline_kind { IK_STRONG, IK_EM, IK_LINK, IK_IMAGE, IK_CELL };

struct inline_span {
    int block;            /* the block, or -1 for an image outside any
                             block's text (a figure without caption) */
    uint32_t start, end;  /* in the block's text; an image has start ==
                             end */
    uint8_t kind;         /* enum inline_kind */
    const char *url;      /* href or src as written */
    const char *alt;      /* images: alt, as written */
    int owner;            /* images outside blocks: the element around */
    int next_block;       /* ... and the first block after the image */
};

struct blocks {
    struct elem *elems;
    int n_elems;
    struct block *blocks;
    int n_blocks;
    char *text;           /* every block's text, NUL after each */
    size_t text_len;
    int body_elem;        /* index of <body>, or 0 */
    struct inline_span *spans; /* in order of their end within a block */
    int n_spans;
    const char **paths;   /* per element, when asked for: the CSS
                             selector steps from its parent element
                             (exclusive) down to it, or from <html> for
                             the top element (paths.h); else NULL */
};

/* Walks the tree below root (iteratively) into out, allocating from a;
 * with want_paths, also each element's selector steps (for explaining
 * decisions).  Nothing in out points into the tree.  Returns 0, or -1
 * when out of memory. */
int blocks_build(struct arena *a, struct GumboInternalNode *root,
                 int want_paths, struct blocks *out);

static inline const char *
block_text(const struct blocks *bs, const struct block *b)
{
    return bs->text + b->text_off;
}

/* A heading of at least PROSE_HEADING_CHARS that ends a sentence, or
 * holds one that ends before another starts, reads as prose: a deck or a
 * paragraph set as <h2> for its size, not the title of a section or of a
 * widget (those end without a stop, or in a colon; a stop inside
 * "example.com" or "2. Juni" ends no sentence). */
#define PROSE_HEADING_CHARS 80

static inline int
block_prose_heading(const struct blocks *bs, const struct block *b)
{
    if (b->kind != BK_HEADING || b->chars < PROSE_HEADING_CHARS ||
        !b->stops || !b->text_len)
        return 0;
    const unsigned char *t = (const unsigned char *)block_text(bs, b);
    size_t n = b->text_len;
    /* Closing quotes and brackets may follow the stop: " ' ) ’ ” ». */
    for (int k = 0; k < 3 && n > 1; k++) {
        if (t[n - 1] == '"' || t[n - 1] == '\'' || t[n - 1] == ')')
            n -= 1;
        else if (n > 3 && t[n - 3] == 0xE2 && t[n - 2] == 0x80 &&
                 (t[n - 1] == 0x99 || t[n - 1] == 0x9D))
            n -= 3;
        else if (n > 2 && t[n - 2] == 0xC2 && t[n - 1] == 0xBB)
            n -= 2;
        else
            break;
    }
    for (size_t i = 1; i + 1 < n; i++)
        if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ' &&
            t[i - 1] != ' ' && (t[i - 1] < '0' || t[i - 1] > '9'))
            return 1;
    unsigned char c = t[n - 1];
    return c == '.' || c == '!' || c == '?' ||
           (n >= 3 && t[n - 3] == 0xE3 && t[n - 2] == 0x80 &&
            c == 0x82) || /* 。 */
           (n >= 3 && t[n - 3] == 0xEF && t[n - 2] == 0xBC &&
            (c == 0x81 || c == 0x9F)) || /* ！ ？ */
           (n >= 3 && t[n - 3] == 0xE2 && t[n - 2] == 0x80 &&
            c == 0xA6); /* … */
}

#endif
