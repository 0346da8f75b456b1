/*
 * What a page says of its kind; see kind_signals.h.  Each element is
 * looked at once, by signals_read()'s walk; JSON-LD is scanned for its
 * "@type" values as text, without building the JSON (the types are all
 * the classifier needs, and metadata parses the scripts on its own).
 */
#include "blocks/kind_signals.h"

#include "dom/dom.h"
#include "words.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

static const struct { const char *name; enum schema_type t; } types[] = {
    {"Product", ST_PRODUCT}, {"IndividualProduct", ST_PRODUCT},
    {"ProductGroup", ST_PRODUCT}, {"ProductModel", ST_PRODUCT},
    {"Vehicle", ST_PRODUCT}, {"Car", ST_PRODUCT},
    {"Offer", ST_OFFER}, {"AggregateOffer", ST_AGGREGATE_OFFER},
    {"DiscussionForumPosting", ST_FORUM_POSTING}, {"QAPage", ST_QA_PAGE},
    {"Question", ST_QUESTION}, {"Answer", ST_ANSWER},
    {"ItemList", ST_ITEM_LIST}, {"CollectionPage", ST_COLLECTION_PAGE},
    {"OfferCatalog", ST_OFFER_CATALOG},
    {"SearchResultsPage", ST_SEARCH_RESULTS},
    {"TechArticle", ST_TECH_ARTICLE}, {"APIReference", ST_API_REFERENCE},
    {"SoftwareApplication", ST_SOFTWARE_APP},
    {"WebApplication", ST_SOFTWARE_APP},
    {"MobileApplication", ST_SOFTWARE_APP},
    {"Service", ST_SERVICE}, {"ProfessionalService", ST_LOCAL_BUSINESS},
    {"Organization", ST_ORGANIZATION}, {"Corporation", ST_ORGANIZATION},
    {"LocalBusiness", ST_LOCAL_BUSINESS}, {"Store", ST_LOCAL_BUSINESS},
    {"Article", ST_ARTICLE}, {"NewsArticle", ST_NEWS_ARTICLE},
    {"ReportageNewsArticle", ST_NEWS_ARTICLE},
    {"AnalysisNewsArticle", ST_NEWS_ARTICLE},
    {"OpinionNewsArticle", ST_NEWS_ARTICLE},
    {"BlogPosting", ST_BLOG_POSTING}, {"LiveBlogPosting", ST_BLOG_POSTING},
    {"Blog", ST_BLOG}, {"FAQPage", ST_FAQ_PAGE}, {"HowTo", ST_HOW_TO},
    {"Recipe", ST_RECIPE}, {"Course", ST_COURSE},
    {"AboutPage", ST_ABOUT_PAGE}, {"BreadcrumbList", ST_BREADCRUMB},
    {"WebPage", ST_WEB_PAGE}, {"Review", ST_REVIEW}, {"Event", ST_EVENT},
    {"Person", ST_PERSON}, {"Comment", ST_COMMENT},
};

const char *
schema_type_name(enum schema_type t)
{
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (types[i].t == t)
            return types[i].name;
    return "?";
}

/* The type named s[0..len), a schema.org URL or prefixed name allowed
 * ("http://schema.org/Product", "schema:Product"); -1 when none. */
static int
type_of(const char *s, size_t len)
{
    for (size_t i = len; i > 0; i--)
        if (s[i - 1] == '/' || s[i - 1] == ':' || s[i - 1] == '#') {
            s += i;
            len -= i;
            break;
        }
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strlen(types[i].name) == len && !memcmp(types[i].name, s, len))
            return (int)types[i].t;
    return -1;
}

static void
count(uint16_t *c, int t)
{
    if (t >= 0 && c[t] < UINT16_MAX)
        c[t]++;
}

static const char *
skip_ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    return p;
}

/* One JSON string at p (after its quote): counts its type; returns the
 * character after the closing quote. */
static const char *
read_type_string(const char *p, uint16_t *c)
{
    const char *e = p;
    while (*e && *e != '"' && e - p < 80)
        e++;
    if (*e != '"')
        return e;
    count(c, type_of(p, (size_t)(e - p)));
    return e + 1;
}

void
kind_signals_jsonld(const char *text, struct kind_signals *ks)
{
    /* Products listed as the variants of one (sizes, colours) are one
     * product's page, not a shop's list. */
    if (strstr(text, "\"hasVariant\"") && ks->n_variant_lists < UINT16_MAX)
        ks->n_variant_lists++;
    for (const char *p = text; (p = strstr(p, "\"@type\"")); ) {
        p = skip_ws(p + 7);
        if (*p != ':')
            continue;
        p = skip_ws(p + 1);
        if (*p == '"') {
            p = read_type_string(p + 1, ks->jsonld);
        } else if (*p == '[') {
            for (p = skip_ws(p + 1); *p == '"'; ) {
                p = skip_ws(read_type_string(p + 1, ks->jsonld));
                if (*p == ',')
                    p = skip_ws(p + 1);
            }
        }
    }
}

static void
read_generator(const char *g, struct kind_signals *ks)
{
    static const struct { const char *word; enum platform p; } gens[] = {
        {"Discourse", PF_FORUM}, {"phpBB", PF_FORUM},
        {"vBulletin", PF_FORUM}, {"XenForo", PF_FORUM},
        {"Invision", PF_FORUM}, {"Flarum", PF_FORUM}, {"NodeBB", PF_FORUM},
        {"Vanilla", PF_FORUM}, {"MyBB", PF_FORUM}, {"SMF", PF_FORUM},
        {"Simple Machines", PF_FORUM}, {"bbPress", PF_FORUM},
        {"Shopify", PF_SHOP}, {"WooCommerce", PF_SHOP},
        {"Magento", PF_SHOP}, {"PrestaShop", PF_SHOP},
        {"BigCommerce", PF_SHOP}, {"OpenCart", PF_SHOP},
        {"Shopware", PF_SHOP},
        {"Docusaurus", PF_DOCS}, {"Sphinx", PF_DOCS}, {"MkDocs", PF_DOCS},
        {"GitBook", PF_DOCS}, {"VitePress", PF_DOCS}, {"Antora", PF_DOCS},
        {"DocFX", PF_DOCS}, {"Starlight", PF_DOCS}, {"Nextra", PF_DOCS},
        {"Mintlify", PF_DOCS}, {"Doxygen", PF_DOCS}, {"rustdoc", PF_DOCS},
        {"Javadoc", PF_DOCS}, {"pdoc", PF_DOCS}, {"ReadMe", PF_DOCS},
        {"MediaWiki", PF_WIKI}, {"DokuWiki", PF_WIKI},
        {"Confluence", PF_WIKI},
    };
    if (ks->platform != PF_NONE)
        return;
    for (size_t i = 0; i < sizeof gens / sizeof gens[0]; i++)
        if (strcasestr(g, gens[i].word)) {
            ks->platform = (uint8_t)gens[i].p;
            size_t l = strlen(gens[i].word);
            memcpy(ks->generator, gens[i].word, l + 1);
            return;
        }
}

static void
read_og_type(const char *v, struct kind_signals *ks)
{
    if (ks->og_type != OG_NONE)
        return;
    ks->og_type = !strncasecmp(v, "article", 7) ? OG_ARTICLE
                : (!strncasecmp(v, "product", 7) ||
                   !strncasecmp(v, "og:product", 10)) ? OG_PRODUCT
                : !strcasecmp(v, "website") ? OG_WEBSITE
                : !strcasecmp(v, "profile") ? OG_PROFILE : OG_OTHER;
}

/* A word of a class list, with its length: every element's class is
 * matched against these, and the lengths spare a strlen() per word. */
struct word {
    const char *s;
    size_t len;
};
#define W(s) {s, sizeof s - 1}

/* The class words of a forum's posts, as the common platforms write
 * them (Discourse, phpBB, vBulletin, XenForo, Stack Exchange...): words
 * a blog's article does not use for itself. */
static const struct word post_words[] = {
    W("topic-post"), W("postbody"), W("postbit"), W("postcontainer"),
    W("post-message"), W("message-body"), W("messageContent"),
    W("bbWrapper"), W("forum-post"), W("answer"), W("answercell"),
    W("postcell"), W("js-post-body"), W("post-text"), W("reply"),
    W("forum-reply"), W("thread-post"), W("lia-message-body"), W("Post"),
    W("comment-body"), W("cooked"), W("post_body"), W("postmessage"),
};

static const struct word cart_words[] = {
    W("add-to-cart"), W("add_to_cart"), W("addtocart"), W("add-to-bag"),
    W("single_add_to_cart_button"), W("product-form__submit"),
    W("btn-cart"), W("add-to-basket"), W("buy-now"),
    W("product-add-to-cart"),
};

/* Is s[0..l) one of words (any case)? */
static int
is_word(const char *s, size_t l, const struct word *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (words[i].len == l && !strncasecmp(s, words[i].s, l))
            return 1;
    return 0;
}

/* Which of the lists the space-separated class list s has a word of:
 * bit 1 post_words, bit 2 cart_words; one pass over s for both. */
static int
class_words(const char *s)
{
    int found = 0;
    while (*s && found != 3) {
        while (*s == ' ' || *s == '\t' || *s == '\n')
            s++;
        size_t l = strcspn(s, " \t\n");
        if (l && !(found & 1) &&
            is_word(s, l, post_words, sizeof post_words / sizeof *post_words))
            found |= 1;
        if (l && !(found & 2) &&
            is_word(s, l, cart_words, sizeof cart_words / sizeof *cart_words))
            found |= 2;
        s += l;
    }
    return found;
}

/* Which kind_mark words the class list s holds, anywhere in it and in
 * any case, as bits, and in *price whether it holds "price"; one pass
 * over s.  Runs on every element with a class: a switch on the letter
 * finds the one or two words that could start there, so most characters
 * cost one comparison. */
static int
at(const char *s, const char *word, size_t len)
{
    /* word is lower case; s ends at its NUL, which matches no letter */
    for (size_t i = 0; i < len; i++)
        if ((s[i] | 0x20) != word[i])
            return 0;
    return 1;
}

static unsigned
class_marks(const char *s, int *price)
{
    unsigned found = 0;
    *price = 0;
    for (; *s; s++) {
        unsigned m = 0;
        switch (*s | 0x20) {
        case 'a': m = at(s, "accordion", 9) ? KM_FAQ + 1u : 0; break;
        case 'b':
            m = at(s, "btn", 3) || at(s, "button", 6) ? KM_BUTTON + 1u
                : at(s, "banner", 6) ? KM_HERO + 1u : 0;
            break;
        case 'c':
            m = at(s, "cta", 3) ? KM_BUTTON + 1u
                : at(s, "card", 4) ? KM_CARD + 1u : 0;
            break;
        case 'f':
            m = at(s, "faq", 3) ? KM_FAQ + 1u
                : at(s, "filter", 6) || at(s, "facet", 5) ? KM_FILTER + 1u
                : 0;
            break;
        case 'h': m = at(s, "hero", 4) ? KM_HERO + 1u : 0; break;
        case 'j': m = at(s, "jumbotron", 9) ? KM_HERO + 1u : 0; break;
        case 'p':
            if (at(s, "price", 5))
                *price = 1;
            m = at(s, "pricing", 7) || at(s, "plan", 4) ? KM_PRICING + 1u
                : at(s, "pager", 5) || at(s, "pagination", 10)
                    ? KM_PAGINATION + 1u : 0;
            break;
        case 'q': m = at(s, "quote", 5) ? KM_TESTIMONIAL + 1u : 0; break;
        case 'r': m = at(s, "review", 6) ? KM_TESTIMONIAL + 1u : 0; break;
        case 's':
            m = at(s, "sidebar", 7) ? KM_SIDEBAR + 1u
                : at(s, "sort", 4) ? KM_FILTER + 1u : 0;
            break;
        case 't':
            m = at(s, "testimonial", 11) ? KM_TESTIMONIAL + 1u
                : at(s, "tile", 4) || at(s, "teaser", 6) ? KM_CARD + 1u
                : at(s, "toc", 3) ? KM_SIDEBAR + 1u : 0;
            break;
        default: break;
        }
        if (m)
            found |= 1u << (m - 1);
    }
    return found;
}

/* What a class list says here: class_marks() in the low bits, price
 * and class_words() above them.  Pages repeat a few class lists on most
 * of their elements: the last results are kept per thread, by the hash
 * of the list, and checked in full before use. */
#define CLASS_PRICE (1u << 24)
#define CLASS_POST (1u << 25)
#define CLASS_CART (1u << 26)
_Static_assert(KM_COUNT <= 24, "class_facts() packs the marks below bit 24");
#define CLASS_MEMO_SLOTS 512
#define CLASS_MEMO_KEY 200

struct class_memo {
    uint32_t hash;
    uint16_t len;
    unsigned bits;
    char key[CLASS_MEMO_KEY];
};

static _Thread_local struct class_memo class_memo[CLASS_MEMO_SLOTS];

static unsigned
class_facts_of(const char *cls)
{
    int price = 0;
    unsigned b = class_marks(cls, &price);
    int words = class_words(cls);
    return b | (price ? CLASS_PRICE : 0) | (words & 1 ? CLASS_POST : 0) |
           (words & 2 ? CLASS_CART : 0);
}

static unsigned
class_facts(const char *cls)
{
    size_t len = strlen(cls);
    if (len > CLASS_MEMO_KEY)
        return class_facts_of(cls);
    uint32_t h = words_hash_pair(cls, len, "", 0);
    struct class_memo *m = &class_memo[h % CLASS_MEMO_SLOTS];
    if (m->hash == h && m->len == len && !memcmp(m->key, cls, len))
        return m->bits;
    m->hash = h;
    m->len = (uint16_t)len;
    memcpy(m->key, cls, len);
    m->bits = class_facts_of(cls);
    return m->bits;
}

static void
mark(struct kind_signals *ks, enum kind_mark m)
{
    if (ks->n_mark[m] < UINT16_MAX)
        ks->n_mark[m]++;
}

void
take(const GumboAttribute *at, const char *name, const char **slot)
{
    if (!*slot && !strcasecmp(at->name, name))
        *slot = at->value;
}

void
kind_signals_element(const GumboNode *n, struct kind_signals *ks)
{
    GumboTag t = n->v.element.tag;
    /* A script's class or itemprop marks nothing a reader sees (the
     * pre-pass keeps only its type). */
    if (t == GUMBO_TAG_SCRIPT)
        return;
    if (t == GUMBO_TAG_META) {
        const char *name = dom_attr(n, "name");
        const char *prop = dom_attr(n, "property");
        const char *content = dom_attr(n, "content");
        if (!content)
            return;
        if (name && !strcasecmp(name, "generator"))
            read_generator(content, ks);
        if (prop && !strcasecmp(prop, "og:type"))
            read_og_type(content, ks);
        if (name && !strcasecmp(name, "og:type"))
            read_og_type(content, ks);
        return;
    }
    if (t == GUMBO_TAG_PRE || t == GUMBO_TAG_CODE) {
        if (ks->n_code < UINT16_MAX)
            ks->n_code++;
    }
    /* The attributes read below, in one pass over the element's. */
    static const char *const names[] = {
        "itemtype", "itemprop", "class", "name", "action", "href"
    };
    const char *v[6];
    dom_attrs(n, names, v, 6);
    const char *it = v[0], *ip = v[1], *cls = v[2], *nm = v[3], *act = v[4];
    const char *href = v[5];
    if (t == GUMBO_TAG_A && href) {
        if (!strncasecmp(href, "tel:", 4) && ks->n_tel < UINT16_MAX)
            ks->n_tel++;
        else if (!strncasecmp(href, "mailto:", 7) && ks->n_mailto < UINT16_MAX)
            ks->n_mailto++;
    }
    for (const char *p = it; p && *p; ) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        size_t l = strcspn(p, " \t\n");
        if (l)
            count(ks->micro, type_of(p, l));
        p += l;
    }
    unsigned facts = cls ? class_facts(cls) : 0;
    unsigned marks = facts & ((1u << KM_COUNT) - 1);
    if ((ip && !strcmp(ip, "price")) ||
        ((facts & CLASS_PRICE) && ks->n_price < UINT16_MAX))
        ks->n_price++;
    if ((facts & CLASS_POST) && ks->n_post < UINT16_MAX)
        ks->n_post++;
    int cart = (facts & CLASS_CART) != 0;
    if ((t == GUMBO_TAG_BUTTON || t == GUMBO_TAG_INPUT) && nm &&
        (!strcasecmp(nm, "add-to-cart") || !strcasecmp(nm, "add")))
        cart = 1;
    if (t == GUMBO_TAG_FORM && act && strstr(act, "/cart"))
        cart = 1;
    if (cart && ks->n_cart < UINT16_MAX)
        ks->n_cart++;
    if (t == GUMBO_TAG_BUTTON)
        marks |= 1u << KM_BUTTON;
    if (t == GUMBO_TAG_SECTION)
        marks |= 1u << KM_SECTION;
    if (t == GUMBO_TAG_IMG)
        marks |= 1u << KM_IMAGE;
    if (t == GUMBO_TAG_INPUT || t == GUMBO_TAG_SELECT ||
        t == GUMBO_TAG_TEXTAREA)
        marks |= 1u << KM_INPUT;
    for (int m = 0; marks && m < KM_COUNT; m++)
        if (marks & (1u << m))
            mark(ks, (enum kind_mark)m);
}
