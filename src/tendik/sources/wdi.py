"""World Bank WDI bulk CSV: metadata lines, a "Country Name" header, one column per year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from tendik.errors import FormatMismatch
from tendik.sources.delimited import read_delimited
from tendik.sources.series import SeriesDraft, finish, melt, percent_if, require_columns
from tendik.sources.spec import SourceSpec
from tendik.sources.textfile import load_text

WHAT = "a World Bank WDI CSV"
COLUMNS = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]
HEADER_SCAN_LINES = 50
YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class WdiReader:
    """SERIES = Indicator Code, REF_AREA = Country Code, UNIT_MEASURE "PT" for "(%)" names."""

    format: str = "wdi"

    def read(self, spec: SourceSpec, path: Path) -> pa.Table:
        text = load_text(spec, path)
        header_row = spec.header_row or find_header(text, spec.path)
        raw = read_delimited(text, file=spec.path, delimiter=spec.delimiter, header_row=header_row)
        require_columns(raw, COLUMNS, WHAT)
        years = [name for name in raw.table.column_names if YEAR.match(name)]
        if not years:
            raise FormatMismatch(
                f"the header has no year columns, so it is not {WHAT}",
                file=spec.path,
                row=raw.header_row,
            )
        index, year, values = melt(raw, years)
        draft = SeriesDraft(
            file=spec.path,
            rows=raw.rows.take(index),
            values=values,
            value_column=year,
            fields={
                "SERIES": raw.column("Indicator Code").take(index),
                "REF_AREA": raw.column("Country Code").take(index),
                "REF_AREA_NAME": raw.column("Country Name").take(index),
                "TIME_PERIOD": year,
                "UNIT_MEASURE": percent_if(raw.column("Indicator Name")).take(index),
                "COMMENT_OBS": None,
            },
            origin={"SERIES": "Indicator Code", "REF_AREA": "Country Code"},
            decimal_comma=raw.decimal_comma,
            header_row=raw.header_row,
        )
        return finish(draft)


def find_header(text: str, file: str) -> int:
    """The 1-based line of the "Country Name" header, below the metadata lines."""
    for number, line in enumerate(text.split("\n", HEADER_SCAN_LINES)[:HEADER_SCAN_LINES], 1):
        if line.lstrip("\ufeff \t\"'").startswith("Country Name"):
            return number
    raise FormatMismatch(
        f"no header line starting with 'Country Name' in the first {HEADER_SCAN_LINES} rows, "
        f"so it is not {WHAT}",
        file=file,
        row=1,
        column="Country Name",
    )
