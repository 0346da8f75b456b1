"""pith: the clean main text of web pages, from Python.

    import pith
    text = pith.extract(html_bytes, "https://example.org/a")
    meta = pith.extract(html_bytes, format="json")      # a dict
    for item in pith.fetch_many(urls, concurrency=16):  # as they complete
        print(item.url, item.error or item.result[:60])

The work is done by the C library, with the GIL released: threads run in
parallel.  pith.extract() keeps one Extractor per thread and set of
options; pith.Extractor(**options) does the same by hand.  Failures raise
subclasses of pith.Error, one per exit code of the pith command.
"""

import queue
import threading

from pith._pith import (OPTION_NAMES, VERSION, Error, Extractor, FetchError,
                        HTTPError, InputError, InternalError, NoContentError,
                        NotHTMLError, TooBigError, UsageError)

__version__ = VERSION
__all__ = ["extract", "explain", "fetch", "fetch_many", "Extractor", "FetchItem",
           "Error", "InternalError", "UsageError", "InputError",
           "FetchError", "HTTPError", "NotHTMLError", "NoContentError",
           "TooBigError", "OPTION_NAMES"]

_local = threading.local()


def _split(kwargs):
    """The Extractor's options (hashable, for the cache) and the rest."""
    opts = {k: v for k, v in kwargs.items() if k in OPTION_NAMES}
    rest = {k: v for k, v in kwargs.items() if k not in OPTION_NAMES}
    if "headers" in opts and isinstance(opts["headers"], dict):
        key_headers = tuple(sorted(opts["headers"].items()))
    else:
        key_headers = tuple(opts.get("headers") or ())
    key = tuple(sorted((k, v) for k, v in opts.items() if k != "headers"))
    return (key, key_headers), opts, rest


def _extractor(kwargs):
    """This thread's Extractor for these options, and the call's own
    keywords.  A thread keeps a few: a program alternating between two
    sets of options does not rebuild one each time."""
    key, opts, rest = _split(kwargs)
    cache = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
    try:
        ex = cache[key]
    except KeyError:
        ex = Extractor(**opts)
        if len(cache) >= 8:
            cache.pop(next(iter(cache)))
        cache[key] = ex
    except TypeError:  # an unhashable option value: no caching
        ex = Extractor(**opts)
    return ex, rest


def extract(html, url=None, **kwargs):
    """The main content of one page, as the pith command gives it.

    html: bytes (the charset decided as `pith FILE` decides it: a BOM,
    the charset of content_type, <meta>, detection) or str (read as
    UTF-8).  url: the page's address (`--url`).  Keywords: format ("txt",
    "markdown" or "json"), body_only, links, images, content_type (the
    HTTP Content-Type it was served with), and the options of
    pith.Extractor (min_chars, max_bytes, force, charset, page_type,
    only_types, no_tables, comments, precision, recall).

    Returns a str (txt, markdown) or a dict (json: the fields of `pith
    --format json`).  Raises NoContentError (with .reason and .result)
    when the page holds no main content, and the other pith.Error
    classes as the pith command exits with their codes; TypeError for
    html that is neither bytes nor str.
    """
    ex, rest = _extractor(kwargs)
    return ex.extract(html, url, **rest)


def explain(html, url=None, **kwargs):
    """How pith judged the page, block by block (`pith --explain`): a
    dict, or with format="html" the page as a str with the kept blocks in
    green and the dropped ones in red.  pith.extract()'s html, url,
    content_type and options."""
    ex, rest = _extractor(kwargs)
    return ex.explain(html, url, **rest)


def fetch(url, **kwargs):
    """Fetches url and extracts it: pith.extract()'s keywords (no
    content_type) and the fetching options of pith.Extractor (timeout,
    connect_timeout, retries, retry_delay, user_agent, headers, cookies,
    deny_private, insecure).  HTTPError carries the status in .status."""
    ex, rest = _extractor(kwargs)
    return ex.fetch(url, **rest)


class FetchItem:
    """One URL of fetch_many(): its position in the list (index), url,
    final_url (after redirects, None when never fetched), http_status (0
    when none), result (the output, None on failure) and error (the
    pith.Error, None on success)."""

    __slots__ = ("index", "url", "final_url", "http_status", "result",
                 "error")

    def __init__(self, d):
        for k in self.__slots__:
            setattr(self, k, d[k])

    def __repr__(self):
        what = "error=%r" % (self.error,) if self.error else "ok"
        return "FetchItem(%d, %r, %s)" % (self.index, self.url, what)


_MANY = ("format", "body_only", "links", "images", "concurrency",
         "per_host", "delay", "robots")


def fetch_many(urls, **kwargs):
    """Fetches and extracts every URL of urls, yielding a FetchItem for
    each as it completes (not in list order: item.index tells).

    Keywords: pith.fetch()'s, and concurrency (transfers at once, default
    8), per_host (at once to one host, default 2), delay (milliseconds
    between requests to one host) and robots (obey robots.txt): the
    pith command's --urls options.  One thread runs the library's
    transfers (libcurl's multi interface) without the GIL; leaving the
    loop early stops it.
    """
    urls = list(urls)
    many = {k: kwargs.pop(k) for k in _MANY if k in kwargs}
    ex = Extractor(**kwargs)
    items = queue.Queue()
    stop = threading.Event()
    done = object()

    def run():
        try:
            ex.fetch_many(urls, lambda d: items.put(FetchItem(d))
                          or stop.is_set(), **many)
            items.put(done)
        except BaseException as e:  # handed to the caller's thread
            items.put(e)

    worker = threading.Thread(target=run, name="pith.fetch_many",
                              daemon=True)
    worker.start()
    try:
        while True:
            it = items.get()
            if it is done:
                return
            if isinstance(it, BaseException):
                raise it
            yield it
    finally:
        stop.set()
        worker.join()
