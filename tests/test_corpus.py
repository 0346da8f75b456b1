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
import tempfile

PITH = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("PITH_CORPUS",
                        os.path.join(os.path.dirname(ROOT), "shared", "corpus"))
# CPU seconds per page (user + system of the pith process, so that other
# work on the machine does not count): a bound on hangs and blowups, with
# room above the 100 ms extraction bar that scripts/bench measures.
# Sanitizer builds pass their own limit.
LIMIT = float(os.environ.get("PITH_PAGE_SECONDS", "0.5"))

if not os.path.exists(os.path.join(CORPUS, "manifest.json")):
    print(f"skipped: no corpus at {CORPUS}")
    sys.exit(77)

docs = json.load(open(os.path.join(CORPUS, "manifest.json")))


def run_timed(args):
    """Runs args; returns (exit code, stdout, stderr, CPU seconds)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(args, stdout=out, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (p.returncode, out.read(), err.read(),
                usage.ru_utime + usage.ru_stime)


def one(doc):
    path = os.path.join(CORPUS, doc["html"])
    code, stdout, stderr, secs = run_timed([PITH, "--body-only", path])
    problems = []
    if code not in (0, 7):
        problems.append(f"exit {code}: {stderr[:200]!r}")
    if b"Sanitizer" in stderr or b"runtime error" in stderr:
        problems.append("sanitizer report: " + stderr[:400].decode(
            "utf-8", "replace"))
    try:
        stdout.decode("utf-8")
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
      f"(CPU time, includes process start)")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
