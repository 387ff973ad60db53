"""Disclosure control applied to an indicator's observations before they reach the warehouse.

Records indicators only: a published series carries no record counts. For each area and period,
every cell of the indicator across all its breakdowns is one table sharing its margins:

- additive measures (share, count, sum) get primary and complementary suppression (``suppress``);
- non-additive ones (mean, median, ratio) cannot be recovered by subtraction, so a cell is hidden
  when any part of its value rests on fewer than k records (primary only).

A hidden cell keeps its key and gets OBS_STATUS "C"; its value, numerator and denominator are
withheld (null) in the warehouse itself, so no output can leak them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from tendik.disclosure.arrow import cells_from_arrow
from tendik.disclosure.suppression import Reason, suppress
from tendik.engine.records import CONTRIBUTORS

ADDITIVE = frozenset({"share", "count", "sum"})
COMMENTS = {
    Reason.PRIMARY: "Suppressed: fewer than {k} contributors (primary)",
    Reason.COMPLEMENTARY: "Suppressed to protect a small cell (complementary)",
}


@dataclass
class ProtectionSummary:
    primary: int = 0
    complementary: int = 0
    cells: int = 0

    def add(self, other: ProtectionSummary) -> None:
        self.primary += other.primary
        self.complementary += other.complementary
        self.cells += other.cells


def _reasons_additive(group: pa.Table, dims: Sequence[str], kind: str, k: int,
                      protection: float | None) -> list[Reason | None]:
    numerator = "numerator" if kind == "share" else None
    if kind == "sum":  # the contributors are the records counted in the denominator
        group = group.set_column(group.schema.get_field_index("numerator"), "numerator",
                                 pc.cast(group.column("denominator"), pa.float64()))
        numerator = None
    cells = cells_from_arrow(group, dims=list(dims), numerator=numerator,
                             denominator="numerator" if kind == "count" else "denominator")
    result = suppress(cells, dims=list(dims), k=k, protection=protection)
    return list(result.reasons)


def _reasons_primary(group: pa.Table, k: int) -> list[Reason | None]:
    column = CONTRIBUTORS if CONTRIBUTORS in group.column_names else "denominator"
    counts = group.column(column).to_pylist()
    return [Reason.PRIMARY if c is not None and 0 < c < k else None for c in counts]


def protect(observations: pa.Table, dims: Sequence[str], kind: str, *, k: int = 5,
            protection: float | None = None) -> tuple[pa.Table, ProtectionSummary]:
    """The observations with small cells (and their complements) hidden, and the counts."""
    summary = ProtectionSummary(cells=observations.num_rows)
    if observations.num_rows == 0:
        return observations.drop_columns([c for c in (CONTRIBUTORS,)
                                          if c in observations.column_names]), summary
    indexed = observations.append_column("_index", pa.array(range(observations.num_rows)))
    reasons: list[Reason | None] = [None] * observations.num_rows
    groups = indexed.group_by(["REF_AREA", "TIME_PERIOD"]).aggregate([("_index", "list")])
    for positions in groups.column("_index_list").to_pylist():
        group = indexed.take(positions)
        found = (_reasons_additive(group, dims, kind, k, protection) if kind in ADDITIVE
                 else _reasons_primary(group, k))
        for position, reason in zip(positions, found, strict=True):
            reasons[position] = reason
    hidden = pa.array([r is not None for r in reasons])
    table = observations
    for name in ("OBS_VALUE", "numerator", "denominator"):
        column = table.column(name)
        nulls = pa.nulls(len(column), type=column.type)
        table = table.set_column(table.schema.get_field_index(name), name,
                                 pc.if_else(hidden, nulls, column))
    status = pc.if_else(hidden, pa.scalar("C"), table.column("OBS_STATUS"))
    comment = pa.array([COMMENTS[r].format(k=k) if r else c for r, c in
                        zip(reasons, table.column("COMMENT_OBS").to_pylist(), strict=True)],
                       type=pa.string())
    table = table.set_column(table.schema.get_field_index("OBS_STATUS"), "OBS_STATUS", status)
    table = table.set_column(table.schema.get_field_index("COMMENT_OBS"), "COMMENT_OBS", comment)
    if CONTRIBUTORS in table.column_names:
        table = table.drop_columns([CONTRIBUTORS])
    summary.primary = sum(r is Reason.PRIMARY for r in reasons)
    summary.complementary = sum(r is Reason.COMPLEMENTARY for r in reasons)
    return table, summary
