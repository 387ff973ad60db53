"""Dates, months and years written in a text (English and Russian), with what they mean."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tendik.claims.model import Period
from tendik.claims.spans import free_of

_EN_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_EN_SHORT = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_RU_STEMS = (
    "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
    "ноябр", "декабр",
)  # fmt: skip

_EN_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_RU_MONTH = (
    r"(?:январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|"
    r"августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
)
_MONTH = rf"(?:{_EN_MONTH}|{_RU_MONTH})"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
_RU_YEAR_WORD = r"(?:\s*(?:года|году|год|г\.))?"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("dmy", re.compile(rf"\b(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>{_YEAR})\b")),
    (
        "day-month",
        re.compile(
            rf"(?i)\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mn>{_MONTH})(?:,?\s+(?P<y>{_YEAR}){_RU_YEAR_WORD})?(?![\w])"
        ),
    ),
    (
        "month-day",
        re.compile(rf"\b(?P<mn>{_EN_MONTH})\s+(?P<d>{_DAY})(?![\d%])(?:,?\s+(?P<y>{_YEAR}))?\b"),
    ),
    ("month-year", re.compile(rf"(?i)\b(?P<mn>{_MONTH})\s+(?P<y>{_YEAR}){_RU_YEAR_WORD}(?!\d)")),
)

# Years the claim extractor must not read as numbers: "in 2024", "2010-2022", "2022-м", "FY2024".
YEAR_RANGE = re.compile(rf"(?<![\d.,])(?P<a>{_YEAR})\s*[-–—]\s*(?P<b>{_YEAR}|\d\d)(?![\d%])")
YEAR_SUFFIXED = re.compile(rf"(?<![\d.,])(?P<y>{_YEAR})(?:-?(?:м|го|х|е|й|му|ми|s)\b|’s|'s)")
YEAR_WORDED = re.compile(rf"(?<![\d.,])(?P<y>{_YEAR})(?P<w>\s*(?:года|году|год|годы|годах|гг?\.))")

_RELATIVE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)\b(?:as of|at) the (?:start of the )?new year\b"), "new-year"),
    (re.compile(r"(?i)на начало (?:этого |текущего )?года"), "new-year"),
    (re.compile(r"(?i)\b(?:this|the current) year\b"), "this-year"),
    (re.compile(r"(?i)(?:в|на) (?:этом|текущем|нынешнем) году"), "this-year"),
    (re.compile(r"(?i)\blast year\b"), "last-year"),
    (re.compile(r"(?i)в прошлом году"), "last-year"),
)


@dataclass(frozen=True)
class Mention:
    """A date, month, year or relative time phrase found in a text."""

    span: tuple[int, int]
    period: Period | None  # None for a relative phrase when no publication date is known
    since: bool = False  # preceded by "since" / "с" / "со"


def find_dates(text: str, published: date | None = None) -> list[Mention]:
    """All date-like mentions, longest first where they overlap, in text order."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        matches = [m for m in pattern.finditer(text)]
        kept = []
        for m, free in zip(matches, free_of(taken, [m.span() for m in matches]), strict=True):
            if not free:
                continue
            period = _to_period(m)
            # "10 March", "May 22": a day with no year is no period, but it is not a number either.
            if period is None and kind not in ("day-month", "month-day"):
                continue
            kept.append(m.span())
            found.append(Mention(m.span(), period, _since(text, m.start())))
        taken = sorted(taken + kept)
    worded = [m for m in YEAR_WORDED.finditer(text)]
    kept = []
    for m, free in zip(worded, free_of(taken, [m.span() for m in worded]), strict=True):
        if free:
            kept.append(m.span())
            period = Period(int(m.group("y")), None, m.group().strip())
            found.append(Mention(m.span(), period, _since(text, m.start())))
    taken = sorted(taken + kept)
    for pattern, what in _RELATIVE:
        relative = [m for m in pattern.finditer(text)]
        kept = []
        for m, free in zip(relative, free_of(taken, [m.span() for m in relative]), strict=True):
            if free:
                kept.append(m.span())
                found.append(Mention(m.span(), _relative(what, m.group(), published)))
        taken = sorted(taken + kept)
    return sorted(found, key=lambda x: x.span)


def year_mention(text: str, span: tuple[int, int]) -> Mention:
    """A bare year found by the number scanner, as a mention."""
    year = int(text[span[0] : span[0] + 4])
    return Mention(span, Period(year, None, text[span[0] : span[1]]), _since(text, span[0]))


def _to_period(m: re.Match[str]) -> Period | None:
    groups = m.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    month = _month_number(groups["mn"]) if groups.get("mn") else int(groups.get("m") or 0)
    day = int(re.sub(r"\D", "", groups["d"])) if groups.get("d") else 1
    if not month or year is None:
        return None
    try:
        return Period(year, date(year, month, day), m.group())
    except ValueError:
        return None


def _month_number(name: str) -> int:
    low = name.lower().rstrip(".")
    for i, (full, short) in enumerate(zip(_EN_MONTHS, _EN_SHORT, strict=True)):
        if low == full or low == short or (low.startswith(short) and full.startswith(low)):
            return i + 1
    for i, stem in enumerate(_RU_STEMS):
        if low.startswith(stem) and (stem != "ма" or low in ("май", "мая", "мае")):
            return i + 1
    return 0


def _relative(what: str, written: str, published: date | None) -> Period | None:
    if published is None:
        return None
    if what == "new-year":
        return Period(published.year, date(published.year, 1, 1), written)
    if what == "last-year":
        return Period(published.year - 1, None, written)
    return Period(published.year, None, written)


def _since(text: str, start: int) -> bool:
    before = text[max(0, start - 8) : start].lower()
    return bool(re.search(r"(?:\bsince|\bс|\bсо)\s+$", before))
