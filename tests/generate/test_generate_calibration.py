"""Calibration to the published 2025 totals, and the variation the register is meant to show."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from tendik.generate import RegisterSummary, generate_register
from tendik.reference.kz_regions import REGION_CODES

ACTIVE_2025 = "year = 2025 AND status = 'active'"


def query(path: Path, sql: str) -> list[tuple]:
    """Rows of a query over the register, which the query calls ``r``."""
    con = duckdb.connect()
    quoted = "'" + str(path).replace("'", "''") + "'"
    con.execute(f"CREATE VIEW r AS SELECT * FROM read_parquet({quoted})")
    return con.execute(sql).fetchall()


def women_pct(path: Path, where: str) -> float:
    """Percentage of women among the rows that match ``where``."""
    return query(path, f"SELECT 100 * avg((sex = 'F')::INT) FROM r WHERE {where}")[0][0]


def shares_by(path: Path, column: str, where: str = ACTIVE_2025) -> dict[str, float]:
    sql = f"SELECT {column}, 100 * avg((sex = 'F')::INT) FROM r WHERE {where} GROUP BY 1"
    return dict(query(path, sql))


def test_default_size_hits_the_published_2025_shares(default_register: RegisterSummary) -> None:
    path = default_register.path
    all_staff = women_pct(path, ACTIVE_2025)
    managers = women_pct(path, f"{ACTIVE_2025} AND is_managerial")
    assert abs(all_staff - 55.8) <= 0.1
    assert abs(managers - 39.1) <= 0.1
    assert abs(default_register.women_pct - all_staff) < 1e-9
    assert abs(default_register.women_managerial_pct - managers) < 1e-9
    assert default_register.calibration_year == 2025
    assert (default_register.target_women_pct, default_register.target_women_managerial_pct) == (
        55.8,
        39.1,
    )


def test_smaller_and_larger_sizes_are_calibrated_too(
    small_register: RegisterSummary, tmp_path: Path
) -> None:
    assert abs(women_pct(small_register.path, ACTIVE_2025) - 55.8) <= 0.1
    assert abs(women_pct(small_register.path, f"{ACTIVE_2025} AND is_managerial") - 39.1) <= 0.1
    progress: list[int] = []
    two_groups = generate_register(
        tmp_path / "two.parquet", rows=1_100_000, seed=5, on_progress=progress.append
    )
    assert progress == [1_000_000, 1_100_000]
    assert pq.read_metadata(two_groups.path).num_row_groups == 2
    assert pq.read_metadata(two_groups.path).num_rows == 1_100_000
    assert abs(two_groups.women_pct - 55.8) <= 0.1
    assert abs(two_groups.women_managerial_pct - 39.1) <= 0.1


def test_an_earlier_last_year_is_calibrated_to_the_trend(tmp_path: Path) -> None:
    summary = generate_register(tmp_path / "to2020.parquet", rows=120_000, years=(2015, 2020))
    assert sorted(summary.people_per_year) == [2015, 2016, 2017, 2018, 2019, 2020]
    assert round(summary.target_women_pct, 2) == 55.2
    assert round(summary.target_women_managerial_pct, 2) == 36.85
    where = "year = 2020 AND status = 'active'"
    assert abs(women_pct(summary.path, where) - 55.2) <= 0.1
    assert abs(women_pct(summary.path, f"{where} AND is_managerial") - 36.85) <= 0.1


def test_shares_rise_from_2015(default_register: RegisterSummary) -> None:
    path = default_register.path
    first = women_pct(path, "year = 2015 AND status = 'active'")
    first_managers = women_pct(path, "year = 2015 AND status = 'active' AND is_managerial")
    assert 53.0 <= first <= 55.3
    assert 33.0 <= first_managers <= 37.5
    by_year = default_register.women_managerial_pct_by_year
    assert by_year[2015] < by_year[2020] < by_year[2025]


def test_far_fewer_women_in_political_posts_and_corps_a(default_register: RegisterSummary) -> None:
    corps = shares_by(default_register.path, "corps")
    assert corps["political"] < corps["A"] < corps["B"]
    assert 8.0 <= corps["political"] <= 16.0
    assert 24.0 <= corps["A"] <= 36.0
    assert 55.0 <= corps["B"] <= 59.0


def test_more_women_in_regional_and_district_bodies(default_register: RegisterSummary) -> None:
    level = shares_by(default_register.path, "level")
    assert level["central"] + 4.0 < level["regional"] < level["district"]


def test_regions_are_the_current_iso_codes_and_differ(default_register: RegisterSummary) -> None:
    path = default_register.path
    regions = {code for (code,) in query(path, "SELECT DISTINCT region FROM r")}
    assert len(regions) == 20
    assert regions == set(REGION_CODES)
    # Abai, Jetisu and Ulytau exist from June 2022, Shymkent as a city from June 2018.
    per_year = dict(query(path, "SELECT year, count(DISTINCT region) FROM r GROUP BY 1"))
    assert (per_year[2015], per_year[2019], per_year[2022], per_year[2023]) == (16, 17, 17, 20)
    shares = shares_by(path, "region")
    assert max(shares.values()) - min(shares.values()) >= 8.0
    assert shares["KZ-59"] > shares["KZ-61"]  # North Kazakhstan above Turkistan


def test_pay_gap_comes_from_position_mix(default_register: RegisterSummary) -> None:
    path = default_register.path
    gap = query(
        path,
        f"""SELECT 1 - avg(monthly_salary) FILTER (sex = 'F')
                 / avg(monthly_salary) FILTER (sex = 'M') FROM r WHERE {ACTIVE_2025}""",
    )[0][0]
    assert 0.08 <= gap <= 0.20
    # Within the same post (category, level, region) the gap all but disappears.
    within = query(
        path,
        f"""SELECT sum(n * (1 - f / m)) / sum(n) FROM (
              SELECT count(*) AS n, avg(monthly_salary) FILTER (sex = 'F') AS f,
                     avg(monthly_salary) FILTER (sex = 'M') AS m
              FROM r WHERE {ACTIVE_2025} GROUP BY category, level, region)
            WHERE f IS NOT NULL AND m IS NOT NULL""",
    )[0][0]
    assert abs(within) < 0.02
    # Pay follows the post: ministers above executives above directors above experts.
    sql = f"""SELECT CASE WHEN corps = 'political' THEN 'political-' || level ELSE category END,
                     median(monthly_salary) FROM r WHERE {ACTIVE_2025} GROUP BY 1"""
    pay = dict(query(path, sql))
    assert pay["political-central"] > pay["A-1"] > pay["B-1"] > pay["B-6"] > pay["E-3"] > 200_000
    assert pay["political-central"] > pay["political-regional"] > pay["political-district"]
