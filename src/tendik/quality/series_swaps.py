"""Two series whose values look exchanged against their independent sources, from some period on.

Each indicator with a reconciliation pair has references: the indicators it is paired with, each
read at the pair's shift. For two indicators X and Y of one unit, not paired with each other,
every period where both have a total is judged on its legs — each reference of X, each of Y:

    own   = Σ |X − ref of X| + Σ |Y − ref of Y|      (the labels as given)
    cross = Σ |Y − ref of X| + Σ |X − ref of Y|      (the labels exchanged)

A period points to an exchange when ``cross · ratio ≤ own`` and ``own`` is beyond the pairs'
tolerances; it points against one when the labels fit (``own`` within the tolerances, or
``own · ratio ≤ cross``); otherwise it says nothing. A run of periods pointing to an exchange,
not broken by one pointing against, of at least ``min_periods`` periods, is an error that names
both series, their references and the first period of the run.

Sums over legs rather than one leg at a time, and a ratio rather than a tolerance, because a
national platform's figure and the IPU's differ by more than rounding (Kazakhstan's 27.4 against
27.1 for the Mazhilis, 2016-2021): what tells an exchange is that the other series' value is
several times closer, not that it is equal. With one reference each, the exchange can be read
either way (X and Y exchanged, or their references): the finding names the other reading.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from tendik.quality.data import IndicatorData, Obs
from tendik.quality.findings import Finding, LabelsLookSwapped, ObsKey, number
from tendik.quality.reconcile import Pair, shifted
from tendik.quality.swaps import DETAIL_LIMIT, Disagreements, Explained

SWAP, AGAINST, NOTHING = "swap", "against", "nothing"


@dataclass(frozen=True)
class Reference:
    """Another indicator of the same statistic, read at ``offset``: ref(t + offset) ~ X(t)."""

    indicator: str
    offset: int
    tolerance: float
    pair: Pair


@dataclass
class Run:
    """Periods in a row that point to X and Y exchanged, for one area."""

    x: str
    y: str
    area: str
    periods: list[str] = field(default_factory=list)
    strength: float = 0.0  # Σ (own − cross) over the periods
    details: list[str] = field(default_factory=list)
    rows: list[ObsKey] = field(default_factory=list)


def references(pairs: list[Pair]) -> dict[str, list[Reference]]:
    """Each indicator's references, from the reconciliation pairs."""
    out: dict[str, list[Reference]] = defaultdict(list)
    for pair in pairs:  # a(t − shift) ~ b(t)
        out[pair.a].append(Reference(pair.b, pair.shift, pair.tolerance, pair))
        out[pair.b].append(Reference(pair.a, -pair.shift, pair.tolerance, pair))
    return out


Totals = dict[str, dict[str, Obs]]  # area -> period -> the total


def _totals(data: IndicatorData) -> Totals:
    out: Totals = defaultdict(dict)
    for row in data.totals():
        if row.value is not None:
            out[row.area][row.period] = row
    return out


def _candidates(
    refs: dict[str, list[Reference]], indicators: dict[str, IndicatorData]
) -> list[tuple[str, str]]:
    ids = sorted(i for i in refs if i in indicators)
    out = []
    for n, x in enumerate(ids):
        for y in ids[n + 1 :]:
            named_x = {r.indicator for r in refs[x]}
            named_y = {r.indicator for r in refs[y]}
            same_unit = indicators[x].info.unit == indicators[y].info.unit
            if same_unit and y not in named_x and x not in named_y and not named_x & named_y:
                out.append((x, y))
    return out


@dataclass
class Judge:
    """Judges the periods of one candidate pair of indicators, area by area."""

    x: str
    y: str
    refs: dict[str, list[Reference]]
    totals: dict[str, Totals]
    data: dict[str, IndicatorData]
    ratio: float

    def _legs(self, area: str, period: str) -> list[tuple[Reference, Obs, bool]]:
        """(reference, its observation, whether it is one of X's) for each leg at ``period``."""
        legs = []
        for mine, indicator in ((True, self.x), (False, self.y)):
            for ref in self.refs[indicator]:
                at = shifted(period, -ref.offset)
                obs = self.totals[ref.indicator].get(area, {}).get(at) if at else None
                if obs is not None:
                    legs.append((ref, obs, mine))
        return legs

    def verdict(self, area: str, period: str, x: float, y: float) -> tuple[str, float, list]:
        legs = self._legs(area, period)
        if not legs:
            return NOTHING, 0.0, legs
        own = cross = tolerance = 0.0
        for ref, obs, mine in legs:
            assert obs.value is not None
            own += abs((x if mine else y) - obs.value)
            cross += abs((y if mine else x) - obs.value)
            tolerance += ref.tolerance
        if own <= tolerance + 1e-9 or own * self.ratio <= cross:
            return AGAINST, own - cross, legs
        if cross * self.ratio <= own:
            return SWAP, own - cross, legs
        return NOTHING, own - cross, legs

    def runs(self, area: str, min_periods: int) -> list[Run]:
        xs, ys = self.totals[self.x].get(area, {}), self.totals[self.y].get(area, {})
        found: list[Run] = []
        run = Run(self.x, self.y, area)
        for period in sorted(set(xs) & set(ys)):
            x, y = xs[period], ys[period]
            assert x.value is not None and y.value is not None
            verdict, margin, legs = self.verdict(area, period, x.value, y.value)
            if verdict == AGAINST:
                found.append(run)
                run = Run(self.x, self.y, area)
            elif verdict == SWAP:
                self._add(run, period, x, y, margin, legs)
        found.append(run)
        return [r for r in found if len(r.periods) >= min_periods]

    def _add(self, run: Run, period: str, x: Obs, y: Obs, margin: float, legs: list) -> None:
        run.periods.append(period)
        run.strength += margin
        shown = {True: [], False: []}  # type: dict[bool, list[str]]
        for _, obs, mine in legs:
            shown[mine].append(number(obs.value))
        run.details.append(
            f"{period}: {number(x.value)}/{number(y.value)} against "
            f"{','.join(shown[True]) or '–'}/{','.join(shown[False]) or '–'}"
        )
        run.rows += [self.data[self.x].key(x), self.data[self.y].key(y)]
        run.rows += [self.data[ref.indicator].key(obs) for ref, obs, _ in legs]


def _mirrors(a: Run, b: Run, refs: dict[str, list[Reference]]) -> bool:
    """Whether run ``b`` exchanges the references of run ``a``'s two series (the same evidence
    read the other way round)."""
    names = {r.indicator for r in refs[a.x]} | {r.indicator for r in refs[a.y]}
    return a.area == b.area and {b.x, b.y} <= names and bool(set(a.periods) & set(b.periods))


def _finding(run: Run, refs: dict[str, list[Reference]], other: Run | None) -> Finding:
    more = len(run.details) - DETAIL_LIMIT
    detail = "; ".join(run.details[:DETAIL_LIMIT]) + (f"; and {more} more" if more > 0 else "")
    return LabelsLookSwapped(
        severity="error",
        rows=tuple(dict.fromkeys(run.rows)),
        kind="indicators",
        indicators=(run.x, run.y),
        against=(
            tuple(r.indicator for r in refs[run.x]),
            tuple(r.indicator for r in refs[run.y]),
        ),
        areas=(run.area,),
        periods=tuple(run.periods),
        first_period=run.periods[0],
        alternative=(other.x, other.y) if other else (),
        detail=detail,
    )


def _explained(runs: list[Run], groups: list[Disagreements]) -> Explained:
    """The disagreements of the series' pairs in the periods a run covers."""
    out: Explained = set()
    for run in runs:
        for group in groups:
            for side in (run.x, run.y):
                if side not in (group.pair.a, group.pair.b):
                    continue
                for m in group.matches:
                    period = m.period_a if side == group.pair.a else m.period_b
                    if m.area == run.area and period in run.periods:
                        out.add((group.pair, m))
    return out


def series_swaps(
    pairs: list[Pair],
    groups: list[Disagreements],
    indicators: dict[str, IndicatorData],
    *,
    ratio: float,
    min_periods: int,
) -> tuple[list[Finding], Explained]:
    """Every run of two series exchanged against their references, once, and what it explains."""
    refs = references(pairs)
    totals = {i: _totals(indicators[i]) for i in refs if i in indicators}
    runs: list[Run] = []
    for x, y in _candidates(refs, indicators):
        judge = Judge(x, y, refs, totals, indicators, ratio)
        for area in sorted(set(totals[x]) & set(totals[y])):
            runs += judge.runs(area, min_periods)
    runs.sort(key=lambda r: (-r.strength, r.area, r.x, r.y))
    kept: list[tuple[Run, Run | None]] = []
    for run in runs:
        mirror = next((k for k, _ in kept if _mirrors(k, run, refs)), None)
        if mirror is None:
            kept.append((run, None))
        elif abs(mirror.strength - run.strength) <= 1e-9:  # as strong: either reading holds
            kept = [(k, run if k is mirror else o) for k, o in kept]
    kept.sort(key=lambda item: (item[0].area, item[0].x, item[0].y, item[0].periods[0]))
    findings = [_finding(run, refs, other) for run, other in kept]
    return findings, _explained([run for run, _ in kept], groups)
