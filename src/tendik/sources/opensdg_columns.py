"""What each column of an Open SDG data file is: the year, the value, the series, the unit, an
attribute, or a breakdown.

National platforms write either Open SDG's own headers ("Series", "Units", "Observation
status") or SDMX's ("SERIES", "UNIT_MEASURE", "OBS_STATUS", "SEX", "AGE", "REF_AREA"), as
sdg-build reads both. An SDMX dimension (SEX, AGE, URBANISATION, ...) is a breakdown; an SDMX
attribute the series table has no column for (OBS_STATUS, UNIT_MULT, NATURE, ...) is read and
left out. REF_AREA in a national file is a part of the country (a region; blank = the whole
country, which is the source's ``area``), so it becomes the breakdown REGION.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tendik.errors import FormatMismatch
from tendik.sources.spec import ROW_COLUMN, SERIES_COLUMNS

YEAR = "Year"
VALUE = "Value"
SERIES_NAMES = ("Series", "SERIES")
UNIT_NAMES = ("Units", "Unit measure", "UNIT_MEASURE")
COMMENT_NAMES = ("COMMENT_OBS",)
# Attributes of a value that the series table has no column for: read, and left out.
ATTRIBUTES = frozenset(
    {
        "Observation status",
        "OBS_STATUS",
        "Unit multiplier",
        "UNIT_MULT",
        "GeoCode",
        "NATURE",
        "TIME_DETAIL",
        "SOURCE_DETAIL",
        "UPPER_BOUND",
        "LOWER_BOUND",
        "BASE_PER",
        "TIME_COVERAGE",
        "COMMENT_TS",
        "DATA_LAST_UPDATE",
    }
)
# Breakdown columns whose SDMX name means something else in the series table.
RENAMED = {"REF_AREA": "REGION"}
TOTAL_CODE = "_T"  # SDMX's code for the total of a dimension: read as a blank cell


@dataclass(frozen=True)
class Columns:
    """The role of each column of one Open SDG file (file column names)."""

    series: str | None = None
    units: str | None = None
    comment: str | None = None
    breakdowns: dict[str, str] = field(default_factory=dict)  # file column -> breakdown name


def _one_of(names: list[str], candidates: tuple[str, ...], what: str, file: str, row: int | None):
    found = [name for name in candidates if name in names]
    if len(found) > 1:
        raise FormatMismatch(
            f"the file gives {what} in two columns, '{found[0]}' and '{found[1]}'",
            file=file,
            row=row,
            column=found[1],
        )
    return found[0] if found else None


def classify(
    names: list[str], file: str, header_row: int | None, not_breakdowns: Iterable[str] = ()
) -> Columns:
    """The roles of a header's columns; ``not_breakdowns`` are more columns to leave out (a
    data repository's ``non_disaggregation_columns``)."""
    series = _one_of(names, SERIES_NAMES, "the series", file, header_row)
    units = _one_of(names, UNIT_NAMES, "the unit", file, header_row)
    comment = _one_of(names, COMMENT_NAMES, "the comment", file, header_row)
    taken = {YEAR, VALUE, series, units, comment, *ATTRIBUTES, *not_breakdowns}
    breakdowns: dict[str, str] = {}
    claimed: dict[str, str] = {}
    for name in names:
        if name in taken:
            continue
        out = RENAMED.get(name, name)
        dimension = out.upper()  # the warehouse names a breakdown's dimension in capitals
        if dimension in SERIES_COLUMNS or out == ROW_COLUMN or dimension in claimed:
            other = claimed.get(dimension)
            clash = f"the breakdown '{other}'" if other else "a series column"
            raise FormatMismatch(
                f"the breakdown column '{name}' (read as '{out}') clashes with {clash}",
                file=file,
                row=header_row,
                column=name,
            )
        breakdowns[name] = out
        claimed[dimension] = name
    return Columns(series=series, units=units, comment=comment, breakdowns=breakdowns)
