"""Qualifiers, sentences, language, periods and repeats."""

from __future__ import annotations

from datetime import date

import pytest

from tendik.claims import extract_claims
from tendik.claims.sentences import detect_language, split_sentences


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("about 18,000 women", "about"),
        ("approximately 18,000 women", "about"),
        ("around 1,700 female executives", "about"),
        ("over 16,000 women", "over"),
        ("more than 2,000 judges", "more than"),
        ("at least 30% of candidates", "at least"),
        ("nearly 80% of registered candidates", "nearly"),
        ("almost 34 percent of officers", "nearly"),
        ("less than 9 percent of them", "less than"),
        ("up to 40% of seats", "up to"),
        ("16,000+ women", "over"),
        ("около 39% руководителей", "about"),
        ("примерно 18–19% депутатского корпуса", "about"),
        ("более 82% работников", "more than"),
        ("свыше 16 000 женщин", "over"),
        ("почти 42% мандатов", "nearly"),
        ("не менее 30 процентов депутатов", "at least"),
        ("до 5 раз больше", "up to"),
        ("не должна превышать 70 процентов", "up to"),
        ("55.8% of the civil service", None),
        ("which makes up to 12,2% from the total number (74)", None),
    ],
)
def test_qualifiers(text: str, qualifier: str | None) -> None:
    claim = extract_claims(text)[0]
    assert claim.qualifier == qualifier
    if qualifier:
        assert claim.text.lower().startswith(text.split()[0].lower().rstrip("+"))


def test_sentence_splitting_keeps_offsets_and_skips_abbreviations() -> None:
    text = (
        "ASTANA. KAZINFORM - 48% are women. Т. Донаков сообщил об этом в 2016 г. в Астане.\n"
        "Over One-third of Senior Positions\nOver One-third of Senior Positions\n\n"
        "Resolution No. 1325 was adopted. Women hold 55.8% of posts"
    )
    spans = split_sentences(text)
    sentences = [text[a:b] for a, b in spans]
    assert sentences == [
        "ASTANA.",
        "KAZINFORM - 48% are women.",
        "Т. Донаков сообщил об этом в 2016 г. в Астане.",
        "Over One-third of Senior Positions",
        "Over One-third of Senior Positions",
        "Resolution No. 1325 was adopted.",
        "Women hold 55.8% of posts",
    ]


def test_hard_wrapped_lines_are_one_sentence() -> None:
    text = "Women make up 56 percent of all\ncivil servants in Kazakhstan."
    (claim,) = extract_claims(text)
    assert claim.sentence == text
    assert claim.subject == "civil servants in Kazakhstan"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Women hold 18.9% of the parliamentary seats.", "en"),
        ("Доля в маслихатах составляет 22,7 %.", "ru"),
        ("В Казахстане работает фонд Damu.", "ru"),
        ("IT-Aiel обучил женщин.", "ru"),
    ],
)
def test_language_detection(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_periods_prefer_the_date_in_the_same_clause() -> None:
    text = "Если в 2010 году доля женщин на госслужбе составляла 52,7%, то в 2022-м достигла 55,4%."
    first, second = extract_claims(text)
    assert first.period is not None and first.period.year == 2010
    assert second.period is not None and second.period.year == 2022


def test_period_from_a_full_date_and_from_the_sentence_before() -> None:
    text = (
        "По данным министерства, на 1 января 2026 года женщины составляют 56% всех "
        "государственных служащих. При этом среди руководителей их доля меньше – 38,9%."
    )
    first, second = extract_claims(text, published=date(2026, 3, 8))
    assert first.period is not None and first.period.date == date(2026, 1, 1)
    assert second.period is not None and second.period.date == date(2026, 1, 1)
    assert second.period.basis == "text"


def test_period_falls_back_to_publication() -> None:
    (claim,) = extract_claims("Women command 18.9% of seats.", published=date(2025, 1, 15))
    assert claim.period is not None
    assert (claim.period.year, claim.period.basis) == (2025, "published")
    (claim,) = extract_claims("Women command 18.9% of seats.")
    assert claim.period is None


def test_relative_periods_need_a_publication_date() -> None:
    text = "Last year women held 19 seats; this year they hold 18.4% of them."
    seats, share = extract_claims(text, published=date(2024, 5, 1))
    assert seats.period is not None and seats.period.year == 2023
    assert share.period is not None and share.period.year == 2024


def test_repeats_are_folded_only_for_identical_sentences() -> None:
    text = "Women hold 18.9% of seats.\nWomen hold 18.9% of seats.\nWomen hold 18.9% of posts."
    claims = extract_claims(text)
    assert [c.text for c in claims] == ["18.9%", "18.9%"]
    assert claims[0].repeats == ((38, 43),)
    assert text[38:43] == "18.9%"
    assert claims[1].repeats == ()
    assert [c.id for c in claims] == ["c1", "c2"]


def test_to_dict_is_json_ready() -> None:
    import json

    (claim,) = extract_claims("с 33 до 104 с июня 2024 года", published=date(2025, 1, 1))
    data = json.loads(json.dumps(claim.to_dict()))
    assert data["change"]["from_value"] == 33 and data["value"] == 104
    assert data["change"]["since"]["date"] == "2024-06-01"


def test_an_unsupported_language_is_a_typed_error() -> None:
    from tendik.errors import UnsupportedLanguage

    with pytest.raises(UnsupportedLanguage) as raised:
        extract_claims("Әйелдер 19,4% құрайды.", language="kk")
    assert raised.value.type == "unsupported-language"
    assert raised.value.key == "language"


def test_language_is_detected_per_sentence_in_a_mixed_text() -> None:
    text = "Women hold 18.4% of seats. В маслихатах – 22,7 %."
    assert [(c.value, c.language) for c in extract_claims(text)] == [(18.4, "en"), (22.7, "ru")]
