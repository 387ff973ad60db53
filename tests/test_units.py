"""Units and dates as published figures write them, in English, Russian and Kazakh."""

from __future__ import annotations

from datetime import date

import pytest

from tendik.periods import parse_span, period_bounds
from tendik.units import parse_amount, parse_unit, scaled


@pytest.mark.parametrize(
    ("value", "unit", "expected", "code"),
    [
        ("4.1", "billion KZT", 4_100_000_000, "KZT"),
        ("4,100,000,000", "KZT", 4_100_000_000, "KZT"),
        ("4.1 billion", "tenge", 4_100_000_000, "KZT"),
        ("4,1", "млрд тенге", 4_100_000_000, "KZT"),
        ("4 100", "млн теңге", 4_100_000_000, "KZT"),
        ("4100", "million ₸", 4_100_000_000, "KZT"),
        ("8.2", "million USD", 8_200_000, "USD"),
        ("8.2", "млн долларов", 8_200_000, "USD"),
        ("8200", "thousand US$", 8_200_000, "USD"),
        ("5.7", "trillion KZT", 5_700_000_000_000, "KZT"),
        ("47.8", "thousand persons", 47_800, "PS"),
        ("47,8", "тыс. человек", 47_800, "PS"),
        ("4.2", "million persons", 4_200_000, "PS"),
        ("6.2", "million", 6_200_000, "NUMBER"),
    ],
)
def test_one_figure_however_it_is_printed(value: str, unit: str, expected: float,
                                          code: str) -> None:  # fmt: skip
    amount, read = parse_amount(value), parse_unit(unit)
    assert scaled(amount.value, amount.scale or read.scale) == expected
    assert read.code == code


def test_the_scale_it_was_printed_in_is_kept() -> None:
    assert (parse_unit("billion KZT").scale, parse_unit("млн").scale) == (9, 6)
    assert parse_unit("billion KZT").words() == "billion KZT"
    assert parse_unit("thousand persons").words() == "thousand persons"


@pytest.mark.parametrize(
    ("unit", "kind", "qualifier"),
    [
        ("percent", "percent", None),
        ("%", "percent", None),
        ("процентов", "percent", None),
        ("percent (approx)", "percent", "about"),
        ("percent (more than half)", "percent", "more than"),
        ("percentage points (as reported)", "percentage-points", "as reported"),
        ("seats", "seats", None),
        ("мест", "seats", None),
        ("persons (approx)", "persons", "about"),
        ("count", "count", None),
        ("ratio (doubled)", "ratio", "doubled"),
        ("years", "years", None),
        ("KZT per month", "money", None),
        ("cases per 100,000 population", "rate", None),
    ],
)
def test_unit_kinds(unit: str, kind: str, qualifier: str | None) -> None:
    read = parse_unit(unit)
    assert (read.kind, read.qualifier) == (kind, qualifier)


def test_rates_and_wages_say_per_what() -> None:
    assert parse_unit("cases per 100,000 population").per == "100000"
    assert parse_unit("KZT per month").per == "month"


@pytest.mark.parametrize(
    ("unit", "says"),
    [
        ("furlongs", "unknown unit"),
        ("billion percent", "puts a scale word before percent"),
        ("KZT billion", "write the scale first"),
        ("percent (give or take)", "unknown qualifier"),
        ("", "no unit"),
    ],
)
def test_units_refused(unit: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_unit(unit)


@pytest.mark.parametrize("value", ["n/a", "1e5", "4.1bn?", "1,00,000", "--3", "nan", ""])
def test_numbers_refused(value: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(value)


def test_a_span_of_years_counts_its_years() -> None:
    assert parse_amount("2021-2023", years=True).value == 3
    with pytest.raises(ValueError):
        parse_amount("2021-2023")


@pytest.mark.parametrize(
    ("text", "period", "start", "end"),
    [
        ("2025", "2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("2025-03", "2025-03", date(2025, 3, 1), date(2025, 3, 31)),
        ("2024-02", "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025-01-01", "2025-01-01", date(2025, 1, 1), date(2025, 1, 1)),
        ("01.01.2025", "2025-01-01", date(2025, 1, 1), date(2025, 1, 1)),
        ("2021-Q4", "2021-Q4", date(2021, 10, 1), date(2021, 12, 31)),
        ("2025-01/2025-08", "2025-01/2025-08", date(2025, 1, 1), date(2025, 8, 31)),
        ("2019-2020 (approval)", "2019/2020", date(2019, 1, 1), date(2020, 12, 31)),
        ("2014; 2017", "2014/2017", date(2014, 1, 1), date(2017, 12, 31)),
    ],
)
def test_dates_as_figures_give_them(text: str, period: str, start: date, end: date) -> None:
    span = parse_span(text)
    assert (span.period, span.start, span.end) == (period, start, end)
    assert period_bounds(period) == (start, end)


def test_undated_and_targets() -> None:
    assert parse_span("").period is None
    assert parse_span("target").is_target and parse_span("target").period is None
    assert parse_span("2027 (target)").is_target


@pytest.mark.parametrize("text", ["early 2025", "2025-13", "2025-02-30", "2025/", "(target)",
                                  "2025-09/2025-03", "Q1 2025"])  # fmt: skip
def test_dates_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_span(text)
