"""The assertions of the Python tests: check() counts each, prints the
failed ones, and finish() prints "N passed, N failed" last and exits 1
when one failed."""
import sys

passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL", what, flush=True)


def finish():
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
