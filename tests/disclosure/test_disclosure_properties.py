"""Random small tables: whatever suppress hides, the attacker cannot narrow down."""

from __future__ import annotations

import itertools

import pytest
from disclosure_tables import oracle, with_margins
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tendik.disclosure import audit, is_primary, suppress

COUNT = st.sampled_from([0, 0, 1, 2, 3, 4, 6, 9, 15, 40])


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], dict, list[tuple[str, ...]]]:
    """A 2-D or 3-D table of (women, men) and the breakdowns published over it."""
    ndims = draw(st.sampled_from([2, 3]))
    dims = ["region", "level", "corps"][:ndims]
    sizes = [draw(st.integers(2, 4 if ndims == 2 else 3)) for _ in dims]
    values = [[f"{d}{i}" for i in range(n)] for d, n in zip(dims, sizes, strict=True)]
    counts = {key: (draw(COUNT), draw(COUNT)) for key in itertools.product(*values)}
    subsets = [s for r in range(ndims + 1) for s in itertools.combinations(dims, r)]
    if ndims == 2 or draw(st.booleans()):
        breakdowns = subsets
    else:  # some breakdowns, the national total and at least one two-way breakdown
        chosen = draw(st.lists(st.sampled_from(subsets[1:]), min_size=1, max_size=6))
        chosen.append(draw(st.sampled_from(subsets[ndims + 1 : -1])))
        breakdowns = [(), *dict.fromkeys(chosen)]
    return dims, counts, breakdowns


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.sampled_from([3, 5]))
def test_every_hidden_cell_keeps_its_protection(table: tuple, k: int) -> None:
    dims, counts, breakdowns = table
    cells = with_margins(counts, dims, breakdowns)
    if not cells:
        return
    result = suppress(cells, dims=dims, k=k)
    assert result.primary == {i for i, cell in enumerate(cells) if is_primary(cell, k)}
    for position, cell in enumerate(cells):
        if cell.denominator >= k and not (0 < cell.numerator < k):
            if not (0 < cell.denominator - cell.numerator < k):
                assert position not in result.primary
    report = audit(cells, result.suppressed, dims=dims, protection=k)
    assert report.passed
    assert {cell.index for cell in report.cells} == result.suppressed
    for cell in report.cells:
        assert cell.numerator.width >= k - 1e-6
        assert cell.denominator.width >= k - 1e-6
        assert cell.complement.width >= k - 1e-6


@settings(max_examples=25, deadline=None)
@given(tables(), st.data())
def test_audit_agrees_with_the_attacker_over_the_full_table(
    table: tuple, data: st.DataObject
) -> None:
    dims, counts, breakdowns = table
    cells = with_margins(counts, dims, breakdowns)
    if len(cells) < 2:
        return
    hidden = data.draw(st.sets(st.integers(0, len(cells) - 1), min_size=1, max_size=5))
    report = audit(cells, hidden, dims=dims)
    for cell in report.cells:
        expected = oracle(cells, hidden, dims, cell.index)
        assert (cell.numerator.low, cell.numerator.high) == pytest.approx(expected["numerator"])
        assert (cell.complement.low, cell.complement.high) == pytest.approx(expected["complement"])
