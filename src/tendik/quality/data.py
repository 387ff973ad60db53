"""The warehouse's observations as the quality checks read them: indexed by key, with parts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from tendik.quality.findings import ObsKey
from tendik.store.query import IndicatorInfo, Warehouse

Cells = tuple[str | None, ...]  # one value per dimension of the indicator, None = total


@dataclass(frozen=True)
class Obs:
    """One observation: its key and its values."""

    area: str
    period: str
    cells: Cells
    value: float | None
    numerator: float | None
    denominator: float | None

    def get(self, name: str) -> float | None:
        return {"value": self.value, "numerator": self.numerator, "denominator": self.denominator}[
            name
        ]


@dataclass
class IndicatorData:
    """All observations of one indicator, with what the checks need to find their way."""

    info: IndicatorInfo
    rows: list[Obs] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def dimensions(self) -> list[str]:
        return self.info.dimensions

    @cached_property
    def by_key(self) -> dict[tuple[str, str, Cells], Obs]:
        """The first observation of each key (duplicates are a finding of their own)."""
        out: dict[tuple[str, str, Cells], Obs] = {}
        for row in self.rows:
            out.setdefault((row.area, row.period, row.cells), row)
        return out

    @cached_property
    def parts(self) -> dict[tuple[str, str, Cells, int], list[Obs]]:
        """(area, period, cells of the whole, position of the dimension split) -> the parts."""
        out: dict[tuple[str, str, Cells, int], list[Obs]] = defaultdict(list)
        for (area, period, cells), row in self.by_key.items():
            for position, code in enumerate(cells):
                if code is not None:
                    whole = (*cells[:position], None, *cells[position + 1 :])
                    out[(area, period, whole, position)].append(row)
        return dict(out)

    def totals(self) -> list[Obs]:
        """The observations without a breakdown, by area and period."""
        rows = [r for r in self.by_key.values() if all(c is None for c in r.cells)]
        return sorted(rows, key=lambda r: (r.area, r.period))

    def key(self, row: Obs) -> ObsKey:
        cells = tuple((d, c) for d, c in zip(self.dimensions, row.cells, strict=True) if c)
        return ObsKey(self.id, row.area, row.period, cells)

    def cells_dict(self, row: Obs) -> dict[str, str]:
        return {d: c for d, c in zip(self.dimensions, row.cells, strict=True) if c is not None}

    def measure_kind(self) -> str | None:
        """share, count, sum, mean, median or ratio for records; None for a published series."""
        measure = self.info.definition.get("measure") or {}
        for kind in ("share", "count", "sum", "mean", "median", "ratio"):
            if measure.get(kind):
                return kind
        return None

    def is_share(self) -> bool:
        """A percentage of a whole: a records share, or a published series in percent."""
        if self.info.unit != "percent":
            return False
        return self.measure_kind() in ("share", None)

    def additive(self) -> set[str]:
        """The fields that add up over parts: counts and sums, never means or medians."""
        kind = self.measure_kind()
        if kind in ("share", "sum", "mean"):
            return {"numerator", "denominator"}
        if kind == "count":
            return {"numerator"}
        if kind == "median":
            return {"denominator"}
        if kind == "ratio":
            sides = self.info.definition["measure"]["ratio"]
            names = ("numerator", "denominator")
            return {
                n for n, side in zip(names, sides, strict=True) if side["agg"] in ("count", "sum")
            }
        return set()


def _obs(record: dict[str, Any], dims: list[str]) -> Obs:
    return Obs(
        area=record["REF_AREA"],
        period=record["TIME_PERIOD"],
        cells=tuple(record[d] for d in dims),
        value=record["OBS_VALUE"],
        numerator=record["numerator"],
        denominator=record["denominator"],
    )


def load_indicator(warehouse: Warehouse, indicator_id: str) -> IndicatorData:
    info = warehouse.indicator(indicator_id)
    table = warehouse.all_observations(indicator_id)
    columns = ["REF_AREA", "TIME_PERIOD", *info.dimensions, "OBS_VALUE", "numerator", "denominator"]
    records = table.select(columns).to_pylist()
    return IndicatorData(info, [_obs(r, info.dimensions) for r in records])


def load_all(warehouse: Warehouse) -> dict[str, IndicatorData]:
    """Every indicator of the warehouse, by id."""
    return {i.id: load_indicator(warehouse, i.id) for i in warehouse.indicators()}
