"""Apply a source's declared columns to a RawTable: presence, blanks, types, codes, ranges, key.

Output: the declared columns in declared order, typed; then any column the file has but the
source does not declare, kept as strings (so nothing in the file is silently lost); then "_row".
With no declared columns, every column is kept in file order, typed by inference.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from tendik.errors import (
    DuplicateColumn,
    EmptyFile,
    MissingColumn,
    MissingValue,
    NegativeCount,
    ShareOutOfRange,
    UnknownCode,
    WrongType,
)
from tendik.sources.base import RawTable, first_true
from tendik.sources.keys import check_unique
from tendik.sources.spec import ROW_COLUMN, ColumnSpec, SourceSpec
from tendik.sources.values import BadValue, convert, infer

MAX_CODES_SHOWN = 20


def apply_schema(raw: RawTable, spec: SourceSpec) -> pa.Table:
    """The typed, validated table of a tabular source."""
    if raw.table.num_rows == 0:
        raise EmptyFile("the file has a header but no data rows", file=raw.file, row=raw.header_row)
    if ROW_COLUMN in raw.table.column_names:
        raise DuplicateColumn(
            f"the column name '{ROW_COLUMN}' is reserved for row numbers",
            file=raw.file,
            row=raw.header_row,
            column=ROW_COLUMN,
        )
    if spec.columns:
        columns = _declared(raw, spec)
    else:
        columns = {name: _inferred(raw, name) for name in raw.table.column_names}
    table = pa.table({**columns, ROW_COLUMN: raw.rows})
    check_unique(table, spec.key, raw.file, raw.header_row)
    return table


def _inferred(raw: RawTable, name: str) -> pa.Array:
    cells = raw.column(name)
    if not pa.types.is_string(cells.type):
        return cells
    return infer(cells, decimal_comma=raw.decimal_comma)


def _declared(raw: RawTable, spec: SourceSpec) -> dict[str, pa.Array]:
    present = raw.table.column_names
    for name in spec.columns:
        if name not in present:
            raise MissingColumn(
                f"the declared column '{name}' is not in the file; its columns are: "
                + ", ".join(present),
                file=raw.file,
                row=raw.header_row,
                column=name,
            )
    columns = {name: check_column(raw, name, col) for name, col in spec.columns.items()}
    for name in present:
        if name not in columns:
            columns[name] = convert(raw.column(name), "string")
    return columns


def check_column(raw: RawTable, name: str, column: ColumnSpec) -> pa.Array:
    """One declared column, typed; raises at its first bad cell."""
    cells = raw.column(name)
    if column.required:
        blank = pc.is_null(cells, nan_is_null=True)
        index = first_true(blank)
        if index is not None:
            raise MissingValue(
                "a value is required here, but the cell is blank",
                file=raw.file,
                row=raw.row_at(index),
                column=name,
            )
    try:
        typed = convert(cells, column.type, decimal_comma=raw.decimal_comma)
    except BadValue as exc:
        raise WrongType(str(exc), file=raw.file, row=raw.row_at(exc.index), column=name) from None
    if column.codes is not None:
        _check_codes(raw, name, typed, column.codes)
    if column.kind is not None and (
        pa.types.is_integer(typed.type) or pa.types.is_floating(typed.type)
    ):
        check_range(typed, column.kind, raw.file, raw.rows, name)
    return typed


def _check_codes(raw: RawTable, name: str, typed: pa.Array, codes: list[str]) -> None:
    strings = typed.cast(pa.string())
    unknown = pc.and_(pc.is_valid(strings), pc.invert(pc.is_in(strings, pa.array(codes))))
    index = first_true(unknown)
    if index is None:
        return
    shown = ", ".join(codes[:MAX_CODES_SHOWN]) + (", ..." if len(codes) > MAX_CODES_SHOWN else "")
    raise UnknownCode(
        f"value {strings[index].as_py()!r} is not one of the allowed codes: {shown}",
        file=raw.file,
        row=raw.row_at(index),
        column=name,
    )


def check_range(values: pa.Array, kind: str, file: str, rows: pa.Array, column: str) -> None:
    """A share lies in 0-100; a count is not negative."""
    if kind == "share":
        outside = pc.or_(pc.less(values, 0), pc.greater(values, 100))
        index = first_true(outside)
        if index is not None:
            raise ShareOutOfRange(
                f"value {values[index].as_py()} is a share and must lie between 0 and 100",
                file=file,
                row=int(rows[index].as_py()),
                column=column,
            )
    elif kind == "count":
        index = first_true(pc.less(values, 0))
        if index is not None:
            raise NegativeCount(
                f"value {values[index].as_py()} is a count and cannot be negative",
                file=file,
                row=int(rows[index].as_py()),
                column=column,
            )
