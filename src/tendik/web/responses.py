"""Conditional responses: ETags from the warehouse's content version and the request."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from tendik import __version__


def etag(version: str, request: Request, extra: str = "") -> str:
    """A strong ETag: the warehouse's content version, tendik's version, the path, the query
    (order-free) and anything else the body depends on (the page's language)."""
    query = "&".join(sorted(f"{k}={v}" for k, v in request.query_params.multi_items()))
    text = f"{version}|{__version__}|{request.url.path}?{query}|{extra}"
    return '"' + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + '"'


def matches(request: Request, tag: str) -> bool:
    """Whether If-None-Match names ``tag`` (or is *)."""
    header = request.headers.get("if-none-match")
    if not header:
        return False
    candidates = {c.strip().removeprefix("W/") for c in header.split(",")}
    return "*" in candidates or tag in candidates


def conditional(request: Request, tag: str, body: bytes, media_type: str,
                headers: dict[str, str] | None = None) -> Response:
    """``body`` with its ETag, or 304 Not Modified when the client holds it already."""
    all_headers = {"ETag": tag, "Cache-Control": "no-cache", **(headers or {})}
    if matches(request, tag):
        return Response(status_code=304, headers=all_headers)
    return Response(body, media_type=media_type, headers=all_headers)


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def encode(document: Any) -> bytes:
    """Compact UTF-8 JSON."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"),
                      default=_default).encode("utf-8")
