"""Cleaning many pages on a Dask cluster, one extractor per worker.

    import dask.bag as db
    from distributed import Client
    import pith.dask

    client = Client("scheduler:8786")            # or LocalCluster()
    pages = pith.dask.walk("saved-pages")         # as `pith batch` walks
    done = (db.from_sequence(pages, npartitions=64)
              .map(pith.dask.clean_file, "saved-pages", "clean")
              .compute())                         # clean/a/b.txt ...

Every worker thread keeps its own pith.Extractor (pith.extract() caches
one per thread), so a worker with one thread has one extractor, set up
once.  The files written are those of `pith batch saved-pages -o clean`,
byte for byte, and the directory may be shared by the workers (each
file is written under a temporary name and renamed).  Nothing here needs
Dask itself: the functions are plain, for any engine that maps.

URL lists map pith.fetch_many() over partitions (see fetch_partition);
WARC files go through `pith batch --shard K/N` (README, "Python").
"""

import gzip
import os

import pith

_PAGE_EXTS = (".html", ".htm", ".xhtml")
_OUT_EXT = {"txt": ".txt", "markdown": ".md"}


def _stem(name):
    """name without its page extension (and .gz), or None when it is no
    page: the names `pith batch` takes from a directory."""
    low = name.lower()
    if low.endswith(".gz"):
        name, low = name[:-3], low[:-3]
    for ext in _PAGE_EXTS:
        if low.endswith(ext) and len(low) > len(ext):
            return name[:-len(ext)]
    return None


def walk(directory):
    """The pages of directory, relative to it, in the order `pith batch`
    takes them: recursively, each directory's entries sorted by their
    bytes, names starting with '.' skipped."""
    out = []

    def visit(rel):
        full = os.path.join(directory, rel) if rel else directory
        names = sorted((n for n in os.listdir(full) if not n.startswith(".")),
                       key=os.fsencode)
        for n in names:
            r = os.path.join(rel, n) if rel else n
            if os.path.isdir(os.path.join(directory, r)):
                visit(r)
            elif _stem(n) is not None:
                out.append(r)

    visit("")
    return out


def output_name(source, format="txt"):
    """The file `pith batch -o` writes for source: a/b.html -> a/b.txt
    (a/b.md for markdown)."""
    head, name = os.path.split(source)
    return os.path.join(head, _stem(name) + _OUT_EXT[format])


def read_page(path):
    """The bytes of a saved page, a .gz one decompressed."""
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if path.lower().endswith(".gz") else data


def clean_file(source, directory, out, format="txt", **options):
    """Extracts directory/source into out/output_name(source), as `pith
    batch directory -o out` does, and returns (source, status): "ok",
    "no-content" (no file is written then) or the pith.Error class's
    name.  options: pith.extract()'s."""
    if format not in _OUT_EXT:
        raise pith.UsageError("clean_file writes txt or markdown files")
    try:
        text = pith.extract(read_page(os.path.join(directory, source)),
                            format=format, **options)
    except pith.NoContentError:
        return source, "no-content"
    except pith.Error as e:
        return source, type(e).__name__
    except OSError as e:
        return source, "InputError: %s" % e
    dest = os.path.join(out, output_name(source, format))
    os.makedirs(os.path.dirname(dest) or ".", exist_ok=True)
    tmp = os.path.join(os.path.dirname(dest),
                       ".%s.tmp" % os.path.basename(dest))
    with open(tmp, "wb") as f:
        f.write(text.encode("utf-8"))
    os.replace(tmp, dest)
    return source, "ok"


def fetch_partition(urls, **options):
    """One partition of a URL list through pith.fetch_many() (its
    keywords: concurrency, per_host, delay, robots, format and the
    fetching options); a list of {"url", "final_url", "status", "error",
    "result"}, in the partition's order.  Politeness (per_host, delay,
    robots) holds within a partition: partition by host to keep it
    across the cluster.

        db.from_sequence(urls, npartitions=16).map_partitions(
            pith.dask.fetch_partition, format="json")
    """
    urls = list(urls)
    out = [None] * len(urls)
    for it in pith.fetch_many(urls, **options):
        out[it.index] = {"url": it.url, "final_url": it.final_url,
                         "status": it.http_status or None,
                         "error": str(it.error) if it.error else None,
                         "result": it.result}
    return out
