"""The small rule language: arithmetic over one observation, its parts and other indicators.

    check  := expr OP expr                 OP: == != < <= > >=
    expr   := term (('+' | '-') term)*
    term   := unary (('*' | '/') unary)*
    unary  := '-' unary | atom
    atom   := NUMBER | '(' expr ')'
            | value | numerator | denominator  the observation's own fields
            | total | total(FIELD)             the same: the total its parts should add up to
            | sum(DIM) | sum(DIM, FIELD)       a field summed over the observation's parts by DIM
            | value(INDICATOR) | value(INDICATOR, FIELD)
                                               another indicator, same area, period and breakdown
            | abs(expr)

Parsed by hand into a tree of small nodes: no user text is ever evaluated as Python or SQL.
A side that cannot be computed (a missing field, no parts, no such observation, a division by
zero) gives None, and the rule does not apply there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from tendik.catalog.model import dimension_name

FIELDS: tuple[str, ...] = ("value", "numerator", "denominator")
OPERATORS: tuple[str, ...] = ("==", "!=", "<=", ">=", "<", ">")

_NUMBER = re.compile(r"(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_INDICATOR = re.compile(r"[a-z0-9][a-z0-9-]*")


class Context(Protocol):
    """What an expression reads: the observation under test and its surroundings."""

    def field(self, name: str) -> float | None: ...

    def parts_sum(self, dimension: str, name: str) -> float | None: ...

    def other(self, indicator: str, name: str) -> float | None: ...


@dataclass(frozen=True)
class Number:
    value: float

    def evaluate(self, ctx: Context) -> float | None:
        return self.value


@dataclass(frozen=True)
class Field:
    name: str

    def evaluate(self, ctx: Context) -> float | None:
        return ctx.field(self.name)


@dataclass(frozen=True)
class Sum:
    dimension: str
    name: str

    def evaluate(self, ctx: Context) -> float | None:
        return ctx.parts_sum(self.dimension, self.name)


@dataclass(frozen=True)
class Ref:
    indicator: str
    name: str

    def evaluate(self, ctx: Context) -> float | None:
        return ctx.other(self.indicator, self.name)


@dataclass(frozen=True)
class Abs:
    operand: Node

    def evaluate(self, ctx: Context) -> float | None:
        value = self.operand.evaluate(ctx)
        return None if value is None else abs(value)


@dataclass(frozen=True)
class Negate:
    operand: Node

    def evaluate(self, ctx: Context) -> float | None:
        value = self.operand.evaluate(ctx)
        return None if value is None else -value


@dataclass(frozen=True)
class Binary:
    op: str
    left: Node
    right: Node

    def evaluate(self, ctx: Context) -> float | None:
        a = self.left.evaluate(ctx)
        b = self.right.evaluate(ctx)
        if a is None or b is None:
            return None
        if self.op == "+":
            return a + b
        if self.op == "-":
            return a - b
        if self.op == "*":
            return a * b
        return None if b == 0 else a / b


Node = Number | Field | Sum | Ref | Abs | Negate | Binary


def walk(node: Node) -> list[Node]:
    """The node and every node below it."""
    out: list[Node] = [node]
    if isinstance(node, Abs | Negate):
        out += walk(node.operand)
    elif isinstance(node, Binary):
        out += walk(node.left) + walk(node.right)
    return out


@dataclass(frozen=True)
class Comparison:
    left: Node
    operator: str
    right: Node

    def dimensions(self) -> set[str]:
        return {n.dimension for n in walk(self.left) + walk(self.right) if isinstance(n, Sum)}

    def references(self) -> set[str]:
        return {n.indicator for n in walk(self.left) + walk(self.right) if isinstance(n, Ref)}


def compare(left: float, operator: str, right: float, tolerance: float) -> bool:
    """Whether ``left operator right`` holds, allowing ``tolerance`` either way."""
    slack = tolerance + 1e-9 * max(1.0, abs(left), abs(right))  # floating-point noise
    if operator == "==":
        return abs(left - right) <= slack
    if operator == "!=":
        return abs(left - right) > slack
    if operator == "<=":
        return left <= right + slack
    if operator == ">=":
        return left >= right - slack
    if operator == "<":
        return left < right + tolerance
    return left > right - tolerance


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def fail(self, what: str) -> ValueError:
        found = self.text[self.pos : self.pos + 10] or "the end"
        return ValueError(f"{what} at column {self.pos + 1} (found {found!r})")

    def skip(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def take(self, token: str) -> bool:
        self.skip()
        if self.text.startswith(token, self.pos):
            self.pos += len(token)
            return True
        return False

    def expect(self, token: str) -> None:
        if not self.take(token):
            raise self.fail(f"expected '{token}'")

    def pattern(self, regex: re.Pattern[str], what: str) -> str:
        self.skip()
        found = regex.match(self.text, self.pos)
        if not found:
            raise self.fail(f"expected {what}")
        self.pos = found.end()
        return found.group()

    def end(self) -> None:
        self.skip()
        if self.pos != len(self.text):
            raise self.fail("unexpected text")

    def expression(self) -> Node:
        node = self.term()
        while True:
            op = "+" if self.take("+") else "-" if self.take("-") else None
            if op is None:
                return node
            node = Binary(op, node, self.term())

    def term(self) -> Node:
        node = self.unary()
        while True:
            op = "*" if self.take("*") else "/" if self.take("/") else None
            if op is None:
                return node
            node = Binary(op, node, self.unary())

    def unary(self) -> Node:
        if self.take("-"):
            return Negate(self.unary())
        return self.atom()

    def field_argument(self) -> str:
        name = self.pattern(_NAME, "a field (value, numerator or denominator)")
        if name not in FIELDS:
            raise ValueError(f"unknown field '{name}' (known: {', '.join(FIELDS)})")
        return name

    def atom(self) -> Node:
        self.skip()
        if self.take("("):
            node = self.expression()
            self.expect(")")
            return node
        if _NUMBER.match(self.text, self.pos):
            return Number(float(self.pattern(_NUMBER, "a number")))
        name = self.pattern(_NAME, "a number, a field or a function")
        if name in ("numerator", "denominator"):
            return Field(name)
        if name in ("value", "total"):
            return self.value_or_total(name)
        if name == "sum":
            self.expect("(")
            dimension = dimension_name(self.pattern(_NAME, "a dimension, such as REGION"))
            field = self.field_argument() if self.take(",") else "value"
            self.expect(")")
            return Sum(dimension, field)
        if name == "abs":
            self.expect("(")
            node = self.expression()
            self.expect(")")
            return Abs(node)
        known = "value, numerator, denominator, total, sum(), value(), abs()"
        raise ValueError(f"unknown name '{name}' (known: {known})")

    def value_or_total(self, name: str) -> Node:
        if not self.take("("):
            return Field("value")
        if name == "total":
            field = self.field_argument()
            self.expect(")")
            return Field(field)
        indicator = self.pattern(_INDICATOR, "an indicator id")
        field = self.field_argument() if self.take(",") else "value"
        self.expect(")")
        return Ref(indicator, field)

    def operator(self) -> str:
        for op in OPERATORS:
            if self.take(op):
                return op
        raise self.fail(f"expected a comparison ({' '.join(OPERATORS)})")


def parse_expression(text: str) -> Node:
    """One side of a rule; ValueError says what is wrong and where."""
    parser = _Parser(text)
    node = parser.expression()
    parser.end()
    return node


def parse_check(text: str) -> Comparison:
    """A whole rule, ``left OP right``."""
    parser = _Parser(text)
    left = parser.expression()
    operator = parser.operator()
    right = parser.expression()
    parser.end()
    return Comparison(left, operator, right)
