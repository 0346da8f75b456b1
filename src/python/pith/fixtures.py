"""pith's regression fixtures from Python, for a scraper's test suite.

    import pith.fixtures

    def test_pages_unchanged():
        report = pith.fixtures.check("tests/pages")
        assert report["failed"] == 0, [f["diff"] for f in report["fixtures"]
                                       if f["status"] != "passed"]

check() returns what `pith fixture check --json DIR` prints: passed,
failed, broken, manifest_error and fixtures (each with name, status,
changed, diff, error).  record() and update() are `pith fixture record`
and `pith fixture update`.  They run the pith command, which keeps the
format on disk, the diffs and the manifest: the results are the
command's own.  The command is found as pith_command=, else $PITH, else
`pith` on PATH.
"""

import json
import os
import shutil
import subprocess

import pith


class FixtureError(pith.Error):
    """A fixture directory that cannot be checked: no fixtures in it, a
    name that is no fixture, a pith command missing (exit code 10, or 2
    for a usage error)."""


def _command(pith_command):
    cmd = pith_command or os.environ.get("PITH") or shutil.which("pith")
    if not cmd:
        e = FixtureError("the pith command is not found: install it (cmake "
                         "--install) or pass pith_command=")
        e.code, e.status, e.reason, e.result = 2, None, None, None
        raise e
    return cmd


def _run(args, pith_command):
    return subprocess.run([_command(pith_command), "fixture", *args],
                          capture_output=True, text=True)


def _fail(p, codes):
    """Raises when p's exit code is not one of codes."""
    if p.returncode in codes:
        return
    code = p.returncode
    msg = p.stderr.strip() or "pith fixture exited with %d" % code
    cls = FixtureError if code in (2, 10) else {
        3: pith.InputError, 4: pith.FetchError, 5: pith.HTTPError,
        6: pith.NotHTMLError, 7: pith.NoContentError,
        8: pith.TooBigError}.get(code, pith.InternalError)
    e = cls(msg)
    e.code, e.status, e.reason, e.result = code, None, None, None
    raise e


def check(directory, *names, pith_command=None):
    """The report of `pith fixture check --json directory [names]`, as a
    dict.  A changed or broken fixture is in the report; FixtureError is
    raised only when there is no report (no fixtures, an unknown name)."""
    p = _run(["check", "--json", directory, *names], pith_command)
    if p.returncode in (0, 1, 10) and p.stdout.strip():
        return json.loads(p.stdout)
    _fail(p, ())
    return None


def _flags(options):
    """pith.fetch()'s keywords as the command's options."""
    args = []
    for k, v in options.items():
        flag = "--" + k.replace("_", "-")
        if k == "headers":
            items = (["%s: %s" % kv for kv in v.items()]
                     if isinstance(v, dict) else list(v))
            for h in items:
                args += ["--header", h]
        elif v is True:
            args.append(flag)
        elif v is not None and v is not False:
            args += [flag, str(v)]
    return args


def record(directory, *inputs, name=None, url=None, content_type=None,
           force=False, markdown=False, pith_command=None, **options):
    """`pith fixture record --dir directory inputs...`: records URLs (or
    one saved file, with name=, url=, content_type=) and returns the names
    of the fixtures recorded.  options: pith.fetch()'s (timeout, headers,
    min_chars...), as the command's options.  A URL that fails raises the
    pith.Error of its exit code."""
    args = ["record", "--dir", directory]
    args += _flags({"name": name, "url": url, "content_type": content_type,
                    "force": force, "markdown": markdown, **options})
    p = _run(args + ["--", *inputs], pith_command)
    _fail(p, (0,))
    return [line.split()[1] for line in p.stdout.splitlines()
            if line.startswith("recorded ")]


def update(directory, *names, pith_command=None):
    """`pith fixture update directory [names]`: what pith gives now becomes
    the expected output.  Returns the names of the fixtures updated."""
    p = _run(["update", directory, *names], pith_command)
    _fail(p, (0,))
    return [line.split()[1].rstrip(":") for line in p.stdout.splitlines()
            if line.startswith("updated ")]
