"""Each kind of bad input raises its own error, naming the file, the row and the column.

Every bad file is a real file, copied into a temporary folder and corrupted in one place.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

from tendik.errors import (
    DuplicateColumn,
    DuplicateKey,
    EmptyFile,
    EncodingProblem,
    ExtraCell,
    FormatMismatch,
    MissingColumn,
    MissingValue,
    NegativeCount,
    ShareOutOfRange,
    SheetMissing,
    SourceError,
    SourceFileMissing,
    UnknownCode,
    WrongType,
)
from tendik.sources.spec import ColumnSpec

EIGE_CSV = "eige-senior-administrators/wmid_natadmin_senior_administrators_women_pct__tidy.csv"
EIGE_XLSX = "eige-senior-administrators/wmidm_adm_nat__wmid_natadmin.xlsx"
WDI = "wdi-women-in-parliament/API_SG.GEN.PARL.ZS_DS2_en_csv_v2_216057.csv"
UN_LOCAL = "un-minimum-set-public-life/7200__IV_2__I836a1d80__S37241f88.tsv"
UN_POLICE = "un-minimum-set-public-life/7500__IV_4__Ib3320b80__Sb3320b80.tsv"
OWID = "owid-women-in-local-government/WomenInLocalGov.csv"
OWID_COLUMN = (
    "5.5.1 - Proportion of elected seats held by women in deliberative bodies of local "
    "government (%) - SG_GEN_LOCGELS"
)
COLUMNS = {
    "geo": ColumnSpec(),
    "year": ColumnSpec(type="integer"),
    "women_pct": ColumnSpec(type="number", kind="share"),
}


def line_edit(row: int, change: Callable[[str], str]) -> Callable[[str], str]:
    """A text edit that changes only line ``row`` (1-based), keeping its line end."""

    def _edit(text: str) -> str:
        lines = text.splitlines(keepends=True)
        body = lines[row - 1].rstrip("\r\n")
        lines[row - 1] = change(body) + lines[row - 1][len(body) :]
        return "".join(lines)

    return _edit


def expect(
    cls: type[SourceError],
    type_id: str,
    call: Callable[[], object],
    file: str,
    row: int | None,
    column: str | None,
) -> SourceError:
    with pytest.raises(cls) as caught:
        call()
    error = caught.value
    assert type(error) is cls
    assert error.type == type_id
    assert (str(error.file), error.row, error.column) == (file, row, column)
    assert str(error).startswith(f"{file}, row {row}" if row else file)
    return error


def test_missing_declared_column(read, bundled: Path) -> None:
    columns = {**COLUMNS, "women_share": ColumnSpec(type="number")}
    error = expect(
        MissingColumn,
        "missing-column",
        lambda: read(bundled, EIGE_CSV, "csv", columns=columns),
        EIGE_CSV,
        1,
        "women_share",
    )
    assert "geo, year, women_pct" in error.message


def test_wrong_type_names_the_value(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(bundled / EIGE_CSV, "eige.csv", line_edit(5, lambda s: s.replace("45.2", "abc")))
    error = expect(
        WrongType,
        "wrong-type",
        lambda: read(tmp_path, name, "csv", columns=COLUMNS),
        "eige.csv",
        5,
        "women_pct",
    )
    assert error.message == "value 'abc' is not a number"


def test_wrong_type_integer(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(bundled / EIGE_CSV, "eige.csv", line_edit(3, lambda s: s.replace("2022", "2022.5")))
    error = expect(
        WrongType,
        "wrong-type",
        lambda: read(tmp_path, name, "csv", columns=COLUMNS),
        "eige.csv",
        3,
        "year",
    )
    assert error.message == "value '2022.5' is not an integer"


def test_thousands_separator_is_not_guessed(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(
        bundled / EIGE_CSV, "eige.csv", line_edit(4, lambda s: s.replace("49.7", '"1,049.7"'))
    )
    error = expect(
        WrongType,
        "wrong-type",
        lambda: read(tmp_path, name, "csv", columns=COLUMNS),
        "eige.csv",
        4,
        "women_pct",
    )
    assert error.message == "value '1,049.7' is not a number"


def test_wrong_type_in_wdi_year_cell(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(
        bundled / WDI,
        "wdi.csv",
        line_edit(126, lambda s: s.replace('"19.3877551020408"', '"19,4 %"')),
    )
    error = expect(
        WrongType, "wrong-type", lambda: read(tmp_path, name, "wdi"), "wdi.csv", 126, "2024"
    )
    assert error.message == "value '19,4 %' is not a number"


def test_blank_in_required_column(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(bundled / EIGE_CSV, "eige.csv", line_edit(7, lambda s: "  " + s[s.index(",") :]))
    expect(
        MissingValue,
        "missing-value",
        lambda: read(tmp_path, name, "csv", columns=COLUMNS),
        "eige.csv",
        7,
        "geo",
    )


def test_unknown_code(read, bundled: Path) -> None:
    geos = sorted(set(read(bundled, EIGE_CSV, "csv")["geo"].to_pylist()) - {"Kosovo"})
    columns = {**COLUMNS, "geo": ColumnSpec(codes=geos)}
    error = expect(
        UnknownCode,
        "unknown-code",
        lambda: read(bundled, EIGE_CSV, "csv", columns=columns),
        EIGE_CSV,
        799,
        "geo",
    )
    assert error.message.startswith("value 'Kosovo' is not one of the allowed codes: Albania, ")


def test_un_sex_other_than_women(read, bundled: Path, edit, tmp_path: Path) -> None:
    def to_male(line: str) -> str:
        cells = line.split("\t")
        cells[12] = "M"  # SEX
        return "\t".join(cells)

    name = edit(bundled / UN_LOCAL, "un.tsv", line_edit(81, to_male))
    error = expect(
        UnknownCode, "unknown-code", lambda: read(tmp_path, name, "unsdg"), "un.tsv", 81, "SEX"
    )
    assert "'M'" in error.message and "F, _T" in error.message


def test_duplicate_key_in_table(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(bundled / EIGE_CSV, "eige.csv", lambda t: t + t.splitlines(keepends=True)[1])
    error = expect(
        DuplicateKey,
        "duplicate-key",
        lambda: read(tmp_path, name, "csv", columns=COLUMNS, key=["geo", "year"]),
        "eige.csv",
        805,
        "geo, year",
    )
    assert error.key == "Albania|2023"
    assert "rows 2 and 805" in error.message


def test_duplicate_key_in_series(read, samples: Path, edit, tmp_path: Path) -> None:
    name = edit(
        samples / "uk/indicator_5-5-1.csv",
        "indicator_5-5-1.csv",
        line_edit(18, lambda s: s.replace("1974b", "1974a")),
    )
    error = expect(
        DuplicateKey,
        "duplicate-key",
        lambda: read(tmp_path, name, "opensdg"),
        "indicator_5-5-1.csv",
        18,
        "SERIES, REF_AREA, TIME_PERIOD, UNIT_MEASURE, Legislative authority",
    )
    assert "rows 17 and 18" in error.message
    assert error.key == "House of Commons|_Z|1974a|PT|"


def test_duplicate_key_in_un_file(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(bundled / UN_LOCAL, "un.tsv", lambda t: t + t.splitlines(keepends=True)[80])
    error = expect(
        DuplicateKey,
        "duplicate-key",
        lambda: read(tmp_path, name, "unsdg"),
        "un.tsv",
        175,
        "SERIES, REF_AREA, TIME_PERIOD",
    )
    assert error.key == "SG_GEN_LOCGELS|KAZ|2018"


def test_share_out_of_range(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(bundled / EIGE_CSV, "eige.csv", line_edit(2, lambda s: s.replace("53.8", "153.8")))
    error = expect(
        ShareOutOfRange,
        "share-out-of-range",
        lambda: read(tmp_path, name, "csv", columns=COLUMNS),
        "eige.csv",
        2,
        "women_pct",
    )
    assert "153.8" in error.message


def test_series_percent_is_a_share(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(bundled / OWID, "owid.csv", line_edit(175, lambda s: s.replace("30.46", "130.46")))
    expect(
        ShareOutOfRange,
        "share-out-of-range",
        lambda: read(tmp_path, name, "owid"),
        "owid.csv",
        175,
        OWID_COLUMN,
    )


def test_negative_count(read, bundled: Path, edit, tmp_path: Path) -> None:
    def negate(line: str) -> str:
        cells = line.split("\t")
        cells[14] = "-" + cells[14]  # OBS_VALUE
        return "\t".join(cells)

    name = edit(bundled / UN_POLICE, "police.tsv", line_edit(377, negate))
    columns = {
        "ISO3": ColumnSpec(),
        "TIME_PERIOD": ColumnSpec(type="integer"),
        "OBS_VALUE": ColumnSpec(type="number", kind="count"),
    }
    error = expect(
        NegativeCount,
        "negative-count",
        lambda: read(tmp_path, name, "tsv", columns=columns),
        "police.tsv",
        377,
        "OBS_VALUE",
    )
    assert "-10.0" in error.message


@pytest.mark.parametrize(
    ("content", "row"),
    [(b"", None), (b" \r\n\r\n", None), (b"\xef\xbb\xbfgeo,year,women_pct\r\n", 1)],
)
def test_empty_file(read, tmp_path: Path, content: bytes, row: int | None) -> None:
    (tmp_path / "empty.csv").write_bytes(content)
    expect(
        EmptyFile,
        "empty-file",
        lambda: read(tmp_path, "empty.csv", "csv", columns=COLUMNS),
        "empty.csv",
        row,
        None,
    )


def test_wdi_with_metadata_only(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(bundled / WDI, "wdi.csv", lambda t: "".join(t.splitlines(keepends=True)[:5]))
    expect(EmptyFile, "empty-file", lambda: read(tmp_path, name, "wdi"), "wdi.csv", 5, None)


@pytest.mark.parametrize(
    ("source", "fmt", "says"),
    [
        (EIGE_XLSX, "csv", "zip archive"),
        (EIGE_CSV, "excel", "not an .xlsx workbook"),
        (EIGE_CSV, "parquet", "not Parquet"),
    ],
)
def test_file_is_not_its_format(
    read, bundled: Path, edit, tmp_path: Path, source: str, fmt: str, says: str
) -> None:
    name = edit(bundled / source, "source.data", lambda b: b, raw=True)
    error = expect(
        FormatMismatch, "format-mismatch", lambda: read(tmp_path, name, fmt), name, 1, None
    )
    assert says in error.message


def test_gzip_and_html_given_as_csv(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(bundled / EIGE_CSV, "eige.csv", gzip.compress, raw=True)
    error = expect(
        FormatMismatch, "format-mismatch", lambda: read(tmp_path, name, "csv"), name, 1, None
    )
    assert "gzip" in error.message
    page = (
        b"\xef\xbb\xbf\n<!DOCTYPE html>\n<html><head><title>Data</title></head>"
        b"<body>Indicator data, 5.5.1</body></html>\n"
    )
    (tmp_path / "page.csv").write_bytes(page)
    error = expect(
        FormatMismatch,
        "format-mismatch",
        lambda: read(tmp_path, "page.csv", "csv"),
        "page.csv",
        1,
        None,
    )
    assert "HTML page" in error.message


@pytest.mark.parametrize(
    ("fmt", "column"),
    [("wdi", "Country Name"), ("unsdg", "REF_AREA"), ("opensdg", "Value")],
)
def test_series_file_without_its_columns(read, bundled: Path, fmt: str, column: str) -> None:
    error = expect(
        FormatMismatch, "format-mismatch", lambda: read(bundled, OWID, fmt), OWID, 1, column
    )
    assert "not " in error.message


def test_un_file_without_value_column(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(
        bundled / UN_LOCAL,
        "un.tsv",
        line_edit(1, lambda s: s.replace("\tOBS_VALUE\t", "\tVALUE\t")),
    )
    expect(
        FormatMismatch,
        "format-mismatch",
        lambda: read(tmp_path, name, "unsdg"),
        "un.tsv",
        1,
        "OBS_VALUE",
    )


def test_undecodable_bytes_with_declared_encoding(read, bundled, edit, tmp_path) -> None:
    name = edit(
        bundled / EIGE_CSV, "eige.csv", lambda t: t.replace("Türkiye", "Турция"), encoding="cp1251"
    )
    text = (tmp_path / name).read_text("cp1251")
    first = next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith("Турция"))
    assert first == 759  # Türkiye 2023, its first row
    error = expect(
        EncodingProblem,
        "encoding-error",
        lambda: read(tmp_path, name, "csv", columns=COLUMNS, encoding="utf-8"),
        name,
        first,
        "geo",
    )
    assert "utf-8" in error.message
    table = read(tmp_path, name, "csv", columns=COLUMNS)  # auto: Windows-1251 Cyrillic
    assert "Турция" in table["geo"].to_pylist()


def test_duplicate_column(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(bundled / EIGE_CSV, "eige.csv", line_edit(1, lambda s: "geo,year,year"))
    expect(
        DuplicateColumn,
        "duplicate-column",
        lambda: read(tmp_path, name, "csv"),
        "eige.csv",
        1,
        "year",
    )


def test_extra_cell(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(bundled / EIGE_CSV, "eige.csv", line_edit(10, lambda s: s + ",EU"))
    error = expect(
        ExtraCell, "extra-cell", lambda: read(tmp_path, name, "csv"), "eige.csv", 10, None
    )
    assert "'EU'" in error.message


def test_missing_sheet(read, bundled: Path) -> None:
    error = expect(
        SheetMissing,
        "sheet-missing",
        lambda: read(bundled, EIGE_XLSX, "excel", sheet="Daten"),
        EIGE_XLSX,
        None,
        None,
    )
    assert "its sheets are: Data" in error.message


def test_missing_file(read, tmp_path: Path) -> None:
    expect(
        SourceFileMissing,
        "source-file-missing",
        lambda: read(tmp_path, "nowhere.csv", "csv"),
        "nowhere.csv",
        None,
        None,
    )


def test_undecodable_bytes_below_bom_and_metadata(read, bundled: Path, edit, tmp_path) -> None:
    """One Windows-1251 name pasted into the UTF-8 WDI file (BOM, 4 metadata lines)."""
    russian = "Казахстан".encode("cp1251")
    name = edit(
        bundled / WDI,
        "wdi.csv",
        lambda b: b.replace(b'"Kazakhstan"', b'"' + russian + b'"'),
        raw=True,
    )
    error = expect(
        EncodingProblem,
        "encoding-error",
        lambda: read(tmp_path, name, "wdi", encoding="utf-8"),
        name,
        126,
        "Country Name",
    )
    assert error.message.startswith("byte 0xca ")
