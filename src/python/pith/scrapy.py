"""pith for Scrapy: an item pipeline and a helper for responses.

In the project's settings.py:

    ITEM_PIPELINES = {"pith.scrapy.PithPipeline": 300}
    PITH_OPTIONS = {"comments": True}   # pith.extract()'s keywords

and a spider yielding {"url": response.url, "html": response.body,
"content_type": response.headers.get("Content-Type")} gets, per item,
"text" (the clean text, None when the page holds none) and "pith" (every
field of `pith --format json`: title, author, dates, page_type...).
Extraction runs in Twisted's thread pool, without the GIL, so the crawl
goes on meanwhile.

Settings (defaults in brackets): PITH_HTML_FIELD ["html"], PITH_URL_FIELD
["url"], PITH_CONTENT_TYPE_FIELD ["content_type"], PITH_TEXT_FIELD
["text"; None leaves it out], PITH_RESULT_FIELD ["pith"; None leaves it
out], PITH_OPTIONS [{}], PITH_DROP_NO_CONTENT [False: the item is kept,
with "text" None and the reason in "pith"], PITH_DROP_HTML [False: True
removes the HTML from the item once extracted].  An item without HTML,
or whose page pith refuses (not HTML, too big), is dropped, saying why.
"""

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem
from twisted.internet.threads import deferToThread

import pith


def _text(value):
    if isinstance(value, bytes):
        return value.decode("latin-1")  # header bytes, as HTTP sends them
    return value


def extract_response(response, format="json", **kwargs):
    """pith.extract() of a Scrapy Response: its body, URL and
    Content-Type (whose charset decides, as for a fetched page).  Returns
    the dict of format="json" unless format says otherwise; raises
    pith.Error subclasses as pith.extract() does."""
    ctype = _text(response.headers.get("Content-Type"))
    return pith.extract(response.body, response.url, format=format,
                        content_type=ctype, **kwargs)


class PithPipeline:
    """Adds the text and metadata of each item's HTML to the item."""

    def __init__(self, settings):
        get = settings.get
        self.html_field = get("PITH_HTML_FIELD", "html")
        self.url_field = get("PITH_URL_FIELD", "url")
        self.ctype_field = get("PITH_CONTENT_TYPE_FIELD", "content_type")
        self.text_field = get("PITH_TEXT_FIELD", "text")
        self.result_field = get("PITH_RESULT_FIELD", "pith")
        self.options = dict(get("PITH_OPTIONS") or {})
        self.options.pop("format", None)
        self.drop_no_content = settings.getbool("PITH_DROP_NO_CONTENT")
        self.drop_html = settings.getbool("PITH_DROP_HTML")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings)

    def process_item(self, item, spider):
        return deferToThread(self._process, item)

    def _process(self, item):
        a = ItemAdapter(item)
        html = a.get(self.html_field)
        if html is None:
            raise DropItem("pith: the item has no %r field"
                           % self.html_field)
        try:
            result = pith.extract(html, a.get(self.url_field),
                                  format="json",
                                  content_type=_text(a.get(self.ctype_field)),
                                  **self.options)
        except pith.NoContentError as e:
            if self.drop_no_content:
                raise DropItem("pith: no main content (%s)" % e.reason)
            result = e.result
        except pith.Error as e:
            raise DropItem("pith: %s: %s" % (type(e).__name__, e))
        if self.text_field:
            a[self.text_field] = result["text"]
        if self.result_field:
            a[self.result_field] = result
        if self.drop_html:
            del a[self.html_field]
        return item
