"""projected_year: the least-squares line since the base year and its 80% prediction band."""

import pytest

from tendik.errors import ProgressError
from tendik.progress import Target, projected_year

INCREASE_30 = Target(value=30, year=2030, direction="increase")
PARITY = Target(value=50, year=2030, direction="parity")  # band 2.5


def test_exactly_linear_series_has_a_zero_width_interval() -> None:
    # 20, 21, ..., 25 over 2015-2020: slope exactly 1 a year, 30 in 2020 + 5 = 2025; no residual
    # error, so the band has no width.
    series = [(2015 + k, 20.0 + k) for k in range(6)]
    result = projected_year(series, INCREASE_30)
    assert result.reached and not result.already_achieved
    assert (result.year, result.year_low, result.year_high) == (2025, 2025, 2025)
    assert result.slope == pytest.approx(1.0)
    assert result.explanation == (
        "At the trend since 2015 (+1 a year), the target of 30 is reached in 2025 "
        "(80% interval 2025 to 2025)."
    )


def test_noisy_series_interval_from_the_prediction_band() -> None:
    # Values 20, 21, 21, 23, 23, 25 over 2015-2020. Mean year 2017.5, mean value 22.1667,
    # Sxx = 17.5, Sxy = 16.5, slope 0.942857; the line reaches 30 at
    # 2017.5 + (30 - 22.1667) / 0.942857 = 2025.81, so 2026.
    # Residual SS 1.276190, s = sqrt(1.276190 / 4) = 0.564843; t(0.90, 4 df) = 1.533206;
    # half-width at year y: 1.533206 * s * sqrt(1 + 1/6 + (y - 2017.5)^2 / 17.5).
    # 2024: 28.2952 + 1.6388 = 29.93 < 30; 2025: 29.2381 + 1.8126 = 31.05 >= 30 -> low 2025.
    # 2028: 32.0667 - 2.3664 = 29.70 < 30; 2029: 33.0095 - 2.5579 = 30.45 >= 30 -> high 2029.
    series = [(2015, 20), (2016, 21), (2017, 21), (2018, 23), (2019, 23), (2020, 25)]
    result = projected_year(series, INCREASE_30)
    assert (result.year, result.year_low, result.year_high) == (2026, 2025, 2029)
    assert result.slope == pytest.approx(0.942857, abs=1e-6)
    # A 95% band is wider (t(0.975, 4 df) = 2.776445):
    # 2022: 26.4095 + 2.3907 = 28.80 < 30; 2023: 27.3524 + 2.6684 = 30.02 >= 30 -> low 2023;
    # 2031: 34.8952 - 5.3369 = 29.56 < 30; 2032: 35.8381 - 5.6936 = 30.14 >= 30 -> high 2032.
    wide = projected_year(series, INCREASE_30, level=0.95)
    assert (wide.year, wide.year_low, wide.year_high) == (2026, 2023, 2032)
    assert wide.explanation.endswith("is reached in 2026 (95% interval 2023 to 2032).")


def test_parity_from_above_reaches_the_upper_edge_of_the_band() -> None:
    # 60, 59, ..., 55 over 2015-2020: -1 a year reaches 52.5 at 2022.5, so 2023.
    series = [(2015 + k, 60.0 - k) for k in range(6)]
    result = projected_year(series, PARITY)
    assert (result.year, result.year_low, result.year_high) == (2023, 2023, 2023)
    assert result.slope == pytest.approx(-1.0)
    assert "the parity band (50 ± 2.5) at 52.5 is reached in 2023" in result.explanation


def test_parity_from_below_reaches_the_lower_edge_of_the_band() -> None:
    # 40, 41, ..., 45: +1 a year reaches 47.5 at 2022.5, so 2023.
    series = [(2015 + k, 40.0 + k) for k in range(6)]
    assert projected_year(series, PARITY).year == 2023


def test_decrease_target() -> None:
    # A gap of 20 falling 1 a year from 2015 reaches 10 in 2025.
    series = [(2015 + k, 20.0 - k) for k in range(6)]
    target = Target(value=10, year=2030, direction="decrease")
    assert projected_year(series, target).year == 2025


def test_two_points_give_a_year_but_no_interval() -> None:
    result = projected_year([(2015, 20), (2020, 25)], INCREASE_30)
    assert result.year == 2025
    assert result.year_low is None and result.year_high is None
    assert result.explanation.endswith("is reached in 2025 (no interval from two points).")


def test_not_reached_by_2050() -> None:
    # 20.0, 20.1, ..., 20.5: +0.1 a year reaches 30 only in 2015 + 100 = 2115.
    series = [(2015 + k, 20.0 + k / 10) for k in range(6)]
    result = projected_year(series, INCREASE_30)
    assert not result.reached and result.year is None
    assert result.year_low is None and result.year_high is None
    assert result.explanation == (
        "At the trend since 2015 (+0.1 a year), the target of 30 is not reached by 2050 "
        "(80% interval after 2050 to after 2050)."
    )
    assert projected_year(series, INCREASE_30, horizon=2200).year == 2115


def test_already_achieved_is_the_latest_year() -> None:
    result = projected_year([(2015, 20), (2018, 26), (2021, 31)], INCREASE_30)
    assert result.reached and result.already_achieved
    assert (result.year, result.year_low, result.year_high) == (2021, 2021, 2021)
    assert result.explanation == "Already achieved: 31 in 2021 meets the target of 30 (increase)."


def test_moving_away_or_flat_is_not_reached() -> None:
    away = projected_year([(2015, 25), (2016, 24), (2017, 23)], INCREASE_30)
    assert not away.reached and away.year is None
    assert away.slope == pytest.approx(-1.0)
    assert away.explanation == (
        "The trend since 2015 (-1 a year) moves away from the target (30 by 2030): "
        "not reached by 2050."
    )
    flat = projected_year([(2015, 25), (2016, 25), (2017, 25)], INCREASE_30)
    assert not flat.reached and "is flat" in flat.explanation


def test_only_points_since_the_base_year_count() -> None:
    # Before 2015 the share fell; since 2015 it rises 1 a year: the default base ignores 2010-2014.
    series = [(2010, 28.0), (2012, 24.0)] + [(2015 + k, 20.0 + k) for k in range(6)]
    assert projected_year(series, INCREASE_30).year == 2025
    # From 2010 the line (slope -0.2489 a year) moves away.
    assert not projected_year(series, INCREASE_30, base_year=2010).reached


def test_one_point_and_no_data() -> None:
    one = projected_year([(2024, 25)], INCREASE_30)
    assert not one.reached and "no trend to project" in one.explanation
    assert not projected_year([], INCREASE_30).reached


def test_level_must_be_a_probability() -> None:
    with pytest.raises(ProgressError, match="between 0 and 1"):
        projected_year([(2015, 20), (2020, 25)], INCREASE_30, level=80)
