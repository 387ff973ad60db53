"""Kazakhstan's women in parliament (World Bank WDI SG.GEN.PARL.ZS, bundled file) against
parity (50 ± 2.5) by 2030."""

import csv
from pathlib import Path

import pytest

import tendik
from tendik.progress import ProgressStatus, Target, progress_status, projected_year

WDI_FILE = (
    Path(tendik.__file__).parent
    / "bundled/kazakhstan/sources/wdi-women-in-parliament"
    / "API_SG.GEN.PARL.ZS_DS2_en_csv_v2_216057.csv"
)
PARITY_2030 = Target(value=50, year=2030, direction="parity")


def kazakhstan_series() -> list[tuple[int, float]]:
    """The KAZ row of the WDI wide file, 2015-2024 (4 metadata lines, then the header)."""
    with WDI_FILE.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = next(row for row in rows if row[:2] == ["Country Name", "Country Code"])
    kaz = next(row for row in rows if row[1:2] == ["KAZ"])
    return [
        (int(year), float(cell))
        for year, cell in zip(header, kaz, strict=False)
        if year.isdigit() and 2015 <= int(year) <= 2024 and cell
    ]


def test_the_bundled_series_is_the_published_one() -> None:
    series = kazakhstan_series()
    assert len(series) == 10
    rounded = {year: round(value, 2) for year, value in series}
    assert rounded[2015] == 26.17
    assert {rounded[year] for year in range(2016, 2022)} == {27.10}
    assert (rounded[2022], rounded[2023], rounded[2024]) == (27.36, 18.37, 19.39)


def test_parliament_is_moving_away_from_parity() -> None:
    # Gap to 50: 2015 50 - 26.16822 = 23.83178; 2024 50 - 19.38776 = 30.61224.
    # Observed: (30.61224 / 23.83178) ** (1/9) - 1 = 1.284512 ** (1/9) - 1 = +0.0282106.
    # Required to bring the gap to 2.5 by 2030: (2.5 / 23.83178) ** (1/15) - 1 = -0.1395633.
    # The gap must shrink: ratio -0.0282106 / 0.1395633 = -0.20213 < 0: moving away.
    result = progress_status(kazakhstan_series(), PARITY_2030)
    assert result.status is ProgressStatus.MOVING_AWAY
    assert (result.base_year, result.latest_year) == (2015, 2024)
    assert result.observed_cagr == pytest.approx(0.0282106, abs=1e-7)
    assert result.required_cagr == pytest.approx(-0.1395633, abs=1e-7)
    assert result.ratio == pytest.approx(-0.20213, abs=1e-5)
    assert result.explanation == (
        "26.17 (2015) → 19.39 (2024), gap to 50 23.83 → 30.61: gap +2.82% a year against "
        "-13.96% a year needed to close the gap to the band (parity (50 ± 2.5) by 2030), "
        "ratio -0.20: moving away."
    )


def test_as_of_2022_the_gap_had_narrowed_a_little() -> None:
    # 2022: gap 50 - 27.35849 = 22.64151; (22.64151 / 23.83178) ** (1/7) - 1 = -0.0072927;
    # ratio 0.0072927 / 0.1395633 = 0.05225: between 0 and 0.6, negligible progress.
    result = progress_status(kazakhstan_series(), PARITY_2030, current_year=2022)
    assert result.ratio == pytest.approx(0.05225, abs=1e-5)
    assert result.status is ProgressStatus.NEGLIGIBLE_PROGRESS


def test_parity_is_not_projected_by_2050() -> None:
    # Years 2015-2024: mean 2019.5, Sxx 82.5, Sxy -60.4470; slope -0.732691 a year, while the
    # share (19.39) must rise to 47.5: moving away.
    result = projected_year(kazakhstan_series(), PARITY_2030)
    assert not result.reached and result.year is None
    assert result.slope == pytest.approx(-0.732691, abs=1e-6)
    assert result.explanation == (
        "The trend since 2015 (-0.73 a year) moves away from the target "
        "(parity (50 ± 2.5) by 2030): not reached by 2050."
    )
