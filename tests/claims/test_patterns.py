"""Each recogniser on its own, in English and Russian (sentences from real statements)."""

from __future__ import annotations

from datetime import date

import pytest

from tendik.claims import Claim, extract_claims


def only(text: str, **kwargs: object) -> Claim:
    claims = extract_claims(text, **kwargs)  # type: ignore[arg-type]
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def values(text: str, **kwargs: object) -> list[float]:
    return [c.value for c in extract_claims(text, **kwargs)]  # type: ignore[arg-type]


# --- percentages -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("Women account for 55.8% of the civil service.", 55.8, 1),
        ("Доля в маслихатах составляет 22,7 %.", 22.7, 1),
        ("Women hold 20.4 percent of seats in the upper chamber.", 20.4, 1),
        ("Женщины составляют 28,5 процента кандидатов.", 28.5, 1),
        ("In the Mazhilis women hold 27 per cent of seats.", 27.0, 0),
        ("партия не смогла преодолеть 7-процентный порог", 7.0, 0),
        ("введение 30%-ой квоты для женщин", 30.0, 0),
    ],
)
def test_percent_forms(text: str, value: float, decimals: int) -> None:
    claim = only(text)
    assert (claim.value, claim.unit, claim.decimals) == (value, "percent", decimals)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("More than a third of senior posts are held by women.", 33.3, "more than"),
        ("Women hold two-thirds of teaching posts.", 66.7, None),
        ("Half of over 2,000 judges are women in Kazakhstan", 50.0, None),
        ("Women are a quarter of the deputies.", 25.0, None),
        ("Треть состава Мажилиса должны составлять женщины", 33.3, None),
        ("Более половины казахстанских госслужащих – женщины", 50.0, "more than"),
        ("Казахстанки занимают почти половину рабочих мест в госорганах.", 50.0, "nearly"),
    ],
)
def test_shares_written_as_words(text: str, value: float, qualifier: str | None) -> None:
    claim = next(c for c in extract_claims(text) if c.decimals is None)
    assert (claim.value, claim.unit, claim.qualifier) == (value, "percent", qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "In the first half of 2025 the register was updated.",
        "В первой половине 2025 года реестр обновили.",
        "Доля представительниц прекрасной половины человечества растёт.",
        "He was elected for a third term.",
        "It took a quarter of a century.",
    ],
)
def test_words_that_are_not_shares(text: str) -> None:
    assert extract_claims(text) == []


def test_a_range_is_one_claim_with_bounds() -> None:
    claim = only("доля женщин на госслужбе держится на уровне 55-56%")
    assert (claim.value, claim.bounds, claim.unit) == (55.5, (55.0, 56.0), "percent")
    claim = only("the share drops to about 8–10%", language="en")
    assert (claim.value, claim.bounds, claim.qualifier) == (9.0, (8.0, 10.0), "about")


# --- counts ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "language"),
    [
        ("Currently, 280 female investigators are tackling violent crimes.", 280, "en"),
        ("over 16,000 women have been protected by violence inspectors", 16_000, "en"),
        ("защищены 16 000 женщин", 16_000, "ru"),
        ("защищены 16\u00a0000 женщин", 16_000, "ru"),
        ("assisted 3,660 women in acquiring homes", 3_660, "en"),
        ("with over 105,000 projects supported", 105_000, "en"),
        ("trained about 18 thousand women", 18_000, "en"),
        ("обучено 18 тысяч женщин", 18_000, "ru"),
        ("out of 86 700 civil servants in the republic", 86_700, "en"),
        ("There were 2024 applicants submitted for the selection.", 2024, "en"),
    ],
)
def test_counts(text: str, value: float, language: str) -> None:
    claim = only(text)
    assert (claim.value, claim.unit, claim.language) == (value, "count", language)


def test_count_subjects() -> None:
    assert only("280 следователей-женщин по всей стране").subject == "следователей-женщин"
    assert only("Currently, 280 female investigators are at work.").subject == (
        "female investigators"
    )


def test_a_comma_is_a_decimal_mark_in_russian_and_a_thousands_mark_in_english() -> None:
    assert values("assisted 3,660 women") == [3660]
    assert values("помогли 3,660 тысячам женщин") == [3660]  # 3.66 thousand
    assert values("доля составила 3,660", language="ru") == [3.66]


# --- money -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "currency", "scale"),
    [
        ("Umai issued loans of 41,2 млрд тенге in total.", 41.2e9, "KZT", "млрд"),
        ("выдано займов на 41,2 млрд тенге", 41.2e9, "KZT", "млрд"),
        ("The fund spent $8.2 million on training.", 8.2e6, "USD", "million"),
        ("The budget was KZT 4.1 bn last year.", 4.1e9, "KZT", "bn"),
        ("Grants reached ₸4.1bn.", 4.1e9, "KZT", "bn"),
    ],
)
def test_money(text: str, value: float, currency: str, scale: str) -> None:
    claim = only(text)
    assert (claim.value, claim.unit, claim.currency, claim.scale) == (
        value,
        "currency",
        currency,
        scale,
    )


def test_money_in_two_currencies_is_linked_in_russian_too() -> None:
    tenge, dollars = extract_claims("сумма займов 41,2 млрд тенге (82,8 млн долларов).")
    assert (tenge.currency, dollars.currency) == ("KZT", "USD")
    assert dollars.converted_from == tenge.id and tenge.group == dollars.group is not None
    assert tenge.value / dollars.value == pytest.approx(497.58, abs=0.01)


# --- changes ---------------------------------------------------------------------------------
def test_from_to_changes_in_both_languages() -> None:
    en = only("the number of Family Support Centers growing from 33 to 104 since June 2024")
    ru = only("Количество центров поддержки семьи увеличилось с 33 до 104.")
    grew = only("Число центров вырос с 33 до 104.")
    for claim in (en, ru, grew):
        assert claim.kind == "change" and claim.change is not None
        assert (claim.value, claim.change.from_value, claim.change.to_value) == (104, 33, 104)
        assert claim.change.direction == "increase"
    assert ru.subject == "Количество центров поддержки семьи"
    assert en.change is not None and en.change.since is not None
    assert en.change.since.date == date(2024, 6, 1)


def test_a_percent_change_from_to_takes_the_unit_of_its_end() -> None:
    claim = only("an increase in the number of women deputies from 9.5 to 38 percent")
    assert claim.unit == "percent" and claim.change is not None
    assert (claim.change.from_value, claim.value) == (9.5, 38)
    claim = only("доля председателей махаллинских комитетов увеличилась с 9,6% до 25,6%.")
    assert claim.change is not None and claim.change.from_value == 9.6


def test_scale_of_the_end_applies_to_the_start() -> None:
    claim = only("Регистрационный порог снижен с 20 до 5 тысяч членов.")
    assert claim.change is not None
    assert (claim.change.from_value, claim.value, claim.change.direction) == (
        20_000,
        5_000,
        "decrease",
    )


@pytest.mark.parametrize(
    ("text", "percent", "direction"),
    [
        ("Graduates have reportedly seen a 45% increase in their income.", 45, "increase"),
        ("Their income increased by 45%.", 45, "increase"),
        ("Число женских предприятий выросло на 9,1%.", 9.1, "increase"),
        ("Доля снизилась на 2,5%.", 2.5, "decrease"),
    ],
)
def test_relative_changes(text: str, percent: float, direction: str) -> None:
    claim = only(text)
    assert claim.kind == "change" and claim.change is not None
    assert (claim.change.percent, claim.change.direction) == (percent, direction)


def test_a_level_reached_is_not_an_up_to() -> None:
    claim = only("их доля увеличилась до 15,3 процента, или в полтора раза.")
    assert claim.qualifier is None and claim.kind == "change"
    assert claim.change is not None and claim.change.to_value == 15.3
    claim = only("The share rose to 19.4% in 2024.")
    assert claim.qualifier is None and claim.change is not None
    assert only("В ряде госорганов - до 5 раз.").qualifier == "up to"


def test_percentage_points() -> None:
    claim = only("The share rose by 2.3 percentage points.")
    assert claim.change is not None and claim.change.points == 2.3


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("набрала Эльвира Сурабалдиева — 8 тысяч 254 (25,21 процента)", 8_254),
        ("в стране насчитывается 4 миллиона 294 тысячи 243 избирателя", 4_294_243),
        ("2 тысячи 538 женщин-депутатов получили доверие избирателей", 2_538),
    ],
)
def test_numbers_written_in_parts(text: str, value: float) -> None:
    assert extract_claims(text)[0].value == value


def test_a_change_between_numbers_written_in_parts() -> None:
    claim = only("количество мандатов сократилось с 9 тысяч 62 до 6 тысяч 384.")
    assert claim.change is not None
    assert (claim.change.from_value, claim.value, claim.change.direction) == (
        9_062,
        6_384,
        "decrease",
    )
