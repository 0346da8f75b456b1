# Types of the pith package; the C side is in _pith.pyi.
from typing import Any, Dict, Iterable, Iterator, Optional

from pith._pith import (OPTION_NAMES as OPTION_NAMES, VERSION as VERSION,
                        Error as Error, Extractor as Extractor,
                        FetchError as FetchError, HTTPError as HTTPError,
                        Html, InputError as InputError,
                        InternalError as InternalError,
                        NoContentError as NoContentError,
                        NotHTMLError as NotHTMLError, Output,
                        TooBigError as TooBigError, UsageError as UsageError)

__version__: str

def extract(html: Html, url: Optional[str] = ..., *, format: str = ...,
            body_only: bool = ..., links: bool = ..., images: bool = ...,
            content_type: Optional[str] = ..., **options: Any) -> Output: ...
def explain(html: Html, url: Optional[str] = ..., *, format: str = ...,
            content_type: Optional[str] = ...,
            **options: Any) -> Output: ...
def fetch(url: str, *, format: str = ..., body_only: bool = ...,
          links: bool = ..., images: bool = ..., **options: Any) -> Output: ...

class FetchItem:
    index: int
    url: str
    final_url: Optional[str]
    http_status: int
    result: Optional[Output]
    error: Optional[Error]

def fetch_many(urls: Iterable[str], *, format: str = ...,
               body_only: bool = ..., links: bool = ..., images: bool = ...,
               concurrency: Optional[int] = ..., per_host: Optional[int] = ...,
               delay: Optional[int] = ..., robots: bool = ...,
               **options: Any) -> Iterator[FetchItem]: ...
