"""Progress of an indicator's headline series, from warehouse rows and the catalogue's target."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tendik.errors import ProgressError
from tendik.progress.assessment import ProgressAssessment, progress_status
from tendik.progress.projection import Projection, projected_year
from tendik.progress.series import Point
from tendik.progress.target import Target

_YEAR = re.compile(r"^(\d{4})")


def yearly_points(rows: Iterable[tuple[str, float | None]]) -> list[Point]:
    """(year, value) from (TIME_PERIOD, OBS_VALUE) pairs; suppressed (None) values are left out,
    and a later period of the same year wins."""
    by_year: dict[int, float] = {}
    for period, value in rows:
        match = _YEAR.match(str(period))
        if match and value is not None:
            by_year[int(match.group(1))] = float(value)
    return sorted(by_year.items())


def target_from_definition(raw: Mapping[str, Any] | None, parity_band: float) -> Target | None:
    """The catalogue's target as tendik.progress takes it (the project's band for parity)."""
    if not raw:
        return None
    data = dict(raw)
    if data.get("direction") == "parity":
        data["band"] = parity_band
    return Target.model_validate(data)


@dataclass(frozen=True)
class HeadlineProgress:
    target: Target | None
    assessment: ProgressAssessment | None
    projection: Projection | None

    @property
    def status(self) -> str | None:
        return self.assessment.status.value if self.assessment else None

    def projected(self) -> str | None:
        """'2031 (2029–2036)', 'reached' or 'not by 2050' (None without a target)."""
        projection = self.projection
        if projection is None:
            return None
        if projection.already_achieved:
            return "reached"
        if not projection.reached or projection.year is None:
            return f"not by {projection.horizon}"
        low, high = projection.year_low, projection.year_high
        if low is not None and high is not None and (low, high) != (projection.year,) * 2:
            return f"{projection.year} ({low}–{high})"
        return str(projection.year)


def headline_progress(points: list[Point], target: Target | None) -> HeadlineProgress:
    """Status and projected year of a headline series; None where they cannot be computed."""
    if target is None or not points:
        return HeadlineProgress(target, None, None)
    try:
        assessment = progress_status(points, target)
    except ProgressError:
        assessment = None
    try:
        projection = projected_year(points, target)
    except ProgressError:
        projection = None
    return HeadlineProgress(target, assessment, projection)
