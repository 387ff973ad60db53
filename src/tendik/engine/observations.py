"""The shape of computed observations (SDMX-like), shared by every engine."""

from __future__ import annotations

import pyarrow as pa

UNIT_CODES: dict[str, str] = {
    "percent": "PT",
    "count": "NUMBER",
    "ratio": "RATIO",
    "tenge": "KZT",
    "years": "YR",
    "number": "NUMBER",
}

# Columns before the breakdown dimensions, and after them; dimensions are VARCHAR, null = total.
KEY_COLUMNS: tuple[str, ...] = ("REF_AREA", "TIME_PERIOD")
VALUE_FIELDS: tuple[pa.Field, ...] = (
    pa.field("OBS_VALUE", pa.float64()),
    pa.field("UNIT_MEASURE", pa.string()),
    pa.field("numerator", pa.float64()),
    pa.field("denominator", pa.float64()),
    pa.field("OBS_STATUS", pa.string()),  # A normal, P provisional, E estimated, C confidential
    pa.field("COMMENT_OBS", pa.string()),
)


def observation_schema(dimensions: list[str]) -> pa.Schema:
    fields = [pa.field(c, pa.string()) for c in KEY_COLUMNS]
    fields += [pa.field(d, pa.string()) for d in dimensions]
    return pa.schema(fields + list(VALUE_FIELDS))


def empty_observations(dimensions: list[str]) -> pa.Table:
    return observation_schema(dimensions).empty_table()
