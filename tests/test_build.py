"""tendik build on the bundled Kazakhstan project: real figures, incremental, atomic."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from tendik.build import build_project
from tendik.errors import SourceError, TendikError
from tendik.project import Project
from tendik.store import Warehouse


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def value(warehouse: Warehouse, indicator: str, area: str, period: str) -> float:
    table = warehouse.observations(indicator, area=area, period=period)
    assert table.num_rows == 1, (indicator, area, period, table.num_rows)
    return table.column("OBS_VALUE")[0].as_py()


def test_kazakhstan_parliament_2024_from_wdi(built_kazakhstan: Project) -> None:
    with Warehouse(built_kazakhstan.warehouse_path) as warehouse:
        assert value(warehouse, "parliament-women-share", "KAZ", "2024") == pytest.approx(
            19 / 98 * 100
        )
        assert value(warehouse, "parliament-women-share", "KAZ", "2023") == pytest.approx(
            18.3673469387755
        )


def test_kazakhstan_local_government_2018_from_un(built_kazakhstan: Project) -> None:
    with Warehouse(built_kazakhstan.warehouse_path) as warehouse:
        assert value(warehouse, "local-government-women-share", "KAZ", "2018") == 22.19
        assert value(warehouse, "local-government-women-share-owid", "KAZ", "2022") == 30.46


def test_a_country_year_in_both_parliament_files_reads_right_from_both(
    built_kazakhstan: Project,
) -> None:
    with Warehouse(built_kazakhstan.warehouse_path) as warehouse:
        assert value(warehouse, "parliament-women-share", "KAZ", "2012") == pytest.approx(
            24.2990654205607
        )
        assert value(warehouse, "parliament-women-share-un", "KAZ", "2012") == 24.3
        # WDI's year t is about the end of t, the UN's as of 1 January: WDI 2020 ~ UN 2021
        assert value(warehouse, "parliament-women-share", "KAZ", "2020") == pytest.approx(
            27.1028037383178
        )
        assert value(warehouse, "parliament-women-share-un", "KAZ", "2021") == 27.1
        assert value(warehouse, "parliament-women-share", "KGZ", "2020") == pytest.approx(
            16.5217391304348
        )
        assert value(warehouse, "parliament-women-share-un", "KGZ", "2021") == 17.09


def test_other_bundled_series(built_kazakhstan: Project) -> None:
    with Warehouse(built_kazakhstan.warehouse_path) as warehouse:
        assert value(warehouse, "managers-women-share", "KAZ", "2017") == 36.96
        assert value(warehouse, "ministers-women-share", "KAZ", "2019") == pytest.approx(
            5.6, abs=0.01
        )
        assert value(warehouse, "police-women-share", "KAZ", "2015") == 8.0
        assert value(warehouse, "judges-women-share", "KAZ", "2015") == 43
        assert value(warehouse, "senior-administrators-women-share", "ALB", "2023") == 53.8
        # every WDI value with data is an observation (266 rows, 6,360 non-empty values)
        assert warehouse.indicator("parliament-women-share").n_obs == 6360


def test_provenance_on_each_observation(built_kazakhstan: Project) -> None:
    with Warehouse(built_kazakhstan.warehouse_path) as warehouse:
        row = warehouse.observations(
            "parliament-women-share", area="KAZ", period="2024"
        ).to_pylist()[0]
        info = warehouse.indicator("parliament-women-share")
        sources = {s["id"]: s for s in warehouse.sources()}
    wdi = built_kazakhstan.source_path("wdi-parliament")
    assert sources["wdi-parliament"]["content_hash"] == file_hash(wdi)
    assert row["definition_hash"] == info.definition_hash and len(row["input_hash"]) == 64
    assert row["tendik_version"] and row["computed_at"] is not None
    assert row["source"] == "wdi-parliament"
    assert "CC BY 4.0" in sources["wdi-parliament"]["licence"]


def test_second_build_changes_nothing(kazakhstan_copy: Project) -> None:
    first = build_project(kazakhstan_copy)
    assert len(first.recomputed) == 17
    before = file_hash(kazakhstan_copy.warehouse_path)
    mtime = os.stat(kazakhstan_copy.warehouse_path).st_mtime_ns
    second = build_project(kazakhstan_copy)
    assert second.recomputed == [] and second.sources_read == [] and not second.wrote
    assert file_hash(kazakhstan_copy.warehouse_path) == before
    assert os.stat(kazakhstan_copy.warehouse_path).st_mtime_ns == mtime


def test_changing_one_source_recomputes_only_what_depends_on_it(kazakhstan_copy: Project) -> None:
    build_project(kazakhstan_copy)
    path = kazakhstan_copy.source_path("owid-local-government")
    path.write_text(
        path.read_text(encoding="utf-8").replace("KAZ,2022,30.46", "KAZ,2022,31.5"),
        encoding="utf-8",
    )
    report = build_project(kazakhstan_copy)
    assert report.recomputed == ["local-government-women-share-owid"]
    assert report.sources_read == ["owid-local-government"]
    with Warehouse(kazakhstan_copy.warehouse_path) as warehouse:
        assert value(warehouse, "local-government-women-share-owid", "KAZ", "2022") == 31.5
        assert value(warehouse, "parliament-women-share", "KAZ", "2024") == pytest.approx(
            19.387755102040817
        )


def test_changing_one_definition_recomputes_only_it(kazakhstan_copy: Project) -> None:
    build_project(kazakhstan_copy)
    path = kazakhstan_copy.indicators_dir / "judges-women-share.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "[judges, judiciary]", "[judges, judiciary, courts]"
        ),
        encoding="utf-8",
    )
    report = build_project(kazakhstan_copy)
    assert report.recomputed == ["judges-women-share"]


def test_removed_indicator_leaves_the_warehouse(kazakhstan_copy: Project) -> None:
    build_project(kazakhstan_copy)
    (kazakhstan_copy.indicators_dir / "police-women-share.yaml").unlink()
    report = build_project(kazakhstan_copy)
    assert report.removed == ["police-women-share"] and report.recomputed == []
    with Warehouse(kazakhstan_copy.warehouse_path) as warehouse:
        assert "police-women-share" not in {i.id for i in warehouse.indicators()}


def test_a_bad_source_leaves_the_warehouse_as_it_was(kazakhstan_copy: Project) -> None:
    build_project(kazakhstan_copy)
    before = file_hash(kazakhstan_copy.warehouse_path)
    path = kazakhstan_copy.source_path("wdi-parliament")
    text = path.read_text(encoding="utf-8-sig")
    path.write_text(text.replace('"19.3877551020408"', '"19.38x"'), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        build_project(kazakhstan_copy)
    assert caught.value.row is not None and caught.value.column == "2024"
    assert file_hash(kazakhstan_copy.warehouse_path) == before
    assert not list(kazakhstan_copy.warehouse_path.parent.glob(".building-*"))


def test_an_undeclared_source_is_named(kazakhstan_copy: Project) -> None:
    path = kazakhstan_copy.indicators_dir / "judges-women-share.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("source: un-judges", "source: un-judgez"),
        encoding="utf-8",
    )
    with pytest.raises(TendikError) as caught:
        build_project(kazakhstan_copy)
    assert caught.value.file == path and caught.value.key == "source"
    assert not kazakhstan_copy.warehouse_path.exists()


def test_a_missing_source_file_is_named(kazakhstan_copy: Project) -> None:
    build_project(kazakhstan_copy)
    before = file_hash(kazakhstan_copy.warehouse_path)
    shutil.rmtree(kazakhstan_copy.root / "sources" / "owid-women-in-local-government")
    with pytest.raises(SourceError) as caught:
        build_project(kazakhstan_copy)
    assert "WomenInLocalGov.csv" in str(caught.value.file)
    assert file_hash(kazakhstan_copy.warehouse_path) == before
