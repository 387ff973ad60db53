"""What a project declares about one source: where it is, its format and its schema."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ColumnType = Literal["string", "integer", "number", "boolean", "date"]
SourceFormat = Literal[
    "csv", "tsv", "excel", "parquet", "wdi", "unsdg", "owid", "opensdg", "figures"
]
Encoding = Literal["auto", "utf-8", "utf-8-sig", "utf-16", "cp1251"]

# Formats whose readers return the normalised long "series" table (see SERIES_COLUMNS).
SERIES_FORMATS: frozenset[str] = frozenset({"wdi", "unsdg", "owid", "opensdg"})

# Columns every series-shaped reader returns, in this order, plus any breakdown columns
# (Open SDG disaggregations) after them, plus "_row" (the file row each value came from).
SERIES_COLUMNS: tuple[str, ...] = (
    "SERIES",  # series code, e.g. SG.GEN.PARL.ZS, SG_GEN_PARL; Open SDG: indicator id or Series
    "REF_AREA",  # ISO 3166-1 alpha-3 where the publisher gives one, else the publisher's code
    "REF_AREA_NAME",
    "TIME_PERIOD",  # string: "2024"
    "OBS_VALUE",  # float64
    "UNIT_MEASURE",  # "PT" for percent where known
    "COMMENT_OBS",
)

ROW_COLUMN = "_row"


class ColumnSpec(BaseModel):
    """One declared column of a tabular source."""

    model_config = ConfigDict(extra="forbid")

    type: ColumnType = "string"
    required: bool = True  # a blank cell is an error
    codes: list[str] | None = None  # the code list the values must belong to
    kind: Literal["share", "count"] | None = None  # share: 0-100; count: >= 0
    description: str | None = None


class SourceSpec(BaseModel):
    """One entry under [sources.ID] in tendik.toml."""

    model_config = ConfigDict(extra="forbid")

    id: str
    path: str  # relative to the project folder
    format: SourceFormat
    title: str | None = None
    description: str | None = None
    publisher: str | None = None
    licence: str | None = None
    provenance: str | None = None  # path of a PROVENANCE.md, relative to the project folder
    synthetic: bool = False  # generated data: labelled wherever it shows, never evidence
    encoding: Encoding = "auto"
    delimiter: str | None = None  # csv/tsv: None = detect
    sheet: str | None = None  # excel: None = first sheet
    header_row: int | None = None  # excel/csv: 1-based row of the header; None = first row
    columns: dict[str, ColumnSpec] = Field(default_factory=dict)
    key: list[str] = Field(default_factory=list)  # columns that identify a row; no duplicates
    area: str | None = None  # opensdg: the REF_AREA of every row (the file names none); None = "_Z"
    # opensdg, path naming a data repository's folder: the indicators to read ("5-5-1"); None = all
    indicators: list[str] | None = None
    # figures: publisher type -> publisher names (shell patterns, any case): "official" = [...]
    publishers: dict[str, list[str]] = Field(default_factory=dict)
    # figures: an area as the file writes it -> its code ("Akmola region" = "KZ-11")
    area_codes: dict[str, str] = Field(default_factory=dict)

    @property
    def is_series(self) -> bool:
        return self.format in SERIES_FORMATS
