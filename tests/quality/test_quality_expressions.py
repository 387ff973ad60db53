"""The rule language: parsed by hand, evaluated over a context, never eval'd."""

from __future__ import annotations

import pytest

from tendik.quality.expressions import (
    Abs,
    Binary,
    Field,
    Negate,
    Number,
    Ref,
    Sum,
    compare,
    parse_check,
    parse_expression,
)


class Context:
    """A fixed observation: value 40, numerator 4, denominator 10; REGION parts sum to 4."""

    def field(self, name: str) -> float | None:
        return {"value": 40.0, "numerator": 4.0, "denominator": 10.0}[name]

    def parts_sum(self, dimension: str, name: str) -> float | None:
        return 4.0 if dimension == "REGION" and name == "numerator" else None

    def other(self, indicator: str, name: str) -> float | None:
        return 55.5 if indicator == "civil-service-women" and name == "value" else None


def value(text: str) -> float | None:
    return parse_expression(text).evaluate(Context())


def test_fields_functions_and_references_parse_into_nodes() -> None:
    check = parse_check("sum(region, numerator) == total(numerator)")
    assert check.left == Sum("REGION", "numerator")  # a column name becomes the dimension
    assert check.operator == "=="
    assert check.right == Field("numerator")
    assert parse_expression("value(civil-service-women)") == Ref("civil-service-women", "value")
    assert parse_expression("sum(AGE)") == Sum("AGE", "value")
    assert parse_expression("abs(-2)") == Abs(Negate(Number(2.0)))
    assert parse_expression("1 - 2") == Binary("-", Number(1.0), Number(2.0))
    assert parse_check("numerator <= denominator").dimensions() == set()
    assert parse_check("sum(age_group) == total").dimensions() == {"AGE"}
    assert parse_check("value >= value(a-b) - value(c)").references() == {"a-b", "c"}


def test_arithmetic_precedence_and_evaluation() -> None:
    assert value("numerator / denominator * 100") == pytest.approx(40.0)
    assert value("1 + 2 * 3") == 7.0
    assert value("(1 + 2) * 3") == 9.0
    assert value("-numerator - -1") == -3.0
    assert value("abs(numerator - denominator)") == 6.0
    assert value("value(civil-service-women) - value") == pytest.approx(15.5)
    assert value("1.5e2") == 150.0
    # what cannot be computed gives None: the rule does not apply
    assert value("sum(LEVEL)") is None
    assert value("value(other-indicator) + 1") is None
    assert value("numerator / 0") is None


def test_comparisons_with_tolerance() -> None:
    assert compare(10.0, "==", 10.04, 0.05)
    assert not compare(10.0, "==", 10.06, 0.05)
    assert compare(10.0, "!=", 10.06, 0.05)
    assert compare(10.04, "<=", 10.0, 0.05)
    assert not compare(10.1, "<=", 10.0, 0.05)
    assert compare(9.96, ">=", 10.0, 0.05)
    assert not compare(10.0, "<", 10.0, 0.0)
    assert compare(10.0, ">", 9.99, 0.0)
    assert compare(0.1 + 0.2, "==", 0.3, 0.0)  # floating-point noise is not a finding


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("value >= __import__('os')", "unknown name '__import__'"),
        ("value >= 0; drop table x", "unexpected text at column 11"),
        ("value >=", "expected a number, a field or a function at column 9"),
        ("value", "expected a comparison"),
        ("sum(REGION, people) == 1", "unknown field 'people'"),
        ("value(Bad_Id) > 1", "expected an indicator id"),
        ("(value > 1", "expected ')'"),
    ],
)
def test_what_is_not_the_language_is_refused(text: str, fragment: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_check(text)
    assert fragment in str(caught.value)
