/*
 * What a page says of its kind; see kind_signals.h.  Each element is
 * looked at once, by signals_read()'s walk; JSON-LD is scanned for its
 * "@type" values as text, without building the JSON (the types are all
 * the classifier needs, and metadata parses the scripts on its own).
 */
#include "blocks/kind_signals.h"

#include "dom/dom.h"

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

/* Does the space-separated list s hold a word of words (any case)? */
static int
has_word(const char *s, const char *const *words)
{
    while (s && *s) {
        while (*s == ' ' || *s == '\t' || *s == '\n')
            s++;
        size_t l = strcspn(s, " \t\n");
        for (int i = 0; l && words[i]; i++)
            if (strlen(words[i]) == l && !strncasecmp(s, words[i], l))
                return 1;
        s += l;
    }
    return 0;
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

/* The class words of a forum's posts, as the common platforms write
 * them (Discourse, phpBB, vBulletin, XenForo, Stack Exchange...): words
 * a blog's article does not use for itself. */
static const char *const post_words[] = {
    "topic-post", "postbody", "postbit", "postcontainer", "post-message",
    "message-body", "messageContent", "bbWrapper", "forum-post",
    "answer", "answercell", "postcell", "js-post-body", "post-text",
    "reply", "forum-reply", "thread-post", "lia-message-body", "Post",
    "comment-body", "cooked", "post_body", "postmessage", NULL
};

static const char *const cart_words[] = {
    "add-to-cart", "add_to_cart", "addtocart", "add-to-bag",
    "single_add_to_cart_button", "product-form__submit", "btn-cart",
    "add-to-basket", "buy-now", "product-add-to-cart", NULL
};

void
kind_signals_element(const GumboNode *n, struct kind_signals *ks)
{
    GumboTag t = n->v.element.tag;
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
    const char *it = dom_attr(n, "itemtype");
    for (const char *p = it; p && *p; ) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        size_t l = strcspn(p, " \t\n");
        if (l)
            count(ks->micro, type_of(p, l));
        p += l;
    }
    const char *ip = dom_attr(n, "itemprop");
    const char *cls = dom_attr(n, "class");
    if ((ip && !strcmp(ip, "price")) ||
        (cls && strcasestr(cls, "price") && ks->n_price < UINT16_MAX))
        ks->n_price++;
    if (cls && has_word(cls, post_words) && ks->n_post < UINT16_MAX)
        ks->n_post++;
    int cart = cls && has_word(cls, cart_words);
    const char *nm = dom_attr(n, "name");
    if ((t == GUMBO_TAG_BUTTON || t == GUMBO_TAG_INPUT) && nm &&
        (!strcasecmp(nm, "add-to-cart") || !strcasecmp(nm, "add")))
        cart = 1;
    if (t == GUMBO_TAG_FORM) {
        const char *act = dom_attr(n, "action");
        if (act && strstr(act, "/cart"))
            cart = 1;
    }
    if (cart && ks->n_cart < UINT16_MAX)
        ks->n_cart++;
}
