#!/usr/bin/env python3
"""The pith module against the pith command: every fixture page gives the
same txt, markdown and JSON; bad inputs raise clear exceptions; threads
share nothing; fetching against the local test server.

Usage: test_binding.py PATH/TO/pith   (PYTHONPATH holds the module)
"""
import json
import threading
import time

from support import PITH, Server, fixture_pages, pith, run_pith
from checks import check, finish


def same_as_command():
    for name, path in fixture_pages():
        html = open(path, "rb").read()
        code, out = run_pith(path)
        try:
            txt = pith.extract(html).encode("utf-8")
            got = 0
        except pith.Error as e:
            txt, got = b"", e.code
        check(got == code and txt == out,
              "%s: txt differs from pith's (exit %d, module %d)"
              % (name, code, got))
        code, out = run_pith("--format", "json", path)
        want = json.loads(out)
        try:
            d = pith.extract(html, format="json")
        except pith.NoContentError as e:
            d = e.result
        check(d == want and list(d) == list(want),
              "%s: JSON differs from pith --format json" % name)
        check("page_type" in d, "%s: JSON has page_type" % name)
        code, out = run_pith("--format", "markdown", "--links", "--images",
                             "--url", "https://example.org/a/", path)
        try:
            md = pith.extract(html, "https://example.org/a/",
                              format="markdown", links=True,
                              images=True).encode("utf-8")
        except pith.NoContentError:
            md = b""
        check(md == out, "%s: markdown differs from pith's" % name)
    # --explain and --explain=html, on a few pages.
    for name, path in fixture_pages()[:6]:
        html = open(path, "rb").read()
        code, out = run_pith("--explain", path)
        check(pith.explain(html) == json.loads(out),
              "%s: explain() is pith --explain" % name)
        code, out = run_pith("--explain=html", path)
        check(pith.explain(html, format="html").encode("utf-8") == out,
              "%s: explain(format='html') is pith --explain=html" % name)
    # Options as the command's: body only, recall.
    name, path = fixture_pages()[0]
    html = open(path, "rb").read()
    for args, kw in ((["--body-only"], {"body_only": True}),
                     (["--recall", "--no-tables"],
                      {"recall": True, "no_tables": True}),
                     (["--charset", "windows-1252"],
                      {"charset": "windows-1252"})):
        code, out = run_pith(*args, path)
        check(pith.extract(html, **kw).encode("utf-8") == out,
              "%s: %s as the command's" % (name, args))


def expect_raise(cls, fn, what, needle=""):
    try:
        fn()
    except cls as e:
        check(needle in str(e), "%s: message %r names %r" % (what, str(e),
                                                              needle))
        return e
    except BaseException as e:
        check(False, "%s: raised %r, not %s" % (what, e, cls.__name__))
        return None
    check(False, "%s: raised nothing" % what)
    return None


def bad_inputs():
    expect_raise(TypeError, lambda: pith.extract(None), "None", "NoneType")
    expect_raise(TypeError, lambda: pith.extract(42), "an int", "int")
    expect_raise(TypeError, lambda: pith.extract(["<p>"]), "a list", "list")
    e = expect_raise(pith.TooBigError,
                     lambda: pith.extract(b"<p>" + b"x" * (40 << 20)),
                     "40 MB", "limit")
    check(e is not None and e.code == 8, "TooBigError.code is 8")
    expect_raise(pith.InputError,
                 lambda: pith.extract("<p>caf\udce9</p>"),
                 "a lone surrogate", "surrogate")
    expect_raise(pith.UsageError, lambda: pith.extract(b"<p>", format="pdf"),
                 "an unknown format", "format")
    expect_raise(ValueError, lambda: pith.extract(b"<p>", links=True),
                 "links without markdown", "markdown")
    expect_raise(TypeError, lambda: pith.extract(b"<p>", colour=1),
                 "an unknown option", "colour")
    expect_raise(TypeError, lambda: pith.extract(b"<p>", url=3),
                 "a url that is an int", "url")
    expect_raise(pith.UsageError, lambda: pith.extract(b"<p>", page_type="x"),
                 "a page type that is no kind")
    expect_raise(pith.UsageError,
                 lambda: pith.extract(b"<p>", precision=True, recall=True),
                 "precision and recall", "exclude")
    e = expect_raise(pith.NoContentError,
                     lambda: pith.extract(b"<html><title>T</title></html>"),
                     "an empty page")
    check(e is not None and e.reason == "empty" and e.code == 7 and
          e.result["title"] == "T" and e.result["text"] is None,
          "NoContentError carries reason and metadata")
    expect_raise(pith.NotHTMLError, lambda: pith.extract(b"%PDF-1.4\n"),
                 "a PDF", "PDF")
    # Gumbo fails an assertion on this page: the guard makes it an
    # exception, and the interpreter goes on.
    expect_raise(pith.InternalError, lambda: pith.extract(
        b"<table><svg><foreignObject><![CDATA[<]]>i"), "Gumbo's assertion",
        "parser")
    check(pith.extract(b"<title>T</title><p>" + b"word " * 40 + b"</p>")
          .startswith("T\n"), "the module works on after an assertion")
    # Buffers and str.
    page = b"<title>T</title><article><p>" + b"caf\xc3\xa9 " * 40
    check(pith.extract(bytearray(page)) == pith.extract(memoryview(page)) ==
          pith.extract(page.decode("utf-8")), "bytes, bytearray, "
          "memoryview and str read alike")
    for cls, code in ((pith.InternalError, 1), (pith.UsageError, 2),
                      (pith.InputError, 3), (pith.FetchError, 4),
                      (pith.HTTPError, 5), (pith.NotHTMLError, 6),
                      (pith.NoContentError, 7), (pith.TooBigError, 8)):
        check(issubclass(cls, pith.Error), "%s is a pith.Error" % cls)
    check(issubclass(pith.UsageError, ValueError), "UsageError is a "
          "ValueError")


def threads():
    pages = [open(p, "rb").read() for _, p in fixture_pages()]

    def all_out(ex):
        out = []
        for html in pages:
            try:
                out.append(ex(html))
            except pith.Error as e:
                out.append(e.code)
        return out

    want = all_out(pith.extract)
    got = [None] * 4
    shared = pith.Extractor()

    def work(i):
        ex = shared.extract if i % 2 else pith.extract
        got[i] = all_out(ex)

    ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    check(all(g == want for g in got), "four threads, two sharing an "
          "Extractor, give one thread's outputs")


def gil_released():
    """While one thread extracts a long page, another runs Python: the
    longest pause it sees is far below the extraction's time (were the
    GIL held, it would wait for all of it)."""
    page = b"<title>T</title><article>" + b"".join(
        b"<p>Paragraph %d of a long page, with words.</p>" % i
        for i in range(20000)) + b"</article>"
    took = []

    def work():
        t0 = time.perf_counter()
        pith.extract(page)
        took.append(time.perf_counter() - t0)

    t = threading.Thread(target=work)
    longest, last = 0.0, time.perf_counter()
    t.start()
    while t.is_alive():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    t.join()
    check(took and took[0] > 0.1 and longest < took[0] / 2,
          "the GIL is released while pith works (extraction %.3f s, "
          "longest pause of the other thread %.3f s)"
          % (took[0] if took else 0, longest))


def fetching():
    with Server() as s:
        text = pith.fetch(s.base + "/article")
        code, out = run_pith(s.base + "/article")
        check(text.encode("utf-8") == out, "fetch equals pith URL")
        d = pith.fetch(s.base + "/redirect/2", format="json")
        check(d["url"] == s.base + "/article", "fetch: the final URL")
        e = expect_raise(pith.HTTPError,
                         lambda: pith.fetch(s.base + "/status/404"),
                         "a 404", "404")
        check(e is not None and e.status == 404 and e.code == 5,
              "HTTPError.status is 404")
        expect_raise(pith.NotHTMLError, lambda: pith.fetch(s.base + "/pdf"),
                     "a PDF fetched")
        expect_raise(pith.FetchError, lambda: pith.fetch(
            s.base + "/article", deny_private=True), "deny_private",
            "loopback")
        expect_raise(pith.FetchError, lambda: pith.fetch(
            s.base + "/stall?seconds=5", timeout=0.5, retries=0),
            "a timeout")
        got = pith.fetch(s.base + "/headers", force=True,
                         user_agent="pith-py-test",
                         headers={"X-Pith-Test": "yes"})
        check("pith-py-test" in got and "X-Pith-Test" in got,
              "user_agent and headers are sent")
        urls = [s.base + "/pages/%d" % i for i in range(12)]
        urls.append(s.base + "/status/500")
        items = list(pith.fetch_many(urls, retries=0, concurrency=4,
                                     format="json"))
        check(sorted(i.index for i in items) == list(range(13)),
              "fetch_many: one item per URL")
        ok = [i for i in items if i.error is None]
        check(len(ok) == 12 and all("pith-page-%03d" % i.index in
                                    i.result["text"] for i in ok),
              "fetch_many: each page's text")
        bad = [i for i in items if i.error is not None]
        check(len(bad) == 1 and isinstance(bad[0].error, pith.HTTPError) and
              bad[0].error.status == 500 and bad[0].http_status == 500,
              "fetch_many: the 500 as an HTTPError")
        ex = pith.Extractor(retries=0)
        expect_raise(RuntimeError, lambda: ex.fetch_many(
            urls[:2], lambda item: ex.extract(b"<p>")),
            "a callback using its own extractor", "another one")
        it = pith.fetch_many(urls, concurrency=1)
        first = next(it)
        it.close()
        check(first.url in urls, "fetch_many stops when left early")


same_as_command()
bad_inputs()
threads()
gil_released()
fetching()
finish()
