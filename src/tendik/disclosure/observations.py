"""Disclosure control applied to an indicator's observations before they reach the warehouse.

Records indicators only: a published series carries no record counts. Every observation comes
from the engine with the contributors of each of its sides (``SIDE_COLUMNS``: the women and the
men of a share, the records behind a count, a sum, a mean or a median, each side of a ratio) and,
for a magnitude, the sum of the values and the two largest. A missing side is an error, never a
reason to publish. A cell is primary when any side is small (``Rules.small``) or any magnitude
side is dominated (``Rules.dominated``).

For each area and period, every cell of the indicator across all its breakdowns is one table
sharing its margins:

- additive measures (share, count, sum, mean: their numerator and denominator add up) get
  primary and complementary suppression (``suppress``);
- a median or a ratio cannot be recovered by subtraction, so its primary cells are hidden alone.

A hidden cell keeps its key and gets OBS_STATUS "C"; its value, numerator and denominator are
withheld (null) in the warehouse itself, so no output can leak them. Its comment says it is
confidential and never which rule hid it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from tendik.disclosure.arrow import cells_from_arrow
from tendik.disclosure.rules import Rules
from tendik.disclosure.suppression import Reason, suppress
from tendik.engine.observations import SIDE_COLUMNS, SIDE_COUNT, side_column
from tendik.errors import DisclosureError

ADDITIVE = frozenset({"share", "count", "sum", "mean"})
#: how many sides each measure's cells rest on
SIDES = {"share": 2, "count": 1, "sum": 1, "mean": 1, "median": 1, "ratio": 2}
CONFIDENTIAL = "Confidential: withheld to protect the people it counts"


@dataclass
class ProtectionSummary:
    primary: int = 0
    complementary: int = 0
    cells: int = 0

    def add(self, other: ProtectionSummary) -> None:
        self.primary += other.primary
        self.complementary += other.complementary
        self.cells += other.cells


def _number(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def sensitive_rows(observations: pa.Table, kind: str, rules: Rules) -> list[bool]:
    """Which rows are primary under the threshold and dominance rules; an error when a row does
    not carry the contributors of every side its measure has."""
    missing = [c for c in SIDE_COLUMNS if c not in observations.column_names]
    if missing:
        raise DisclosureError(
            f"the observations carry no '{missing[0]}': the contributors of every side of every "
            "cell are needed before anything is published"
        )
    sides = SIDES[kind]
    columns = {
        (side, name): observations.column(side_column(side, name)).to_pylist()
        for side in range(1, SIDE_COUNT + 1)
        for name in ("n", "total", "top1", "top2")
    }
    out = []
    for row in range(observations.num_rows):
        sensitive = False
        for side in range(1, sides + 1):
            n = _number(columns[side, "n"][row])
            if n is None:
                raise DisclosureError(
                    f"row {row + 1} of a {kind} has no count of the contributors of side {side}",
                    column=side_column(side, "n"),
                )
            total = _number(columns[side, "total"][row])
            top1 = _number(columns[side, "top1"][row])
            sensitive |= rules.small(n)
            if total is not None and top1 is not None:
                sensitive |= rules.dominated(total, top1, _number(columns[side, "top2"][row]))
        out.append(sensitive)
    return out


def _reasons_additive(group: pa.Table, dims: Sequence[str], kind: str, k: int,
                      protection: float | None, sensitive: list[bool]) -> list[Reason | None]:
    numerator = "numerator" if kind == "share" else None
    denominator = "numerator" if kind == "count" else "denominator"
    cells = cells_from_arrow(group, dims=list(dims), numerator=numerator, denominator=denominator)
    flagged = [i for i, flag in enumerate(sensitive) if flag]
    result = suppress(cells, dims=list(dims), k=k, protection=protection, sensitive=flagged)
    return list(result.reasons)


def protect(observations: pa.Table, dims: Sequence[str], kind: str, *, k: int = 5,
            protection: float | None = None,
            rules: Rules | None = None) -> tuple[pa.Table, ProtectionSummary]:
    """The observations with small cells (and their complements) hidden, and the counts."""
    rules = rules or Rules(k=k)
    summary = ProtectionSummary(cells=observations.num_rows)
    flags = sensitive_rows(observations, kind, rules)
    if observations.num_rows == 0:
        return observations.drop_columns(list(SIDE_COLUMNS)), summary
    indexed = observations.append_column("_index", pa.array(range(observations.num_rows)))
    reasons: list[Reason | None] = [None] * observations.num_rows
    groups = indexed.group_by(["REF_AREA", "TIME_PERIOD"]).aggregate([("_index", "list")])
    for positions in groups.column("_index_list").to_pylist():
        group = indexed.take(positions)
        sensitive = [flags[p] for p in positions]
        if kind in ADDITIVE:
            found = _reasons_additive(group, dims, kind, rules.k, protection, sensitive)
        else:
            found = [Reason.PRIMARY if flag else None for flag in sensitive]
        for position, reason in zip(positions, found, strict=True):
            reasons[position] = reason
    table = withhold(observations, [r is not None for r in reasons])
    summary.primary = sum(r is Reason.PRIMARY for r in reasons)
    summary.complementary = sum(r is Reason.COMPLEMENTARY for r in reasons)
    return table, summary


def withhold(observations: pa.Table, hidden_rows: Sequence[bool]) -> pa.Table:
    """The observations with the hidden rows' figures withheld, status C and one comment for
    every hidden row, whatever hid it; the side columns dropped."""
    hidden = pa.array(list(hidden_rows), type=pa.bool_())
    table = observations
    for name in ("OBS_VALUE", "numerator", "denominator"):
        column = table.column(name)
        nulls = pa.nulls(len(column), type=column.type)
        table = table.set_column(table.schema.get_field_index(name), name,
                                 pc.if_else(hidden, nulls, column))
    status = pc.if_else(hidden, pa.scalar("C"), table.column("OBS_STATUS"))
    comment = pc.if_else(hidden, pa.scalar(CONFIDENTIAL), table.column("COMMENT_OBS"))
    table = table.set_column(table.schema.get_field_index("OBS_STATUS"), "OBS_STATUS", status)
    table = table.set_column(table.schema.get_field_index("COMMENT_OBS"), "COMMENT_OBS", comment)
    return table.drop_columns([c for c in SIDE_COLUMNS if c in table.column_names])
