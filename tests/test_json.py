#!/usr/bin/env python3
"""JSON output: strict, complete, and right about the fixtures.

For every fixture (and every corpus page when ../shared/corpus is there),
`pith --format json` (also with --comments) must print one JSON object
that a strict parser accepts (no control characters inside strings, no
NaN, no duplicate keys, valid UTF-8, nothing after the object) with every
field present and of its type.  For every fixture, the fields must agree
with its meta.json: the title (white space folded), the byline found in
the author list, the day of publishedTime, lang, the reason of a page
that is no article, and where given the site name, canonical URL and
license.  The byline counts as found as scripts/eval-metadata counts it.

Usage: test_json.py PATH/TO/pith   (prints "N passed, N failed" last)
"""
import concurrent.futures
import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys

from checks import check, finish

PITH = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("PITH_CORPUS",
                        os.path.join(os.path.dirname(ROOT), "shared", "corpus"))

loader = importlib.machinery.SourceFileLoader(
    "eval_metadata", os.path.join(ROOT, "scripts", "eval-metadata"))
spec = importlib.util.spec_from_loader("eval_metadata", loader)
evalmeta = importlib.util.module_from_spec(spec)
loader.exec_module(evalmeta)

FIELDS = {
    "url": str, "canonical_url": str, "title": str, "page_title": str,
    "author": list, "product": dict,
    "date_published": str, "date_modified": str, "site_name": str,
    "description": str, "lang": str, "image": str, "tags": list,
    "license": str, "page_type": str, "text": str, "charset": str, "charset_source": str,
    "reason": str, "comments": str,
}
PRODUCT = {
    "name": str, "brand": str, "sku": str, "price": (int, float),
    "currency": str, "availability": str, "rating": (int, float),
    "review_count": int,
}
REASONS = {"empty", "too-short", "index", "search-results", "consent-wall",
           "javascript-shell", "page-type"}



def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError(f"duplicate keys in {keys}")
    return dict(pairs)


def bad_constant(name):
    raise ValueError(f"{name} is not JSON")


def strict_load(raw):
    """The object in raw, or raises: strict=True refuses control
    characters in strings."""
    text = raw.decode("utf-8")  # raises on invalid UTF-8
    if not text.endswith("}\n") or text.count("\n") != 1:
        raise ValueError("not one object on one line")
    return json.loads(text, strict=True, object_pairs_hook=no_duplicates,
                      parse_constant=bad_constant)


def problems_of(doc):
    out = []
    if set(doc) != set(FIELDS):
        out.append(f"fields {sorted(set(doc) ^ set(FIELDS))}")
    for k, t in FIELDS.items():
        v = doc.get(k)
        if v is not None and not isinstance(v, t):
            out.append(f"{k} is {type(v).__name__}")
        if isinstance(v, list) and (not v or not all(
                isinstance(x, str) and x for x in v)):
            out.append(f"{k} is not a list of strings")
        if v == "" and k != "text":
            out.append(f"{k} is empty, not null")
    prod = doc.get("product")
    if isinstance(prod, dict) and set(prod) != set(PRODUCT):
        out.append(f"product fields {sorted(set(prod) ^ set(PRODUCT))}")
    for k, t in PRODUCT.items():
        v = (prod or {}).get(k)
        if v is not None and not isinstance(v, t):
            out.append(f"product {k} is {type(v).__name__}")
    if doc.get("reason") is not None and doc["reason"] not in REASONS:
        out.append(f"reason {doc['reason']}")
    if (doc.get("text") is None) != (doc.get("reason") is not None):
        out.append("text null exactly when there is a reason")
    return out


def run(path, *extra):
    p = subprocess.run([PITH, "--format", "json", *extra, path],
                       capture_output=True, timeout=120)
    try:
        doc = strict_load(p.stdout)
    except (ValueError, UnicodeDecodeError) as e:
        return p.returncode, None, [f"not strict JSON: {e}"]
    probs = problems_of(doc)
    if b"Sanitizer" in p.stderr or b"runtime error" in p.stderr:
        probs.append("sanitizer report: " + p.stderr[:300].decode(
            "utf-8", "replace"))
    if p.returncode not in (0, 7) or (p.returncode == 7) != (
            doc.get("reason") is not None):
        probs.append(f"exit {p.returncode} with reason {doc.get('reason')}")
    return p.returncode, doc, probs


def fixture_meta(name, doc, want):
    fold = evalmeta.fold
    check(fold(doc["title"]) == fold(want.get("title")),
          f"{name}: title {doc['title']!r}, want {want.get('title')!r}")
    if want.get("byline"):
        check(evalmeta.byline_found(want["byline"], doc["author"] or []),
              f"{name}: author {doc['author']}, want {want['byline']!r}")
    else:
        # A page of no article, or a listing whose cards name theirs,
        # may show an author.
        check(not doc["author"] or want.get("reason") or
              doc.get("page_type") != "article",
              f"{name}: author {doc['author']}, want none")
    if want.get("publishedTime"):
        check(evalmeta.same_day(want["publishedTime"], doc["date_published"]),
              f"{name}: date {doc['date_published']}, "
              f"want {want['publishedTime']}")
    if want.get("lang"):
        check((doc["lang"] or "").lower() == want["lang"].lower(),
              f"{name}: lang {doc['lang']}, want {want['lang']}")
    check(doc["reason"] == want.get("reason"),
          f"{name}: reason {doc['reason']}, want {want.get('reason')}")
    # The fields pith has beyond Readability's: the <title> as written,
    # and a product's facts (each one given; null for no product).
    if "pageTitle" in want:
        check(doc["page_title"] == want["pageTitle"],
              f"{name}: page_title {doc['page_title']!r}, "
              f"want {want['pageTitle']!r}")
    if "product" in want:
        got = doc["product"]
        check((got is None) == (want["product"] is None),
              f"{name}: product {got!r}, want {want['product']!r}")
        for k, v in (want["product"] or {}).items():
            check((got or {}).get(k) == v,
                  f"{name}: product {k} {(got or {}).get(k)!r}, want {v!r}")
    for key, field in (("siteName", "site_name"), ("canonical", "canonical_url"),
                       ("license", "license")):
        if want.get(key):
            check(doc[field] == want[key],
                  f"{name}: {field} {doc[field]!r}, want {want[key]!r}")


# Fixtures: strict JSON, and the metadata of meta.json.
fixtures = sorted(d for d in os.listdir(os.path.join(ROOT, "fixtures"))
                  if os.path.exists(os.path.join(ROOT, "fixtures", d,
                                                 "meta.json")))
for name in fixtures:
    path = os.path.join(ROOT, "fixtures", name, "source.html")
    want = json.load(open(os.path.join(ROOT, "fixtures", name, "meta.json")))
    rc, doc, probs = run(path, "--url", want["url"])
    check(not probs, f"{name}: {probs}")
    if doc:
        fixture_meta(name, doc, want)
    rc, doc, probs = run(path, "--comments")
    check(not probs, f"{name} --comments: {probs}")

# A page made of everything JSON must escape.
controls = "".join(chr(c) for c in range(1, 32)) + "\x7f\"\\/\u2028\u2029"
page = ("<title>T" + controls + "</title><meta name=author content='A"
        + controls + "'><p>" + "Text with every control character: "
        + controls + " and enough words to be an article. " * 3 + "</p>")
p = subprocess.run([PITH, "--format", "json", "-"], input=page.encode(),
                   capture_output=True, timeout=60)
try:
    doc = strict_load(p.stdout)
    check(not problems_of(doc) and doc["title"].startswith("T"),
          f"control characters: {problems_of(doc)}")
except (ValueError, UnicodeDecodeError) as e:
    check(False, f"control characters: not strict JSON: {e}")

# The corpus, when it is there.
manifest = os.path.join(CORPUS, "manifest.json")
if os.path.exists(manifest):
    docs = json.load(open(manifest))
    paths = [os.path.join(CORPUS, d["html"]) for d in docs]
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        for path, (rc, doc, probs) in zip(paths, ex.map(run, paths)):
            check(not probs, f"{path}: {probs}")
else:
    print(f"corpus part skipped: no corpus at {CORPUS}")

finish()
