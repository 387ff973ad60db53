"""Numbers that are not claims: dates, ordinals, reference numbers, times, phones, lists."""

from __future__ import annotations

import pytest

from tendik.claims import extract_claims


def texts(text: str) -> list[str]:
    return [c.text for c in extract_claims(text)]


@pytest.mark.parametrize(
    "text",
    [
        # dates and years
        "The centres have multiplied since June 2024.",
        "The law took effect on 1 January 2025.",
        "As of January 1, 2026, the register was complete.",
        "Закон вступил в силу 1 января 2025 года.",
        "Отчёт опубликован 12.06.2025, данные на 2025-01-01.",
        "This year, 2025, will bear witness to two events.",
        "В 2024 году выборы не проводились.",
        "Выборы прошли в 2010-2022 гг., затем в 2022-м.",
        "Senate approved the amendments on May 22.",
        "Сессия пройдёт 29 марта в 10:00.",
        # anniversaries and ordinals
        "the 30th anniversary of the Beijing Declaration",
        "к 25-летию резолюции",
        "Kazakhstan ranks 47th in the world and was ranked #56 on the index.",
        "Казахстан занимает лишь 69-е место в мировом рейтинге.",
        "Узбекистан занимает 45 место в мире по показателю.",
        "на 129-м месте по представительству женщин",
        "the third convocation",
        # reference numbers
        'UN Security Council Resolution 1325 "Women. Peace. Security"',
        "resolution No. 123 of the Government",
        "Приказ № 45 и постановление №12",
        "as amended by Constitutional Law 335-VI 3PK",
        "Article 89 (4) and Art. 60.3 of the Code",
        "статья 15 закона",
        "SDG indicator 5.5.1 and target 5.5",
        "COVID-19 and the G20 summit",
        "[1] Human Rights Watch (2019). World Report.[2] The Guardian",
        # times, phones, addresses
        "The meeting starts at 10:30 and ends at 15:03 (GMT +6).",
        "Call +7 (727) 123-45-67 or 8 800 080 7777.",
        "Тел.: 8 (7172) 74-00-00",
        "Details at https://www.hrw.org/world-report/2019/country-profiles/kazakhstan",
        "Из них, по данным на 19.00, проголосовали немногие.",
        # durations and ages
        "Средний возраст судей составляет 46 лет, стаж – 13 лет.",
        "while many are aged between 45 and 60",
        "молодёжь в возрасте от 25 до 29",
        "women and youth (up to 29 years old)",
        "for over 25 years",
    ],
)
def test_left_out(text: str) -> None:
    assert texts(text) == []


def test_list_numbering_is_left_out() -> None:
    text = (
        "Read also:\n"
        "  1. Kazakhstan is expanding its focus on women's empowerment.\n"
        "  2. Recognizing the importance of digital literacy, 25 women enrolled.\n"
        "They included the following: 1) a shift; 2) a 7% threshold; 3) more."
    )
    assert texts(text) == ["25", "7%"]


def test_a_year_followed_by_a_count_noun_is_a_count() -> None:
    assert texts("There were 2024 applicants submitted for the selection.") == ["2024"]
    assert texts("In 2024 women held 19 seats.") == ["19"]


def test_claims_next_to_left_out_numbers_are_kept() -> None:
    text = "On 1 January 2025, 280 female investigators worked in 17 regions (Resolution 1325)."
    assert texts(text) == ["280", "17"]
