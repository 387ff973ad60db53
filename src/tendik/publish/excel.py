"""Excel: one workbook, a "Catalogue" sheet and one sheet per indicator.

Each sheet has its header row frozen; values are numbers, years are whole numbers and every
other cell is text. Sheet names follow Excel's rules: at most 31 characters, none of []:*?/\\,
unique regardless of case. The catalogue names the sheet of each indicator.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from tendik.errors import SheetTooLarge
from tendik.publish.report import PublishReport
from tendik.publish.table import Publication, fill_totals

WORKBOOK = "indicators.xlsx"
CATALOGUE_SHEET = "Catalogue"
SHEET_NAME_MAX = 31
SHEET_ROWS_MAX = 1_048_576
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
_YEAR = re.compile(r"^\d{4}$")
_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"  # characters a worksheet cannot hold
CATALOGUE_COLUMNS: tuple[str, ...] = (
    "id", "sheet", "title_en", "title_ru", "title_kk", "unit", "unit_measure", "theme", "sdg",
    "sdmx_series", "dimensions", "observations", "source", "source_title", "publisher",
    "licence", "synthetic",
)


def sheet_names(ids: Iterable[str], reserved: Iterable[str] = (CATALOGUE_SHEET,)) -> dict[str, str]:
    """A valid, unique (case-insensitively) sheet name for each id."""
    taken = {name.lower() for name in reserved}
    names: dict[str, str] = {}
    for item in ids:
        base = _NOT_IN_SHEET_NAME.sub("_", item).strip("'") or "sheet"
        name = base[:SHEET_NAME_MAX]
        count = 1
        while name.lower() in taken:
            count += 1
            suffix = f"~{count}"
            name = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        taken.add(name.lower())
        names[item] = name
    return names


def _header(sheet: WriteOnlyWorksheet, names: Iterable[str]) -> list[WriteOnlyCell]:
    bold = Font(bold=True)
    cells = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        cells.append(cell)
    return cells


def _period(value: str | None) -> int | str | None:
    return int(value) if value is not None and _YEAR.match(value) else value


def _text(column: pa.ChunkedArray) -> list[Any]:
    if pa.types.is_string(column.type):
        column = pc.replace_substring_regex(column, _CONTROL, " ")
    return column.to_pylist()


def _rows(table: pa.Table) -> Iterator[list[Any]]:
    columns = [_text(table.column(name)) for name in table.column_names]
    periods = [_period(v) for v in table.column("TIME_PERIOD").to_pylist()]
    columns[table.column_names.index("TIME_PERIOD")] = periods
    return (list(row) for row in zip(*columns, strict=True))


def _write_sheet(sheet: WriteOnlyWorksheet, names: list[str], rows: Iterable[list[Any]]) -> None:
    sheet.freeze_panes = "A2"
    sheet.append(_header(sheet, names))
    for row in rows:
        sheet.append(row)


def write_xlsx(pub: Publication, out: Path) -> PublishReport:
    """One workbook under ``out``: the catalogue, then one sheet per indicator."""
    report = PublishReport("xlsx", out)
    names = sheet_names(info.id for info in pub.indicators)
    book = Workbook(write_only=True)
    catalogue = [{**pub.catalogue_row(info), "sheet": names[info.id]} for info in pub.indicators]
    _write_sheet(book.create_sheet(CATALOGUE_SHEET), list(CATALOGUE_COLUMNS),
                 ([row[c] for c in CATALOGUE_COLUMNS] for row in catalogue))
    rows = 0
    for info in pub.indicators:
        table = fill_totals(pub.observations(info), pub.dimensions(info))
        if table.num_rows >= SHEET_ROWS_MAX:
            raise SheetTooLarge(
                f"{table.num_rows} observations do not fit in one worksheet "
                f"({SHEET_ROWS_MAX - 1} rows at most); publish this indicator as CSV instead",
                key=info.id,
            )
        _write_sheet(book.create_sheet(names[info.id]), table.column_names, _rows(table))
        rows += table.num_rows
    out.mkdir(parents=True, exist_ok=True)
    path = out / WORKBOOK
    book.save(path)
    report.add(path, rows)
    return report
