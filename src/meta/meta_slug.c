/*
 * The words of a URL's slug ("/2025/05/enameled-cast-iron-pan-and-metal/"):
 * a site writes its headline into the page's address when it publishes
 * it, so the slug tells which of the page's headings is the headline when
 * the <title> only names the site or a tagline.  See meta_parts.h.
 */
#include "meta/meta_parts.h"

#include "arena.h"

#include <string.h>

/* A slug has at least this many words with a letter; one word is a
 * section's name as often as a headline's. */
#define SLUG_MIN_WORDS 2
/* Words kept of a slug; more are compared no better. */
#define SLUG_MAX_WORDS 24
/* A run of this many hex digits with a digit in it is an id ("5e2cdc3a"),
 * not a word. */
#define HEX_ID_MIN 8

static int
ascii_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

static unsigned char
ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static int
has_letter(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (ascii_lower((unsigned char)s[i]) >= 'a' &&
            ascii_lower((unsigned char)s[i]) <= 'z')
            return 1;
    return 0;
}

/* Is s[0..len) an id of hex digits rather than a word? */
static int
hex_id(const char *s, size_t len)
{
    int digit = 0;
    if (len < HEX_ID_MIN)
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = ascii_lower((unsigned char)s[i]);
        if (c >= '0' && c <= '9')
            digit = 1;
        else if (c < 'a' || c > 'f')
            return 0;
    }
    return digit;
}

/* The length of a path segment without its file extension ("page.html",
 * "article.php"): a dot and a few letters at its end. */
static size_t
without_extension(const char *s, size_t len)
{
    for (size_t i = len; i > 0 && len - i <= 5; i--)
        if (s[i - 1] == '.')
            return len - i >= 2 && has_letter(s + i, len - i) ? i - 1 : len;
    return len;
}

/* Words of a segment, written lowercased and space-separated into out
 * when out is set; returns how many have a letter and are no id. */
static size_t
segment_words(const char *s, size_t len, char *out, size_t *out_len)
{
    size_t words = 0;
    for (size_t i = 0; i < len;) {
        if (!ascii_alnum((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && ascii_alnum((unsigned char)s[j]))
            j++;
        int counts = has_letter(s + i, j - i) && !hex_id(s + i, j - i);
        words += counts;
        if (out && counts && words <= SLUG_MAX_WORDS) {
            if (*out_len)
                out[(*out_len)++] = ' ';
            for (size_t k = i; k < j; k++)
                out[(*out_len)++] = (char)ascii_lower((unsigned char)s[k]);
        }
        i = j;
    }
    return words;
}

/* Does the segment hold a percent-encoded byte past ASCII: a slug in
 * another script, whose words these ASCII ones cannot compare with? */
static int
encoded_text(const char *s, size_t len)
{
    for (size_t i = 0; i + 2 < len; i++)
        if (s[i] == '%' && strchr("89ABCDEFabcdef", s[i + 1]))
            return 1;
    return 0;
}

const char *
meta_slug(struct arena *a, const char *url)
{
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p || !(p = strchr(p + 3, '/')))
        return NULL;
    size_t path_len = strcspn(p, "?#");
    /* From the last segment back past ids and numbers ("/1915"), to the
     * first with a word. */
    size_t end = path_len;
    while (end > 0) {
        size_t start = end;
        while (start > 0 && p[start - 1] != '/')
            start--;
        const char *seg = p + start;
        size_t len = without_extension(seg, end - start);
        if (encoded_text(seg, len))
            return NULL;
        size_t words = segment_words(seg, len, NULL, NULL);
        if (words >= SLUG_MIN_WORDS) {
            char *out = arena_alloc(a, len + 1);
            size_t out_len = 0;
            if (!out)
                return NULL;
            segment_words(seg, len, out, &out_len);
            out[out_len] = '\0';
            return out;
        }
        if (words)
            return NULL;
        end = start ? start - 1 : 0;
    }
    return NULL;
}

/* Is the word w[0..len) one of the words of text (runs of ASCII letters
 * and digits, case folded)? */
static int
text_has_word(const char *text, const char *w, size_t len)
{
    for (const char *t = text; *t;) {
        if (!ascii_alnum((unsigned char)*t)) {
            t++;
            continue;
        }
        const char *e = t;
        while (ascii_alnum((unsigned char)*e))
            e++;
        if ((size_t)(e - t) == len) {
            size_t k = 0;
            while (k < len && ascii_lower((unsigned char)t[k]) == w[k])
                k++;
            if (k == len)
                return 1;
        }
        t = e;
    }
    return 0;
}

double
meta_slug_cover(const char *slug, const char *text)
{
    size_t n = 0, found = 0;
    if (!slug || !text)
        return 0;
    for (const char *w = slug; *w;) {
        size_t len = strcspn(w, " ");
        n++;
        found += text_has_word(text, w, len);
        w += len + (w[len] == ' ');
    }
    return n ? (double)found / (double)n : 0;
}
