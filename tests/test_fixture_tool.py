#!/usr/bin/env python3
"""pith fixture record/check/update against the local test server
(tests/server): recording keeps the bytes, status, headers and redirects;
check finds exactly the fixture whose expected output changed, with a diff,
and update makes it pass again; failures record nothing; names are stable.

Usage: test_fixture_tool.py PATH/TO/pith   (prints "N passed, N failed" last)
"""
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from checks import check, finish

PITH = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SERVER = os.path.join(HERE, "server", "test_server.py")
SCORER = os.path.join(os.path.dirname(ROOT), "shared", "eval", "score")



def start_server(tmp):
    port_file = os.path.join(tmp, "port")
    proc = subprocess.Popen([sys.executable, SERVER, "--port-file", port_file,
                             "--max-seconds", "300"])
    for _ in range(200):
        if os.path.exists(port_file):
            return proc, int(open(port_file).read())
        time.sleep(0.05)
    proc.kill()
    raise SystemExit("test server did not start")


def pith(*args, timeout=120):
    """Runs pith fixture ARGS; returns (exit code, stdout, stderr)."""
    p = subprocess.run([PITH, "fixture", *args], capture_output=True,
                       timeout=timeout)
    err = p.stderr.decode("utf-8", "replace")
    # Under sanitizers a report also exits 1, the code of a change.
    check("Sanitizer" not in err and "runtime error" not in err,
          f"no sanitizer report from {args[:2]}: {err[:2000]}")
    return p.returncode, p.stdout.decode("utf-8", "replace"), err


def get(path):
    with urllib.request.urlopen(base + path, timeout=10) as r:
        return r.read()


def read(*parts, mode="r"):
    with open(os.path.join(*parts), mode) as f:
        return f.read()


def write(path, data):
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)


def last_line(out):
    lines = out.strip().splitlines()
    return lines[-1] if lines else ""


def closed_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


tmp = tempfile.mkdtemp(prefix="pith-fixture-")
server, port = start_server(tmp)
base = "http://127.0.0.1:%d" % port
pages = os.path.join(tmp, "pages")

try:
    # ------------------------------------------------ record 20 pages
    urls = [base + "/pages/%d" % i for i in range(20)]
    rc, out, err = pith("record", "--dir", pages, *urls)
    check(rc == 0, f"record 20 pages exits 0 (rc {rc}, {err})")
    names = ["127.0.0.1-pages-%d" % i for i in range(20)]
    check(out.count("recorded ") == 20, "one 'recorded' line per page")
    check(all(os.path.isdir(os.path.join(pages, n)) for n in names),
          "names are host and path, without the port")

    for i, n in enumerate(names):
        d = os.path.join(pages, n)
        meta = json.loads(read(d, "fixture.json"))
        check(read(d, "source.html", mode="rb") == get("/pages/%d" % i),
              f"{n}: source.html is the bytes the server sent")
        check(meta["url"] == urls[i] and meta["final_url"] == urls[i],
              f"{n}: url and final_url")
        check(meta["status"] == 200 and meta["source"] == "fetched",
              f"{n}: status 200, fetched")
        check(meta["content_type"].startswith("text/html"),
              f"{n}: content type {meta['content_type']}")
        hdrs = {h[0].lower(): h[1] for h in meta["headers"]}
        check(hdrs.get("content-type") == meta["content_type"] and
              "content-length" in hdrs, f"{n}: headers as received")
        check(meta["redirects"] == [], f"{n}: no redirects")
        check(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ",
                           meta["recorded_at"]) is not None,
              f"{n}: recorded_at {meta['recorded_at']}")
        check(meta["pith_version"] and
              meta["outputs"] == ["expected.txt", "expected.json"],
              f"{n}: version and outputs")
        txt = read(d, "expected.txt")
        check("pith-page-%03d" % i in txt, f"{n}: expected.txt is the page")
        check(json.loads(read(d, "expected.json"))["url"] == urls[i],
              f"{n}: expected.json")
        check(not os.path.exists(os.path.join(d, "expected.md")),
              f"{n}: no expected.md unless asked")

    manifest = json.loads(read(pages, "manifest.json"))
    check([e["id"] for e in manifest] == sorted(names),
          "manifest.json lists every fixture, by name")
    e = manifest[0]
    check(set(e) == {"id", "set", "kind", "html", "expected", "url"} and
          e["kind"] == "full" and e["html"] == e["id"] + "/source.html" and
          e["expected"] == e["id"] + "/expected.txt" and
          e["url"].startswith(base), "manifest entry in the corpus format")

    rc, out, err = pith("check", pages)
    check(rc == 0 and last_line(out) == "20 passed, 0 failed",
          f"check passes after recording (rc {rc}: {out[-200:]} {err})")

    # ------------------------------------------------ one change
    victim = names[7]
    path = os.path.join(pages, victim, "expected.txt")
    original = read(path, mode="rb")
    write(path, original.replace(b"Reference code", b"Reference number"))
    rc, out, err = pith("check", pages)
    check(rc == 1, f"check exits 1 on a changed expected.txt (rc {rc})")
    check(re.findall(r"^FAIL (\S+):", out, re.M) == [victim],
          f"exactly {victim} is reported: {out[:300]}")
    check(f"--- {victim}/expected.txt (expected)" in out and
          f"+++ {victim}/expected.txt (now)" in out, "diff headers")
    check(re.search(r"^-Reference number pith-page-007", out, re.M) and
          re.search(r"^\+Reference code pith-page-007", out, re.M),
          "the diff shows the edited line and the extracted one")
    check(re.search(r"^@@ -\d+,\d+ \+\d+,\d+ @@$", out, re.M),
          "a hunk header")
    check("\033[" not in out, "no color when not on a terminal")
    check(last_line(out) == "19 passed, 1 failed", "summary line last")

    rc, out, err = pith("check", "--json", pages)
    rep = json.loads(out)
    bad = [f["name"] for f in rep["fixtures"] if f["status"] == "failed"]
    check(rc == 1 and rep["passed"] == 19 and rep["failed"] == 1 and
          bad == [victim], f"--json report names {victim}")
    entry = [f for f in rep["fixtures"] if f["name"] == victim][0]
    check(entry["changed"] == ["expected.txt"] and
          "+Reference code" in entry["diff"], "--json carries the diff")

    rc, out, _ = pith("check", "--color=always", pages)
    check(rc == 1 and "\033[31m-Reference number" in out and
          "\033[32m+Reference code" in out, "--color=always: red and green")

    rc, out, err = pith("update", pages, victim)
    check(rc == 0 and f"updated {victim}: expected.txt" in out and
          last_line(out) == "1 updated, 0 unchanged",
          f"update NAME (rc {rc}: {out} {err})")
    check(read(path, mode="rb") == original, "update restores the output")
    rc, out, _ = pith("check", pages)
    check(rc == 0 and last_line(out) == "20 passed, 0 failed",
          "check passes after update")

    # expected.json edited by hand; update with no NAME takes all.
    jpath = os.path.join(pages, names[3], "expected.json")
    jorig = read(jpath, mode="rb")
    write(jpath, jorig.replace(b'"charset":"utf-8"', b'"charset":"latin1"'))
    rc, out, _ = pith("check", pages)
    check(rc == 1 and f"FAIL {names[3]}: expected.json changed" in out and
          re.search(r'^-\s*"charset": "latin1"', out, re.M),
          "an edited expected.json is a change, diffed field by field")
    rc, out, _ = pith("update", pages)
    check(rc == 0 and read(jpath, mode="rb") == jorig and
          last_line(out) == "1 updated, 19 unchanged", "update of all")

    # The recording time (and the headers) are never compared.
    mpath = os.path.join(pages, names[0], "fixture.json")
    m = json.loads(read(mpath))
    m["recorded_at"] = "1999-01-01T00:00:00Z"
    m["headers"] = [["Date", "yesterday"]]
    write(mpath, json.dumps(m))
    rc, out, _ = pith("check", pages)
    check(rc == 0, "recorded_at and headers are not compared")

    # ------------------------------------------------ windows-1252 bytes
    rc, out, err = pith("record", "--dir", pages, base + "/cs/win1252-header")
    n = "127.0.0.1-cs-win1252-header"
    check(rc == 0, f"record a windows-1252 page (rc {rc}, {err})")
    raw = read(pages, n, "source.html", mode="rb")
    sent = get("/cs/win1252-header")
    check(raw == sent, "windows-1252 bytes are stored byte for byte")
    check(any(0x80 <= b <= 0x9F for b in raw), "the bytes hold 0x80-0x9F")
    try:
        raw.decode("utf-8")
        check(False, "the stored page is not re-encoded to UTF-8")
    except UnicodeDecodeError:
        check(True, "the stored page is not re-encoded to UTF-8")
    meta = json.loads(read(pages, n, "fixture.json"))
    check(meta["content_type"] == "text/html; charset=windows-1252",
          "the content type (the charset's only source) is kept")
    txt = read(pages, n, "expected.txt")
    paras = get("/expect/cs/win1252-header").decode("utf-8").splitlines()
    check("€" in txt and "Œ" in txt and
          all(" ".join(p.split()) in " ".join(txt.split())
              for p in paras if p.strip()),
          "expected.txt is the text read as windows-1252")
    rc, out, _ = pith("check", pages, n)
    check(rc == 0 and last_line(out) == "1 passed, 0 failed",
          "check reads it with the stored content type")

    # ------------------------------------------------ redirects
    rc, out, err = pith("record", "--dir", pages, base + "/redirect/3")
    n = "127.0.0.1-redirect-3"
    meta = json.loads(read(pages, n, "fixture.json"))
    check(rc == 0 and meta["final_url"] == base + "/article",
          "a redirected page: final URL")
    check([r["status"] for r in meta["redirects"]] == [302] * 4 and
          meta["redirects"][0]["url"] == base + "/redirect/3" and
          meta["redirects"][3]["url"] == base + "/redirect/0",
          f"the redirect chain: {meta['redirects']}")
    rc, out, err = pith("record", "--dir", pages, base + "/meta-refresh")
    meta = json.loads(read(pages, "127.0.0.1-meta-refresh", "fixture.json"))
    check(rc == 0 and meta["redirects"] == [
        {"url": base + "/meta-refresh", "status": 200, "refresh": True}] and
        meta["final_url"] == base + "/article",
        f"a followed meta refresh is a hop: {meta['redirects']}")

    # A gzip body is stored decoded; its header says how it came.
    rc, out, err = pith("record", "--dir", pages, base + "/gzip?force=1")
    d = os.path.join(pages, "127.0.0.1-gzip-force-1")
    meta = json.loads(read(d, "fixture.json"))
    hdrs = {h[0].lower(): h[1] for h in meta["headers"]}
    check(rc == 0 and read(d, "source.html", mode="rb") == get("/article")
          and hdrs.get("content-encoding") == "gzip",
          f"a gzip body is stored decoded (rc {rc}, {err})")

    # A retried attempt leaves no trace in the chain.
    key = "flaky-%d-%d" % (os.getpid(), time.time())
    rc, out, err = pith("record", "--dir", pages, "--retry-delay", "50",
                        base + "/flaky?key=%s&fail=1" % key)
    names_now = re.findall(r"^recorded (\S+)", out, re.M)
    meta = json.loads(read(pages, names_now[0], "fixture.json")) \
        if names_now else {}
    check(rc == 0 and meta.get("status") == 200 and
          meta.get("redirects") == [],
          f"after a retry: status 200, no hops (rc {rc}, {err})")

    # ------------------------------------------------ failures
    before = sorted(os.listdir(pages))
    rc, out, err = pith("record", "--dir", pages, base + "/status/404")
    check(rc == 5 and "404" in err and "nothing recorded" in err,
          f"a 404 exits 5 and says why (rc {rc}, {err})")
    rc, out, err = pith("record", "--dir", pages, "--retries", "0",
                        "http://127.0.0.1:%d/pages/1" % closed_port())
    check(rc == 4 and "nothing recorded" in err,
          f"a refused connection exits 4 (rc {rc}, {err})")
    rc, out, err = pith("record", "--dir", pages, base + "/pdf")
    check(rc == 6 and "nothing recorded" in err,
          f"a PDF exits 6 (rc {rc}, {err})")
    rc, out, err = pith("record", "--dir", pages, "--deny-private",
                        base + "/pages/150")
    check(rc == 4 and "refused: 127.0.0.1 is a loopback address" in err,
          f"--deny-private applies to recording (rc {rc}, {err})")
    check(sorted(os.listdir(pages)) == before, "failures record nothing")

    hits = json.loads(get("/stats"))["total_requests"]
    rc, out, err = pith("record", "--dir", pages, urls[5])
    check(rc == 2 and "--force" in err,
          f"re-recording needs --force (rc {rc}, {err})")
    # + 1: the second /stats counts itself.
    check(json.loads(get("/stats"))["total_requests"] == hits + 1,
          "an existing fixture is refused before fetching")
    rc, out, err = pith("record", "--dir", pages, "--force", urls[5])
    check(rc == 0 and sorted(os.listdir(pages)) == before,
          f"--force records over it (rc {rc}, {err})")

    # ------------------------------------------------ names never collide
    a, b = base + "/pages/1?a=b", base + "/pages/1?a-b"
    rc, out, err = pith("record", "--dir", pages, a, b)
    got = re.findall(r"^recorded (\S+)", out, re.M)
    check(rc == 0 and len(got) == 2 and got[0] == "127.0.0.1-pages-1-a-b" and
          re.fullmatch(r"127\.0\.0\.1-pages-1-a-b-[0-9a-f]{8}", got[1]),
          f"a shared slug gets a hash: {got}")
    rc, out, err = pith("record", "--dir", pages, "--force", b, a)
    check(rc == 0 and re.findall(r"^recorded (\S+)", out, re.M) ==
          got[::-1], "the same URLs get the same names again")

    # ------------------------------------------------ a saved page
    saved = os.path.join(tmp, "saved.html")
    write(saved, get("/article"))
    rc, out, err = pith("record", "--dir", pages, "--name", "login-wall",
                        saved, "--url", "https://site.example/c",
                        "--markdown")
    d = os.path.join(pages, "login-wall")
    meta = json.loads(read(d, "fixture.json"))
    check(rc == 0 and meta["source"] == "file" and meta["status"] is None and
          meta["headers"] == [] and meta["redirects"] == [] and
          meta["url"] == "https://site.example/c" and
          meta["content_type"] is None, f"a saved page (rc {rc}, {err})")
    check(read(d, "source.html", mode="rb") == get("/article"),
          "a saved page is copied byte for byte")
    check(read(d, "expected.md").startswith("# ") and
          "expected.md" in meta["outputs"], "--markdown keeps expected.md")
    entry = [e for e in json.loads(read(pages, "manifest.json"))
             if e["id"] == "login-wall"]
    check(entry and entry[0]["url"] == "https://site.example/c",
          "the manifest has the saved page's URL")
    rc, out, err = pith("record", "--dir", pages, saved)
    check(rc == 2 and "--name" in err, "a saved page needs a name")
    rc, out, err = pith("record", "--dir", pages, "--name", "../x", saved)
    check(rc == 2, "a name with a slash is refused")

    rc, out, _ = pith("check", pages)
    total = len([x for x in os.listdir(pages) if x != "manifest.json"])
    check(rc == 0 and last_line(out) == f"{total} passed, 0 failed",
          f"all {total} fixtures pass ({out[-300:]})")

    # ------------------------------------------------ broken fixtures
    src = os.path.join(pages, names[2], "source.html")
    os.rename(src, src + ".away")
    rc, out, err = pith("check", pages)
    check(rc == 10 and src in err and last_line(out).endswith(", 1 broken"),
          f"a missing source.html exits 10, naming it (rc {rc}, {err})")
    os.rename(src + ".away", src)
    rc, out, err = pith("check", pages, "no-such-fixture")
    check(rc == 2 and "no fixture named 'no-such-fixture'" in err,
          "an unknown NAME is a usage error that names it")
    os.remove(os.path.join(pages, "manifest.json"))
    rc, out, err = pith("check", pages)
    check(rc == 10 and "manifest.json" in err, "a missing manifest is broken")
    rc, out, err = pith("update", pages)
    rc2, _, _ = pith("check", pages)
    check(rc == 0 and rc2 == 0, "update rewrites the manifest")
    rc, out, err = pith("check", os.path.join(tmp, "nowhere"))
    check(rc == 10, "a missing directory exits 10")

    rc, out, err = pith("review", pages)
    check(rc == 2 and "terminal" in err,
          f"review refuses without a terminal (rc {rc}, {err})")
    rc, out, err = pith("check", "--name", "x", pages)
    check(rc == 2, "a record option is a usage error for check")

    # ------------------------------------------------ the project's own
    rc, out, err = pith("check", os.path.join(ROOT, "fixtures"))
    m = re.fullmatch(r"(\d+) passed, 0 failed", last_line(out))
    check(rc == 0 and m and int(m.group(1)) >= 12,
          f"pith fixture check fixtures (rc {rc}: {last_line(out)} {err})")

    # ------------------------------------------------ the scorer reads it
    if os.access(SCORER, os.X_OK):
        p = subprocess.run([SCORER, "--corpus", pages, "--cmd",
                            shlex.quote(PITH) + " {html}"],
                           capture_output=True,
                           text=True, timeout=300)
        row = re.search(r"^fixtures\s+full\s+(\d+)\s+([\d.]+)\s+([\d.]+)"
                        r"\s+([\d.]+)\s+([\d.]+)", p.stdout, re.M)
        check(p.returncode == 0 and row and row.group(4) == "1.000",
              f"the scorer reads the directory ({p.stdout[-400:]})")
    else:
        print(f"skipped (1 check): no scorer at {SCORER}")
finally:
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(tmp, ignore_errors=True)

finish()
