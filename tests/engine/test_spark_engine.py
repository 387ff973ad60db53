"""The same plan on Spark (local[2]) gives identical observations to DuckDB."""

from __future__ import annotations

import shutil

import pytest

from tendik.build import Engine, build_project
from tendik.project import Project, load_project
from tendik.store import Warehouse

pytest.importorskip("pyspark", reason="Spark is the extra tendik[spark]")
if shutil.which("java") is None:  # pragma: no cover - CI has Java 17
    pytest.skip("Spark needs java on PATH", allow_module_level=True)


def register_observations(project: Project) -> dict[str, list[dict[str, object]]]:
    with Warehouse(project.warehouse_path) as warehouse:
        ids = [i.id for i in warehouse.indicators() if i.source == "civil-service-register"]
        out = {}
        for indicator in ids:
            table = warehouse.con.sql(
                "SELECT * EXCLUDE (computed_at) FROM observations WHERE indicator = ? ORDER BY ALL",
                params=[indicator],
            ).to_arrow_table()
            out[indicator] = table.to_pylist()
    return out


def test_register_catalogue_is_identical_on_spark_and_duckdb(
    built_kazakhstan: Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("spark") / "project"
    shutil.copytree(built_kazakhstan.root, root)
    (root / "warehouse.duckdb").unlink()
    on_spark = load_project(root)
    report = build_project(on_spark, engine=Engine("spark", "local[2]"))
    assert "civil-service-women" in report.recomputed
    duck = register_observations(built_kazakhstan)
    spark = register_observations(on_spark)
    assert set(duck) == set(spark) and len(duck) == 7
    for indicator, rows in duck.items():
        assert len(rows) == len(spark[indicator]) > 100, indicator
        assert rows == spark[indicator], indicator
