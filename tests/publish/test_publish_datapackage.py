"""Frictionless data package: validated with the frictionless API, then read back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import frictionless
import pytest

from tendik.project import Project
from tendik.publish import PublishReport
from tendik.publish.datapackage import package_name


def descriptor(report: PublishReport) -> dict:
    return json.loads((report.out / "datapackage.json").read_text(encoding="utf-8"))


def test_kazakhstan_package_is_valid(kz_published: dict[str, PublishReport],
                                     kz_indicators: dict[str, int]) -> None:
    report = frictionless.validate(kz_published["datapackage"].out / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "message"])
    rows = {task.name: task.stats["rows"] for task in report.tasks}
    assert rows["catalogue"] == len(kz_indicators)
    assert rows["parliament-women-share"] == 6360
    assert rows["judges-women-share"] == 624
    assert sum(rows.values()) == len(kz_indicators) + sum(kz_indicators.values())


def test_schemas_types_keys_and_missing_values(kz_published: dict[str, PublishReport]) -> None:
    package = descriptor(kz_published["datapackage"])
    assert package["name"] == "kazakhstan"
    assert package["resources"][0]["name"] == "catalogue"
    parliament = next(r for r in package["resources"] if r["name"] == "parliament-women-share")
    schema = parliament["schema"]
    types = {f["name"]: f["type"] for f in schema["fields"]}
    assert types["TIME_PERIOD"] == "year"
    assert types["OBS_VALUE"] == "number"
    assert schema["primaryKey"] == ["REF_AREA", "TIME_PERIOD"]
    assert schema["missingValues"] == [""]
    assert parliament["licenses"][0]["name"] == "CC-BY-4.0"
    assert parliament["sources"] == [{
        "title": "World Bank WDI: Proportion of seats held by women in national parliaments (%)",
        "publisher": "World Bank (data from the Inter-Parliamentary Union)",
        "licence": "CC BY 4.0",
    }]


def test_read_back_with_frictionless(kz_published: dict[str, PublishReport],
                                     built_kazakhstan: Project, cells) -> None:
    package = frictionless.Package(kz_published["datapackage"].out / "datapackage.json")
    rows = package.get_resource("parliament-women-share").read_rows()
    assert len(rows) == 6360
    published = {(r["REF_AREA"], str(r["TIME_PERIOD"])): (float(r["OBS_VALUE"]), r["OBS_STATUS"])
                 for r in rows}
    assert published["KAZ", "2024"] == (19.3877551020408, "A")
    assert published == cells(built_kazakhstan, "parliament-women-share")


def test_breakdowns_in_the_primary_key(uk_published: dict[str, PublishReport]) -> None:
    out = uk_published["datapackage"].out
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "message"])
    package = frictionless.Package(out / "datapackage.json")
    resource = package.get_resource("managers-women-share")
    assert resource.schema.primary_key == ["REF_AREA", "TIME_PERIOD", "AGE",
                                           "DISABILITY_STATUS", "REGION"]
    rows = resource.read_rows()
    suppressed = [r for r in rows if r["OBS_STATUS"] == "C"]
    assert [(str(r["TIME_PERIOD"]), r["REGION"], r["OBS_VALUE"]) for r in suppressed] == [
        ("2012", "North East", None), ("2013", "North East", None)]
    assert len(rows) == 227


@pytest.mark.parametrize(("old", "new", "error"), [
    ('"KAZ","2024",19.3877551020408,"PT","A"', '"KAZ","2024",19.3877551020408,"PT","Z"',
     {"constraint-error"}),
    ('"KAZ","2024",19.3877551020408', '"KAZ","2023",19.3877551020408', {"primary-key"}),
    ('"KAZ","2024",19.3877551020408', '"KAZ","2024",nineteen', {"type-error"}),
    ('"parliament-women-share","KAZ","2024"', '"parliament-women","KAZ","2024"',
     {"constraint-error", "foreign-key"}),
])
def test_a_damaged_file_fails_validation(kz_published: dict[str, PublishReport], tmp_path: Path,
                                         old: str, new: str, error: set[str]) -> None:
    """The parliament resource and the catalogue, one cell changed: the schema catches it."""
    source = kz_published["datapackage"].out
    package = descriptor(kz_published["datapackage"])
    package["resources"] = [r for r in package["resources"]
                            if r["name"] in ("catalogue", "parliament-women-share")]
    (tmp_path / "data").mkdir()
    shutil.copy(source / "catalogue.csv", tmp_path / "catalogue.csv")
    text = (source / "data" / "parliament-women-share.csv").read_text(encoding="utf-8")
    assert text.count(old) == 1
    data = tmp_path / "data" / "parliament-women-share.csv"
    data.write_text(text.replace(old, new), encoding="utf-8")
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert {e[0] for e in report.flatten(["type"])} == error
    data.write_text(text, encoding="utf-8")
    assert frictionless.validate(tmp_path / "datapackage.json").valid


def test_package_name() -> None:
    assert package_name("Kazakhstan") == "kazakhstan"
    assert package_name("United Kingdom (ONS)") == "united-kingdom-ons"
