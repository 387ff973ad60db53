"""The same plan on Spark (local[2]) gives identical observations to DuckDB."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tendik.build import Engine, build_project
from tendik.errors import SourceError, UnknownCode
from tendik.project import Project, load_project
from tendik.store import Warehouse

pytest.importorskip("pyspark", reason="Spark is the extra tendik[spark]")
if shutil.which("java") is None:  # pragma: no cover - CI has Java 17
    pytest.skip("Spark needs java on PATH", allow_module_level=True)


def register_observations(
    project: Project, exclude: str = "computed_at"
) -> dict[str, list[dict[str, object]]]:
    with Warehouse(project.warehouse_path) as warehouse:
        ids = [i.id for i in warehouse.indicators() if i.source == "civil-service-register"]
        out = {}
        for indicator in ids:
            table = warehouse.con.sql(
                f"SELECT * EXCLUDE ({exclude}) FROM observations WHERE indicator = ? ORDER BY ALL",
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


def _point_register_at(root: Path, url: str) -> None:
    config = root / "tendik.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace('path = "sources/civil-service-register/register.parquet"', f'path = "{url}"'),
        encoding="utf-8",
    )


def test_a_register_in_object_storage_is_read_by_spark_only(
    built_kazakhstan: Project, tmp_path: Path
) -> None:
    """A URL path (file:// here, s3a:// or gs:// on a cluster) never reaches DuckDB or the disk
    reader: Spark validates it and computes the same figures."""
    root = tmp_path / "project"
    shutil.copytree(built_kazakhstan.root, root)
    (root / "warehouse.duckdb").unlink()
    bucket = tmp_path / "bucket" / "register"
    bucket.mkdir(parents=True)
    shutil.copy(built_kazakhstan.source_path("civil-service-register"), bucket / "part-0.parquet")
    _point_register_at(root, bucket.as_uri())
    remote = load_project(root)
    with pytest.raises(SourceError, match="--engine spark"):
        build_project(remote)
    build_project(remote, engine=Engine("spark", "local[2]"))
    # the same figures; only the input hash differs (a remote source is known by its URL)
    exclude = "computed_at, input_hash"
    assert register_observations(remote, exclude) == register_observations(
        built_kazakhstan, exclude
    )
    with Warehouse(remote.warehouse_path) as warehouse:
        source = next(s for s in warehouse.sources() if s["id"] == "civil-service-register")
    assert source["n_rows"] == 990_000 and source["path"] == bucket.as_uri()


def test_a_bad_value_in_object_storage_is_named(built_kazakhstan: Project, tmp_path: Path) -> None:
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    root = tmp_path / "project"
    shutil.copytree(built_kazakhstan.root, root)
    (root / "warehouse.duckdb").unlink()
    bucket = tmp_path / "bucket"
    bucket.mkdir()
    table = pq.read_table(built_kazakhstan.source_path("civil-service-register")).slice(0, 5000)
    corps = pc.if_else(pc.equal(table.column("corps"), "A"), "Z", table.column("corps"))
    pq.write_table(
        table.set_column(table.schema.get_field_index("corps"), "corps", corps),
        bucket / "part-0.parquet",
    )
    _point_register_at(root, bucket.as_uri())
    with pytest.raises(UnknownCode) as caught:
        build_project(load_project(root), engine=Engine("spark", "local[2]"))
    assert caught.value.column == "corps" and "'Z'" in str(caught.value)
    assert not (root / "warehouse.duckdb").exists()
