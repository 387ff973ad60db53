"""Checks that need no data: shares against the counts beside them, amounts per unit, currency
conversions; and the exchange-rate table they use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tendik.claims import CheckReport, extract_claims
from tendik.claims.checks import run_checks
from tendik.claims.rates import kzt_per_usd, rates_for
from tendik.claims.sentences import split_sentences
from tendik.errors import ClaimsError

Check = Callable[..., CheckReport]


def findings(text: str, published: date | None = None) -> list[tuple[str, str, bool]]:
    claims = extract_claims(text, published=published)
    by_id = {c.id: c.text for c in claims}
    return [(f.type, by_id[f.claim], f.ok) for f in run_checks(text, claims, split_sentences(text))]


# --- shares and counts -------------------------------------------------------------------------
def test_a_share_that_does_not_follow_from_its_counts(check: Check) -> None:
    text = "In the Senate, 12 women and 38 men hold seats, that is 30% of the chamber."
    report = check(text, date(2024, 5, 1))
    share = report.verdicts[2]
    assert (share.claim.text, share.kind, share.reason) == ("30%", "inconsistent",
                                                           "share-from-counts")  # fmt: skip
    (finding,) = share.findings
    assert finding.figures == {"part": 12, "total": 50, "share": 24.0}
    assert finding.message == "12 and 38 make 50, so 12 is 24.00%: not 30%"


@pytest.mark.parametrize(
    ("text", "share", "computed"),
    [
        # Kazakhstan's Mazhilis after 2016 (International IDEA): 29 of 106
        ("29 of 106 (27%) seats in the Mazhilis are held by women.", "27%", 27.3585),
        # Astana's city administration, 1 April 2025 (Astana Times): 492 of 983
        ("Women represent 50.1% of the civil servants in Astana – 492 out of 983 employees.",
         "50.1%", 50.0509),
        ("Out of 86 700 civil servants, 47 800 (55%) are women.", "55%", 55.1326),
        ("В мажилисе из 98 депутатов всего 18 женщин (чуть больше 18%).", "чуть больше 18%",
         18.3673),
        ("Среди заместителей акимов 28 из 79 — женщины, что составляет 35 процентов.",
         "35 процентов", 35.443),
    ],
)  # fmt: skip
def test_shares_that_follow_from_their_counts(text: str, share: str, computed: float) -> None:
    claims = extract_claims(text)
    (finding,) = run_checks(text, claims, split_sentences(text))
    assert finding.type == "share-from-counts" and finding.ok
    assert next(c.text for c in claims if c.id == finding.claim) == share
    assert finding.figures["share"] == pytest.approx(computed, abs=1e-3)


def test_the_senate_counts_of_a_news_report_do_not_add_up() -> None:
    # Kazinform, March 2026: 10 women and 49 men would be 16.9%; 20.4% is 10 of 49
    text = ("Women hold 20.4 percent of seats in the upper chamber of the parliament, with 10 "
            "Senate deputies are women and 49 Senate deputies are men.")  # fmt: skip
    claims = extract_claims(text)
    (finding,) = run_checks(text, claims, split_sentences(text))
    assert not finding.ok
    assert finding.message.endswith("(20.4 percent is 10 of 49, as if that were all)")


# --- amounts per unit --------------------------------------------------------------------------
def test_a_plausible_amount_per_project() -> None:
    text = "The fund supported 2,000 projects worth 5 billion tenge in 2024."
    claims = extract_claims(text)
    (finding,) = run_checks(text, claims, split_sentences(text))
    assert finding.type == "amount-per-unit" and finding.ok
    assert finding.figures["per_unit"] == 2_500_000
    assert finding.figures["per_unit_usd"] == pytest.approx(5_325.49, abs=0.01)  # at 469.44


def test_an_implausible_amount_per_project_a_thousand_times_too_small() -> None:
    text = "Over 105,000 projects were supported, amounting to 4.1 billion tenge, in 2024."
    claims = extract_claims(text)
    (finding,) = run_checks(text, claims, split_sentences(text))
    assert not finding.ok and finding.figures["factor"] == 1000
    assert finding.figures["per_unit_usd"] == pytest.approx(83.18, abs=0.01)


def test_an_implausible_amount_that_no_scale_slip_explains() -> None:
    text = "The fund supported 10 projects worth 5 trillion tenge in 2024."
    claims = extract_claims(text)
    (finding,) = run_checks(text, claims, split_sentences(text))
    assert not finding.ok and "factor" not in finding.figures
    assert "the bounds are US$1,000 to US$100,000,000" in finding.message


# --- conversions -------------------------------------------------------------------------------
def test_conversions_within_and_beyond_ten_percent() -> None:
    ok = "The programme had a budget of 4.1 billion tenge (US$8.2 million) in 2024."
    off = "The programme had a budget of 10 billion tenge (US$10 million) in 2024."
    assert findings(ok) == [("conversion-rate", "US$8.2 million", True)]
    assert findings(off) == [("conversion-rate", "US$10 million", False)]


def test_a_conversion_a_thousand_times_off(check: Check) -> None:
    text = "The programme had a budget of 10 billion tenge (US$21 billion) in 2024."
    v = check(text).verdicts[1]
    assert (v.kind, v.reason) == ("inconsistent", "conversion-rate")
    assert "a thousand times off" in v.explanation
    assert v.findings[0].figures["implied_rate"] == pytest.approx(0.48, abs=0.01)


# --- the rates ---------------------------------------------------------------------------------
def test_the_rate_table_holds_the_national_bank_averages() -> None:
    table = kzt_per_usd()
    assert sorted(table) == list(range(2010, 2026))
    assert (table[2023].kzt_per_usd, table[2024].kzt_per_usd) == (456.31, 469.44)
    assert (table[2015].kzt_per_usd, table[2016].kzt_per_usd) == (221.73, 342.16)
    assert [y for y, r in table.items() if r.estimated] == [2025]
    assert [r.year for r in rates_for(2025)] == [2025, 2024]


def test_a_malformed_rate_names_file_row_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "rates.csv"
    bad.write_text("year,kzt_per_usd,status\n2023,456.31,A\n2024,n/a,A\n", encoding="utf-8")
    with pytest.raises(ClaimsError) as raised:
        kzt_per_usd(bad)
    assert (raised.value.row, raised.value.column) == (3, "kzt_per_usd")
    assert str(raised.value).startswith(f"{bad}, row 3, column 'kzt_per_usd'")
