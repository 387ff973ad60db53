"""Tenge per US dollar, annual averages (National Bank of Kazakhstan): see data/PROVENANCE.md."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tendik.errors import ClaimsError

RATES_FILE = Path(__file__).parent / "data" / "kzt_usd.csv"


@dataclass(frozen=True)
class Rate:
    """One year's average rate, in tenge per dollar; `estimated` when not yet the official one."""

    year: int
    kzt_per_usd: float
    estimated: bool = False


@cache
def kzt_per_usd(path: Path = RATES_FILE) -> dict[int, Rate]:
    """The table, by year; a malformed row raises ClaimsError naming file, row and column."""
    table: dict[int, Rate] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row_no, row in enumerate(csv.DictReader(f), start=2):
            year = _number(row, "year", path, row_no)
            rate = _number(row, "kzt_per_usd", path, row_no)
            table[int(year)] = Rate(int(year), rate, (row.get("status") or "A").strip() == "E")
    return table


def _number(row: dict[str, str], column: str, path: Path, row_no: int) -> float:
    try:
        value = float(row[column])
    except (KeyError, TypeError, ValueError):
        raise ClaimsError(
            f"not a number: {row.get(column)!r}", file=path, row=row_no, column=column
        ) from None
    if value <= 0:
        raise ClaimsError(f"not a positive number: {value}", file=path, row=row_no, column=column)
    return value


def rates_for(year: int, path: Path = RATES_FILE) -> list[Rate]:
    """The rates a figure of `year` may have been converted at: that year's and the year
    before's, those the table has."""
    table = kzt_per_usd(path)
    return [table[y] for y in (year, year - 1) if y in table]


def usd_value(amount: float, currency: str | None, year: int) -> float | None:
    """An amount in dollars, at the average rate of `year` (or the year before); None if the
    currency is neither KZT nor USD, or no rate is known."""
    if currency == "USD":
        return amount
    if currency != "KZT":
        return None
    rates = rates_for(year)
    return amount / rates[0].kzt_per_usd if rates else None
