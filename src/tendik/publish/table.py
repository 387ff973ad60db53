"""What every format publishes: the warehouse's observations, suppressed values withheld.

An observation table for publishing has the columns INDICATOR, REF_AREA, TIME_PERIOD, one
column per breakdown dimension (named by its SDMX id, null = total), OBS_VALUE, UNIT_MEASURE,
OBS_STATUS and COMMENT_OBS. Where OBS_STATUS is "C" (confidential, suppressed) OBS_VALUE is null
whatever the warehouse holds: the value is withheld in every file, the status is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from tendik.engine.observations import UNIT_CODES
from tendik.project import Project
from tendik.store import IndicatorInfo, Warehouse

SUPPRESSED = "C"
TOTAL = "_T"  # the SDMX code of the total over a dimension
VALUE_COLUMNS: tuple[str, ...] = ("OBS_VALUE", "UNIT_MEASURE", "OBS_STATUS", "COMMENT_OBS")
STATUS_NAMES: dict[str, str] = {
    "A": "Normal value",
    "P": "Provisional value",
    "E": "Estimated value",
    "C": "Confidential value (suppressed)",
}
UNIT_NAMES: dict[str, str] = {
    "PT": "Percentage (%)",
    "NUMBER": "Number",
    "RATIO": "Ratio",
    "KZT": "Tenge (KZT)",
    "YR": "Years",
}
_NOT_ID = re.compile(r"[^A-Za-z0-9_]+")


def column_id(dimension: str) -> str:
    """The SDMX id of a warehouse dimension: 'DISABILITY STATUS' -> 'DISABILITY_STATUS'."""
    return _NOT_ID.sub("_", dimension.strip()).strip("_").upper() or "DIM"


def unit_code(unit: str) -> str:
    return UNIT_CODES.get(unit, unit.upper())


@dataclass
class Publication:
    """The project, its warehouse and its indicators, as the writers of every format see them."""

    project: Project
    warehouse: Warehouse
    indicators: list[IndicatorInfo]
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def open(cls, project: Project) -> Publication:
        warehouse = Warehouse(project.warehouse_path)
        indicators = sorted(warehouse.indicators(), key=lambda info: info.id)
        sources = {row["id"]: row for row in warehouse.sources()}
        return cls(project, warehouse, indicators, sources)

    def close(self) -> None:
        self.warehouse.close()

    def dimensions(self, info: IndicatorInfo) -> list[str]:
        """The indicator's breakdown dimensions, as SDMX ids (unique, never a fixed column)."""
        taken = {"INDICATOR", "DATAFLOW", "REF_AREA", "TIME_PERIOD", *VALUE_COLUMNS}
        names: list[str] = []
        for dim in info.dimensions:
            name = base = column_id(dim)
            count = 1
            while name in taken:
                count += 1
                name = f"{base}_{count}"
            taken.add(name)
            names.append(name)
        return names

    def observations(self, info: IndicatorInfo) -> pa.Table:
        """Every observation of one indicator in publishing shape (see the module's note)."""
        raw = self.warehouse.all_observations(info.id)
        status = raw.column("OBS_STATUS")
        withheld = pc.fill_null(pc.equal(status, SUPPRESSED), False)
        value = pc.if_else(withheld, pa.scalar(None, pa.float64()), raw.column("OBS_VALUE"))
        columns: dict[str, pa.ChunkedArray | pa.Array] = {
            "INDICATOR": pa.array([info.id] * raw.num_rows, pa.string()),
            "REF_AREA": raw.column("REF_AREA"),
            "TIME_PERIOD": raw.column("TIME_PERIOD"),
        }
        for name, dim in zip(self.dimensions(info), info.dimensions, strict=True):
            columns[name] = raw.column(dim)
        columns["OBS_VALUE"] = value
        columns["UNIT_MEASURE"] = raw.column("UNIT_MEASURE")
        columns["OBS_STATUS"] = status
        columns["COMMENT_OBS"] = raw.column("COMMENT_OBS")
        return pa.table(columns)

    def source(self, info: IndicatorInfo) -> dict[str, Any]:
        return self.sources.get(info.source, {"id": info.source})

    def catalogue_row(self, info: IndicatorInfo) -> dict[str, Any]:
        """One line of the catalogue: what the indicator is, where it comes from."""
        source = self.source(info)
        return {
            "id": info.id,
            "title_en": info.titles.get("en"),
            "title_ru": info.titles.get("ru"),
            "title_kk": info.titles.get("kk"),
            "unit": info.unit,
            "unit_measure": unit_code(info.unit),
            "theme": info.theme,
            "sdg": info.sdg,
            "sdmx_series": info.sdmx_series,
            "dimensions": " ".join(self.dimensions(info)),
            "observations": info.n_obs,
            "source": info.source,
            "source_title": source.get("title"),
            "publisher": source.get("publisher"),
            "licence": source.get("licence"),
            "synthetic": bool(source.get("synthetic")),
        }


def fill_totals(table: pa.Table, dimensions: list[str], total: str = TOTAL) -> pa.Table:
    """The table with each dimension's nulls (totals) written as ``total``."""
    for name in dimensions:
        index = table.column_names.index(name)
        filled = pc.fill_null(table.column(name), pa.scalar(total, pa.string()))
        table = table.set_column(index, name, filled)
    return table
