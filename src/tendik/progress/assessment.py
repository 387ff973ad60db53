"""Progress status of a series against its target, by compound annual growth rates.

The method is the one Open SDG (sdg-build) took from Statistics Canada. The observed compound
annual growth rate (CAGR) runs from the base year to the latest year; with a target it is
divided by the CAGR required to go from the base-year value to the target by the target year,
and that ratio is mapped to a status with fixed thresholds (``TARGET_THRESHOLDS``). Without a
target the observed CAGR alone, signed so that the good direction is positive, is mapped with
``TREND_THRESHOLDS``. For a parity target the quantity whose growth counts is the gap
|value − parity point|, which must shrink until it is within the band.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tendik.errors import ProgressError
from tendik.progress import explain
from tendik.progress.growth import Goal, cagr
from tendik.progress.series import Point, Series, normalise, window
from tendik.progress.status import TARGET_THRESHOLDS, TREND_THRESHOLDS, ProgressStatus, Thresholds
from tendik.progress.target import Direction, Target


@dataclass(frozen=True)
class ProgressAssessment:
    """A status with the figures behind it. For a parity target the growth rates are those of
    the gap |value − parity point|; base_value and latest_value are always the series' values."""

    status: ProgressStatus
    observed_cagr: float | None  # of the tracked quantity, base year to latest year
    required_cagr: float | None  # of the tracked quantity, base year to the target year
    ratio: float | None  # observed / |required|, signed so that progress is positive
    base_year: int | None
    base_value: float | None
    latest_year: int | None
    latest_value: float | None
    target: Target | None
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "observed_cagr": self.observed_cagr,
            "required_cagr": self.required_cagr,
            "ratio": self.ratio,
            "base_year": self.base_year,
            "base_value": self.base_value,
            "latest_year": self.latest_year,
            "latest_value": self.latest_value,
            "target": self.target.model_dump() if self.target is not None else None,
            "explanation": self.explanation,
        }


def _goal(target: Target | None, direction: Direction | None) -> Goal:
    if target is not None and direction is not None and direction != target.direction:
        raise ProgressError(
            f"direction '{direction}' contradicts the target's direction '{target.direction}'"
        )
    return Goal.of(target, direction or "increase")


def _required(goal: Goal, target: Target | None, base: Point) -> float | None:
    if target is None:
        return None
    return cagr(goal.quantity(base[1]), goal.target_quantity(target), target.year - base[0])


def _ratio(goal: Goal, base: Point, observed: float | None, required: float | None) -> float | None:
    if observed is None or not required:
        return None
    sign = -1 if goal.quantity(base[1]) < 0 else 1
    return sign * goal.sense * observed / abs(required)


def _status(
    goal: Goal,
    points: list[Point],
    ratio: float | None,
    given: Thresholds | None,
    *,
    targeted: bool,
) -> ProgressStatus:
    (base_year, base_value), (latest_year, latest_value) = points[0], points[-1]
    if ratio is not None:
        return (given or TARGET_THRESHOLDS).classify(ratio)
    rate = goal.progress_rate(base_value, latest_value, latest_year - base_year)
    if rate is None:
        return ProgressStatus.INSUFFICIENT_DATA
    return ((None if targeted else given) or TREND_THRESHOLDS).classify(rate)


def progress_status(
    series: Series,
    target: Target | None,
    *,
    base_year: int | None = None,
    current_year: int | None = None,
    thresholds: Thresholds | None = None,
    direction: Direction | None = None,
) -> ProgressAssessment:
    """Assess a series against a target (or, without one, against ``direction``, default
    "increase"; a parity direction without a target means the gap to 50).

    ``base_year`` defaults to the first year from 2015 on with data, else the first year; a base
    year without data moves to the next year with data. ``current_year`` (default: the latest
    year with data) ignores later points. ``thresholds`` (default ``TARGET_THRESHOLDS`` with a
    target, ``TREND_THRESHOLDS`` without) map the measure to a status; where a target's required
    growth is zero or undefined (a base value already at the target, a target year not after the
    base year, a target of the opposite sign) the observed growth alone is judged, with
    ``TREND_THRESHOLDS``. Compound growth needs values of one sign: a zero base value or a change
    of sign gives ``insufficient_data``.
    """
    goal = _goal(target, direction)
    points = window(normalise(series), base_year=base_year, current_year=current_year)
    if not points:
        text = explain.no_data(base_year, current_year)
        return ProgressAssessment(
            ProgressStatus.INSUFFICIENT_DATA, None, None, None, None, None, None, None, target, text
        )
    base, latest = points[0], points[-1]
    observed = cagr(goal.quantity(base[1]), goal.quantity(latest[1]), latest[0] - base[0])
    required = _required(goal, target, base)
    ratio = _ratio(goal, base, observed, required)
    if target is not None and goal.achieved(latest[1], target):
        status = ProgressStatus.TARGET_ACHIEVED
    elif len(points) < 2:
        status = ProgressStatus.INSUFFICIENT_DATA
    else:
        status = _status(goal, points, ratio, thresholds, targeted=target is not None)
    text = explain.assessment(status, goal, target, base, latest, observed, required, ratio)
    return ProgressAssessment(
        status, observed, required, ratio, base[0], base[1], latest[0], latest[1], target, text
    )
