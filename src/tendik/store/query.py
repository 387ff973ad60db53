"""The one read API over the warehouse: what the CLI, the web app, publishing and claims use."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from tendik.catalog.model import dimension_name
from tendik.errors import NotFound, WarehouseError
from tendik.store.releases import (
    RELEASE_SOURCES,
    Release,
    as_utc,
    has_table,
    key_is_valid,
    read_releases,
    utcnow,
)
from tendik.store.schema import FIXED_OBSERVATION_COLUMNS, OBSERVATION_FIELDS

if TYPE_CHECKING:  # DuckDB loads pyarrow when a table is asked for; the record readers need none
    import pyarrow as pa

# What a build records about each source it read; a release made before sources were kept with
# it cannot say what these were then.
BUILD_SOURCE_COLUMNS = ("content_hash", "spec_hash", "n_rows", "provenance", "read_at")


def _select(*dimensions: str) -> str:
    columns = ["REF_AREA", "TIME_PERIOD", *dimensions, *OBSERVATION_FIELDS]
    return ", ".join(f'"{c}"' for c in columns)


@dataclass(frozen=True)
class IndicatorInfo:
    id: str
    titles: dict[str, str]
    unit: str
    theme: str
    source: str
    sdg: str | None
    sdmx_series: str | None
    headline_area: str | None
    kind: str
    definition: dict[str, Any]
    definition_hash: str
    input_hash: str
    tendik_version: str
    computed_at: Any
    dimensions: list[str]
    n_obs: int

    def title(self, language: str = "en") -> str:
        return self.titles.get(language) or self.titles["en"]


class Warehouse:
    """Read-only access to a built warehouse."""

    def __init__(
        self,
        path: Path,
        *,
        as_of: datetime | None = None,
        publisher_key: str | None = None,
        release: int | None = None,
        as_builder: bool = False,
    ) -> None:
        """Open a warehouse as a reader sees it at ``as_of`` (default: now).

        Without releases, everyone sees the latest build. Once releases exist, a reader sees the
        latest release published by ``as_of`` (or the one asked for, if published); the holder
        of the publisher's key sees the latest build and every release, embargoed or not.
        """
        self.path = Path(path)
        if not self.path.is_file():
            raise WarehouseError(
                "no warehouse here yet: run 'tendik build' first "
                "(for the bundled project, 'tendik demo')",
                file=self.path,
            )
        try:
            self.con = duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as error:
            raise WarehouseError(f"cannot open the warehouse: {error}", file=self.path) from None
        self.as_of = as_utc(as_of) if as_of else utcnow()
        # a build step checking what it has just written sees it whole, as the publisher does
        self.is_publisher = as_builder or key_is_valid(self.con, publisher_key)
        self.all_releases = read_releases(self.con)
        self.release = self._choose(release)
        self.view = "build" if self.release is None else f"release {self.release.number}"
        if self.release is None and self.all_releases and not self.is_publisher:
            self.view = "none"
        self._install_views()

    def _choose(self, wanted: int | None) -> Release | None:
        visible = self.releases()
        if wanted is not None:
            for release in visible:
                if release.number == wanted:
                    return release
            raise NotFound(f"no release {wanted} is visible", key="release")
        if self.is_publisher or not visible:
            return None
        return visible[-1]

    def releases(self) -> list[Release]:
        """The releases this reader may see: the published ones, or all for the publisher."""
        if self.is_publisher:
            return list(self.all_releases)
        return [r for r in self.all_releases if r.published(self.as_of)]

    def _install_views(self) -> None:
        """Shadow the tables with views of what this reader may see."""
        database = self.con.execute("SELECT current_database()").fetchall()[0][0]
        main = f'"{database}".main'
        if self.view == "none":
            for table in ("observations", "indicators", "sources"):
                self.con.execute(
                    f"CREATE TEMP VIEW {table} AS SELECT * FROM {main}.{table} WHERE FALSE"
                )
        elif self.release is not None:
            number = self.release.number
            self.con.execute(
                f"CREATE TEMP VIEW observations AS SELECT * FROM "
                f"{main}.release_observations WHERE release = '{number}'"
            )
            self.con.execute(
                f"CREATE TEMP VIEW indicators AS SELECT * EXCLUDE (release) FROM "
                f"{main}.release_indicators WHERE release = {number}"
            )
            self.con.execute(f"CREATE TEMP VIEW sources AS {self._release_sources(main, number)}")

    def _release_sources(self, main: str, number: int) -> str:
        """The sources of release ``number`` as it was made. A release made before sources
        were kept with it shows the sources its indicators name, without what a later build
        may have changed (content hash, schema hash, rows read, provenance, time read)."""
        frozen = has_table(self.con, RELEASE_SOURCES) and self.con.execute(
            f"SELECT count(*) FROM {main}.{RELEASE_SOURCES} WHERE release = ?", [number]
        ).fetchall()[0][0]
        if frozen:
            return (f"SELECT * EXCLUDE (release) FROM {main}.{RELEASE_SOURCES} "
                    f"WHERE release = {number}")
        unknown = ", ".join(f"NULL AS {c}" for c in BUILD_SOURCE_COLUMNS)
        return (
            f"SELECT * REPLACE ({unknown}) FROM {main}.sources WHERE id IN "
            f"(SELECT source FROM {main}.release_indicators WHERE release = {number})"
        )

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- catalogue ---------------------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT key, value FROM meta").fetchall())

    def dimensions(self) -> list[str]:
        names = [d[0] for d in self.con.execute("SELECT * FROM observations LIMIT 0").description]
        return [n for n in names if n not in FIXED_OBSERVATION_COLUMNS]

    def _records(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows as dicts, every result fetched in full."""
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _info(self, record: dict[str, Any]) -> IndicatorInfo:
        return IndicatorInfo(
            id=record["id"],
            titles={k: record[f"title_{k}"] for k in ("en", "ru", "kk") if record[f"title_{k}"]},
            unit=record["unit"],
            theme=record["theme"],
            source=record["source"],
            sdg=record["sdg"],
            sdmx_series=record["sdmx_series"],
            headline_area=record["headline_area"],
            kind=record["kind"],
            definition=json.loads(record["definition"]),
            definition_hash=record["definition_hash"],
            input_hash=record["input_hash"],
            tendik_version=record["tendik_version"],
            computed_at=record["computed_at"],
            dimensions=json.loads(record["dimensions"]),
            n_obs=record["n_obs"],
        )

    def indicators(self) -> list[IndicatorInfo]:
        return [self._info(r) for r in self._records("SELECT * FROM indicators ORDER BY theme, id")]

    def indicator(self, indicator_id: str) -> IndicatorInfo:
        rows = self._records("SELECT * FROM indicators WHERE id = ?", [indicator_id])
        if not rows:
            known = ", ".join(i.id for i in self.indicators())
            raise NotFound(f"no indicator '{indicator_id}' (known: {known})", key=indicator_id)
        return self._info(rows[0])

    def sources(self) -> list[dict[str, Any]]:
        return self._records("SELECT * FROM sources ORDER BY id")

    # --- observations ------------------------------------------------------------------------
    def observations(
        self,
        indicator_id: str,
        *,
        area: str | None = None,
        by: str | None = None,
        period: str | None = None,
    ) -> pa.Table:
        """Observations of one indicator: the totals, or the breakdown ``by`` one dimension."""
        sql, params = self._observations_sql(indicator_id, area=area, by=by, period=period)
        return self.con.sql(sql, params=params).to_arrow_table()

    def observation_records(
        self,
        indicator_id: str,
        *,
        area: str | None = None,
        by: str | None = None,
        period: str | None = None,
    ) -> list[dict[str, Any]]:
        """The same observations as ``observations``, as dicts (no Arrow needed)."""
        sql, params = self._observations_sql(indicator_id, area=area, by=by, period=period)
        return self._records(sql, params)

    def _observations_sql(
        self, indicator_id: str, *, area: str | None, by: str | None, period: str | None
    ) -> tuple[str, list[Any]]:
        info = self.indicator(indicator_id)
        dims = info.dimensions
        wanted = self.dimension(info, by) if by else None
        where = ["indicator = ?"]
        params: list[Any] = [indicator_id]
        for dim in dims:
            where.append(f'"{dim}" IS NOT NULL' if dim == wanted else f'"{dim}" IS NULL')
        if area is not None:
            where.append("REF_AREA = ?")
            params.append(area)
        if period is not None:
            where.append("TIME_PERIOD = ?")
            params.append(period)
        select = _select(*([wanted] if wanted else []))
        order = "REF_AREA, TIME_PERIOD" + (f', "{wanted}"' if wanted else "")
        sql = f"SELECT {select} FROM observations WHERE {' AND '.join(where)} ORDER BY {order}"
        return sql, params

    def dimension(self, info: IndicatorInfo, by: str) -> str:
        """The warehouse dimension a user means by ``by``: its name in any case (``age``), or
        the source column it comes from (``age_group``)."""
        for candidate in (by.upper(), dimension_name(by)):
            if candidate in info.dimensions:
                return candidate
        offered = ", ".join(d.lower() for d in info.dimensions) or "none"
        raise NotFound(f"indicator '{info.id}' has no breakdown '{by}' (offered: {offered})",
                       key="by")

    def areas(self, indicator_id: str) -> list[str]:
        rows = self.con.execute(
            "SELECT DISTINCT REF_AREA FROM observations WHERE indicator = ? ORDER BY 1",
            [indicator_id],
        ).fetchall()
        return [r[0] for r in rows]

    def all_observations(self, indicator_id: str) -> pa.Table:
        """Every observation of one indicator, totals and every breakdown (null = total)."""
        dims = self.indicator(indicator_id).dimensions
        select = _select(*dims)
        order = ", ".join(["REF_AREA", "TIME_PERIOD", *(f'"{d}" NULLS FIRST' for d in dims)])
        sql = f"SELECT {select} FROM observations WHERE indicator = ? ORDER BY {order}"
        return self.con.sql(sql, params=[indicator_id]).to_arrow_table()
