"""Disagreements that vanish once two labels are exchanged: swapped labels, not bad numbers.

Two explanations are tried here on the area-years where a pair of sources disagrees:
- complement: a ≈ 100 − b, men's share reported where women's is meant (percentages only);
- areas: a(X) ≈ b(Y) and a(Y) ≈ b(X) for two areas X and Y in the same period.
An area swap must hold in ``min_periods`` periods: between ~200 countries a single coincidence
of two values happens (Austria and Slovenia, 2014, in the parliament series). Two indicators'
values exchanged are found by series_swaps.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from tendik.quality.data import IndicatorData
from tendik.quality.findings import Finding, LabelsLookSwapped, SwapKind, number
from tendik.quality.reconcile import Match, Pair

DETAIL_LIMIT = 5  # area-years spelt out in a finding's detail


@dataclass(frozen=True)
class Disagreements:
    """The area-years where one pair of sources disagrees."""

    pair: Pair
    matches: list[Match]


Explained = set[tuple[Pair, Match]]


def _close(x: float, y: float, tolerance: float) -> bool:
    return abs(x - y) <= tolerance + 1e-9


def _finding(
    kind: SwapKind,
    indicators: tuple[str, ...],
    areas: tuple[str, ...],
    items: list[tuple[Match, str]],
    others: list[Match] | None = None,
) -> Finding:
    """One finding: ``items`` are the area-years spelt out, ``others`` their counterparts."""
    periods = tuple(sorted({m.period_b for m, _ in items}))
    shown = "; ".join(text for _, text in items[:DETAIL_LIMIT])
    more = len(items) - DETAIL_LIMIT
    detail = shown + (f"; and {more} more" if more > 0 else "")
    matches = [m for m, _ in items] + (others or [])
    rows = tuple(key for m in matches for key in (m.key_a, m.key_b))
    return LabelsLookSwapped(
        severity="error",
        rows=rows,
        kind=kind,
        indicators=indicators,
        areas=areas,
        periods=periods,
        detail=detail,
    )


def complements(
    group: Disagreements, indicators: dict[str, IndicatorData]
) -> tuple[list[Finding], Explained]:
    pair = group.pair
    if {indicators[pair.a].info.unit, indicators[pair.b].info.unit} != {"percent"}:
        return [], set()
    by_area: dict[str, list[tuple[Match, str]]] = defaultdict(list)
    for m in group.matches:
        if _close(m.value_a, 100.0 - m.value_b, pair.tolerance):
            text = f"{m.period_a} {number(m.value_a)} vs {m.period_b} {number(m.value_b)}"
            by_area[m.area].append((m, text))
    findings = [
        _finding("complement", (pair.a, pair.b), (area,), items)
        for area, items in sorted(by_area.items())
    ]
    return findings, {(pair, m) for items in by_area.values() for m, _ in items}


def area_swaps(group: Disagreements, min_periods: int) -> tuple[list[Finding], Explained]:
    pair = group.pair
    by_period: dict[str, list[Match]] = defaultdict(list)
    for m in group.matches:
        by_period[m.period_b].append(m)
    swapped: dict[tuple[str, str], list[tuple[Match, Match, str]]] = defaultdict(list)
    for period in sorted(by_period):
        ms = sorted(by_period[period], key=lambda m: m.area)
        for i, x in enumerate(ms):
            for y in ms[i + 1 :]:
                if _close(x.value_a, y.value_b, pair.tolerance) and _close(
                    y.value_a, x.value_b, pair.tolerance
                ):
                    text = (
                        f"{period}: {x.area} {number(x.value_a)}/{number(x.value_b)}, "
                        f"{y.area} {number(y.value_a)}/{number(y.value_b)}"
                    )
                    swapped[(x.area, y.area)].append((x, y, text))
    findings: list[Finding] = []
    explained: Explained = set()
    for areas, found in sorted(swapped.items()):
        if len(found) >= min_periods:  # one entry per period
            items = [(x, text) for x, _, text in found]
            others = [y for _, y, _ in found]
            findings.append(_finding("areas", (pair.a, pair.b), areas, items, others))
            explained |= {(pair, m) for x, y, _ in found for m in (x, y)}
    return findings, explained


def find_swaps(
    groups: Iterable[Disagreements], indicators: dict[str, IndicatorData], min_periods: int
) -> tuple[list[Finding], Explained]:
    """Every swap among the disagreements, and the area-years they explain."""
    groups = list(groups)
    findings: list[Finding] = []
    explained: Explained = set()
    for group in groups:
        for found, covered in (complements(group, indicators), area_swaps(group, min_periods)):
            findings += found
            explained |= covered
    return findings, explained
