"""An Open SDG data repository's folder read as one source (real repositories, cut down: see
tests/fixtures/open-sdg-repos/*/PROVENANCE.md)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow as pa
import pytest

from tendik.build import build_project
from tendik.catalog.model import Indicator
from tendik.engine.series import compute_series
from tendik.errors import (
    DuplicateKey,
    EmptyFile,
    FormatMismatch,
    SourceError,
    SourceFileMissing,
    WrongType,
)
from tendik.project import load_project
from tendik.sources import read_source, source_hash
from tendik.sources.spec import ROW_COLUMN, SERIES_COLUMNS, SourceSpec

REPOS = Path(__file__).parents[1] / "fixtures" / "open-sdg-repos"
SAMPLES = Path(__file__).parents[1] / "fixtures" / "open-sdg-samples"


def repo(root: Path, name: str, **options: object) -> pa.Table:
    return read_source(SourceSpec(id="t", path=name, format="opensdg", **options), root)


def series(code: str, where: str | None = None) -> Indicator:
    return Indicator.model_validate(
        {
            "id": "t",
            "title": {"en": "t"},
            "unit": "percent",
            "source": "t",
            "series": {"code": code, "where": where},
        }
    )


def totals(table: pa.Table) -> list[tuple[str, float]]:
    return [(r["TIME_PERIOD"], r["OBS_VALUE"]) for r in table.to_pylist()]


@pytest.fixture
def kazakhstan(tmp_path: Path) -> Path:
    """A copy of the Kazakhstan repository fixture, to edit."""
    shutil.copytree(REPOS / "kazakhstan", tmp_path / "kazakhstan")
    return tmp_path


def test_kazakhstan_repository_as_one_source() -> None:
    table = repo(REPOS, "kazakhstan", area="KAZ")
    assert table.column_names == [
        *SERIES_COLUMNS,
        "SDG_INDICATOR",
        "COMPOSITE_BREAKDOWN",
        "AGE",
        "URBANISATION",
        "SEX",
        "REGION",
        ROW_COLUMN,
    ]
    counts = table.group_by("SDG_INDICATOR").aggregate([("OBS_VALUE", "count")]).to_pylist()
    # 1-2-2 has a header and no values: an indicator not yet reported, skipped
    assert {c["SDG_INDICATOR"]: c["OBS_VALUE_count"] for c in counts} == {
        "5-5-1": 27,
        "15-5-1": 28,
        "2-2-1": 110,
        "2-2-2": 165,
    }
    assert table.num_rows == 330


def test_a_series_of_one_indicator(kazakhstan: Path) -> None:
    """SG_GEN_PARL is in 5-5-1 only: SDG_INDICATOR and the other files' breakdowns do not break
    it down, so the indicator has totals and no dimensions."""
    table = repo(REPOS, "kazakhstan", area="KAZ")
    observations, dims = compute_series(series("SG_GEN_PARL"), table)
    assert dims == []
    assert totals(observations)[-3:] == [("2021", 30.5), ("2022", 23.0), ("2023", 23.0)]


def test_one_series_code_in_two_indicators() -> None:
    """Kazakhstan calls stunting (2-2-1) and wasting (2-2-2) both _L_KZ_DD_MSD: the indicator
    chooses with SDG_INDICATOR."""
    table = repo(REPOS, "kazakhstan", area="KAZ")
    both, dims = compute_series(series("_L_KZ_DD_MSD"), table)
    assert "SDG_INDICATOR" in dims
    assert set(both.column("SDG_INDICATOR").to_pylist()) == {"2-2-1", "2-2-2"}
    stunting, dims = compute_series(series("_L_KZ_DD_MSD", "SDG_INDICATOR = '2-2-1'"), table)
    assert "SDG_INDICATOR" not in dims
    wasting, _ = compute_series(series("_L_KZ_DD_MSD", "SDG_INDICATOR = '2-2-2'"), table)
    first = {"SEX": None, "AGE": None, "URBANISATION": None, "REGION": None}

    def national_2010(t: pa.Table) -> float:
        return next(
            r["OBS_VALUE"]
            for r in t.to_pylist()
            if r["TIME_PERIOD"] == "2010" and all(r.get(k) == v for k, v in first.items())
        )

    assert (national_2010(stunting), national_2010(wasting)) == (13.1, 4.05)


def test_some_indicators_only() -> None:
    table = repo(REPOS, "kazakhstan", area="KAZ", indicators=["5-5-1", "15-5-1"])
    assert set(table["SDG_INDICATOR"].to_pylist()) == {"5-5-1", "15-5-1"}
    assert table.num_rows == 55
    with pytest.raises(SourceFileMissing) as caught:
        repo(REPOS, "kazakhstan", indicators=["5-5-1", "9-9-9"])
    assert (caught.value.file, caught.value.key) == ("kazakhstan", "indicators.1")
    assert "'9-9-9'" in caught.value.message


def test_kyrgyzstan_units_from_the_settings() -> None:
    """Data files named 10-3-1.csv, no unit column: the unit comes from each indicator's
    settings ("measurement_units: Процент"); 1-5-4's is blank."""
    table = repo(REPOS, "kyrgyzstan", area="KGZ")
    units = {
        r["SDG_INDICATOR"]: r["UNIT_MEASURE"]
        for r in table.select(["SDG_INDICATOR", "UNIT_MEASURE"]).to_pylist()
    }
    assert units == {"10-3-1": "PT", "15-1-2": "PT", "1-5-4": None}
    assert table.num_rows == 64 + 15 + 6


def test_a_bad_file_in_the_repository_is_named(kazakhstan: Path) -> None:
    """The current 5-5-2 (72 repeated keys) added to the folder: the error names it inside."""
    shutil.copy(SAMPLES / "kazakhstan" / "indicator_5-5-2.csv", kazakhstan / "kazakhstan/data")
    with pytest.raises(DuplicateKey) as caught:
        repo(kazakhstan, "kazakhstan", area="KAZ")
    assert (caught.value.file, caught.value.row) == ("kazakhstan/data/indicator_5-5-2.csv", 1639)
    data = kazakhstan / "kazakhstan/data/indicator_5-5-1.csv"
    data.write_text(data.read_text().replace("2012,PT,SG_GEN_PARL,17.0", "2012,PT,SG_GEN_PARL,-"))
    with pytest.raises(WrongType) as caught:
        repo(kazakhstan, "kazakhstan", indicators=["5-5-1"])
    assert (caught.value.file, caught.value.row, caught.value.column) == (
        "kazakhstan/data/indicator_5-5-1.csv",
        6,
        "Value",
    )


def test_bad_metadata_is_named(kazakhstan: Path) -> None:
    meta = kazakhstan / "kazakhstan/meta/5-5-1.yml"
    lines = meta.read_text(encoding="utf-8").splitlines()
    lines[3] = "comments_limitations: [unclosed"
    meta.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(FormatMismatch) as caught:
        repo(kazakhstan, "kazakhstan")
    assert caught.value.file == "kazakhstan/meta/5-5-1.yml"
    assert caught.value.row is not None and caught.value.row >= 4
    config = kazakhstan / "kazakhstan/config_data.yml"
    config.write_text("indicator_options:\n  non_disaggregation_columns: SERIES\n")
    shutil.copy(REPOS / "kazakhstan/meta/5-5-1.yml", meta)
    with pytest.raises(FormatMismatch) as caught:
        repo(kazakhstan, "kazakhstan")
    assert caught.value.key == "indicator_options.non_disaggregation_columns"


def test_a_link_out_of_the_folder_is_refused(kazakhstan: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.csv"
    outside.write_text("Year,Value\n2020,1\n", encoding="utf-8")
    os.symlink(outside, kazakhstan / "kazakhstan/data/indicator_9-9-9.csv")
    with pytest.raises(SourceError) as caught:
        repo(kazakhstan, "kazakhstan")
    assert caught.value.file == "kazakhstan/data/indicator_9-9-9.csv"
    assert "leads out of" in caught.value.message


def test_a_breakdown_named_like_the_indicator_column(kazakhstan: Path) -> None:
    data = kazakhstan / "kazakhstan/data/indicator_5-5-1.csv"
    text = data.read_text().replace("SERIES,Value", "Sdg_indicator,Value")
    data.write_text(text)
    with pytest.raises(FormatMismatch) as caught:
        repo(kazakhstan, "kazakhstan")
    assert (caught.value.file, caught.value.column) == (
        "kazakhstan/data/indicator_5-5-1.csv",
        "Sdg_indicator",
    )


def test_a_folder_without_data(tmp_path: Path) -> None:
    (tmp_path / "empty" / "data").mkdir(parents=True)
    with pytest.raises(SourceFileMissing):
        repo(tmp_path, "empty")
    (tmp_path / "empty/data/indicator_1-1-1.csv").write_text("Year,Value\n", encoding="utf-8")
    with pytest.raises(EmptyFile) as caught:
        repo(tmp_path, "empty")
    assert caught.value.file == "empty"


def test_build_reads_the_folder_again_when_a_file_changes(kazakhstan: Path) -> None:
    """The folder's hash covers its data and metadata: editing one file reads it again."""
    root = kazakhstan
    (root / "indicators").mkdir()
    (root / "tendik.toml").write_text(
        '[project]\nname = "t"\narea = "KAZ"\n\n[sources.kazstat]\npath = "kazakhstan"\n'
        'format = "opensdg"\narea = "KAZ"\n',
        encoding="utf-8",
    )
    (root / "indicators" / "parliament.yaml").write_text(
        "id: parliament\ntitle: {en: Parliament}\nunit: percent\nsource: kazstat\n"
        "series: {code: SG_GEN_PARL}\n",
        encoding="utf-8",
    )
    project = load_project(root)
    spec = project.sources["kazstat"]
    first = build_project(project)
    assert first.sources_read == ["kazstat"] and first.recomputed == ["parliament"]
    assert build_project(project).sources_read == []
    before = source_hash(spec, root / "kazakhstan")
    meta = root / "kazakhstan/meta/2-2-1.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "tags: []\n", encoding="utf-8")
    assert source_hash(spec, root / "kazakhstan") != before
    assert build_project(project).sources_read == ["kazstat"]
