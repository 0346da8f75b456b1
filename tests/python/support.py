"""What the Python binding's tests share: the pith module (the build's,
through PYTHONPATH), the pith command, the fixtures and the local test
server.  Each test prints "N passed, N failed" last (tests/checks.py)."""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
TOP = os.path.dirname(TESTS)
FIXTURES = os.path.join(TOP, "fixtures")
sys.path.insert(0, TESTS)

import pith  # noqa: E402  (the build's, by PYTHONPATH)

PITH = sys.argv[1] if len(sys.argv) > 1 else "pith"


def skip(why):
    """Exits 77, which ctest reports as a skip, saying why."""
    print("skipped:", why, flush=True)
    sys.exit(77)


def fixture_pages():
    """(name, path of source.html) of every fixture, in name order."""
    return [(n, os.path.join(FIXTURES, n, "source.html"))
            for n in sorted(os.listdir(FIXTURES))
            if os.path.isfile(os.path.join(FIXTURES, n, "source.html"))]


def run_pith(*args):
    """(exit code, stdout bytes) of the pith command."""
    p = subprocess.run([PITH, *args], capture_output=True, timeout=120)
    return p.returncode, p.stdout


class Server:
    """tests/server/test_server.py on a free port, stopped on exit."""

    def __enter__(self):
        self.dir = tempfile.mkdtemp()
        port_file = os.path.join(self.dir, "port")
        self.proc = subprocess.Popen(
            [sys.executable, os.path.join(TESTS, "server", "test_server.py"),
             "--port-file", port_file, "--max-seconds", "300"])
        for _ in range(400):
            if os.path.exists(port_file):
                self.base = "http://127.0.0.1:%d" % int(open(port_file).read())
                return self
            time.sleep(0.05)
        self.proc.kill()
        raise SystemExit("the test server did not start")

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(timeout=30)
