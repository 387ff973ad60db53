"""Small tables worked out by hand: what gets hidden, and what an attacker can still learn."""

from __future__ import annotations

import math

import pytest
from disclosure_tables import find, oracle, with_margins

from tendik.disclosure import Cell, Interval, Reason, audit, is_primary, suppress
from tendik.errors import DisclosureError, InvalidCell

DIMS = ["region", "level"]

# Women and men by region x level; R1 x L2 and R2 x L1 are empty, so GROUP BY yields no cell.
#            L1        L2         L3
#   R1     (1, 1)      -       (12, 14)
#   R2       -      (20, 25)   (15, 18)
#   R3     (9, 11)  (30, 22)   (17, 21)
THREE_BY_THREE = {
    ("R1", "L1"): (1, 1),
    ("R1", "L3"): (12, 14),
    ("R2", "L2"): (20, 25),
    ("R2", "L3"): (15, 18),
    ("R3", "L1"): (9, 11),
    ("R3", "L2"): (30, 22),
    ("R3", "L3"): (17, 21),
}


def test_primary_rule_flags_few_women_or_few_men() -> None:
    assert is_primary(Cell({}, 1, 2))
    assert is_primary(Cell({}, 40, 42))  # 2 men
    assert is_primary(Cell({}, 0, 3))  # 3 men, no women
    assert is_primary(Cell({}, None, 4))
    assert not is_primary(Cell({}, 0, 100))  # nobody to single out among the women
    assert not is_primary(Cell({}, 5, 10))
    assert not is_primary(Cell({}, None, 0))
    assert is_primary(Cell({}, 5, 10), k=6)


def test_three_by_three_hides_the_one_rectangle_that_protects() -> None:
    # R1 x L1 (2 persons) is the only small cell. Raising it by 5 must be balanced in its row
    # and its column. Its row partner can only be R1 x L3 and its column partner only R3 x L1
    # (the other cells of that row and column are empty and cannot fall), and R3 x L3 closes
    # the rectangle; any cycle through a margin costs more, as margins weigh 2 and 3.
    cells = with_margins(THREE_BY_THREE, DIMS)
    result = suppress(cells, dims=DIMS)
    assert len(cells) == 14
    assert result.primary == {find(cells, region="R1", level="L1")}
    assert result.complementary == {
        find(cells, region="R1", level="L3"),
        find(cells, region="R3", level="L1"),
        find(cells, region="R3", level="L3"),
    }
    assert (result.n_primary, result.n_complementary) == (1, 3)
    assert result.reason({"region": None, "level": None}) is None
    assert result.reason(("R3", "L3")) is Reason.COMPLEMENTARY
    assert result.audit.passed
    # women in R1 x L1 = t, then R1 x L3 = 13 - t and R3 x L1 = 10 - t: t in [0, 10];
    # men likewise in [0, 12]; persons in [0, 22].
    small = result.audit.of(find(cells, region="R1", level="L1"))
    assert small.numerator == Interval(0.0, 10.0)
    assert small.complement == Interval(0.0, 12.0)
    assert small.denominator == Interval(0.0, 22.0)
    assert len(result.published()) == 10


def test_attacker_recovers_a_cell_hidden_alone_and_suppress_stops_it() -> None:
    cells = with_margins(THREE_BY_THREE, DIMS)
    small = find(cells, region="R1", level="L1")
    naive = audit(cells, [small], dims=DIMS)
    found = naive.of(small)
    # R1 total (13 women, 15 men) minus R1 x L3 (12, 14): exactly 1 woman and 1 man
    assert found.numerator == Interval(1.0, 1.0)
    assert found.complement == Interval(1.0, 1.0)
    assert found.denominator.width == 0
    assert not naive.passed
    assert naive.exposed == (found,)
    fixed = suppress(cells, dims=DIMS)
    checked = audit(cells, fixed.suppressed, dims=DIMS)
    assert checked.passed
    assert checked.of(small).numerator.width >= 5


def test_two_breakdowns_sharing_the_national_total() -> None:
    # R4 has 3 persons: its region margin and both its cells are small. The national total
    # minus the other region margins gives R4's margin back, and the level margins minus the
    # other regions' cells give R4's cells back, so both breakdowns need complements.
    counts = {
        ("R1", "top"): (6, 9),
        ("R1", "staff"): (40, 35),
        ("R2", "top"): (5, 12),
        ("R2", "staff"): (33, 30),
        ("R3", "top"): (7, 8),
        ("R3", "staff"): (51, 44),
        ("R4", "top"): (1, 0),
        ("R4", "staff"): (1, 1),
    }
    cells = with_margins(counts, DIMS)
    result = suppress(cells, dims=DIMS)
    primary = {
        find(cells, region="R4"),
        find(cells, region="R4", level="top"),
        find(cells, region="R4", level="staff"),
    }
    assert result.primary == primary
    hidden = [cells[i].key for i in result.suppressed]
    other_regions = [k for k in hidden if k["level"] is None and k["region"] not in (None, "R4")]
    other_top = [k for k in hidden if k["level"] == "top" and k["region"] != "R4"]
    assert other_regions and other_top
    assert find(cells) not in result.suppressed
    assert result.audit.passed
    for report in result.audit.cells:
        expected = oracle(cells, result.suppressed, DIMS, report.index)
        assert (report.numerator.low, report.numerator.high) == pytest.approx(expected["numerator"])
    assert result.audit.of(find(cells, region="R4")).numerator == Interval(0.0, 40.0)


def test_grand_total_is_hidden_only_when_nothing_else_protects() -> None:
    # A has 4 men and B 1, C none: 5 men in all. Their sum is published through the national
    # total, so A's men can be placed anywhere in [0, 5] once A and B are hidden: protection 5
    # is met without touching the total, protection 10 cannot be.
    counts = {("A",): (30, 4), ("B",): (40, 1), ("C",): (50, 0)}
    cells = with_margins(counts, ["region"])
    total = find(cells)
    five = suppress(cells, dims=["region"])
    assert five.primary == {find(cells, region="A"), find(cells, region="B")}
    assert five.complementary == frozenset()
    assert five.audit.of(find(cells, region="A")).complement == Interval(0.0, 5.0)
    ten = suppress(cells, dims=["region"], protection=10)
    assert total in ten.complementary
    assert ten.audit.passed
    assert math.isinf(ten.audit.of(find(cells, region="A")).complement.high)


def test_few_men_are_protected_as_well_as_few_women() -> None:
    # 40 women and 2 men in R1 x L1: the share alone (95%) would reveal the two men.
    counts = {
        ("R1", "L1"): (40, 2),
        ("R1", "L2"): (20, 20),
        ("R2", "L1"): (25, 30),
        ("R2", "L2"): (18, 22),
    }
    cells = with_margins(counts, DIMS)
    small = find(cells, region="R1", level="L1")
    assert audit(cells, [small], dims=DIMS).of(small).complement == Interval(2.0, 2.0)
    result = suppress(cells, dims=DIMS)
    assert result.primary == {small}
    assert len(result.complementary) == 3
    assert result.audit.of(small).complement.width >= 5
    assert result.audit.of(small).denominator.width >= 10


def test_plain_counts_without_a_numerator() -> None:
    counts = {"A": 3, "B": 40, "C": 55}
    cells = [Cell({"region": r}, None, n) for r, n in counts.items()]
    cells.append(Cell({"region": None}, None, 98))
    result = suppress(cells, dims=["region"])
    assert result.primary == {0}
    assert len(result.complementary) == 1
    report = result.audit.of(0)
    assert report.numerator is None
    assert report.denominator.width >= 5
    assert audit(cells, [0], dims=["region"]).of(0).denominator == Interval(3.0, 3.0)


def test_a_weight_by_persons_hides_the_smallest_partner() -> None:
    counts = {("A",): (1, 1), ("B",): (50, 50), ("C",): (6, 7), ("D",): (30, 31)}
    cells = with_margins(counts, ["region"])
    result = suppress(cells, dims=["region"], weight=lambda cell: cell.denominator)
    assert result.primary == {find(cells, region="A")}
    assert result.complementary == {find(cells, region="C")}
    # A + C = 15 persons, 7 women: A's women in [0, 7], men in [0, 8]
    assert result.audit.of(find(cells, region="A")).numerator == Interval(0.0, 7.0)


def test_a_protection_or_weight_that_is_not_positive_is_refused() -> None:
    cells = with_margins(THREE_BY_THREE, DIMS)
    with pytest.raises(DisclosureError, match="protection must be a positive"):
        suppress(cells, dims=DIMS, protection=0)
    with pytest.raises(InvalidCell) as caught:
        suppress(cells, dims=DIMS, weight=lambda cell: 0.0)
    assert caught.value.type == "invalid-cell"
    assert "weight 0" in str(caught.value)
