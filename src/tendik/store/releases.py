"""Releases: the warehouse frozen as a numbered release with a publication time (an embargo).

A release copies the current observations, catalogue and sources into ``release_observations``,
``release_indicators`` and ``release_sources`` under a new number, with the time it becomes
public and a content hash.
Before that time only the publisher (who holds the key) sees it; after it, everyone. Releases are
never changed: a later release supersedes an earlier one. The publisher's key is set by the first
release; only its SHA-256 is stored.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from tendik.errors import WarehouseError
from tendik.store.schema import FIXED_OBSERVATION_COLUMNS

KEY_META = "publisher_key_sha256"
RELEASE_SOURCES = "release_sources"
RELEASE_TABLES = {
    "releases": """
        CREATE TABLE IF NOT EXISTS releases (
            number INTEGER PRIMARY KEY, created_at TIMESTAMP, publish_at TIMESTAMP,
            content_hash VARCHAR, n_obs BIGINT, note VARCHAR)""",
}


class ReleaseError(WarehouseError):
    type = "release-error"


class ReleaseLocked(ReleaseError):
    """A published release cannot change."""

    type = "release-published"


class BadPublisherKey(ReleaseError):
    type = "bad-publisher-key"


def utcnow() -> datetime:
    """The current time, UTC, without tzinfo (as stored in the warehouse)."""
    return datetime.now(UTC).replace(tzinfo=None)


def as_utc(moment: datetime) -> datetime:
    """A naive UTC datetime from an aware one (naive ones are taken as UTC)."""
    if moment.tzinfo is not None:
        return moment.astimezone(UTC).replace(tzinfo=None)
    return moment


@dataclass(frozen=True)
class Release:
    number: int
    created_at: datetime
    publish_at: datetime
    content_hash: str
    n_obs: int
    note: str | None

    def published(self, now: datetime | None = None) -> bool:
        return as_utc(now or utcnow()) >= self.publish_at

    def to_dict(self, now: datetime | None = None) -> dict[str, Any]:
        return {
            "number": self.number,
            "created_at": self.created_at.isoformat(),
            "publish_at": self.publish_at.isoformat() + "Z",
            "published": self.published(now),
            "content_hash": self.content_hash,
            "n_obs": self.n_obs,
            "note": self.note,
        }


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    rows = con.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_name = ? AND table_catalog = "
        "current_database()",
        [name],
    ).fetchall()
    return bool(rows)


def read_releases(con: duckdb.DuckDBPyConnection) -> list[Release]:
    if not has_table(con, "releases"):
        return []
    rows = con.execute(
        "SELECT number, created_at, publish_at, content_hash, n_obs, note FROM releases "
        "ORDER BY number"
    ).fetchall()
    return [Release(*row) for row in rows]


def stored_key_hash(con: duckdb.DuckDBPyConnection) -> str | None:
    if not has_table(con, "meta"):
        return None
    rows = con.execute("SELECT value FROM meta WHERE key = ?", [KEY_META]).fetchall()
    return rows[0][0] if rows else None


def key_is_valid(con: duckdb.DuckDBPyConnection, key: str | None) -> bool:
    stored = stored_key_hash(con)
    return key is not None and stored is not None and key_hash(key) == stored


def _check_key(con: duckdb.DuckDBPyConnection, key: str | None, path: Path) -> None:
    if not key:
        raise BadPublisherKey(
            "the publisher's key is needed (--key or TENDIK_PUBLISHER_KEY)", file=path
        )
    stored = stored_key_hash(con)
    if stored is None:
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [KEY_META, key_hash(key)])
    elif stored != key_hash(key):
        raise BadPublisherKey("the publisher's key does not match this warehouse", file=path)


def _observation_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
        "AND table_catalog = current_database() ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [r[0] for r in rows]


def release_hash(con: duckdb.DuckDBPyConnection, number: int) -> str:
    """A content hash of a release's observations, independent of row order."""
    dims = [
        c
        for c in _observation_columns(con, "release_observations")
        if c not in FIXED_OBSERVATION_COLUMNS
    ]
    fields = ["indicator", "REF_AREA", "TIME_PERIOD", *dims, "OBS_VALUE", "OBS_STATUS"]
    row_text = " || '|' || ".join(f"COALESCE(CAST(\"{f}\" AS VARCHAR), '')" for f in fields)
    digest = con.execute(
        f"SELECT COALESCE(string_agg(md5({row_text}), ',' ORDER BY md5({row_text})), '') "
        "FROM release_observations WHERE release = ?",
        [str(number)],
    ).fetchall()[0][0]
    return hashlib.sha256(digest.encode()).hexdigest()


def _freeze(con: duckdb.DuckDBPyConnection, number: int) -> None:
    if not has_table(con, "release_observations"):
        con.execute("CREATE TABLE release_observations AS SELECT * FROM observations LIMIT 0")
        con.execute(
            "CREATE TABLE release_indicators AS "
            "SELECT *, CAST(NULL AS INTEGER) AS release FROM indicators LIMIT 0"
        )
    existing = set(_observation_columns(con, "release_observations"))
    for column in _observation_columns(con, "observations"):
        if column not in existing:
            con.execute(f'ALTER TABLE release_observations ADD COLUMN "{column}" VARCHAR')
    con.execute(
        "INSERT INTO release_observations BY NAME "
        "SELECT * REPLACE (CAST(? AS VARCHAR) AS release) FROM observations",
        [str(number)],
    )
    con.execute(
        "INSERT INTO release_indicators BY NAME SELECT *, ? AS release FROM indicators", [number]
    )
    _freeze_sources(con, number)


def _freeze_sources(con: duckdb.DuckDBPyConnection, number: int) -> None:
    """The sources as the release was made from them (hashes, rows read, provenance), so that
    a reader of the release sees those and nothing of a later build."""
    if not has_table(con, RELEASE_SOURCES):
        con.execute(
            f"CREATE TABLE {RELEASE_SOURCES} AS "
            "SELECT *, CAST(NULL AS INTEGER) AS release FROM sources LIMIT 0"
        )
    existing = set(_observation_columns(con, RELEASE_SOURCES))
    types = dict(
        con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = 'sources' AND table_catalog = current_database()"
        ).fetchall()
    )
    for column, kind in types.items():
        if column not in existing:
            con.execute(f'ALTER TABLE {RELEASE_SOURCES} ADD COLUMN "{column}" {kind}')
    con.execute(
        f"INSERT INTO {RELEASE_SOURCES} BY NAME SELECT *, ? AS release FROM sources", [number]
    )


def create_release(
    path: Path, publish_at: datetime, key: str | None, note: str | None = None
) -> Release:
    """Freeze the current warehouse as the next numbered release, public from ``publish_at``."""
    if not path.is_file():
        raise ReleaseError("no warehouse here yet: run 'tendik build' first", file=path)
    created: list[Release] = []

    def change(con: duckdb.DuckDBPyConnection) -> None:
        for ddl in RELEASE_TABLES.values():
            con.execute(ddl)
        _check_key(con, key, path)
        number = con.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM releases").fetchall()[0][0]
        _freeze(con, number)
        n_obs = con.execute(
            "SELECT COUNT(*) FROM release_observations WHERE release = ?", [str(number)]
        ).fetchall()[0][0]
        release = Release(
            number, utcnow(), as_utc(publish_at), release_hash(con, number), n_obs, note
        )
        con.execute(
            "INSERT INTO releases VALUES (?, ?, ?, ?, ?, ?)",
            [
                release.number,
                release.created_at,
                release.publish_at,
                release.content_hash,
                release.n_obs,
                release.note,
            ],
        )
        created.append(release)

    from tendik.store.write import modify_warehouse  # the writer (and Arrow) only to write

    modify_warehouse(path, change)
    return created[0]


def list_releases(path: Path) -> list[Release]:
    with duckdb.connect(str(path), read_only=True) as con:
        return read_releases(con)


def reschedule_release(path: Path, number: int, publish_at: datetime, key: str | None) -> Release:
    """Move a release's publication time; refused once it is published."""
    changed: list[Release] = []

    def change(con: duckdb.DuckDBPyConnection) -> None:
        _check_key(con, key, path)
        releases = {r.number: r for r in read_releases(con)}
        if number not in releases:
            raise ReleaseError(f"no release {number}", file=path, key=str(number))
        release = releases[number]
        if release.published():
            raise ReleaseLocked(
                f"release {number} was published at {release.publish_at:%Y-%m-%d %H:%M} UTC "
                "and cannot change; make a new release to supersede it",
                file=path,
                key=str(number),
            )
        con.execute(
            "UPDATE releases SET publish_at = ? WHERE number = ?", [as_utc(publish_at), number]
        )
        changed.append(
            Release(
                number,
                release.created_at,
                as_utc(publish_at),
                release.content_hash,
                release.n_obs,
                release.note,
            )
        )

    from tendik.store.write import modify_warehouse  # the writer (and Arrow) only to write

    modify_warehouse(path, change)
    return changed[0]


def verify_release(path: Path, number: int) -> bool:
    """Whether a release's observations still hash to what was recorded when it was made."""
    with duckdb.connect(str(path), read_only=True) as con:
        releases = {r.number: r for r in read_releases(con)}
        if number not in releases:
            raise ReleaseError(f"no release {number}", file=path, key=str(number))
        return release_hash(con, number) == releases[number].content_hash


@dataclass(frozen=True)
class Revision:
    """One value that differs between two releases."""

    kind: str  # "revised", "added" or "removed"
    indicator: str
    ref_area: str
    time_period: str
    dimensions: dict[str, str]
    old: float | None
    new: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "indicator": self.indicator,
            "REF_AREA": self.ref_area,
            "TIME_PERIOD": self.time_period,
            **self.dimensions,
            "old": self.old,
            "new": self.new,
        }


def diff_releases(path: Path, first: int, second: int, key: str | None = None) -> list[Revision]:
    """Values revised, added or removed from release ``first`` to release ``second``.

    Embargoed releases can be compared only by the publisher.
    """
    with duckdb.connect(str(path), read_only=True) as con:
        releases = {r.number: r for r in read_releases(con)}
        publisher = key_is_valid(con, key)
        for number in (first, second):
            if number not in releases:
                raise ReleaseError(f"no release {number}", file=path, key=str(number))
            if not publisher and not releases[number].published():
                raise ReleaseError(f"release {number} is under embargo", file=path, key=str(number))
        dims = [
            c
            for c in _observation_columns(con, "release_observations")
            if c not in FIXED_OBSERVATION_COLUMNS
        ]
        keys = ["indicator", "REF_AREA", "TIME_PERIOD", *dims]
        join = " AND ".join(f'a."{k}" IS NOT DISTINCT FROM b."{k}"' for k in keys)
        select = ", ".join(f'COALESCE(a."{k}", b."{k}") AS "{k}"' for k in keys)
        rows = con.execute(
            f"""
            WITH a AS (SELECT * FROM release_observations WHERE release = ?),
                 b AS (SELECT * FROM release_observations WHERE release = ?)
            SELECT {select}, a.OBS_VALUE, b.OBS_VALUE, a.indicator IS NULL, b.indicator IS NULL
            FROM a FULL OUTER JOIN b ON {join}
            WHERE a.indicator IS NULL OR b.indicator IS NULL
               OR a.OBS_VALUE IS DISTINCT FROM b.OBS_VALUE
               OR a.OBS_STATUS IS DISTINCT FROM b.OBS_STATUS
            ORDER BY ALL
            """,
            [str(first), str(second)],
        ).fetchall()
    out = []
    width = len(keys)
    for row in rows:
        values = dict(zip(keys, row[:width], strict=True))
        old, new, added, removed = row[width:]
        kind = "added" if added else "removed" if removed else "revised"
        out.append(
            Revision(
                kind=kind,
                indicator=values["indicator"],
                ref_area=values["REF_AREA"],
                time_period=values["TIME_PERIOD"],
                dimensions={d: values[d] for d in dims if values[d] is not None},
                old=old,
                new=new,
            )
        )
    return out
