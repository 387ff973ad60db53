"""progress_status on hand-computed series; CAGR = (end / start) ** (1 / years) - 1."""

import random

import pytest

from tendik.errors import DuplicateYear, ProgressError
from tendik.progress import ProgressStatus, Target, Thresholds, progress_status

INCREASE_30 = Target(value=30, year=2030, direction="increase")
PARITY = Target(value=50, year=2030, direction="parity")  # band 2.5 by default

# Required CAGR for 20 (2015) -> 30 (2030): 1.5 ** (1/15) - 1 = 0.0273997.
REQUIRED_20_TO_30 = 0.0273997


def test_share_rising_20_to_25_against_30_by_2030_is_substantial_progress() -> None:
    # Observed 2015-2020: 1.25 ** (1/5) - 1 = 0.0456396; ratio 0.0456396 / 0.0273997 = 1.66570,
    # at or above 0.95: substantial progress.
    result = progress_status([(2020, 25), (2015, 20)], INCREASE_30)
    assert result.status is ProgressStatus.SUBSTANTIAL_PROGRESS
    assert result.status == "substantial_progress"
    assert result.observed_cagr == pytest.approx(0.0456396, abs=1e-7)
    assert result.required_cagr == pytest.approx(REQUIRED_20_TO_30, abs=1e-7)
    assert result.ratio == pytest.approx(1.66570, abs=1e-5)
    assert (result.base_year, result.base_value) == (2015, 20.0)
    assert (result.latest_year, result.latest_value) == (2020, 25.0)
    assert result.explanation == (
        "20 (2015) → 25 (2020): +4.56% a year against +2.74% a year needed to reach the target "
        "(30 by 2030), ratio 1.67: substantial progress."
    )


@pytest.mark.parametrize(
    ("latest", "ratio", "status"),
    [
        # 1.1 ** 0.2 - 1 = 0.0192449; / 0.0273997 = 0.70238: between 0.6 and 0.95.
        (22.0, 0.70238, ProgressStatus.MODERATE_PROGRESS),
        # 1.025 ** 0.2 - 1 = 0.0049507; / 0.0273997 = 0.18069: between 0 and 0.6.
        (20.5, 0.18069, ProgressStatus.NEGLIGIBLE_PROGRESS),
        # 0.9 ** 0.2 - 1 = -0.0208516; / 0.0273997 = -0.76102: below 0.
        (18.0, -0.76102, ProgressStatus.MOVING_AWAY),
    ],
)
def test_ratio_thresholds(latest: float, ratio: float, status: ProgressStatus) -> None:
    result = progress_status([(2015, 20), (2020, latest)], INCREASE_30)
    assert result.ratio == pytest.approx(ratio, abs=1e-5)
    assert result.status is status


def test_series_already_at_target() -> None:
    # 31 >= 30: achieved, whatever the pace (1.55 ** 0.2 - 1 = 0.0916071).
    result = progress_status([(2015, 20), (2020, 31)], INCREASE_30)
    assert result.status is ProgressStatus.TARGET_ACHIEVED
    assert result.observed_cagr == pytest.approx(0.0916071, abs=1e-7)
    assert result.explanation == "31 in 2020 meets the target of 30 (increase): target achieved."


def test_moving_away_from_above_the_base() -> None:
    # 32 -> 29, target 30: observed 0.90625 ** 0.2 - 1 = -0.0194955; required
    # (30/32) ** (1/15) - 1 = -0.0042933; ratio -0.0194955 / 0.0042933 = -4.5409.
    result = progress_status([(2015, 32), (2020, 29)], INCREASE_30)
    assert result.ratio == pytest.approx(-4.5409, abs=1e-4)
    assert result.status is ProgressStatus.MOVING_AWAY


@pytest.mark.parametrize(
    ("latest", "direction", "status"),
    [
        (25.0, "increase", ProgressStatus.SUBSTANTIAL_PROGRESS),  # +0.0456396 >= 0.015
        (20.6, "increase", ProgressStatus.MODERATE_PROGRESS),  # 1.03 ** 0.2 - 1 = 0.0059293
        (20.3, "increase", ProgressStatus.NEGLIGIBLE_PROGRESS),  # 1.015 ** 0.2 - 1 = 0.0029822
        (25.0, "decrease", ProgressStatus.MOVING_AWAY),  # -0.0456396 < 0
    ],
)
def test_no_target_judges_the_observed_growth_alone(
    latest: float, direction: str, status: ProgressStatus
) -> None:
    result = progress_status([(2015, 20), (2020, latest)], None, direction=direction)  # type: ignore[arg-type]
    assert result.status is status
    assert result.required_cagr is None and result.ratio is None


def test_no_target_defaults_to_increase_and_says_so() -> None:
    result = progress_status([(2015, 20), (2020, 20.6)], None)
    assert result.status is ProgressStatus.MODERATE_PROGRESS
    assert result.observed_cagr == pytest.approx(0.0059293, abs=1e-7)
    assert result.explanation == (
        "20 (2015) → 20.6 (2020): +0.59% a year, a rise sought (no target): moderate progress."
    )


def test_parity_from_below_and_from_above_are_the_same_progress() -> None:
    # Gap to 50: 10 -> 5, observed 0.5 ** 0.2 - 1 = -0.1294494; the gap must reach the band's
    # half-width 2.5 by 2030: 0.25 ** (1/15) - 1 = -0.0882775; the gap must shrink, so the
    # ratio is -(-0.1294494) / 0.0882775 = 1.46639: substantial progress.
    below = progress_status([(2015, 40), (2020, 45)], PARITY)
    above = progress_status([(2015, 60), (2020, 55)], PARITY)  # the value falls: still progress
    for result in (below, above):
        assert result.status is ProgressStatus.SUBSTANTIAL_PROGRESS
        assert result.observed_cagr == pytest.approx(-0.1294494, abs=1e-7)
        assert result.required_cagr == pytest.approx(-0.0882775, abs=1e-7)
        assert result.ratio == pytest.approx(1.46639, abs=1e-5)
    assert above.base_value == 60.0 and above.latest_value == 55.0


def test_parity_moving_away_from_above() -> None:
    # Gap 10 -> 15: 1.5 ** 0.2 - 1 = 0.0844718; ratio -0.0844718 / 0.0882775 = -0.95689.
    result = progress_status([(2015, 60), (2020, 65)], PARITY)
    assert result.ratio == pytest.approx(-0.95689, abs=1e-5)
    assert result.status is ProgressStatus.MOVING_AWAY


def test_parity_band_decides_achievement() -> None:
    # 48 is within 50 ± 2.5 ...
    series = [(2015, 45), (2020, 48)]
    assert progress_status(series, PARITY).status is ProgressStatus.TARGET_ACHIEVED
    # ... but not exactly 50: the gap must go 5 -> 0, a required CAGR of -1 (-100% a year);
    # observed 0.4 ** 0.2 - 1 = -0.1674468, ratio 0.16745: negligible progress.
    exact = Target(value=50, year=2030, direction="parity", band=0)
    result = progress_status(series, exact)
    assert result.required_cagr == pytest.approx(-1.0)
    assert result.ratio == pytest.approx(0.16745, abs=1e-5)
    assert result.status is ProgressStatus.NEGLIGIBLE_PROGRESS


def test_parity_without_target_is_the_gap_to_50() -> None:
    # Gap 10 -> 5 shrinks 12.94% a year, above the 1.5% threshold.
    result = progress_status([(2015, 60), (2020, 55)], None, direction="parity")
    assert result.status is ProgressStatus.SUBSTANTIAL_PROGRESS


def test_reversing_the_direction_flips_the_status() -> None:
    series = [(2015, 20), (2020, 25)]
    assert progress_status(series, INCREASE_30).status is ProgressStatus.SUBSTANTIAL_PROGRESS
    # Target 15 by 2030, to be reached by falling: required (15/20) ** (1/15) - 1 = -0.0189961;
    # the value rose 4.56% a year, ratio -0.0456396 / 0.0189961 = -2.40258: moving away.
    decrease = Target(value=15, year=2030, direction="decrease")
    result = progress_status(series, decrease)
    assert result.required_cagr == pytest.approx(-0.0189961, abs=1e-7)
    assert result.ratio == pytest.approx(-2.40258, abs=1e-5)
    assert result.status is ProgressStatus.MOVING_AWAY


def test_insufficient_data() -> None:
    one = progress_status([(2024, 25)], INCREASE_30)
    assert one.status is ProgressStatus.INSUFFICIENT_DATA
    assert one.status == "insufficient_data"
    assert one.observed_cagr is None and one.latest_year == 2024
    assert one.explanation == (
        "Only one year with data (2024) from the base year: two are needed to measure progress."
    )
    empty = progress_status([], INCREASE_30)
    assert empty.status is ProgressStatus.INSUFFICIENT_DATA and empty.base_year is None
    # Data before 2015 only count when there is nothing later: here the window is 2016 alone.
    assert (
        progress_status([(2010, 10), (2016, 25)], INCREASE_30).status
        is ProgressStatus.INSUFFICIENT_DATA
    )
    # A single point that already meets the target is achieved all the same.
    assert progress_status([(2024, 31)], INCREASE_30).status is ProgressStatus.TARGET_ACHIEVED


def test_growth_from_zero_is_undefined() -> None:
    result = progress_status([(2015, 0), (2020, 5)], INCREASE_30)
    assert result.status is ProgressStatus.INSUFFICIENT_DATA
    assert "compound growth is undefined" in result.explanation


def test_duplicate_years_are_an_error() -> None:
    with pytest.raises(DuplicateYear, match="the year 2016 appears twice"):
        progress_status([(2015, 20), (2016, 21), (2016, 22)], INCREASE_30)


def test_base_and_current_year() -> None:
    series = [(2010, 10), (2013, 16), (2015, 20), (2018, 22), (2020, 25)]
    assert progress_status(series, INCREASE_30).base_year == 2015
    # 2012 has no data: the base moves to 2013; 16 -> 25 over 7 years: 1.5625 ** (1/7) - 1.
    result = progress_status(series, INCREASE_30, base_year=2012)
    assert (result.base_year, result.base_value) == (2013, 16.0)
    assert result.observed_cagr == pytest.approx(0.0658316, abs=1e-7)
    # As of 2018: 20 -> 22 over 3 years: 1.1 ** (1/3) - 1 = 0.0322801.
    as_of = progress_status(series, INCREASE_30, current_year=2018)
    assert (as_of.latest_year, as_of.latest_value) == (2018, 22.0)
    assert as_of.observed_cagr == pytest.approx(0.0322801, abs=1e-7)


def test_own_thresholds() -> None:
    # Ratio 1.66570 is below 2.0 but at least 1.0.
    result = progress_status([(2015, 20), (2020, 25)], INCREASE_30, thresholds=Thresholds(2, 1))
    assert result.status is ProgressStatus.MODERATE_PROGRESS
    with pytest.raises(ProgressError, match="substantial >= moderate >= negligible"):
        Thresholds(substantial=0.5, moderate=0.6)


def test_a_direction_contradicting_the_target_is_refused() -> None:
    with pytest.raises(ProgressError, match="contradicts the target's direction 'increase'"):
        progress_status([(2015, 20), (2020, 25)], INCREASE_30, direction="decrease")


def test_order_of_points_does_not_matter() -> None:
    series = [(2015, 20.0), (2016, 21.0), (2018, 22.0), (2019, 24.5), (2020, 25.0)]
    expected = progress_status(series, INCREASE_30)
    shuffled = series[:]
    random.Random(7).shuffle(shuffled)
    assert shuffled != series
    assert progress_status(shuffled, INCREASE_30) == expected


def test_to_dict_carries_the_stable_status_id() -> None:
    data = progress_status([(2015, 20), (2020, 25)], INCREASE_30).to_dict()
    assert data["status"] == "substantial_progress"
    assert data["target"] == {"value": 30.0, "year": 2030, "direction": "increase", "band": 0.0}


def test_required_growth_zero_or_undefined_falls_back_to_the_observed_growth() -> None:
    # Base already at 30, then 29: nothing was required, and 0.9667 ** 0.2 - 1 = -0.0067574 is a
    # fall where a rise is sought: moving away.
    at_target = progress_status([(2015, 30), (2020, 29)], INCREASE_30)
    assert at_target.required_cagr == 0.0 and at_target.ratio is None
    assert at_target.observed_cagr == pytest.approx(-0.0067574, abs=1e-7)
    assert at_target.status is ProgressStatus.MOVING_AWAY
    assert "the required growth is zero or undefined" in at_target.explanation
    # A target year that is the base year: +4.56% a year >= 1.5%, substantial.
    passed = Target(value=30, year=2015, direction="increase")
    result = progress_status([(2015, 20), (2020, 25)], passed)
    assert result.required_cagr is None
    assert result.status is ProgressStatus.SUBSTANTIAL_PROGRESS


def test_negative_values_use_the_growth_of_their_magnitude() -> None:
    # -10 -> -5 towards a target of 0 (a gap that must rise to zero): magnitudes 10 -> 5 grow
    # 0.5 ** 0.2 - 1 = -0.1294494; the target 0 needs -100% a year; as the values are negative
    # the sign turns: ratio +0.1294494 / 1 = 0.12945, negligible progress, not moving away.
    target = Target(value=0, year=2030, direction="increase")
    result = progress_status([(2015, -10), (2020, -5)], target)
    assert result.observed_cagr == pytest.approx(-0.1294494, abs=1e-7)
    assert result.required_cagr == pytest.approx(-1.0)
    assert result.ratio == pytest.approx(0.12945, abs=1e-5)
    assert result.status is ProgressStatus.NEGLIGIBLE_PROGRESS
