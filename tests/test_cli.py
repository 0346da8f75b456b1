#!/usr/bin/env python3
"""The pith command: options, input kinds, output formats and exit codes.

Usage: test_cli.py PATH/TO/pith   (prints "N passed, N failed" last)
"""
import json
import os
import subprocess
import sys
import tempfile

from checks import check, finish

PITH = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGE = os.path.join(ROOT, "fixtures", "wordpress-blog-post", "source.html")



def pith(*args, stdin=None):
    p = subprocess.run([PITH, *args], input=stdin, capture_output=True,
                       timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), \
        p.stderr.decode("utf-8", "replace")


rc, out, err = pith(PAGE)
check(rc == 0, f"a page extracts (rc {rc}, {err})")
lines = out.split("\n")
check(lines[0] and lines[1] == "", "title line, then a blank line")
check(out.endswith("\n") and not out.endswith("\n\n"), "one final newline")
check("\n\n\n" not in out, "blocks separated by exactly one blank line")
check(all(l == l.rstrip() for l in lines), "no trailing spaces")

rc, body, _ = pith("--body-only", PAGE)
check(rc == 0 and body == out.split("\n\n", 1)[1], "--body-only drops the title")

with open(PAGE, "rb") as f:
    rc, sin, _ = pith("-", stdin=f.read())
check(rc == 0 and sin == out, "stdin gives the same text")

rc, js, _ = pith("--format", "json", "--url", "https://blog.example/p", PAGE)
doc = json.loads(js)
check(rc == 0 and doc["title"] == lines[0], "json title")
check(doc["url"] == "https://blog.example/p", "json url from --url")
check(doc["text"] + "\n" == body, "json text is the body")

rc, md, _ = pith("--format=markdown", PAGE)
check(rc == 0 and md.startswith("# "), "markdown starts with the title")

rc, ex, _ = pith("--explain", PAGE)
e = json.loads(ex)
check(rc == 0 and e["main"] and e["blocks"], "explain json has main and blocks")
keys = {"path", "text_length", "link_density", "text_density", "score",
        "keep", "reason"}
check(all(keys <= set(b) for b in e["blocks"]), "explain blocks have every key")
check(any(b["keep"] for b in e["blocks"]) and
      any(not b["keep"] for b in e["blocks"]), "explain keeps and drops")
rc, eh, _ = pith("--explain=html", PAGE)
check(rc == 0 and "<html" in eh and "data-pith=kept" in eh and
      "data-pith=dropped" in eh and "#c8f7c5" in eh,
      "explain html marks kept and dropped blocks")
# The view is inert: a policy ahead of the page forbids its scripts and
# every load from elsewhere.
check(eh.find("Content-Security-Policy") >= 0 and
      eh.find("Content-Security-Policy") < eh.find("<html") and
      "default-src 'none'" in eh, "explain html forbids scripts and loads")

# Exit codes.
rc, _, err = pith()
check(rc == 2 and "usage" in err, "no input: usage, exit 2")
rc, _, err = pith("--format", "yaml", PAGE)
check(rc == 2 and "unknown format" in err, "bad format: exit 2")
rc, _, err = pith("--nonsense", PAGE)
check(rc == 2 and "unknown option" in err, "unknown option: exit 2")
rc, _, err = pith("/no/such/file.html")
check(rc == 3 and "No such file" in err, "missing file: exit 3")
check(err.count("\n") == 1 and err.startswith("pith: "), "one-line message")
with tempfile.TemporaryDirectory() as d:
    png = os.path.join(d, "x.html")
    with open(png, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    rc, _, err = pith(png)
    check(rc == 6 and "not HTML" in err, f"binary input: exit 6 ({rc} {err})")
    empty = os.path.join(d, "empty.html")
    open(empty, "w").close()
    rc, _, err = pith(empty)
    check(rc == 7 and "no main content" in err, "empty page: exit 7")
    rc, js, _ = pith("--format", "json", empty)
    check(rc == 7 and json.loads(js)["text"] is None, "no content: text null")
rc, _, err = pith("--max-bytes", "100", PAGE)
check(rc == 8 and "limit" in err, "over --max-bytes: exit 8")
idx = os.path.join(ROOT, "fixtures", "index-page-no-article", "source.html")
# A section's front page is a listing; taken for an article, it is a mere
# index of links.
rc, js, _ = pith("--format", "json", idx)
check(json.loads(js)["page_type"] == "listing", "index page: a listing")
rc, out, err = pith("--page-type", "article", idx)
check(rc == 7 and out == "" and "index" in err, "index page: exit 7")
# No main content: the reason, in JSON and in the message.
rc, js, err = pith("--format", "json", "--page-type", "article", idx)
doc = json.loads(js)
check(rc == 7 and doc["text"] is None and doc["reason"] == "index",
      "index page: json reason")
rc, js, err = pith("--format", "json", "--min-chars", "100000", PAGE)
doc = json.loads(js)
check(rc == 7 and doc["reason"] == "too-short" and doc["title"],
      f"--min-chars: too-short, metadata kept ({rc} {err})")
rc, js, _ = pith("--format", "json", "--min-chars", "5", PAGE)
check(rc == 0 and json.loads(js)["reason"] is None, "--min-chars met")

# Options of this issue.
blog = os.path.join(ROOT, "fixtures", "personal-blog", "source.html")
rc, plain, _ = pith(blog)
rc, withc, _ = pith("--comments", blog)
check(rc == 0 and withc.startswith(plain) and "\n---\n\n" in withc and
      "Dolores" in withc and "Dolores" not in plain,
      "--comments: after a --- line in txt")
rc, md, _ = pith("--comments", "--format", "markdown", blog)
check(rc == 0 and "\n## Comments\n\n" in md, "--comments in markdown")
rc, js, _ = pith("--comments", "--format", "json", blog)
doc = json.loads(js)
check(doc["comments"] and "Dolores" in doc["comments"] and
      "Dolores" not in doc["text"], "--comments: own JSON field")
rc, js, _ = pith("--format", "json", blog)
check(json.loads(js)["comments"] is None, "no comments unless asked")
table = os.path.join(ROOT, "fixtures", "article-with-data-table",
                     "source.html")
rc, out, _ = pith(table)
rc2, out2, _ = pith("--no-tables", table)
check(rc == 0 and "Generic unbranded | 16 GB" in out and
      "Generic unbranded" not in out2 and "SQLite" in out2,
      "--no-tables drops table rows")
rc, out, _ = pith("--precision", PAGE)
rc2, out2, _ = pith("--recall", PAGE)
check(rc == 0 and rc2 == 0, "--precision and --recall accepted")
rc, _, err = pith("--precision", "--recall", PAGE)
check(rc == 2 and "exclude" in err, "--precision with --recall: exit 2")
rc, md, _ = pith("--format", "markdown", "--links", "--url",
                 "https://blog.example/p", PAGE)
check(rc == 0 and "](https://" in md, "--links writes absolute links")

# Dates: a body date later than the page's own modified date belongs to
# something else (a related story) and is not the publication date.
later = (b"<html><head><title>Notes on a quiet harbour</title>"
         b"<meta property='article:modified_time' content='2024-01-10'>"
         b"</head><body><article><p>" + b"The harbour was quiet all "
         b"winter, with only the ferry and the gulls for company. " * 5 +
         b"</p></article><aside><a href='/x'>Later story</a> "
         b"<time datetime='2024-05-01'>1 May</time></aside></body></html>")
rc, js, _ = pith("--format", "json", "-", stdin=later)
doc = json.loads(js)
check(rc == 0 and doc["date_published"] is None and
      doc["date_modified"] == "2024-01-10",
      f"no publication date after the modified date ({doc['date_published']})")

rc, out, _ = pith("--version")
check(rc == 0 and out.startswith("pith "), "--version")
rc, out, _ = pith("--help")
check(rc == 0 and "exit codes" in out, "--help lists exit codes")

# The knobs: --recall keeps what the balanced default drops as a caption,
# --precision leaves out the standfirst joined from outside the body.
fx = lambda name: os.path.join(ROOT, "fixtures", name, "source.html")
_, bal, _ = pith("--body-only", fx("article-tag"))
rc, rec, _ = pith("--body-only", "--recall", fx("article-tag"))
check(rc == 0 and "recording station on a garage roof" in rec and
      "recording station on a garage roof" not in bal,
      "--recall keeps a caption the default drops")
_, bal, _ = pith("--body-only", fx("standfirst-outside-body"))
rc, pre, _ = pith("--body-only", "--precision", fx("standfirst-outside-body"))
check(rc == 0 and "cordless drills" in bal and "cordless drills" not in pre,
      "--precision leaves out a standfirst outside the body")
rc, _, err = pith("--precision", "--recall", PAGE)
check(rc == 2 and "exclude" in err, "--precision with --recall: usage")

finish()
