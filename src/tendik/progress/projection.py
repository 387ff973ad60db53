"""The year a target (or the parity band) is reached at the current trend, with an interval.

The trend is an ordinary least-squares straight line through the points since the base year,
not the compound growth rate the status uses. A status only compares two points' pace with the
pace required; a projected year is an extrapolation, and a line fitted to every point is less
at the mercy of one odd first or last year, gives a standard error from which an interval
follows, and suits shares, which move by percentage points rather than by percentages
(a constant growth rate would take a share past 100). The interval runs from the first year the
optimistic edge of the prediction band (default 80%) reaches the target to the first year its
pessimistic edge does; an exactly linear series gives a zero-width interval.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from tendik.errors import ProgressError
from tendik.progress import explain
from tendik.progress.growth import Goal
from tendik.progress.series import Point, Series, normalise, window
from tendik.progress.target import Target
from tendik.progress.trend import LinearTrend

DEFAULT_HORIZON = 2050


@dataclass(frozen=True)
class Projection:
    """When the target is reached at the current trend: ``year`` and the interval
    ``year_low``–``year_high`` (None: not within the horizon, or no interval from two points)."""

    reached: bool  # by the horizon
    year: int | None
    year_low: int | None
    year_high: int | None
    already_achieved: bool
    slope: float | None  # of the trend, in the series' unit per year
    base_year: int | None
    latest_year: int | None
    horizon: int
    level: float
    target: Target
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "reached": self.reached,
            "year": self.year,
            "year_low": self.year_low,
            "year_high": self.year_high,
            "already_achieved": self.already_achieved,
            "slope": self.slope,
            "base_year": self.base_year,
            "latest_year": self.latest_year,
            "horizon": self.horizon,
            "level": self.level,
            "target": self.target.model_dump(),
            "explanation": self.explanation,
        }


def _aim(target: Target, latest_value: float) -> tuple[float, int]:
    """The edge to reach and the sense of travel (+1 up, -1 down) from the latest value."""
    if target.direction == "increase":
        return target.value, 1
    if target.direction == "decrease":
        return target.value, -1
    if latest_value < target.value:
        return target.value - target.band, 1
    return target.value + target.band, -1


def _first_year(meets: Callable[[int], bool], start: int, horizon: int) -> int | None:
    return next((year for year in range(start, horizon + 1) if meets(year)), None)


def _crossings(
    trend: LinearTrend, edge: float, sense: int, start: int, horizon: int, level: float
) -> tuple[int | None, int | None, int | None]:
    """First years the line, the optimistic and the pessimistic band edges reach ``edge``."""
    tolerance = 1e-9 * max(1.0, abs(edge))

    def past_edge(year: int) -> float:
        return sense * (trend.at(year) - edge) + tolerance

    def spread(year: int) -> float:
        return trend.half_width(year, level) or 0.0

    year = _first_year(lambda y: past_edge(y) >= 0, start, horizon)
    if trend.sigma is None:
        return year, None, None
    low = _first_year(lambda y: past_edge(y) + spread(y) >= 0, start, horizon)
    high = _first_year(lambda y: past_edge(y) - spread(y) >= 0, start, horizon)
    return year, low, high


def projected_year(
    series: Series,
    target: Target,
    *,
    horizon: int = DEFAULT_HORIZON,
    base_year: int | None = None,
    level: float = 0.8,
) -> Projection:
    """The first year, after the latest year with data, in which the least-squares line through
    the points since the base year (default: first year from 2015 on with data) reaches the
    target, or for parity the near edge of the band; the latest year if the latest value already
    meets it; not reached if the line moves away, is flat, or gets there after ``horizon``."""
    if not 0 < level < 1:
        raise ProgressError(f"the prediction level must lie between 0 and 1, got {level:g}")
    points = window(normalise(series), base_year=base_year)
    blank = Projection(
        reached=False,
        year=None,
        year_low=None,
        year_high=None,
        already_achieved=False,
        slope=None,
        base_year=points[0][0] if points else None,
        latest_year=points[-1][0] if points else None,
        horizon=horizon,
        level=level,
        target=target,
        explanation="",
    )
    if not points:
        return replace(blank, explanation=explain.no_data(base_year, None))
    latest = points[-1]
    if Goal.of(target, target.direction).achieved(latest[1], target):
        return replace(
            blank,
            reached=True,
            year=latest[0],
            year_low=latest[0],
            year_high=latest[0],
            already_achieved=True,
            explanation=explain.projection_achieved(target, latest),
        )
    if len(points) < 2:
        return replace(blank, explanation=explain.projection_one_point(latest))
    return _project(points, blank)


def _project(points: list[Point], blank: Projection) -> Projection:
    """Fit the line and find where it, and its prediction band, reach the target."""
    target, horizon, level = blank.target, blank.horizon, blank.level
    trend = LinearTrend.fit(points)
    edge, sense = _aim(target, points[-1][1])
    since = points[0][0]
    if sense * trend.slope <= 0:
        text = explain.projection_away(target, since, trend.slope, horizon)
        return replace(blank, slope=trend.slope, explanation=text)
    years = _crossings(trend, edge, sense, points[-1][0] + 1, horizon, level)
    return replace(
        blank,
        reached=years[0] is not None,
        year=years[0],
        year_low=years[1],
        year_high=years[2],
        slope=trend.slope,
        explanation=explain.projection(target, edge, since, trend.slope, years, horizon, level),
    )
