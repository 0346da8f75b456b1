#!/usr/bin/env python3
"""Every page of the shared development corpus through pith, when the corpus
is there (../shared/corpus beside the checkout): each must exit 0 or 7 (no
main content), print valid UTF-8, leave no sanitizer report, and take under
the time limit.  Without the corpus the test says so and is skipped (exit
77, which ctest reports as skipped).

Usage: test_corpus.py PATH/TO/pith
"""
import concurrent.futures
import json
import os
import subprocess
import sys
import time

PITH = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("PITH_CORPUS",
                        os.path.join(os.path.dirname(ROOT), "shared", "corpus"))
# Wall seconds per page, process start included and with every core busy:
# a bound on hangs and blowups, looser than the 100 ms extraction bar that
# scripts/bench measures.  Sanitizer builds pass their own limit.
LIMIT = float(os.environ.get("PITH_PAGE_SECONDS", "0.5"))

if not os.path.exists(os.path.join(CORPUS, "manifest.json")):
    print(f"skipped: no corpus at {CORPUS}")
    sys.exit(77)

docs = json.load(open(os.path.join(CORPUS, "manifest.json")))


def one(doc):
    path = os.path.join(CORPUS, doc["html"])
    t0 = time.perf_counter()
    p = subprocess.run([PITH, "--body-only", path], capture_output=True,
                       timeout=60)
    secs = time.perf_counter() - t0
    problems = []
    if p.returncode not in (0, 7):
        problems.append(f"exit {p.returncode}: {p.stderr[:200]!r}")
    if b"Sanitizer" in p.stderr or b"runtime error" in p.stderr:
        problems.append("sanitizer report: " + p.stderr[:400].decode(
            "utf-8", "replace"))
    try:
        p.stdout.decode("utf-8")
    except UnicodeDecodeError:
        problems.append("output is not valid UTF-8")
    return doc["id"], secs, problems


passed = failed = 0
slowest = (0.0, "")
with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
    for doc_id, secs, problems in ex.map(one, docs):
        slowest = max(slowest, (secs, doc_id))
        if secs > LIMIT:
            problems.append(f"took {secs * 1000:.0f} ms")
        if problems:
            failed += 1
            print("FAIL", doc_id, "; ".join(problems))
        else:
            passed += 1
print(f"slowest page: {slowest[1]} {slowest[0] * 1000:.0f} ms "
      f"(wall time, includes process start)")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
