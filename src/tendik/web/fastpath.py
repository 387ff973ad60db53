"""An ASGI layer that answers a repeated GET from memory while the warehouse is unchanged.

The app's own caches already spare the warehouse and the templates; this spares the framework
too (routing, parameter parsing, response objects), which is most of what a cached request
costs. A response is kept only when it is a 200 that sets no cookie; it is keyed by the
warehouse's content version, the path, the query and what picks the language (the language
cookie and Accept-Language), and answered 304 when If-None-Match holds its ETag (compared as
the app compares it, tendik.web.responses). A reader
whose cache_size is 0 turns this off too.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from tendik.errors import WarehouseError
from tendik.web.data import Reader
from tendik.web.i18n import COOKIE
from tendik.web.responses import header_matches

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Key = tuple[str, str, bytes, bytes, bytes]
Stored = tuple[list[tuple[bytes, bytes]], bytes, str]  # headers, body, etag

SKIP_PREFIXES = ("/static/",)
NOT_MODIFIED_DROP = {b"content-length", b"content-type"}


def _language_cookie(raw: bytes) -> bytes:
    name = COOKIE.encode() + b"="
    for part in raw.split(b";"):
        part = part.strip()
        if part.startswith(name):
            return part[len(name):]
    return b""


class ResponseCache:
    """ASGI middleware in front of the app; ``size`` responses at most (least recently used
    go first)."""

    def __init__(self, app: ASGIApp, reader: Reader, size: int = 1024) -> None:
        self.app = app
        self.reader = reader
        self.size = size
        self.entries: OrderedDict[Key, Stored] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] != "GET" or not self.reader.cache_size
                or scope["path"].startswith(SKIP_PREFIXES)):
            await self.app(scope, receive, send)
            return
        try:
            version = self.reader.version()
        except WarehouseError:
            await self.app(scope, receive, send)
            return
        cookie = language = match = b""
        for name, value in scope["headers"]:
            if name == b"cookie":
                cookie = _language_cookie(value)
            elif name == b"accept-language":
                language = value
            elif name == b"if-none-match":
                match = value
        key = (version, scope["path"], scope["query_string"], cookie, language)
        stored = self.entries.get(key)
        if stored is None:
            await self._pass(key, scope, receive, send)
            return
        self.entries.move_to_end(key)
        headers, body, etag = stored
        if match and etag and header_matches(match.decode("latin-1"), etag):
            kept = [(k, v) for k, v in headers if k not in NOT_MODIFIED_DROP]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _pass(self, key: Key, scope: Scope, receive: Receive, send: Send) -> None:
        """Call the app, keeping a copy of a cacheable answer."""
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._keep(key, start, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(self, key: Key, start: Message, body: bytes) -> None:
        headers = [(bytes(k).lower(), bytes(v)) for k, v in start.get("headers", [])]
        if start.get("status") != 200 or any(k == b"set-cookie" for k, _ in headers):
            return
        etag = next((v for k, v in headers if k == b"etag"), b"").decode("latin-1")
        self.entries[key] = (headers, body, etag)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)
