"""Cross-source reconciliation: two indicators measuring one thing, compared area by area.

A pair (a, b, shift) compares a(t − shift) with b(t): the UN's parliament series is "as of
1 January of t", the World Bank's "about the end of t", so UN(t) is compared with WB(t − 1).
Pairs come from [quality.reconcile] and, unless ``auto = false``, from indicators sharing an
``sdmx_series``, the shift read from their ``reference_date`` texts.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from tendik.errors import QualityConfigError
from tendik.quality.config import ReconcileConfig
from tendik.quality.data import IndicatorData
from tendik.quality.findings import (
    Finding,
    ObsKey,
    Severity,
    ShiftSuggested,
    SourcesDisagree,
)

Anchor = Literal["start", "end"]
_START = re.compile(r"\b1(st)?\s+(jan|feb)|\bstart of\b|\bbeginning of\b", re.IGNORECASE)
_END = re.compile(r"\bend of\b|\b31(st)?\s+dec|\byear[- ]end\b", re.IGNORECASE)
SUGGEST_MARGIN = 0.05  # another shift must agree for this much larger a share...
SUGGEST_MIN_COMPARED = 10  # ...of at least this many area-years


def reference_anchor(text: str | None) -> Anchor | None:
    """Whether a ``reference_date`` text puts year t at its start or at its end."""
    if not text:
        return None
    if _START.search(text):
        return "start"
    if _END.search(text):
        return "end"
    return None


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    shift: int
    tolerance: float
    origin: Literal["declared", "sdmx_series"]


@dataclass(frozen=True)
class Match:
    """One area-year of a pair: a(period_a) set against b(period_b)."""

    area: str
    period_a: str
    period_b: str
    value_a: float
    value_b: float
    key_a: ObsKey
    key_b: ObsKey

    def agrees(self, tolerance: float) -> bool:
        return abs(self.value_a - self.value_b) <= tolerance + 1e-9


@dataclass(frozen=True)
class Reconciliation:
    """How far two sources of one thing agree."""

    a: str
    b: str
    source_a: str
    source_b: str
    shift: int
    tolerance: float
    origin: str
    compared: int
    agreeing: int

    @property
    def share(self) -> float | None:
        return self.agreeing / self.compared if self.compared else None

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "share": self.share}


def shifted(period: str, shift: int) -> str | None:
    """The period ``shift`` years before ``period`` (whole years only; None otherwise)."""
    if shift == 0:
        return period
    if len(period) == 4 and period.isdigit():
        return str(int(period) - shift)
    return None  # only whole years shift


def matches(a: IndicatorData, b: IndicatorData, shift: int) -> list[Match]:
    """Every area-year where both have a total: a(t − shift) against b(t)."""
    a_totals = {(r.area, r.period): r for r in a.totals() if r.value is not None}
    out: list[Match] = []
    for row_b in b.totals():
        period_a = shifted(row_b.period, shift)
        row_a = a_totals.get((row_b.area, period_a)) if period_a else None
        if row_a is None or row_a.value is None or row_b.value is None:
            continue
        out.append(
            Match(
                row_b.area,
                row_a.period,
                row_b.period,
                row_a.value,
                row_b.value,
                a.key(row_a),
                b.key(row_b),
            )
        )
    return out


def _auto_pair(a: IndicatorData, b: IndicatorData, tolerance: float) -> Pair:
    anchors = (
        reference_anchor(a.info.definition.get("reference_date")),
        reference_anchor(b.info.definition.get("reference_date")),
    )
    if anchors == ("start", "end"):
        return Pair(b.id, a.id, 1, tolerance, "sdmx_series")
    if anchors == ("end", "start"):
        return Pair(a.id, b.id, 1, tolerance, "sdmx_series")
    return Pair(a.id, b.id, 0, tolerance, "sdmx_series")


def resolve_pairs(
    config: ReconcileConfig, indicators: dict[str, IndicatorData], file: str | Path
) -> list[Pair]:
    """Declared pairs, then automatic ones for indicators sharing an sdmx_series."""
    pairs: list[Pair] = []
    for n, declared in enumerate(config.pairs):
        for side in ("a", "b"):
            if getattr(declared, side) not in indicators:
                raise QualityConfigError(
                    f"no indicator '{getattr(declared, side)}' in the warehouse",
                    file=file,
                    key=f"quality.reconcile.pairs.{n}.{side}",
                )
        tolerance = config.tolerance if declared.tolerance is None else declared.tolerance
        pairs.append(Pair(declared.a, declared.b, declared.shift, tolerance, "declared"))
    if not config.auto:
        return pairs
    seen = {frozenset((p.a, p.b)) for p in pairs}
    ordered = sorted(indicators.values(), key=lambda d: d.id)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            series = a.info.sdmx_series
            if series is None or series != b.info.sdmx_series or a.info.unit != b.info.unit:
                continue
            if frozenset((a.id, b.id)) not in seen:
                pairs.append(_auto_pair(a, b, config.tolerance))
    return pairs


def reconcile(
    pair: Pair, indicators: dict[str, IndicatorData], severity: Severity
) -> tuple[Reconciliation, list[Match], list[Finding]]:
    """The agreement of one pair, the area-years that disagree, and a finding for each."""
    a, b = indicators[pair.a], indicators[pair.b]
    found = matches(a, b, pair.shift)
    disagreeing = [m for m in found if not m.agrees(pair.tolerance)]
    summary = Reconciliation(
        pair.a,
        pair.b,
        a.info.source,
        b.info.source,
        pair.shift,
        pair.tolerance,
        pair.origin,
        len(found),
        len(found) - len(disagreeing),
    )
    findings: list[Finding] = [
        SourcesDisagree(
            severity=severity,
            rows=(m.key_a, m.key_b),
            a=pair.a,
            b=pair.b,
            source_a=a.info.source,
            source_b=b.info.source,
            area=m.area,
            period_a=m.period_a,
            period_b=m.period_b,
            value_a=m.value_a,
            value_b=m.value_b,
            difference=m.value_a - m.value_b,
            tolerance=pair.tolerance,
        )
        for m in disagreeing
    ]
    return summary, disagreeing, findings


def suggest_shift(
    pair: Pair, summary: Reconciliation, indicators: dict[str, IndicatorData]
) -> Finding | None:
    """An info finding when another shift (−1, 0 or +1 years) agrees clearly better."""
    a, b = indicators[pair.a], indicators[pair.b]
    best: tuple[float, int, int] | None = None
    for shift in sorted({-1, 0, 1} - {pair.shift}):
        found = matches(a, b, shift)
        if len(found) < SUGGEST_MIN_COMPARED:
            continue
        share = sum(m.agrees(pair.tolerance) for m in found) / len(found)
        if best is None or share > best[0]:
            best = (share, shift, len(found))
    used = summary.share or 0.0
    if best is None or best[0] < used + SUGGEST_MARGIN:
        return None
    return ShiftSuggested(
        severity="info",
        a=pair.a,
        b=pair.b,
        shift=pair.shift,
        share=used,
        compared=summary.compared,
        suggested=best[1],
        suggested_share=best[0],
        suggested_compared=best[2],
    )
