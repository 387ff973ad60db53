"""Cells from an Arrow table of observations, and the suppression marked back onto it."""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

from tendik.disclosure.cells import Cell
from tendik.disclosure.suppression import SuppressionResult
from tendik.errors import DisclosureError, InvalidCell, MissingColumn


def cells_from_arrow(
    table: pa.Table,
    *,
    dims: Sequence[str],
    numerator: str | None = "numerator",
    denominator: str = "denominator",
) -> list[Cell]:
    """One cell per row; a null dimension value is a total. ``numerator=None`` for plain counts."""
    wanted = [*dims, denominator, *([numerator] if numerator else [])]
    for name in wanted:
        if name not in table.column_names:
            raise MissingColumn(f"the table has no column '{name}'", column=name)
    columns = {d: table.column(d).to_pylist() for d in dims}
    denominators = table.column(denominator).to_pylist()
    numerators = table.column(numerator).to_pylist() if numerator else [None] * table.num_rows
    cells = []
    for row in range(table.num_rows):
        if denominators[row] is None:
            raise InvalidCell(f"row {row + 1} of the table has no denominator", column=denominator)
        if numerator and numerators[row] is None:
            raise InvalidCell(f"row {row + 1} of the table has no numerator", column=numerator)
        key = {d: columns[d][row] for d in dims}
        cells.append(Cell(key, numerators[row], denominators[row]))
    return cells


def mark(table: pa.Table, result: SuppressionResult, *, column: str = "suppression") -> pa.Table:
    """The table with a column saying why each row is hidden: primary, complementary or null."""
    if table.num_rows != len(result.reasons):
        raise DisclosureError(
            f"the table has {table.num_rows} rows but the suppression covers {len(result.reasons)}"
        )
    values = [None if reason is None else str(reason) for reason in result.reasons]
    return table.append_column(column, pa.array(values, type=pa.string()))
