#!/usr/bin/env python3
"""Fetching with pith against the local test server (tests/server): each case
asserts the exit code, the message and the text.

Usage: test_fetch.py PATH/TO/pith   (prints "N passed, N failed" last)
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

PITH = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "server", "test_server.py")
passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL", what)


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


def pith(*args, timeout=60):
    p = subprocess.run([PITH, *args], capture_output=True, timeout=timeout)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


proc, port = start_server()
base = f"http://127.0.0.1:{port}"
try:
    rc, out, err = pith(base + "/article")
    check(rc == 0 and len(out) > 300, f"/article extracts (rc {rc}, {err})")
    article = out

    rc, js, _ = pith("--format", "json", base + "/redirect/3")
    doc = json.loads(js) if rc == 0 else {}
    check(rc == 0 and doc.get("text"), "redirect chain followed")
    check(doc.get("url") == base + "/article", "final URL reported as url")

    rc, out, err = pith(base + "/redirect-loop")
    check(rc == 4 and "redirect" in err.lower(),
          f"redirect loop: exit 4 ({rc} {err.strip()})")

    rc, out, _ = pith(base + "/gzip")
    check(rc == 0 and out == article, "gzip body decoded")
    rc, out, _ = pith(base + "/deflate")
    check(rc == 0 and out == article, "deflate body decoded")

    rc, out, err = pith(base + "/status/404")
    check(rc == 5 and "404" in err and out == "",
          f"404: exit 5 with the status ({rc} {err.strip()})")
    rc, out, err = pith(base + "/status/500")
    check(rc == 5 and "500" in err, "500: exit 5")

    rc, out, err = pith(base + "/pdf")
    check(rc == 6 and "application/pdf" in err,
          f"PDF: exit 6 naming the type ({rc} {err.strip()})")
    rc, out, err = pith(base + "/image")
    check(rc == 6 and "image/png" in err, "PNG: exit 6")
    rc, out, err = pith(base + "/json")
    check(rc == 6, "JSON: exit 6")
    rc, out, _ = pith("--force", base + "/json")
    check(rc in (0, 7), "--force reads what is not HTML")
    rc, out, _ = pith(base + "/xhtml")
    check(rc == 0 and out, "XHTML is extracted")

    rc, out, err = pith("--max-bytes", "1000000", base + "/big?mb=2")
    check(rc == 8 and "limit" in err, f"body over the cap: exit 8 ({rc})")
    rc, out, err = pith("--max-bytes", "1000000", base + "/gzip-bomb",
                        timeout=30)
    check(rc == 8, f"gzip bomb stops at the cap: exit 8 ({rc} {err})")

    t0 = time.time()
    rc, out, err = pith("--timeout", "1", base + "/stall")
    check(rc == 4 and time.time() - t0 < 5 and "timed out" in err,
          f"stalled server: exit 4 after the timeout ({rc} {err.strip()})")

    rc, out, err = pith(base + "/cs/win1252-header")
    check(rc == 0 and "\ufffd" not in out and any(c in out for c in "éèà"),
          "windows-1252 declared in the header")

    # A port nobody listens on.
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    dead = s.getsockname()[1]
    s.close()
    rc, out, err = pith(f"http://127.0.0.1:{dead}/")
    check(rc == 4 and err.startswith("pith: "),
          f"connection refused: exit 4 ({rc} {err.strip()})")
finally:
    proc.terminate()
    proc.wait(timeout=10)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
