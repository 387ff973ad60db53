"""The bundled news article checked claim by claim against the bundled warehouse.

The article (articles/kz-women-in-civil-service-2025.txt) gives its figures "as of the new
year"; its PROVENANCE dates it 1 January 2025, which is the publication date used here.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import tendik
from tendik.claims import Checker, CheckReport, to_json

ARTICLE = (
    Path(tendik.__file__).parent / "bundled/kazakhstan/articles/kz-women-in-civil-service-2025.txt"
)
PUBLISHED = date(2025, 1, 1)

# claim text -> (verdict, reason id, indicator, why the verdict is the right one)
EXPECTED: dict[str, tuple[str, str, str | None, str]] = {
    "Over a Third": ("unverifiable", "synthetic-only", "civil-service-women-managerial",
                     "top civil-service positions: only the synthetic register bears on them"),
    "Over 39%": ("unverifiable", "synthetic-only", "civil-service-women-managerial",
                 "senior civil-service posts: synthetic register only"),
    "Over One-third": ("unverifiable", "synthetic-only", "civil-service-women-managerial",
                       "senior civil-service positions: synthetic register only"),
    "55.8%": ("unverifiable", "synthetic-only", "civil-service-women",
              "the civil service: the register is calibrated to this very figure, so it is no "
              "evidence of it"),
    "39.1%": ("unverifiable", "synthetic-only", "civil-service-women-managerial",
              "senior positions: synthetic register only"),
    "18.9%": ("ambiguous", "chamber-unclear", "parliament-women-share",
              "'parliamentary seats' names no chamber; the lower chamber had 19.39% at the end of "
              "2024 (19 of 98, WDI) and 18.37% a year earlier, neither within 18.85-18.95; 18.9% "
              "is 28 of 148 seats in both chambers, which no bundled series counts; the UN "
              "series ends in 2021 (27.1), too far from 2025 to count"),
    "22.7%": ("unverifiable", "no-observation-for-period", "local-government-women-share",
              "maslikhats: the nearest observations are UN 2018 (22.19) and OWID 2022 (30.46), "
              "none for 2024 or 2025; the maslikhats were re-elected in March 2023, so 2022's "
              "figure says nothing of 2025"),
    "48%": ("unverifiable", "no-indicator", None, "no indicator covers SME ownership"),
    "over 105,000": ("unverifiable", "not-a-share", None, "a count of projects"),
    "4.1 billion tenge": ("inconsistent", "implausible-per-unit", None,
                          "39,048 tenge (about US$83) a supported project: a thousand times too "
                          "small, 'billion' for 'trillion'"),
    "US$8.2 million": ("inconsistent", "implausible-per-unit", None,
                       "the same amount in dollars (US$78 a project); its rate, 500 tenge a "
                       "dollar, is itself within 10% of 2024's 469.44"),
    "3,660": ("unverifiable", "not-a-share", None, "a count of women helped"),
    "41.2 billion tenge": ("unverifiable", "not-a-share", None,
                           "no indicator for loans; 11.3 million tenge a woman is plausible"),
    "US$82.8 million": ("consistent", "conversion-consistent", None,
                        "497.6 tenge a dollar: 6.0% above 2024's average, within 10%"),
    "280": ("unverifiable", "not-a-share", None, "a head count"),
    "over 16,000": ("unverifiable", "not-a-share", None, "a head count"),
    "from 33 to 104": ("unverifiable", "not-a-share", None, "a count of centres"),
    "approximately 18,000": ("unverifiable", "not-a-share", None, "a head count"),
    "45%": ("unverifiable", "not-a-level", None, "a change in income, not a level"),
}  # fmt: skip


@pytest.fixture(scope="module")
def report(checker: Checker) -> CheckReport:
    return checker.check(ARTICLE.read_text(encoding="utf-8"), published=PUBLISHED)


def test_every_claim_has_its_expected_verdict(report: CheckReport) -> None:
    got = {v.claim.text: (v.kind.value, v.reason, v.indicator) for v in report.verdicts}
    want = {text: (kind, reason, ind) for text, (kind, reason, ind, _) in EXPECTED.items()}
    assert got == want
    assert [v.id for v in report.verdicts] == [f"v-c{i}" for i in range(1, 20)]
    assert report.summary == {"consistent": 1, "inconsistent": 2, "ambiguous": 1,
                              "unverifiable": 15}  # fmt: skip


def by_text(report: CheckReport, text: str):  # type: ignore[no-untyped-def]
    return next(v for v in report.verdicts if v.claim.text == text)


def test_parliament_share_is_compared_with_the_end_of_2024(report: CheckReport) -> None:
    v = by_text(report, "18.9%")
    assert [(e.indicator, e.period, round(e.value, 2), e.agrees) for e in v.evidence] == [
        ("parliament-women-share", "2024", 19.39, False)
    ]
    evidence = v.evidence[0]
    assert evidence.link == "/indicators/parliament-women-share?area=KAZ"
    assert evidence.reference_date == "about the end of year t (World Bank WDI convention)"
    assert evidence.input_hash and len(evidence.input_hash) == 64
    assert "19.39" in v.explanation and "which chamber" in v.explanation
    assert v.matches[0].phrase == "parliamentary seats"


def test_maslikhats_name_the_nearest_observations(report: CheckReport) -> None:
    v = by_text(report, "22.7%")
    assert "22.19" in v.explanation and "30.46" in v.explanation
    assert v.evidence == ()


def test_synthetic_figures_are_never_shown(report: CheckReport) -> None:
    for text in ("55.8%", "39.1%", "Over 39%"):
        v = by_text(report, text)
        assert v.evidence == ()
        assert "only synthetic data in this warehouse bear on it" in v.explanation
    # the register's own 2025 figure (55.7996 ...) appears nowhere in the report
    assert "55.79" not in to_json(report)


def test_the_per_project_amount_is_a_thousand_times_too_small(report: CheckReport) -> None:
    tenge = by_text(report, "4.1 billion tenge")
    finding = next(f for f in tenge.findings if f.type == "amount-per-unit")
    assert not finding.ok
    assert round(finding.figures["per_unit"]) == 39_048  # 4.1e9 / 105,000
    assert finding.figures["factor"] == 1000
    assert "'billion' for 'trillion'" in finding.message
    dollars = by_text(report, "US$8.2 million")
    kinds = {f.type: f.ok for f in dollars.findings}
    assert kinds == {"amount-per-unit": False, "conversion-rate": True}


def test_conversions_against_the_2024_average(report: CheckReport) -> None:
    findings = {f.type: f for f in by_text(report, "US$82.8 million").findings}
    umai = findings["conversion-rate"]
    assert umai.ok and findings["amount-per-unit"].ok
    assert umai.figures["implied_rate"] == pytest.approx(497.58, abs=0.01)
    assert (umai.figures["year"], umai.figures["rate"]) == (2024, 469.44)
    damu = next(
        f for f in by_text(report, "US$8.2 million").findings if f.type == "conversion-rate"
    )
    assert damu.figures["implied_rate"] == 500.0


def test_the_report_as_json_round_trips(report: CheckReport) -> None:
    data = json.loads(to_json(report))
    assert data["published"] == "2025-01-01" and data["project"] == "Kazakhstan"
    assert len(data["verdicts"]) == 19
    assert data["verdicts"][5]["evidence"][0]["provenance"]["tendik_version"] == tendik.__version__
    assert {f["type"] for f in data["findings"]} == {"amount-per-unit", "conversion-rate"}
