"""The pieces that make the register exact: fitting a batch to a row count, matching shares."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tendik.generate.batch import select_exact
from tendik.generate.calibrate import SexModel, draw_sex, target_shares


@settings(max_examples=200, deadline=None)
@given(
    counts=st.lists(st.integers(min_value=1, max_value=11), min_size=1, max_size=400),
    fraction=st.floats(min_value=0.0, max_value=1.0),
)
def test_select_exact_sums_to_the_requested_rows(counts: list[int], fraction: float) -> None:
    count = np.array([*counts, *[1] * 11])  # room to finish with single-row careers
    rows = max(1, int((count.sum() - 11) * fraction))
    chosen = select_exact(count, rows)
    assert chosen is not None
    assert int(count[chosen].sum()) == rows
    assert np.all(np.diff(chosen) > 0)


def test_select_exact_prefers_one_career_that_fits() -> None:
    count = np.array([3, 4, 5, 2, 11, 6, 1, 1])
    assert select_exact(count, 7).tolist() == [0, 1]
    assert select_exact(count, 9).tolist() == [0, 1, 3]
    assert select_exact(count, 13).tolist() == [0, 1, 2, 6]
    assert select_exact(count, 22).tolist() == [0, 1, 2, 3, 5, 6, 7]  # 8 left: 6 + 1 + 1
    assert select_exact(np.array([2, 2, 2, 2]), 3) is None


def test_draw_sex_matches_the_targets_exactly() -> None:
    rng = np.random.default_rng(11)
    n = 10_000
    managerial = rng.random(n) < 0.3
    in_all = rng.random(n) < 0.8
    model = SexModel(
        base=rng.normal(0.0, 1.0, n),
        managerial=managerial,
        in_all=in_all,
        in_managerial=in_all & managerial,
    )
    female = draw_sex(model, rng.random(n), (0.558, 0.391))
    n_all, n_mgr = int(in_all.sum()), int((in_all & managerial).sum())
    assert int(female[in_all].sum()) == round(0.558 * n_all)
    assert int(female[in_all & managerial].sum()) == round(0.391 * n_mgr)


def test_target_shares_by_year() -> None:
    assert target_shares(2025) == (55.8, 39.1)
    assert target_shares(2030) == (55.8, 39.1)
    all_2015, managerial_2015 = target_shares(2015)
    assert round(all_2015, 2) == 54.6
    assert round(managerial_2015, 2) == 34.6
