"""Open SDG indicator CSV (indicator_5-5-1.csv) as the national platforms write it.

Year and Value are required; the series, unit, comment, attribute and breakdown columns are told
apart by their names (opensdg_columns.py), in Open SDG's own headers or SDMX's. A breakdown cell
that is blank, or SDMX's total code "_T", is the total (null). Units in English, Russian or
Kazakh become unit codes where they name a plain unit (units.py). Values in percent are not
range-checked here: national platforms give growth rates and indices in percent too
(Kazakhstan's 15-2-1 has -6.4, its 15-4-1 193, both under UNIT_MEASURE = PT); validate checks
the shares of the indicators that are shares. The unit is part of a row's key: Open SDG lets one
series give each value as a number and as a percentage (Republika Srpska's SI_POV_NAHC,
2004: 199752 NUMBER, 15.8 PT). The file names no country:
REF_AREA is the source's declared ``area``, or "_Z" (not applicable) when none is declared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from tendik.sources.delimited import read_delimited
from tendik.sources.opensdg_columns import TOTAL_CODE, VALUE, YEAR, classify
from tendik.sources.series import SeriesDraft, finish, require_columns
from tendik.sources.spec import SourceSpec
from tendik.sources.textfile import load_text
from tendik.sources.units import unit_codes

WHAT = "an Open SDG indicator CSV"
NO_AREA = "_Z"
INDICATOR_FILE = re.compile(r"^indicator_(.+)$")


def indicator_id(path: Path) -> str:
    """The indicator id of an Open SDG data file: indicator_5-5-1.csv -> "5-5-1"."""
    match = INDICATOR_FILE.match(path.stem)
    return match.group(1) if match else path.stem


def _breakdown(cells: pa.Array) -> pa.Array:
    """A breakdown column: SDMX's total code "_T" read as a blank (the total)."""
    return pc.if_else(pc.equal(cells, TOTAL_CODE), pa.scalar(None, pa.string()), cells)


def read_indicator_file(
    spec: SourceSpec,
    path: Path,
    *,
    not_breakdowns: Iterable[str] = (),
    unit: str | None = None,
) -> pa.Table:
    """The series table of one Open SDG data file; messages name ``spec.path``.

    ``not_breakdowns`` are further columns to leave out, ``unit`` the unit of rows whose file
    gives none (both from a data repository's configuration and metadata).
    """
    text = load_text(spec, path)
    raw = read_delimited(text, file=spec.path, delimiter=spec.delimiter, header_row=spec.header_row)
    require_columns(raw, [YEAR, VALUE], WHAT)
    columns = classify(raw.table.column_names, spec.path, raw.header_row, not_breakdowns)
    series: pa.Array | str = indicator_id(path)
    if columns.series:
        series = pc.coalesce(raw.column(columns.series), pa.scalar(series))
    units: pa.Array | str | None = unit
    if columns.units:
        units = unit_codes(raw.column(columns.units))
        if unit is not None:
            units = pc.coalesce(units, pa.scalar(unit))
    draft = SeriesDraft(
        file=spec.path,
        rows=raw.rows,
        values=raw.column(VALUE),
        value_column=VALUE,
        fields={
            "SERIES": series,
            "REF_AREA": spec.area or NO_AREA,
            "REF_AREA_NAME": None,
            "TIME_PERIOD": raw.column(YEAR),
            "UNIT_MEASURE": units,
            "COMMENT_OBS": raw.column(columns.comment) if columns.comment else None,
        },
        origin={"TIME_PERIOD": YEAR, "SERIES": columns.series or "Series"},
        breakdowns={out: _breakdown(raw.column(name)) for name, out in columns.breakdowns.items()},
        decimal_comma=raw.decimal_comma,
        header_row=raw.header_row,
        check_shares=False,
        unit_in_key=True,
    )
    return finish(draft)


@dataclass(frozen=True)
class OpenSdgReader:
    """SERIES = the series column, else the file's indicator id; a folder is a data repository
    (opensdg_repo.py)."""

    format: str = "opensdg"

    def read(self, spec: SourceSpec, path: Path) -> pa.Table:
        if path.is_dir():
            from tendik.sources.opensdg_repo import read_repository  # it reads files with this

            return read_repository(spec, path)
        return read_indicator_file(spec, path)
