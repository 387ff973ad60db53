"""User rules from [quality.rules.ID], evaluated observation by observation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tendik.errors import QualityConfigError
from tendik.quality.config import RuleConfig, compiled_rule
from tendik.quality.data import IndicatorData, Obs
from tendik.quality.expressions import Comparison, compare, walk
from tendik.quality.findings import Finding, RuleFailed


@dataclass
class RowContext:
    """What a rule's expressions read for one observation."""

    data: IndicatorData
    row: Obs
    indicators: dict[str, IndicatorData]

    def field(self, name: str) -> float | None:
        return self.row.get(name)

    def parts_sum(self, dimension: str, name: str) -> float | None:
        if dimension not in self.data.dimensions:
            return None
        position = self.data.dimensions.index(dimension)
        if self.row.cells[position] is not None:
            return None  # this observation is itself a part
        parts = self.data.parts.get((self.row.area, self.row.period, self.row.cells, position))
        values = [p.get(name) for p in parts or []]
        if not values or any(v is None for v in values):
            return None
        return sum(v for v in values if v is not None)

    def other(self, indicator: str, name: str) -> float | None:
        other = self.indicators.get(indicator)
        if other is None:
            return None
        mine = self.data.cells_dict(self.row)
        if any(d not in other.dimensions for d in mine):
            return None
        cells = tuple(mine.get(d) for d in other.dimensions)
        found = other.by_key.get((self.row.area, self.row.period, cells))
        return None if found is None else found.get(name)


def _text(rule: RuleConfig) -> str:
    return rule.check or f"{rule.left} {rule.operator} {rule.right}"


def _key_of(rule_id: str, rule: RuleConfig, comparison: Comparison, needle: object) -> str:
    """The key holding the text where ``needle`` (a dimension or an indicator) is used."""
    if rule.check is not None:
        return f"quality.rules.{rule_id}.check"
    on_left = any(
        needle in (getattr(n, "dimension", None), getattr(n, "indicator", None))
        for n in walk(comparison.left)
    )
    return f"quality.rules.{rule_id}.{'left' if on_left else 'right'}"


def _targets(
    rule_id: str,
    rule: RuleConfig,
    comparison: Comparison,
    indicators: dict[str, IndicatorData],
    file: str | Path,
) -> list[IndicatorData]:
    """The indicators a rule applies to; a name that does not exist is a configuration error."""
    for reference in sorted(comparison.references()):
        if reference not in indicators:
            raise QualityConfigError(
                f"value({reference}): no such indicator in the warehouse",
                file=file,
                key=_key_of(rule_id, rule, comparison, reference),
            )
    named = rule.indicators
    if named is None:  # every indicator that has the breakdowns the rule sums over
        return [d for d in indicators.values() if comparison.dimensions() <= set(d.dimensions)]
    targets = []
    for indicator_id in named:
        if indicator_id not in indicators:
            raise QualityConfigError(
                f"no indicator '{indicator_id}' in the warehouse",
                file=file,
                key=f"quality.rules.{rule_id}.indicator",
            )
        data = indicators[indicator_id]
        missing = sorted(comparison.dimensions() - set(data.dimensions))
        if missing:
            offered = ", ".join(data.dimensions) or "none"
            raise QualityConfigError(
                f"indicator '{indicator_id}' has no breakdown {', '.join(missing)} "
                f"(offered: {offered})",
                file=file,
                key=_key_of(rule_id, rule, comparison, missing[0]),
            )
        targets.append(data)
    return targets


def apply_rule(
    rule_id: str, rule: RuleConfig, indicators: dict[str, IndicatorData], file: str | Path
) -> Iterator[Finding]:
    """Every observation where the rule can be computed and does not hold."""
    comparison = compiled_rule(rule_id, rule, file)
    for data in _targets(rule_id, rule, comparison, indicators, file):
        for row in data.by_key.values():
            if rule.scope == "totals" and any(c is not None for c in row.cells):
                continue
            ctx = RowContext(data, row, indicators)
            left = comparison.left.evaluate(ctx)
            right = comparison.right.evaluate(ctx)
            if left is None or right is None:
                continue
            if compare(left, comparison.operator, right, rule.tolerance):
                continue
            yield RuleFailed(
                severity=rule.severity,
                rows=(data.key(row),),
                indicator=data.id,
                area=row.area,
                period=row.period,
                dimensions=data.cells_dict(row),
                rule=rule_id,
                check=_text(rule),
                left=left,
                operator=comparison.operator,
                right=right,
                tolerance=rule.tolerance,
                description=rule.description,
            )
