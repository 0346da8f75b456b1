/*
 * Tree -> the page's metadata: title, author, dates, site, language,
 * canonical URL, and the article body that JSON-LD may carry.  Sources in
 * order of trust: JSON-LD, then Open Graph / Twitter / Dublin Core meta
 * tags, then the document (<title>, <h1>, <html lang>).  Strings live in
 * the document's arena and are whitespace-collapsed UTF-8.
 */
#ifndef PITH_META_H
#define PITH_META_H

struct arena;
struct GumboInternalOutput;

struct meta {
    const char *title;
    const char *doc_title;     /* the <title> element as written */
    const char *jsonld_title;  /* headline of a JSON-LD article */
    const char *jsonld_body;   /* articleBody of a JSON-LD article */
    const char *lang;
    const char *canonical_url;
};

/* Reads the metadata of a parsed page.  Returns 0, or -1 when out of
 * memory. */
int meta_read(struct arena *a, const struct GumboInternalOutput *doc,
              struct meta *out);

#endif
