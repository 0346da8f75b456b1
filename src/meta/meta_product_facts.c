/*
 * A product's facts: name, brand, sku, price, currency, availability,
 * rating and review count (see meta_parts.h), from the JSON-LD Product
 * that meta_product.c finds, or from microdata.  Shops write them in
 * many shapes: offers as one object or a list, an AggregateOffer's
 * lowPrice, a price inside a priceSpecification, a brand as a string or
 * a Brand, availability as a schema.org URL; each is read the same way
 * here.  Prices and ratings are kept only when they read as numbers.
 */
#include "meta/meta.h"
#include "meta/meta_parts.h"

#include "arena.h"
#include "dom/dom.h"

#include <json-c/json.h>
#include <string.h>

/* Bytes of a microdata value read from an element's text. */
#define MICRODATA_MAX_BYTES 200
#define MICRODATA_MAX_NODES 32
/* Currency signs and spaces skipped before a price's digits. */
#define PRICE_MAX_PREFIX 8

const char *
meta_plain_number(struct arena *a, const char *s)
{
    if (!s)
        return NULL;
    size_t skip = 0;
    while (*s && skip < PRICE_MAX_PREFIX && !(*s >= '0' && *s <= '9') &&
           *s != '-' && *s != '.') {
        s++;
        skip++;
    }
    char out[64];
    size_t n = 0;
    int digits = 0, dot = 0;
    const char *p = s;
    if (*p == '-')
        out[n++] = *p++;
    for (; *p && n < sizeof out - 1; p++) {
        if (*p >= '0' && *p <= '9') {
            out[n++] = *p;
            digits++;
        } else if (*p == '.' && !dot) {
            out[n++] = *p;
            dot = 1;
        } else if (*p == ',' && !dot && digits && p[1] >= '0' &&
                   p[1] <= '9' && p[2] >= '0' && p[2] <= '9' &&
                   p[3] >= '0' && p[3] <= '9' &&
                   !(p[4] >= '0' && p[4] <= '9')) {
            continue; /* a thousands separator: 1,299.99 */
        } else {
            break;
        }
    }
    while (*p == ' ')
        p++;
    if (!digits || *p || out[n - 1] == '.')
        return NULL;
    return arena_strndup(a, out, n);
}

/* "https://schema.org/InStock" -> "InStock". */
static const char *
availability_name(struct arena *a, const char *s)
{
    const char *c = meta_clean_str(a, s);
    if (!c)
        return NULL;
    const char *slash = strrchr(c, '/');
    return slash && slash[1] ? slash + 1 : c;
}

/* The first element of an array, or v itself. */
static json_object *
first(json_object *v)
{
    if (v && json_object_is_type(v, json_type_array))
        return json_object_array_length(v) ? json_object_array_get_idx(v, 0)
                                           : NULL;
    return v;
}

/* A member that is a string, or an object's "name" (a Brand's). */
static const char *
str_or_name(json_object *obj, const char *key)
{
    const char *s = meta_json_str(obj, key);
    return s ? s : meta_json_str(first(meta_json_get(obj, key)), "name");
}

static void
set(const char **field, const char *value)
{
    if (!*field && value && *value)
        *field = value;
}

void
meta_product_facts_jsonld(struct arena *a, json_object *p,
                          struct meta_product *out)
{
    set(&out->name, meta_clean_str(a, meta_json_str(p, "name")));
    set(&out->brand, meta_clean_str(a, str_or_name(p, "brand")));
    const char *sku = meta_json_str(p, "sku");
    set(&out->sku, meta_clean_str(a, sku ? sku : meta_json_str(p, "mpn")));
    json_object *offer = first(meta_json_get(p, "offers"));
    json_object *spec = first(meta_json_get(offer, "priceSpecification"));
    const char *price = meta_json_str(offer, "price");
    if (!price)
        price = meta_json_str(offer, "lowPrice");
    if (!price)
        price = meta_json_str(spec, "price");
    set(&out->price, meta_plain_number(a, price));
    const char *cur = meta_json_str(offer, "priceCurrency");
    set(&out->currency, meta_clean_str(a, cur ? cur
                                              : meta_json_str(
                                                    spec, "priceCurrency")));
    set(&out->availability,
        availability_name(a, meta_json_str(offer, "availability")));
    json_object *rating = first(meta_json_get(p, "aggregateRating"));
    set(&out->rating,
        meta_plain_number(a, meta_json_str(rating, "ratingValue")));
    const char *count = meta_json_str(rating, "reviewCount");
    set(&out->review_count,
        meta_plain_number(a, count ? count
                                   : meta_json_str(rating, "ratingCount")));
}

/* ------------------------------------------------------------ microdata */

static int
product_itemtype(const GumboNode *n)
{
    const char *t = dom_attr(n, "itemtype");
    if (!t)
        return 0;
    const char *p = strstr(t, "schema.org/Product");
    return p && (p[18] == '\0' || p[18] == ' ' || p[18] == 'G');
}

/* A microdata value: content, then the link or time, then the text. */
static const char *
item_value(struct arena *a, const GumboNode *n)
{
    const char *v = dom_attr(n, "content");
    if (!v)
        v = dom_attr(n, "href");
    if (!v)
        v = dom_attr(n, "datetime");
    if (v)
        return meta_clean_str(a, v);
    return meta_text_capped(a, n, MICRODATA_MAX_BYTES, MICRODATA_MAX_NODES);
}

/* Is n's nearest item (the closest itemscope above it) the product? */
static int
belongs_to(const GumboNode *n, const GumboNode *product)
{
    for (const GumboNode *p = n->parent; p; p = p->parent) {
        if (p == product)
            return 1;
        if (p->type == GUMBO_NODE_ELEMENT && dom_attr(p, "itemscope"))
            return 0;
    }
    return 0;
}

static void
read_itemprop(struct arena *a, const GumboNode *n, const GumboNode *product,
              struct meta_product *out)
{
    const char *ip = dom_attr(n, "itemprop");
    if (!ip)
        return;
    if (!strcmp(ip, "name") && belongs_to(n, product))
        set(&out->name, item_value(a, n));
    else if (!strcmp(ip, "brand"))
        set(&out->brand, dom_attr(n, "itemscope") ? NULL : item_value(a, n));
    else if (!strcmp(ip, "name") && !out->brand && n->parent &&
             dom_attr(n->parent, "itemprop") &&
             !strcmp(dom_attr(n->parent, "itemprop"), "brand"))
        set(&out->brand, item_value(a, n));
    else if (!strcmp(ip, "sku"))
        set(&out->sku, item_value(a, n));
    else if (!strcmp(ip, "price") || !strcmp(ip, "lowPrice"))
        set(&out->price, meta_plain_number(a, item_value(a, n)));
    else if (!strcmp(ip, "priceCurrency"))
        set(&out->currency, item_value(a, n));
    else if (!strcmp(ip, "availability"))
        set(&out->availability, availability_name(a, item_value(a, n)));
    else if (!strcmp(ip, "ratingValue"))
        set(&out->rating, meta_plain_number(a, item_value(a, n)));
    else if (!strcmp(ip, "reviewCount") || !strcmp(ip, "ratingCount"))
        set(&out->review_count, meta_plain_number(a, item_value(a, n)));
}

void
meta_product_facts_microdata(struct arena *a, const GumboNode *root,
                             struct meta_product *out)
{
    const GumboNode *product = NULL;
    for (const GumboNode *n = root; n && !product; n = dom_next(root, n, 0))
        if (n->type == GUMBO_NODE_ELEMENT && product_itemtype(n))
            product = n;
    if (!product)
        return;
    for (const GumboNode *n = product; n; n = dom_next(product, n, 0))
        if (n->type == GUMBO_NODE_ELEMENT && n != product)
            read_itemprop(a, n, product, out);
}
