#!/usr/bin/env python3
"""The fixtures' pages cleaned on a distributed.LocalCluster of two
worker processes with dask.bag and pith.dask give the files of `pith
batch -o`, byte for byte; a URL list through fetch_partition gives each
page's text.  Skipped (77) without Dask.

Usage: test_dask.py PATH/TO/pith   (PYTHONPATH holds the module)
"""
import os
import shutil
import subprocess
import tempfile

from support import FIXTURES, PITH, Server, skip
from checks import check, finish

try:
    import dask.bag as db
    from distributed import Client, LocalCluster
except ImportError as e:
    skip("Dask is not installed (Debian: python3-dask, python3-distributed)"
         ": %s" % e)

import pith.dask  # noqa: E402


def tree(d):
    """{relative path: bytes} of every file under d but the manifest."""
    out = {}
    for root, _, files in os.walk(d):
        for f in files:
            p = os.path.join(root, f)
            if f != "pith-manifest.jsonl":
                out[os.path.relpath(p, d)] = open(p, "rb").read()
    return out


def main():
    tmp = tempfile.mkdtemp()
    try:
        by_batch = os.path.join(tmp, "batch")
        subprocess.run([PITH, "batch", FIXTURES, "-o", by_batch, "-j", "2",
                        "-q"], check=True)
        by_dask = os.path.join(tmp, "dask")
        pages = pith.dask.walk(FIXTURES)
        check(len(pages) >= 30, "walk finds the fixtures' pages (%d)"
              % len(pages))
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, \
                Client(cluster) as client:
            done = (db.from_sequence(pages, npartitions=4)
                    .map(pith.dask.clean_file, FIXTURES, by_dask)
                    .compute())
            check(len(client.scheduler_info()["workers"]) == 2,
                  "two worker processes")
            statuses = dict(done)
            check(set(statuses.values()) <= {"ok", "no-content"},
                  "every page ok or without content: %s"
                  % sorted(set(statuses.values())))
            a, b = tree(by_batch), tree(by_dask)
            check(len(a) > 20 and a == b,
                  "the files are pith batch's, byte for byte (%d and %d "
                  "files; differ: %s)" % (len(a), len(b), sorted(
                      k for k in set(a) | set(b) if a.get(k) != b.get(k))))
            with Server() as s:
                urls = [s.base + "/pages/%d" % i for i in range(8)]
                urls.append(s.base + "/status/404")
                got = (db.from_sequence(urls, npartitions=2)
                       .map_partitions(pith.dask.fetch_partition, retries=0)
                       .compute())
                check([g["url"] for g in got] == urls,
                      "fetch_partition keeps the list's order")
                check(all("pith-page-%03d" % i in g["result"]
                          for i, g in enumerate(got[:8])),
                      "fetch_partition: each page's text")
                check(got[8]["status"] == 404 and got[8]["result"] is None,
                      "fetch_partition: the 404 as a failure")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":  # the workers import this file too
    main()
    finish()
