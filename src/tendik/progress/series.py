"""A series of (year, value) points: checked, sorted, and cut to the window an assessment uses."""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable, Sequence
from decimal import Decimal
from numbers import Real

from tendik.errors import DuplicateYear, InvalidPoint

Point = tuple[int, float]
Series = Sequence[Point]

# Open SDG and the SDG progress reports measure from 2015, the first year of the 2030 Agenda.
DEFAULT_BASE_YEAR = 2015


def _year(raw: object, index: int) -> int:
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if not isinstance(raw, bool):
        try:
            return operator.index(raw)  # type: ignore[call-overload]
        except TypeError:
            pass
    raise InvalidPoint(f"point {index}: the year {raw!r} is not a whole number", key=str(raw))


def _value(raw: object, year: int, index: int) -> float:
    if isinstance(raw, Real | Decimal) and not isinstance(raw, bool):
        value = float(raw)
        if math.isfinite(value):
            return value
    raise InvalidPoint(
        f"point {index}: the value {raw!r} for {year} is not a finite number", key=str(year)
    )


def normalise(series: Iterable[tuple[object, object]]) -> list[Point]:
    """The points sorted by year; a year given twice or a non-finite value is an error."""
    seen: dict[int, float] = {}
    for index, (raw_year, raw_value) in enumerate(series, start=1):
        year = _year(raw_year, index)
        value = _value(raw_value, year, index)
        if year in seen:
            raise DuplicateYear(
                f"point {index}: the year {year} appears twice in the series "
                f"(values {seen[year]:g} and {value:g})",
                key=str(year),
            )
        seen[year] = value
    return sorted(seen.items())


def default_base_year(points: Sequence[Point]) -> int | None:
    """The first year from 2015 on with data, else the first year with data (None if empty)."""
    if not points:
        return None
    later = [year for year, _ in points if year >= DEFAULT_BASE_YEAR]
    return later[0] if later else points[0][0]


def window(
    points: Sequence[Point], *, base_year: int | None = None, current_year: int | None = None
) -> list[Point]:
    """The sorted points from the base year (or the first year after it with data) to the
    current year (default: the latest year with data)."""
    upto = [p for p in points if current_year is None or p[0] <= current_year]
    start = default_base_year(upto) if base_year is None else base_year
    if start is None:
        return []
    return [p for p in upto if p[0] >= start]
