"""Request bodies read with care: a declared media type, a size limit enforced while reading,
strict UTF-8, JSON with no constants, short integers and bounded nesting, forms with each
field once. Every refusal is a typed 4xx error naming what is wrong, never a 500."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request

from tendik.errors import InvalidParameter, TooLarge, UnsupportedMediaType

JSON_TYPE = "application/json"
FORM_TYPE = "application/x-www-form-urlencoded"
MAX_INTEGER_DIGITS = 30
MAX_FORM_FIELDS = 20


def require_media_type(request: Request, accepted: str) -> None:
    """Refuse (415) a body not declared as ``accepted`` in UTF-8."""
    declared = request.headers.get("content-type", "")
    kind, _, parameters = declared.partition(";")
    if kind.strip().lower() != accepted:
        shown = f"'{declared}'" if declared else "not declared"
        raise UnsupportedMediaType(
            f"send the body as {accepted} (its Content-Type was {shown})", key="Content-Type")
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip('"').lower() not in (
                "utf-8", "utf8"):
            raise UnsupportedMediaType(
                f"send the body in UTF-8 (its charset was '{value.strip()}')", key="Content-Type")


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refused (413) as soon as it is longer than ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"the body has {int(declared):,} bytes; at most {limit:,}", key="body")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge(f"the body is longer than {limit:,} bytes", key="body")
        chunks.append(chunk)
    return b"".join(chunks)


def utf8(body: bytes, key: str = "body") -> str:
    """``body`` as text; 400 naming the first byte that is not UTF-8."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidParameter(f"the {key} is not UTF-8 (byte {error.start + 1} is "
                               f"0x{body[error.start]:02x})", key=key) from None


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise InvalidParameter(f"a number in the body has {len(digits):,} digits; at most "
                               f"{MAX_INTEGER_DIGITS}", key="body")
    return int(digits)


def _constant(name: str) -> Any:
    raise InvalidParameter(f"{name} is not JSON", key="body")


def json_object(body: bytes) -> dict[str, Any]:
    """The JSON object in ``body``; 400 for anything else (not UTF-8, not JSON, nested too
    deeply, an integer too long, NaN, or a value that is not an object)."""
    text = utf8(body)
    try:
        value = json.loads(text, parse_int=_integer, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise InvalidParameter(f"the body is not JSON ({error.msg} at line {error.lineno}, "
                               f"column {error.colno})", key="body") from None
    except RecursionError:
        raise InvalidParameter("the body's JSON nests too deeply", key="body") from None
    if not isinstance(value, dict):
        raise InvalidParameter("the body is a JSON object with a 'text' field", key="body")
    return value


def form_fields(body: bytes) -> dict[str, str]:
    """The fields of a URL-encoded form, each given once, in UTF-8; 400 otherwise."""
    text = utf8(body, "form")
    try:
        pairs = parse_qsl(text, keep_blank_values=True, errors="strict",
                          max_num_fields=MAX_FORM_FIELDS)
    except UnicodeDecodeError:
        raise InvalidParameter("a field of the form is not UTF-8", key="form") from None
    except ValueError:
        raise InvalidParameter(f"the form has more than {MAX_FORM_FIELDS} fields",
                               key="form") from None
    fields: dict[str, str] = {}
    for name, value in pairs:
        if name in fields:
            raise InvalidParameter(f"the field '{name}' is given twice", key=name)
        fields[name] = value
    return fields
