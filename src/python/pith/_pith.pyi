# Types of the C extension (ext/); pith/__init__.py re-exports them.
from typing import (Any, Callable, Dict, FrozenSet, Mapping, Optional,
                    Sequence, Union)

VERSION: str
OPTION_NAMES: FrozenSet[str]

Html = Union[bytes, bytearray, memoryview, str]
Output = Union[str, Dict[str, Any]]
Headers = Union[Mapping[str, str], Sequence[str]]

class Error(Exception):
    code: int
    status: Optional[int]
    reason: Optional[str]
    result: Optional[Dict[str, Any]]

class InternalError(Error): ...
class UsageError(Error, ValueError): ...
class InputError(Error): ...
class FetchError(Error): ...
class HTTPError(Error): ...
class NotHTMLError(Error): ...
class NoContentError(Error): ...
class TooBigError(Error): ...

class Extractor:
    def __init__(
        self,
        *,
        min_chars: Optional[int] = ...,
        max_bytes: Optional[int] = ...,
        force: bool = ...,
        charset: Optional[str] = ...,
        page_type: Optional[str] = ...,
        only_types: Optional[str] = ...,
        no_tables: bool = ...,
        comments: bool = ...,
        precision: bool = ...,
        recall: bool = ...,
        timeout: Optional[float] = ...,
        connect_timeout: Optional[float] = ...,
        retries: Optional[int] = ...,
        retry_delay: Optional[float] = ...,
        user_agent: Optional[str] = ...,
        headers: Optional[Headers] = ...,
        cookies: Optional[str] = ...,
        deny_private: bool = ...,
        insecure: bool = ...,
    ) -> None: ...
    def extract(
        self,
        html: Html,
        url: Optional[str] = ...,
        *,
        format: str = ...,
        body_only: bool = ...,
        links: bool = ...,
        images: bool = ...,
        content_type: Optional[str] = ...,
    ) -> Output: ...
    def explain(
        self,
        html: Html,
        url: Optional[str] = ...,
        *,
        format: str = ...,
        content_type: Optional[str] = ...,
    ) -> Output: ...
    def fetch(
        self,
        url: str,
        *,
        format: str = ...,
        body_only: bool = ...,
        links: bool = ...,
        images: bool = ...,
    ) -> Output: ...
    def fetch_many(
        self,
        urls: Sequence[str],
        callback: Callable[[Dict[str, Any]], Any],
        *,
        format: str = ...,
        body_only: bool = ...,
        links: bool = ...,
        images: bool = ...,
        concurrency: Optional[int] = ...,
        per_host: Optional[int] = ...,
        delay: Optional[int] = ...,
        robots: bool = ...,
    ) -> None: ...
