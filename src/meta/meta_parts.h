/*
 * What the metadata files share (see meta.h): string helpers, a list of
 * strings, and one entry point per source.  Everything is allocated from
 * the document's arena; nothing here is freed on its own.
 */
#ifndef PITH_META_PARTS_H
#define PITH_META_PARTS_H

#include <gumbo.h>
#include <stddef.h>

struct arena;

/* ------------------------------------------------------------ strings */

/* s[0..len) with white space runs (NBSP too) folded to one space, the ends
 * trimmed, and the entities a page escaped twice (&amp; &quot; &#39; ...)
 * decoded, as Readability does for its metadata.  NULL when nothing is
 * left or out of memory. */
const char *meta_clean(struct arena *a, const char *s, size_t len);
const char *meta_clean_str(struct arena *a, const char *s); /* s may be NULL */

/* The text of an element's subtree (script and style left out), cleaned
 * as above; NULL when empty. */
const char *meta_node_text(struct arena *a, const GumboNode *root);
/* The same with a space where an element that starts a line (a <div>, a
 * <p>, a cell) starts, as a reader sees the words apart. */
const char *meta_node_lines(struct arena *a, const GumboNode *root);

/* Appends text to b with each run of ASCII white space as one space (and
 * none when b already ends with one): what meta_clean() keeps, so that
 * byte budgets do not depend on a page's indentation.  It stops when b
 * is full (b->max - 1 bytes), cutting the last run to fit. */
struct buf;
void meta_put_text(struct buf *b, const char *text);

/* The text of a subtree as meta_node_text() gives it, but NULL when it
 * is over max_bytes or spread over more than max_nodes nodes: tests of
 * "is this a short line" stay linear however the page nests. */
const char *meta_text_capped(struct arena *a, const GumboNode *root,
                             size_t max_bytes, int max_nodes);
/* The same with lines apart, as meta_node_lines() gives them. */
const char *meta_lines_capped(struct arena *a, const GumboNode *root,
                              size_t max_bytes, int max_nodes);
/* Does an element of this tag start a line of its own (a <div>, a <p>,
 * a cell, a <br>)? */
int meta_starts_line(GumboTag t);

/* Number of words the way Readability counts them: the pieces of s split
 * at white space runs, so a leading space counts as an empty word. */
size_t meta_word_count(const char *s);

/* Code points of s. */
size_t meta_utf8_len(const char *s);

/* A list of distinct strings (compared without case), at most cap long. */
struct strlist {
    const char **items;
    size_t n, cap;
};
/* Adds s (arena-owned) unless already there or the list is full.
 * Returns 0, or -1 when out of memory. */
int strlist_add(struct arena *a, struct strlist *l, const char *s);

/* What the byline and visible-text walks (up to six over the same tree)
 * ask of every element, worked out once per element: the bits below, 0
 * until a group is known. */
struct node_memo {
    struct arena *a;
    const GumboNode *root;
    const GumboNode **keys;
    unsigned *bits;
    const char **texts; /* by the slots of bits, made on first use */
    size_t mask, left;
    unsigned shift;
    int failed;
};
enum {
    MEMO_VISIBLE_KNOWN = 1 << 0,
    MEMO_VISIBLE = 1 << 1,      /* meta_visible() */
    MEMO_CLASS_KNOWN = 1 << 2,
    MEMO_UNLIKELY = 1 << 3,     /* Readability drops it as unlikely */
    MEMO_BYLINE = 1 << 4,       /* a byline by its class, id, rel, itemprop */
    MEMO_WRITER = 1 << 5,       /* classed writer, reporter... */
    MEMO_DIALOG = 1 << 6,       /* a modal dialog */
    MEMO_LINE_KNOWN = 1 << 7,
    MEMO_LINE = 1 << 8,         /* its first text may be a byline or date */
    MEMO_COPYRIGHT = 1 << 9,    /* its first text may be a copyright line */
    MEMO_TEXT_KNOWN = 1 << 10,  /* meta_memo_text() holds its first lines */
};
/* The memo of root's tree, empty; nothing to free (the arena holds it). */
void meta_memo_init(struct node_memo *m, struct arena *a,
                    const GumboNode *root);
/* The bits of element n, for reading and setting; NULL when out of
 * memory (or m is NULL): work them out then without keeping them. */
unsigned *meta_memo_at(struct node_memo *m, const GumboNode *n);
/* Where a text of the element whose bits are at slot (as meta_memo_at()
 * gave them) is kept; NULL when out of memory. */
const char **meta_memo_text(struct node_memo *m, const unsigned *slot);
/* The element's bits with the groups of want (MEMO_VISIBLE_KNOWN,
 * MEMO_CLASS_KNOWN) worked out. */
unsigned meta_node_facts(struct node_memo *m, const GumboNode *n,
                         unsigned want);

/* ------------------------------------------------------------ sources */

/* What the page's JSON-LD says.  `title`, `byline` and the fields marked
 * (R) come from the first article object found by Readability's rules
 * (an @context of schema.org, a top-level array or @graph, an article
 * @type), so that titles match what readers show; the rest also from any
 * article object, looked for more widely. */
struct jsonld {
    int found;                 /* Readability's rules found an article */
    const char *title;         /* (R) name or headline, as Readability */
    const char *description;   /* (R) */
    const char *site_name;     /* (R) publisher.name */
    const char *date_published; /* (R) as written */
    const char *date_modified;
    const char *image;
    const char *license;
    const char *lang;          /* inLanguage */
    const char *body;          /* articleBody, line breaks kept */
    struct strlist authors;    /* author names, in order */
    int authors_org;           /* all of them typed as organizations */
    struct strlist tags;       /* keywords */
};

/* Reads the texts of the page's <script type="application/ld+json">
 * (n of them, in document order) into out.  doc_title is Readability's
 * cleaned <title>, for its choice between name and headline. */
void meta_jsonld_read(struct arena *a, const char *const *texts, size_t n,
                      const char *doc_title, struct jsonld *out);

/* The first JSON-LD Product of the texts (as above): its name, and its
 * text: the description with its markup removed, one line per block,
 * then one "Name: value" line per additionalProperty.  Either is NULL
 * when the page has none.  Its facts (meta_product_facts_jsonld) go
 * into facts. */
struct meta_product;
void meta_product_read(struct arena *a, const char *const *texts, size_t n,
                       const char **name, const char **text,
                       struct meta_product *facts);

/* A JSON-LD object's member, and the string (or number, or boolean) a
 * member holds, the first one of an array; NULL when absent. */
struct json_object;
struct json_object *meta_json_get(struct json_object *obj, const char *key);
const char *meta_json_str(struct json_object *obj, const char *key);

/* The facts of a JSON-LD Product object into out: name, brand (a string
 * or a Brand's name), sku, the first offer's price (or lowPrice) and
 * priceCurrency, its availability (InStock, not the schema.org URL), and
 * the aggregateRating's ratingValue and reviewCount (or ratingCount). */
void meta_product_facts_jsonld(struct arena *a, struct json_object *product,
                               struct meta_product *out);

/* Fills the facts still NULL in out from the microdata of the first
 * element whose itemtype is a schema.org Product. */
void meta_product_facts_microdata(struct arena *a, const GumboNode *root,
                                  struct meta_product *out);

/* s as a plain decimal number ("1299.99" for "$1,299.99", "4.5" for
 * " 4.5 "), or NULL when it is none. */
const char *meta_plain_number(struct arena *a, const char *s);

/* Readability's title from <title>: the site name cut off at a separator
 * or colon, or the only <h1> when the title is too long or short.  root is
 * searched for <h1> and <h2> text.  Returns orig when nothing applies. */
const char *meta_title_clean(struct arena *a, const char *orig,
                             const GumboNode *root);

/* The headline a reader sees: the page's first visible <h1> when at least
 * half its words occur in one of the titles (each with the parts naming
 * the site taken off), else the first <h1> that holds most words of the
 * slug of url when no title holds half of them, else fallback with the parts that name the site
 * (one of sites: site names, host names) and a trailing part of three
 * words or fewer cut off at its separators (| - – — · • :: » / ...). */
const char *meta_headline(struct arena *a, const GumboNode *root,
                          const char *const *titles, size_t n_titles,
                          const char *const *sites, size_t n_sites,
                          const char *fallback, const char *url);

/* The words of url's slug, lowercased and separated by spaces: its last
 * path segment with two words or more of letters, past segments of
 * numbers and ids; NULL when the path has none (a segment of one word
 * ends the search: it names a section). */
const char *meta_slug(struct arena *a, const char *url);

/* The share of the slug's words (meta_slug()) that are words of text,
 * from 0 to 1. */
double meta_slug_cover(const char *slug, const char *text);

/* Splits one author string ("By Jane Doe and John Roe") into clean names
 * added to l; what is not a name ("Email the author", "5 minutes ago", a
 * URL, a date) is left out. */
int meta_authors_add(struct arena *a, struct strlist *l, const char *raw);

/* Does meta_authors_add() find a name in raw? */
int meta_names_any(struct arena *a, const char *raw);

/* A member's handle as forums and Q&A sites show it ("paulb203",
 * "sean_g"): one word that starts with a letter, of letters, digits and
 * _ . -, with a digit, and not a date. */
int meta_author_handle(struct arena *a, const char *s);

/* The visible byline, as Readability finds it: the first element, in
 * document order, that rel=author, itemprop=author or a class or id such
 * as "byline" marks, with 1 to 99 characters of text, outside hidden
 * elements and those Readability drops as unlikely content; failing
 * that, the same inside <noscript> (where script-built pages put their
 * posts for crawlers).  NULL when none. */
const char *meta_byline_find(struct arena *a, const GumboNode *root,
                             struct node_memo *m);

/* Readability's visibility test (no display:none, visibility:hidden,
 * hidden or aria-hidden). */
int meta_visible(const GumboNode *n);
/* Writes "class id" (either may be NULL) into out[cap], cut to fit, as
 * snprintf("%s %s") would, at a fraction of its cost per element. */
void meta_class_id(char *out, size_t cap, const char *cls, const char *id);
/* Whether word is one of the white-space separated tokens of list (a
 * class or rel attribute; NULL holds none), in any case. */
int meta_has_token(const char *list, const char *word);

/* What the page's visible text says about its author and date, for pages
 * that mark neither: a short line starting with "By", holding a label
 * such as "作者：", or of the form "Name on 5 March 2024", or an element
 * classed writer or reporter, that gives a name (looked for again, by its
 * label only, where Readability drops content at first, but never in
 * menus, footers, comments or quotations); the first line that is only a
 * date; and the copyright holder.  Fields are NULL when not found. */
struct visible_meta {
    const char *byline;     /* the byline's text */
    const char *byline_date; /* a date inside the first line that reads
                                as a byline, ISO 8601 */
    const char *date_line;  /* the first line that is only a date */
    const char *copyright;  /* the name after "©" or "Copyright" */
    int byline_seen;        /* a line read as a byline, named or not */
};
void meta_visible_scan(struct arena *a, const GumboNode *root,
                       struct node_memo *m, struct visible_meta *out);

/* The date the page shows by its headline: the first short text line
 * holding a date among the text that follows the first visible <h1>
 * (a budget of about a byline block's).  A line labelled as an update
 * ("Updated", "Last modified") goes to *updated, any other stops the
 * walk and goes to *published (*in_time set when it is the text of a
 * <time> element).  Both NULL when none. */
void meta_shown_date(struct arena *a, const GumboNode *root,
                     const char **published, const char **updated,
                     int *in_time);

/* A date written in one of the common ways (ISO 8601, RFC 2822, "March 5,
 * 2024", "5. März 2024", "2024年3月5日", "05.03.2024") as ISO 8601:
 * YYYY-MM-DD, with THH:MM:SS and a zone (Z or +HH:MM) when they were
 * given.  NULL when s is not a date. */
const char *meta_date_iso(struct arena *a, const char *s);

/* Orders two ISO 8601 strings of meta_date_iso() by the instant they name
 * (zones applied; a day without a time is its start): <0, 0 or >0. */
int meta_date_cmp(const char *x, const char *y);

/* Calendar days between the days two ISO strings of meta_date_iso() name
 * as written (times and zones left aside), or -1 when one is NULL. */
long long meta_date_day_gap(const char *x, const char *y);

#endif
