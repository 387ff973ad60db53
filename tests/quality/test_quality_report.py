"""The report of the bundled project: counts, JSON and the printed table."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import duckdb
import pytest
from rich.console import Console

from tendik.errors import TendikError, WarehouseError
from tendik.project import Project, ProjectSettings
from tendik.quality import PartsDoNotSumToTotal, QualityReport, render_report, validate_project


@pytest.fixture
def report(bundled_report: QualityReport) -> QualityReport:
    return bundled_report


def test_the_bundled_project_has_warnings_but_no_errors(report: QualityReport) -> None:
    assert report.project == "Kazakhstan"
    assert not report.has_errors
    assert report.counts["error"] == 0
    assert report.by_type["sources-disagree"] == (3974 - 3511) + (54 - 44)
    assert report.by_type["shift-suggested"] == 1
    assert report.counts["warning"] == report.by_type["sources-disagree"] + report.by_type.get(
        "outlier-year-on-year", 0
    )
    # most severe first
    ranks = [("error", "warning", "info").index(f.severity) for f in report.findings]
    assert ranks == sorted(ranks)


def test_the_synthetic_register_adds_up(report: QualityReport, built_kazakhstan: Project) -> None:
    """Every register indicator's regions, levels, corps, categories and age groups sum to their
    totals, numerators and denominators alike; change one region's count and it is caught."""
    assert report.of_type("parts-do-not-sum-to-total") == []
    copy = built_kazakhstan.warehouse_path.parent / "tampered.duckdb"
    shutil.copy(built_kazakhstan.warehouse_path, copy)
    with duckdb.connect(str(copy)) as con:
        where = "indicator = 'civil-service-women' AND TIME_PERIOD = '2025' AND REGION = 'KZ-75'"
        (before,) = con.execute(f"SELECT numerator FROM observations WHERE {where}").fetchone()
        con.execute(f"UPDATE observations SET numerator = numerator + 1 WHERE {where}")
        total = con.execute(
            "SELECT numerator FROM observations WHERE indicator = 'civil-service-women' AND "
            "TIME_PERIOD = '2025' AND COALESCE(REGION, LEVEL, CORPS, CATEGORY, AGE) IS NULL"
        ).fetchone()[0]
    tampered = Project(
        root=built_kazakhstan.root,
        settings=ProjectSettings(name="tampered", area="KAZ"),
        warehouse_override=copy,
        quality={"outliers": {"enabled": False}, "reconcile": {"auto": False}},
    )
    (finding,) = validate_project(tampered).findings
    assert isinstance(finding, PartsDoNotSumToTotal)
    assert (finding.indicator, finding.period, finding.breakdown, finding.field) == (
        "civil-service-women",
        "2025",
        "REGION",
        "numerator",
    )
    assert (finding.total, finding.parts_sum) == (total, total + 1)
    assert finding.parts == 20 and before > 0  # the 20 regions of the register


def test_the_report_as_json(report: QualityReport) -> None:
    data = json.loads(json.dumps(report.to_dict()))
    assert data["has_errors"] is False
    assert data["counts"] == report.counts
    assert len(data["findings"]) == len(report.findings)
    parliament = next(r for r in data["reconciliations"] if r["a"] == "parliament-women-share")
    assert (parliament["compared"], parliament["agreeing"], parliament["shift"]) == (3974, 3511, 1)
    kaz = next(
        f
        for f in data["findings"]
        if f["type"] == "sources-disagree" and f["area"] == "KAZ" and f["period_b"] == "2012"
    )
    assert kaz["severity"] == "warning"
    assert (kaz["source_a"], kaz["source_b"]) == ("wdi-parliament", "un-parliament")
    assert kaz["rows"] == [
        {"indicator": "parliament-women-share", "REF_AREA": "KAZ", "TIME_PERIOD": "2011"},
        {"indicator": "parliament-women-share-un", "REF_AREA": "KAZ", "TIME_PERIOD": "2012"},
    ]
    assert "17.757" in kaz["message"] and "24.3" in kaz["message"]


def test_render_json_and_table(report: QualityReport) -> None:
    out = io.StringIO()
    render_report(report, "json", Console(file=out, width=200))
    assert json.loads(out.getvalue())["by_type"] == report.by_type

    out = io.StringIO()
    render_report(report, "table", Console(file=out, width=200, color_system=None), limit=3)
    text = out.getvalue()
    assert "Data quality: Kazakhstan" in text
    assert "88.3%" in text  # 3,511 of 3,974
    assert "declare shift = 1 for this pair in [quality.reconcile]" in text  # not eaten as markup
    shown = len(report.findings) - sum(min(3, n) for n in report.by_type.values())
    assert f"… and {shown} more findings" in text
    assert text.rstrip().endswith("observations checked: no errors")

    with pytest.raises(TendikError) as caught:
        render_report(report, "xml", Console(file=io.StringIO()))  # type: ignore[arg-type]
    assert caught.value.key == "format"


def test_no_warehouse_yet(tmp_path: Path) -> None:
    project = Project(root=tmp_path, settings=ProjectSettings(name="empty"))
    with pytest.raises(WarehouseError) as caught:
        validate_project(project)
    assert "tendik build" in caught.value.message
