"""Expressions a user writes are checked against the allow-list; injections are refused."""

from __future__ import annotations

import pytest

from tendik.catalog.expressions import parse_expression, render
from tendik.errors import ExpressionRefused

COLUMNS = {"sex", "status", "region", "salary", "snapshot_date", "is_managerial"}


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("sex = 'F'", "sex = 'F'"),
        ("is_managerial AND status = 'active'", "is_managerial AND status = 'active'"),
        ("region IN ('KZ-AST', 'KZ-ALA')", "region IN ('KZ-AST', 'KZ-ALA')"),
        ("salary BETWEEN 100 AND 200", "salary BETWEEN 100 AND 200"),
        ("lower(trim(status)) LIKE 'act%'", "LOWER(TRIM(status)) LIKE 'act%'"),
        ("NOT (region IS NULL)", "NOT (region IS NULL)"),
        ("year(snapshot_date) >= 2020", "YEAR(snapshot_date) >= 2020"),
        ("status LIKE '--%'", "status LIKE '--%'"),
    ],
)
def test_allowed_expressions_are_regenerated(sql: str, expected: str) -> None:
    assert render(parse_expression(sql, COLUMNS)) == expected


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("sex = 'F'; DROP TABLE observations", "several statements"),
        ("sex = 'F' OR 1 IN (SELECT 1)", "subquery"),
        ("salary > (SELECT max(salary) FROM source)", "subqueries"),
        ("EXISTS (SELECT 1)", "not allowed"),
        ("sex = 'F' -- AND status = 'active'", "comments"),
        ("sex = 'F' /* hidden */", "comments"),
        ("read_csv('/etc/passwd') IS NOT NULL", "function 'read_csv'"),
        ("getenv('HOME') = 'x'", "not allowed"),
        ("password = 'x'", "unknown column 'password'"),
        ("source.sex = 'F'", "qualified column"),
        ("sex = 'F' UNION SELECT * FROM sources", "not allowed"),
        ("", "empty"),
        ("sex = 'F", "not valid SQL"),
        ("*", "not allowed"),
    ],
)
def test_refused_expressions_name_file_and_key(sql: str, reason: str) -> None:
    with pytest.raises(ExpressionRefused) as caught:
        parse_expression(sql, COLUMNS, file="indicators/x.yaml", key="measure.share")
    error = caught.value
    assert error.type == "expression-refused"
    assert reason in str(error)
    assert str(error).startswith("indicators/x.yaml, key 'measure.share'")
