"""Texts without sentence ends (a flattened table, a list of figures, an attack) are read in
bounded pieces, and a sentence's claims share what they have in common: checking stays linear
in the text (the time is measured by bench/claims/scaling.py)."""

from __future__ import annotations

from datetime import date

from tendik.claims import Checker, extract_claims
from tendik.claims.sentences import MAX_SENTENCE, split_sentences
from tendik.claims.spans import SpanIndex, free_of


def test_a_run_without_sentence_ends_is_cut_at_clause_marks() -> None:
    text = ", ".join(f"{i},5%" for i in range(1000))  # 6,888 characters, one "sentence"
    spans = split_sentences(text)
    assert len(spans) == 8
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    # every cut falls after ", ": no number is split
    assert all(text[a - 2 : a] == ", " for a, _ in spans[1:])
    claims = extract_claims(text, language="ru")
    assert len(claims) == 1000
    assert [c.value for c in claims[:3]] == [0.5, 1.5, 2.5]
    assert claims[-1].value == 999.5


def test_the_attack_text_folds_into_repeated_pieces() -> None:
    text = "1 " * 4000  # 8 KB: the text that took 73 s of CPU when read quadratically
    spans = split_sentences(text)
    assert len(spans) == 8
    claims = extract_claims(text)
    # eight identical pieces of 500 numbers: each number read once, seven repeats each
    assert len(claims) == 500
    assert {len(c.repeats) for c in claims} == {7}


def test_all_claims_of_a_long_sentence_get_their_own_clause_year(checker: Checker) -> None:
    text = "; ".join(f"in {2000 + i % 25} women held {10 + i % 7}.5% of seats" for i in range(300))
    report = checker.check(text, published=date(2025, 1, 1))
    assert len(report.verdicts) == 300
    years = [v.claim.period.year for v in report.verdicts if v.claim.period]
    assert years == [2000 + i % 25 for i in range(300)]


def test_span_index_and_free_of_agree_with_a_plain_scan() -> None:
    spans = [(0, 4), (2, 9), (20, 25), (30, 31)]
    index = SpanIndex(spans)
    for probe in [(4, 5), (8, 10), (9, 20), (24, 30), (25, 30), (31, 40), (0, 1)]:
        plain = any(probe[0] < b and a < probe[1] for a, b in spans)
        assert index.overlaps(probe) == plain, probe
    taken = [(0, 4), (20, 25)]
    assert free_of(taken, [(1, 2), (5, 19), (19, 21), (25, 26)]) == [False, True, False, True]
