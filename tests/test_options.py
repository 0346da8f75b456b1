#!/usr/bin/env python3
"""The option table of the three commands (src/cli/options.c): each
command's --help lists the options the table gives it and no other, each
command refuses the options of the others, and pith fixture record takes
the fetching options it shares with pith, with pith's meaning.

Usage: test_options.py PATH/TO/pith   (prints "N passed, N failed" last)
"""
import os
import re
import subprocess
import sys
import tempfile

from checks import check, finish

PITH = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGE = os.path.join(ROOT, "fixtures", "wordpress-blog-post", "source.html")
TABLE = os.path.join(ROOT, "src", "cli", "options.c")

# The CMD_* bits of options.h, as sets of command names.
FIXTURE_SUBS = ["record", "check", "review", "update"]
COMMANDS = {
    "CMD_PITH": {"pith"},
    "CMD_BATCH": {"batch"},
    "CMD_RECORD": {"record"},
    "CMD_CHECK": {"check"},
    "CMD_REVIEW": {"review"},
    "CMD_UPDATE": {"update"},
    "CMD_SHOWING": {"check", "review", "update"},
    "CMD_FIXTURE": set(FIXTURE_SUBS),
}


def pith(*args, stdin=None):
    p = subprocess.run([PITH, *args], input=stdin, capture_output=True,
                       timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), \
        p.stderr.decode("utf-8", "replace")


def c_string(lits):
    """The value of adjacent C string literals (the escapes used there)."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', lits)
    s = "".join(parts)
    return s.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def read_table():
    src = open(TABLE).read()
    for name, expr in re.findall(r"#define (\w+) \(([^)]*)\)", src):
        COMMANDS[name] = set().union(
            *(COMMANDS[w.strip()] for w in expr.split("|")))
    entry = re.compile(
        r'\{(OPT_\w+),\s*"(--[\w-]+)",\s*(?:\'(.)\'|0),\s*(ARG_\w+),\s*'
        r'(?:"([^"]*)"|NULL),\s*([\w\s|]+?),\s*(GROUP_\w+),\s*'
        r'((?:"(?:[^"\\]|\\.)*"\s*)+)\}')
    opts = []
    for m in entry.finditer(src):
        oid, name, letter, arg, argname, cmds, group, helptext = m.groups()
        takes = set().union(*(COMMANDS[w.strip()] for w in cmds.split("|")))
        opts.append({"id": oid, "name": name, "letter": letter, "arg": arg,
                     "argname": argname, "commands": takes,
                     "help": c_string(helptext)})
    return opts


OPTS = read_table()
check(len(OPTS) == len(re.findall(r"\{OPT_\w+,", open(TABLE).read()))
      and len(OPTS) > 40, f"the table reads ({len(OPTS)} options)")


def help_line(o):
    """How --help shows o: the left column, and its first help line."""
    left = "  " + (f"-{o['letter']}, " if o["letter"] else "") + o["name"]
    if o["arg"] == "ARG_REQUIRED":
        left += " " + o["argname"]
    elif o["arg"] == "ARG_OPTIONAL":
        left += f"[={o['argname']}]"
    return left, o["help"].split("\n")[0]


def listed(help_text, o):
    left, first = help_line(o)
    lines = help_text.split("\n")
    for i, line in enumerate(lines):
        if line.rstrip() == left and i + 1 < len(lines) and \
                lines[i + 1].strip() == first:
            return True
        if line.startswith(left + "  ") and line[len(left):].strip() == first:
            return True
    return False


# ------------------------------------------------ --help from the table
HELPS = {"pith": ["--help"], "batch": ["batch", "--help"],
         "fixture": ["fixture", "--help"]}
for cmd, argv in HELPS.items():
    rc, out, _ = pith(*argv)
    takers = {cmd} if cmd != "fixture" else set(FIXTURE_SUBS)
    mine = [o for o in OPTS if o["commands"] & takers]
    missing = [o["name"] for o in mine if not listed(out, o)]
    check(rc == 0 and mine and not missing,
          f"{' '.join(argv)} lists every option of the table {missing}")
    names = {o["name"] for o in mine}
    others = [o["name"] for o in OPTS if o["name"] not in names and
              re.search(r"^  (-\w, )?" + re.escape(o["name"]) + r"\b", out,
                        re.M)]
    check(not others, f"{' '.join(argv)} lists no other option {others}")
    check("usage: pith" in out and "exit codes" in out,
          f"{' '.join(argv)} keeps its usage and exit codes")

rc, out, _ = pith("fixture", "record", "--help")
rc2, out2, _ = pith("fixture", "--help")
check(rc == 0 and out == out2, "pith fixture record --help: the same help")

# ------------------------------------------------ refused by the others


def refused(prefix, o, operands):
    """The command prefix, which does not take o, refuses it."""
    arg = [o["name"]] + (["1"] if o["arg"] == "ARG_REQUIRED" else [])
    rc, _, err = pith(*prefix, *arg, *operands)
    check(rc == 2 and o["name"] in err,
          f"{' '.join(prefix) or 'pith'} refuses {o['name']} "
          f"(rc {rc}, {err.strip()})")


def takes(cmd, o):
    """A name two entries share (--force: pith's, record's) is refused
    only by the commands neither gives it to."""
    return any(cmd in p["commands"] for p in OPTS if p["name"] == o["name"])


with tempfile.TemporaryDirectory() as tmp:
    for o in OPTS:
        if not takes("pith", o):
            refused([], o, [PAGE])
        if not takes("batch", o):
            refused(["batch"], o, [PAGE])
        for sub in FIXTURE_SUBS:
            if not takes(sub, o):
                refused(["fixture", sub], o,
                        ["--dir", tmp] if sub == "record" else [tmp])
    rc, _, err = pith("fixture", "check", "--timeout", "3", tmp)
    check(rc == 2 and "no option '--timeout' for pith fixture check" in err,
          "a record option is named as record's for check")
    rc, _, err = pith("--jobs", "2", PAGE)
    check(rc == 2 and "unknown option '--jobs' (see pith --help)" in err,
          "pith refuses pith batch's --jobs")

# ------------------------------------------------ record shares pith's
VALUES = {"--timeout": "5", "--connect-timeout": "5", "--retries": "1",
          "--retry-delay": "100", "--user-agent": "pith-test",
          "--header": "X-Test: 1", "--max-bytes": "10000000",
          "--min-chars": "10", "--charset": "windows-1252"}
BAD = {"--timeout": "0", "--connect-timeout": "x", "--retries": "11",
       "--retry-delay": "0", "--header": "no colon", "--max-bytes": "0",
       "--min-chars": "-1"}
shared = [o for o in OPTS if {"pith", "record"} <= o["commands"]]
check(len(shared) >= 11, f"record shares pith's fetching options "
      f"({len(shared)})")
with tempfile.TemporaryDirectory() as tmp:
    cookies = os.path.join(tmp, "cookies.txt")
    open(cookies, "w").close()
    VALUES["--cookies"] = cookies
    VALUES["--url"] = "https://blog.example/p"
    for i, o in enumerate(shared):
        arg = [o["name"]]
        if o["arg"] == "ARG_REQUIRED":
            arg.append(VALUES.get(o["name"], "1"))
        rc, _, err = pith("fixture", "record", "--dir", tmp, "--name",
                          f"f{i}", *arg, PAGE)
        check(rc == 0, f"fixture record takes {' '.join(arg)} "
              f"(rc {rc}, {err.strip()})")
        if o["name"] in BAD:
            v = BAD[o["name"]]
            rc, _, err = pith("fixture", "record", "--dir", tmp, "--name",
                              "bad", o["name"], v, PAGE)
            rc2, _, err2 = pith(o["name"], v, PAGE)
            check(rc == 2 and rc2 == 2 and err == err2 and err,
                  f"record refuses {o['name']} {v} as pith does ({err})")
    # The short form and the repeat of pith's -H.
    rc, _, err = pith("fixture", "record", "--dir", tmp, "--name", "h",
                      "-H", "A: 1", "-H", "B: 2", PAGE)
    check(rc == 0, f"fixture record takes -H twice ({err})")

finish()
