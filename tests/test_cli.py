#!/usr/bin/env python3
"""The pith command: options, input kinds, output formats and exit codes.

Usage: test_cli.py PATH/TO/pith   (prints "N passed, N failed" last)
"""
import html.parser
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
      eh.find("Content-Security-Policy") < eh.find("<iframe") and
      "default-src 'none'" in eh, "explain html forbids scripts and loads")


class Tags(html.parser.HTMLParser):
    """The start tags of a document, with their attributes."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def runs_code(tag, attrs):
    """What of a start tag could run a script or load from elsewhere."""
    if tag in ("script", "link", "img", "object", "embed", "base", "svg",
               "math", "form", "input", "video", "audio"):
        return tag
    for k, v in attrs.items():
        v = (v or "").strip().lower()
        if k.startswith("on") or v.startswith(("javascript:", "data:")):
            return f"{tag} {k}"
    return None


# A page that attacks the view: a title and a style that re-parse into an
# <img onerror>, javascript: and data: links, a remote stylesheet.
HOSTILE = (
    "<html><head><title>News &lt;/title&gt;&lt;img src=x "
    "onerror=alert(1)&gt;</title>"
    "<link rel=stylesheet href=https://styles.example/s.css></head><body>"
    "<article><h1>Head</h1><p>Some text of an article, with commas, long "
    "enough to count as a paragraph of prose here.</p><p><a href="
    "\"javascript:alert(2)\">link</a> and <a href=\"data:text/html,"
    "<script>alert(3)</script>\">data</a>, more text of prose.</p>"
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(11)>"
    "</style></mtext></math><script>alert(4)</script>"
    "<p>Another paragraph of the article, with commas, and words enough "
    "to be kept.</p></article></body></html>")
with tempfile.TemporaryDirectory() as d:
    hostile = os.path.join(d, "hostile.html")
    with open(hostile, "w") as f:
        f.write(HOSTILE)
    rc, view, _ = pith("--explain=html", hostile)
    outer = Tags()
    outer.feed(view)
    bad = [r for t, a in outer.tags if (r := runs_code(t, a))]
    check(rc == 0 and not bad,
          f"explain html: no markup of the page in the view ({bad})")
    frames = [a for t, a in outer.tags if t == "iframe"]
    check(len(frames) == 1 and "sandbox" in frames[0] and
          "allow-scripts" not in (frames[0]["sandbox"] or ""),
          "explain html: the page is in a frame that runs no script")
    doc = frames[0].get("srcdoc", "") if frames else ""
    check(doc.find("Content-Security-Policy") >= 0 and
          doc.find("default-src 'none'") < doc.find("<html") and
          "data-pith=kept" in doc,
          "explain html: the frame has the policy before the page's markup")

# Exit codes.
master, slave = os.openpty()
p = subprocess.run([PITH], stdin=slave, capture_output=True, timeout=60)
os.close(slave)
os.close(master)
check(p.returncode == 2 and b"usage" in p.stderr,
      "no input on a terminal: usage, exit 2")
with open(PAGE, "rb") as f:
    rc, sin, _ = pith(stdin=f.read())
check(rc == 0 and sin == out, "no input named: a piped page is read")
rc, _, err = pith("ftp://example.com/x.html")
check(rc == 2 and "unsupported scheme 'ftp'" in err,
      "ftp:// is an unsupported scheme, exit 2")
rc, _, err = pith("127.0.0.1:8702/page")
check(rc == 3 and "http://127.0.0.1:8702/page" in err,
      "a bare host:port suggests http://")
with tempfile.TemporaryDirectory() as d:
    gz = os.path.join(d, "page.html.gz")
    import gzip
    with open(PAGE, "rb") as f, gzip.open(gz, "wb") as g:
        g.write(f.read())
    rc, gzout, err = pith(gz)
    check(rc == 0 and gzout == out, "a .html.gz page is decompressed")
    rc, _, err = pith(d)
    check(rc == 3 and "is a directory" in err and "pith batch" in err,
          "a directory points to pith batch")
# What is not HTML is named (exit 6), unless --force.
import random
rng = random.Random(7)
noise = bytes(rng.getrandbits(8) for _ in range(5000))
for data, name in ((noise, "binary data"), (b'{"a": [1, 2]}\n', "JSON"),
                   (b"Plain notes, a < b and b > c.\n", "plain text")):
    rc, _, err = pith("-", stdin=data)
    check(rc == 6 and name in err, f"{name} is not HTML: exit 6 ({err.strip()})")
rc, txt, _ = pith("--force", "-", stdin=b"Plain notes, a < b and b > c.\n")
check(rc == 0 and "Plain notes" in txt, "--force extracts plain text")
rc, _, err = pith("-", stdin=b"<p>A fragment of HTML.")
check(rc == 0, "a fragment with a tag is HTML")
# --charset overrides a false declaration.
lying = ("<html><head><meta charset=shift_jis><title>Caf\u00e9</title>"
         "</head><body><article><h1>Caf\u00e9 cr\u00e8me</h1><p>Un caf\u00e9 "
         "cr\u00e8me, s'il vous pla\u00eet, et une tarte \u00e0 la "
         "cr\u00e8me.</p></article></body></html>").encode("latin-1")
rc, js, _ = pith("-f", "json", "--charset", "latin1", "-", stdin=lying)
d = json.loads(js)
check(rc == 0 and "Un caf\u00e9 cr\u00e8me" in d["text"] and
      d["charset"] == "windows-1252" and d["charset_source"] == "option",
      "--charset overrides a false <meta charset>")
rc, _, err = pith("--charset", "klingon", PAGE)
check(rc == 2 and "unknown charset" in err, "--charset of no charset: exit 2")
# Options that would be ignored are refused.
rc, _, err = pith("--links", PAGE)
check(rc == 2 and "add -f markdown" in err, "--links without markdown: exit 2")
rc, _, err = pith("--urls", "-", "-f", "markdown", stdin=b"")
check(rc == 2 and "JSON lines" in err, "--urls with -f markdown: exit 2")
rc, _, err = pith("batch", "--images", PAGE, "--jsonl", "-")
check(rc == 2 and "add -f markdown" in err,
      "batch --images into JSON lines: exit 2")
# Batch output files: unnamed pages get their number, same names do not
# overwrite each other.
with tempfile.TemporaryDirectory() as d:
    os.makedirs(os.path.join(d, "a"))
    os.makedirs(os.path.join(d, "b"))
    pa, pb = os.path.join(d, "a", "x.html"), os.path.join(d, "b", "x.html")
    with open(PAGE, "rb") as f:
        html = f.read()
    for p_ in (pa, pb):
        with open(p_, "wb") as f:
            f.write(html)
    out_dir = os.path.join(d, "out")
    rc, _, err = pith("batch", "-q", pa, pb, "-o", out_dir)
    names = sorted(os.listdir(out_dir)) if os.path.isdir(out_dir) else []
    check(rc == 0 and "x.txt" in names and "x-2.txt" in names,
          f"batch: a/x.html and b/x.html write x.txt and x-2.txt ({names})")
    line = json.dumps({"source": "one", "html": html.decode("utf-8")})
    out2 = os.path.join(d, "out2")
    rc, _, err = pith("batch", "-q", "--stdin-jsonl", "-o", out2,
                      stdin=(line + "\n" + line + "\n").encode())
    names = sorted(os.listdir(out2)) if os.path.isdir(out2) else []
    check(rc == 0 and "00000000.txt" in names and "00000001.txt" in names,
          f"batch --stdin-jsonl -o writes a numbered file a page ({names})")
    man = [json.loads(l) for l in
           open(os.path.join(out2, "pith-manifest.jsonl"))]
    check(all(m["output"] for m in man) and len(man) == 2,
          "the manifest names each page's file")
rc, hl, _ = pith("--help")
check(rc == 0 and "10 a fixture" in hl, "--help lists exit code 10")
rc, man, _ = pith("--man")
check(rc == 0 and man.startswith(".TH PITH 1") and
      all(n.replace("-", "\\-") in man for n in
          ("--page-type", "--only-types", "--charset", "--jobs",
           "--resume", "--dir")), "the man page lists every command's options")
# A wget mirror: pages named story.php, index.html?page=2 or nothing.
with tempfile.TemporaryDirectory() as d:
    site = os.path.join(d, "site")
    os.makedirs(site)
    with open(PAGE, "rb") as f:
        html = f.read()
    for n in ("story.php", "index.html?page=2", "noext"):
        with open(os.path.join(site, n), "wb") as f:
            f.write(html)
    with open(os.path.join(site, "style.css"), "w") as f:
        f.write("body{}")
    with open(os.path.join(site, "README"), "w") as f:
        f.write("just text")
    out_dir = os.path.join(d, "out")
    rc, _, err = pith("batch", site, "-o", out_dir)
    names = sorted(os.listdir(out_dir)) if os.path.isdir(out_dir) else []
    check(rc == 0 and names == ["index.html?page=2.txt", "noext.txt",
                                "pith-manifest.jsonl", "story.php.txt"],
          f"batch reads a mirror's pages of no .html name ({names})")
    rc, _, err = pith("batch", site, "-o", out_dir, "--resume")
    check(rc == 0, "--resume runs")
    rc2, _, err2 = pith("batch", "-q", site, "-o", out_dir, "-f", "json")
    check(rc2 == 0 and "3 .txt files of an earlier batch" in err2,
          f"a batch in another format into an old -o DIR says so ({err2})")
    check(rc == 0 and "3 already done (--resume)" in err and
          "skipped" not in err, f"--resume says what it left out ({err})")
    empty = os.path.join(d, "empty")
    os.makedirs(empty)
    with open(os.path.join(empty, "a.css"), "w") as f:
        f.write("x")
    rc, _, err = pith("batch", empty, "-o", os.path.join(d, "o3"))
    check("no page found" in err, f"a batch without pages warns ({err})")
rc, out_v, err = pith("-v", PAGE)
check(rc == 0 and out_v == out and "charset utf-8 (from " in err and
      "page type article" in err and " ms: decode " in err,
      f"-v tells on stderr what happened ({err})")
# Hostile option values and URLs (issue: security).
rc, _, err = pith("--user-agent", "a\r\nX-Evil: 1", "http://127.0.0.1:9/")
check(rc == 2 and "one line" in err, "--user-agent with a line break: exit 2")
with tempfile.TemporaryDirectory() as d:
    rc, _, err = pith("--cookies", d, "http://127.0.0.1:9/")
    check(rc == 3 and "directory" in err, "a cookie file that is a directory: exit 3")
rc, out_f, err = pith("--urls", "-", stdin=b"file:///etc/passwd\n")
line = json.loads(out_f) if out_f.strip() else {}
check(rc == 4 and "unsupported scheme" in (line.get("error") or "") and
      not line.get("text"), "--urls never reads file:// URLs")
rc, out_f, err = pith("batch", "--urls", "-", "--jsonl", "-", "-q",
                      stdin=b"file:///etc/passwd\n")
check(rc == 9 and "unsupported scheme" in out_f and "root:" not in out_f,
      "batch --urls never reads file:// URLs")
rc, _, err = pith("fixture", "update", os.path.join(ROOT, "fixtures"),
                  "../outside")
check(rc == 2 and "not a fixture name" in err,
      "fixture update takes names, not paths out of DIR")
with tempfile.TemporaryDirectory() as d:
    rc, _, err = pith("fixture", "record", "--dir", d, "--name",
                      "manifest.json", PAGE)
    check(rc == 2 and "not a fixture name" in err and
          not os.path.exists(os.path.join(d, "manifest.json", "fixture.json")),
          "fixture record refuses the name manifest.json")
jsp = (b'<html><body><article><h1>T</h1><p>Some text here that is long '
       b'enough, with a <a href=" javascript:alert(1)">link</a>, '
       b'<a href="java&#x09;script:alert(2)">two</a>, <a href="JAVASCRIPT:x">'
       b'three</a> and <a href="/ok">four</a>.</p></article></body></html>')
for extra in ((), ("--url", "https://x.example/a")):
    rc, md_js, _ = pith("-f", "markdown", "--links", *extra, "-", stdin=jsp)
    check(rc == 0 and "javascript" not in md_js.lower() and "four" in md_js,
          f"markdown never writes a javascript: link ({extra})")
# A gzip file cut short is reported, never extracted as a whole page.
import gzip as _gz
with tempfile.TemporaryDirectory() as d:
    with open(PAGE, "rb") as f:
        cut = _gz.compress(f.read())[:1500]
    tp = os.path.join(d, "cut.html.gz")
    with open(tp, "wb") as f:
        f.write(cut)
    rc, _, err = pith(tp)
    check(rc == 3 and "truncated gzip" in err, "a truncated .html.gz: exit 3")
    rc, recs, _ = pith("batch", d, "--jsonl", "-", "-q")
    check(rc == 9 and '"status":"input"' in recs and "truncated gzip" in recs,
          "batch: a truncated .html.gz is an input failure, not ok")
# One batch per manifest at a time.
import fcntl
with tempfile.TemporaryDirectory() as d:
    os.makedirs(os.path.join(d, "out"))
    man_path = os.path.join(d, "out", "pith-manifest.jsonl")
    with open(man_path, "w") as held:
        held.write('{"source":"kept"}\n')
        held.flush()
        fcntl.flock(held, fcntl.LOCK_EX)
        rc, _, err = pith("batch", "-q", PAGE, "-o", os.path.join(d, "out"))
        fcntl.flock(held, fcntl.LOCK_UN)
    check(rc == 3 and "another pith batch" in err and
          open(man_path).read() == '{"source":"kept"}\n',
          f"a second batch into a DIR in use is refused, its manifest "
          f"untouched ({err})")
# The 4 MiB block cap cuts between characters, never inside one.
emoji = ("<html><body><article><h1>T</h1><p>" + "\U0001F600" * 1100000 +
         "</p></article></body></html>").encode()
p_ = subprocess.run([PITH, "--body-only", "-"], input=emoji,
                    capture_output=True, timeout=120)
try:
    txt_e = p_.stdout.decode("utf-8")
except UnicodeDecodeError:
    txt_e = None
check(p_.returncode == 0 and txt_e and "\ufffd" not in txt_e and
      txt_e.rstrip("\n").endswith("\U0001F600"),
      "a paragraph of emoji past the block cap ends in whole characters")
eac = ("<html><body><article><h1>T</h1><p>" + "\u00e9" * 2200000 +
       "</p></article></body></html>").encode()
p_ = subprocess.run([PITH, "--explain", "-"], input=eac,
                    capture_output=True, timeout=120)
try:
    json.loads(p_.stdout.decode("utf-8"))
    ok_e = True
except (UnicodeDecodeError, ValueError):
    ok_e = False
check(p_.returncode == 0 and ok_e,
      "--explain of a paragraph past the block cap is valid UTF-8 JSON")
with tempfile.TemporaryDirectory() as d:
    bw = os.path.join(d, "bad.warc")
    with open(bw, "wb") as f:
        f.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: "
                b"99999999999999999999999\r\n\r\nxx\r\n\r\n")
    rc, recs, _ = pith("batch", bw, "--jsonl", "-", "-q")
    check(rc == 9 and "Content-Length is not a length" in recs and
          "has no Content-Length" not in recs,
          "a WARC record's huge length is named as such")
rc, _, err = pith(PAGE, PAGE)
check(rc == 2 and "pith batch" in err, "two inputs point to pith batch")
rc, _, err = pith("fixture", "update", os.path.join(ROOT, "fixtures"),
                  "no-such-fixture")
check(rc == 2 and "no fixture named 'no-such-fixture'" in err,
      "fixture update of an unknown name says so, exit 2")
rc, js, err = pith("--format", "json", PAGE)
check(rc == 0 and json.loads(js)["page_type"] == "article",
      "json says the page type")
rc, js, err = pith("--format", "json", "--page-type", "listing", PAGE)
check(json.loads(js)["page_type"] == "listing", "--page-type forces the kind")
rc, _, err = pith("--page-type", "blog", PAGE)
check(rc == 2 and "unknown page type" in err, "--page-type of no kind: exit 2")
rc, out7, err = pith("--only-types", "forum,product", PAGE)
check(rc == 7 and out7 == "" and "article" in err and "forum,product" in err,
      "--only-types: another kind exits 7 naming the kind seen")
rc, js, err = pith("--only-types", "forum", "-f", "json", PAGE)
check(rc == 7 and json.loads(js)["reason"] == "page-type",
      "--only-types: reason page-type")
rc, _, _ = pith("--only-types", "article,forum", PAGE)
check(rc == 0, "--only-types: a wanted kind extracts")
rc, ex, _ = pith("--explain", "--page-type", "forum", PAGE)
e = json.loads(ex)
check(e["page_type"] == "forum" and e["page_type_forced"] and
      "page_type_signals" in e, "explain names the page type and why")
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
# A page of 20 MB, under the 32 MiB default, extracts: its text (over the
# 16 MiB output cap) is cut at the cap, not refused as out of memory.
big = ("<html><body><article><h1>A long list</h1><ul>" +
       "<li>an item of a list that is long</li>" * 560000 +
       "</ul></article></body></html>").encode()
rc, out20, err = pith("-", stdin=big)
check(rc == 0 and out20.count("an item of a list") > 100000,
      f"a 20 MB page extracts (rc {rc}, {err.strip()})")
idx = os.path.join(ROOT, "fixtures", "index-page-no-article", "source.html")
# A section's front page is a listing; taken for an article, it is a mere
# index of links.
rc, js, _ = pith("--format", "json", idx)
check(json.loads(js)["page_type"] == "listing", "index page: a listing")
rc, out, err = pith("--page-type", "article", idx)
check(rc == 7 and out == "" and "index" in err, "index page: exit 7")
rc, ex, err2 = pith("--explain", "--page-type", "article", idx)
e = json.loads(ex)
check(rc == 7 and e["verdict"] == "no-content" and e["reason"] == "index"
      and "index" in e["message"] and err2 == err,
      "--explain of an index page: its verdict and reason, exit 7")
rc, eh, _ = pith("--explain=html", "--page-type", "article", idx)
check(rc == 7 and "no main content" in eh and "pith-banner" in eh,
      "--explain=html: a banner with the verdict")
rc, eh, _ = pith("--explain=html", PAGE)
check(rc == 0 and "main content found" in eh and "data-pith=title" in eh,
      "--explain=html: a legend, and the title line marked as printed")
rc, ex, _ = pith("--explain", PAGE)
check(rc == 0 and json.loads(ex)["verdict"] == "article" and
      any(b.get("title_line") for b in json.loads(ex)["blocks"]),
      "--explain json: verdict article, the title's block marked")
rc, _, err = pith("--explain=xml", PAGE)
check(rc == 2 and "json or html" in err, "--explain=xml names the values")
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
# something else (a related story) and is not the publication date; the
# modified date, the one date the page gives, stands in.
later = (b"<html><head><title>Notes on a quiet harbour</title>"
         b"<meta property='article:modified_time' content='2024-01-10'>"
         b"</head><body><article><p>" + b"The harbour was quiet all "
         b"winter, with only the ferry and the gulls for company. " * 5 +
         b"</p></article><aside><a href='/x'>Later story</a> "
         b"<time datetime='2024-05-01'>1 May</time></aside></body></html>")
rc, js, _ = pith("--format", "json", "-", stdin=later)
doc = json.loads(js)
check(rc == 0 and doc["date_published"] == "2024-01-10" and
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

# A product page whose description is only in its JSON-LD (the tab that
# shows it is filled by a script): with the kind product, the name, the
# description and the specifications come out once each, and the related
# products, the navigation and the footer do not.
PRODUCT = os.path.join(ROOT, "fixtures", "product-description-in-jsonld",
                       "source.html")
rc, prod, err = pith("--page-type", "product", "--body-only", PRODUCT)
check(rc == 0, f"a product page extracts (rc {rc}, {err})")
check(prod.count("heavy waxed canvas") == 1 and
      "inner pocket keeps keys" in prod, "JSON-LD description, once")
check("Capacity: 22 litres" in prod and "0.9 kg" in prod,
      "JSON-LD and table specifications")
check("Customers also bought" not in prod and "Free shipping" not in prod
      and "Sale" not in prod, "no related products, footer or navigation")
rc, full, _ = pith("--page-type", "product", PRODUCT)
check(rc == 0 and full.count("Harbor Canvas Tote") == 1 and
      full.startswith("Harbor Canvas Tote\n"),
      "the name once, as the title line")
rc, art, _ = pith("--page-type", "article", "--body-only", PRODUCT)
check(rc == 0 and "heavy waxed canvas" not in art,
      "an article's text takes no product JSON-LD")

finish()
