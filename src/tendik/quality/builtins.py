"""The checks that apply to every indicator: numerator ≤ denominator, a percentage within 0–100,
parts that sum to their total, and one observation per key."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from tendik.quality.data import IndicatorData, Obs
from tendik.quality.expressions import compare
from tendik.quality.findings import (
    DuplicateKeyFound,
    Finding,
    NumeratorExceedsDenominator,
    PartsDoNotSumToTotal,
    ShareOutOfRange,
)


def numerator_exceeds_denominator(data: IndicatorData) -> Iterator[Finding]:
    """A share's numerator above its denominator (its women outnumber its people)."""
    if data.measure_kind() not in ("share", None):  # a ratio's numerator may well be larger
        return
    for row in data.by_key.values():
        if row.numerator is None or row.denominator is None:
            continue
        if not compare(row.numerator, "<=", row.denominator, 0.0):
            yield NumeratorExceedsDenominator(
                severity="error",
                rows=(data.key(row),),
                indicator=data.id,
                area=row.area,
                period=row.period,
                dimensions=data.cells_dict(row),
                numerator=row.numerator,
                denominator=row.denominator,
            )


def share_out_of_range(data: IndicatorData) -> Iterator[Finding]:
    """A percentage share below 0 or above 100 (a ratio in percent, such as a gap, is exempt)."""
    if not data.is_share():
        return
    for row in data.by_key.values():
        if row.value is None:
            continue
        if not (compare(row.value, ">=", 0.0, 0.0) and compare(row.value, "<=", 100.0, 0.0)):
            yield ShareOutOfRange(
                severity="error",
                rows=(data.key(row),),
                indicator=data.id,
                area=row.area,
                period=row.period,
                dimensions=data.cells_dict(row),
                value=row.value,
            )


def _parts_finding(
    data: IndicatorData, whole: Obs, position: int, parts: list[Obs], name: str
) -> Finding | None:
    total = whole.get(name)
    values = [p.get(name) for p in parts]
    if total is None or any(v is None for v in values):
        return None  # a suppressed or missing cell: nothing to check
    parts_sum = sum(v for v in values if v is not None)
    if compare(parts_sum, "==", total, 0.0):
        return None
    return PartsDoNotSumToTotal(
        severity="error",
        rows=(data.key(whole), *(data.key(p) for p in parts)),
        indicator=data.id,
        area=whole.area,
        period=whole.period,
        dimensions=data.cells_dict(whole),
        breakdown=data.dimensions[position],
        field=name,
        total=total,
        parts_sum=parts_sum,
        parts=len(parts),
    )


def parts_do_not_sum_to_total(data: IndicatorData) -> Iterator[Finding]:
    """The parts of each breakdown (regions, levels...) add up to the whole they split, for the
    numerators and the denominators that are counts or sums."""
    names = [n for n in ("numerator", "denominator") if n in data.additive()]
    if not names:
        return
    for (area, period, cells, position), parts in sorted(
        data.parts.items(), key=lambda item: (item[0][0], item[0][1], item[0][3])
    ):
        whole = data.by_key.get((area, period, cells))
        if whole is None:
            continue
        for name in names:
            finding = _parts_finding(data, whole, position, parts, name)
            if finding is not None:
                yield finding


def duplicate_key(data: IndicatorData) -> Iterator[Finding]:
    """Two observations of one indicator with the same area, period and breakdown."""
    groups: dict[tuple[str, str, tuple[str | None, ...]], list[Obs]] = defaultdict(list)
    for row in data.rows:
        groups[(row.area, row.period, row.cells)].append(row)
    for rows in groups.values():
        if len(rows) > 1:
            first = rows[0]
            yield DuplicateKeyFound(
                severity="error",
                rows=(data.key(first),),
                indicator=data.id,
                area=first.area,
                period=first.period,
                dimensions=data.cells_dict(first),
                count=len(rows),
                values=tuple(r.value for r in rows),
            )


BUILTINS: dict[str, Callable[[IndicatorData], Iterator[Finding]]] = {
    "numerator-exceeds-denominator": numerator_exceeds_denominator,
    "share-out-of-range": share_out_of_range,
    "parts-do-not-sum-to-total": parts_do_not_sum_to_total,
    "duplicate-key": duplicate_key,
}
