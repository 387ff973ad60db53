"""Write a build into the warehouse atomically: a copy is changed, then renamed over the old file.

A build that stops halfway (an error, Ctrl-C, the process killed) leaves the previous warehouse
exactly as it was; the half-written copy is removed by the next build.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from tendik import __version__
from tendik.store.schema import ADDED_COLUMNS, FIXED_OBSERVATION_COLUMNS, SCHEMA_VERSION, TABLES

TEMP_PREFIX = ".building-"


@dataclass
class IndicatorResult:
    """A freshly computed indicator, ready to be written."""

    id: str
    row: dict[str, object]  # the indicators-table row
    observations: pa.Table  # observation-shaped, dims included
    dimensions: list[str]


@dataclass
class SourceRow:
    row: dict[str, object]


@dataclass
class BuildChanges:
    started_at: datetime
    computed: list[IndicatorResult] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)
    removed_sources: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.computed or self.removed or self.sources or self.removed_sources)


def temp_path_for(path: Path) -> Path:
    return path.with_name(f"{TEMP_PREFIX}{os.getpid()}-{path.name}")


def remove_stale_temps(path: Path) -> None:
    """Half-written copies left by builds that were killed."""
    for stale in path.parent.glob(f"{TEMP_PREFIX}*-{path.name}*"):
        stale.unlink(missing_ok=True)


def _upsert(con: duckdb.DuckDBPyConnection, table: str, rows: Iterable[dict[str, object]]) -> None:
    for row in rows:
        columns = list(row)
        values = [json.dumps(v) if isinstance(v, dict | list) else v for v in row.values()]
        con.execute(f"DELETE FROM {table} WHERE id = ?", [row["id"]])
        placeholders = ", ".join("?" for _ in columns)
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})", values)


def _ensure_dimensions(con: duckdb.DuckDBPyConnection, dims: Iterable[str]) -> None:
    existing = {
        r[0]
        for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'observations'"
        ).fetchall()
    }
    for dim in dims:
        if dim not in existing and dim not in FIXED_OBSERVATION_COLUMNS:
            con.execute(f'ALTER TABLE observations ADD COLUMN "{dim}" VARCHAR')


def _insert_observations(
    con: duckdb.DuckDBPyConnection, result: IndicatorResult, provenance: dict[str, object]
) -> None:
    con.register("incoming", result.observations)
    extra = ", ".join(f"? AS {k}" for k in provenance)
    con.execute(
        f"INSERT INTO observations BY NAME SELECT *, ? AS indicator, {extra} FROM incoming",
        [result.id, *provenance.values()],
    )
    con.unregister("incoming")


def apply_changes(con: duckdb.DuckDBPyConnection, changes: BuildChanges) -> None:
    for ddl in TABLES.values():
        con.execute(ddl)
    for table, column, kind in ADDED_COLUMNS:
        con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {kind}")
    for source_id in changes.removed_sources:
        con.execute("DELETE FROM sources WHERE id = ?", [source_id])
    _upsert(con, "sources", (s.row for s in changes.sources))
    for indicator_id in [*changes.removed, *(r.id for r in changes.computed)]:
        con.execute("DELETE FROM observations WHERE indicator = ?", [indicator_id])
        con.execute("DELETE FROM indicators WHERE id = ?", [indicator_id])
    _ensure_dimensions(con, {d for r in changes.computed for d in r.dimensions})
    for result in changes.computed:
        _insert_observations(
            con,
            result,
            {
                "source": result.row["source"],
                "input_hash": result.row["input_hash"],
                "definition_hash": result.row["definition_hash"],
                "tendik_version": __version__,
                "computed_at": result.row["computed_at"],
            },
        )
        _upsert(con, "indicators", [result.row])
    meta = {"schema_version": SCHEMA_VERSION, "tendik_version": __version__, **changes.meta}
    for key, value in meta.items():
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])
    build_id = con.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM builds").fetchall()[0][0]
    con.execute(
        "INSERT INTO builds VALUES (?, ?, ?, ?, ?, ?)",
        [
            build_id,
            changes.started_at,
            datetime.now(),
            __version__,
            json.dumps([r.id for r in changes.computed]),
            json.dumps([s.row["id"] for s in changes.sources]),
        ],
    )


def write_warehouse(path: Path, changes: BuildChanges) -> None:
    """Apply a build's changes to a copy of the warehouse and swap it in atomically."""
    modify_warehouse(path, lambda con: apply_changes(con, changes))


def modify_warehouse(path: Path, change: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
    """Run ``change`` on a copy of the warehouse in one transaction, then swap the copy in.

    If ``change`` raises, or the process stops, the warehouse is exactly as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path)
    temp = temp_path_for(path)
    try:
        if path.exists():
            shutil.copy2(path, temp)
        with duckdb.connect(str(temp)) as con:
            con.execute("BEGIN TRANSACTION")
            change(con)
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        wal = temp.with_name(temp.name + ".wal")
        if wal.exists():  # pragma: no cover - CHECKPOINT folds the log into the file
            wal.unlink()
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
