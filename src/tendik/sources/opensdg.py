"""Open SDG indicator CSV (indicator_5-5-1.csv): Year, Value, a few known columns, breakdowns.

Every column other than the known ones is a breakdown (disaggregation), kept as a string with
a blank cell meaning the total (null). The file names no country: REF_AREA is the source's
declared ``area``, or "_Z" (not applicable) when none is declared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from tendik.errors import FormatMismatch
from tendik.sources.delimited import read_delimited
from tendik.sources.series import SeriesDraft, finish, percent_if, require_columns
from tendik.sources.spec import ROW_COLUMN, SERIES_COLUMNS, SourceSpec
from tendik.sources.textfile import load_text

WHAT = "an Open SDG indicator CSV"
UNIT_COLUMNS = ("Units", "Unit measure")
# Known columns that are neither the value nor a breakdown.
NOT_BREAKDOWNS = frozenset(
    {"Year", "Value", *UNIT_COLUMNS, "Series", "Observation status", "Unit multiplier", "GeoCode"}
)
NO_AREA = "_Z"
INDICATOR_FILE = re.compile(r"^indicator_(.+)$")


def indicator_id(path: Path) -> str:
    """The indicator id of an Open SDG data file: indicator_5-5-1.csv -> "5-5-1"."""
    match = INDICATOR_FILE.match(path.stem)
    return match.group(1) if match else path.stem


@dataclass(frozen=True)
class OpenSdgReader:
    """SERIES = the Series column, else the file's indicator id."""

    format: str = "opensdg"

    def read(self, spec: SourceSpec, path: Path) -> pa.Table:
        text = load_text(spec, path)
        raw = read_delimited(
            text, file=spec.path, delimiter=spec.delimiter, header_row=spec.header_row
        )
        require_columns(raw, ["Year", "Value"], WHAT)
        names = raw.table.column_names
        breakdowns = [n for n in names if n not in NOT_BREAKDOWNS]
        for name in breakdowns:
            if name in SERIES_COLUMNS or name == ROW_COLUMN:
                raise FormatMismatch(
                    f"the breakdown column '{name}' clashes with a series column",
                    file=spec.path,
                    row=raw.header_row,
                    column=name,
                )
        series: pa.Array | str = indicator_id(path)
        if "Series" in names:
            series = pc.coalesce(raw.column("Series"), pa.scalar(series))
        units = next((raw.column(n) for n in UNIT_COLUMNS if n in names), None)
        if units is not None:
            units = pc.coalesce(percent_if(units), units)
        draft = SeriesDraft(
            file=spec.path,
            rows=raw.rows,
            values=raw.column("Value"),
            value_column="Value",
            fields={
                "SERIES": series,
                "REF_AREA": spec.area or NO_AREA,
                "REF_AREA_NAME": None,
                "TIME_PERIOD": raw.column("Year"),
                "UNIT_MEASURE": units,
                "COMMENT_OBS": None,
            },
            origin={"TIME_PERIOD": "Year", "SERIES": "Series"},
            breakdowns={name: raw.column(name) for name in breakdowns},
            decimal_comma=raw.decimal_comma,
            header_row=raw.header_row,
        )
        return finish(draft)
