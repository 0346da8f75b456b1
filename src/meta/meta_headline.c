/*
 * The headline a reader sees above the text (see meta_parts.h).  Titles
 * in metadata carry the site's name and a section beside the headline
 * ("What is Cloud Computing? | Example Cloud"); the page's first <h1>
 * usually is the headline alone.  So the <h1> wins when the metadata's
 * titles, their site names taken off, share most of its words (an <h1>
 * that is the site's logo or a section name shares none); failing that,
 * the <h1> holding most words of the URL's slug where no title holds
 * half of them; otherwise the title is cut at its separators and the
 * parts that name the site or a number alone, or trail it in a few
 * words, go; shown, it also ends at a pipe.  An <h1>
 * naming the manual or blog that ends every title of the site is a
 * banner like a logo; a forum's prefix tag or a "Thread:" label in the
 * <h1> is no part of the headline, nor are a <time> beside it, a tagline
 * run into it and the source an aggregator names after it.
 */
#include "meta/meta_parts.h"

#include "arena.h"
#include "dom/dom.h"

#include <string.h>

/* Parts of a title between separators; more are a breadcrumb trail. */
#define MAX_SEGMENTS 16
/* Words compared per string: a headline is shorter. */
#define MAX_WORDS 64
/* An <h1> longer than this is a paragraph set large, not a headline. */
#define H1_MAX_BYTES 300
/* Nodes of an <h1> read. */
#define H1_MAX_NODES 256
/* Folded bytes of a site name or title part compared. */
#define FOLD_BYTES 256
/* A trailing part of this many words or fewer is a tagline or a section
 * ("| Opinion", "- Top 19 Companies") when the rest has at least
 * HEADLINE_MIN_WORDS words. */
#define TRAILER_MAX_WORDS 3
#define HEADLINE_MIN_WORDS 3
/* Site names taken (meta.c's site_names() gives five). */
#define MAX_SITES 8
/* Words of a label before a headline in its <h1>. */
#define LABEL_MAX_WORDS 2
/* Parts before a pipe that may be a headline; more are a trail of names
 * (a story's, its chapter's, its author's) that the pipe does not end. */
#define PIPED_MAX_PARTS 2
/* An <h1> holding this share of the slug's words is the headline it was
 * published under, when no title holds SLUG_TITLE_MAX of them. */
#define SLUG_H1_MIN 0.6
#define SLUG_TITLE_MAX 0.5

struct span {
    const char *s;
    size_t len;
};

/* Bytes of a separator followed by a space at s, or 0:
 * | - – — · • :: » « / \ ~ > */
static size_t
separator_at(const char *s)
{
    static const char *const seps[] = {
        "|", "-", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7",
        "\xE2\x80\xA2", "::", "\xC2\xBB", "\xC2\xAB", "/", "\\", "~", ">",
        NULL
    };
    for (int k = 0; seps[k]; k++) {
        size_t l = strlen(seps[k]);
        if (strncmp(s, seps[k], l) == 0 && s[l] == ' ')
            return l + 1;
    }
    return 0;
}

/* Bytes of a separator with a space on each side at s, or 0. */
static size_t
spaced_separator(const char *s)
{
    size_t l = s[0] == ' ' ? separator_at(s + 1) : 0;
    return l ? l + 1 : 0;
}

static size_t
split(const char *t, struct span *segs)
{
    size_t n = 0, start = 0, i = 0;
    while (t[i] && n < MAX_SEGMENTS - 1) {
        size_t l = spaced_separator(t + i);
        /* Between two numbers it is a range: "2024 - 2025", "9 / 10". */
        if (!l || (i && t[i - 1] >= '0' && t[i - 1] <= '9' &&
                   t[i + l] >= '0' && t[i + l] <= '9')) {
            i++;
            continue;
        }
        segs[n++] = (struct span){t + start, i - start};
        i += l;
        start = i;
    }
    segs[n++] = (struct span){t + start, strlen(t + start)};
    return n;
}

static int
word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

static unsigned char
lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* The words of s[0..len): runs of letters and digits (any byte past
 * ASCII counts as a letter). */
static size_t
words_of(const char *s, size_t len, struct span *w)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < MAX_WORDS;) {
        if (!word_byte((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && word_byte((unsigned char)s[j]))
            j++;
        w[n++] = (struct span){s + i, j - i};
        i = j;
    }
    return n;
}

static int
same_word(struct span x, struct span y)
{
    if (x.len != y.len)
        return 0;
    for (size_t i = 0; i < x.len; i++)
        if (lower((unsigned char)x.s[i]) != lower((unsigned char)y.s[i]))
            return 0;
    return 1;
}

/* Letters and digits of s[0..len), lowercased, into out (cut to fit). */
static size_t
fold(const char *s, size_t len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < FOLD_BYTES - 1; i++)
        if (word_byte((unsigned char)s[i]))
            out[n++] = (char)lower((unsigned char)s[i]);
    out[n] = '\0';
    return n;
}

/* Does a title part name the site: the same letters as a site name, a
 * site name with a word around it ("Example News Online"), or a piece of
 * one? */
static int
names_site(struct span seg, const char *const *sites, size_t n_sites)
{
    char fs[FOLD_BYTES], fn[FOLD_BYTES];
    struct span w[MAX_WORDS];
    size_t ls = fold(seg.s, seg.len, fs);
    size_t seg_words = words_of(seg.s, seg.len, w);
    if (!ls)
        return 0;
    for (size_t i = 0; i < n_sites; i++) {
        if (!sites[i] || !*sites[i])
            continue;
        size_t ln = fold(sites[i], strlen(sites[i]), fn);
        if (!ln)
            continue;
        size_t site_words = words_of(sites[i], strlen(sites[i]), w);
        if (!strcmp(fs, fn) ||
            (strstr(fs, fn) && seg_words <= site_words + 1) ||
            (ls >= 3 && strstr(fn, fs)))
            return 1;
    }
    return 0;
}

static size_t
span_words(struct span s)
{
    struct span w[MAX_WORDS];
    return words_of(s.s, s.len, w);
}

/* The separator after a segment that split() cut. */
static const char *
separator_after(struct span seg)
{
    return seg.s + seg.len + 1;
}

/* Is abbr one word of the initials of the words of full ("GNW" of
 * "Gaming News Weekly")? */
static int
initials_of(struct span abbr, struct span full)
{
    struct span w[MAX_WORDS];
    size_t n = words_of(full.s, full.len, w);
    if (n < 2 || n != abbr.len || span_words(abbr) != 1)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)abbr.s[i];
        if (lower(c) != lower((unsigned char)w[i].s[0]))
            return 0;
    }
    return 1;
}

/* Of segs[first..*n), the parts a title shows: up to the first pipe (a
 * headline may hold a dash or a colon, hardly ever a pipe, so what
 * follows one is a section or a tagline that the site's names did not
 * cover: "IAM overview | Identity and Access Management (IAM)"), but not
 * where a single word before the pipe files a long headline under a
 * section ("Politics | Mayor elected ..."); and without the abbreviation
 * of the headline before it ("GNW - Gaming News Weekly").  A label of a
 * word or two before a dash stays: as often it is the headline's subject
 * ("Sazerac - all about the classic cocktail").  Returns the new first,
 * sets *n. */
static size_t
shown_parts(const struct span *segs, size_t first, size_t *n)
{
    for (size_t k = first; k + 1 < *n && k < first + PIPED_MAX_PARTS; k++)
        if (*separator_after(segs[k]) == '|') {
            if (k == first && span_words(segs[k]) == 1 &&
                span_words(segs[k + 1]) > TRAILER_MAX_WORDS)
                break;
            *n = k + 1;
            break;
        }
    if (*n - first == 2 && initials_of(segs[first], segs[first + 1]))
        return first + 1;
    return first;
}

/* Is a part of a title a number alone: a chapter's or a year's, filing
 * the headline after it ("15 - Tutorial: ...", "2024 - Pros & Cons")? */
static int
numbers_only(struct span seg)
{
    size_t digits = 0;
    for (size_t i = 0; i < seg.len; i++) {
        unsigned char c = (unsigned char)seg.s[i];
        if (c >= '0' && c <= '9')
            digits++;
        else if (word_byte(c))
            return 0;
    }
    return digits > 0;
}

/* What a title is stripped for: to compare with an <h1>, every part
 * that may hold the headline's words kept, or to show as the headline. */
enum strip_use { FOR_MATCH, FOR_SHOW };

/* The title without the parts that name the site and without a short
 * trailing part, and when shown with only the parts shown_parts() keeps;
 * NULL when t is. */
static const char *
strip_title(struct arena *a, const char *t, const char *const *sites,
            size_t n_sites, enum strip_use use)
{
    if (!t)
        return NULL;
    t += separator_at(t); /* "| Headline": a site name left out before */
    struct span segs[MAX_SEGMENTS];
    size_t n = split(t, segs), first = 0;
    while (n - first > 1 && (!span_words(segs[n - 1]) ||
                             names_site(segs[n - 1], sites, n_sites)))
        n--;
    while (n - first > 1 && (!span_words(segs[first]) ||
                             numbers_only(segs[first]) ||
                             names_site(segs[first], sites, n_sites)))
        first++;
    while (n - first > 1 && span_words(segs[n - 1]) <= TRAILER_MAX_WORDS) {
        struct span rest = {segs[first].s, (size_t)(segs[n - 2].s +
                                                     segs[n - 2].len -
                                                     segs[first].s)};
        if (span_words(rest) < HEADLINE_MIN_WORDS)
            break;
        n--;
    }
    if (use == FOR_SHOW)
        first = shown_parts(segs, first, &n);
    const char *end = segs[n - 1].s + segs[n - 1].len;
    return meta_clean(a, segs[first].s, (size_t)(end - segs[first].s));
}

/* Do at least half of the heading's words occur in the title? */
static int
agrees(const char *heading, const char *title)
{
    if (!title)
        return 0;
    struct span hw[MAX_WORDS], tw[MAX_WORDS];
    size_t nh = words_of(heading, strlen(heading), hw);
    size_t nt = words_of(title, strlen(title), tw);
    size_t shared = 0;
    for (size_t i = 0; i < nh; i++)
        for (size_t j = 0; j < nt; j++)
            if (same_word(hw[i], tw[j])) {
                shared++;
                break;
            }
    return nh && shared * 2 >= nh;
}

/* s without the permalink mark that documentation generators put after
 * a heading ("Logging HOWTO¶", "Install #"). */
static const char *
without_anchor_mark(struct arena *a, const char *s)
{
    size_t len = strlen(s);
    for (;;) {
        if (len >= 2 && !memcmp(s + len - 2, "\xC2\xB6", 2))
            len -= 2;
        else if (len >= 2 && s[len - 1] == '#' && s[len - 2] == ' ')
            len -= 2; /* never the # of "C#" */
        else if (len >= 1 && s[len - 1] == ' ')
            len--;
        else
            break;
    }
    return len == strlen(s) ? s : meta_clean(a, s, len);
}

/* Is s[0..len) a host name: labels of letters, digits and hyphens
 * between dots, the last of letters ("example.co.uk")? */
static int
host_name(const char *s, size_t len)
{
    size_t dot = len;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.') {
            if (!i || s[i - 1] == '.')
                return 0;
            dot = i;
        } else if (c >= 0x80 || (c != '-' && !word_byte(c))) {
            return 0;
        }
    }
    if (dot == len || len - dot < 3)
        return 0;
    for (size_t i = dot + 1; i < len; i++) {
        unsigned char c = lower((unsigned char)s[i]);
        if (c < 'a' || c > 'z')
            return 0;
    }
    return 1;
}

/* s without the source that a news aggregator sets after a story's
 * headline: the host of the story in brackets, then the count of its
 * comments ("Kernel Moves To C++ (example.com) 139"). */
static const char *
without_source(struct arena *a, const char *s)
{
    size_t len = strlen(s);
    while (len && s[len - 1] >= '0' && s[len - 1] <= '9')
        len--;
    while (len && s[len - 1] == ' ')
        len--;
    if (!len || s[len - 1] != ')')
        return s;
    size_t open = len - 1;
    while (open && s[open - 1] != '(' && s[open - 1] != ' ')
        open--;
    if (!open || s[open - 1] != '(' || !host_name(s + open, len - 1 - open))
        return s;
    size_t end = open - 1;
    while (end && s[end - 1] == ' ')
        end--;
    return end ? meta_clean(a, s, end) : s;
}

/* t, the text of the heading h, without the date of a <time> in it that
 * starts or ends it ("Dec 18 2025 Preparing a transition"): the date
 * the post went out, shown beside its headline. */
static const char *
without_time(struct arena *a, const GumboNode *h, const char *t)
{
    int nodes = 0;
    for (const GumboNode *n = h; n && nodes++ < H1_MAX_NODES;
         n = dom_next(h, n, 0)) {
        if (n->type != GUMBO_NODE_ELEMENT ||
            n->v.element.tag != GUMBO_TAG_TIME)
            continue;
        const char *d = meta_text_capped(a, n, H1_MAX_BYTES, H1_MAX_NODES);
        size_t dl = d ? strlen(d) : 0, tl = strlen(t);
        if (!dl || dl >= tl)
            return t;
        if (!strncmp(t, d, dl) && t[dl] == ' ')
            return meta_clean(a, t + dl, tl - dl);
        if (!strcmp(t + tl - dl, d) && t[tl - dl - 1] == ' ')
            return meta_clean(a, t, tl - dl);
        return t;
    }
    return t;
}

/* t, the text of the heading h, without a tagline set on a line of its
 * own by style in an element after the headline's text, the two run
 * together with no space: "Black Edition<span>Complete meal</span>". */
static const char *
without_glued_tagline(struct arena *a, const GumboNode *h, const char *t)
{
    const GumboVector *kids = &h->v.element.children;
    for (unsigned i = 0; i + 1 < kids->length; i++) {
        const GumboNode *k = kids->data[i], *next = kids->data[i + 1];
        if (k->type != GUMBO_NODE_TEXT || next->type != GUMBO_NODE_ELEMENT)
            continue;
        const char *x = k->v.text.text;
        size_t xl = strlen(x);
        const char *y = meta_text_capped(a, next, H1_MAX_BYTES,
                                         H1_MAX_NODES);
        if (!xl || !y || !(x[xl - 1] >= 'a' && x[xl - 1] <= 'z') ||
            !(y[0] >= 'A' && y[0] <= 'Z'))
            return t;
        const char *head = meta_clean(a, x, xl);
        size_t hl = head ? strlen(head) : 0;
        return hl && !strncmp(t, head, hl) && !strncmp(t + hl, y, strlen(y))
                   ? head : t;
    }
    return t;
}

/* Is href the site's home page: "/", "./", or a URL of a host alone? */
static int
home_href(const char *href)
{
    while (*href == ' ')
        href++;
    if (!strcmp(href, "/") || !strcmp(href, "./"))
        return 1;
    const char *p = strstr(href, "//");
    if (!p || (p != href && p[-1] != ':'))
        return 0;
    p = strchr(p + 2, '/');
    return !p || !strcmp(p, "/");
}

/* Does the heading hold a link to the home page, as a logo does? */
static int
links_home(const GumboNode *h)
{
    int nodes = 0;
    for (const GumboNode *n = h; n && nodes++ < H1_MAX_NODES;
         n = dom_next(h, n, 0)) {
        const char *href = n->type == GUMBO_NODE_ELEMENT &&
                                   n->v.element.tag == GUMBO_TAG_A
                               ? dom_attr(n, "href") : NULL;
        if (href && home_href(href))
            return 1;
    }
    return 0;
}

/* The last part of a title whose earlier parts hold more than the site's
 * name ("What is Ownership? - The Rust Programming Language"), else an
 * empty span: where a manual or a blog names itself on every page. */
static struct span
trailing_part(const char *t, const char *const *sites, size_t n_sites,
              struct span *rest)
{
    struct span segs[MAX_SEGMENTS], none = {"", 0};
    if (!t)
        return none;
    size_t n = split(t, segs);
    if (n < 2)
        return none;
    *rest = (struct span){t, (size_t)(segs[n - 2].s + segs[n - 2].len - t)};
    for (size_t i = 0; i + 1 < n; i++)
        if (span_words(segs[i]) && !names_site(segs[i], sites, n_sites))
            return segs[n - 1];
    return none;
}

/* Is the heading h the banner part of the title: the same letters, or
 * the part with a word more ("The Linux Kernel documentation")? */
static int
names_banner(struct span banner, const char *h)
{
    char fb[FOLD_BYTES], fh[FOLD_BYTES];
    size_t lb = fold(banner.s, banner.len, fb);
    size_t lh = fold(h, strlen(h), fh);
    struct span hs = {h, strlen(h)};
    return lb && lh && (!strcmp(fb, fh) ||
                        (strstr(fb, fh) &&
                         span_words(banner) <= span_words(hs) + 1));
}

/* Is there a visible <h1> or <h2> after n that agrees with the rest of
 * the title (the page's own heading under the manual's name)? */
static int
heading_after(struct arena *a, const GumboNode *root, const GumboNode *n,
              const char *rest)
{
    for (n = dom_next(root, n, 1); n; n = dom_next(root, n, 0)) {
        if (n->type != GUMBO_NODE_ELEMENT ||
            (n->v.element.tag != GUMBO_TAG_H1 &&
             n->v.element.tag != GUMBO_TAG_H2) || !meta_visible(n))
            continue;
        const char *t = meta_text_capped(a, n, H1_MAX_BYTES, H1_MAX_NODES);
        if (t && agrees(t, rest))
            return 1;
    }
    return 0;
}

/* t, the text of an <h1>, without a forum thread's prefix set first in
 * it as a tag of its own (<span class="label">News</span> Title): the
 * tag files the thread, it is no part of the headline. */
static const char *
without_prefix_tag(struct arena *a, const GumboNode *h1, const char *t)
{
    const GumboVector *kids = &h1->v.element.children;
    for (unsigned i = 0; i < kids->length; i++) {
        const GumboNode *k = kids->data[i];
        if (k->type == GUMBO_NODE_WHITESPACE)
            continue;
        if (k->type != GUMBO_NODE_ELEMENT ||
            !meta_has_token(dom_attr(k, "class"), "label"))
            return t;
        const char *l = meta_text_capped(a, k, H1_MAX_BYTES, H1_MAX_NODES);
        size_t ll = l ? strlen(l) : 0;
        if (!ll || strncmp(t, l, ll) || !t[ll])
            return t;
        const char *rest = meta_clean(a, t + ll, strlen(t + ll));
        return rest && *rest ? rest : t;
    }
    return t;
}

/* The text of the <h1> h without what sits beside the headline in it,
 * or NULL when it is too long to be one. */
static const char *
h1_text(struct arena *a, const GumboNode *h)
{
    const char *t = meta_text_capped(a, h, H1_MAX_BYTES, H1_MAX_NODES);
    if (t) {
        t = without_prefix_tag(a, h, without_time(a, h, t));
        t = without_glued_tagline(a, h, t);
        t = without_source(a, without_anchor_mark(a, t));
    }
    return t;
}

/* Is h a visible <h1> that is no logo (a link to the home page)? */
static int
headline_h1(const GumboNode *h)
{
    return h->type == GUMBO_NODE_ELEMENT && h->v.element.tag == GUMBO_TAG_H1 &&
           meta_visible(h) && !links_home(h);
}

/* The text of the first visible <h1> that has some and is not the site's
 * name or logo (named like the site, or a link to its home page, or like
 * the banner part that ends the title: a documentation generator puts
 * the manual's name in an <h1> above the page's own), or NULL. */
static const char *
first_h1(struct arena *a, const GumboNode *root, const char *const *sites,
         size_t n_sites, struct span banner, const char *rest,
         const char **banner_h1)
{
    for (const GumboNode *n = root; n; n = dom_next(root, n, 0)) {
        if (!headline_h1(n))
            continue;
        const char *t = h1_text(a, n);
        if (t && !*banner_h1 && names_banner(banner, t) &&
            heading_after(a, root, n, rest))
            *banner_h1 = t;
        else if (t && *banner_h1 && names_banner(banner, t))
            continue;
        else if (t && !names_site((struct span){t, strlen(t)}, sites,
                                  n_sites))
            return t;
    }
    return NULL;
}

/* The text of the first <h1> that holds most words of the URL's slug
 * when no title holds half of them, or NULL: the <title> names only the
 * site and its tagline ("Forum - The heart of the internet"), or the
 * site retitled the page for search engines, while the slug keeps the
 * headline it was published under. */
static const char *
slug_h1(struct arena *a, const GumboNode *root, const char *slug,
        const char *const *titles, size_t n_titles,
        const char *const *sites, size_t n_sites)
{
    if (!slug)
        return NULL;
    for (size_t i = 0; i < n_titles; i++)
        if (meta_slug_cover(slug, strip_title(a, titles[i], sites, n_sites,
                                              FOR_MATCH)) >= SLUG_TITLE_MAX)
            return NULL;
    for (const GumboNode *n = root; n; n = dom_next(root, n, 0)) {
        if (!headline_h1(n))
            continue;
        const char *t = h1_text(a, n);
        if (t && meta_slug_cover(slug, t) >= SLUG_H1_MIN &&
            !names_site((struct span){t, strlen(t)}, sites, n_sites))
            return t;
    }
    return NULL;
}

/* The <h1> without a label of a word or two and a colon before the words
 * of a title ("Thread: ...", "Blog: ..."): the title that the heading
 * ends with, when one does.  A word without the colon may be the
 * headline's own ("The Best ..."). */
static const char *
without_label(struct arena *a, const char *h, const char *const *titles,
              size_t n_titles, const char *const *sites, size_t n_sites)
{
    if (!h)
        return h;
    char fh[FOLD_BYTES], ft[FOLD_BYTES];
    size_t lh = fold(h, strlen(h), fh);
    size_t hw = span_words((struct span){h, strlen(h)});
    for (size_t i = 0; i < n_titles; i++) {
        const char *t = strip_title(a, titles[i], sites, n_sites, FOR_MATCH);
        if (!t)
            continue;
        size_t lt = fold(t, strlen(t), ft);
        size_t tw = span_words((struct span){t, strlen(t)});
        if (!lt || lt >= lh || lh >= FOLD_BYTES - 1 || tw >= hw ||
            hw - tw > LABEL_MAX_WORDS || strcmp(fh + lh - lt, ft))
            continue;
        /* The label ends at a colon before the title's first word. */
        const char *colon = strchr(h, ':');
        if (colon && span_words((struct span){h, (size_t)(colon - h)}) ==
                         hw - tw)
            return t;
    }
    return h;
}

const char *
meta_headline(struct arena *a, const GumboNode *root,
              const char *const *titles, size_t n_titles,
              const char *const *sites, size_t n_sites, const char *fallback,
              const char *url)
{
    struct span rest = {"", 0};
    struct span banner = n_titles ? trailing_part(titles[0], sites, n_sites,
                                                  &rest)
                                  : (struct span){"", 0};
    const char *banner_h1 = NULL;
    const char *h1 = root ? first_h1(a, root, sites, n_sites, banner,
                                     meta_clean(a, rest.s, rest.len),
                                     &banner_h1)
                          : NULL;
    if (h1)
        for (size_t i = 0; i < n_titles; i++)
            if (agrees(h1, strip_title(a, titles[i], sites, n_sites,
                                       FOR_MATCH)))
                return without_label(a, strip_title(a, h1, sites, n_sites,
                                                    FOR_SHOW),
                                     titles, n_titles, sites, n_sites);
    const char *by_slug = root ? slug_h1(a, root, meta_slug(a, url), titles,
                                         n_titles, sites, n_sites)
                               : NULL;
    if (by_slug)
        return without_label(a, strip_title(a, by_slug, sites, n_sites,
                                            FOR_SHOW),
                             titles, n_titles, sites, n_sites);
    /* A banner <h1> names the site as well as the site's name does. */
    const char *more[MAX_SITES + 1];
    size_t n_more = 0;
    for (size_t i = 0; i < n_sites && i < MAX_SITES; i++)
        more[n_more++] = sites[i];
    if (banner_h1)
        more[n_more++] = banner_h1;
    const char *t = strip_title(a, fallback, more, n_more, FOR_SHOW);
    return t ? t : fallback;
}
