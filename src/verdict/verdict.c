/*
 * The no-article verdict; see verdict.h.  Each reason is a shape that the
 * kept text and the page around it have, measured on the block table and
 * one walk over the tree for what blocks do not record (scripts,
 * <noscript>, empty application roots, text in hidden elements).  The
 * tests are built so that a short real page (a note of three words)
 * stays an article: only the user's --min-chars makes length alone a
 * reason.  It reads what the
 * earlier stages recorded (blocks, signals, scores, metadata), never the
 * tree.
 */
#include "verdict/verdict.h"

#include "blocks/blocks.h"
#include "blocks/signals.h"
#include "refine/refine.h"
#include "words.h"

#include <gumbo.h>

#include <stdint.h>
#include <string.h>
#include <strings.h>

/* A paragraph this long (unlinked characters) is prose, not a teaser
 * (Readability's readerable test starts counting at 140). */
#define PROSE_PARAGRAPH_CHARS 140
/* Linked headings that make a page without prose an index of teasers. */
#define INDEX_MIN_LINKED_HEADINGS 3
/* A consent wall's notice is short; more kept text than this is an
 * article with a banner on top. */
#define CONSENT_MAX_CHARS 1500
/* A JavaScript shell shows at most a "Loading..." or "enable JavaScript"
 * line; the whole body of a real article is longer. */
#define JS_SHELL_MAX_CHARS 200
/* Inline script that makes a near-empty page a script's page: bundles
 * are tens of kilobytes, analytics snippets one or two.  Script alone is
 * no proof (a short note can carry a big bundle), so the page must then
 * show no more than a "Loading..." line. */
#define JS_SHELL_SCRIPT_BYTES 20000
#define JS_SHELL_LOADING_CHARS 40
/* Hidden text that makes a page with no visible text a page all the
 * same, whose text a script or a dialog only hides (React's streamed
 * segments in <div hidden>, a modal's aria-hidden <main>, a product in a
 * display:none wrapper): neither a shell nor a wall.  Hidden menus and
 * templates of a real shell are shorter than a page's worth. */
#define HIDDEN_PAGE_CHARS 1000

struct signals {
    size_t body_chars;     /* characters of every block of the page */
    size_t kept_chars;     /* of the kept blocks */
    size_t consent_kept;   /* of kept blocks inside consent or dialogs, or
                              speaking of cookies */
    size_t consent_all;    /* of all blocks inside consent or dialogs */
};

/* Inside a consent box or a dialog.  The classes of <body> and <html>
 * describe the page's state ("cookies-not-set", a theme's "h-cta"), not a
 * box: the walk stops below them.  It stops at the article or the main
 * content too: a box is small, and an <article class="newsletter-post">
 * or a <main> inside a modal is the page, not a notice over it. */
static int
in_consent(const struct blocks *bs, int e)
{
    for (int depth = 0; e >= 0 && e != bs->body_elem && depth <= 512 &&
                        bs->elems[e].tag != GUMBO_TAG_HTML;
         depth++) {
        uint32_t f = bs->elems[e].flags;
        if (f & (EF_ARTICLE_TAG | EF_ARTICLE_BODY | EF_MAIN_TAG))
            return 0;
        if (f & (EF_CONSENT | EF_DIALOG))
            return 1;
        e = bs->elems[e].parent;
    }
    return 0;
}

/* A notice about cookies asks for agreement; a recipe for cookies does
 * not. */
static int
speaks_of_consent(const char *t)
{
    static const char *const asks[] = {
        "accept", "consent", "privacy", "agree", "akzept", "zustimm",
        "datenschutz", "einwillig", "accepter", "aceptar", "consenti",
        "toestemming", NULL
    };
    if (!words_casestr(t, "cookie"))
        return 0;
    for (int i = 0; asks[i]; i++)
        if (words_casestr(t, asks[i]))
            return 1;
    return 0;
}

static void
block_signals(const struct verdict_input *in, struct signals *s)
{
    const struct blocks *bs = in->bs;
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        int consent = in_consent(bs, b->elem);
        s->body_chars += b->chars;
        if (consent)
            s->consent_all += b->chars;
        if (!in->sc->keep[i])
            continue;
        s->kept_chars += b->chars;
        if (consent || speaks_of_consent(block_text(bs, b)))
            s->consent_kept += b->chars;
    }
}

/* A page of teasers: linked headlines and short blurbs, and no paragraph
 * of prose among what was kept. */
static int
is_index(const struct verdict_input *in)
{
    const struct blocks *bs = in->bs;
    int linked_headings = 0;
    for (int i = 0; i < bs->n_blocks; i++) {
        const struct block *b = &bs->blocks[i];
        if (!in->sc->selected[i])
            continue;
        if (in->sc->keep[i] &&
            b->chars - b->link_chars >= PROSE_PARAGRAPH_CHARS)
            return 0;
        if (b->kind == BK_HEADING && b->link_chars * 2 > b->chars)
            linked_headings++;
    }
    return linked_headings >= INDEX_MIN_LINKED_HEADINGS;
}

/* Does the address or the title say this is a search? */
static int
is_search(const struct verdict_input *in)
{
    static const char *const params[] = {"?q=", "&q=", "?s=", "&s=",
                                         "query=", "search=", "keyword=",
                                         "/search", NULL};
    static const char *const words[] = {
        "search", "suche", "recherche", "buscar", "búsqueda", "ricerca",
        "zoeken", "\xE6\xA4\x9C\xE7\xB4\xA2", "\xE6\x90\x9C\xE7\xB4\xA2",
        NULL
    };
    for (int i = 0; in->url && params[i]; i++)
        if (words_casestr(in->url, params[i]))
            return 1;
    for (int i = 0; in->doc_title && words[i]; i++)
        if (words_casestr(in->doc_title, words[i]))
            return 1;
    return 0;
}

/* The page's text is in the HTML, only hidden: no shell, no wall. */
static int
text_hidden(const struct verdict_input *in)
{
    return in->page->hidden_chars >= HIDDEN_PAGE_CHARS;
}

/* A page with no more than a "Loading..." line, and signs of a script's
 * page: a <noscript> asking for JavaScript, an empty application root,
 * or a bundle of script. */
static int
script_stub(const struct signals *s, const struct verdict_input *in)
{
    if (s->kept_chars >= JS_SHELL_MAX_CHARS ||
        s->body_chars >= JS_SHELL_MAX_CHARS)
        return 0;
    /* Script text the pre-pass removed before parsing, and what the tree
     * still held. */
    size_t script_bytes = in->prepass_script_bytes + in->page->script_bytes;
    return in->page->noscript_js || in->page->empty_root ||
           (script_bytes >= JS_SHELL_SCRIPT_BYTES &&
            s->kept_chars < JS_SHELL_LOADING_CHARS);
}

/* A shell is what lacks the content in the HTML: a stub whose page has
 * a JSON-LD body, or hidden text that a script would show, is none. */
static int
js_shell(const struct signals *s, const struct verdict_input *in)
{
    return script_stub(s, in) && !in->jsonld_body && !text_hidden(in);
}

enum verdict
verdict_judge(const struct verdict_input *in)
{
    size_t text_chars = in->text_chars, min_chars = in->min_chars;
    if (in->jsonld_body && text_chars)
        return text_chars < min_chars ? VERDICT_TOO_SHORT : VERDICT_ARTICLE;
    struct signals s;
    memset(&s, 0, sizeof s);
    block_signals(in, &s);
    if (js_shell(&s, in))
        return VERDICT_JS_SHELL;
    /* The stub of a page whose text is hidden (a script would show it,
     * blocks do not read it): what shows is no text of the page's. */
    if (script_stub(&s, in) && text_hidden(in))
        return VERDICT_EMPTY;
    /* Nothing came out: a wall when consent is most of the page's text,
     * empty when the page has text the blocks left out (hidden behind
     * the banner's modal) or text that is not consent. */
    if (text_chars == 0)
        return s.consent_all * 2 > s.body_chars && !text_hidden(in)
                   ? VERDICT_CONSENT
                   : VERDICT_EMPTY;
    /* What came out is a consent notice: a wall, unless the page's text
     * lies hidden behind the notice's modal (then the banner is all that
     * shows of a page that is there). */
    if (s.kept_chars < CONSENT_MAX_CHARS && s.consent_kept * 2 > s.kept_chars)
        return text_hidden(in) ? VERDICT_EMPTY : VERDICT_CONSENT;
    /* An index is no article, but a listing's or a collection's cards
     * (and a thread's posts...) are the content the page's kind calls
     * for: only a page taken for an article can be a mere index. */
    if ((in->kind == KIND_ARTICLE || in->kind == KIND_OTHER) && is_index(in))
        return is_search(in) ? VERDICT_SEARCH : VERDICT_INDEX;
    /* A site's search results are a listing, of answers to one query
     * rather than the site's own entries: still no content of the page's
     * own. */
    if (in->kind == KIND_LISTING && is_index(in) && is_search(in))
        return VERDICT_SEARCH;
    if (text_chars < min_chars)
        return VERDICT_TOO_SHORT;
    return VERDICT_ARTICLE;
}

const char *
verdict_reason(enum verdict v)
{
    switch (v) {
    case VERDICT_EMPTY: return "empty";
    case VERDICT_TOO_SHORT: return "too-short";
    case VERDICT_INDEX: return "index";
    case VERDICT_SEARCH: return "search-results";
    case VERDICT_CONSENT: return "consent-wall";
    case VERDICT_JS_SHELL: return "javascript-shell";
    default: return NULL;
    }
}

const char *
verdict_message(enum verdict v)
{
    switch (v) {
    case VERDICT_EMPTY: return "the page holds no text";
    case VERDICT_TOO_SHORT: return "less text than --min-chars";
    case VERDICT_INDEX: return "the page is an index of links";
    case VERDICT_SEARCH: return "the page is an index of search results";
    case VERDICT_CONSENT: return "all it shows is a consent wall";
    case VERDICT_JS_SHELL:
        return "a JavaScript shell, the text is built by scripts";
    default: return "";
    }
}
