"""The bundled news article: every numeric claim in it, in order, and nothing else."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import tendik
from tendik.claims import Claim, extract_claims

ARTICLE = (
    Path(tendik.__file__).parent / "bundled/kazakhstan/articles/kz-women-in-civil-service-2025.txt"
)
PUBLISHED = date(2025, 1, 15)

# (text as matched, value, unit, qualifier, a word of the subject)
EXPECTED: list[tuple[str, float, str, str | None, str | None]] = [
    ("Over a Third", 33.3, "percent", "over", "civil service positions"),
    ("Over 39%", 39.0, "percent", "over", "senior civil service posts"),
    ("Over One-third", 33.3, "percent", "over", "senior civil service positions"),
    ("55.8%", 55.8, "percent", None, "civil service"),
    ("39.1%", 39.1, "percent", None, "senior positions"),
    ("18.9%", 18.9, "percent", None, "parliamentary seats"),
    ("22.7%", 22.7, "percent", None, "local representative bodies"),
    ("48%", 48.0, "percent", None, "small and medium-sized businesses"),
    ("over 105,000", 105_000, "count", "over", "projects"),
    ("4.1 billion tenge", 4.1e9, "currency", None, None),
    ("US$8.2 million", 8.2e6, "currency", None, None),
    ("3,660", 3_660, "count", None, "women"),
    ("41.2 billion tenge", 41.2e9, "currency", None, "loan sum"),
    ("US$82.8 million", 82.8e6, "currency", None, "loan sum"),
    ("280", 280, "count", None, "female investigators"),
    ("over 16,000", 16_000, "count", "over", "women"),
    ("from 33 to 104", 104, "count", None, "family support centers"),
    ("approximately 18,000", 18_000, "count", "about", "women"),
    ("45%", 45.0, "percent", None, "income"),
]


@pytest.fixture(scope="module")
def text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def claims(text: str) -> list[Claim]:
    return extract_claims(text, published=PUBLISHED)


def test_finds_exactly_the_expected_claims_in_order(claims: list[Claim]) -> None:
    got = [(c.text, c.value, c.unit, c.qualifier) for c in claims]
    want = [(t, v, u, q) for t, v, u, q, _ in EXPECTED]
    assert got == want
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, 20)]


@pytest.mark.parametrize("index", range(len(EXPECTED)))
def test_subject_names_what_the_number_is_about(claims: list[Claim], index: int) -> None:
    keyword = EXPECTED[index][4]
    subject = claims[index].subject
    if keyword is None:
        return
    assert subject is not None and keyword in subject.lower()


def test_spans_point_at_the_matched_text(text: str, claims: list[Claim]) -> None:
    for claim in claims:
        assert text[claim.span[0] : claim.span[1]] == claim.text
        assert claim.text in claim.sentence
        assert claim.language == "en"


def test_repeated_headlines_fold_into_their_first_claim(text: str, claims: list[Claim]) -> None:
    headline = "Over a Third of Top Civil Service Positions in Kazakhstan Are Held by Women"
    assert text.count(headline) == 2
    first, second = (i for i in range(len(text)) if text.startswith(headline, i))
    assert claims[0].span[0] == first
    assert claims[0].repeats == ((second, second + len("Over a Third")),)
    subtitle = "Over One-third of Senior Civil Service Positions"
    assert text.count(subtitle) == 2
    assert len(claims[2].repeats) == 1
    assert text[claims[2].repeats[0][0] :].startswith("Over One-third")
    # 21 numbers were written as claims, 19 distinct claims are listed
    assert len(claims) + sum(len(c.repeats) for c in claims) == 21


def test_no_dates_anniversaries_or_resolution_numbers(claims: list[Claim]) -> None:
    values = {c.value for c in claims}
    for left_out in (2024, 2025, 30, 25, 1325, 2019, 2020, 1, 2, 5):
        assert left_out not in values
    assert not any("anniversary" in c.sentence for c in claims)


def test_money_restated_in_dollars_is_linked(claims: list[Claim]) -> None:
    tenge, dollars = claims[9], claims[10]
    assert (tenge.currency, tenge.scale, dollars.currency, dollars.scale) == (
        "KZT",
        "billion",
        "USD",
        "million",
    )
    assert tenge.group == dollars.group == "g1"
    assert dollars.converted_from == "c10"
    # the implied rate a checker can test: 4.1e9 / 8.2e6 = 500 tenge per dollar
    assert tenge.value / dollars.value == pytest.approx(500.0)
    assert claims[13].converted_from == "c13" and claims[12].group == "g2"


def test_changes(claims: list[Claim]) -> None:
    centres, income = claims[16], claims[18]
    assert centres.kind == "change" and centres.change is not None
    assert (centres.change.from_value, centres.change.to_value) == (33, 104)
    assert centres.change.since is not None and centres.change.since.date == date(2024, 6, 1)
    assert income.kind == "change" and income.change is not None
    assert income.change.percent == 45 and income.change.direction == "increase"


def test_periods_come_from_the_text_else_from_publication(claims: list[Claim]) -> None:
    civil_service = claims[3]
    assert civil_service.period is not None
    assert civil_service.period.date == date(2025, 1, 1)  # "As of the new year"
    assert civil_service.period.basis == "text"
    seats = claims[5]
    assert seats.period is not None and seats.period.basis == "published"
    assert seats.period.date == PUBLISHED


def test_without_a_publication_date_relative_periods_stay_open(text: str) -> None:
    claims = extract_claims(text)
    assert len(claims) == 19
    assert claims[3].period is None
    assert claims[16].change is not None and claims[16].change.since is not None
    assert claims[16].change.since.year == 2024
