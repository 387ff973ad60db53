"""Open SDG publication: read back with tendik's own Open SDG reader."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import yaml

from tendik.project import Project, load_project
from tendik.publish import PublishReport, publish
from tendik.publish.opensdg import region_cells, value_text
from tendik.sources import read_source
from tendik.sources.spec import SourceSpec

UK_SAMPLES = Path(__file__).parents[1] / "fixtures" / "open-sdg-samples" / "uk"


def read_opensdg(root: Path, name: str, area: str) -> pa.Table:
    return read_source(SourceSpec(id="published", path=name, format="opensdg", area=area), root)


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def test_files_and_indicators_left_out(kz_published: dict[str, PublishReport],
                                       kz_indicators: dict[str, int]) -> None:
    report = kz_published["opensdg"]
    names = sorted(p.relative_to(report.out).as_posix() for p in report.files)
    assert names == ["data/indicator_5-5-1.csv", "data/indicator_5-5-2.csv",
                     "meta/5-5-1.yml", "meta/5-5-2.yml"]
    # IC_GEN_MGTN (senior and middle management) has no value for Kazakhstan.
    assert report.left_out["senior-middle-managers-women-share"] == "no observations for KAZ"
    for indicator in ("judges-women-share", "ministers-women-share", "police-women-share",
                      "senior-administrators-women-share"):
        assert report.left_out[indicator] == "no SDG indicator code"
    published = {"parliament-women-share", "parliament-women-share-un", "managers-women-share",
                 "local-government-women-share", "local-government-women-share-owid"}
    assert set(report.left_out) == set(kz_indicators) - published


def test_series_column_for_indicators_sharing_a_code(
        kz_published: dict[str, PublishReport], built_kazakhstan: Project, cells) -> None:
    out = kz_published["opensdg"].out
    # one unit in the file: it is the metadata's computation_units, not a column
    assert header(out / "data/indicator_5-5-1.csv") == ["Year", "Series", "Value"]
    table = read_opensdg(out, "data/indicator_5-5-1.csv", "KAZ")
    by_series: dict[str, dict[tuple[str, str], tuple[float, str]]] = {}
    for row in table.to_pylist():
        assert row["UNIT_MEASURE"] is None
        by_series.setdefault(row["SERIES"], {})[row["REF_AREA"], row["TIME_PERIOD"]] = (
            row["OBS_VALUE"], "A")
    parliament = by_series["Women's share of seats in the national parliament (lower chamber)"]
    assert parliament["KAZ", "2024"] == (19.3877551020408, "A")
    assert len(parliament) == 28  # 1997-2024
    titles = {
        "parliament-women-share":
            "Women's share of seats in the national parliament (lower chamber)",
        "parliament-women-share-un": "Women's share of seats in the national parliament "
                                     "(UN SDG series, as of 1 January)",
        "local-government-women-share":
            "Women's share of elected seats in local government (maslikhats)",
        "local-government-women-share-owid":
            "Women's share of elected seats in local government (Our World in Data)",
    }
    assert set(by_series) == set(titles.values())
    for indicator, title in titles.items():
        kaz = {k: v for k, v in cells(built_kazakhstan, indicator).items() if k[0] == "KAZ"}
        assert by_series[title] == kaz, indicator


def test_one_indicator_needs_no_series_column(kz_published: dict[str, PublishReport]) -> None:
    out = kz_published["opensdg"].out
    assert header(out / "data/indicator_5-5-2.csv") == ["Year", "Value"]
    table = read_opensdg(out, "data/indicator_5-5-2.csv", "KAZ")
    values = dict(zip(table.column("TIME_PERIOD").to_pylist(),
                      table.column("OBS_VALUE").to_pylist(), strict=True))
    assert len(values) == table.num_rows == 15


def test_meta_names_the_indicator_and_its_sources(kz_published: dict[str, PublishReport]) -> None:
    meta = yaml.safe_load(
        (kz_published["opensdg"].out / "meta/5-5-1.yml").read_text(encoding="utf-8"))
    assert meta["indicator_number"] == "5.5.1"
    # five indicators share 5.5.1: the global indicator's translation key names it
    assert meta["indicator_name"] == "global_indicators.5-5-1-title"
    assert meta["target_id"] == "5.5"
    assert meta["computation_units"] == "Percentage (%)"
    assert meta["national_geographical_coverage"] == "Kazakhstan"
    organisations = sorted(v for k, v in meta.items() if k.startswith("source_organisation_"))
    assert organisations == [
        "Our World in Data (data from the Inter-Parliamentary Union / UN Women)",
        "UN Statistics Division (data compiled by UN Women)",
        "UN Statistics Division (data from the Inter-Parliamentary Union)",
        "World Bank (data from the Inter-Parliamentary Union)",
    ]
    links = {v for k, v in meta.items() if k.startswith("source_url_") and "text" not in k}
    assert links == {"https://github.com/UNStats/gender_data_portal"}
    assert "1997" in {v for k, v in meta.items() if k.startswith("source_earliest_available_")}


def _rows(table: pa.Table, dims: list[str]) -> set[tuple]:
    return {(r["SERIES"], r["TIME_PERIOD"], *(r[d] for d in dims), r["OBS_VALUE"])
            for r in table.to_pylist()}


def test_republished_ons_files_match_the_originals(uk_published: dict[str, PublishReport],
                                                   tmp_path: Path) -> None:
    """The ONS's own 5.5.1 file, through the warehouse and back: the same 130 values."""
    out = uk_published["opensdg"].out
    assert header(out / "data/indicator_5-5-1.csv") == [
        "Year", "Series", "Legislative authority", "Value"]
    original = read_opensdg(UK_SAMPLES, "indicator_5-5-1.csv", "GBR")
    again = read_opensdg(out, "data/indicator_5-5-1.csv", "GBR")
    assert again.num_rows == original.num_rows == 130
    assert _rows(again, ["Legislative authority"]) == _rows(original, ["Legislative authority"])


def test_breakdowns_and_suppressed_cells(uk_published: dict[str, PublishReport]) -> None:
    out = uk_published["opensdg"].out
    path = out / "data/indicator_5-5-2.csv"
    assert header(path) == ["Year", "Age", "Disability status", "Region",
                            "Observation status", "Value"]
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 227
    assert rows[0] == {"Year": "2012", "Age": "", "Disability status": "", "Region": "",
                       "Observation status": "Normal value",
                       "Value": "35.7335999997921"}
    withheld = [r for r in rows if r["Value"] == ""]
    assert [(r["Year"], r["Region"], r["Observation status"]) for r in withheld] == [
        ("2012", "North East", "Confidential value (suppressed)"),
        ("2013", "North East", "Confidential value (suppressed)"),
    ]
    dims = ["Age", "Disability status", "Region"]
    original = _rows(read_opensdg(UK_SAMPLES, "indicator_5-5-2.csv", "GBR"), dims)
    again = read_opensdg(out, "data/indicator_5-5-2.csv", "GBR")
    assert again.num_rows == 225  # the reader skips the two blank values
    assert original - _rows(again, dims) == {
        ("5-5-2", "2012", None, None, "North East", 36.732904221548),
        ("5-5-2", "2013", None, None, "North East", 36.592290734184),
    }


def test_region_cells() -> None:
    assert region_cells("KZ-71") == ("Astana", "KZ-71")
    assert region_cells("KZ-AST") == ("Astana", "KZ-71")  # the former letter code
    assert region_cells("North East") == ("North East", "")


def test_kazakh_regions_get_names_and_geocodes(built_kazakhstan: Project, tmp_path: Path,
                                               cells) -> None:
    """A records indicator with regional breakdowns, given an SDG code in a warehouse copy."""
    copy = tmp_path / "warehouse.duckdb"
    shutil.copy(built_kazakhstan.warehouse_path, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("UPDATE indicators SET sdg = '5.5.2' WHERE id = 'civil-service-women'")
        [(title,)] = con.execute(
            "SELECT title_en FROM indicators WHERE id = 'civil-service-women'").fetchall()
    project = load_project(built_kazakhstan.root, warehouse=copy)
    report = publish(project, tmp_path / "out", "opensdg")
    path = report.out / "data" / "indicator_5-5-2.csv"
    columns = header(path)
    assert columns[:2] == ["Year", "Series"]
    assert columns[-3:] == ["Region", "GeoCode", "Value"]
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = cells(project, "civil-service-women")
    civil = [r for r in rows if r["Series"] == title]
    assert len(civil) == len(expected)
    assert len(rows) - len(civil) == 15  # managers (IC_GEN_MGTL), Kazakhstan
    astana = {r["Region"] for r in civil if r["GeoCode"] == "KZ-71"}
    assert astana == {"Astana"}
    assert sum(1 for r in civil if r["GeoCode"] == "KZ-71") == sum(
        1 for key in expected if "KZ-71" in key)
    assert all(r["GeoCode"] == "" for r in civil if r["Region"] == "")


def test_whole_numbers_stay_whole_and_a_single_indicator_keeps_its_name(
        built_kazakhstan: Project, tmp_path: Path) -> None:
    """A count published alone under its code: 138 is written 138, not 138.0, and the meta
    names the indicator by its own title."""
    copy = tmp_path / "warehouse.duckdb"
    shutil.copy(built_kazakhstan.warehouse_path, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("UPDATE indicators SET sdg = '16.7.1' WHERE id = 'civil-service-women'")
        con.execute("UPDATE observations SET OBS_VALUE = numerator, UNIT_MEASURE = 'NUMBER' "
                    "WHERE indicator = 'civil-service-women'")
        [(title,)] = con.execute(
            "SELECT title_en FROM indicators WHERE id = 'civil-service-women'").fetchall()
        [(first,)] = con.execute(
            "SELECT numerator FROM observations WHERE indicator = 'civil-service-women' "
            "AND REF_AREA = 'KAZ' AND REGION IS NULL AND AGE IS NULL AND LEVEL IS NULL "
            "AND CORPS IS NULL AND CATEGORY IS NULL ORDER BY TIME_PERIOD LIMIT 1").fetchall()
    project = load_project(built_kazakhstan.root, warehouse=copy)
    out = publish(project, tmp_path / "out", "opensdg").out
    with (out / "data/indicator_16-7-1.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["Value"] == str(int(first))
    assert all("." not in r["Value"] for r in rows)
    assert "Units" not in rows[0]
    meta = yaml.safe_load((out / "meta/16-7-1.yml").read_text(encoding="utf-8"))
    assert meta["indicator_name"] == meta["graph_title"] == title
    assert meta["computation_units"] == "Number"


def test_values_written_as_they_read_back() -> None:
    values = pa.array([138.0, 19.4, 19.3877551020408, 0.1, -0.0, None, 1e15, 2.5e-7])
    assert value_text(values).to_pylist() == [
        "138", "19.4", "19.3877551020408", "0.1", "0", "", "1e+15", "2.5e-7"]


def test_units_column_where_a_file_mixes_units(built_kazakhstan: Project,
                                               tmp_path: Path) -> None:
    copy = tmp_path / "warehouse.duckdb"
    shutil.copy(built_kazakhstan.warehouse_path, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("UPDATE indicators SET sdg = '5.5.2' WHERE id = 'civil-service-women'")
        con.execute("UPDATE observations SET UNIT_MEASURE = 'NUMBER' "
                    "WHERE indicator = 'civil-service-women'")
    project = load_project(built_kazakhstan.root, warehouse=copy)
    out = publish(project, tmp_path / "out", "opensdg").out
    with (out / "data/indicator_5-5-2.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["Units"] for r in rows} == {"Number", "Percentage (%)"}
    meta = yaml.safe_load((out / "meta/5-5-2.yml").read_text(encoding="utf-8"))
    assert "computation_units" not in meta
