"""The parts of matching: stems, areas, reference dates and tolerances."""

from __future__ import annotations

from datetime import date

import pytest

from tendik.claims import Period, extract_claims
from tendik.claims.areas import area_for, find_areas
from tendik.claims.timing import reference, select
from tendik.claims.tolerance import tolerance
from tendik.claims.words import alike, content, stem


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("parliament", "parliamentarians", True),
        ("parliament", "parliamentary", True),
        ("мажилис", "мажилисе", True),
        ("маслихаты", "маслихатах", True),
        ("депутаты", "депутатов", True),
        ("госслужащие", "госслужащих", True),
        ("мәслихаттар", "мәслихат", True),
        ("posts", "positions", True),
        ("council", "councillors", False),
        ("police", "policy", False),
        ("служба", "служащие", False),
    ],
)
def test_stems_alike(a: str, b: str, same: bool) -> None:
    assert alike(stem(a), stem(b)) is same


def test_state_compounds_read_as_two_words() -> None:
    assert content("госслужащие") == content("государственные служащие")
    assert content("на госслужбе") == content("государственной службы")


def _area(text: str, claim_text: str) -> str:
    claim = next(c for c in extract_claims(text) if c.text == claim_text)
    start = text.rfind(".", 0, claim.span[0]) + 1
    end = text.find(".", claim.span[1])
    return area_for(claim.span, (start, end), find_areas(text), "KAZ")[0]


def test_the_area_named_nearest_the_claim() -> None:
    text = (
        "However, Sweden took only seventh place with 47% of women. In the first place was "
        "Rwanda: women there occupy 61.3% of the seats. The latest two Majilis boasted 27% of "
        "women MPs, which is higher than the 23% average worldwide. Women hold 40% of posts."
    )
    assert [_area(text, t) for t in ("47%", "61.3%", "27%", "23%", "40%")] == [
        "SWE", "RWA", "KAZ", "WLD", "KAZ"]  # fmt: skip


def test_russian_names_and_kazakh_regions() -> None:
    mentions = find_areas("В Кыргызстане и Узбекистане; в Костанайской области и в Алматы.")
    assert [m.code for m in mentions] == ["KGZ", "UZB", "KZ-39", "KZ-75"]
    assert [m.code for m in find_areas("Almaty Region and Almaty")] == ["KZ-19", "KZ-75"]


@pytest.mark.parametrize(
    ("text", "convention", "day"),
    [
        ("about the end of year t (World Bank WDI convention)", "end", date(2019, 12, 31)),
        ("as of 1 January of year t (1 February before 2020)", "start", date(2019, 2, 1)),
        ("as of 1 January of year t", "start", date(2019, 1, 1)),
        (None, "year", date(2019, 7, 1)),
    ],
)
def test_reference_dates(text: str | None, convention: str, day: date) -> None:
    ref = reference(text)
    assert (ref.convention, ref.day(2019)) == (convention, day)
    assert reference("as of 1 January of year t (1 February before 2020)").day(2020) == date(
        2020, 1, 1
    )


def test_which_observations_a_period_calls_for() -> None:
    years = [str(y) for y in range(2015, 2025)]
    wdi = reference("about the end of year t")
    un = reference("as of 1 January of year t")
    new_year = Period(2025, date(2025, 1, 1))
    assert select(years, wdi, new_year) == ["2024"]  # 31 December 2024: on the day
    assert select([*years, "2025"], un, new_year) == ["2025"]
    mid = Period(2024, date(2024, 10, 28))
    assert select(years, wdi, mid) == ["2023", "2024"]  # the state lies between the two
    assert select(years, wdi, Period(2024)) == ["2024"]
    assert select(years, reference(None), Period(2018, date(2018, 3, 9))) == ["2018"]
    assert select(years, wdi, Period(2026, date(2026, 3, 9))) == []  # 2024 is over a year away
    assert select(years, wdi, None) == years


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        ("18.4%", "18.35 to 18.45"),
        ("about 19.3%", "19.2 to 19.4"),
        ("over 39%", "39 or more"),
        ("less than 9 percent", "below 9"),
        ("no more than 19 percent", "19.5 or less"),
        ("nearly 60%", "58.2 to 60.5"),
        ("18–19%", "17.5 to 19.5"),
        ("half", "48 to 52"),
    ],
)
def test_tolerances(text: str, allowed: str) -> None:
    claim = extract_claims(f"Women hold {text} of the seats.")[0]
    assert tolerance(claim).words() == allowed
