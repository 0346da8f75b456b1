/*
 * Authors: splitting a byline into clean names, and finding the visible
 * byline as Mozilla Readability does.  A name list must hold names only:
 * "By", "Email the author", "5 minutes ago", a profile URL or a date are
 * what bylines carry around names, and are left out here.
 */
#include "meta/meta_parts.h"

#include "arena.h"
#include "dom/dom.h"
#include "limits.h"
#include "words.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Readability's byline length bound: longer "bylines" are paragraphs. */
#define BYLINE_MAX_CHARS 100
/* Bytes and nodes read of a byline candidate before it counts as too
 * long (100 characters of UTF-8 are at most 400 bytes; icons and spans
 * around a name take a few dozen nodes). */
#define BYLINE_MAX_BYTES 400
#define BYLINE_MAX_NODES 256
/* A name of more words than this is a sentence. */
#define NAME_MAX_WORDS 10
/* How far up Readability looks for a <table> or <code> ancestor that
 * protects an element from being dropped as unlikely content. */
#define UNLIKELY_ANCESTOR_DEPTH 4

/* ------------------------------------------------------------ names */

/* Words that introduce names ("By Jane Doe", "Par Jean Dupont"). */
static const char *const by_words[] = {
    "written by", "authored by", "posted by", "words by", "story by",
    "text by",
    "reported by", "by", "von", "par", "por", "door", "di", "av", "af",
    "autor", "author", "text", NULL
};

/* Phrases that are never part of a name: links and labels around
 * bylines, relative times. */
static const char *const not_names[] = {
    "email", "e-mail", "follow", " ago", "minutes", "hours", "updated",
    "published", "posted on", "read more", "comment", "subscribe",
    "sign up", "log in", "share", "print", "view all", "more from",
    "profile", "http:", "https:", "www.", NULL
};

static int
word_prefix(const char *s, const char *w)
{
    size_t l = strlen(w);
    return strncasecmp(s, w, l) == 0 &&
           (s[l] == ' ' || s[l] == ':' || s[l] == '\0');
}

/* s without a leading "By" word and the punctuation after it. */
static const char *
skip_by(const char *s)
{
    for (int i = 0; by_words[i]; i++) {
        if (word_prefix(s, by_words[i])) {
            const char *p = s + strlen(by_words[i]);
            while (*p == ' ' || *p == ':' || *p == '-')
                p++;
            return p;
        }
    }
    return s;
}

/* Labels that sit where a name would and name no one: a byline box's
 * heading, a role, a log-in link beside a forum post. */
static const char *const labels_alone[] = {
    "about the author", "about the authors", "the author", "author",
    "authors", "topic author", "writer", "editor", "posted", "sign in",
    "admin", "administrator", "guest", "anonymous", "unknown", NULL
};

/* A template's placeholder left unfilled ("page.head.extra.author"):
 * words joined by dots, and no space. */
static int
placeholder(const char *s)
{
    const char *dot = strchr(s, '.');
    return !strchr(s, ' ') && dot && strchr(dot + 1, '.');
}

/* See meta_parts.h: its digits are part of the name, where a byline's
 * digits are a date glued to it. */
int
meta_author_handle(struct arena *a, const char *s)
{
    int letters = 0, digits = 0;
    if (!isalpha((unsigned char)s[0]))
        return 0;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isdigit(c))
            digits++;
        else if (isalpha(c) || c >= 0x80)
            letters++;
        else if (!strchr("_.-", c))
            return 0;
    }
    return digits && letters >= 2 && !meta_date_iso(a, s);
}

static int
looks_like_name(struct arena *a, const char *s)
{
    size_t len = strlen(s), digits = 0;
    if (!len || len >= BYLINE_MAX_CHARS || s[0] == '@' ||
        meta_word_count(s) > NAME_MAX_WORDS || placeholder(s))
        return 0;
    for (int i = 0; labels_alone[i]; i++)
        if (!strcasecmp(s, labels_alone[i]))
            return 0;
    /* "Jane says": a comment's heading, not the page's byline. */
    if (len > 5 && !strcasecmp(s + len - 5, " says"))
        return 0;
    for (int i = 0; not_names[i]; i++)
        if (strcasestr(s, not_names[i]))
            return 0;
    if (strchr(s, '@'))
        return 0; /* an address or a handle */
    if (strchr(s, '*'))
        return 0; /* a form's label: "Name *" */
    for (const char *p = s; *p; p++)
        digits += isdigit((unsigned char)*p) != 0;
    if ((digits && !meta_author_handle(a, s)) || meta_date_iso(a, s))
        return 0;
    return 1;
}

/* s with parenthesized parts that hold a URL or address taken out:
 * "Jane Doe (https://jane.example/)". */
static const char *
drop_link_parens(struct arena *a, const char *s)
{
    const char *open = strchr(s, '(');
    const char *close = open ? strchr(open, ')') : NULL;
    if (!close)
        return s;
    size_t inner = (size_t)(close - open);
    const char *u = memmem(open, inner, "://", 3);
    if (!u && !memchr(open, '@', inner) && !memmem(open, inner, "www.", 4))
        return s;
    char *r = arena_alloc(a, strlen(s) + 1);
    if (!r)
        return s;
    size_t head = (size_t)(open - s);
    memcpy(r, s, head);
    strcpy(r + head, close + 1);
    return meta_clean_str(a, r);
}

/* Separators between names.  Splitting happens only when every piece has
 * two words or more, so "Jong, Michiel de" and "Brenda Goodman, MA" stay
 * whole while "Jane Doe and John Roe" splits. */
static const char *const name_seps[] = {
    ", and ", " and ", " & ", ", ", "; ", " und ", " et ", " y ", " e ",
    " og ", " en ", " i ", NULL
};

static size_t
sep_at(const char *s)
{
    for (int i = 0; name_seps[i]; i++) {
        size_t l = strlen(name_seps[i]);
        if (strncasecmp(s, name_seps[i], l) == 0)
            return l;
    }
    /* 、 and ， separate names that have no spaces (CJK). */
    if (!strncmp(s, "\xE3\x80\x81", 3) || !strncmp(s, "\xEF\xBC\x8C", 3))
        return 3;
    return 0;
}

/* Words of s[0..len). */
static size_t
words_in(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return n;
}

/* A name cut before a date glued to it: "Jane Doe March 5, 2024" and
 * "Jane Doe22 Dec 2016" are Jane Doe.  Cuts at the first digit, then drops
 * month names left at the end.  Names hold no digits. */
static const char *
cut_date(struct arena *a, const char *name)
{
    const char *d = name;
    while (*d && !isdigit((unsigned char)*d))
        d++;
    if (!*d)
        return name;
    size_t n = (size_t)(d - name);
    for (;;) {
        while (n && strchr(" ,.:;-|", name[n - 1]))
            n--;
        size_t w = n;
        while (w && name[w - 1] != ' ')
            w--;
        char word[16];
        size_t wl = n - w;
        if (!wl || wl >= sizeof word)
            break;
        memcpy(word, name + w, wl);
        word[wl] = '\0';
        char probe[40];
        snprintf(probe, sizeof probe, "%s 1 2000", word);
        /* A month name, or a short lowercase word ("on", "at", "le")
         * that led to the date. */
        int joiner = wl <= 3 && word[0] >= 'a' && word[0] <= 'z';
        if (!joiner && !meta_date_iso(a, probe))
            break;
        n = w;
    }
    /* What is left of "jdoe42" is a handle's stem, not a name. */
    return words_in(name, n) >= 2 ? meta_clean(a, name, n) : NULL;
}

static int
add_one(struct arena *a, struct strlist *l, const char *s, size_t len)
{
    const char *name = meta_clean(a, s, len);
    if (!name)
        return 0;
    name = skip_by(name);
    if (!meta_author_handle(a, name))
        name = cut_date(a, name);
    if (!name)
        return 0;
    /* Trailing punctuation of a cut byline: "Jane Doe," "Jane Doe |". */
    size_t n = strlen(name);
    while (n && strchr(",;:|-", name[n - 1]))
        n--;
    name = meta_clean(a, name, n);
    if (!name || !looks_like_name(a, name))
        return 0;
    return strlist_add(a, l, name);
}

/* Marks that part a byline into pieces whatever they hold ("Jane Doe •
 * 8h", "Jane Doe | Staff"): each piece must pass as a name on its own. */
static size_t
hard_sep_at(const char *s)
{
    static const char *const seps[] = {" \xE2\x80\xA2 ", " | ", " \xC2\xB7 ",
                                       "\xE2\x80\xA2", "|", NULL};
    for (int i = 0; seps[i]; i++)
        if (!strncmp(s, seps[i], strlen(seps[i])))
            return strlen(seps[i]);
    return 0;
}


/* Adds the names of one piece of a byline (no hard separator in it). */
static int
add_piece(struct arena *a, struct strlist *l, const char *s)
{
    s = drop_link_parens(a, skip_by(s));
    if (!s)
        return 0;
    /* The pieces between separators; s stays whole unless every piece is
     * a name of two words or more (or a CJK name, which has no spaces). */
    const char *start[PITH_MAX_AUTHORS];
    size_t len[PITH_MAX_AUTHORS], n = 0, prev_sl = 0;
    int whole = 0;
    const char *st = s;
    for (const char *p = s; ; p++) {
        size_t sl = *p ? sep_at(p) : 0;
        if (*p && !sl)
            continue;
        if (n == PITH_MAX_AUTHORS) {
            whole = 1;
            break;
        }
        start[n] = st;
        len[n] = (size_t)(p - st);
        if (sl != 3 && prev_sl != 3 && words_in(st, len[n]) < 2)
            whole = 1;
        n++;
        if (!*p)
            break;
        prev_sl = sl;
        st = p + sl;
        p += sl - 1;
    }
    if (whole || n < 2)
        return add_one(a, l, s, strlen(s));
    for (size_t i = 0; i < n; i++)
        if (add_one(a, l, start[i], len[i]))
            return -1;
    return 0;
}

int
meta_authors_add(struct arena *a, struct strlist *l, const char *raw)
{
    const char *s = raw ? meta_clean_str(a, raw) : NULL;
    while (s && *s) {
        const char *p = s;
        size_t hl = 0;
        while (*p && !(hl = hard_sep_at(p)))
            p++;
        const char *piece = meta_clean(a, s, (size_t)(p - s));
        if (piece && add_piece(a, l, piece))
            return -1;
        s = *p ? p + hl : NULL;
    }
    return 0;
}

/* ------------------------------------------------------------ byline */

/* Readability's _isProbablyVisible. */
int
meta_visible(const GumboNode *n)
{
    static const char *const names[] = {
        "class", "aria-hidden", "style", "hidden"
    };
    const char *v[4];
    dom_attrs(n, names, v, 4);
    const char *cls = v[0], *ah = v[1], *style = v[2];
    int hidden = v[3] != NULL;
    return !dom_style_hides(style) && !hidden &&
           !(ah && !strcmp(ah, "true") &&
             !(cls && strstr(cls, "fallback-image")));
}

static int
matches_any(const char *s, const char *const *words)
{
    return words_any(s, words, 1);
}

/* What an element's class and id strings alone say, as bits: class_facts()
 * below adds what the element itself says. */
enum {
    WORDS_UNLIKELY = 1 << 0, /* unlikely_words() */
    WORDS_WRITER = 1 << 1,   /* writer_class() */
    WORDS_BYLINE = 1 << 2,   /* a byline's word anywhere */
    WORDS_MEMBER = 1 << 3    /* a forum member's name at a word's start */
};

/* Readability's unlikelyCandidates and okMaybeItsACandidate patterns:
 * does the class and id string match name the element unlikely? */
static int
unlikely_words(const char *match)
{
    static const char *const bad[] = {
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment",
        "community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
        "header", "legends", "menu", "related", "remark", "replies", "rss",
        "shoutbox", "sidebar", "skyscraper", "social", "sponsor",
        "supplemental", "ad-break", "agegate", "pagination", "pager",
        "popup", "yom-remote", NULL
    };
    static const char *const ok[] = {
        "and", "article", "body", "column", "content", "main", "mathjax",
        "shadow", NULL
    };
    return matches_any(match, bad) && !matches_any(match, ok);
}

/* Readability's unlikely candidates and roles: what it drops, with
 * everything inside, before it looks further for a byline.  role: the
 * element's, or NULL; words: what unlikely_words() says of its class and
 * id. */
static int
unlikely(const GumboNode *n, const char *role, int words)
{
    static const char *const roles[] = {
        "menu", "menubar", "complementary", "navigation", "alert",
        "alertdialog", "dialog", NULL
    };
    for (int i = 0; role && roles[i]; i++)
        if (!strcmp(role, roles[i]))
            return 1;
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_A || !words)
        return 0;
    const GumboNode *p = n->parent;
    for (int d = 0; p && p->type == GUMBO_NODE_ELEMENT &&
                    d < UNLIKELY_ANCESTOR_DEPTH; d++, p = p->parent)
        if (p->v.element.tag == GUMBO_TAG_TABLE ||
            p->v.element.tag == GUMBO_TAG_CODE)
            return 0;
    return 1;
}

/* Is n inside a comment or reply, as its ancestors' classes and ids say
 * (a commenter's username is not the page's author)? */
static int
in_comments(const GumboNode *n)
{
    static const char *const words[] = {"comment", "repl", NULL};
    char match[512];
    for (const GumboNode *p = n->parent; p && p->type == GUMBO_NODE_ELEMENT;
         p = p->parent) {
        meta_class_id(match, sizeof match, dom_attr(p, "class"),
                      dom_attr(p, "id"));
        if (matches_any(match, words))
            return 1;
    }
    return 0;
}

/* What the class and id string match says of a byline: WORDS_BYLINE,
 * WORDS_MEMBER. */
static unsigned
byline_words(const char *match)
{
    static const char *const words[] = {
        "byline", "author", "dateline", "writtenby", "p-author", NULL
    };
    /* A forum post's header names its member: class="username",
     * "bigusername", "PostUser-name"; as a class word's start only
     * (not "runasusername"). */
    static const char *const members[] = {
        "username", "bigusername", "postuser", "PostUser", NULL
    };
    return (matches_any(match, words) ? WORDS_BYLINE : 0) |
           (words_any_start(match, members) ? WORDS_MEMBER : 0);
}

/* words: what the element's class and id say (WORDS_*); rel and ip its
 * rel and itemprop attributes, or NULL. */
static int
is_byline(const GumboNode *n, unsigned words, const char *rel,
          const char *ip)
{
    return (rel && !strcmp(rel, "author")) || (ip && strstr(ip, "author")) ||
           (words & WORDS_BYLINE) ||
           ((words & WORDS_MEMBER) && !in_comments(n));
}

/* Does a link point at an author's page (rel=author, /author/...)? */
static int
author_link(const GumboNode *n)
{
    static const char *const paths[] = {"/author", "/profile", "/people/",
                                        "/staff/", "/journalist", NULL};
    if (n->type != GUMBO_NODE_ELEMENT || n->v.element.tag != GUMBO_TAG_A)
        return 0;
    const char *rel = dom_attr(n, "rel"), *href = dom_attr(n, "href");
    return (rel && strstr(rel, "author")) || (href && matches_any(href, paths));
}

/* The byline's text: of a descendant marked itemprop=name when there is
 * one (Readability; a <meta> one's value is its content, as microdata
 * reads it), else of its links to author pages (what a byline says
 * around them is a "By", a date or a job title), else of the element. */
static const char *
byline_text(struct arena *a, const GumboNode *n)
{
    for (const GumboNode *d = n; d; d = dom_next(n, d, dom_unread(d))) {
        const char *ip = d->type == GUMBO_NODE_ELEMENT
                             ? dom_attr(d, "itemprop") : NULL;
        if (d == n || !ip || !strstr(ip, "name"))
            continue;
        if (d->v.element.tag == GUMBO_TAG_META) {
            const char *c = meta_clean_str(a, dom_attr(d, "content"));
            if (c)
                return c;
            continue;
        }
        return meta_node_text(a, d);
    }
    char names[BYLINE_MAX_CHARS * 2];
    size_t len = 0;
    for (const GumboNode *d = n; d; ) {
        int link = author_link(d);
        const char *t = link ? meta_node_text(a, d) : NULL;
        if (t && len + strlen(t) + 6 < sizeof names) {
            len += (size_t)snprintf(names + len, sizeof names - len, "%s%s",
                                    len ? " and " : "", t);
        }
        d = dom_next(n, d, link);
    }
    return len ? meta_clean(a, names, len) : meta_node_lines(a, n);
}

int
meta_names_any(struct arena *a, const char *text)
{
    struct strlist l = {NULL, 0, 1};
    return !meta_authors_add(a, &l, text) && l.n;
}

/* Does a word of the class name one of words, whole or as a part
 * between - and _ ("post-autor", "writer_name"; not "autorefs")? */
static int
class_has(const char *cls, const char *const *words)
{
    for (const char *p = cls; p && *p; ) {
        size_t tl = strcspn(p, " \t\n");
        for (int i = 0; words[i]; i++) {
            size_t wl = strlen(words[i]);
            for (const char *at = p; at + wl <= p + tl; at++) {
                if (strncasecmp(at, words[i], wl))
                    continue;
                char before = at == p ? '-' : at[-1];
                char after = at + wl == p + tl ? '-' : at[wl];
                if ((before == '-' || before == '_') &&
                    (after == '-' || after == '_'))
                    return 1;
            }
        }
        p += tl;
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
    }
    return 0;
}

/* Classed writer, reporter...: where the visible-text scan looks for a
 * name when no byline class marks one. */
static int
writer_class(const char *cls, const char *match, size_t cap)
{
    static const char *const writer_classes[] = {"writer", "reporter",
                                                 "journalist", "autor", NULL};
    if (!cls)
        return 0;
    /* match starts with the whole class when it fits: a class holding a
     * word holds it as a substring, none in match is none in the class,
     * and match's scan is the one the lists before it made. */
    if (strlen(cls) < cap && !words_any(match, writer_classes, 1))
        return 0;
    return class_has(cls, writer_classes);
}

/* What the class and id strings alone say (WORDS_*).  Pages repeat a
 * few class and id pairs on most of their elements: the last results are
 * kept per thread, by the hash of the pair, and checked in full before
 * use.  Longer pairs are worked out each time. */
#define WORDS_MEMO_SLOTS 512
#define WORDS_MEMO_KEY 240

struct words_memo {
    uint32_t hash;
    uint16_t cls_len, id_len;
    unsigned bits;
    char key[WORDS_MEMO_KEY];
};

static _Thread_local struct words_memo words_memo[WORDS_MEMO_SLOTS];

static unsigned
words_of(const char *cls, const char *id)
{
    char match[512];
    meta_class_id(match, sizeof match, cls, id);
    return (unlikely_words(match) ? WORDS_UNLIKELY : 0) |
           (writer_class(cls, match, sizeof match) ? WORDS_WRITER : 0) |
           byline_words(match);
}

static unsigned
words_remembered(const char *cls, const char *id)
{
    /* A missing class and an empty one read alike (meta_class_id() and
     * writer_class() see no word in either), and so do ids. */
    if (!cls)
        cls = "";
    if (!id)
        id = "";
    size_t cl = strlen(cls), il = strlen(id);
    if (cl + il > WORDS_MEMO_KEY)
        return words_of(cls, id);
    uint32_t h = words_hash_pair(cls, cl, id, il);
    struct words_memo *m = &words_memo[h % WORDS_MEMO_SLOTS];
    if (m->hash == h && m->cls_len == cl && m->id_len == il &&
        !memcmp(m->key, cls, cl) && !memcmp(m->key + cl, id, il))
        return m->bits;
    unsigned bits = words_of(cls, id);
    m->hash = h;
    m->cls_len = (uint16_t)cl;
    m->id_len = (uint16_t)il;
    memcpy(m->key, cls, cl);
    memcpy(m->key + cl, id, il);
    m->bits = bits;
    return bits;
}

static unsigned
class_facts(const GumboNode *n)
{
    /* What is read of every element, in one pass over its attributes. */
    static const char *const names[] = {"class", "id", "aria-modal", "role",
                                        "rel", "itemprop"};
    const char *v[6];
    dom_attrs(n, names, v, 6);
    const char *cls = v[0], *id = v[1], *modal = v[2], *role = v[3];
    unsigned w = words_remembered(cls, id);
    unsigned b = MEMO_CLASS_KNOWN;
    if (unlikely(n, role, (w & WORDS_UNLIKELY) != 0))
        b |= MEMO_UNLIKELY;
    if (w & WORDS_WRITER)
        b |= MEMO_WRITER;
    if (is_byline(n, w, v[4], v[5]))
        b |= MEMO_BYLINE;
    if (modal && !strcmp(modal, "true") && role && !strcmp(role, "dialog"))
        b |= MEMO_DIALOG;
    return b;
}

unsigned
meta_node_facts(struct node_memo *m, const GumboNode *n, unsigned want)
{
    unsigned local = 0, *b = meta_memo_at(m, n);
    if (!b)
        b = &local;
    if ((want & MEMO_VISIBLE_KNOWN) && !(*b & MEMO_VISIBLE_KNOWN))
        *b |= MEMO_VISIBLE_KNOWN | (meta_visible(n) ? MEMO_VISIBLE : 0);
    if ((want & MEMO_CLASS_KNOWN) && !(*b & MEMO_CLASS_KNOWN))
        *b |= class_facts(n);
    return *b;
}

static const char *
byline_walk(struct arena *a, const GumboNode *root, struct node_memo *m,
            int strip_unlikely, int in_noscript)
{
    for (const GumboNode *n = root; n; ) {
        int skip = 0;
        if (n->type == GUMBO_NODE_ELEMENT) {
            GumboTag t = n->v.element.tag;
            unsigned f = 0;
            /* A form's fields are never a byline ("If you are a human,
             * ignore this field" by a username input). */
            if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE ||
                (t == GUMBO_TAG_NOSCRIPT && !in_noscript) ||
                t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_FORM ||
                t == GUMBO_TAG_LABEL ||
                !((f = meta_node_facts(m, n, MEMO_VISIBLE_KNOWN |
                                                 MEMO_CLASS_KNOWN)) &
                  MEMO_VISIBLE) ||
                (f & MEMO_DIALOG)) {
                skip = 1;
            } else if (f & MEMO_BYLINE) {
                /* Only a short subtree can be a byline: reading more of
                 * nested candidates would be quadratic. */
                const char *text = meta_text_capped(a, n, BYLINE_MAX_BYTES,
                                                    BYLINE_MAX_NODES);
                if (text)
                    text = byline_text(a, n);
                /* An empty or overlong one is no byline, nor one that
                 * holds no name ("By Jane Doe Published on July 18" read
                 * as one line), and the walk goes on inside it. */
                if (text && meta_utf8_len(text) < BYLINE_MAX_CHARS &&
                    meta_names_any(a, text))
                    return text;
            }
            if (!skip && strip_unlikely && (f & MEMO_UNLIKELY))
                skip = 1;
        }
        n = dom_next(root, n, skip);
    }
    return NULL;
}

const char *
meta_byline_find(struct arena *a, const GumboNode *root, struct node_memo *m)
{
    /* Readability drops unlikely content on its first pass and keeps it on
     * the later ones, which run when the first found too little text: a
     * byline inside a page header is found then. */
    const char *b = byline_walk(a, root, m, 1, 0);
    if (!b)
        b = byline_walk(a, root, m, 0, 0);
    /* Pages built by scripts (forums above all) give crawlers their posts
     * inside <noscript>, where Readability, reading as a browser with
     * scripts on, never looks; the first post's author is there. */
    return b ? b : byline_walk(a, root, m, 0, 1);
}
