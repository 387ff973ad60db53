"""Which relations the attacker writes down, and what bad input is told."""

from __future__ import annotations

import pyarrow as pa
import pytest
from disclosure_tables import find, oracle, with_margins

from tendik.disclosure import Cell, Interval, audit, cells_from_arrow, mark, suppress
from tendik.errors import (
    DisclosureError,
    DuplicateCell,
    InconsistentMargins,
    InvalidCell,
    MissingColumn,
)

ABC = ["a", "b", "c"]

# Women and men of a 2 x 2 x 2 table of which only the two-way margins are published.
COUNTS = {
    ("a0", "b0", "c0"): (1, 0),
    ("a0", "b0", "c1"): (2, 0),
    ("a0", "b1", "c0"): (3, 3),
    ("a0", "b1", "c1"): (9, 0),
    ("a1", "b0", "c0"): (0, 6),
    ("a1", "b0", "c1"): (3, 9),
    ("a1", "b1", "c0"): (9, 0),
    ("a1", "b1", "c1"): (2, 3),
}
TWO_WAY = [("a", "b"), ("b", "c"), ("a", "c"), ("a",), ("b",), ("c",), ()]


def test_three_two_way_margins_use_the_unpublished_three_way_table() -> None:
    cells = with_margins(COUNTS, ABC, TWO_WAY)
    hidden = [
        find(cells, b="b0", c="c1"),
        find(cells, a="a0", c="c0"),
        find(cells, a="a0", c="c1"),
        find(cells, a="a1", c="c0"),
        find(cells, a="a1", c="c1"),
    ]
    report = audit(cells, hidden, dims=ABC)
    assert report.cross_classified
    # a0 x b1 has 12 women but b1 x c1 only 11, so at least one of a0 x b1's women is in c0:
    # a0 x c0 holds at least 1 woman. Only the three-way table shows it; the two-way margins
    # alone would allow 0.
    target = report.of(find(cells, a="a0", c="c0"))
    assert target.numerator == Interval(1.0, 13.0)
    for cell in report.cells:
        expected = oracle(cells, hidden, ABC, cell.index)
        assert (cell.numerator.low, cell.numerator.high) == pytest.approx(expected["numerator"])
        assert (cell.complement.low, cell.complement.high) == pytest.approx(expected["complement"])


def test_margins_nobody_published_still_tie_two_breakdowns() -> None:
    # region x level and region x corps, but no region totals: R1's 2 persons at level L2 are
    # recovered through R1's unpublished total, which both breakdowns share.
    counts = {
        ("R1", "L1", "X"): (10, 12),
        ("R1", "L2", "Y"): (1, 1),
        ("R1", "L1", "Y"): (8, 9),
        ("R2", "L1", "X"): (15, 14),
        ("R2", "L2", "Y"): (11, 13),
    }
    dims = ["region", "level", "corps"]
    cells = with_margins(counts, dims, [("region", "level"), ("region", "corps"), ()])
    assert len(cells) == 9
    small = find(cells, region="R1", level="L2")
    report = audit(cells, [small], dims=dims)
    assert not report.cross_classified
    # R1 via corps: 10 + 9 = 19 women; via level: L1 has 18, so L2 has exactly 1
    assert report.of(small).numerator == Interval(1.0, 1.0)
    result = suppress(cells, dims=dims)
    assert result.audit.passed
    assert result.n_primary == 1


def test_cells_that_do_not_add_up_are_refused_with_their_key() -> None:
    cells = with_margins({("A",): (3, 7), ("B",): (10, 10)}, ["region"])
    total = find(cells)
    cells[total] = Cell({"region": None}, 13, 31)
    with pytest.raises(InconsistentMargins) as caught:
        suppress(cells, dims=["region"])
    assert caught.value.key == "region=_T"
    assert caught.value.column == "denominator"
    assert "sum to 30" in str(caught.value)
    assert caught.value.to_dict()["type"] == "inconsistent-margins"


def test_a_missing_margin_row_with_persons_below_it_is_refused() -> None:
    cells = with_margins({("A", "L1"): (3, 7), ("B", "L1"): (10, 10)}, ["region", "level"])
    cells.pop(find(cells, region="B"))
    with pytest.raises(InconsistentMargins) as caught:
        audit(cells, [], dims=["region", "level"])
    assert caught.value.key == "region=B, level=_T"


@pytest.mark.parametrize(
    ("cell", "column", "words"),
    [
        (Cell({"region": "A"}, 5, 4), "numerator", "exceeds the denominator 4"),
        (Cell({"region": "A"}, 1, -2), "denominator", "not a finite count"),
        (Cell({"region": "A"}, float("nan"), 4), "numerator", "not a finite count"),
    ],
)
def test_impossible_counts_are_refused(cell: Cell, column: str, words: str) -> None:
    with pytest.raises(InvalidCell) as caught:
        suppress([cell], dims=["region"])
    assert caught.value.column == column
    assert caught.value.key == "region=A"
    assert words in str(caught.value)


def test_keys_must_match_the_dimensions_and_be_unique() -> None:
    with pytest.raises(InvalidCell, match="'regoin'"):
        audit([Cell({"regoin": "A"}, 1, 5)], [], dims=["region"])
    with pytest.raises(DuplicateCell) as caught:
        audit([Cell({"region": "A"}, 1, 5), Cell(("A",), 2, 6)], [], dims=["region"])
    assert "cells 1 and 2" in str(caught.value)
    with pytest.raises(DisclosureError, match="position 3 is not among the 1 cells"):
        audit([Cell({"region": "A"}, 1, 5)], [3], dims=["region"])
    with pytest.raises(InvalidCell, match="some cells have a numerator"):
        audit([Cell({"region": "A"}, 1, 5), Cell({"region": None}, None, 5)], [], dims=["region"])


def test_cells_from_an_arrow_table_and_the_reasons_marked_back() -> None:
    table = pa.table(
        {
            "REGION": ["A", "B", None],
            "numerator": [1, 30, 31],
            "denominator": [3, 70, 73],
        }
    )
    cells = cells_from_arrow(table, dims=["REGION"])
    assert cells[2] == Cell({"REGION": None}, 31, 73)
    result = suppress(cells, dims=["REGION"])
    marked = mark(table, result)
    assert marked.column("suppression").to_pylist() == ["primary", "complementary", None]
    with pytest.raises(MissingColumn):
        cells_from_arrow(table, dims=["REGION"], numerator="women")
