/*
 * Tag, role, class and id vocabularies; see names.h.  The class/id lists
 * start from Mozilla Readability's (unlikely, okMaybeItsACandidate,
 * positive, negative) and add the boilerplate concepts that trafilatura and
 * resiliparse name (share, related, consent, comments, bylines).
 */
#include "blocks/names.h"

#include "blocks/blocks.h"
#include "dom/dom.h"
#include "words.h"

#include <gumbo.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

/* Class or id that suggest boilerplate (Readability's unlikelyCandidates). */
static const char *const unlikely[] = {
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment",
    "community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
    "legends", "menu", "related", "remark", "replies", "rss",
    "shoutbox", "sidebar", "skyscraper", "social", "sponsor",
    "supplemental", "yom-remote", NULL
};

/* Names that rescue an "unlikely" element (okMaybeItsACandidate). */
static const char *const maybe[] = {
    "and", "article", "body", "column", "content", "main", "mathjax",
    "shadow", NULL
};

/* +25 each for class and id (Readability's positive list). */
static const char *const positive[] = {
    "article", "body", "content", "entry", "hentry", "h-entry", "main",
    "page", "pagination", "post", "text", "blog", "story", NULL
};

/* -25 each (Readability's negative list; "hid" is matched as a word). */
static const char *const negative[] = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
    "footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo",
    "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
    "sponsor", "shopping", "tags", "widget", NULL
};

/* Names of the article body itself (trafilatura's first container tier
 * and common CMS classes). */
static const char *const body_names[] = {
    "article-body", "articlebody", "article_body", "article-content",
    "articlecontent", "article__body", "article__content", "article-text",
    "articletext", "entry-content", "entry-body", "post-content",
    "postcontent", "post-body", "postbody", "post-entry", "post-text",
    "story-body", "storybody", "story-content", "body-text", "bodytext",
    "field-body", "single-content", "text-content", "rich-text",
    "news-content", "news-text", "main-text", NULL
};

static const char *const comment_names[] = {
    "comment", "disqus", "replies", "respond", "reviews", NULL
};
static const char *const bio_names[] = {
    "author-bio", "authorbio", "author_bio", "author-box", "authorbox",
    "author_box", "about-author", "about-the-author", "author-info",
    "author-description", "author-details", "saboxplugin", "post-author",
    "autorenbox", "autor-box", NULL
};
static const char *const notice_names[] = {
    "disclaimer", "disclosure", "copyright", "licence", "license",
    "paywall", "affiliate",
    "-notice", "notice-", NULL
};
static const char *const nav_names[] = {
    "breadcrumb", "pagination", "pager", "skip-link", "skiplink",
    "rating", NULL
};
/* A shop's or a listing's controls: its filters and its sort bar. */
static const char *const control_names[] = {
    "filter", "facet", "sort-by", "sortby", "sort_by", "toolbar", NULL
};
static const char *const caption_names[] = {
    "caption", "credit", "pic-note", "bildunterschrift", NULL
};
static const char *const share_names[] = {
    "share", "sharing", "social", "sociable", "addthis", "shariff",
    "follow-us", NULL
};
static const char *const related_names[] = {
    "related", "recommend", "more-stories", "morestories", "most-popular",
    "mostpopular", "most-read", "mostread", "popular", "trending",
    "teasers",
    "also-read", "read-also", "readalso", "read-next",
    "readnext", "outbrain", "taboola", "more-articles", "more-news",
    "further", "next-article", "prev-next", NULL
};
static const char *const consent_names[] = {
    "cookie", "consent", "gdpr", "newsletter", "subscribe", "signup",
    "sign-up", "onetrust", "privacy-", "cta", NULL
};
static const char *const byline_names[] = {
    "byline", "author", "dateline", "meta", "posted-on", "post-meta", "entry-meta",
    "article-meta", "meta-info", "timestamp", "publish-date", "pubdate",
    "post-date", "article-date", "entry-date", "reading-time",
    "readtime", "read-time", "reading-time", "disclosure", "lecture",
    "lesezeit", NULL
};

static int
matches_any(const char *s, const char *const *words)
{
    return words_any(s, words, 0);
}

/* The lists whose words must start a name or follow a separator
 * ("js-pager" is a pager, "apageroot" is not), with the flag each
 * gives. */
static const struct {
    const char *const *words;
    uint32_t flag;
} start_lists[] = {
    {body_names, EF_ARTICLE_BODY}, {comment_names, EF_COMMENTS},
    {share_names, EF_SHARE}, {related_names, EF_RELATED},
    {consent_names, EF_CONSENT}, {byline_names, EF_BYLINE},
    {caption_names, EF_CAPTION}, {bio_names, EF_BIO},
    {notice_names, EF_NOTICE}, {nav_names, EF_NAV_NAME},
    {control_names, EF_CONTROL_NAME},
};

/* The words of start_lists by their first byte, built once per thread:
 * one pass over a name then tries only the words that start where it
 * stands, where asking list by list (words_any_start()) searched the
 * name once for each.  Lists that outgrow it, or hold a word shorter
 * than two bytes, are asked list by list. */
#define START_WORDS 255

struct start_word {
    const char *word;
    uint8_t len;
    uint8_t next; /* 1 + the next word of the same first byte; 0: none */
    uint32_t flag;
};

struct start_index {
    int built; /* 1, or -1 when the lists do not fit (see above) */
    uint8_t head[256]; /* 1 + the first word of a first byte; 0: none */
    struct start_word w[START_WORDS];
};

static _Thread_local struct start_index start_index;

static const struct start_index *
start_index_get(void)
{
    struct start_index *x = &start_index;
    if (x->built)
        return x->built > 0 ? x : NULL;
    int n = 0;
    for (size_t l = 0; l < sizeof start_lists / sizeof *start_lists; l++)
        for (const char *const *w = start_lists[l].words; *w; w++) {
            if (n == START_WORDS || strlen(*w) < 2) {
                x->built = -1;
                return NULL;
            }
            unsigned char first = (unsigned char)(*w)[0];
            x->w[n].word = *w;
            x->w[n].len = (uint8_t)strlen(*w);
            x->w[n].flag = start_lists[l].flag;
            x->w[n].next = x->head[first];
            x->head[first] = (uint8_t)++n;
        }
    x->built = 1;
    return x;
}

/* The flags of start_lists whose words s holds, each at the start of s,
 * after a space, '-' or '_', or anywhere for a word that starts with '-':
 * what words_any_start() answers list by list.  (It looks on only past
 * the end of an occurrence that does not count; no word of the lists
 * starts over after a separator inside itself, so the answer is the
 * same.) */
static uint32_t
start_flags(const char *s)
{
    const struct start_index *x = start_index_get();
    uint32_t flags = 0;
    if (!x) {
        for (size_t l = 0; l < sizeof start_lists / sizeof *start_lists; l++)
            if (words_any_start(s, start_lists[l].words))
                flags |= start_lists[l].flag;
        return flags;
    }
    for (size_t i = 0; s[i]; i++) {
        char before = i ? s[i - 1] : ' ';
        /* Elsewhere only the words that start with '-' count. */
        if (before != ' ' && before != '-' && before != '_' && s[i] != '-')
            continue;
        for (unsigned k = x->head[(unsigned char)s[i]]; k;
             k = x->w[k - 1].next) {
            const struct start_word *w = &x->w[k - 1];
            /* Every word has a second byte (start_index_get() sees to
             * it): comparing it first saves most calls. */
            if (!(flags & w->flag) && s[i + 1] == w->word[1] &&
                !strncmp(s + i, w->word, w->len))
                flags |= w->flag;
        }
    }
    return flags;
}

/* "hid" as a whole space-separated word. */
static int
has_hid_word(const char *s)
{
    for (const char *p = s; (p = strstr(p, "hid")) != NULL; p += 3)
        if ((p == s || p[-1] == ' ') && (p[3] == ' ' || p[3] == '\0'))
            return 1;
    return 0;
}

static int
weight_of(const char *s)
{
    int w = 0;
    if (!*s)
        return 0;
    if (matches_any(s, negative) || has_hid_word(s))
        w -= 25;
    if (matches_any(s, positive))
        w += 25;
    return w;
}

static void
lower_into(char *out, size_t cap, size_t *pos, const char *s)
{
    for (; *s && *pos + 1 < cap; s++) {
        char c = *s;
        out[(*pos)++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    out[*pos] = '\0';
}

/* Class words that hide a part of the element or hide it on some screens
 * only: "field--label-hidden" (Drupal), "hidden-xs" (Bootstrap), or only
 * what overflows its box: "overflow-hidden", "overflow-x-hidden" and the
 * other overflow utilities of Tailwind and most CSS kits. */
static int
partly_hidden_word(const char *w, size_t len)
{
    /* Tailwind's variants come first: "md:overflow-hidden". */
    const char *v = w;
    for (size_t k = 0; k < len; k++)
        if (w[k] == ':')
            v = w + k + 1;
    size_t vl = len - (size_t)(v - w);
    if (vl > 9 && !strncasecmp(v, "overflow-", 9))
        return 1;
    static const char *const screens[] = {
        "xs", "sm", "md", "lg", "xl", "xxl", "mobile", "tablet",
        "desktop", "print", "phone", NULL
    };
    if (len >= 12 && !strncasecmp(w + len - 12, "label-hidden", 12))
        return 1;
    if (len > 7 && !strncasecmp(w, "hidden-", 7))
        for (int i = 0; screens[i]; i++)
            if (strlen(screens[i]) == len - 7 &&
                !strncasecmp(w + 7, screens[i], len - 7))
                return 1;
    return 0;
}

/* Class words that carry the site's taxonomy or the element's state,
 * not its role: WordPress writes "category-no-newsletter" or
 * "tag-comments" on the article itself, Squarespace "has-comments" (the
 * post has some, further down). */
static int
taxonomy_word(const char *w, size_t len)
{
    static const struct { const char *prefix; size_t len; } prefixes[] = {
        {"category-", 9}, {"tag-", 4}, {"tags-", 5}, {"cat-", 4},
        {"topic-", 6}, {"postid-", 7}, {"term-", 5}, {"has-", 4},
        {"no-", 3}, {"with-", 5}, {"without-", 8}
    };
    /* Every prefix starts with one of these letters, in any case: most
     * words are ruled out by their first. */
    switch ((unsigned char)w[0] | 0x20) {
    case 'c': case 't': case 'p': case 'h': case 'n': case 'w': break;
    default: return 0;
    }
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
        if (len > prefixes[i].len &&
            !strncasecmp(w, prefixes[i].prefix, prefixes[i].len))
            return 1;
    return 0;
}

/* Lowercases the words of a class attribute into out, leaving out the
 * taxonomy words and the words that hide only a part or on some screens. */
static void
class_into(char *out, size_t cap, size_t *pos, const char *s)
{
    while (*s) {
        while (*s == ' ' || *s == '\t' || *s == '\n')
            s++;
        const char *w = s;
        while (*s && *s != ' ' && *s != '\t' && *s != '\n')
            s++;
        size_t len = (size_t)(s - w);
        if (!len || taxonomy_word(w, len) || partly_hidden_word(w, len))
            continue;
        for (size_t i = 0; i < len && *pos + 2 < cap; i++) {
            char c = w[i];
            out[(*pos)++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        if (*pos + 1 < cap)
            out[(*pos)++] = ' ';
        out[*pos] = '\0';
    }
    if (*pos && out[*pos - 1] == ' ')
        out[--*pos] = '\0';
}

/* Overwrites every occurrence of word in s with spaces. */
static void
blank_word(char *s, const char *word)
{
    size_t l = strlen(word);
    for (char *p = s; (p = strstr(p, word)) != NULL; p += l)
        memset(p, ' ', l);
}

static void
flags_from_tag(GumboTag tag, struct elem *e)
{
    switch (tag) {
    case GUMBO_TAG_ARTICLE: e->flags |= EF_ARTICLE_TAG; break;
    case GUMBO_TAG_MAIN: e->flags |= EF_MAIN_TAG; break;
    case GUMBO_TAG_NAV: case GUMBO_TAG_MENU: e->flags |= EF_NAV_TAG; break;
    case GUMBO_TAG_ASIDE: e->flags |= EF_ASIDE_TAG; break;
    case GUMBO_TAG_FOOTER: e->flags |= EF_FOOTER_TAG; break;
    case GUMBO_TAG_HEADER: e->flags |= EF_HEADER_TAG; break;
    case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET:
        e->flags |= EF_FORM_TAG;
        break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_CODE: e->flags |= EF_CODE; break;
    case GUMBO_TAG_NOSCRIPT: e->flags |= EF_NOSCRIPT; break;
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
        e->flags |= EF_FIGURE;
        break;
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
        e->flags |= EF_LIST;
        break;
    default: break;
    }
}

static void
flags_from_role(const char *role, struct elem *e)
{
    if (!role)
        return;
    if (!strcasecmp(role, "article"))
        e->flags |= EF_ARTICLE_TAG;
    else if (!strcasecmp(role, "main"))
        e->flags |= EF_MAIN_TAG;
    else if (!strcasecmp(role, "navigation") || !strcasecmp(role, "menu") ||
             !strcasecmp(role, "menubar") || !strcasecmp(role, "toolbar") ||
             !strcasecmp(role, "search"))
        e->flags |= EF_NAV_TAG;
    else if (!strcasecmp(role, "tablist"))
        e->flags |= EF_NAV_TAG | EF_TABLIST;
    else if (!strcasecmp(role, "complementary"))
        e->flags |= EF_ASIDE_TAG;
    else if (!strcasecmp(role, "contentinfo"))
        e->flags |= EF_FOOTER_TAG;
    else if (!strcasecmp(role, "banner"))
        e->flags |= EF_HEADER_TAG;
    else if (!strcasecmp(role, "dialog") || !strcasecmp(role, "alertdialog"))
        e->flags |= EF_DIALOG;
}

static void classify_names(const char *cls, const char *id,
                           struct elem *e);

/* Pages repeat a few class and id pairs on most of their elements, and
 * what they say depends on them alone: the last results are kept per
 * thread, by the hash of the pair, and checked in full before use.
 * Longer pairs are worked out each time. */
#define NAME_MEMO_SLOTS 512
#define NAME_MEMO_KEY 240

struct name_memo {
    uint32_t hash, flags;
    uint16_t cls_len, id_len;
    int16_t weight;
    char key[NAME_MEMO_KEY];
};

static _Thread_local struct name_memo name_memo[NAME_MEMO_SLOTS];

static void
classify_remembered(const char *cls, const char *id, struct elem *e)
{
    size_t cl = strlen(cls), il = strlen(id);
    struct elem found;
    memset(&found, 0, sizeof found);
    if (cl + il > NAME_MEMO_KEY) {
        classify_names(cls, id, &found);
    } else {
        uint32_t h = words_hash_pair(cls, cl, id, il);
        struct name_memo *m = &name_memo[h % NAME_MEMO_SLOTS];
        if (m->hash == h && m->cls_len == cl && m->id_len == il &&
            !memcmp(m->key, cls, cl) && !memcmp(m->key + cl, id, il)) {
            found.flags = m->flags;
            found.class_weight = m->weight;
        } else {
            classify_names(cls, id, &found);
            m->hash = h;
            m->cls_len = (uint16_t)cl;
            m->id_len = (uint16_t)il;
            memcpy(m->key, cls, cl);
            memcpy(m->key + cl, id, il);
            m->flags = found.flags;
            m->weight = found.class_weight;
        }
    }
    e->flags |= found.flags;
    e->class_weight = found.class_weight;
}

/* The hash of a class list, for telling siblings of one kind: its words
 * without those holding a digit, which number an element rather than
 * say what it is ("comment id-t1_o8n5vbe", "post post-1234"), so that a
 * thread's posts or a grid's cards hash alike.  Never 0 (0 is no class). */
static uint32_t
class_hash(const char *cls)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    const char *p = cls;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
               *p == '\f')
            p++;
        const char *w = p;
        int digit = 0;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' &&
               *p != '\f')
            digit |= *p >= '0' && *p <= '9', p++;
        if (p == w || digit)
            continue;
        for (const char *c = w; c < p; c++)
            h = (h ^ (unsigned char)*c) * 16777619u;
        h = (h ^ ' ') * 16777619u;
    }
    return h ? h : 1;
}

/* Whether a microdata itemtype declares a post of a thread or a comment
 * ("https://schema.org/Comment"): the element is one whatever its
 * class names. */
static int
post_itemtype(const char *it)
{
    static const char *const posts[] = {
        "Comment", "Answer", "Question", "DiscussionForumPosting", NULL
    };
    const char *slash = strrchr(it, '/');
    const char *name = slash ? slash + 1 : it;
    for (int i = 0; posts[i]; i++)
        if (!strcmp(name, posts[i]))
            return 1;
    return 0;
}

void
names_classify(const GumboNode *n, struct elem *e)
{
    flags_from_tag(n->v.element.tag, e);
    static const char *const names[] = {
        "role", "aria-modal", "itemprop", "itemtype", "class", "id"
    };
    const char *v[6];
    dom_attrs(n, names, v, 6);
    const char *role = v[0], *modal = v[1], *itemprop = v[2];
    const char *itemtype = v[3], *cls = v[4], *id = v[5];
    flags_from_role(role, e);
    if (modal && !strcasecmp(modal, "true"))
        e->flags |= EF_DIALOG;
    if (itemprop && strcasestr(itemprop, "articlebody"))
        e->flags |= EF_ARTICLE_BODY;
    if (itemtype && post_itemtype(itemtype))
        e->flags |= EF_POST_TYPE;

    if (cls && *cls)
        e->class_hash = class_hash(cls);
    if (!cls && !id)
        return;
    classify_remembered(cls ? cls : "", id ? id : "", e);
}

/* What an element's class and id say, from them alone.  It writes only
 * e->flags (bits it adds) and e->class_weight: classify_remembered()
 * keeps those two. */
static void
classify_names(const char *cls, const char *id, struct elem *e)
{
    char c[256], i[128], both[384];
    size_t cp = 0, ip = 0, bp = 0;
    c[0] = i[0] = both[0] = '\0';
    if (cls)
        class_into(c, sizeof c, &cp, cls);
    if (id)
        lower_into(i, sizeof i, &ip, id);
    lower_into(both, sizeof both, &bp, c);
    lower_into(both, sizeof both, &bp, " ");
    lower_into(both, sizeof both, &bp, i);

    /* "commentary" is an article genre (an opinion piece), not a comment
     * section: blank it out before the lists that look for "comment". */
    blank_word(c, "commentary");
    blank_word(i, "commentary");
    blank_word(both, "commentary");
    int w = weight_of(c) + weight_of(i);
    e->class_weight = (int16_t)w;
    if (w < 0 && (strstr(both, "hidden") || has_hid_word(both)))
        e->flags |= EF_HIDDEN_NAME;
    /* Readability's list has "header" too; it is kept apart because an
     * article's own header (title, standfirst) is no page header. */
    if (!matches_any(both, maybe)) {
        if (matches_any(both, unlikely))
            e->flags |= EF_UNLIKELY;
        else if (strstr(both, "header"))
            e->flags |= EF_UNLIKELY | EF_HEADER_NAME;
    }
    e->flags |= start_flags(both);
}

int
names_screen_reader_only(const char *cls)
{
    static const struct { const char *word; size_t len; } sr[] = {
        {"sr-only", 7}, {"screen-reader-text", 18}, {"visually-hidden", 15},
        {"visuallyhidden", 14}, {"screenreader-only", 17},
        {"element-invisible", 17}, {"a11y-hidden", 11}
    };
    for (const char *p = cls; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n')
            p++;
        size_t len = (size_t)(p - start);
        /* Every word starts with one of these letters, in any case. */
        unsigned char c = (unsigned char)*start | 0x20;
        if (len < 7 || (c != 's' && c != 'v' && c != 'e' && c != 'a'))
            continue;
        for (size_t k = 0; k < sizeof sr / sizeof *sr; k++)
            if (sr[k].len == len && !strncasecmp(start, sr[k].word, len))
                return 1;
    }
    return 0;
}
