"""Conditional responses, one way for pages, the API, downloads and static files: the ETag is
a hash of the bytes served, computed once when a body is made (and cached with it), so an
answer that did not change keeps its ETag across rebuilds and releases."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response


def etag_of(content: bytes) -> str:
    """A strong ETag of ``content``: the first 128 bits of its SHA-256."""
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


@dataclass(frozen=True)
class Body:
    """Bytes to serve with their ETag."""

    content: bytes
    etag: str

    @classmethod
    def of(cls, content: bytes) -> Body:
        return cls(content, etag_of(content))


def header_matches(header: str, tag: str) -> bool:
    """Whether an If-None-Match header names ``tag`` (weakly compared) or is *."""
    candidates = {c.strip().removeprefix("W/") for c in header.split(",")}
    return "*" in candidates or tag in candidates


def matches(request: Request, tag: str) -> bool:
    """Whether the request's If-None-Match names ``tag`` (or is *)."""
    header = request.headers.get("if-none-match")
    return bool(header) and header_matches(header, tag)


def conditional(request: Request, body: Body, media_type: str,
                headers: dict[str, str] | None = None) -> Response:
    """``body`` with its ETag, or 304 Not Modified when the client holds it already."""
    all_headers = {"ETag": body.etag, "Cache-Control": "no-cache", **(headers or {})}
    if matches(request, body.etag):
        return Response(status_code=304, headers=all_headers)
    return Response(body.content, media_type=media_type, headers=all_headers)


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def encode(document: Any) -> bytes:
    """Compact UTF-8 JSON."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"),
                      default=_default).encode("utf-8")
