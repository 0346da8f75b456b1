#!/usr/bin/env python3
"""The source tree shows the pipeline, and includes run one way.

Directly in src/ are only the driver (the files that call the stages)
and the shared basics; each stage has its folder, and a stage includes
the headers of the basics, of its own folder and of the stages before
it, never of a later one.  Prints "N passed, N failed" last.
"""
import os
import re
import sys

from checks import check, finish

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(TOP, "src")

# The stages in the order a page goes through them; stages of one rank
# (blocks and meta both read the tree) do not include each other.
STAGES = {"fetch": 1, "decode": 2, "dom": 3, "blocks": 4, "meta": 4,
          "kind": 5, "score": 6, "refine": 7, "pick": 8, "assemble": 9,
          "verdict": 10, "render": 11}
DRIVER = {"extract.c", "handle.c", "urls.c"}
BASICS = {"arena.c", "arena.h", "buf.c", "buf.h", "similarity.c",
          "similarity.h", "url.c", "url.h", "words.c", "words.h",
          "limits.h", "internal.h"}
INCLUDE = re.compile(r'^#include "([^"]+)"', re.M)

top_files = sorted(f for f in os.listdir(SRC)
                   if os.path.isfile(os.path.join(SRC, f)))
stray = [f for f in top_files if f not in DRIVER | BASICS]
check(not stray, "src/ holds only the driver and the basics (not %s)" % stray)
folders = sorted(d for d in os.listdir(SRC)
                 if os.path.isdir(os.path.join(SRC, d)))
unknown = [d for d in folders if d not in STAGES and d not in ("cli",
                                                               "python")]
check(not unknown, "every folder of src/ is a stage (not %s)" % unknown)

bad = []
for stage, rank in STAGES.items():
    folder = os.path.join(SRC, stage)
    if not os.path.isdir(folder):
        continue
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".c", ".h")):
            continue
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        for inc in INCLUDE.findall(text):
            if "/" not in inc:
                if inc not in BASICS and inc != "pith.h":
                    bad.append("%s/%s includes %s" % (stage, name, inc))
                continue
            other = inc.split("/")[0]
            if other == stage:
                continue
            if other not in STAGES or STAGES[other] >= rank:
                bad.append("%s/%s includes %s" % (stage, name, inc))
# Basics include no stage.
for name in sorted(BASICS):
    path = os.path.join(SRC, name)
    if os.path.exists(path):
        for inc in INCLUDE.findall(open(path, encoding="utf-8").read()):
            if "/" in inc:
                bad.append("%s includes %s" % (name, inc))
for b in bad:
    print("  " + b)
check(not bad, "includes run one way: basics, then fetch, decode, dom, "
      "blocks and meta, kind, score, refine, pick, assemble, verdict, "
      "render")
finish()
