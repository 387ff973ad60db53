"""Parquet sources: the file's own types, checked against the declared schema."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tendik.errors import EmptyFile, FormatMismatch
from tendik.sources.base import RawTable, blank_to_null
from tendik.sources.schema import apply_schema
from tendik.sources.sniff import describe_binary
from tendik.sources.spec import SourceSpec

MAGIC = b"PAR1"


@dataclass(frozen=True)
class ParquetReader:
    """Reads a Parquet file; "_row" is the 1-based position of the row in the file."""

    format: str = "parquet"

    def read(self, spec: SourceSpec, path: Path) -> pa.Table:
        _check_magic(path, spec.path)
        try:
            table = pq.read_table(path)
        except (pa.ArrowInvalid, OSError) as exc:
            raise FormatMismatch(
                f"the Parquet file cannot be read: {exc}", file=spec.path
            ) from None
        if table.num_rows == 0:
            raise EmptyFile("the Parquet file has no rows", file=spec.path)
        columns = {
            name: blank_to_null(col.combine_chunks())
            if pa.types.is_string(col.type)
            else col.combine_chunks()
            for name, col in zip(table.column_names, table.columns, strict=True)
        }
        raw = RawTable(
            table=pa.table(columns),
            rows=pa.array(range(1, table.num_rows + 1), pa.int64()),
            file=spec.path,
        )
        return apply_schema(raw, spec)


def _check_magic(path: Path, file: str) -> None:
    size = path.stat().st_size
    if size == 0:
        raise EmptyFile("the file is empty (0 bytes)", file=file)
    with path.open("rb") as handle:
        head = handle.read(8)
        handle.seek(max(0, size - 4))
        tail = handle.read(4)
    if head.startswith(MAGIC) and tail == MAGIC and size >= 12:
        return
    if head.startswith(MAGIC):
        what = "a truncated Parquet file (its closing PAR1 mark is missing)"
    else:
        what = f"{describe_binary(head) or 'text or another format'}, not Parquet"
    raise FormatMismatch(f"the file is {what}", file=file, row=1)
