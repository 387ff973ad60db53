"""Tables of the warehouse (one DuckDB file)."""

from __future__ import annotations

SCHEMA_VERSION = "1"

TABLES: dict[str, str] = {
    "meta": "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    "sources": """
        CREATE TABLE IF NOT EXISTS sources (
            id VARCHAR PRIMARY KEY,   -- the source's id in tendik.toml
            path VARCHAR, format VARCHAR, title VARCHAR, description VARCHAR, publisher VARCHAR,
            licence VARCHAR, synthetic BOOLEAN,
            content_hash VARCHAR,     -- sha256 of the file's bytes
            spec_hash VARCHAR,        -- sha256 of the declared schema
            n_rows BIGINT, provenance VARCHAR, read_at TIMESTAMP)""",
    "indicators": """
        CREATE TABLE IF NOT EXISTS indicators (
            id VARCHAR PRIMARY KEY, title_en VARCHAR, title_ru VARCHAR, title_kk VARCHAR,
            unit VARCHAR, theme VARCHAR, source VARCHAR, sdg VARCHAR, sdmx_series VARCHAR,
            headline_area VARCHAR, kind VARCHAR, definition JSON, definition_hash VARCHAR,
            input_hash VARCHAR, tendik_version VARCHAR, computed_at TIMESTAMP,
            dimensions JSON, n_obs BIGINT, suppressed_primary BIGINT,
            suppressed_complementary BIGINT)""",
    "observations": """
        CREATE TABLE IF NOT EXISTS observations (
            indicator VARCHAR NOT NULL, REF_AREA VARCHAR NOT NULL, TIME_PERIOD VARCHAR NOT NULL,
            OBS_VALUE DOUBLE, UNIT_MEASURE VARCHAR, numerator DOUBLE, denominator DOUBLE,
            OBS_STATUS VARCHAR, COMMENT_OBS VARCHAR, source VARCHAR, release VARCHAR,
            input_hash VARCHAR, definition_hash VARCHAR, tendik_version VARCHAR,
            computed_at TIMESTAMP)""",
    "builds": """
        CREATE TABLE IF NOT EXISTS builds (
            id INTEGER PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP,
            tendik_version VARCHAR, recomputed JSON, sources_read JSON)""",
}

# Columns added after the first schema: (table, column, type), added to older warehouses.
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("indicators", "suppressed_primary", "BIGINT"),
    ("indicators", "suppressed_complementary", "BIGINT"),
)

# What a reader gets of each observation, after its key and its breakdown dimensions.
OBSERVATION_FIELDS: tuple[str, ...] = (
    "OBS_VALUE",
    "UNIT_MEASURE",
    "numerator",
    "denominator",
    "OBS_STATUS",
    "COMMENT_OBS",
    "source",
    "input_hash",
    "definition_hash",
    "tendik_version",
    "computed_at",
)

# Columns of ``observations`` that are not breakdown dimensions.
FIXED_OBSERVATION_COLUMNS: frozenset[str] = frozenset(
    {"indicator", "REF_AREA", "TIME_PERIOD", "release", *OBSERVATION_FIELDS}
)
