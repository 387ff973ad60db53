"""What a quality check found: one small frozen class per kind, each with a stable ``type`` id."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class ObsKey:
    """The key of one observation: indicator, area, period and its breakdown values."""

    indicator: str
    area: str
    period: str
    dimensions: tuple[tuple[str, str], ...] = ()  # (dimension, code), totals left out

    def to_dict(self) -> dict[str, str]:
        return {
            "indicator": self.indicator,
            "REF_AREA": self.area,
            "TIME_PERIOD": self.period,
            **dict(self.dimensions),
        }

    def label(self) -> str:
        """'KAZ 2023' or 'KAZ 2023 REGION=KZ-AST'."""
        cells = " ".join(f"{d}={c}" for d, c in self.dimensions)
        return f"{self.area} {self.period}" + (f" {cells}" if cells else "")


def number(value: float | None) -> str:
    """A value as a message shows it: up to four decimals, no trailing zeros."""
    if value is None:
        return "none"
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@dataclass(frozen=True, kw_only=True)
class Finding:
    """Base of every finding: a severity, the observations concerned and a message."""

    type: ClassVar[str] = "finding"

    severity: Severity
    rows: tuple[ObsKey, ...] = ()

    @property
    def message(self) -> str:
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "severity": self.severity}
        out["message"] = self.message
        for item in fields(self):
            if item.name in ("severity", "rows"):
                continue
            value = getattr(self, item.name)
            out[item.name] = list(value) if isinstance(value, tuple) else value
        out["rows"] = [r.to_dict() for r in self.rows]
        return out


@dataclass(frozen=True, kw_only=True)
class CellFinding(Finding):
    """A finding about one observation (a cell) of one indicator."""

    indicator: str
    area: str
    period: str
    dimensions: dict[str, str]

    def where(self) -> str:
        cells = ", ".join(f"{d}={c}" for d, c in self.dimensions.items())
        return f"'{self.indicator}' {self.area} {self.period}" + (f" ({cells})" if cells else "")


@dataclass(frozen=True, kw_only=True)
class NumeratorExceedsDenominator(CellFinding):
    type: ClassVar[str] = "numerator-exceeds-denominator"

    numerator: float
    denominator: float

    @property
    def message(self) -> str:
        return (
            f"{self.where()}: numerator {number(self.numerator)} exceeds "
            f"denominator {number(self.denominator)}"
        )


@dataclass(frozen=True, kw_only=True)
class ShareOutOfRange(CellFinding):
    type: ClassVar[str] = "share-out-of-range"

    value: float

    @property
    def message(self) -> str:
        return f"{self.where()}: a percentage of {number(self.value)} is outside 0–100"


@dataclass(frozen=True, kw_only=True)
class PartsDoNotSumToTotal(CellFinding):
    type: ClassVar[str] = "parts-do-not-sum-to-total"

    breakdown: str  # the dimension whose parts were added up
    field: str  # numerator or denominator
    total: float
    parts_sum: float
    parts: int

    @property
    def message(self) -> str:
        return (
            f"{self.where()}: the {self.parts} {self.breakdown} parts' {self.field}s sum to "
            f"{number(self.parts_sum)}, the total's {self.field} is {number(self.total)}"
        )


@dataclass(frozen=True, kw_only=True)
class DuplicateKeyFound(CellFinding):
    type: ClassVar[str] = "duplicate-key"

    count: int
    values: tuple[float | None, ...]

    @property
    def message(self) -> str:
        shown = ", ".join(number(v) for v in self.values)
        return f"{self.where()}: {self.count} observations share this key (values {shown})"


@dataclass(frozen=True, kw_only=True)
class OutlierYearOnYear(CellFinding):
    type: ClassVar[str] = "outlier-year-on-year"

    previous_period: str
    previous: float
    value: float
    change: float
    z: float
    threshold: float

    @property
    def message(self) -> str:
        return (
            f"{self.where()}: {number(self.previous)} in {self.previous_period} → "
            f"{number(self.value)} (change {self.change:+.2f}) has a modified z-score of "
            f"{self.z:.2f}, beyond ±{number(self.threshold)}"
        )


@dataclass(frozen=True, kw_only=True)
class SourcesDisagree(Finding):
    type: ClassVar[str] = "sources-disagree"

    a: str
    b: str
    source_a: str
    source_b: str
    area: str
    period_a: str
    period_b: str
    value_a: float
    value_b: float
    difference: float
    tolerance: float

    @property
    def message(self) -> str:
        return (
            f"{self.area}: '{self.a}' ({self.source_a}) {self.period_a} = {number(self.value_a)} "
            f"but '{self.b}' ({self.source_b}) {self.period_b} = {number(self.value_b)}; "
            f"they differ by {number(abs(self.difference))}, beyond {number(self.tolerance)}"
        )


SwapKind = Literal["complement", "areas", "indicators"]


@dataclass(frozen=True, kw_only=True)
class LabelsLookSwapped(Finding):
    """Values that disagree with another source but agree once two labels are exchanged."""

    type: ClassVar[str] = "labels-look-swapped"

    kind: SwapKind
    indicators: tuple[str, ...]  # the pair (a, b); for kind "indicators", the two series
    areas: tuple[str, ...]
    periods: tuple[str, ...]  # the periods concerned (of b; of the series for "indicators")
    detail: str  # the values, as a person reads them
    # kind "indicators": the references of each series, the first period, and the other
    # reading (their references exchanged) where the evidence cannot tell the two apart
    against: tuple[tuple[str, ...], ...] = ()
    first_period: str | None = None
    alternative: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        where = " and ".join(self.areas)
        a, b = self.indicators[:2]
        if self.kind == "complement":
            what = (
                f"'{a}' and '{b}' look like complements (a ≈ 100 − b) for {where}: "
                "one may report men's share where women's is meant"
            )
        elif self.kind == "areas":
            what = (
                f"'{a}' and '{b}' agree for {where} only with the two areas exchanged: "
                "the area labels of one source look swapped"
            )
        else:
            return self._series_message(where, a, b)
        return f"{what} (periods {', '.join(self.periods)}: {self.detail})"

    def _series_message(self, where: str, a: str, b: str) -> str:
        refs_a, refs_b = (", ".join(f"'{r}'" for r in refs) for refs in self.against)
        other = ""
        if self.alternative:
            c, d = self.alternative
            other = (
                f"; or '{c}' and '{d}' are, one source against one cannot tell which pair"
            )
        return (
            f"'{a}' and '{b}' look exchanged for {where} from {self.first_period} on: "
            f"'{a}' agrees with {refs_b} and '{b}' with {refs_a} rather than with their own"
            f"{other} ({len(self.periods)} periods, '{a}'/'{b}' against the references of "
            f"each: {self.detail})"
        )


@dataclass(frozen=True, kw_only=True)
class ShiftSuggested(Finding):
    """Two sources of one series agree better at another shift of years than the one used."""

    type: ClassVar[str] = "shift-suggested"

    a: str
    b: str
    shift: int
    share: float
    compared: int
    suggested: int
    suggested_share: float
    suggested_compared: int

    @property
    def message(self) -> str:
        return (
            f"'{self.a}'(t−{self.suggested}) agrees with '{self.b}'(t) for "
            f"{self.suggested_share:.1%} of {self.suggested_compared} area-years, against "
            f"{self.share:.1%} of {self.compared} at the shift used ({self.shift}): "
            f"declare shift = {self.suggested} for this pair in [quality.reconcile]"
        )


@dataclass(frozen=True, kw_only=True)
class RuleFailed(CellFinding):
    type: ClassVar[str] = "rule-failed"

    rule: str
    check: str
    left: float
    operator: str
    right: float
    tolerance: float
    description: str | None = None

    @property
    def message(self) -> str:
        about = f" ({self.description})" if self.description else ""
        margin = f" within {number(self.tolerance)}" if self.tolerance else ""
        return (
            f"rule '{self.rule}'{about} fails for {self.where()}: {self.check} gives "
            f"{number(self.left)} {self.operator} {number(self.right)}, false{margin}"
        )
