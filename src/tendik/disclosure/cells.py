"""Published cells, their keys, and the primary (small-cell) rule.

A cell is one published figure of a records source for one period: the ``denominator`` counts the
persons in the cell and the ``numerator`` those among them who meet the measure's condition (for
the women's share, the women). The key gives the cell's value in each breakdown dimension; ``None``
means the total over that dimension, as ``_T`` does in SDMX.

The primary rule. A cell with a numerator really publishes two counts of persons: those who meet
the condition (``numerator``) and those who do not (``denominator - numerator``, the complement).
The threshold rule of frequency tables applies to each count: a count of 1 to k-1 persons lets a
reader who knows a few of them single them out, so the cell is suppressed when

    0 < numerator < k   or   0 < denominator - numerator < k.

Both counts are checked because a cell of 40 women and 2 men says as much about the two men as a
cell of 2 women and 40 men says about the two women. The rule covers ``0 < denominator < k`` (a
small cell has a small positive count on at least one side). Zeros are not suppressed: a count of
nobody identifies nobody, and a cell of k or more persons that are all women or all men is
published (sex is what the indicator is about, not a secret). A cell without a numerator (a plain
count) is suppressed when ``0 < denominator < k``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tendik.errors import DuplicateCell, InvalidCell

Key = tuple[str | None, ...]


@dataclass(frozen=True)
class Cell:
    """One published cell: its key over the breakdown dimensions and its two additive counts."""

    key: Mapping[str, str | None] | tuple[str | None, ...]
    numerator: float | None
    denominator: float


def key_tuple(key: Mapping[str, str | None] | Sequence[str | None], dims: Sequence[str]) -> Key:
    """The key as a tuple aligned to ``dims``; a dimension a mapping leaves out is a total."""
    if isinstance(key, Mapping):
        unknown = [name for name in key if name not in dims]
        if unknown:
            raise InvalidCell(
                f"the key names dimension '{unknown[0]}', which is not among {list(dims)}",
                key=str(dict(key)),
            )
        return tuple(key.get(name) for name in dims)
    values = tuple(key)
    if len(values) != len(dims):
        raise InvalidCell(
            f"the key has {len(values)} values for {len(dims)} dimensions {list(dims)}",
            key=str(values),
        )
    return values


def format_key(key: Key, dims: Sequence[str]) -> str:
    """A key as people read it: ``region=KZ-ALA, level=_T``."""
    if not dims:
        return "(total)"
    return ", ".join(f"{d}={'_T' if v is None else v}" for d, v in zip(dims, key, strict=True))


def is_primary(cell: Cell, k: int = 5) -> bool:
    """Whether the cell must be suppressed for itself (the rule is in the module docstring)."""
    if cell.numerator is None:
        return 0 < cell.denominator < k
    complement = cell.denominator - cell.numerator
    return 0 < cell.numerator < k or 0 < complement < k


def normalise(cells: Sequence[Cell], dims: Sequence[str]) -> list[Key]:
    """Check the cells and return their keys as tuples aligned to ``dims``."""
    if len(set(dims)) != len(dims):
        raise InvalidCell(f"the dimensions {list(dims)} name one dimension twice")
    with_numerator = {cell.numerator is not None for cell in cells}
    if len(with_numerator) > 1:
        raise InvalidCell(
            "some cells have a numerator and some do not; one publication needs one kind",
            column="numerator",
        )
    keys: list[Key] = []
    seen: dict[Key, int] = {}
    for position, cell in enumerate(cells):
        key = key_tuple(cell.key, dims)
        where = format_key(key, dims)
        _check_counts(cell, position, where)
        if key in seen:
            raise DuplicateCell(
                f"cells {seen[key] + 1} and {position + 1} carry the same key", key=where
            )
        seen[key] = position
        keys.append(key)
    return keys


def _check_counts(cell: Cell, position: int, where: str) -> None:
    label = f"cell {position + 1}"
    if not _is_count(cell.denominator):
        raise InvalidCell(
            f"{label}: the denominator {cell.denominator!r} is not a finite count of zero or more",
            column="denominator",
            key=where,
        )
    if cell.numerator is None:
        return
    if not _is_count(cell.numerator):
        raise InvalidCell(
            f"{label}: the numerator {cell.numerator!r} is not a finite count of zero or more",
            column="numerator",
            key=where,
        )
    if cell.numerator > cell.denominator:
        raise InvalidCell(
            f"{label}: the numerator {cell.numerator} exceeds the denominator {cell.denominator}",
            column="numerator",
            key=where,
        )


def _is_count(value: object) -> bool:
    return (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
        and value >= 0
    )
