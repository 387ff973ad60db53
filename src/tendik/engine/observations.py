"""The shape of computed observations (SDMX-like), shared by every engine."""

from __future__ import annotations

import pyarrow as pa

from tendik.catalog.model import UNIT_CODES as UNIT_CODES  # the units' SDMX codes, re-exported

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


#: Columns a computed observation carries only until disclosure control has used them: for each
#: side of the cell (1, 2), the contributors it rests on and, for a magnitude, the sum of their
#: values and the largest two. They never reach the warehouse.
SIDE_COUNT = 2
SIDE_STATISTICS: tuple[str, ...] = ("n", "total", "top1", "top2")
SIDE_COLUMNS: tuple[str, ...] = tuple(
    f"_side{side}_{name}" for side in range(1, SIDE_COUNT + 1) for name in SIDE_STATISTICS
)


def side_column(side: int, name: str) -> str:
    """The internal column of one statistic of one side (1-based), e.g. ``_side2_n``."""
    return f"_side{side}_{name}"


def observation_schema(dimensions: list[str]) -> pa.Schema:
    fields = [pa.field(c, pa.string()) for c in KEY_COLUMNS]
    fields += [pa.field(d, pa.string()) for d in dimensions]
    return pa.schema(fields + list(VALUE_FIELDS))


def empty_observations(dimensions: list[str]) -> pa.Table:
    return observation_schema(dimensions).empty_table()
