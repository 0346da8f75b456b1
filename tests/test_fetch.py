#!/usr/bin/env python3
"""Fetching with pith against the local test server (tests/server): each case
asserts the exit code, the message and the text.

Usage: test_fetch.py PATH/TO/pith   (prints "N passed, N failed" last)
"""
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse
import urllib.request

from checks import check, finish

PITH = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "server", "test_server.py")
UA = "pith/0.1.0 (+https://github.com/pith-extract/pith)"
run_id = "%d-%d" % (os.getpid(), int(time.time()))



def start_server():
    d = tempfile.mkdtemp()
    port_file = os.path.join(d, "port")
    proc = subprocess.Popen([sys.executable, SERVER, "--port-file", port_file,
                             "--max-seconds", "300"])
    for _ in range(200):
        if os.path.exists(port_file):
            return proc, int(open(port_file).read())
        time.sleep(0.05)
    proc.kill()
    raise SystemExit("test server did not start")


def pith(*args, timeout=60, stdin=None):
    """Runs pith; returns (exit code, stdout, stderr, seconds taken)."""
    t0 = time.monotonic()
    p = subprocess.run([PITH, *args], capture_output=True, timeout=timeout,
                       input=stdin)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"), time.monotonic() - t0)


def get(path):
    with urllib.request.urlopen(base + path, timeout=10) as r:
        return r.read()


def norm(s):
    return " ".join(unicodedata.normalize("NFC", s).split())


def expect_paragraphs(path):
    """The article paragraphs the server says path holds, normalized."""
    text = get("/expect" + path.split("?")[0]).decode("utf-8")
    return [norm(line) for line in text.splitlines() if line.strip()]


def has_paragraphs(out, path):
    """Every paragraph of path's article is in out (the extractor may drop
    a heading line, so only paragraphs are compared)."""
    paras = expect_paragraphs(path)
    text = norm(out)
    return bool(paras) and all(p in text for p in paras)


def hits(key):
    return json.loads(get("/counter?key=" + key))["hits"]


def key(name):
    return "%s-%s" % (name, run_id)


class Stats:
    """/stats read over a connection held open, counted once (README)."""

    def __init__(self):
        self.c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)

    def get(self, path="/stats"):
        self.c.request("GET", path)
        return json.loads(self.c.getresponse().read())

    def settle(self):
        """Waits until only this connection is open (clients that just
        closed are noticed a few ms later), then resets the maxima."""
        for _ in range(200):
            if self.get()["open_connections"] == 1:
                break
            time.sleep(0.02)
        return self.get("/stats/reset")


proc, port = start_server()
base = f"http://127.0.0.1:{port}"


def test_basics():
    rc, out, err, _ = pith(base + "/article")
    check(rc == 0 and has_paragraphs(out, "/article"),
          f"/article extracts (rc {rc}, {err})")
    rc, out, err, _ = pith("--insecure", base + "/article")
    check(rc == 0 and "NOT VERIFIED" in err and "warning" in err,
          f"--insecure warns loudly on stderr ({err.strip()})")


def test_redirects():
    rc, js, err, _ = pith("--format", "json", base + "/redirect/3")
    doc = json.loads(js) if rc == 0 else {}
    check(rc == 0 and has_paragraphs(doc.get("text", ""), "/article"),
          f"redirect chain followed ({rc} {err})")
    check(doc.get("url") == base + "/article", "final URL reported as url")
    rc, out_v, err, _ = pith("-v", base + "/redirect/3")
    check(rc == 0 and err.count("redirected") == 4 and ": 200, " in err
          and "charset " in err and "page type " in err and " ms: decode "
          in err, f"-v tells the hops, charset, page type and times ({err})")
    rc, js, err, _ = pith("--format", "json", base + "/redirect/9")
    check(rc == 0 and json.loads(js)["url"] == base + "/article",
          f"10 redirects are allowed ({rc} {err.strip()})")
    rc, out, err, _ = pith(base + "/redirect/10")
    check(rc == 4 and "too many redirects (more than 10)" in err
          and base + "/redirect/10" in err and out == "",
          f"11 redirects: exit 4 ({rc} {err.strip()})")
    rc, out, err, _ = pith(base + "/redirect-loop")
    check(rc == 4 and "redirect loop" in err and "/redirect-loop" in err,
          f"redirect loop: exit 4 naming the loop ({rc} {err.strip()})")
    rc, js, err, _ = pith("-f", "json", base + "/redirect-301")
    check(rc == 0 and json.loads(js)["url"] == base + "/article",
          f"301 followed ({rc} {err.strip()})")
    rc, js, err, _ = pith("-f", "json", base + "/redirect-relative")
    check(rc == 0 and json.loads(js)["url"] == base + "/article"
          and has_paragraphs(json.loads(js)["text"], "/article"),
          f"relative Location resolved ({rc} {err.strip()})")
    rc, out, err, _ = pith("--retries", "0", base + "/status/308")
    check(rc == 0 and has_paragraphs(out, "/article"), "308 followed")


def test_meta_refresh():
    rc, js, err, _ = pith("-f", "json", base + "/meta-refresh")
    doc = json.loads(js) if rc == 0 else {}
    check(rc == 0 and doc.get("url") == base + "/article"
          and has_paragraphs(doc.get("text", ""), "/article"),
          f"meta refresh followed, final URL reported ({rc} {err})")
    # Followed once only: the second page's own refresh is not followed.
    rc, js, err, _ = pith("-f", "json",
                          base + "/meta-refresh-to?url=/meta-refresh")
    doc = json.loads(js) if js else {}
    check(rc in (0, 7) and doc.get("url") == base + "/meta-refresh",
          f"meta refresh followed once ({rc} {doc.get('url')})")
    other = f"http://other.localhost:{port}/article"
    rc, js, err, _ = pith("-f", "json", base + "/meta-refresh-to?url="
                          + urllib.request.quote(other, safe=""))
    doc = json.loads(js) if js else {}
    check(rc in (0, 7) and doc.get("url", "").endswith("/meta-refresh-to?url="
                                                       + urllib.request.quote(other, safe="")),
          f"meta refresh to another host not followed ({rc} {doc.get('url')})")
    rc, js, err, _ = pith("-f", "json", base + "/meta-refresh-to?url="
                          "file%3A%2F%2F%2Fetc%2Fpasswd")
    check(rc in (0, 7) and "root:" not in js,
          f"meta refresh to file:// not followed ({rc})")
    rc, js, err, _ = pith("-f", "json",
                          base + "/meta-refresh-to?url=/article&delay=600")
    doc = json.loads(js) if js else {}
    check(rc in (0, 7) and "/meta-refresh-to" in doc.get("url", ""),
          f"a slow (600 s) refresh is a reload, not followed ({rc})")


def test_encodings():
    rc, article, _, _ = pith(base + "/article")
    check(rc == 0 and has_paragraphs(article, "/article"), "the article")
    # force=1: the body is compressed whatever pith asked for.
    for path in ("/gzip?force=1", "/deflate?force=1", "/deflate-raw"):
        rc, out, err, _ = pith(base + path)
        check(rc == 0 and out == article,
              f"{path}: body inflated ({rc} {err.strip()})")
    for path in ("/gzip", "/deflate"):  # asked for, not forced
        rc, out, err, _ = pith("-f", "json", base + path)
        check(rc == 0 and has_paragraphs(
                  json.loads(out or "{}").get("text") or "", "/article"),
              f"{path}: negotiated and inflated ({rc} {err.strip()})")
    # libcurl would pass a gzip stream that ends early as a whole one.
    rc, out, err, _ = pith(base + "/gzip-truncated")
    check(rc == 3 and out == "" and "truncated gzip" in err
          and "/gzip-truncated" in err,
          f"a gzip body cut short: exit 3, as a cut .html.gz ({rc} "
          f"{err.strip()})")
    rc, out, err, _ = pith("--urls", urls_file(
        [base + "/gzip-truncated", base + "/gzip?force=1"]))
    lines = json_lines(out)
    check(rc == 3 and len(lines) == 2
          and "truncated gzip" in (lines[0]["error"] or "")
          and lines[0]["text"] is None and lines[1]["error"] is None
          and has_paragraphs(lines[1]["text"] or "", "/article"),
          f"--urls: the cut body fails, the whole one is read ({rc} "
          f"{out[:300]})")
    for coding in ("br", "zstd"):
        # Not asked for, not inflated: said so, never passed on as text.
        rc, out, err, _ = pith(base + f"/{coding}?force=1")
        check(rc == 6 and out == "" and
              f"unsupported Content-Encoding: {coding}" in err,
              f"{coding} body refused ({rc} {err.strip()})")
    rc, out, err, _ = pith("--force", base + "/headers")
    check(rc == 0 and '"Accept-Encoding": "gzip, deflate"' in out,
          f"Accept-Encoding lists the codings pith inflates ({out[:300]})")
    rc, out, err, _ = pith("--force", "-H", "Accept-Encoding: identity",
                           base + "/headers")
    check(rc == 0 and '"Accept-Encoding": "identity"' in out
          and "gzip" not in out, f"-H Accept-Encoding replaces it ({out[:300]})")


def test_caps():
    rc, out, err, _ = pith(base + "/huge-header")
    check(rc == 4 and "header line over" in err and "Out of memory" not in err,
          f"a 1 MiB header line: exit 4, said so ({rc} {err.strip()})")
    rc, out, err, _ = pith("--max-bytes", "1000000", base + "/big?mb=2")
    check(rc == 8 and "1000000-byte limit" in err and base in err,
          f"body over the cap: exit 8 ({rc} {err.strip()})")
    rc, out, err, t = pith("--max-bytes", "1000000", base + "/gzip-bomb",
                           timeout=30)
    check(rc == 8 and "limit" in err and t < 10,
          f"gzip bomb stops at the cap: exit 8 ({rc} {err.strip()} {t:.1f}s)")
    rc, out, err, t = pith(base + "/gzip-bomb", timeout=60)
    check(rc == 8 and "33554432-byte limit" in err,
          f"gzip bomb stops at the default 32 MiB ({rc} {err.strip()})")
    rc, out, err, t = pith("--urls", urls_file(
        [base + "/gzip-bomb", base + "/gzip?force=1"]),
        "--max-bytes", "1000000", timeout=30)
    lines = json_lines(out)
    check(rc == 8 and len(lines) == 2
          and "1000000-byte limit" in (lines[0]["error"] or "")
          and lines[1]["error"] is None and lines[1]["text"],
          f"--urls: the bomb refused, the next page read ({rc} {out[:300]})")


def test_timeouts():
    k = key("stall")
    rc, out, err, t = pith("--timeout", "1", base + f"/stall?key={k}")
    check(rc == 4 and 0.9 < t < 5 and "timed out" in err,
          f"stalled server: exit 4 after the timeout ({rc} {err.strip()})")
    check(hits(k) == 1, "a timeout is not retried")
    rc, out, err, t = pith("--timeout", "2", base + "/trickle")
    check(rc == 4 and 1.9 < t < 6 and "timed out" in err,
          f"trickle cut at the total timeout ({rc} {t:.1f}s {err.strip()})")
    rc, out, err, _ = pith("--connect-timeout", "0.5", base + "/article")
    check(rc == 0 and out, "--connect-timeout accepted")
    rc, out, err, _ = pith("--timeout", "soon", base + "/article")
    check(rc == 2 and "--timeout" in err, "bad --timeout: exit 2")


def test_retries():
    k = key("ra")
    # The backoff would wait 5 s; Retry-After: 1 says 1 s and wins.
    rc, out, err, t = pith("--retry-delay", "5000",
                           base + f"/retry-after?key={k}")
    check(rc == 0 and has_paragraphs(out, "/retry-after"),
          f"429 then 200 ({rc} {err.strip()})")
    check(hits(k) == 2 and 0.9 < t < 3,
          f"429 retried once after Retry-After (hits {hits(k)}, {t:.2f}s)")
    k = key("ra-long")
    rc, out, err, t = pith(base + f"/retry-after?key={k}&after=3600")
    check(rc == 5 and "429" in err and "Retry-After" in err and t < 3
          and hits(k) == 1,
          f"Retry-After over 60 s: no retry, exit 5 ({rc} {err.strip()})")
    k = key("flaky")
    rc, out, err, _ = pith("--retry-delay", "20",
                           base + f"/flaky?key={k}&fail=1")
    check(rc == 0 and has_paragraphs(out, "/flaky") and hits(k) == 2,
          f"503 then 200 ({rc} hits {hits(k)})")
    k = key("flaky5")
    rc, out, err, _ = pith("--retry-delay", "20",
                           base + f"/flaky?key={k}&fail=5")
    check(rc == 5 and "HTTP status 503" in err and "after 3 attempts" in err
          and hits(k) == 3, f"503 thrice: 2 retries, exit 5 ({rc} "
          f"{err.strip()} hits {hits(k)})")
    k = key("noretry")
    rc, out, err, _ = pith("--retries", "0", base + f"/flaky?key={k}")
    check(rc == 5 and hits(k) == 1, "--retries 0: one attempt")
    k = key("404")
    rc, out, err, _ = pith(base + f"/status/404?key={k}")
    check(rc == 5 and "HTTP status 404" in err and base in err and out == ""
          and hits(k) == 1, f"404: exit 5, no retry ({rc} {err.strip()})")
    k = key("500")
    rc, out, err, _ = pith("--retry-delay", "10", base + f"/status/500?key={k}")
    check(rc == 5 and "HTTP status 500" in err and hits(k) == 3,
          f"500: exit 5 after 2 retries (hits {hits(k)})")
    k = key("408")
    rc, out, err, _ = pith("--retry-delay", "10", "--retries", "1",
                           base + f"/status/408?key={k}")
    check(rc == 5 and hits(k) == 2, f"408 is retried (hits {hits(k)})")
    k = key("501")
    rc, out, err, _ = pith("--retry-delay", "10", base + f"/status/501?key={k}")
    check(rc == 5 and hits(k) == 1, "501 is not retried")
    k = key("403")
    rc, out, err, _ = pith(base + f"/status/403?key={k}")
    check(rc == 5 and hits(k) == 1, "403 is not retried")
    # A port nobody listens on: refused, retried with backoff, exit 4.
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    dead = s.getsockname()[1]
    s.close()
    rc, out, err, t = pith("--retry-delay", "200", f"http://127.0.0.1:{dead}/")
    check(rc == 4 and err.startswith("pith: ") and "after 3 attempts" in err
          and t > 0.25, f"connection refused: retried, exit 4 ({rc} "
          f"{t:.2f}s {err.strip()})")


def test_content_types():
    rc, out, err, _ = pith(base + "/pdf")
    check(rc == 6 and "application/pdf" in err and base + "/pdf" in err,
          f"PDF: exit 6 naming the URL and type ({rc} {err.strip()})")
    rc, out, err, _ = pith(base + "/image")
    check(rc == 6 and "image/png" in err, "PNG: exit 6")
    rc, out, err, _ = pith(base + "/json")
    check(rc == 6 and "application/json" in err, "JSON: exit 6")
    rc, out, _, _ = pith("--force", base + "/json")
    check(rc in (0, 7), "--force reads what is not HTML")
    rc, out, err, _ = pith(base + "/xhtml")
    check(rc == 0 and has_paragraphs(out, "/xhtml"),
          f"XHTML is extracted ({rc} {err.strip()})")
    rc, out, err, _ = pith(base + "/no-content-type")
    check(rc == 0 and has_paragraphs(out, "/no-content-type"),
          f"no Content-Type: extracted ({rc} {err.strip()})")


def test_request_headers():
    rc, out, err, _ = pith("--force", base + "/headers")
    check(rc == 0 and f'"User-Agent": "{UA}"' in out,
          f"default User-Agent ({out[:200]})")
    rc, out, err, _ = pith("--force", "--user-agent", "Tester/2.0",
                           "-H", "X-Pith-Test: yes",
                           "--header=Accept-Language: fr", base + "/headers")
    check(rc == 0 and '"User-Agent": "Tester/2.0"' in out,
          "--user-agent replaces it")
    check('"X-Pith-Test": "yes"' in out and '"Accept-Language": "fr"' in out,
          f"-H adds headers ({out[:400]})")
    # -H headers stay with the host the user named: a redirect to another
    # host (localhost is not 127.0.0.1 to a client) gets none of them, and
    # no Referer; one to the same host gets them.
    other = f"http://localhost:{port}/headers"
    rc, out, err, _ = pith("--force", "-H", "X-Api-Key: secret",
                           base + "/redirect-to?url=" +
                           urllib.parse.quote(other, safe=""))
    check(rc == 0 and '"Host": "localhost:' in out and "secret" not in out
          and "Referer" not in out,
          f"-H and Referer not sent to another host ({rc} {out[:400]})")
    rc, out, err, _ = pith("--force", "-H", "X-Api-Key: secret",
                           base + "/redirect-to?url=%2Fheaders")
    check(rc == 0 and '"X-Api-Key": "secret"' in out and
          f'"Referer": "{base}/redirect-to' in out,
          f"-H and Referer sent on within the same host ({rc} {out[:400]})")
    rc, out, err, _ = pith("-H", "no colon", base + "/article")
    check(rc == 2 and "Name: value" in err, "a malformed -H: exit 2")
    d = tempfile.mkdtemp()
    jar = os.path.join(d, "cookies.txt")
    with open(jar, "w") as f:
        f.write("# Netscape HTTP Cookie File\n"
                "127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tabc\n")
    rc, out, err, _ = pith("--cookies", jar, base + "/needs-cookie")
    check(rc == 0 and has_paragraphs(out, "/needs-cookie"),
          f"cookie file sent ({rc} {err.strip()})")
    rc, out, err, _ = pith(base + "/needs-cookie")
    check(rc == 5 and "403" in err, "without the cookie: 403, exit 5")
    rc, out, err, _ = pith("--cookies", os.path.join(d, "missing.txt"),
                           base + "/article")
    check(rc == 3 and "cookie file" in err and "missing.txt" in err,
          f"unreadable cookie file: exit 3 ({rc} {err.strip()})")


# name -> (charset, charset_source) pith should report
CHARSETS = {
    "win1252-header": ("windows-1252", "http"),
    "latin1-header": ("windows-1252", "http"),
    "win1252-meta": ("windows-1252", "meta"),
    "win1252-meta-late": ("windows-1252", "meta"),
    "misdeclared": ("windows-1252", "detected"),
    "bom-vs-header": ("utf-8", "bom"),
    "utf16-bom": ("utf-16le", "bom"),
    "shift_jis": ("shift_jis", "http"),
    "undeclared-sjis": ("shift_jis", "detected"),
    "gbk": ("gbk", "http"),
    "euc-kr": ("euc-kr", "http"),
    "koi8-r": ("koi8-r", "http"),
}


def test_charsets():
    for name, (cs, source) in CHARSETS.items():
        path = "/cs/" + name
        rc, js, err, _ = pith("-f", "json", base + path)
        doc = json.loads(js) if rc == 0 else {}
        text = doc.get("text") or ""
        check(rc == 0 and has_paragraphs(text, path) and "\ufffd" not in text,
              f"{path}: decoded text has every paragraph ({rc} {err.strip()}"
              f" {text[:80]!r})")
        check((doc.get("charset"), doc.get("charset_source")) == (cs, source),
              f"{path}: charset {doc.get('charset')}/"
              f"{doc.get('charset_source')}, want {cs}/{source}")
    rc, out, _, _ = pith(base + "/cs/gbk")
    check(all(c in out for c in "歡臨請嘗"),
          "gb2312 label decodes GBK-only characters")


def test_deny_private():
    k = key("deny")
    rc, out, err, _ = pith("--deny-private", base + f"/article?key={k}")
    check(rc == 4 and "refused: 127.0.0.1 is a loopback address" in err
          and base in err and out == "",
          f"--deny-private refuses 127.0.0.1: exit 4 ({rc} {err.strip()})")
    check(hits(k) == 0, "refused before connecting (no request reached it)")
    rc, out, err, _ = pith("--deny-private",
                           f"http://localhost:{port}/article")
    check(rc == 4 and "loopback address" in err,
          f"--deny-private checks after DNS ({rc} {err.strip()})")
    rc, out, err, _ = pith(base + f"/article?key={k}")
    check(rc == 0 and hits(k) == 1, "without --deny-private it works")


def urls_file(urls):
    d = tempfile.mkdtemp()
    path = os.path.join(d, "urls.txt")
    with open(path, "w") as f:
        f.write("".join(u + "\n" for u in urls))
    return path


def json_lines(out):
    try:
        return [json.loads(line) for line in out.splitlines()]
    except ValueError:
        return []


def test_many():
    urls = [base + "/article", base + "/status/404", base + "/pdf",
            "not a url", base + "/redirect/2", base + "/pages/7"]
    listing = urls_file(["# a comment", ""] + urls)
    rc, out, err, _ = pith("--urls", listing, "--retries", "0")
    lines = json_lines(out)
    check([d.get("url") for d in lines] == urls,
          f"--urls: one JSON line per URL, in order ({out[:300]})")
    check(rc == 5, f"--urls exits with the first failure's code ({rc})")
    if len(lines) == len(urls):
        a, e404, pdf, bad, redir, page = lines
        check(set(a) == {"url", "final_url", "status", "error", "title",
                         "page_type", "text"},
              f"fields of a line ({sorted(a)})")
        check(a["status"] == 200 and a["error"] is None and a["title"]
              and has_paragraphs(a["text"], "/article"), "article line")
        check(e404["status"] == 404 and "404" in e404["error"]
              and e404["text"] is None, "404 line")
        check(pdf["status"] == 200 and "application/pdf" in pdf["error"],
              "PDF line")
        check(bad["status"] is None and bad["final_url"] is None
              and "malformed" in bad["error"], "a bad URL's line")
        check(redir["final_url"] == base + "/article", "final_url line")
        check("pith-page-007" in (page["text"] or ""), "page line")
    rc, out, err, _ = pith("--urls", "-", stdin=(base + "/article\n").encode())
    check(rc == 0 and len(json_lines(out)) == 1, "--urls - reads stdin")
    rc, out, err, _ = pith("--urls", listing, base + "/article")
    check(rc == 2, "--urls with an INPUT: exit 2")
    k = key("deny-many")
    rc, out, err, _ = pith("--urls", urls_file([base + f"/article?key={k}"]),
                           "--deny-private")
    lines = json_lines(out)
    check(rc == 4 and lines and "loopback" in (lines[0]["error"] or "")
          and hits(k) == 0, "--deny-private in --urls")


def test_robots_and_delay():
    # One URL obeys --robots too.
    rc, out, err, _ = pith("--robots", base + "/private/page")
    check(rc == 4 and "robots.txt disallows" in err and out == "",
          f"--robots refuses a single disallowed URL ({rc} {err.strip()})")
    rc, out, err, _ = pith("--robots", base + "/article")
    check(rc == 0 and out, f"--robots fetches an allowed URL ({rc} {err})")
    st = Stats()
    st.settle()
    urls = [base + "/article", base + "/private/page", base + "/pages/1"]
    rc, out, err, t = pith("--urls", urls_file(urls), "--robots")
    lines = json_lines(out)
    s = st.get()
    check(len(lines) == 3 and lines[0]["error"] is None
          and lines[2]["error"] is None, f"robots: allowed pages fetched "
          f"({out[:300]})")
    check(len(lines) == 3 and "robots.txt disallows" in (lines[1]["error"] or "")
          and lines[1]["final_url"] is None, "robots: /private/ refused")
    check(rc == 4, f"robots: a disallowed URL exits 4 ({rc})")
    # robots.txt, then two pages, Crawl-delay: 1 apart.
    # total_requests counts the /stats read too.
    check(s["total_requests"] - 1 == 3, f"robots.txt fetched once, the "
          f"private page never ({s['total_requests'] - 1} requests)")
    check(1.9 < t < 5, f"Crawl-delay: 1 honoured ({t:.2f}s)")

    # No robots.txt (404): everything allowed.  Unreachable (503, after
    # its retries): nothing allowed, and the page is never asked for.
    k = key("robots")
    urls = [f"http://robots-404.localhost:{port}/private/page",
            f"http://robots-503.localhost:{port}/article?key={k}"]
    rc, out, err, t = pith("--urls", urls_file(urls), "--robots",
                           "--retry-delay", "10")
    lines = json_lines(out)
    check(len(lines) == 2 and lines[0]["error"] is None
          and has_paragraphs(lines[0]["text"] or "", "/private/page"),
          f"robots.txt 404: everything allowed ({out[:200]})")
    check(len(lines) == 2 and "robots.txt could not be read (HTTP status "
          "503" in (lines[1]["error"] or "") and hits(k) == 0 and rc == 4,
          f"robots.txt 503: nothing fetched ({out[:400]})")

    urls = [base + f"/pages/{i}" for i in range(5)]
    rc, out, err, t = pith("--urls", urls_file(urls), "--delay", "300",
                           "--per-host", "4")
    check(rc == 0 and len(json_lines(out)) == 5 and t >= 1.2,
          f"--delay 300: 5 requests to one host take 1.2 s ({t:.2f}s)")
    urls = [f"http://h{i}.localhost:{port}/pages/{i}" for i in range(5)]
    rc, out, err, t = pith("--urls", urls_file(urls), "--delay", "300")
    check(rc == 0 and len(json_lines(out)) == 5 and t < 1.0,
          f"--delay is per host: 5 hosts start at once ({t:.2f}s)")


def test_concurrency():
    st = Stats()
    n = 200
    # One host: at most 4 connections and 4 requests at once.
    urls = [base + f"/pages/{i}?ms=50" for i in range(n)]
    st.settle()
    rc, out, err, t = pith("--urls", urls_file(urls), "--concurrency", "16",
                           "--per-host", "4", timeout=120)
    s = st.get()
    lines = json_lines(out)
    check(rc == 0 and len(lines) == n and all(
        "pith-page-%03d" % i in (d["text"] or "")
        for i, d in enumerate(lines)), f"200 pages, in order ({rc} {err})")
    # The connection reading /stats is one of the open ones.
    check(s["max_open_connections"] - 1 <= 4,
          f"one host: at most 4 connections ({s})")
    host = f"127.0.0.1:{port}"
    check(s["max_active_by_host"].get(host) == 4,
          f"one host: 4 requests at once, never more ({s})")
    ideal = n * 0.05 / 4
    check(ideal * 0.95 < t < ideal * 2,
          f"one host: {t:.2f}s for {n} pages of 50 ms, 4 at a time "
          f"(ideal {ideal:.2f}s)")

    # Eight hosts: 16 at once overall, 4 per host.
    slowest = max(pith(base + f"/pages/{i}?ms=100")[3] for i in range(3))
    urls = [f"http://h{i % 8}.localhost:{port}/pages/{i}?ms=100"
            for i in range(n)]
    st.settle()
    rc, out, err, t = pith("--urls", urls_file(urls), "--concurrency", "16",
                           "--per-host", "4", timeout=120)
    s = st.get()
    lines = json_lines(out)
    check(rc == 0 and len(lines) == n and all(
        "pith-page-%03d" % i in (d["text"] or "")
        for i, d in enumerate(lines)), f"8 hosts: 200 pages, in order ({rc})")
    # Requests in flight, not connections: moving from one host to the
    # next, curl closes an idle connection and opens another, and the
    # server notices the close a few ms late, so its connection count can
    # pass 16 for a moment.  A request is counted only while it is served.
    per_host = s["max_active_by_host"]
    check(len(per_host) == 8 and max(per_host.values()) == 4,
          f"8 hosts: 4 requests at once to a host, never more ({per_host})")
    check(s["max_active_requests"] == 16,
          f"8 hosts: 16 requests at once overall, never more ({s})")
    bound = 2 * slowest * n / 16
    check(t < bound, f"8 hosts: {t:.2f}s for {n} pages, under 2 x slowest "
          f"page ({slowest:.2f}s) x {n}/16 = {bound:.2f}s")


try:
    for test in (test_basics, test_redirects, test_meta_refresh,
                 test_encodings, test_caps, test_timeouts, test_retries,
                 test_content_types, test_request_headers, test_charsets,
                 test_deny_private, test_many, test_robots_and_delay,
                 test_concurrency):
        t0 = time.monotonic()
        test()
        if os.environ.get("PITH_TEST_VERBOSE"):
            print(f"{test.__name__}: {time.monotonic() - t0:.2f}s")
finally:
    proc.terminate()
    proc.wait(timeout=10)

finish()
