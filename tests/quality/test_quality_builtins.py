"""The checks every indicator gets, each on a small warehouse written by hand."""

from __future__ import annotations

import pytest
from quality_helpers import Hand, MakeProject

from tendik.quality import (
    DuplicateKeyFound,
    NumeratorExceedsDenominator,
    PartsDoNotSumToTotal,
    ShareOutOfRange,
    validate_project,
)

SHARE = {"measure": {"share": "sex = 'F'"}, "period": "year"}
NO_OUTLIERS = {"outliers": {"enabled": False}}


def test_a_numerator_above_its_denominator(hand_project: MakeProject) -> None:
    women = Hand(
        "women",
        [("KAZ", "2024", {}, 40.0, 4.0, 10.0), ("KAZ", "2025", {}, 140.0, 7.0, 5.0)],
        definition=SHARE,
    )
    report = validate_project(hand_project(women, quality=NO_OUTLIERS))
    (finding,) = report.of_type("numerator-exceeds-denominator")
    assert isinstance(finding, NumeratorExceedsDenominator)
    assert (finding.period, finding.numerator, finding.denominator) == ("2025", 7.0, 5.0)
    assert finding.severity == "error"
    assert finding.message == "'women' KAZ 2025: numerator 7 exceeds denominator 5"
    assert [r.to_dict() for r in finding.rows] == [
        {"indicator": "women", "REF_AREA": "KAZ", "TIME_PERIOD": "2025"}
    ]
    # the same cell is also a percentage above 100
    assert [f.period for f in report.of_type("share-out-of-range")] == ["2025"]
    assert report.has_errors and report.counts == {"error": 2, "warning": 0, "info": 0}


def test_a_ratio_may_have_a_larger_numerator(hand_project: MakeProject) -> None:
    gap = Hand(
        "pay-ratio",
        [("KAZ", "2024", {}, 125.0, 500.0, 400.0), ("KAZ", "2025", {}, -12.0, 400.0, 500.0)],
        definition={
            "measure": {"ratio": [{"agg": "mean", "column": "m"}, {"agg": "mean", "column": "f"}]}
        },
    )
    report = validate_project(hand_project(gap, quality=NO_OUTLIERS))
    assert report.findings == []  # neither numerator > denominator nor -12 % is an error here


def test_a_percentage_outside_0_to_100(hand_project: MakeProject) -> None:
    series = Hand(
        "published",
        [
            ("KAZ", "2023", {}, -1.5, None, None),
            ("KAZ", "2024", {}, 100.0, None, None),
            ("KGZ", "2024", {}, 100.2, None, None),
            ("UZB", "2024", {}, 0.0, None, None),
        ],
    )
    report = validate_project(hand_project(series, quality=NO_OUTLIERS))
    found = report.of_type("share-out-of-range")
    assert all(isinstance(f, ShareOutOfRange) for f in found)
    assert [(f.area, f.period, f.value) for f in found] == [  # type: ignore[attr-defined]
        ("KAZ", "2023", -1.5),
        ("KGZ", "2024", 100.2),
    ]
    assert found[1].message == "'published' KGZ 2024: a percentage of 100.2 is outside 0–100"


def test_parts_that_do_not_sum_to_their_total(hand_project: MakeProject) -> None:
    women = Hand(
        "women",
        [
            ("KAZ", "2024", {}, 50.0, 10.0, 20.0),
            ("KAZ", "2024", {"REGION": "KZ-AST"}, 50.0, 4.0, 8.0),
            ("KAZ", "2024", {"REGION": "KZ-ALA"}, 45.45, 5.0, 11.0),  # 9 of 19, not 10 of 20
            ("KAZ", "2024", {"LEVEL": "central"}, 50.0, 6.0, 12.0),
            ("KAZ", "2024", {"LEVEL": "district"}, 50.0, 4.0, 8.0),  # 10 of 20: adds up
            ("KAZ", "2025", {}, 50.0, 3.0, 6.0),
            ("KAZ", "2025", {"REGION": "KZ-AST"}, 50.0, 1.0, 2.0),
            ("KAZ", "2025", {"REGION": "_U"}, 50.0, 2.0, 4.0),  # the unknown region counts too
        ],
        dimensions=["LEVEL", "REGION"],
        definition=SHARE,
    )
    report = validate_project(hand_project(women, quality=NO_OUTLIERS))
    found = report.of_type("parts-do-not-sum-to-total")
    assert all(isinstance(f, PartsDoNotSumToTotal) for f in found)
    summary = [(f.period, f.breakdown, f.field, f.total, f.parts_sum, f.parts) for f in found]  # type: ignore[attr-defined]
    assert summary == [
        ("2024", "REGION", "numerator", 10.0, 9.0, 2),
        ("2024", "REGION", "denominator", 20.0, 19.0, 2),
    ]
    assert found[0].message == (
        "'women' KAZ 2024: the 2 REGION parts' numerators sum to 9, the total's numerator is 10"
    )
    assert len(found[0].rows) == 3  # the total and its two parts


def test_crossed_breakdowns_sum_to_the_one_dimensional_ones(hand_project: MakeProject) -> None:
    staff = Hand(
        "staff",
        [
            ("KAZ", "2024", {}, 7.0, 7.0, None),
            ("KAZ", "2024", {"LEVEL": "central"}, 3.0, 3.0, None),
            ("KAZ", "2024", {"LEVEL": "district"}, 4.0, 4.0, None),
            ("KAZ", "2024", {"LEVEL": "central", "REGION": "KZ-AST"}, 1.0, 1.0, None),
            ("KAZ", "2024", {"LEVEL": "central", "REGION": "KZ-ALA"}, 1.0, 1.0, None),
        ],
        unit="count",
        dimensions=["LEVEL", "REGION"],
        definition={"measure": {"count": "true"}},
    )
    report = validate_project(hand_project(staff, quality=NO_OUTLIERS))
    (finding,) = report.of_type("parts-do-not-sum-to-total")
    assert finding.dimensions == {"LEVEL": "central"}  # type: ignore[attr-defined]
    assert (finding.breakdown, finding.total, finding.parts_sum) == ("REGION", 3.0, 2.0)  # type: ignore[attr-defined]
    # 7 = 3 + 4 by level adds up; the central level's two regions (1 + 1) do not make its 3
    assert "'staff' KAZ 2024 (LEVEL=central)" in finding.message


def test_means_and_medians_are_not_summed(hand_project: MakeProject) -> None:
    median_pay = Hand(
        "median-pay",
        [
            ("KAZ", "2024", {}, 300.0, None, 10.0),
            ("KAZ", "2024", {"REGION": "KZ-AST"}, 350.0, None, 4.0),
            ("KAZ", "2024", {"REGION": "KZ-ALA"}, 250.0, None, 5.0),  # 9 people, not 10
        ],
        unit="tenge",
        dimensions=["REGION"],
        definition={"measure": {"median": "salary"}},
    )
    report = validate_project(hand_project(median_pay, quality=NO_OUTLIERS))
    # 350 + 250 is not 300, and that is fine; the head count of 9 against 10 is not
    assert [(f.field, f.total, f.parts_sum) for f in report.findings] == [  # type: ignore[attr-defined]
        ("denominator", 10.0, 9.0)
    ]


def test_two_observations_with_one_key(hand_project: MakeProject) -> None:
    women = Hand(
        "women",
        [
            ("KAZ", "2024", {"REGION": "KZ-AST"}, 50.0, 1.0, 2.0),
            ("KAZ", "2024", {"REGION": "KZ-AST"}, 60.0, 3.0, 5.0),
            ("KAZ", "2024", {"REGION": "KZ-ALA"}, 60.0, 3.0, 5.0),
        ],
        dimensions=["REGION"],
        definition=SHARE,
    )
    report = validate_project(hand_project(women, quality=NO_OUTLIERS))
    (finding,) = report.of_type("duplicate-key")
    assert isinstance(finding, DuplicateKeyFound)
    assert (finding.dimensions, finding.count, finding.values) == (
        {"REGION": "KZ-AST"},
        2,
        (50.0, 60.0),
    )
    assert finding.message == (
        "'women' KAZ 2024 (REGION=KZ-AST): 2 observations share this key (values 50, 60)"
    )


@pytest.mark.parametrize(
    "check", ["share-out-of-range", "duplicate-key", "numerator-exceeds-denominator"]
)
def test_a_built_in_check_can_be_switched_off(hand_project: MakeProject, check: str) -> None:
    women = Hand(
        "women",
        [("KAZ", "2025", {}, 140.0, 7.0, 5.0), ("KAZ", "2025", {}, 140.0, 7.0, 5.0)],
        definition=SHARE,
    )
    on = validate_project(hand_project(women, quality=NO_OUTLIERS))
    off = validate_project(hand_project(women, quality={**NO_OUTLIERS, "disable": [check]}))
    assert on.by_type[check] >= 1
    assert check not in off.by_type
    assert sum(off.by_type.values()) == sum(on.by_type.values()) - on.by_type[check]


def test_a_suppressed_part_is_not_summed(hand_project: MakeProject) -> None:
    women = Hand(
        "women",
        [
            ("KAZ", "2024", {}, 50.0, 10.0, 20.0),
            ("KAZ", "2024", {"REGION": "KZ-AST"}, 50.0, 8.0, 16.0),
            ("KAZ", "2024", {"REGION": "KZ-ALA"}, None, None, None),  # held back: 2 of 4
            ("KAZ", "2025", {}, 50.0, 10.0, 20.0),
            ("KAZ", "2025", {"REGION": "KZ-AST"}, 50.0, 8.0, 16.0),
            ("KAZ", "2025", {"REGION": "KZ-ALA"}, 50.0, 1.0, 2.0),  # published, and short
        ],
        dimensions=["REGION"],
        definition=SHARE,
    )
    report = validate_project(hand_project(women, quality=NO_OUTLIERS))
    found = [(f.period, f.field, f.parts_sum) for f in report.findings]  # type: ignore[attr-defined]
    assert found == [("2025", "numerator", 9.0), ("2025", "denominator", 18.0)]
