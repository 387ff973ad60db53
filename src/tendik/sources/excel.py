"""Excel (.xlsx) sources: one sheet, a header row, the declared schema; "_row" is the sheet row."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from tendik.errors import EmptyFile, FormatMismatch, SheetMissing
from tendik.sources.base import RawTable, make_raw
from tendik.sources.schema import apply_schema
from tendik.sources.sniff import describe_binary
from tendik.sources.spec import SourceSpec

ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class ExcelReader:
    """Reads the declared sheet (or the first) of an .xlsx workbook, cached values only."""

    format: str = "excel"

    def read(self, spec: SourceSpec, path: Path) -> pa.Table:
        workbook = _open(path, spec.path)
        try:
            sheet = _sheet(workbook, spec.sheet, spec.path)
            raw = _sheet_table(sheet.iter_rows(values_only=True), spec.header_row, spec.path)
        finally:
            workbook.close()
        return apply_schema(raw, spec)


def cell_text(value: Any) -> str | None:
    """A cell's value as the text a person reads in the sheet (numbers in full precision)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _open(path: Path, file: str) -> Any:
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head:
        raise EmptyFile("the file is empty (0 bytes)", file=file)
    if not head.startswith(ZIP_MAGIC):
        what = describe_binary(head) or ("binary data" if b"\x00" in head else "text (CSV?)")
        raise FormatMismatch(f"the file is {what}, not an .xlsx workbook", file=file, row=1)
    import openpyxl  # imported here: it takes longer to import than most files take to read
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise FormatMismatch(
            f"the file is a zip archive but not a readable .xlsx workbook ({exc})", file=file
        ) from None


def _sheet(workbook: Any, name: str | None, file: str) -> Any:
    if name is None:
        return workbook.worksheets[0]
    if name not in workbook.sheetnames:
        raise SheetMissing(
            f"the workbook has no sheet '{name}'; its sheets are: "
            + ", ".join(workbook.sheetnames),
            file=file,
        )
    return workbook[name]


def _sheet_table(cells: Any, header_row: int | None, file: str) -> RawTable:
    names: list[str] | None = None
    header_at = 0
    columns: list[list[str | None]] = []
    rows: list[int] = []
    for number, values in enumerate(cells, start=1):
        texts = [cell_text(v) for v in values]
        if names is None:
            if _is_header(number, texts, header_row):
                names = [(t or "").strip() for t in texts]
                header_at = number
                columns = [[] for _ in names]
            continue
        if not any(t is not None and t.strip() for t in texts):
            continue
        for index, column in enumerate(columns):
            column.append(texts[index] if index < len(texts) else None)
        rows.append(number)
    if names is None:
        where = f"at row {header_row}" if header_row else "(the sheet is empty)"
        raise EmptyFile(f"the sheet has no header {where}", file=file, row=header_row)
    arrays = [pa.array(c, pa.string()) for c in columns]
    return make_raw(names, arrays, pa.array(rows, pa.int64()), header_at, file, decimal_comma=False)


def _is_header(number: int, texts: list[str | None], header_row: int | None) -> bool:
    if header_row is not None:
        return number == header_row
    return any(t is not None and t.strip() for t in texts)
