#!/usr/bin/env python3
"""A real Scrapy crawl of the local test server through
pith.scrapy.PithPipeline: every item carries the text and metadata the
pith command gives for the same URL; extract_response() gives the same in
the spider; a PDF is dropped.  Skipped (77) without Scrapy.

Usage: test_scrapy.py PATH/TO/pith   (PYTHONPATH holds the module)
"""
import json

from support import Server, run_pith, skip
from checks import check, finish

try:
    import scrapy
    from scrapy.crawler import CrawlerProcess
except ImportError as e:
    skip("Scrapy is not installed (Debian: python3-scrapy): %s" % e)

import pith.scrapy  # noqa: E402

PATHS = ["/article", "/pages/7", "/cs/win1252-header", "/cs/shift_jis",
         "/xhtml", "/pdf"]
items = []


class Collect:
    """The last pipeline: keeps what reached it."""

    def process_item(self, item, spider):
        items.append(item)
        return item


class Pages(scrapy.Spider):
    name = "pages"

    def start_requests(self):
        for p in PATHS:
            yield scrapy.Request(self.base + p)

    def parse(self, response):
        try:
            direct = pith.scrapy.extract_response(response)
        except pith.Error as e:
            direct = type(e).__name__
        yield {"url": response.url, "html": response.body,
               "content_type": response.headers.get("Content-Type"),
               "direct": direct}


with Server() as s:
    process = CrawlerProcess({
        "ITEM_PIPELINES": {"pith.scrapy.PithPipeline": 300,
                           __name__ + ".Collect": 900},
        "PITH_DROP_HTML": True,
        "LOG_LEVEL": "WARNING", "TELNETCONSOLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    })
    process.crawl(Pages, base=s.base)
    process.start()
    by_path = {it["url"][len(s.base):]: it for it in items}
    check(sorted(by_path) == sorted(p for p in PATHS if p != "/pdf"),
          "an item per HTML page, the PDF dropped (got %s)" % sorted(by_path))
    for path, it in sorted(by_path.items()):
        code, out = run_pith("--format", "json", s.base + path)
        want = json.loads(out)
        check(it["pith"] == want, "%s: the item's metadata are pith's" % path)
        check(it["text"] == want["text"] and it["text"],
              "%s: the item's text is pith's" % path)
        check(it["direct"] == want, "%s: extract_response gives pith's"
              % path)
        check("html" not in it, "%s: PITH_DROP_HTML removed the HTML" % path)
    check(by_path.get("/cs/win1252-header", {}).get("pith", {})
          .get("charset") == "windows-1252",
          "the Content-Type's charset decides")
finish()
