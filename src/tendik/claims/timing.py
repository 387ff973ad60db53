"""When an observation describes, and which observations a claim's period calls for.

An indicator's ``reference_date`` says what its year t means, and so the day an observation
describes:

- "about the end of year t" (World Bank WDI): 31 December of t;
- "as of 1 January of year t" (UN SDG, the civil-service register): 1 January of t; "(1 February
  before 2020)" moves the years before 2020 to 1 February;
- anything else, or nothing: the year as a whole (its middle, 1 July).

A claim dated to a day (written, or the publication date) describes the state on that day,
which lies between an indicator's last observation on or before it and its first one after it:
it is compared with both (each if within a year of the day; the one on the day alone, if there
is one within a week: 31 December 2024 is 1 January 2025). So a claim "as of 1 January 2025"
is compared with the UN's 2025 and the WDI's 2024. A claim dated to a year only is compared
with every observation whose day falls in that year, so the UN's 1 January and the WDI's 31
December of one year both count. Where an
indicator says nothing of its reference date, a claim is compared with its own year's
observation only. An undated claim is compared with every observation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from tendik.claims.model import Period

Convention = Literal["start", "end", "year"]
WINDOW_DAYS = 366
ON_THE_DAY = 7  # days: the WDI's 31 December is the UN's 1 January


@dataclass(frozen=True)
class Reference:
    """An indicator's reading of its periods."""

    convention: Convention
    text: str | None = None  # the reference_date as the catalogue writes it
    february_before: int | None = None  # years before this one are as of 1 February

    def day(self, year: int) -> date:
        """The day an observation of `year` describes."""
        if self.convention == "end":
            return date(year, 12, 31)
        if self.convention == "start":
            month = 2 if self.february_before and year < self.february_before else 1
            return date(year, month, 1)
        return date(year, 7, 1)


def reference(text: str | None) -> Reference:
    """Read a catalogue's reference_date text."""
    if not text:
        return Reference("year")
    low = text.lower()
    february = re.search(r"1 february before (\d{4})", low)
    cutoff = int(february.group(1)) if february else None
    if "end of" in low or "31 december" in low:
        return Reference("end", text)
    if "1 january" in low or "start of" in low:
        return Reference("start", text, cutoff)
    return Reference("year", text)


def period_year(time_period: str) -> int | None:
    """The year of an observation's TIME_PERIOD ("2024", "2024-01-01", "2024-Q1"); None if it
    has none."""
    m = re.match(r"^(\d{4})(?:$|-)", time_period)
    return int(m.group(1)) if m else None


def select(periods: list[str], ref: Reference, period: Period | None) -> list[str]:
    """The TIME_PERIODs among `periods` that a claim of `period` is to be compared with."""
    years = {p: y for p in periods if (y := period_year(p)) is not None}
    if period is None:
        return list(years)
    if period.date is None or ref.convention == "year":
        return [p for p, y in years.items() if ref.day(y).year == period.year]
    offsets = {p: (ref.day(y) - period.date).days for p, y in years.items()}
    near = {p: d for p, d in offsets.items() if abs(d) <= WINDOW_DAYS}
    before = [p for p, d in near.items() if d <= 0]
    after = [p for p, d in near.items() if d > 0]
    chosen = []
    if before:
        chosen.append(max(before, key=lambda p: near[p]))
    on_the_day = chosen and near[chosen[0]] >= -ON_THE_DAY
    if after and not on_the_day:
        first_after = min(after, key=lambda p: near[p])
        chosen = [first_after] if near[first_after] <= ON_THE_DAY else [*chosen, first_after]
    return sorted(chosen)


def describe(period: Period | None) -> str:
    """A period in words: "1 January 2025", "2024", "undated"."""
    if period is None:
        return "undated"
    if period.date is None:
        return str(period.year)
    return f"{period.date.day} {period.date.strftime('%B')} {period.date.year}"
