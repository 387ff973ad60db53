"""The bundled register catalogue: calibrated totals, subtotals that add up, the file's origin."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from tendik.generate import generate_register, read_register_metadata
from tendik.project import Project
from tendik.store import Warehouse

REGISTER_INDICATORS = [
    "civil-service-women",
    "civil-service-women-managerial",
    "civil-service-women-political",
    "civil-service-women-corps-a",
    "civil-service-women-new-hires",
    "civil-service-women-exits",
]


def cells(warehouse: Warehouse, indicator: str) -> list[dict[str, object]]:
    return (
        warehouse.con.sql("SELECT * FROM observations WHERE indicator = ?", params=[indicator])
        .to_arrow_table()
        .to_pylist()
    )


def test_calibrated_totals_for_2025(built_kazakhstan: Project) -> None:
    with Warehouse(built_kazakhstan.warehouse_path) as warehouse:
        women = warehouse.observations("civil-service-women", period="2025").to_pylist()[0]
        managers = warehouse.observations(
            "civil-service-women-managerial", period="2025"
        ).to_pylist()[0]
        source = next(s for s in warehouse.sources() if s["id"] == "civil-service-register")
    assert women["OBS_VALUE"] == pytest.approx(55.8, abs=0.1)
    assert managers["OBS_VALUE"] == pytest.approx(39.1, abs=0.1)
    assert women["denominator"] == 79_635  # active civil servants on 2025-01-01 in the file
    assert source["synthetic"] is True and "SYNTHETIC" in source["title"]


@pytest.mark.parametrize("indicator", REGISTER_INDICATORS)
def test_every_breakdown_sums_to_the_national_figure(
    built_kazakhstan: Project, indicator: str
) -> None:
    with Warehouse(built_kazakhstan.warehouse_path) as warehouse:
        rows = cells(warehouse, indicator)
        dims = warehouse.indicator(indicator).dimensions
    assert "REGION" in dims
    totals = {r["TIME_PERIOD"]: r for r in rows if all(r[d] is None for d in dims)}
    assert set(totals) == {str(y) for y in range(2015, 2026)}
    checked = 0
    for dim in dims:
        for period, total in totals.items():
            parts = [
                r
                for r in rows
                if r["TIME_PERIOD"] == period
                and r[dim] is not None
                and all(r[d] is None for d in dims if d != dim)
            ]
            assert parts, (indicator, dim, period)
            if any(p["OBS_STATUS"] == "C" for p in parts):  # suppressed: no sum to check
                assert all(p["OBS_VALUE"] is None for p in parts if p["OBS_STATUS"] == "C")
                continue
            assert sum(p["numerator"] for p in parts) == total["numerator"]
            assert sum(p["denominator"] for p in parts) == total["denominator"]
            checked += 1
    assert checked >= len(dims) * len(totals) // 2


def test_register_figures_match_a_direct_query(built_kazakhstan: Project) -> None:
    register = built_kazakhstan.source_path("civil-service-register")
    women, total = duckdb.sql(
        f"SELECT count(*) FILTER (WHERE sex = 'F'), count(*) FROM read_parquet('{register}') "
        "WHERE is_managerial AND status = 'active' AND region = 'KZ-71' AND year = 2025"
    ).fetchall()[0]
    with Warehouse(built_kazakhstan.warehouse_path) as warehouse:
        table = warehouse.observations(
            "civil-service-women-managerial", by="region", period="2025"
        ).to_pylist()
    astana = next(r for r in table if r["REGION"] == "KZ-71")
    assert (astana["numerator"], astana["denominator"]) == (women, total)
    assert astana["OBS_VALUE"] == pytest.approx(100 * women / total)


def test_pay_ratio_is_women_median_over_men_median(built_kazakhstan: Project) -> None:
    register = built_kazakhstan.source_path("civil-service-register")
    f, m = duckdb.sql(
        f"SELECT median(monthly_salary) FILTER (WHERE sex = 'F'), "
        f"median(monthly_salary) FILTER (WHERE sex = 'M') FROM read_parquet('{register}') "
        "WHERE status = 'active' AND year = 2025"
    ).fetchall()[0]
    with Warehouse(built_kazakhstan.warehouse_path) as warehouse:
        row = warehouse.observations("civil-service-pay-ratio", period="2025").to_pylist()[0]
    assert row["OBS_VALUE"] == pytest.approx(100 * f / m)
    assert row["OBS_VALUE"] < 100


def test_the_bundled_register_regenerates_from_its_seed(
    tmp_path: Path, built_kazakhstan: Project
) -> None:
    bundled = built_kazakhstan.source_path("civil-service-register")
    metadata = read_register_metadata(bundled)
    assert metadata["tendik.synthetic"] == "true" and metadata["tendik.seed"] == "2025"
    regenerated = tmp_path / "register.parquet"
    generate_register(regenerated, rows=int(metadata["tendik.rows"]), seed=2025)
    assert pq.read_table(regenerated).equals(pq.read_table(bundled))


def test_a_breakdown_is_found_by_its_dimension_or_its_column(built_kazakhstan: Project) -> None:
    with Warehouse(built_kazakhstan.warehouse_path) as warehouse:
        by_dimension = warehouse.observations("civil-service-women", by="age", period="2025")
        by_column = warehouse.observations("civil-service-women", by="age_group", period="2025")
    assert by_dimension.equals(by_column)
    assert sorted(by_column.column("AGE").to_pylist()) == ["30-39", "40-49", "50-59", "60+", "<30"]
    assert sum(by_column.column("denominator").to_pylist()) == 79_635
