"""Published figures: a ledger of figures as bodies published them, one row a figure, cited.

A ledger is a CSV file (any delimiter, UTF-8 or Windows-1251) with these columns:

required: ``value``, ``unit``, ``area``, ``reference_date`` (what the figure is as of; the cell
may be blank for an undated figure), ``publisher`` (the body that produced it), ``url`` (where it
was read);
optional: ``id``, ``topic``, ``measure`` (what is measured, as written), ``numerator``,
``denominator``, ``published_date``, ``outlet`` (the site that printed it), ``language``,
``publisher_type``, ``paraphrase``, ``notes``, and any other column (kept as text).

Each row is read into normal form next to the columns as written: REF_AREA (an ISO code where
the area is one, or the source's ``area_codes`` or a Kazakhstan region's name give one; else the
name as written), TIME_PERIOD (see tendik.periods; null when undated), PERIOD_START and
PERIOD_END, PERIOD_NOTE, PUBLISHED, OBS_VALUE (in base units: "4.1" "billion KZT" is 4.1e9),
UNIT_KIND, UNIT_MEASURE, CURRENCY, UNIT_MULT (the power of ten it was printed in), UNIT_PER,
QUALIFIER, OBS_NUMERATOR, OBS_DENOMINATOR, DECIMALS (digits printed after the decimal mark),
PUBLISHER_TYPE (the ``publisher_type`` cell, else the first type of the source's
``publishers`` whose patterns match the publisher), FIGURE (the id, else "row N") and PRINTED
(value and unit as printed).

Refused, naming the file, row and column: a blank value, unit or area; a blank publisher or
URL (missing-citation); a URL that is not http(s) (invalid-citation); a date that does not parse
(bad-date); a unit tendik does not know (unknown-unit); a value, numerator or denominator that is
not a number (wrong-type); a negative count of persons, seats or things (negative-count); two
rows with one id (duplicate-key).
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from tendik.errors import (
    BadDate,
    DuplicateColumn,
    EmptyFile,
    InvalidCitation,
    MissingCitation,
    MissingColumn,
    MissingValue,
    NegativeCount,
    UnknownUnit,
    WrongType,
)
from tendik.periods import Span, parse_span
from tendik.reference.kz_regions import KZ_REGIONS
from tendik.sources.base import RawTable
from tendik.sources.delimited import read_delimited
from tendik.sources.keys import check_unique
from tendik.sources.spec import ROW_COLUMN, SourceSpec
from tendik.sources.textfile import load_text
from tendik.units import Amount, Unit, parse_amount, parse_unit, scaled

REQUIRED: tuple[str, ...] = ("value", "unit", "area", "reference_date", "publisher", "url")
OPTIONAL: tuple[str, ...] = (
    "id", "topic", "measure", "numerator", "denominator", "published_date", "outlet", "language",
    "publisher_type", "paraphrase", "notes",
)  # fmt: skip
CITATION: tuple[str, ...] = ("publisher", "url")

# The normal-form columns the reader adds, with their types, after the file's own columns.
NORMAL: dict[str, pa.DataType] = {
    "FIGURE": pa.string(),
    "REF_AREA": pa.string(),
    "REF_AREA_NAME": pa.string(),
    "TIME_PERIOD": pa.string(),
    "PERIOD_START": pa.date32(),
    "PERIOD_END": pa.date32(),
    "PERIOD_NOTE": pa.string(),
    "PUBLISHED": pa.string(),
    "OBS_VALUE": pa.float64(),
    "UNIT_KIND": pa.string(),
    "UNIT_MEASURE": pa.string(),
    "CURRENCY": pa.string(),
    "UNIT_MULT": pa.int32(),
    "UNIT_PER": pa.string(),
    "QUALIFIER": pa.string(),
    "OBS_NUMERATOR": pa.float64(),
    "OBS_DENOMINATOR": pa.float64(),
    "DECIMALS": pa.int32(),
    "PUBLISHER_TYPE": pa.string(),
    "PRINTED": pa.string(),
}
_ISO = re.compile(r"^(?:[A-Z]{3}|[A-Z]{2}-[A-Z0-9]{1,3})$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


@dataclass(frozen=True)
class FiguresReader:
    """Reads a ledger of published figures (see the module's note)."""

    format: str = "figures"

    def read(self, spec: SourceSpec, path: Path) -> pa.Table:
        text = load_text(spec, path)
        raw = read_delimited(
            text, file=spec.path, delimiter=spec.delimiter, header_row=spec.header_row
        )
        return read_figures(raw, spec)


def read_figures(raw: RawTable, spec: SourceSpec) -> pa.Table:
    """The validated ledger table of a raw table."""
    names = raw.table.column_names
    for name in REQUIRED:
        if name not in names:
            raise MissingColumn(
                f"a ledger of published figures needs the column '{name}'; its columns are: "
                + ", ".join(names),
                file=raw.file,
                row=raw.header_row,
                column=name,
            )
    for name in (*NORMAL, ROW_COLUMN):
        if name in names or name.lower() in names:
            raise DuplicateColumn(
                f"the column name '{name}' is reserved for the ledger's normal form",
                file=raw.file,
                row=raw.header_row,
                column=name,
            )
    if raw.table.num_rows == 0:
        raise EmptyFile("the ledger has a header but no figures", file=raw.file, row=raw.header_row)
    cells = {name: raw.column(name).to_pylist() for name in names}
    reader = _RowReader(raw.file, spec)
    normal: dict[str, list[Any]] = {name: [] for name in NORMAL}
    for index in range(raw.table.num_rows):
        row = {name: cells[name][index] for name in names}
        for name, value in reader.read(row, raw.row_at(index)).items():
            normal[name].append(value)
    columns: dict[str, pa.Array] = {name: pa.array(cells[name], pa.string()) for name in names}
    for name, kind in NORMAL.items():
        columns[name] = pa.array(normal[name], kind)
    table = pa.table({**columns, ROW_COLUMN: raw.rows})
    check_unique(table, ["id"] if "id" in names else [], raw.file, raw.header_row)
    return table


class _RowReader:
    """Reads one ledger row into normal form, raising at its first bad cell."""

    def __init__(self, file: str, spec: SourceSpec) -> None:
        self.file = file
        self.spec = spec
        self.areas = _area_names(spec.area_codes)

    def fail(self, cls: type, message: str, row: int, column: str) -> None:
        raise cls(message, file=self.file, row=row, column=column)

    def read(self, cells: dict[str, str | None], row: int) -> dict[str, Any]:
        for name in ("value", "unit", "area"):
            if not cells.get(name):
                self.fail(MissingValue, "a value is required here, but the cell is blank", row,
                          name)  # fmt: skip
        for name in CITATION:
            if not cells.get(name):
                self.fail(MissingCitation, f"a published figure needs its {name}: the cell is "
                          "blank", row, name)  # fmt: skip
        url = cells["url"] or ""
        if not _URL.match(url):
            self.fail(InvalidCitation, f"'{url}' is not a web address (http:// or https://)",
                      row, "url")  # fmt: skip
        unit = self._unit(cells["unit"] or "", row)
        amount = self._amount(cells["value"] or "", "value", unit, row)
        if amount.scale and unit.scale:
            self.fail(WrongType, f"'{cells['value']}' gives a scale and so does the unit "
                      f"'{unit.text}'", row, "value")  # fmt: skip
        scale = amount.scale or unit.scale
        value = scaled(amount.value, scale)
        if unit.counts and value < 0:
            self.fail(NegativeCount, f"value {cells['value']} counts {unit.kind} and cannot be "
                      "negative", row, "value")  # fmt: skip
        as_of = self._date(cells.get("reference_date"), "reference_date", row)
        published = self._date(cells.get("published_date"), "published_date", row)
        if published.is_range:
            self.fail(BadDate, f"'{published.text}' is a range: a figure is published on one "
                      "day, month or year", row, "published_date")  # fmt: skip
        area = cells["area"] or ""
        return {
            "FIGURE": cells.get("id") or f"row {row}",
            "REF_AREA": self._area(area),
            "REF_AREA_NAME": area,
            "TIME_PERIOD": None if as_of.is_target else as_of.period,
            "PERIOD_START": as_of.start,
            "PERIOD_END": as_of.end,
            "PERIOD_NOTE": as_of.note,
            "PUBLISHED": published.period,
            "OBS_VALUE": value,
            "UNIT_KIND": unit.kind,
            "UNIT_MEASURE": unit.code,
            "CURRENCY": unit.currency,
            "UNIT_MULT": scale,
            "UNIT_PER": unit.per,
            "QUALIFIER": unit.qualifier,
            "OBS_NUMERATOR": self._part(cells.get("numerator"), "numerator", unit, row),
            "OBS_DENOMINATOR": self._part(cells.get("denominator"), "denominator", unit, row),
            "DECIMALS": amount.decimals,
            "PUBLISHER_TYPE": cells.get("publisher_type") or self._type(cells["publisher"] or ""),
            "PRINTED": f"{cells['value']} {cells['unit']}",
        }

    def _unit(self, text: str, row: int) -> Unit:
        try:
            return parse_unit(text)
        except ValueError as exc:
            self.fail(UnknownUnit, str(exc), row, "unit")
        raise AssertionError  # pragma: no cover - fail raises

    def _amount(self, text: str, column: str, unit: Unit, row: int) -> Amount:
        try:
            return parse_amount(text, years=unit.kind == "years" and column == "value")
        except ValueError as exc:
            self.fail(WrongType, f"{exc}: a figure's {column} is a number as printed "
                      "(47800, 1,086,500, 4.1, 4,1 or 4.1 billion)", row, column)  # fmt: skip
        raise AssertionError  # pragma: no cover

    def _part(self, text: str | None, column: str, unit: Unit, row: int) -> float | None:
        """A numerator or denominator: a count, in the unit's scale where it counts things."""
        if not text:
            return None
        amount = self._amount(text, column, unit, row)
        if amount.value < 0:
            self.fail(NegativeCount, f"{column} {text} is a count and cannot be negative", row,
                      column)  # fmt: skip
        scale = amount.scale or (unit.scale if unit.kind != "percent" else 0)
        return scaled(amount.value, scale)

    def _date(self, text: str | None, column: str, row: int) -> Span:
        try:
            return parse_span(text)
        except ValueError as exc:
            self.fail(BadDate, str(exc), row, column)
        raise AssertionError  # pragma: no cover

    def _area(self, area: str) -> str:
        if _ISO.match(area):
            return area
        return self.areas.get(area.casefold(), area)

    def _type(self, publisher: str) -> str | None:
        low = publisher.casefold()
        for kind, patterns in self.spec.publishers.items():
            if any(fnmatch.fnmatchcase(low, p.casefold()) for p in patterns):
                return kind
        return None


def _area_names(declared: dict[str, str]) -> dict[str, str]:
    """Area names (any case) -> codes: Kazakhstan's regions in en/ru/kk, then what the source
    declares (which wins)."""
    names: dict[str, str] = {}
    for region in KZ_REGIONS:
        for name in (region.name_en, region.name_ru, region.name_kk):
            names[name.casefold()] = region.code
    names.update({k.casefold(): v for k, v in declared.items()})
    return names
