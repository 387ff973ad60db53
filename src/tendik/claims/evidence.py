"""The observations a warehouse holds for a claim: real, published, for its area and period.

Only what may be shown is used: a source flagged synthetic is never evidence, and a cell marked
OBS_STATUS "C" (suppressed) is neither used nor revealed, whatever value the warehouse holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from tendik.claims.match import Entry
from tendik.claims.model import Period
from tendik.claims.timing import Reference, period_year, reference, select
from tendik.claims.tolerance import Tolerance
from tendik.claims.verdicts import Evidence
from tendik.store.query import Warehouse

# Codes other sources use for the same area: the UN's M49 "1" and OWID's "OWID_WRL" are the world.
AREA_ALIASES: dict[str, tuple[str, ...]] = {"WLD": ("WLD", "1", "OWID_WRL")}


@dataclass
class Holdings:
    """What one indicator holds for one area: usable rows, and how many were withheld."""

    entry: Entry
    reference: Reference
    rows: list[dict[str, Any]] = field(default_factory=list)
    suppressed: int = 0


class Observations:
    """Reads and caches the observations of a warehouse for claims."""

    def __init__(self, warehouse: Warehouse) -> None:
        self.warehouse = warehouse
        self.sources = {s["id"]: s for s in warehouse.sources()}
        self._cache: dict[tuple[str, str], Holdings] = {}

    def holdings(self, entry: Entry, area: str) -> Holdings:
        key = (entry.id, area)
        if key not in self._cache:
            self._cache[key] = self._read(entry, area)
        return self._cache[key]

    def _read(self, entry: Entry, area: str) -> Holdings:
        held = Holdings(entry, reference(entry.info.definition.get("reference_date")))
        for rows in self._rows(entry, area):
            for row in rows:
                if row["OBS_STATUS"] == "C" or row["OBS_VALUE"] is None:
                    held.suppressed += 1
                else:
                    held.rows.append(row)
            if held.rows or held.suppressed:
                break
        return held

    def _rows(self, entry: Entry, area: str) -> list[list[dict[str, Any]]]:
        """The candidate row sets for an area, in order of preference (aliases, regions)."""
        if area.startswith("KZ-"):
            if "REGION" not in entry.info.dimensions:
                return []
            table = self.warehouse.observation_records(entry.id, by="region")
            return [[{**r, "REF_AREA": area} for r in table if r.get("REGION") == area]]
        codes = AREA_ALIASES.get(area, (area,))
        return [
            [
                {**r, "REF_AREA": area}
                for r in self.warehouse.observation_records(entry.id, area=code)
            ]
            for code in codes
        ]

    def evidence(self, held: Holdings, period: Period | None, allowed: Tolerance) -> list[Evidence]:
        """The observations `period` calls for, each marked as agreeing or not."""
        periods = [r["TIME_PERIOD"] for r in held.rows]
        chosen = set(select(periods, held.reference, period))
        return [self.one(held, r, allowed.accepts(r["OBS_VALUE"])) for r in held.rows
                if r["TIME_PERIOD"] in chosen]  # fmt: skip

    def one(self, held: Holdings, row: dict[str, Any], agrees: bool) -> Evidence:
        info = held.entry.info
        source = self.sources.get(row["source"] or info.source, {})
        area = row["REF_AREA"]
        query = {"area": "KAZ" if area.startswith("KZ-") else area}
        return Evidence(
            indicator=info.id,
            title=info.title("en"),
            area=area,
            period=row["TIME_PERIOD"],
            value=float(row["OBS_VALUE"]),
            agrees=agrees,
            source=source.get("id", info.source),
            source_title=source.get("title") or info.source,
            reference_date=held.reference.text,
            input_hash=row.get("input_hash"),
            definition_hash=row.get("definition_hash"),
            tendik_version=row.get("tendik_version"),
            link=f"/indicators/{quote(info.id)}?{urlencode(query)}",
            breakdown={"region": area} if area.startswith("KZ-") else {},
        )

    def nearest(self, held: Holdings, period: Period | None) -> dict[str, Any] | None:
        """The observation closest in time to `period` (the latest when undated)."""
        rows = [r for r in held.rows if period_year(r["TIME_PERIOD"]) is not None]
        if not rows:
            return None
        if period is None:
            return rows[-1]
        return min(
            rows,
            key=lambda r: (
                abs(period_year(r["TIME_PERIOD"]) - period.year),  # type: ignore[operator]
                -period_year(r["TIME_PERIOD"]),
            ),
        )  # type: ignore[operator]
