"""Typed values from cells: strict parsing of numbers, integers, booleans and ISO dates.

Accepted: surrounding spaces (trimmed before), a sign, decimals, an exponent, a decimal comma
where the file's delimiter is ";". Refused: thousands separators, "nan", "inf", dates other than
YYYY-MM-DD. A refused value raises BadValue with its index, for the caller to place in the file.
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.compute as pc

from tendik.sources.base import first_true

NUMBER_RE = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"
INTEGER_RE = r"^[+-]?\d+$"
DATE_RE = r"^\d{4}-\d{2}-\d{2}$"
LEADING_ZERO_RE = r"^[+-]?0\d"  # "007", "01": codes, not numbers
TRUE_WORDS = ("true", "1", "yes")
FALSE_WORDS = ("false", "0", "no")

EXPECTED: dict[str, str] = {
    "number": "a number",
    "integer": "an integer",
    "boolean": "a boolean (true/false, 1/0, yes/no)",
    "date": "a date (YYYY-MM-DD)",
}

ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
}


class BadValue(Exception):
    """A cell that does not parse as the expected type."""

    def __init__(self, index: int, value: object, expected: str) -> None:
        super().__init__(f"value {value!r} is not {EXPECTED[expected]}")
        self.index = index
        self.value = value
        self.expected = expected


def convert(array: pa.Array, type_: str, *, decimal_comma: bool = False) -> pa.Array:
    """Cast an array to a declared column type, or raise BadValue at the first bad value."""
    target = ARROW_TYPES[type_]
    if array.type == target:
        return array
    native = _convert_native(array, type_)
    if native is not None:
        return native
    strings = array if pa.types.is_string(array.type) else array.cast(pa.string())
    if type_ == "string":
        return strings
    if type_ == "boolean":
        return _to_boolean(strings)
    if type_ == "date":
        return _to_date(strings)
    return _to_numeric(strings, type_, decimal_comma)


def infer(strings: pa.Array, *, decimal_comma: bool = False) -> pa.Array:
    """The narrowest of integer, number, boolean (true/false), date or string that fits."""
    if strings.null_count == len(strings):
        return strings
    lower = pc.utf8_lower(strings)
    candidates = ["date"]
    if pc.all(pc.is_in(lower.drop_null(), pa.array(["true", "false"]))).as_py():
        candidates.insert(0, "boolean")
    if not pc.any(pc.match_substring_regex(strings, LEADING_ZERO_RE)).as_py():
        candidates[:0] = ["integer", "number"]
    for type_ in candidates:
        try:
            return convert(strings, type_, decimal_comma=decimal_comma)
        except BadValue:
            continue
    return strings


def _convert_native(array: pa.Array, type_: str) -> pa.Array | None:
    """Casts between Arrow types that cannot lose anything; None when strings must decide."""
    kind = array.type
    numeric = pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_decimal(kind)
    if type_ == "number" and numeric:
        return array.cast(pa.float64())
    if type_ == "integer" and pa.types.is_integer(kind):
        return array.cast(pa.int64())
    if type_ == "date" and (pa.types.is_date(kind) or pa.types.is_timestamp(kind)):
        return pc.cast(array, pa.date32(), safe=False)
    if type_ == "string" and pa.types.is_large_string(kind):
        return array.cast(pa.string())
    return None


def _to_numeric(strings: pa.Array, type_: str, decimal_comma: bool) -> pa.Array:
    text = pc.replace_substring(strings, ",", ".") if decimal_comma else strings
    pattern = NUMBER_RE if type_ == "number" else INTEGER_RE
    bad = first_true(pc.invert(pc.match_substring_regex(text, pattern)))
    if bad is not None:
        raise BadValue(bad, strings[bad].as_py(), type_)
    target = ARROW_TYPES[type_]
    try:
        return pc.cast(text, target)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        for index, value in enumerate(text.to_pylist()):  # an integer beyond int64
            if value is not None and not -(2**63) <= int(value) < 2**63:
                raise BadValue(index, strings[index].as_py(), type_) from None
        raise


def _to_boolean(strings: pa.Array) -> pa.Array:
    lower = pc.utf8_lower(strings)
    known = pc.is_in(lower, pa.array(TRUE_WORDS + FALSE_WORDS))
    bad = first_true(pc.and_(pc.is_valid(strings), pc.invert(known)))
    if bad is not None:
        raise BadValue(bad, strings[bad].as_py(), "boolean")
    truth = pc.is_in(lower, pa.array(TRUE_WORDS))
    return pc.if_else(pc.is_null(strings), pa.scalar(None, pa.bool_()), truth)


def _to_date(strings: pa.Array) -> pa.Array:
    bad = first_true(pc.invert(pc.match_substring_regex(strings, DATE_RE)))
    if bad is not None:
        raise BadValue(bad, strings[bad].as_py(), "date")
    try:
        return pc.cast(strings, pa.date32())
    except pa.ArrowInvalid:
        for index, value in enumerate(strings.to_pylist()):  # a day that does not exist
            if value is not None:
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    raise BadValue(index, value, "date") from None
        raise
