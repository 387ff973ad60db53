"""Suppressed cells (OBS_STATUS C): the status is published, the value never is, in any format."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tendik.project import Project
from tendik.publish import FORMATS, PublishReport, publish

# The values the warehouse still holds for the two cells marked C (ONS, North East, 2012 and 2013).
WITHHELD = ("36.732904221548", "36.592290734184")


def texts(report: PublishReport) -> dict[Path, str]:
    """Every file's text; for a workbook, the text of every part of the zip."""
    out: dict[Path, str] = {}
    for path in report.files:
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                out[path] = "".join(book.read(n).decode("utf-8") for n in book.namelist())
        else:
            out[path] = path.read_text(encoding="utf-8")
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_withheld_values_appear_in_no_file(uk_published: dict[str, PublishReport],
                                           fmt: str) -> None:
    report = uk_published[fmt]
    assert report.files
    for path, text in texts(report).items():
        for value in WITHHELD:
            assert value not in text, (path, value)


def test_the_same_cells_unsuppressed_are_published(uk_project: Project, tmp_path: Path) -> None:
    """Without the C status the values are there: the check above can see a leak."""
    report = publish(uk_project, tmp_path / "csv", "csv")
    text = (report.out / "data" / "managers-women-share.csv").read_text(encoding="utf-8")
    assert all(value in text for value in WITHHELD)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "sdmx", "datapackage"])
def test_suppressed_rows_are_still_published(uk_published: dict[str, PublishReport],
                                             fmt: str) -> None:
    assert uk_published[fmt].rows == 28 + 18 + 21 + 63 + 227


def test_workbook_has_status_c_and_a_blank_value(uk_published: dict[str, PublishReport]) -> None:
    [path] = uk_published["xlsx"].files
    sheet = load_workbook(path, read_only=True)["managers-women-share"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    region, value, status = (header.index(c) for c in ("REGION", "OBS_VALUE", "OBS_STATUS"))
    north_east = {r[2]: (r[value], r[status]) for r in rows[1:] if r[region] == "North East"}
    assert north_east[2012] == (None, "C")
    assert north_east[2013] == (None, "C")
    assert north_east[2014] == (38.3836395988619, "A")
