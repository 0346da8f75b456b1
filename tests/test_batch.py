#!/usr/bin/env python3
"""pith batch: directory trees, WARC files, JSONL on stdin and URL lists
through the worker pool; output independent of -j and of sharding; crash,
hang and memory-hog pages recorded and survived; kill -9 then --resume.

Usage: test_batch.py PATH/TO/pith   (prints "N passed, N failed" last)

Uses the shared corpus (../shared/corpus beside the checkout) when it is
there, and the fixtures, repeated under distinct names, when it is not.
Set PITH_SANITIZED=1 for a sanitizer build: the memory budget is not
applied there (AddressSanitizer reserves terabytes of address space), so
the memory-hog case is left out, saying so.
"""
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid

from checks import check, finish

PITH = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("PITH_CORPUS",
                        os.path.join(os.path.dirname(ROOT), "shared", "corpus"))
SANITIZED = os.environ.get("PITH_SANITIZED") == "1"
# The page time budget of the failure cases: long enough for any real
# page on a loaded machine, sanitizers included; the hanging page costs it.
PAGE_TIMEOUT = "10" if SANITIZED else "3"



def pith(*args, stdin=None, env=None, timeout=600):
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run([PITH, *args], input=stdin, capture_output=True,
                       timeout=timeout, env=e)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def source_pages(limit):
    """(name, bytes) of up to limit pages: the corpus, else the fixtures
    that hold an article (their expected text is not empty) repeated
    under distinct names."""
    pages = []
    if os.path.isdir(CORPUS):
        for dirpath, _, files in sorted(os.walk(CORPUS)):
            for f in sorted(files):
                if f.endswith(".html"):
                    pages.append(os.path.join(dirpath, f))
    else:
        print(f"note: no corpus at {CORPUS}; using fixtures/ repeated")
    if not pages:
        fx = os.path.join(ROOT, "fixtures")
        pages = [os.path.join(fx, d, "source.html")
                 for d in sorted(os.listdir(fx))
                 if os.path.isfile(os.path.join(fx, d, "source.html")) and
                 os.path.getsize(os.path.join(fx, d, "expected.txt"))]
    out = []
    i = 0
    while len(out) < limit:
        p = pages[i % len(pages)]
        with open(p, "rb") as f:
            out.append((f"p{i:05d}", f.read()))
        i += 1
    return out


def tree_bytes(d):
    """{relative path: bytes} of every file under d, the manifest's ms
    cut off (the only field that differs between runs)."""
    out = {}
    for dirpath, _, files in os.walk(d):
        for f in files:
            p = os.path.join(dirpath, f)
            rel = os.path.relpath(p, d)
            data = open(p, "rb").read()
            if "pith-manifest" in f:
                data = strip_ms(data)
            out[rel] = data
    return out


def strip_ms(data):
    return b"".join(l.rsplit(b',"ms":', 1)[0] + b"\n"
                    for l in data.splitlines(True))


def records(data):
    return [json.loads(l) for l in data.decode("utf-8").splitlines()]


tmp = tempfile.mkdtemp(prefix="pith-batch-test-")

# ------------------------------------------------------------ a tree
fx = os.path.join(ROOT, "fixtures")
names = sorted(d for d in os.listdir(fx)
               if os.path.isfile(os.path.join(fx, d, "source.html")))
# Fixtures with an empty expected.txt hold no article: no text file.
no_article = sum(1 for d in names
                 if os.path.getsize(os.path.join(fx, d, "expected.txt")) == 0)
tree = os.path.join(tmp, "tree")
for i, n in enumerate(names):
    sub = os.path.join(tree, "a" if i % 2 else "b", "deep" if i % 3 else "")
    os.makedirs(sub, exist_ok=True)
    data = open(os.path.join(fx, n, "source.html"), "rb").read()
    if i % 4 == 0:
        with gzip.open(os.path.join(sub, n + ".html.gz"), "wb") as f:
            f.write(data)
    else:
        ext = [".html", ".htm", ".xhtml"][i % 3]
        open(os.path.join(sub, n + ext), "wb").write(data)
open(os.path.join(tree, "notes.txt"), "w").write("not a page")
os.makedirs(os.path.join(tree, ".hidden"))
open(os.path.join(tree, ".hidden", "x.html"), "w").write("<p>hidden</p>")

out1 = os.path.join(tmp, "out1")
rc, _, err = pith("batch", tree, "-o", out1, "-j", "1")
check(rc == 0, f"a tree: exit 0 ({rc}, {err})")
check("pages in" in err, "a summary line on stderr")
man = records(open(os.path.join(out1, "pith-manifest.jsonl"), "rb").read())
check(len(man) == len(names), f"one manifest line per page ({len(man)})")
check(sorted(m["source"] for m in man) == [m["source"] for m in man],
      "manifest lines in input (sorted) order")
same = 0
for m in man:
    src = os.path.join(tree, m["source"])
    if m["status"] != "ok":
        continue
    opener = gzip.open if src.endswith(".gz") else open
    raw = opener(src, "rb").read()
    p = subprocess.run([PITH, "-"], input=raw, capture_output=True)
    got = open(os.path.join(out1, m["output"]), "rb").read()
    same += got == p.stdout
    stem = m["source"]
    for ext in (".gz", ".html", ".htm", ".xhtml"):
        stem = stem[: -len(ext)] if stem.endswith(ext) else stem
    check(m["output"] == stem + ".txt", f"mirrored name {m['output']}")
check(same == sum(m["status"] == "ok" for m in man) and same > 10,
      f"every file is what pith prints for the page ({same})")
check(any(m["status"] == "no-content" and m["output"] is None for m in man),
      "a page without content: no file, status no-content")
check(not any(".tmp" in f for f in tree_bytes(out1)), "no temporary files")

out2 = os.path.join(tmp, "out2")
rc, _, _ = pith("batch", tree, "-o", out2, "-j", "2", "-q")
check(rc == 0 and tree_bytes(out1) == tree_bytes(out2),
      "-j 2 writes the same bytes as -j 1")

sh = os.path.join(tmp, "sharded")
rc0, _, _ = pith("batch", tree, "-o", sh, "-j", "2", "--shard", "0/2")
rc1, _, _ = pith("batch", tree, "-o", sh, "-j", "1", "--shard", "1/2")
got = tree_bytes(sh)
m0 = got.pop("pith-manifest.0-of-2.jsonl", b"")
m1 = got.pop("pith-manifest.1-of-2.jsonl", b"")
want = tree_bytes(out1)
wman = want.pop("pith-manifest.jsonl")
check(rc0 == 0 and rc1 == 0 and got == want,
      "--shard 0/2 and 1/2 together write the files of one run")
check(m0 and m1 and sorted((m0 + m1).splitlines()) ==
      sorted(wman.splitlines()), "the shards' manifests make the whole one")

for fmt, ext in (("json", ".json"), ("markdown", ".md")):
    d = os.path.join(tmp, "fmt-" + fmt)
    rc, _, _ = pith("batch", tree, "-o", d, "--format", fmt, "-q")
    files = [f for f in tree_bytes(d) if f.endswith(ext)]
    check(rc == 0 and
          len(files) >= len(names) - (no_article if fmt != "json" else 0),
          f"--format {fmt} writes {ext} files ({len(files)})")
    if fmt == "json":
        doc = json.loads(open(os.path.join(d, files[0]), "rb").read())
        check("title" in doc and "charset" in doc, "json files are pith's")

# ------------------------------------------------------------ JSONL
jl1 = os.path.join(tmp, "j1.jsonl")
jl2 = os.path.join(tmp, "j2.jsonl")
rc, _, _ = pith("batch", tree, "--jsonl", jl1, "-j", "1", "-q")
rc2, _, _ = pith("batch", tree, "--jsonl", jl2, "-j", "2", "-q")
r1 = open(jl1, "rb").read()
check(rc == 0 and rc2 == 0 and r1 == open(jl2, "rb").read(),
      "JSONL: the same bytes with -j 1 and -j 2")
recs = records(r1)
check(len(recs) == len(names), "JSONL: one record per page")
check(all(list(r)[:3] == ["source", "status", "error"] and "text" in r and
          "title" in r and "charset" in r for r in recs),
      "JSONL records: source, status, error, then pith's JSON fields")
check(os.path.exists(os.path.join(tmp, "j1.pith-manifest.jsonl")),
      "the manifest beside the JSONL file")
rc, out, _ = pith("batch", tree, "-q")
check(rc == 0 and out == r1, "JSONL on stdout by default")

# --stdin-jsonl: the streaming mapper.
lines = []
for n in names[:5]:
    html = open(os.path.join(fx, n, "source.html"), "rb").read()
    lines.append(json.dumps({"url": f"https://ex.org/{n}",
                             "html": html.decode("utf-8", "replace")}))
lines += ["", "not json", json.dumps({"url": "https://ex.org/none"}),
          json.dumps({"id": 7, "html": "<title>T</title><p>Short text.</p>"})]
rc, out, err = pith("batch", "--stdin-jsonl", "-j", "2",
                    stdin=("\n".join(lines) + "\n").encode())
recs = records(out)
check(rc == 9, f"--stdin-jsonl: exit 9 when some lines fail ({rc}, {err})")
check(len(recs) == 8, f"one record per non-blank line ({len(recs)})")
check([r["source"] for r in recs[:5]] ==
      [f"https://ex.org/{n}" for n in names[:5]], "records in input order")
check(recs[0]["status"] == "ok" and recs[0]["url"] == "https://ex.org/" +
      names[0], "the url comes through")
check(recs[5]["status"] == "input" and recs[5]["source"] == "line 7",
      "a line that is not JSON: an input failure named by its line")
check(recs[6]["status"] == "input" and "html" in recs[6]["error"],
      "a line without html: an input failure")
check(recs[7]["source"] == "7" and recs[7]["status"] == "ok",
      "an id names the input")

# A driver that waits for each answer before writing the next line.
p = subprocess.Popen([PITH, "batch", "--stdin-jsonl", "-q"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
answers = []
for l in lines[:3]:
    p.stdin.write(l.encode() + b"\n")
    p.stdin.flush()
    answers.append(json.loads(p.stdout.readline()))
p.stdin.close()
p.stdout.read()
check(p.wait() == 0 and len(answers) == 3 and
      answers[2]["source"] == f"https://ex.org/{names[2]}",
      "each line is answered before the next is written (streaming)")

# ------------------------------------------------------------ WARC
def warc_record(wtype, block, uri=None, ctype=None, extra=""):
    key = wtype + str(uri) + str(len(block)) + extra
    rid = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}"
    h = (f"WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Record-ID: <{rid}>\r\n"
         "WARC-Date: 2024-05-01T00:00:00Z\r\n")
    if uri:
        h += f"WARC-Target-URI: {uri}\r\n"
    if ctype:
        h += f"Content-Type: {ctype}\r\n"
    h += extra + f"Content-Length: {len(block)}\r\n\r\n"
    return rid, h.encode() + block + b"\r\n\r\n"


def http_response(body, ctype="text/html", status="200 OK", headers=""):
    head = f"HTTP/1.1 {status}\r\n"
    if ctype:
        head += f"Content-Type: {ctype}\r\n"
    head += headers
    if "chunked" not in headers:
        head += f"Content-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


def chunked(data, size=1000):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


N_WARC = 1000
pages = source_pages(N_WARC)
recs_out = []   # the WARC's records, in order
expected = {}   # record id -> URL of every HTML record
rid, r = warc_record("warcinfo", b"software: test\r\n",
                     ctype="application/warc-fields")
recs_out.append(r)
N_SMALL = 100   # pages of the smaller WARC for the variants
small_end = None
for i, (name, body) in enumerate(pages):
    if i == N_SMALL:
        small_end = len(recs_out)
    uri = f"https://site{i % 7}.example/{name}"
    _, r = warc_record("request", b"GET /" + name.encode() +
                       b" HTTP/1.1\r\nHost: x\r\n\r\n", uri,
                       "application/http; msgtype=request")
    recs_out.append(r)
    if i % 97 == 5:   # chunked and gzip-encoded, as a crawler stored it
        block = http_response(chunked(gzip.compress(body)),
                              "text/html; charset=utf-8",
                              headers="Transfer-Encoding: chunked\r\n"
                                      "Content-Encoding: gzip\r\n")
    else:
        block = http_response(body)
    rid, r = warc_record("response", block, uri,
                         "application/http; msgtype=response")
    recs_out.append(r)
    expected[rid] = uri
    if i % 50 == 0:
        _, r = warc_record("metadata", b"via: x\r\n", uri,
                           "application/warc-fields")
        recs_out.append(r)
        _, r = warc_record("response", http_response(
            b"\x89PNG\r\n\x1a\n....", "image/png"), uri + ".png",
            "application/http; msgtype=response")
        recs_out.append(r)
        _, r = warc_record("response", http_response(
            b"<html><p>gone</p></html>", status="404 Not Found"),
            uri + "/404", "application/http; msgtype=response")
        recs_out.append(r)
        _, r = warc_record("response", http_response(
            b"%PDF-1.4 ...", "application/pdf"), uri + ".pdf",
            "application/http; msgtype=response")
        recs_out.append(r)

warc_gz = os.path.join(tmp, "crawl.warc.gz")
with open(warc_gz, "wb") as f:
    for r in recs_out:
        f.write(gzip.compress(r))       # one member per record
# The variants hold the first N_SMALL pages (and the records between).
small = recs_out[:small_end]
warc_small = os.path.join(tmp, "small.warc.gz")
with open(warc_small, "wb") as f:
    for r in small:
        f.write(gzip.compress(r))
warc_one = os.path.join(tmp, "whole.warc.gz")
with open(warc_one, "wb") as f:
    f.write(gzip.compress(b"".join(small)))  # one member for the file
warc_plain = os.path.join(tmp, "plain.warc")
with open(warc_plain, "wb") as f:
    f.write(b"".join(small))

wj = os.path.join(tmp, "warc.jsonl")
rc, _, err = pith("batch", warc_gz, "--jsonl", wj, "-j", "2")
wrecs = records(open(wj, "rb").read())
check(rc == 0, f"WARC: exit 0 ({rc}, {err[-300:]})")
check(len(wrecs) == len(expected),
      f"WARC: one record per HTML response ({len(wrecs)} of {len(expected)})")
check({r["source"]: r["url"] for r in wrecs} == expected,
      "WARC: every HTML record once, with its URL")
check(all(r["status"] in ("ok", "no-content") for r in wrecs),
      "WARC: every page extracted")
check(sum(r["status"] == "ok" for r in wrecs) > len(wrecs) * 0.9,
      "WARC: pages have text")
# The same pages from files give the same text (a chunked, gzip-encoded
# body included).
pdir = os.path.join(tmp, "pages")
os.makedirs(pdir)
for name, body in pages[:N_SMALL]:
    open(os.path.join(pdir, name + ".html"), "wb").write(body)
pj = os.path.join(tmp, "pages.jsonl")
pith("batch", pdir, "--jsonl", pj, "-q", "--page-type", "article")
by_file = {r["source"][:-5]: r["text"] for r in records(open(pj, "rb").read())}
# One kind for both: a record's URL (which files lack) is a signal of the
# page's kind, and this compares the reading of WARC, not the kind.
wk = os.path.join(tmp, "warc-article.jsonl")
pith("batch", warc_gz, "--jsonl", wk, "-q", "--page-type", "article")
wk_recs = records(open(wk, "rb").read())
check(all(by_file[pages[i][0]] == wk_recs[i]["text"] for i in range(N_SMALL)),
      "WARC: each record's text is its page's text")
sj = os.path.join(tmp, "small.jsonl")
rc, _, _ = pith("batch", warc_small, "--jsonl", sj, "-q")
small_recs = open(sj, "rb").read()
check(rc == 0 and small_recs.count(b"\n") == N_SMALL and
      records(small_recs) == wrecs[:N_SMALL],
      "WARC: the first records of a WARC are the same in a shorter one")
for path in (warc_one, warc_plain):
    out = os.path.join(tmp, os.path.basename(path) + ".jsonl")
    rc, _, _ = pith("batch", path, "--jsonl", out, "-q")
    check(rc == 0 and open(out, "rb").read() == small_recs,
          f"WARC as {os.path.basename(path)}: the same records")
wd = os.path.join(tmp, "warc-dir")
rc, _, _ = pith("batch", warc_small, "-o", wd, "-q")
wfiles = [f for f in tree_bytes(wd) if f.endswith(".txt")]
check(rc == 0 and all(f.startswith("small/") for f in wfiles) and
      len(wfiles) >= N_SMALL * 0.9, "WARC to -o: DIR/small/NNNNNNNN.txt")
# Sharding a WARC by record ID.
s0 = os.path.join(tmp, "ws0.jsonl")
s1 = os.path.join(tmp, "ws1.jsonl")
pith("batch", warc_small, "--jsonl", s0, "--shard", "0/2", "-q")
pith("batch", warc_small, "--jsonl", s1, "--shard", "1/2", "-q")
a, b = open(s0, "rb").read(), open(s1, "rb").read()
check(a and b and sorted((a + b).splitlines()) ==
      sorted(small_recs.splitlines()),
      "WARC: --shard 0/2 and 1/2 together give the whole")
bad = os.path.join(tmp, "bad.warc")
open(bad, "wb").write(recs_out[1] + b"garbage\r\n")
rc, out, err = pith("batch", bad, "-q")
check(rc == 9 and records(out)[-1]["status"] == "input",
      "a WARC that goes bad: an input failure, exit 9")


# One bad record spoils itself only: the reading goes on at the next gzip
# member and the next "WARC/1." line.
def resync_case(name, members, gz=True):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(b"".join(gzip.compress(m) if gz and isinstance(m, bytes)
                         else m.raw if not isinstance(m, bytes) else m
                         for m in members))
    rc, out, _ = pith("batch", path, "-q", "--page-type", "article")
    got = records(out)
    bad = [g for g in got if g["status"] == "input"]
    ok = sorted(g["url"] for g in got if g["status"] == "ok")
    return rc, ok, bad


class Raw:
    """Bytes written into a WARC as they are (a member made by hand)."""

    def __init__(self, raw):
        self.raw = raw


five = [(f"https://resync.example/{n}", b) for n, b in source_pages(5)]
plain = [warc_record("resource", b, u, "text/html")[1] for u, b in five]
want = sorted(u for i, (u, _) in enumerate(five) if i != 2)
cut = gzip.compress(plain[2])
rc, ok, bad = resync_case("cut-member.warc.gz",
                          plain[:2] + [Raw(cut[:len(cut) // 2])] + plain[3:])
check(rc == 9 and ok == want and len(bad) == 1,
      f"WARC: a gzip member cut short spoils its record only "
      f"({rc}, {len(ok)} ok, {[b.get('error') for b in bad]})")
n = len(five[2][1])
liar = plain[2].replace(b"Content-Length: %d\r\n" % n,
                        b"Content-Length: %d\r\n" % (n + 5000))
rc, ok, bad = resync_case("long-length.warc.gz",
                          plain[:2] + [liar] + plain[3:])
check(rc == 9 and ok == want and len(bad) == 1,
      f"WARC: a Content-Length past its member spoils its record only "
      f"({rc}, {len(ok)} ok, {[b.get('error') for b in bad]})")
short = plain[2].replace(b"Content-Length: %d\r\n" % n,
                         b"Content-Length: %d\r\n" % (n - 300))
rc, ok, bad = resync_case("short-length.warc", plain[:2] + [short] + plain[3:],
                          gz=False)
check(rc == 9 and set(want) <= set(ok) and len(bad) == 1,
      f"WARC: a short Content-Length, then the next record is found "
      f"({rc}, {len(ok)} ok, {[b.get('error') for b in bad]})")

# ------------------------------------------------------------ failures
env = {"PITH_TEST_CRASH_MARKER": "PITH-CRASH-HERE",
       "PITH_TEST_HANG_MARKER": "PITH-HANG-HERE",
       "PITH_TEST_HOG_MARKER": "PITH-HOG-HERE"}
fdir = os.path.join(tmp, "failing")
os.makedirs(fdir)
for name, body in source_pages(40):
    open(os.path.join(fdir, name + ".html"), "wb").write(body)
open(os.path.join(fdir, "p00010.html"), "wb").write(
    b"<html><body><p>PITH-CRASH-HERE</p></body></html>")
open(os.path.join(fdir, "p00020.html"), "wb").write(
    b"<html><body><p>PITH-HANG-HERE</p></body></html>")
if not SANITIZED:
    open(os.path.join(fdir, "p00030.html"), "wb").write(
        b"<html><body><p>PITH-HOG-HERE</p></body></html>")
else:
    print("note: sanitizer build: no memory budget, no memory-hog case")
fo = os.path.join(tmp, "failing-out")
t0 = time.monotonic()
rc, _, err = pith("batch", fdir, "-o", fo, "-j", "2", "--page-timeout",
                  PAGE_TIMEOUT, "--page-memory", "256M", env=env)
took = time.monotonic() - t0
man = records(open(os.path.join(fo, "pith-manifest.jsonl"), "rb").read())
st = {m["source"]: m["status"] for m in man}
check(rc == 9, f"a batch with failed pages exits 9 ({rc}, {err[-300:]})")
check(len(man) == 40, f"every page is in the manifest ({len(man)})")
check(st.get("p00010.html") == "crash", "the crashing page: crash")
check(st.get("p00020.html") == "timeout", "the hanging page: timeout")
if not SANITIZED:
    check(st.get("p00030.html") == "memory",
          f"the memory hog: memory ({st.get('p00030.html')})")
others = [s for k, s in st.items()
          if k not in ("p00010.html", "p00020.html", "p00030.html")]
check(all(s in ("ok", "no-content") for s in others),
      "every other page is done")
check(took < 120, f"the hang costs its timeout, not the batch ({took:.1f} s)")
rc, _, _ = pith("batch", fdir, "-o", fo, "-j", "2", "--page-timeout",
                PAGE_TIMEOUT, "--page-memory", "256M", "--resume", "-q",
                env=env)
man2 = records(open(os.path.join(fo, "pith-manifest.jsonl"), "rb").read())
check(rc == 9 and len(man2) == 40 and
      sorted(m["source"] for m in man2) == sorted(st),
      f"--resume redoes only the failed pages, one line each ({rc}, "
      f"{len(man2)})")
check(not subprocess.run(["pgrep", "-f", "PITH-HANG"],
                         capture_output=True).stdout,
      "no worker is left running")

# ------------------------------------------------------------ kill -9
kdir = os.path.join(tmp, "kill-in")
os.makedirs(kdir)
for i, (name, body) in enumerate(source_pages(160)):
    sub = os.path.join(kdir, f"d{i % 5}")
    os.makedirs(sub, exist_ok=True)
    open(os.path.join(sub, name + ".html"), "wb").write(body)


def killed_then_resumed(args, outputs, done_enough):
    p = subprocess.Popen([PITH, "batch", kdir, *args, "-j", "2", "-q"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not done_enough():
        time.sleep(0.01)
    was_running = p.poll() is None
    p.send_signal(signal.SIGKILL)
    p.wait()
    rc, _, err = pith("batch", kdir, *args, "-j", "2", "-q", "--resume")
    return was_running, rc, err


def manifest_lines(path):
    try:
        return open(path, "rb").read().count(b"\n")
    except FileNotFoundError:
        return 0


kref = os.path.join(tmp, "kill-ref")
pith("batch", kdir, "-o", kref, "-q")
kout = os.path.join(tmp, "kill-out")
kman = os.path.join(kout, "pith-manifest.jsonl")
was, rc, err = killed_then_resumed(["-o", kout], kout,
                                   lambda: manifest_lines(kman) >= 40)
check(was, "the batch was killed while running")
got, want = tree_bytes(kout), tree_bytes(kref)
gm, wm = got.pop("pith-manifest.jsonl"), want.pop("pith-manifest.jsonl")
check(rc == 0 and got == want,
      f"kill -9, --resume: every file once, as an uninterrupted run ({rc})")
check(sorted(gm.splitlines()) == sorted(wm.splitlines()),
      "kill -9, --resume: one manifest line per page")

jref = os.path.join(tmp, "kill-ref.jsonl")
pith("batch", kdir, "--jsonl", jref, "-q")
jout = os.path.join(tmp, "kill-out.jsonl")
jman = os.path.join(tmp, "kill-out.pith-manifest.jsonl")
was, rc, err = killed_then_resumed(["--jsonl", jout], jout,
                                   lambda: manifest_lines(jman) >= 40)
check(was, "the JSONL batch was killed while running")
got = open(jout, "rb").read()
want = open(jref, "rb").read()
check(rc == 0 and got == want,
      f"kill -9, --resume: JSONL records once each, the same bytes ({rc})")

# ------------------------------------------------------------ URL lists
def start_server():
    port_file = os.path.join(tmp, "port")
    server = os.path.join(ROOT, "tests", "server", "test_server.py")
    proc = subprocess.Popen([sys.executable, server, "--port-file",
                             port_file, "--max-seconds", "300"])
    for _ in range(200):
        if os.path.exists(port_file):
            return proc, int(open(port_file).read())
        time.sleep(0.05)
    proc.kill()
    raise SystemExit("test server did not start")


server, port = start_server()
try:
    base = f"http://127.0.0.1:{port}"
    urls = [f"{base}/pages/{i}" for i in range(30)]
    urls += [f"{base}/status/404", f"{base}/pdf", f"{base}/redirect/2",
             f"{base}/gzip-truncated", f"{base}/gzip?force=1"]
    ul = os.path.join(tmp, "urls.txt")
    open(ul, "w").write("# a list\n\n" + "\n".join(urls) + "\n")
    uj = os.path.join(tmp, "urls.jsonl")
    rc, _, err = pith("batch", "--urls", ul, "--jsonl", uj, "-j", "2",
                      "--concurrency", "8", "--per-host", "4",
                      "--retries", "0")
    recs = records(open(uj, "rb").read())
    check(rc == 9, f"--urls: exit 9 with a 404 and a PDF ({rc}, {err})")
    check([r["source"] for r in recs] == urls, "--urls: records in list order")
    check(all(r["status"] == "ok" and f"pith-page-{i:03d}" in r["text"]
              for i, r in enumerate(recs[:30])), "--urls: the pages' text")
    check(recs[30]["status"] == "http" and recs[31]["status"] == "not-html",
          "--urls: http and not-html failures")
    check(recs[32]["status"] == "ok" and recs[32]["url"] == base + "/article",
          "--urls: the final URL after redirects")
    check(recs[33]["status"] == "input" and recs[33]["text"] is None
          and "truncated gzip" in (recs[33]["error"] or ""),
          f"--urls: a gzip body cut short fails as input ({recs[33]})")
    check(recs[34]["status"] == "ok" and "gzip" not in (recs[34]["error"] or "")
          and recs[34]["text"] and recs[34]["text"] == recs[32]["text"],
          "--urls: a whole gzip body beside it is the article")
    um = records(open(os.path.join(tmp, "urls.pith-manifest.jsonl"),
                      "rb").read())
    check(len(um) == len(urls), "--urls: a manifest line per URL")
    cut = [m for m in um if m.get("source", "").endswith("/gzip-truncated")]
    check(len(cut) == 1 and cut[0].get("status") == "input"
          and "truncated gzip" in (cut[0].get("error") or ""),
          f"--urls: the manifest says the gzip body was cut ({cut})")
    rc, _, _ = pith("batch", "--urls", ul, "--jsonl", uj, "--resume", "-q",
                    "--retries", "0")
    recs2 = records(open(uj, "rb").read())
    check(rc == 9 and len(recs2) == len(urls) and
          recs2[:30] == recs[:30], "--urls --resume refetches the failures")
finally:
    server.terminate()
    server.wait()

# ------------------------------------------------------------ usage
rc, _, err = pith("batch")
check(rc == 2 and "no input" in err, "no input: usage error")
rc, _, err = pith("batch", tree, "--urls", "x")
check(rc == 2, "two kinds of input: usage error")
rc, _, err = pith("batch", tree, "-o", out1, "--jsonl", "x")
check(rc == 2, "-o and --jsonl: usage error")
rc, _, err = pith("batch", tree, "--shard", "2/2")
check(rc == 2 and "K/N" in err, "--shard 2/2: usage error")
rc, _, err = pith("batch", tree, "--resume")
check(rc == 2 and "manifest" in err, "--resume to stdout: usage error")
rc, _, err = pith("batch", os.path.join(tmp, "missing"), "-q")
check(rc == 3, "a missing input: exit 3")
rc, out, _ = pith("batch", "--help")
check(rc == 0 and b"--shard" in out, "pith batch --help")

shutil.rmtree(tmp)
finish()
