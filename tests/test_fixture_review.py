#!/usr/bin/env python3
"""pith fixture review on a real terminal, driven through tmux: one change
accepted and another rejected, then a skip and a quit; the files are
checked afterwards.  Without tmux (Debian package tmux) the test says so
and exits 77, which ctest reports as skipped.

Usage: test_fixture_review.py PATH/TO/pith   (prints "N passed, N failed")
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

from checks import check, finish

PITH = os.path.abspath(sys.argv[1])
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

if not shutil.which("tmux"):
    print("skipped: tmux is not installed (Debian package tmux; "
          "scripts/install-deps installs it)")
    sys.exit(77)



tmp = tempfile.mkdtemp(prefix="pith-review-")
sock = os.path.join(tmp, "tmux.sock")  # a server of our own


def tmux(*args):
    return subprocess.run(["tmux", "-S", sock, "-f", "/dev/null", *args],
                          capture_output=True, text=True, timeout=30)


def screen():
    return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "review").stdout


def wait_for(pattern, seconds=30):
    """Waits until the pane shows pattern; returns the screen."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        s = screen()
        if re.search(pattern, s, re.M):
            return s
        time.sleep(0.1)
    print("timed out waiting for", repr(pattern), "screen:\n" + screen())
    return None


def review(keys):
    """Runs pith fixture review in a new tmux session, pressing each key
    once its fixture's prompt shows; returns the final screen."""
    tmux("kill-session", "-t", "review")
    cmd = "%s fixture review %s; echo REVIEW-EXIT=$?; sleep 60" % (
        shlex.quote(PITH), shlex.quote(pages))
    tmux("new-session", "-d", "-s", "review", "-x", "150", "-y", "50", cmd)
    for name, key in keys:
        prompt = r"^%s: \[a\]ccept, \[r\]eject, \[s\]kip, \[q\]uit\?\s*$"
        if not wait_for(prompt % re.escape(name)):
            return screen()
        tmux("send-keys", "-t", "review", key)
    s = wait_for(r"^REVIEW-EXIT=\d+") or screen()
    check("Sanitizer" not in s and "runtime error" not in s,
          "no sanitizer report on the terminal")
    return s


def pith(*args):
    p = subprocess.run([PITH, "fixture", *args], capture_output=True,
                       text=True, timeout=120)
    check("Sanitizer" not in p.stderr and "runtime error" not in p.stderr,
          f"no sanitizer report: {p.stderr[:2000]}")
    return p.returncode, p.stdout, p.stderr


def expected(name):
    with open(os.path.join(pages, name, "expected.txt")) as f:
        return f.read()


def edit(name):
    path = os.path.join(pages, name, "expected.txt")
    text = expected(name)
    with open(path, "w") as f:
        f.write("EDITED " + text)


pages = os.path.join(tmp, "pages")
try:
    # Two saved pages of the project's own as fixtures a and b.
    for name, page in (("a", "news-portal"), ("b", "german-news")):
        rc, out, err = pith("record", "--dir", pages, "--name", name,
                            os.path.join(ROOT, "fixtures", page,
                                         "source.html"),
                            "--url", "https://example.org/" + page)
        check(rc == 0, f"record {name} (rc {rc}, {err})")
    good_a, good_b = expected("a"), expected("b")
    edit("a")
    edit("b")

    s = review([("a", "a"), ("b", "r")])
    check("[1/2] a" in s and "[2/2] b" in s, "each change is numbered")
    check(re.search(r"^-EDITED ", s, re.M) and "--- a/expected.txt" in s,
          "the diff is shown before the question")
    check("1 accepted, 1 rejected, 0 skipped" in s, "the summary")
    check("REVIEW-EXIT=0" in s, "review exits 0")
    check(expected("a") == good_a, "accept wrote the new output of a")
    check(expected("b") == "EDITED " + good_b, "reject left b as it was")
    rc, out, _ = pith("check", pages)
    check(rc == 1 and re.findall(r"^FAIL (\S+):", out, re.M) == ["b"],
          "check then fails on b alone")

    edit("a")
    s = review([("a", "s"), ("b", "q")])
    check("0 accepted, 0 rejected, 2 skipped" in s and "REVIEW-EXIT=0" in s,
          "skip, then quit")
    check(expected("a") == "EDITED " + good_a and
          expected("b") == "EDITED " + good_b, "skip and quit write nothing")

    rc, out, _ = pith("update", pages)
    s = review([])
    check("nothing to review: 2 fixtures unchanged" in s,
          "nothing to review once updated")
finally:
    tmux("kill-server")
    shutil.rmtree(tmp, ignore_errors=True)

finish()
