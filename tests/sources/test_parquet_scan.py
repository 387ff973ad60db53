"""Large Parquet sources validated in place: the same errors as reading them, the same figures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

import tendik.sources.parquet_scan as parquet_scan
from tendik.build import build_project
from tendik.errors import (
    DuplicateKey,
    MissingColumn,
    MissingValue,
    SourceError,
    UnknownCode,
    WrongType,
)
from tendik.project import BUNDLED_PROJECT, Project, load_project
from tendik.sources import read_source
from tendik.sources.parquet_scan import scan_parquet
from tendik.sources.spec import SourceSpec
from tendik.store import Warehouse

REGISTER = BUNDLED_PROJECT / "sources" / "civil-service-register" / "register.parquet"


@pytest.fixture(scope="module")
def spec() -> SourceSpec:
    return load_project(BUNDLED_PROJECT).sources["civil-service-register"]


@pytest.fixture(scope="module")
def sample() -> pa.Table:
    return pq.read_table(REGISTER).slice(0, 2000)


def write(tmp_path: Path, table: pa.Table) -> Path:
    path = tmp_path / "register.parquet"
    pq.write_table(table, path)
    return path


def replace(table: pa.Table, column: str, row: int, value: object) -> pa.Table:
    values = table.column(column).to_pylist()
    values[row] = value
    field = table.schema.field(column)
    return table.set_column(
        table.schema.get_field_index(column),
        pa.field(column, field.type),
        pa.array(values, type=field.type),
    )


def both_fail(spec, path: Path) -> tuple[SourceError, SourceError]:
    local = spec.model_copy(update={"path": str(path.name)})
    with pytest.raises(SourceError) as scanned:
        scan_parquet(local, path)
    with pytest.raises(SourceError) as read:
        read_source(local, path.parent)
    return scanned.value, read.value


def test_the_bundled_register_scans_clean(spec: SourceSpec) -> None:
    scan = scan_parquet(spec, REGISTER)
    assert scan.num_rows == 990_000 and "monthly_salary" in scan.schema.names


@pytest.mark.parametrize(
    ("column", "row", "value", "error"),
    [
        ("region", 9, "KZ-XX", UnknownCode),
        ("sex", 41, None, MissingValue),
    ],
)
def test_bad_cells_are_named_like_the_reader_does(
    spec: SourceSpec,
    sample: pa.Table,
    tmp_path: Path,
    column: str,
    row: int,
    value: object,
    error: type[SourceError],
) -> None:
    path = write(tmp_path, replace(sample, column, row, value))
    scanned, read = both_fail(spec, path)
    assert type(scanned) is error and type(read) is error
    assert (scanned.row, scanned.column) == (read.row, read.column) == (row + 1, column)


def test_duplicate_key(spec: SourceSpec, sample: pa.Table, tmp_path: Path) -> None:
    duplicated = pa.concat_tables([sample, sample.slice(5, 1)])
    scanned, read = both_fail(spec, write(tmp_path, duplicated))
    assert isinstance(scanned, DuplicateKey) and isinstance(read, DuplicateKey)
    assert scanned.row == read.row == 2001
    assert "rows 6 and 2001" in str(scanned)


def test_missing_column_and_wrong_type(spec: SourceSpec, sample: pa.Table, tmp_path: Path) -> None:
    scanned, _ = both_fail(spec, write(tmp_path, sample.drop_columns(["corps"])))
    assert isinstance(scanned, MissingColumn) and scanned.column == "corps"
    as_text = sample.set_column(
        sample.schema.get_field_index("monthly_salary"),
        "monthly_salary",
        pc.cast(sample.column("monthly_salary"), pa.string()),
    )
    with pytest.raises(WrongType) as caught:
        scan_parquet(spec.model_copy(update={"path": "x.parquet"}), write(tmp_path, as_text))
    assert caught.value.column == "monthly_salary"


def test_a_scanned_build_gives_the_same_figures(
    built_kazakhstan: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    shutil.copytree(built_kazakhstan.root, root)
    (root / "warehouse.duckdb").unlink()
    monkeypatch.setattr(parquet_scan, "SCAN_THRESHOLD_BYTES", 0)  # scan every Parquet file
    project = load_project(root)
    build_project(project)
    query = (
        "SELECT * EXCLUDE (computed_at) FROM observations WHERE source = "
        "'civil-service-register' ORDER BY ALL"
    )
    with (
        Warehouse(project.warehouse_path) as scanned,
        Warehouse(built_kazakhstan.warehouse_path) as read,
    ):
        assert scanned.con.sql(query).fetchall() == read.con.sql(query).fetchall()
        source = next(s for s in scanned.sources() if s["id"] == "civil-service-register")
    assert source["n_rows"] == 990_000
