"""Excel publication: one workbook, read back with openpyxl."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from tendik.project import Project
from tendik.publish import PublishReport
from tendik.publish.excel import SHEET_NAME_MAX, sheet_names


def workbook(report: PublishReport, *, read_only: bool = True) -> Workbook:
    [path] = report.files
    assert path.name == "indicators.xlsx"
    return load_workbook(path, read_only=read_only)


@pytest.fixture(scope="module")
def kz_book(kz_published: dict[str, PublishReport]) -> Workbook:
    return workbook(kz_published["xlsx"])


def test_catalogue_first_then_one_sheet_per_indicator(kz_book: Workbook,
                                                      kz_indicators: dict[str, int]) -> None:
    book = kz_book
    assert book.sheetnames[0] == "Catalogue"
    assert len(book.sheetnames) == 1 + len(kz_indicators)
    assert all(len(name) <= SHEET_NAME_MAX for name in book.sheetnames)
    assert "local-government-women-share-ow" in book.sheetnames  # 33 characters cut to 31
    catalogue = list(book["Catalogue"].iter_rows(values_only=True))
    header, rows = catalogue[0], catalogue[1:]
    assert header[:6] == ("id", "sheet", "title_en", "title_ru", "title_kk", "unit")
    sheets = {row[0]: row[1] for row in rows}
    assert sheets["local-government-women-share-owid"] == "local-government-women-share-ow"
    assert sorted(sheets.values()) == sorted(book.sheetnames[1:])
    managers = next(row for row in rows if row[0] == "managers-women-share")
    assert managers[header.index("sdg")] == "5.5.2"
    assert managers[header.index("title_ru")] == "Доля женщин на руководящих должностях"


def test_numbers_as_numbers(kz_book: Workbook, built_kazakhstan: Project, cells) -> None:
    sheet = kz_book["parliament-women-share"]
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header == ("INDICATOR", "REF_AREA", "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE",
                      "OBS_STATUS", "COMMENT_OBS")
    assert len(body) == 6360
    kaz_2024 = next(r for r in body if r[1] == "KAZ" and r[2] == 2024)
    assert kaz_2024[3] == 19.3877551020408
    assert isinstance(kaz_2024[3], float)
    published = {(r[1], str(r[2])): (r[3], r[5]) for r in body}
    assert published == cells(built_kazakhstan, "parliament-women-share")


def test_header_row_frozen_on_every_sheet(uk_published: dict[str, PublishReport]) -> None:
    book = workbook(uk_published["xlsx"], read_only=False)
    assert len(book.worksheets) == 6
    assert {sheet.freeze_panes for sheet in book.worksheets} == {"A2"}
    assert all(cell.font.bold for cell in book["managers-women-share"][1])


def test_breakdown_sheet_row_count(uk_published: dict[str, PublishReport]) -> None:
    sheet = workbook(uk_published["xlsx"])["managers-women-share"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][3:6] == ("AGE", "DISABILITY_STATUS", "REGION")
    assert len(rows) - 1 == 227
    london_2019 = [r for r in rows[1:] if r[5] == "London" and r[2] == 2019]
    assert [(r[3], r[4]) for r in london_2019] == [("_T", "_T")]


def test_sheet_names_are_valid_and_unique() -> None:
    ids = ["a" * 40, "a" * 40 + "b", "A" * 31, "x[1]:y", "catalogue"]
    names = sheet_names(ids)
    assert names == {
        "a" * 40: "a" * 31,
        "a" * 40 + "b": "a" * 29 + "~2",
        "A" * 31: "A" * 29 + "~3",
        "x[1]:y": "x_1__y",
        "catalogue": "catalogue~2",
    }
