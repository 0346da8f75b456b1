/*
 * The shape of a page's block table, as the classifier reads it: long
 * prose, repeated cards, posts with bylines, code, sections.
 */
#ifndef PITH_KIND_SHAPE_H
#define PITH_KIND_SHAPE_H

struct blocks;

struct page_shape {
    int long_paras;      /* paragraphs of prose (>= LONG_PARA_CHARS) */
    int prose_chars;     /* ... their characters */
    int headings;        /* headings that are not links */
    int linked_headings; /* headings that are mostly a link */
    int max_cards;       /* the largest run of sibling elements of one
                            tag and class, each holding one linked
                            heading */
    int bylines;         /* elements named byline or author */
    int time_blocks;     /* blocks holding a <time> */
    int pre_blocks;      /* <pre> blocks */
    int teasers;         /* the largest run of sibling elements of one
                            tag and class, each a link with some text of
                            its own (a title and a teaser, a price, a
                            date), outside navigation and footers */
    int teaser_chars;    /* ... their characters */
    int total_chars;
    int link_chars;      /* of total_chars, inside links */
    int list_items;      /* list-item blocks */
    int table_rows;      /* rows of data tables */
    int h1s;             /* <h1> blocks */
    int form_chars;      /* characters inside forms (outermost counted) */
    int comment_chars;   /* ... inside boxes named as comments */
    int main_tag;        /* the page has a <main> or role=main */
    int article_tags;    /* outermost <article>s */
};

/* Reads the shape of bs into out.  Returns 0, or -1 when out of memory
 * (out then holds what needs no memory). */
int page_shape_read(const struct blocks *bs, struct page_shape *out);

#endif
