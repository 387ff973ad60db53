"""publish(): the dispatcher, its report and its errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tendik.errors import PublishError, UnknownPublishFormat, WarehouseError
from tendik.project import Project, load_project
from tendik.publish import FORMATS, publish


def test_formats() -> None:
    assert FORMATS == ("csv", "xlsx", "sdmx", "datapackage", "opensdg")


def test_report_counts_files_and_rows(uk_published) -> None:
    report = uk_published["csv"]
    assert report.format == "csv"
    assert len(report.files) == 6  # five indicators and the catalogue
    assert report.rows == 357
    assert report.seconds > 0
    assert all(path.is_file() for path in report.files)


def test_unknown_format(uk_project: Project, tmp_path: Path) -> None:
    with pytest.raises(UnknownPublishFormat) as caught:
        publish(uk_project, tmp_path, "json")  # type: ignore[arg-type]
    assert caught.value.type == "unknown-publish-format"
    assert str(caught.value) == (
        "key 'format': no publishing format 'json' "
        "(formats: csv, xlsx, sdmx, datapackage, opensdg)")


def test_output_path_is_a_file(uk_project: Project, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(PublishError) as caught:
        publish(uk_project, target, "csv")
    assert caught.value.file == target


def test_no_warehouse_yet(kazakhstan_copy: Project, tmp_path: Path) -> None:
    with pytest.raises(WarehouseError) as caught:
        publish(kazakhstan_copy, tmp_path / "out", "csv")
    assert "run 'tendik build' first" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_empty_warehouse(uk_project: Project, tmp_path: Path) -> None:
    copy = tmp_path / "warehouse.duckdb"
    shutil.copy(uk_project.warehouse_path, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("DELETE FROM observations")
        con.execute("DELETE FROM indicators")
    empty = load_project(uk_project.root, warehouse=copy)
    with pytest.raises(PublishError, match="holds no indicators") as caught:
        publish(empty, tmp_path / "out", "xlsx")
    assert caught.value.type == "publish-error"
