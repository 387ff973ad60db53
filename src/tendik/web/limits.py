"""What one claim check may ask of the server, and the check request as its fields give it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from tendik.errors import (
    InvalidParameter,
    MissingParameter,
    TooLarge,
    TooManyNumbers,
    UnknownParameter,
)

FIELDS = frozenset({"text", "date", "language"})
LANGUAGES = ("en", "ru")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Every claim is a run of digits (of any script) or a share written as a word ("half", "a
# third", "треть"), so counting these bounds the claims from above: "19.4" and "1 234" count
# twice, never fewer times than the extractor may find a claim there. Whatever else a text
# holds, the time budget bounds what checking it costs.
NUMBERS = re.compile(r"\d+|(?i:(?<!\w)(?:halfs?|halves|thirds?|quarters?|fifths?|трет\w*|"
                     r"четверт\w*|половин\w*|пят\w*\s+част\w*)(?!\w))")


@dataclass(frozen=True)
class CheckLimits:
    """Bounds on one check: the text's length in characters, the numbers in it (every claim is
    one, so this bounds the claims), the request body's size in bytes, the seconds a check may
    run (and may first wait for a free worker), and how many checks run at once (each in its
    own worker process)."""

    max_text: int = 100_000  # a long press release, not a book
    max_numbers: int = 1_000
    max_body: int = 1_048_576  # 100,000 characters of Cyrillic, percent-encoded, fit
    seconds: float = 10.0
    workers: int = 2


@dataclass(frozen=True)
class CheckRequest:
    text: str
    published: date | None = None
    language: str | None = None


def count_numbers(text: str) -> int:
    """How many numbers ``text`` holds, in digits or as words (linear in its length)."""
    return sum(1 for _ in NUMBERS.finditer(text))


def _text(fields: dict[str, Any], limits: CheckLimits) -> str:
    text = fields.get("text")
    if text is not None and not isinstance(text, str):
        raise InvalidParameter("the field 'text' is a string", key="text")
    if not text or not text.strip():
        raise MissingParameter("give the text to check in the field 'text'", key="text")
    if len(text) > limits.max_text:
        raise TooLarge(f"the text has {len(text):,} characters; at most {limits.max_text:,} "
                       "per check", key="text")
    numbers = count_numbers(text)
    if numbers > limits.max_numbers:
        raise TooManyNumbers(f"the text has {numbers:,} numbers; at most "
                             f"{limits.max_numbers:,} per check (split it)", key="text")
    return text


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    shown = value[:40] if isinstance(value, str) else f"a JSON {type(value).__name__}"
    raise InvalidParameter(f"'{shown}' is not a date YYYY-MM-DD", key="date")


def parse_request(fields: dict[str, Any], limits: CheckLimits) -> CheckRequest:
    """The text, publication date and language of a check; a 4xx error naming the field."""
    unknown = sorted(set(fields) - FIELDS)
    if unknown:
        raise UnknownParameter(f"unknown field '{unknown[0]}' (fields: date, language, text)",
                               key=unknown[0])
    text = _text(fields, limits)
    published = _date(fields.get("date"))
    lang = fields.get("language")
    lang = None if lang in (None, "") else lang
    if lang is not None and (not isinstance(lang, str) or lang not in LANGUAGES):
        raise InvalidParameter("language is en or ru (or absent: detected)", key="language")
    return CheckRequest(text, published, lang)
