#!/usr/bin/env python3
"""pith.fixtures: check() is `pith fixture check --json`'s report, on the
project's fixtures and on a copy with a changed and a broken fixture;
update() accepts the change; record() records a page of the local test
server.

Usage: test_fixtures.py PATH/TO/pith   (PYTHONPATH holds the module)
"""
import json
import os
import shutil
import subprocess
import tempfile

from support import FIXTURES, PITH, Server
from checks import check, finish

import pith.fixtures  # noqa: E402


def command_report(d):
    p = subprocess.run([PITH, "fixture", "check", "--json", d],
                       capture_output=True, text=True)
    return json.loads(p.stdout)


report = pith.fixtures.check(FIXTURES, pith_command=PITH)
check(report == command_report(FIXTURES), "check() is the command's report")
check(report["failed"] == 0 and report["passed"] >= 30,
      "the project's fixtures pass (%d)" % report["passed"])

tmp = tempfile.mkdtemp()
try:
    d = os.path.join(tmp, "pages")
    shutil.copytree(FIXTURES, d)
    names = sorted(n for n in os.listdir(d) if os.path.isdir(
        os.path.join(d, n)))
    changed, broken = names[0], names[1]
    with open(os.path.join(d, changed, "expected.txt"), "ab") as f:
        f.write(b"a line pith never wrote\n")
    os.remove(os.path.join(d, broken, "expected.json"))
    os.environ["PITH"] = PITH  # found by $PITH this time
    report = pith.fixtures.check(d)
    check(report == command_report(d), "check() is the command's report, "
          "with a change and a broken fixture")
    by_name = {f["name"]: f for f in report["fixtures"]}
    check(by_name[changed]["status"] == "failed" and
          "a line pith never wrote" in by_name[changed]["diff"] and
          by_name[changed]["changed"] == ["expected.txt"],
          "the changed fixture: failed, with its diff")
    check(by_name[broken]["status"] == "broken" and
          "expected.json" in by_name[broken]["error"],
          "the broken fixture names its missing file")
    check(pith.fixtures.update(d, changed) == [changed],
          "update() names the fixture it updated")
    check(pith.fixtures.check(d, changed)["passed"] == 1,
          "after update() the fixture passes")
    os.mkdir(os.path.join(tmp, "empty"))
    try:
        pith.fixtures.check(os.path.join(tmp, "empty"))
        check(False, "a directory without fixtures raises")
    except pith.fixtures.FixtureError as e:
        check(e.code == 10 and "fixtures" in str(e),
              "FixtureError for a directory without fixtures: %s" % e)
    with Server() as s:
        rec = os.path.join(tmp, "recorded")
        got = pith.fixtures.record(rec, s.base + "/article", retries=0,
                                   user_agent="pith-fixtures-test")
        check(len(got) == 1 and os.path.isfile(
            os.path.join(rec, got[0], "source.html")),
            "record() records the page: %s" % got)
        check(pith.fixtures.check(rec)["passed"] == 1,
              "the recorded fixture passes")
        try:
            pith.fixtures.record(rec, s.base + "/status/404", retries=0)
            check(False, "recording a 404 raises")
        except pith.HTTPError as e:
            check(e.code == 5, "recording a 404 raises HTTPError")
finally:
    shutil.rmtree(tmp)
finish()
