"""UN SDG / Minimum Set tab-separated extracts (SDMX-like columns, one row per value)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from tendik.errors import FormatMismatch, UnknownCode
from tendik.sources.base import RawTable, first_true
from tendik.sources.delimited import read_delimited
from tendik.sources.series import SeriesDraft, finish, require_columns
from tendik.sources.spec import SourceSpec
from tendik.sources.textfile import load_text

WHAT = "a UN SDG data file"
SERIES_SOURCES = ("SDG_SeriesID", "MINSET_SERIES")
SEX_CODES = ("F", "_T")  # values are women's shares: female, or a total that is about women


@dataclass(frozen=True)
class UnSdgReader:
    """SERIES = SDG_SeriesID, else MINSET_SERIES; REF_AREA = ISO3, else the M49 code."""

    format: str = "unsdg"

    def read(self, spec: SourceSpec, path: Path) -> pa.Table:
        text = load_text(spec, path)
        raw = read_delimited(
            text, file=spec.path, delimiter=spec.delimiter, header_row=spec.header_row
        )
        require_columns(raw, ["REF_AREA", "TIME_PERIOD", "OBS_VALUE"], WHAT)
        series_columns = [name for name in SERIES_SOURCES if name in raw.table.column_names]
        if not series_columns:
            raise FormatMismatch(
                f"the file has neither {' nor '.join(SERIES_SOURCES)}, so it is not {WHAT}",
                file=spec.path,
                row=raw.header_row,
                column=SERIES_SOURCES[0],
            )
        _check_sex(raw)
        area = raw.column("REF_AREA")
        if "ISO3" in raw.table.column_names:
            area = pc.coalesce(raw.column("ISO3"), area)
        draft = SeriesDraft(
            file=spec.path,
            rows=raw.rows,
            values=raw.column("OBS_VALUE"),
            value_column="OBS_VALUE",
            fields={
                "SERIES": pc.coalesce(*(raw.column(name) for name in series_columns)),
                "REF_AREA": area,
                "REF_AREA_NAME": _optional(raw, "REF_AREA_DESC"),
                "TIME_PERIOD": raw.column("TIME_PERIOD"),
                "UNIT_MEASURE": _optional(raw, "UNIT_MEASURE"),
                "COMMENT_OBS": _optional(raw, "COMMENT_OBS"),
            },
            origin={"SERIES": series_columns[0]},
            decimal_comma=raw.decimal_comma,
            header_row=raw.header_row,
        )
        return finish(draft)


def _optional(raw: RawTable, name: str) -> pa.Array | None:
    return raw.column(name) if name in raw.table.column_names else None


def _check_sex(raw: RawTable) -> None:
    """The values are women's shares: a SEX other than F (or _T) means something else."""
    if "SEX" not in raw.table.column_names:
        return
    sex = raw.column("SEX")
    index = first_true(pc.and_(pc.is_valid(sex), pc.invert(pc.is_in(sex, pa.array(SEX_CODES)))))
    if index is not None:
        raise UnknownCode(
            f"value {sex[index].as_py()!r} is not one of the allowed codes: "
            f"{', '.join(SEX_CODES)} (the values must be women's shares)",
            file=raw.file,
            row=raw.row_at(index),
            column="SEX",
        )
