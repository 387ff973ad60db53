"""One-line explanations of assessments and projections, in plain English."""

from __future__ import annotations

from tendik.progress.growth import Goal
from tendik.progress.series import Point
from tendik.progress.status import ProgressStatus
from tendik.progress.target import Target


def number(value: float) -> str:
    """A value with at most two decimals and no trailing zeros: 26.17, 20, 1,250."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def rate(value: float) -> str:
    return f"{value * 100:+.2f}% a year"


def no_data(base_year: int | None, current_year: int | None) -> str:
    since = f" from {base_year}" if base_year is not None else ""
    until = f" up to {current_year}" if current_year is not None else ""
    return f"No data{since}{until}: progress cannot be measured."


def _path(goal: Goal, base: Point, latest: Point) -> str:
    path = f"{number(base[1])} ({base[0]}) → {number(latest[1])} ({latest[0]})"
    if goal.direction == "parity":
        gap_from, gap_to = goal.quantity(base[1]), goal.quantity(latest[1])
        path += f", gap to {number(goal.centre)} {number(gap_from)} → {number(gap_to)}"
    return path


def _achieved(goal: Goal, target: Target, latest: Point) -> str:
    value = f"{number(latest[1])} in {latest[0]}"
    if goal.direction == "parity":
        return f"{value} is within parity ({number(goal.centre)} ± {number(goal.band)})"
    return f"{value} meets the target of {number(target.value)} ({target.direction})"


def assessment(
    status: ProgressStatus,
    goal: Goal,
    target: Target | None,
    base: Point,
    latest: Point,
    observed: float | None,
    required: float | None,
    ratio: float | None,
) -> str:
    """Why an assessment came out as it did, with the figures that decided it."""
    if status is ProgressStatus.TARGET_ACHIEVED and target is not None:
        return f"{_achieved(goal, target, latest)}: {status.label}."
    if base == latest:
        return (
            f"Only one year with data ({base[0]}) from the base year: "
            f"two are needed to measure progress."
        )
    path = _path(goal, base, latest)
    if observed is None:
        return (
            f"{path}: compound growth is undefined from a zero value or across a change of sign; "
            f"{status.label}."
        )
    what = "gap " if goal.direction == "parity" else ""
    if target is not None and required is not None and ratio is not None:
        aim = "close the gap to the band" if goal.direction == "parity" else "reach the target"
        return (
            f"{path}: {what}{rate(observed)} against {rate(required)} needed to {aim} "
            f"({target.describe()}), ratio {ratio:.2f}: {status.label}."
        )
    sought = {"increase": "a rise", "decrease": "a fall", "parity": "a narrowing gap"}
    reason = "no target" if target is None else "the required growth is zero or undefined"
    return (
        f"{path}: {what}{rate(observed)}, {sought[goal.direction]} sought ({reason}): "
        f"{status.label}."
    )


def _aim_text(target: Target, edge: float) -> str:
    if target.direction == "parity":
        return f"the parity band ({number(target.value)} ± {number(target.band)}) at {number(edge)}"
    return f"the target of {number(target.value)}"


def _slope(slope: float) -> str:
    return f"{'+' if slope >= 0 else ''}{number(slope)} a year"


def projection_achieved(target: Target, latest: Point) -> str:
    goal = Goal.of(target, target.direction)
    return f"Already achieved: {_achieved(goal, target, latest)}."


def projection_one_point(latest: Point) -> str:
    return f"Only one year with data ({latest[0]}) from the base year: no trend to project."


def projection_away(target: Target, since: int, slope: float, horizon: int) -> str:
    how = "is flat" if slope == 0 else "moves away from the target"
    return (
        f"The trend since {since} ({_slope(slope)}) {how} ({target.describe()}): "
        f"not reached by {horizon}."
    )


def projection(
    target: Target,
    edge: float,
    since: int,
    slope: float,
    years: tuple[int | None, int | None, int | None],
    horizon: int,
    level: float,
) -> str:
    """Where the trend line and its prediction band reach the target."""
    year, low, high = years
    lead = f"At the trend since {since} ({_slope(slope)}), {_aim_text(target, edge)}"
    band = f"{level * 100:g}% interval"
    if low is None and high is None and year is not None:
        span = "no interval from two points"
    else:
        span = f"{band} {low or f'after {horizon}'} to {high or f'after {horizon}'}"
    if year is None:
        return f"{lead} is not reached by {horizon} ({span})."
    return f"{lead} is reached in {year} ({span})."
