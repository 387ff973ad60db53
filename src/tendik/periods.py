"""Dates as published figures give them: a day, a month, a quarter, a year, or a range.

A figure is *as of* a time (``2025-01-01``, ``2025-03``, ``2021-Q1``, ``2024``) or covers a
range (``2025-01/2025-08``, ``2019-2020``, ``2014; 2017``). ``parse_span`` reads one into a
``Span``: the first and last day it covers and its TIME_PERIOD, written the SDMX way
(``2025``, ``2025-03``, ``2025-01-01``, ``2021-Q1``; a range as ``start/end``). A note in
brackets (``2027 (target)``, ``2019-2020 (approval)``) is kept; the word ``target`` alone is an
undated target. A blank cell is undated. Anything else is refused with ``ValueError``.

Also accepted: a day written ``DD.MM.YYYY`` (as in Russian and Kazakh texts).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

# notes that make a figure a target, a plan or a forecast rather than a statement of fact
TARGET_NOTES: frozenset[str] = frozenset(
    {"target", "plan", "planned", "forecast", "goal", "projection", "цель", "план", "прогноз"}
)

_YEAR = r"(?:1[89]|20|21)\d\d"
_ONE = re.compile(
    rf"^(?P<year>{_YEAR})(?:-(?P<month>\d\d)(?:-(?P<day>\d\d))?|-Q(?P<quarter>[1-4])"
    rf"|-H(?P<half>[12]))?$"
)
_DOTTED = re.compile(rf"^(?P<day>\d\d)\.(?P<month>\d\d)\.(?P<year>{_YEAR})$")
_YEAR_RANGE = re.compile(rf"^(?P<a>{_YEAR})\s*[-–]\s*(?P<b>{_YEAR})$")
_NOTE = re.compile(r"^(?P<body>.*?)\s*\((?P<note>[^()]{1,40})\)$")


@dataclass(frozen=True)
class Span:
    """The time a figure refers to, as written and as read."""

    text: str  # as written
    period: str | None  # TIME_PERIOD; None: undated
    start: date | None
    end: date | None
    note: str | None = None  # "target", "approval", ... as written in brackets

    @property
    def is_target(self) -> bool:
        return self.note is not None and self.note.lower() in TARGET_NOTES

    @property
    def is_range(self) -> bool:
        return self.period is not None and "/" in self.period

    @property
    def middle(self) -> date | None:
        """The day halfway through the span (the day itself for a day)."""
        if self.start is None or self.end is None:
            return None
        return date.fromordinal((self.start.toordinal() + self.end.toordinal()) // 2)


def _one(text: str) -> tuple[str, date, date]:
    """(TIME_PERIOD, first day, last day) of one day, month, quarter, half or year."""
    dotted = _DOTTED.match(text)
    if dotted:
        text = f"{dotted['year']}-{dotted['month']}-{dotted['day']}"
    m = _ONE.match(text)
    if not m:
        raise ValueError(
            f"'{text}' is not a date: write YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or DD.MM.YYYY"
        )
    year = int(m["year"])
    if m["quarter"]:
        q = int(m["quarter"])
        last = 3 * q
        return f"{year}-Q{q}", date(year, last - 2, 1), _month_end(year, last)
    if m["half"]:
        h = int(m["half"])
        return f"{year}-H{h}", date(year, 6 * h - 5, 1), _month_end(year, 6 * h)
    if m["month"] is None:
        return str(year), date(year, 1, 1), date(year, 12, 31)
    month = int(m["month"])
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    if m["day"] is None:
        return f"{year}-{month:02d}", date(year, month, 1), _month_end(year, month)
    try:
        day = date(year, month, int(m["day"]))
    except ValueError:
        raise ValueError(f"'{text}' is not a day of the calendar") from None
    return day.isoformat(), day, day


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_span(text: str | None) -> Span:
    """Read a date, a range or a list of dates as a figure's citation writes it."""
    raw = (text or "").strip()
    if not raw:
        return Span(raw, None, None, None)
    body, note = raw, None
    noted = _NOTE.match(raw)
    if noted:
        body, note = noted["body"].strip(), noted["note"].strip()
    if body.lower() in TARGET_NOTES and note is None:
        return Span(raw, None, None, None, body.lower())
    if not body:
        raise ValueError(f"'{raw}' gives a note but no date")
    parts = _parts(body)
    if len(parts) == 1:
        period, start, end = _one(parts[0])
        return Span(raw, period, start, end, note)
    first, start, _ = _one(parts[0])
    last, _, end = _one(parts[-1])
    if end < start:
        raise ValueError(f"'{raw}' ends before it starts")
    return Span(raw, f"{first}/{last}", start, end, note)


def _parts(body: str) -> list[str]:
    """The dates a body names: one, a range "a/b" or "YYYY-YYYY", or a list "a; b"."""
    years = _YEAR_RANGE.match(body)
    if years:
        return [years["a"], years["b"]]
    for separator in ("/", ";"):
        if separator in body:
            parts = [p.strip() for p in body.split(separator)]
            if any(not p for p in parts) or (separator == "/" and len(parts) != 2):
                raise ValueError(f"'{body}' is not a range of two dates (start/end)")
            return parts
    return [body]


def period_bounds(period: str) -> tuple[date, date] | None:
    """The first and last day of a TIME_PERIOD (a range included); None when it is not one."""
    try:
        span = parse_span(period)
    except ValueError:
        return None
    if span.start is None or span.end is None:
        return None
    return span.start, span.end
