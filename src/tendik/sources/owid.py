"""Our World in Data grapher CSV: Entity, Code, Year and one column per variable."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from tendik.errors import FormatMismatch
from tendik.sources.delimited import read_delimited
from tendik.sources.series import SeriesDraft, finish, melt, percent_if, require_columns
from tendik.sources.spec import SourceSpec
from tendik.sources.textfile import load_text

WHAT = "an Our World in Data grapher CSV"
ID_COLUMNS = ("Entity", "Code", "Year")
SERIES_SUFFIX = re.compile(r"\s-\s([A-Z][A-Z0-9]*(?:[_.][A-Z0-9]+)+)\s*$")


def series_code(column: str) -> str:
    """The SDG series code a column name ends with (" - SG_GEN_LOCGELS"), else the name."""
    match = SERIES_SUFFIX.search(column)
    return match.group(1) if match else column


@dataclass(frozen=True)
class OwidReader:
    """SERIES from each value column's name; REF_AREA = Code, or the Entity name when blank."""

    format: str = "owid"

    def read(self, spec: SourceSpec, path: Path) -> pa.Table:
        text = load_text(spec, path)
        raw = read_delimited(
            text, file=spec.path, delimiter=spec.delimiter, header_row=spec.header_row
        )
        require_columns(raw, ["Entity", "Year"], WHAT)
        value_columns = [n for n in raw.table.column_names if n not in ID_COLUMNS]
        if not value_columns:
            raise FormatMismatch(
                f"the file has no value column, so it is not {WHAT}",
                file=spec.path,
                row=raw.header_row,
            )
        index, names, values = melt(raw, value_columns)
        position = pc.index_in(names, pa.array(value_columns))
        codes = pa.array([series_code(n) for n in value_columns]).take(position)
        units = percent_if(pa.array(value_columns)).take(position)
        entity = raw.column("Entity").take(index)
        area = entity
        if "Code" in raw.table.column_names:
            area = pc.coalesce(raw.column("Code").take(index), entity)
        draft = SeriesDraft(
            file=spec.path,
            rows=raw.rows.take(index),
            values=values,
            value_column=names,
            fields={
                "SERIES": codes,
                "REF_AREA": area,
                "REF_AREA_NAME": entity,
                "TIME_PERIOD": raw.column("Year").take(index),
                "UNIT_MEASURE": units,
                "COMMENT_OBS": None,
            },
            origin={"REF_AREA": "Entity", "TIME_PERIOD": "Year"},
            decimal_comma=raw.decimal_comma,
            header_row=raw.header_row,
        )
        return finish(draft)
