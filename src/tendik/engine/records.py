"""Run a records plan on DuckDB and read each indicator's observations out of the result."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from tendik.engine.observations import SIDE_COUNT, side_column
from tendik.engine.plan import IndicatorPlan, RecordsPlan, dimension_columns
from tendik.errors import EngineError


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def run_plan_duckdb(
    plan: RecordsPlan, relation_sql: str | None = None, table: pa.Table | None = None
) -> pa.Table:
    """Execute the grouping-sets query over an Arrow table (registered as ``source``) or a
    DuckDB relation expression such as ``read_parquet('...')``."""
    with duckdb.connect() as con:
        sql = plan.sql("duckdb")
        if table is not None:
            con.register("source", table)
        elif relation_sql is not None:
            sql = sql.replace("FROM source", f"FROM {relation_sql}", 1)
        return con.sql(sql).to_arrow_table()


def _value_sql(plan: IndicatorPlan) -> tuple[str, str]:
    """The OBS_VALUE expression and the condition a cell needs to have a value."""
    kind = plan.indicator.measure.kind if plan.indicator.measure else "share"
    num, den, val = plan.numerator, plan.denominator, plan.value
    if kind in ("count", "sum"):
        return f"CAST({num} AS DOUBLE)", "TRUE"
    if kind == "median":
        return f"CAST({val} AS DOUBLE)", f"{den} > 0"
    value = f"{plan.scale!r} * CAST({num} AS DOUBLE) / CAST({den} AS DOUBLE)"
    return value, f"{den} > 0 AND {num} IS NOT NULL"


def _sides_sql(item: IndicatorPlan) -> str:
    """The side columns (see ``SIDE_COLUMNS``): null where the measure has no such side."""
    if not item.sides or len(item.sides) > SIDE_COUNT:
        raise EngineError(
            f"the plan of indicator '{item.indicator.id}' does not say what its cells rest on"
        )
    out = []
    for number in range(1, SIDE_COUNT + 1):
        side = item.sides[number - 1] if number <= len(item.sides) else None
        values = {
            "n": side.contributors if side else None,
            "total": side.total if side else None,
            "top1": f"{side.top}[1]" if side and side.top else None,
            "top2": f"{side.top}[2]" if side and side.top else None,
        }
        for name, sql in values.items():
            out.append(f"CAST({sql or 'NULL'} AS DOUBLE) AS {side_column(number, name)}")
    return ", " + ", ".join(out)


def indicator_observations(
    plan: RecordsPlan,
    item: IndicatorPlan,
    cube: pa.Table,
    area: str,
    *,
    con: duckdb.DuckDBPyConnection | None = None,
) -> tuple[pa.Table, list[str]]:
    """One indicator's cells out of the shared result, in the observation shape."""
    width = len(plan.group_columns)
    dims = []
    dim_sql = []
    for column, dimension in dimension_columns(item):
        bit = 1 << (width - 1 - plan.group_columns.index(column))
        dim_sql.append(
            f"CASE WHEN (_gid & {bit}) = 0 THEN COALESCE(CAST({_q(column)} AS VARCHAR), '_U') "
            f"END AS {_q(dimension)}"
        )
        dims.append(dimension)
    value, has_value = _value_sql(item)
    numerator = f"CAST({item.numerator} AS DOUBLE)" if item.numerator else "CAST(NULL AS DOUBLE)"
    denominator = (
        f"CAST({item.denominator} AS DOUBLE)" if item.denominator else "CAST(NULL AS DOUBLE)"
    )
    unit = item.indicator.unit_code
    ids = ", ".join(str(g) for g in item.grouping_ids)
    sql = (
        f"SELECT '{area}' AS REF_AREA, CAST({item.period_alias} AS VARCHAR) AS TIME_PERIOD"
        + "".join(f", {d}" for d in dim_sql)
        + f", {value} AS OBS_VALUE, '{unit}' AS UNIT_MEASURE, {numerator} AS numerator, "
        f"{denominator} AS denominator, 'A' AS OBS_STATUS, CAST(NULL AS VARCHAR) AS COMMENT_OBS"
        + _sides_sql(item)
        + " "
        f"FROM cube WHERE _gid IN ({ids}) AND {has_value} ORDER BY ALL"
    )
    if con is not None:
        return con.sql(sql).to_arrow_table(), dims
    with duckdb.connect() as own:
        own.register("cube", cube)
        return own.sql(sql).to_arrow_table(), dims


def all_indicator_observations(
    plan: RecordsPlan, cube: pa.Table, area: str
) -> list[tuple[IndicatorPlan, pa.Table, list[str]]]:
    """Every indicator's cells out of one result, on one connection."""
    with duckdb.connect() as con:
        con.register("cube", cube)
        return [
            (item, *indicator_observations(plan, item, cube, area, con=con))
            for item in plan.indicators
        ]
