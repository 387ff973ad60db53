"""The reader interface, and the raw table that text and sheet readers build before typing."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from pathlib import Path
from typing import Protocol, runtime_checkable

import pyarrow as pa
import pyarrow.compute as pc

from tendik.errors import DuplicateColumn, EmptyFile, ExtraCell
from tendik.sources.spec import SourceSpec


@runtime_checkable
class Reader(Protocol):
    """Reads one source format into a validated Arrow table (or raises a SourceError)."""

    format: str

    def read(self, spec: SourceSpec, path: Path) -> pa.Table: ...


@dataclass(frozen=True)
class RawTable:
    """Cells as the file holds them, before the declared schema is applied.

    Text and sheet readers give string columns, trimmed, with a blank cell as null; Parquet
    gives its own types. ``rows`` holds the 1-based file row of each table row.
    """

    table: pa.Table
    rows: pa.Array
    file: str
    header_row: int | None = None
    decimal_comma: bool = False

    def row_at(self, index: int) -> int:
        return int(self.rows[index].as_py())

    def column(self, name: str) -> pa.Array:
        return self.table.column(name).combine_chunks()


def blank_to_null(array: pa.Array) -> pa.Array:
    """Trim a string array and turn empty cells into nulls."""
    if not pa.types.is_string(array.type):
        array = array.cast(pa.string())
    trimmed = pc.utf8_trim_whitespace(array)
    return pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, pa.string()), trimmed)


def first_true(mask: pa.Array) -> int | None:
    """Index of the first true value of a boolean array (nulls count as false)."""
    filled = pc.fill_null(mask, False)
    if not pc.any(filled).as_py():
        return None
    return int(pc.index(filled, True).as_py())


def make_raw(
    names: list[str],
    arrays: list[pa.Array],
    rows: pa.Array,
    header_row: int,
    file: str,
    *,
    decimal_comma: bool,
) -> RawTable:
    """A RawTable from parsed columns: unnamed blank columns and wholly blank rows dropped."""
    kept: dict[str, pa.Array] = {}
    for index, (name, array) in enumerate(zip(names, arrays, strict=True)):
        cells = blank_to_null(array)
        if not name:
            filled = first_true(pc.is_valid(cells))
            if filled is None:
                continue  # a trailing (or stray) empty column
            raise ExtraCell(
                f"column {index + 1} has values but no name in the header",
                file=file,
                row=int(rows[filled].as_py()),
            )
        if name in kept:
            raise DuplicateColumn(
                f"the header names column '{name}' twice", file=file, row=header_row, column=name
            )
        kept[name] = cells
    if not kept:
        raise EmptyFile("the header names no columns", file=file, row=header_row)
    table = pa.table(kept)
    keep = reduce(pc.or_, (pc.is_valid(a) for a in kept.values()))  # drop wholly blank rows
    return RawTable(
        table=table.filter(keep),
        rows=rows.filter(keep),
        file=file,
        header_row=header_row,
        decimal_comma=decimal_comma,
    )
