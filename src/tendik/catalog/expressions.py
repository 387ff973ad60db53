"""Filter and measure expressions: SQL booleans parsed with sqlglot, checked against an allow-list.

An expression may use the source's columns, literals, comparisons, AND/OR/NOT, IN over a list of
literals, BETWEEN, LIKE/ILIKE, IS [NOT] NULL, arithmetic, and a few pure functions
(ALLOWED_FUNCTIONS).
Anything else (a subquery, a second statement, an unknown column or function, a comment) is refused.
The SQL that runs is regenerated from the checked tree, never the text the user wrote.
"""

from __future__ import annotations

from pathlib import Path

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError
from sqlglot.tokens import Tokenizer

from tendik.errors import ExpressionRefused

ALLOWED_NODES: tuple[type[exp.Expression], ...] = (
    exp.Column,
    exp.Identifier,
    exp.Literal,
    exp.Boolean,
    exp.Null,
    exp.Paren,
    exp.And,
    exp.Or,
    exp.Not,
    exp.EQ,
    exp.NEQ,
    exp.GT,
    exp.GTE,
    exp.LT,
    exp.LTE,
    exp.NullSafeEQ,
    exp.NullSafeNEQ,
    exp.In,
    exp.Between,
    exp.Like,
    exp.ILike,
    exp.Is,
    exp.Neg,
    exp.Add,
    exp.Sub,
    exp.Mul,
    exp.Div,
    exp.Mod,
    exp.Tuple,
)

# Pure functions a user may call, as sqlglot node types (all exist in DuckDB and Spark SQL).
ALLOWED_FUNCTIONS: dict[type[exp.Expression], str] = {
    exp.Lower: "lower",
    exp.Upper: "upper",
    exp.Trim: "trim",
    exp.Coalesce: "coalesce",
    exp.Abs: "abs",
    exp.Year: "year",
    exp.Month: "month",
    exp.Length: "length",
    exp.Substring: "substring",
    exp.Round: "round",
    exp.Least: "least",
    exp.Greatest: "greatest",
}


def _refuse(reason: str, file: str | Path | None, key: str | None) -> ExpressionRefused:
    return ExpressionRefused(f"expression refused: {reason}", file=file, key=key)


def parse_expression(
    sql: str,
    columns: set[str] | None,
    *,
    file: str | Path | None = None,
    key: str | None = None,
) -> exp.Expression:
    """Parse one expression and check it; ``columns`` None skips the column check."""
    if not isinstance(sql, str) or not sql.strip():
        raise _refuse("it is empty", file, key)
    try:
        if any(token.comments for token in Tokenizer(dialect="duckdb").tokenize(sql)):
            raise _refuse("comments are not allowed in an expression", file, key)
        statements = sqlglot.parse(sql, read="duckdb")
    except (ParseError, TokenError) as error:
        first = str(error).splitlines()[0]
        raise _refuse(f"it is not valid SQL ({first})", file, key) from None
    statements = [s for s in statements if s is not None]
    if len(statements) != 1:
        raise _refuse("it must be one expression, not several statements", file, key)
    tree = statements[0]
    for node in tree.walk():
        _check_node(node, columns, file, key)
    return tree


def _check_node(
    node: exp.Expression, columns: set[str] | None, file: str | Path | None, key: str | None
) -> None:
    if node.comments:
        raise _refuse("comments are not allowed in an expression", file, key)
    if isinstance(node, exp.In) and (node.args.get("query") or node.args.get("unnest")):
        raise _refuse("IN takes a list of literals, not a subquery", file, key)
    if isinstance(node, exp.Column):
        if node.table:
            raise _refuse(f"qualified column '{node.sql()}' is not allowed", file, key)
        if columns is not None and node.name not in columns:
            known = ", ".join(sorted(columns))
            raise _refuse(f"unknown column '{node.name}' (known: {known})", file, key)
        return
    if isinstance(node, ALLOWED_NODES) or type(node) in ALLOWED_FUNCTIONS:
        return
    if isinstance(node, (exp.Subquery, exp.Select, exp.Query)):
        raise _refuse("subqueries are not allowed", file, key)
    if isinstance(node, exp.Func):
        name = node.sql_name() if not isinstance(node, exp.Anonymous) else node.name
        allowed = ", ".join(sorted(ALLOWED_FUNCTIONS.values()))
        raise _refuse(f"function '{name.lower()}' is not allowed (allowed: {allowed})", file, key)
    raise _refuse(f"'{node.sql()[:60]}' ({type(node).__name__}) is not allowed", file, key)


def referenced_columns(tree: exp.Expression) -> set[str]:
    return {c.name for c in tree.find_all(exp.Column)}


def render(tree: exp.Expression, dialect: str = "duckdb") -> str:
    """The SQL text of a checked expression in an engine's dialect."""
    return tree.sql(dialect=dialect)
