"""Large Parquet sources validated where they lie, with DuckDB, without loading them in memory.

``scan_parquet`` checks the same things as the Parquet reader (declared columns and their types,
blanks, code lists, shares and counts, the key) with SQL over ``read_parquet``, and returns a
``ParquetScan``: the file, its Arrow schema and row count. The engine then runs its plan on the
file directly. Rows are numbered from 1 in file order, as the reader numbers them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from tendik.errors import (
    DuplicateKey,
    EmptyFile,
    FormatMismatch,
    MissingColumn,
    MissingValue,
    NegativeCount,
    ShareOutOfRange,
    UnknownCode,
    WrongType,
)
from tendik.sources.parquet import _check_magic
from tendik.sources.spec import ColumnSpec, SourceSpec

# Files at least this large are scanned in place rather than read into memory.
SCAN_THRESHOLD_BYTES = 64 * 1024 * 1024

TYPE_CHECKS = {
    "string": lambda t: pa.types.is_string(t) or pa.types.is_large_string(t),
    "integer": pa.types.is_integer,
    "number": lambda t: pa.types.is_integer(t) or pa.types.is_floating(t)
    or pa.types.is_decimal(t),
    "boolean": pa.types.is_boolean,
    "date": lambda t: pa.types.is_date(t) or pa.types.is_timestamp(t),
}


@dataclass(frozen=True)
class ParquetScan:
    """A validated Parquet source, left on disk."""

    path: Path
    schema: pa.Schema
    num_rows: int

    def relation_sql(self) -> str:
        return "read_parquet('" + str(self.path).replace("'", "''") + "')"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _first_row(con: duckdb.DuckDBPyConnection, relation: str, condition: str) -> int | None:
    rows = con.execute(
        f"SELECT min(file_row_number) FROM {relation} WHERE {condition}"
    ).fetchall()
    value = rows[0][0]
    return None if value is None else int(value) + 1


def _check_column(con: duckdb.DuckDBPyConnection, relation: str, spec: SourceSpec, name: str,
                  column: ColumnSpec, kind: pa.DataType) -> None:
    file = spec.path
    if not TYPE_CHECKS[column.type](kind):
        raise WrongType(f"the column holds {kind}, but the source declares {column.type}",
                        file=file, column=name)
    quoted = _q(name)
    if column.required:
        row = _first_row(con, relation, f"{quoted} IS NULL")
        if row is not None:
            raise MissingValue("a value is required here, but the cell is blank", file=file,
                               row=row, column=name)
    if column.codes is not None:
        codes = ", ".join("'" + c.replace("'", "''") + "'" for c in column.codes)
        condition = f"{quoted} IS NOT NULL AND CAST({quoted} AS VARCHAR) NOT IN ({codes})"
        row = _first_row(con, relation, condition)
        if row is not None:
            value = con.execute(f"SELECT CAST({quoted} AS VARCHAR) FROM {relation} "
                                f"WHERE file_row_number = {row - 1}").fetchall()[0][0]
            raise UnknownCode(f"value {value!r} is not one of the allowed codes: "
                              + ", ".join(column.codes[:20]), file=file, row=row, column=name)
    if column.kind == "share":
        row = _first_row(con, relation, f"{quoted} < 0 OR {quoted} > 100")
        if row is not None:
            raise ShareOutOfRange("a share must lie between 0 and 100", file=file, row=row,
                                  column=name)
    if column.kind == "count":
        row = _first_row(con, relation, f"{quoted} < 0")
        if row is not None:
            raise NegativeCount("a count cannot be negative", file=file, row=row, column=name)


def _check_key(con: duckdb.DuckDBPyConnection, relation: str, spec: SourceSpec) -> None:
    if not spec.key:
        return
    keys = ", ".join(_q(k) for k in spec.key)
    rows = con.execute(
        f"SELECT {keys}, min(file_row_number), max(file_row_number) FROM {relation} "
        f"GROUP BY {keys} HAVING count(*) > 1 ORDER BY max(file_row_number) LIMIT 1"
    ).fetchall()
    if rows:
        *values, first, second = rows[0]
        shown = ", ".join(str(v) for v in values)
        raise DuplicateKey(
            f"rows {first + 1} and {second + 1} have the same key ({', '.join(spec.key)}) = "
            f"({shown})", file=spec.path, row=second + 1, column=", ".join(spec.key))


def scan_parquet(spec: SourceSpec, path: Path) -> ParquetScan:
    """Validate a Parquet source in place; the same errors as reading it."""
    _check_magic(path, spec.path)
    try:
        metadata = pq.read_metadata(path)
        schema = pq.read_schema(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise FormatMismatch(f"the Parquet file cannot be read: {exc}", file=spec.path) from None
    if metadata.num_rows == 0:
        raise EmptyFile("the Parquet file has no rows", file=spec.path)
    for name in [*spec.columns, *spec.key]:
        if name not in schema.names:
            raise MissingColumn(f"the declared column '{name}' is not in the file; its columns "
                                f"are: {', '.join(schema.names)}", file=spec.path, column=name)
    scan = ParquetScan(path=path, schema=schema, num_rows=metadata.num_rows)
    relation = scan.relation_sql().replace("')", "', file_row_number = true)")
    with duckdb.connect() as con:
        for name, column in spec.columns.items():
            _check_column(con, relation, spec, name, column, schema.field(name).type)
        _check_key(con, relation, spec)
    return scan


def should_scan(spec: SourceSpec, path: Path) -> bool:
    """Parquet files too large to read comfortably into memory are scanned in place."""
    return spec.format == "parquet" and path.stat().st_size >= SCAN_THRESHOLD_BYTES
