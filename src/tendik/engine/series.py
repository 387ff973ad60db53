"""Series indicators: select a published series from a source table into observations."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from tendik.catalog.expressions import parse_expression, render
from tendik.catalog.model import Indicator, dimension_name
from tendik.errors import EngineError
from tendik.sources.spec import ROW_COLUMN, SERIES_COLUMNS


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def breakdown_columns(table: pa.Table) -> list[str]:
    """Columns of a series-shaped table that are breakdowns (after the fixed ones, before _row)."""
    fixed = {*SERIES_COLUMNS, ROW_COLUMN}
    return [c for c in table.column_names if c not in fixed]


def is_series_table(table: pa.Table) -> bool:
    """A table a series reader returned (wdi, unsdg, owid, opensdg), not a plain table that
    happens to have a SERIES column."""
    return set(SERIES_COLUMNS) <= set(table.column_names)


def _series_sql(indicator: Indicator, table: pa.Table, file: Path | None) -> tuple[str, list[str]]:
    selector = indicator.series
    assert selector is not None
    columns = set(table.column_names)
    where = ["OBS_VALUE IS NOT NULL"]
    if is_series_table(table):
        if not selector.code:
            raise EngineError(
                "a series indicator on this source needs 'series.code'",
                file=file,
                key="series.code",
            )
        where.append(f"SERIES = {_literal(selector.code)}")
        area, period, value = "REF_AREA", "TIME_PERIOD", "OBS_VALUE"
        dims = breakdown_columns(table)
        unit_sql = "UNIT_MEASURE"
        comment_sql = "COMMENT_OBS"
    else:
        missing = [k for k in ("area", "period", "value") if not getattr(selector, k)]
        if missing:
            code = (
                " (series.code picks a series in a wdi, unsdg, owid or opensdg source; a table "
                "picks its rows with series.where)"
                if selector.code
                else ""
            )
            raise EngineError(
                f"a series on a table source needs series.{missing[0]}{code}",
                file=file,
                key=f"series.{missing[0]}",
            )
        for key in ("area", "period", "value"):
            if getattr(selector, key) not in columns:
                raise EngineError(
                    f"column '{getattr(selector, key)}' is not in the source",
                    file=file,
                    key=f"series.{key}",
                )
        area, period, value = (
            _quote(selector.area),
            _quote(selector.period),
            _quote(selector.value),
        )
        where[0] = f"{value} IS NOT NULL"
        dims = []
        unit_sql = _literal(indicator.unit_code)
        comment_sql = "NULL"
    if selector.where:
        tree = parse_expression(selector.where, columns, file=file, key="series.where")
        where.append(f"({render(tree)})")
    area_sql = f"CAST({area} AS VARCHAR)"
    if selector.area_codes:
        cases = " ".join(
            f"WHEN {_literal(k)} THEN {_literal(v)}" for k, v in selector.area_codes.items()
        )
        area_sql = f"CASE {area_sql} {cases} ELSE {area_sql} END"
    dim_sql = "".join(
        f", CAST({_quote(d)} AS VARCHAR) AS {_quote(dimension_name(d))}" for d in dims
    )
    sql = (
        f"SELECT {area_sql} AS REF_AREA, CAST({period} AS VARCHAR) AS TIME_PERIOD{dim_sql}, "
        f"CAST({value} AS DOUBLE) AS OBS_VALUE, "
        f"COALESCE({unit_sql}, {_literal(indicator.unit_code)}) AS UNIT_MEASURE, "
        "CAST(NULL AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator, "
        f"'A' AS OBS_STATUS, CAST({comment_sql} AS VARCHAR) AS COMMENT_OBS "
        f"FROM source WHERE {' AND '.join(where)} ORDER BY 1, 2"
    )
    return sql, [dimension_name(d) for d in dims]


def _not_breaking_down(result: pa.Table, dims: list[str]) -> list[str]:
    """Breakdowns that do not break this series down: blank in every row (a column of the
    source's other series), or holding one code in every row (SEX = F in a women's share, the
    Category a ``where`` selected), which qualifies every value."""
    out = []
    for dim in dims:
        column = result.column(dim)
        blank = column.null_count == len(column)
        if blank or (column.null_count == 0 and pc.count_distinct(column).as_py() == 1):
            out.append(dim)
    return out


def compute_series(
    indicator: Indicator, table: pa.Table, *, file: Path | None = None
) -> tuple[pa.Table, list[str]]:
    """Observations of one series indicator, and the names of its breakdown dimensions.

    A breakdown that does not break the series down is left out (``_not_breaking_down``), so
    that the series has totals and no empty dimensions."""
    sql, dims = _series_sql(indicator, table, file)
    with duckdb.connect() as con:
        con.register("source", table)
        result = con.sql(sql).to_arrow_table()
    if result.num_rows == 0:
        code = indicator.series.code if indicator.series else None
        raise EngineError(
            f"the source holds no values for series '{code}'", file=file, key="series"
        )
    units = pc.unique(result.column("UNIT_MEASURE")).to_pylist()
    if len(units) > 1:
        shown = ", ".join(sorted(str(u) for u in units))
        raise EngineError(
            f"the series gives its values in {len(units)} units ({shown}): choose one with "
            f"series.where, e.g. \"UNIT_MEASURE = '{sorted(str(u) for u in units)[0]}'\"",
            file=file,
            key="series",
        )
    qualifiers = _not_breaking_down(result, dims)
    if qualifiers:
        result = result.drop_columns(qualifiers)
        dims = [d for d in dims if d not in qualifiers]
    return result, dims
