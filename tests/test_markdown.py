#!/usr/bin/env python3
"""Markdown output parses back to the article: for every fixture, and for
every corpus page when the corpus is there (../shared/corpus beside the
checkout), `pith --format markdown --links --images` rendered to text by
md_to_text.py (a CommonMark + GitHub tables reader) has the same words,
in the same order, as `pith` (txt).  Words are the white-space separated
pieces; lone "|" pieces are left out on both sides, since a Markdown
table pads short rows with empty cells.  Also checks pieces of the
Markdown itself on a page written for it.

Usage: test_markdown.py PATH/TO/pith [--corpus]
Without --corpus: the fixtures and the written page.  With --corpus: the
corpus pages only, or exit 77 (skipped) with a message when the corpus is
not there.  Prints "N passed, N failed" last.
"""
import concurrent.futures
import difflib
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import md_to_text  # noqa: E402

from checks import check, finish

PITH = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("PITH_CORPUS",
                        os.path.join(os.path.dirname(ROOT), "shared", "corpus"))



def pith(*args, stdin=None):
    p = subprocess.run([PITH, *args], input=stdin, capture_output=True,
                       timeout=120)
    if b"Sanitizer" in p.stderr or b"runtime error" in p.stderr:
        return -1, "sanitizer report: " + p.stderr[:300].decode("utf-8",
                                                               "replace")
    return p.returncode, p.stdout.decode("utf-8")


def words(text):
    return [w for w in text.split() if set(w) != {"|"}]


def round_trip(path):
    """None when the Markdown reads back as the txt, else a diff."""
    rc, txt = pith(path)
    rc2, md = pith("--format", "markdown", "--links", "--images", path)
    if rc != rc2 or rc < 0:
        return f"exit {rc} for txt, {rc2} for markdown: {txt[:300]}{md[:300]}"
    got, want = words(md_to_text.render(md)), words(txt)
    if got == want:
        return None
    diff = difflib.unified_diff(want, got, "txt", "markdown", lineterm="",
                                n=3)
    return " ".join(list(diff)[2:16])


def run_all(paths, label):
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        for path, problem in zip(paths, ex.map(round_trip, paths)):
            check(problem is None, f"{label} {path}: {problem}")


manifest = os.path.join(CORPUS, "manifest.json")
if "--corpus" in sys.argv:
    if not os.path.exists(manifest):
        print(f"skipped: no corpus at {CORPUS}")
        sys.exit(77)
    docs = json.load(open(manifest))
    run_all([os.path.join(CORPUS, doc["html"]) for doc in docs], "corpus")
    finish()

# Fixtures.
fixtures = sorted(
    os.path.join(ROOT, "fixtures", d, "source.html")
    for d in os.listdir(os.path.join(ROOT, "fixtures"))
    if os.path.exists(os.path.join(ROOT, "fixtures", d, "source.html")))
run_all(fixtures, "fixture")

# The writer on markup that needs care.
PAGE = """<html><head><title>Stars * and _underscores_ #1</title></head>
<body><article>
<h1>Stars * and _underscores_ #1</h1>
<p>A paragraph with <b>bold words</b>, <i>italic ones</i>, a
<a href="/docs/a b(c).html">relative link</a> and <em>"quoted"</em>
emphasis, plus AT&amp;T, &lt;tags&gt; and 3 * 4 = 12.</p>
<p>1. Not a list, # not a heading, and [not a link](x).</p>
<ul><li>One item with enough text to count.<ul><li>A nested item with
words.</li></ul></li><li>Two items in the list of things.</li></ul>
<ol><li>First ordered entry here.</li><li>Second ordered entry.</li></ol>
<blockquote><p>A quotation that goes on for a while, to be kept.</p></blockquote>
<pre><code>code with * and ```fences``` kept
  indented line</code></pre>
<table><thead><tr><th>Name</th><th>Value | pipe</th></tr></thead>
<tbody><tr><td>alpha</td><td><b>1</b></td></tr><tr><td>beta</td><td>2</td>
<td>extra</td></tr></tbody></table>
<p>Prose around a picture, <img src="pic.png" alt="A [bracketed] picture">
with commas, and enough words to be kept as a paragraph of the article:
it goes on for a while, so that nothing mistakes it for a caption, and
it ends with a full stop like the other paragraphs of this page do.</p>
<p>More prose after the table, with commas, and a full stop. The article
goes on with another sentence, so that it has enough text to be kept.</p>
</article></body></html>"""
with tempfile.TemporaryDirectory() as d:
    page = os.path.join(d, "page.html")
    with open(page, "w") as f:
        f.write(PAGE)
    problem = round_trip(page)
    check(problem is None, f"careful page: {problem}")
    rc, md = pith("--format", "markdown", "--links", "--images", "--url",
                  "https://site.example/dir/page.html", page)
    check(md.startswith("# Stars \\* and \\_underscores\\_ \\#1\n"),
          f"title is a heading, escaped: {md[:60]!r}")
    check("**bold words**" in md and "*italic ones*" in md,
          "bold and italic")
    check("[relative link](https://site.example/docs/a%20b%28c%29.html)"
          in md, "links resolved against --url, parentheses encoded")
    check("![A \\[bracketed\\] picture](https://site.example/dir/pic.png)"
          in md, "images with --images")
    check("\n- One item" in md and "\n  - A nested item" in md,
          "nested list by level")
    check("\n1. First ordered" in md, "ordered list")
    check("\n> A quotation" in md, "quote")
    check("````\ncode with * and ```fences``` kept\n  indented line\n````"
          in md, "code fenced, longer than its backticks, text untouched")
    check("| Name | Value \\| pipe |  |\n| --- | --- | --- |" in md,
          "table header padded to the widest row, pipes escaped")
    check("| alpha | **1** |" in md, "table cells with emphasis")
    check("AT\\&T" in md and "\\<tags\\>" in md and "3 \\* 4" in md,
          "syntax characters escaped")
    check("\n1\\. Not a list, # not" in md and "\\[not a link\\](x)" in md,
          "list starts and brackets escaped")
    rc, plain = pith("--format", "markdown", page)
    check("[relative link]" not in plain and "![" not in plain,
          "no links or images without --links / --images")
    rc, nt = pith("--format", "markdown", "--no-tables", page)
    check("| Name" not in nt and "alpha" not in nt, "--no-tables")

finish()
