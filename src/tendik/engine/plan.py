"""Records indicators on one source -> one GROUPING SETS query, built with sqlglot.

Every indicator on a source, with every breakdown it asks for, becomes one scan of the source:
conditional aggregates (``FILTER (WHERE ...)``) for each indicator's numerator and denominator,
grouped by the union of all the indicators' grouping sets. Each result row carries
``GROUPING_ID(...)`` so that each indicator takes exactly the cells of its own sets. Subtotals
agree with totals by construction: they come from the same aggregation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import sqlglot
from sqlglot import exp

from tendik.catalog.expressions import parse_expression, render
from tendik.catalog.model import Aggregate, Indicator, Measure, dimension_name
from tendik.errors import EngineError

DIALECTS = ("duckdb", "spark")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class SidePlan:
    """What one side of a cell rests on: its contributors and, for money, their largest values.

    A share has two sides (those who meet the condition, and the others); a ratio has its
    numerator's records and its denominator's; a count, sum, mean or median has one.
    ``contributors`` is an expression over the result's aliases (the records on that side);
    ``total`` and ``top`` are set for a magnitude (sum, mean, median): the sum of the values and
    their two largest, for the dominance rule.
    """

    contributors: str
    total: str | None = None
    top: str | None = None


@dataclass
class IndicatorPlan:
    """How one indicator reads its cells out of the shared grouping-sets result."""

    indicator: Indicator
    period_alias: str
    breakdown_columns: list[str]  # source columns this indicator breaks down by (union of its sets)
    grouping_ids: list[int]  # GROUPING_ID values of this indicator's sets
    numerator: str | None  # alias of the numerator aggregate in the result
    denominator: str | None
    value: str | None  # alias of an aggregate that is the value itself (median)
    scale: float = 1.0
    sides: tuple[SidePlan, ...] = ()  # what each side of a cell rests on, for disclosure control


@dataclass
class RecordsPlan:
    source_id: str
    tree: exp.Expression
    group_columns: list[str]  # the GROUPING_ID argument order
    indicators: list[IndicatorPlan] = field(default_factory=list)

    def sql(self, dialect: str = "duckdb") -> str:
        return self.tree.sql(dialect=dialect)


#: the two largest values of a column in a group, as a list (DuckDB and Spark 3.3+ alike)
TOP_VALUES = 2


class _Builder:
    """Accumulates aggregates and grouping sets for one source."""

    def __init__(self, columns: dict[str, pa.DataType], files: dict[str, Path]) -> None:
        self.columns = columns
        self.files = files
        self.aggregates: list[str] = []
        self.seen: dict[str, str] = {}  # aggregate SQL -> alias
        self.flags: dict[str, str] = {}  # condition SQL -> alias of its 0/1 column
        self.periods: dict[tuple[str, str], str] = {}  # (source column, format) -> alias
        self.sets: list[tuple[str, ...]] = []

    def condition(self, indicator: Indicator, key: str, sql: str | None) -> str | None:
        if not sql or sql.strip().lower() == "true":
            return None
        tree = parse_expression(sql, set(self.columns), file=self.files.get(indicator.id), key=key)
        return f"({render(tree)})"

    def column(self, indicator: Indicator, key: str, name: str) -> str:
        if name not in self.columns:
            known = ", ".join(sorted(self.columns))
            raise EngineError(
                f"unknown column '{name}' (known: {known})",
                file=self.files.get(indicator.id),
                key=key,
            )
        return _q(name)

    def flag(self, *conditions: str | None) -> str | None:
        """A 0/1 column computed once per record for the conjunction of ``conditions``.

        Counting with ``SUM`` over a flag is much faster than ``COUNT(*) FILTER (WHERE ...)``,
        which evaluates its condition again for every grouping set.
        """
        where = " AND ".join(c for c in conditions if c)
        if not where:
            return None
        if where not in self.flags:
            self.flags[where] = f"_flag{len(self.flags)}"
        return self.flags[where]

    def flag_select(self) -> list[str]:
        return [f"CAST(COALESCE({where}, FALSE) AS INTEGER) AS {alias}"
                for where, alias in self.flags.items()]

    def add(self, alias: str, function: str, *conditions: str | None) -> str:
        """Add an aggregate, or reuse the alias of the same aggregate added before."""
        flag = self.flag(*conditions)
        if flag is None:
            text = function
        elif function == "COUNT(*)":
            text = f"CAST(SUM({flag}) AS BIGINT)"
        else:
            text = f"{function} FILTER (WHERE {flag} = 1)"
        if text in self.seen:
            return self.seen[text]
        self.seen[text] = alias
        self.aggregates.append(f"{text} AS {alias}")
        return alias

    def period(self, indicator: Indicator) -> str:
        column = indicator.period or ""
        self.column(indicator, "period", column)
        key = (column, indicator.period_format)
        if key not in self.periods:
            self.periods[key] = f"_period{len(self.periods)}"
        return self.periods[key]

    def period_select(self) -> list[str]:
        """The period columns, kept in a type that groups fast (a year as an integer, not text);
        they become TIME_PERIOD text only when each indicator's cells are read out."""
        out = []
        for (column, period_format), alias in self.periods.items():
            kind = self.columns[column]
            if pa.types.is_date(kind) or pa.types.is_timestamp(kind):
                text = (
                    f"CAST({_q(column)} AS DATE)"
                    if period_format == "date"
                    else f"YEAR({_q(column)})"
                )
            else:
                text = _q(column)
            out.append(f"{text} AS {alias}")
        return out


def _aggregate_sql(builder: _Builder, indicator: Indicator, aggregate: Aggregate, key: str) -> str:
    if aggregate.agg == "count":
        return "COUNT(*)"
    if not aggregate.column:
        raise EngineError(
            f"a '{aggregate.agg}' needs a column", file=builder.files.get(indicator.id), key=key
        )
    column = builder.column(indicator, f"{key}.column", aggregate.column)
    if aggregate.agg == "median":  # interpolated, DOUBLE, on DuckDB and Spark alike
        return f"MEDIAN({column})"
    function = {"sum": "SUM", "mean": "AVG"}[aggregate.agg]
    return f"{function}(CAST({column} AS DOUBLE))"


def _magnitude(builder: _Builder, alias: str, column: str, *conditions: str | None) -> SidePlan:
    """The records with a value of ``column``, the sum of their values and the two largest."""
    present = f"({column} IS NOT NULL)"
    value = f"CAST({column} AS DOUBLE)"
    return SidePlan(
        contributors=builder.add(f"{alias}_n", "COUNT(*)", *conditions, present),
        total=builder.add(f"{alias}_sum", f"SUM({value})", *conditions),
        top=builder.add(f"{alias}_top", f"MAX_BY({value}, {value}, {TOP_VALUES})",
                        *conditions, present),
    )


def _measure(
    builder: _Builder, n: int, indicator: Indicator, measure: Measure
) -> tuple[dict[str, str | None], tuple[SidePlan, ...]]:
    """Aliases of the aggregates an indicator needs, added to the builder, and its sides."""
    among = builder.condition(indicator, "measure.among", measure.among)
    kind = measure.kind
    out: dict[str, str | None] = {"numerator": None, "denominator": None, "value": None}
    sides: tuple[SidePlan, ...]
    if kind == "share":
        share = builder.condition(indicator, "measure.share", measure.share)
        out["numerator"] = numerator = builder.add(f"_i{n}_num", "COUNT(*)", among, share)
        out["denominator"] = denominator = builder.add(f"_i{n}_den", "COUNT(*)", among)
        sides = (SidePlan(numerator), SidePlan(f"({denominator} - {numerator})"))
    elif kind == "count":
        condition = builder.condition(indicator, "measure.count", measure.count)
        out["numerator"] = numerator = builder.add(f"_i{n}_num", "COUNT(*)", among, condition)
        sides = (SidePlan(numerator),)
    elif kind in ("sum", "mean", "median"):
        column = builder.column(indicator, f"measure.{kind}", getattr(measure, kind))
        present = f"({column} IS NOT NULL)"
        side = _magnitude(builder, f"_i{n}", column, among)
        if kind == "median":
            out["value"] = builder.add(f"_i{n}_val", f"MEDIAN({column})", among)
        else:
            out["numerator"] = builder.add(f"_i{n}_num", f"SUM(CAST({column} AS DOUBLE))", among)
        out["denominator"] = builder.add(f"_i{n}_den", "COUNT(*)", among, present)
        sides = (side,)
    else:
        assert measure.ratio is not None
        found = []
        for side, aggregate in zip(("numerator", "denominator"), measure.ratio, strict=True):
            key = f"measure.ratio.{0 if side == 'numerator' else 1}"
            where = builder.condition(indicator, f"{key}.where", aggregate.where)
            function = _aggregate_sql(builder, indicator, aggregate, key)
            out[side] = alias = builder.add(f"_i{n}_{side[:3]}", function, among, where)
            if aggregate.agg == "count":
                found.append(SidePlan(alias))
            else:
                column = builder.column(indicator, f"{key}.column", aggregate.column or "")
                found.append(_magnitude(builder, f"_i{n}_{side[:3]}", column, among, where))
        sides = tuple(found)
    return out, sides


def _grouping_id(group_columns: list[str], grouped: tuple[str, ...]) -> int:
    width = len(group_columns)
    return sum(1 << (width - 1 - i) for i, c in enumerate(group_columns) if c not in grouped)


def build_records_plan(
    source_id: str,
    indicators: list[Indicator],
    columns: dict[str, pa.DataType],
    *,
    files: dict[str, Path] | None = None,
    relation: str = "source",
) -> RecordsPlan:
    """One GROUPING SETS query computing every records indicator on a source."""
    builder = _Builder(columns, files or {})
    measures: list[
        tuple[Indicator, str, list[tuple[str, ...]], dict[str, str | None], tuple[SidePlan, ...]]
    ] = []
    for n, indicator in enumerate(indicators):
        assert indicator.measure is not None
        alias = builder.period(indicator)
        sets: list[tuple[str, ...]] = [(alias,)]
        for position, breakdown in enumerate(indicator.breakdowns):
            for column in breakdown.columns:
                builder.column(indicator, f"breakdowns.{position}", column)
            sets.append((alias, *breakdown.columns))
        aliases, sides = _measure(builder, n, indicator, indicator.measure)
        measures.append((indicator, alias, sets, aliases, sides))
        builder.sets.extend(s for s in sets if s not in builder.sets)

    # The GROUPING_ID argument order is the order of first appearance in the sets, which is
    # what Spark requires (DuckDB accepts any order).
    group_columns = list(dict.fromkeys(c for s in builder.sets for c in s))
    breakdown_columns = [c for c in group_columns if c not in builder.periods.values()]
    grouping = ", ".join(_q(c) if c in breakdown_columns else c for c in group_columns)
    sets_sql = ", ".join(
        "(" + ", ".join(_q(c) if c in breakdown_columns else c for c in s) + ")"
        for s in builder.sets
    )
    inner = ", ".join(["*", *builder.period_select(), *builder.flag_select()])
    select = ", ".join([grouping, f"GROUPING_ID({grouping}) AS _gid", *builder.aggregates])
    sql = (
        f"SELECT {select} FROM (SELECT {inner} FROM {relation}) AS records "
        f"GROUP BY GROUPING SETS ({sets_sql})"
    )
    try:
        tree = _portable(sqlglot.parse_one(sql, read="duckdb"))
    except sqlglot.errors.ParseError as error:  # pragma: no cover - the builder writes valid SQL
        raise EngineError(f"could not plan source '{source_id}': {error}") from None

    plan = RecordsPlan(source_id=source_id, tree=tree, group_columns=group_columns)
    for indicator, alias, sets, aliases, sides in measures:
        unit_scale = 100.0 if indicator.unit == "percent" else 1.0
        plan.indicators.append(
            IndicatorPlan(
                indicator=indicator,
                period_alias=alias,
                breakdown_columns=sorted({c for s in sets for c in s[1:]}),
                grouping_ids=[_grouping_id(group_columns, s) for s in sets],
                numerator=aliases["numerator"],
                denominator=aliases["denominator"],
                value=aliases["value"],
                scale=unit_scale,
                sides=sides,
            )
        )
    return plan


def _portable(tree: exp.Expression) -> exp.Expression:
    """The tree with ``MAX_BY(x, y, n)`` kept as written: DuckDB and Spark both take the third
    argument (the n largest, as a list), which sqlglot would drop when writing Spark SQL."""
    for node in list(tree.find_all(exp.ArgMax)):
        count = node.args.get("count")
        if count is not None:
            node.replace(
                exp.Anonymous(this="MAX_BY", expressions=[node.this, node.expression, count])
            )
    return tree


def dimension_columns(plan: IndicatorPlan) -> list[tuple[str, str]]:
    """(source column, warehouse dimension) pairs of one indicator."""
    return [(c, dimension_name(c)) for c in plan.breakdown_columns]
