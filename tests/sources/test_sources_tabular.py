"""Tabular formats (csv, tsv, excel, parquet) with declared schemas, from the real EIGE files."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tendik.sources import READERS, Reader, content_hash
from tendik.sources.spec import ColumnSpec

EIGE_CSV = "eige-senior-administrators/wmid_natadmin_senior_administrators_women_pct__tidy.csv"
EIGE_XLSX = "eige-senior-administrators/wmidm_adm_nat__wmid_natadmin.xlsx"
COLUMNS = {
    "geo": ColumnSpec(type="string"),
    "year": ColumnSpec(type="integer"),
    "women_pct": ColumnSpec(type="number", kind="share"),
}


def first_rows(table: pa.Table, n: int = 3) -> list[dict]:
    return table.slice(0, n).to_pylist()


def test_eige_tidy_csv_declared(read, bundled: Path) -> None:
    table = read(bundled, EIGE_CSV, "csv", columns=COLUMNS, key=["geo", "year"])
    assert table.num_rows == 803
    assert table.schema.names == ["geo", "year", "women_pct", "_row"]
    assert table.schema.types == [pa.string(), pa.int64(), pa.float64(), pa.int64()]
    assert first_rows(table, 1) == [{"geo": "Albania", "year": 2023, "women_pct": 53.8, "_row": 2}]
    assert len(set(table["geo"].to_pylist())) == 42
    years = table["year"].to_pylist()
    assert (min(years), max(years)) == (2003, 2023)


def test_undeclared_columns_are_inferred(read, bundled: Path) -> None:
    table = read(bundled, EIGE_CSV, "csv")
    assert table.schema.types == [pa.string(), pa.int64(), pa.float64(), pa.int64()]
    assert table.num_rows == 803


def test_extra_columns_kept_as_strings_after_declared(read, bundled: Path) -> None:
    table = read(bundled, EIGE_CSV, "csv", columns={"women_pct": ColumnSpec(type="number")})
    assert table.column_names == ["women_pct", "geo", "year", "_row"]
    assert table.schema.field("year").type == pa.string()
    assert first_rows(table, 1)[0]["year"] == "2023"


def test_formatting_quirks_read_the_same(read, bundled: Path, edit, tmp_path: Path) -> None:
    """Quoted and padded numbers, CRLF, a trailing empty column, reversed rows: same values."""
    expected = read(bundled, EIGE_CSV, "csv", columns=COLUMNS)

    def quirky(text: str) -> str:
        header, *rows = text.rstrip("\r\n").split("\r\n")
        out = [header + ","]
        for line in reversed(rows):
            geo, year, pct = line.split(",")
            out.append(f'"{geo}"," {year}"," {pct} ",')
        return "\r\n".join(out) + "\r\n"

    name = edit(bundled / EIGE_CSV, "quirky.csv", quirky)
    table = read(tmp_path, name, "csv", columns=COLUMNS)
    assert table.num_rows == 803
    assert table.column_names == ["geo", "year", "women_pct", "_row"]
    assert table["_row"].to_pylist()[-1] == 804  # Albania 2023, now the last line
    got = table.drop_columns(["_row"]).to_pylist()[::-1]
    assert got == expected.drop_columns(["_row"]).to_pylist()


def test_semicolon_and_decimal_comma(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(bundled / EIGE_CSV, "ru.csv", lambda t: t.replace(",", ";").replace(".", ","))
    table = read(tmp_path, name, "csv", columns=COLUMNS)
    assert first_rows(table, 1)[0]["women_pct"] == 53.8
    assert sum(table["women_pct"].to_pylist()) == pytest.approx(
        sum(read(bundled, EIGE_CSV, "csv", columns=COLUMNS)["women_pct"].to_pylist())
    )


def test_tsv_and_metadata_lines(read, bundled: Path, edit, tmp_path: Path) -> None:
    name = edit(
        bundled / EIGE_CSV,
        "eige.tsv",
        lambda t: "EIGE WMID, extracted 18.07.2024\r\n\r\n" + t.replace(",", "\t"),
    )
    table = read(tmp_path, name, "tsv", columns=COLUMNS, header_row=3)
    assert first_rows(table, 1)[0] == {"geo": "Albania", "year": 2023, "women_pct": 53.8, "_row": 4}
    assert table.num_rows == 803


def test_value_with_line_break_keeps_row_numbers(read, bundled: Path, edit, tmp_path) -> None:
    name = edit(
        bundled / EIGE_CSV,
        "multiline.csv",
        lambda t: t.replace("Albania,2022", '"Alba\r\nnia",2022', 1),
    )
    table = read(tmp_path, name, "csv", columns=COLUMNS)
    rows = first_rows(table, 3)
    assert rows[1]["geo"] == "Alba\r\nnia"
    assert [r["_row"] for r in rows] == [2, 3, 5]  # the third record starts on line 5


def test_boolean_and_date_columns(read, bundled: Path, edit, tmp_path: Path) -> None:
    def add_columns(text: str) -> str:
        lines = text.rstrip("\r\n").split("\r\n")
        out = [lines[0] + ",eu_candidate,extracted"]
        for line in lines[1:]:
            candidate = "yes" if line.startswith(("Albania", "Serbia", "Türkiye")) else "no"
            out.append(f"{line},{candidate},2024-07-18")
        return "\n".join(out)

    name = edit(bundled / EIGE_CSV, "flags.csv", add_columns)
    columns = {
        **COLUMNS,
        "eu_candidate": ColumnSpec(type="boolean"),
        "extracted": ColumnSpec(type="date"),
    }
    table = read(tmp_path, name, "csv", columns=columns)
    assert table.schema.field("eu_candidate").type == pa.bool_()
    assert table.schema.field("extracted").type == pa.date32()
    first = first_rows(table, 1)[0]
    assert first["eu_candidate"] is True
    assert str(first["extracted"]) == "2024-07-18"
    assert table["eu_candidate"].to_pylist().count(True) == 41  # Albania, Serbia, Türkiye rows


def test_excel_sheet(read, bundled: Path) -> None:
    columns = {
        "Geographic region\\Time": ColumnSpec(),
        "2023": ColumnSpec(type="number", kind="share"),
    }
    table = read(bundled, EIGE_XLSX, "excel", sheet="Data", header_row=20, columns=columns)
    assert table.num_rows == 42
    assert table.column_names[:2] == ["Geographic region\\Time", "2023"]
    albania = first_rows(table, 1)[0]
    assert (albania["2023"], albania["2017"], albania["_row"]) == (53.8, None, 21)
    assert table["_row"].to_pylist()[-1] == 62
    austria = table.slice(1, 1).to_pylist()[0]
    assert austria["2003"] == "11.1"  # undeclared year: kept as text, as the sheet shows it


def test_excel_matches_tidy_csv(read, bundled: Path) -> None:
    sheet = read(bundled, EIGE_XLSX, "excel", header_row=20)
    tidy = read(bundled, EIGE_CSV, "csv", columns=COLUMNS)
    by_key = {(r["geo"], r["year"]): r["women_pct"] for r in tidy.to_pylist()}
    geo = "Geographic region\\Time"
    from_sheet = {
        (r[geo], int(year)): r[year]
        for r in sheet.to_pylist()
        for year in map(str, range(2003, 2024))
        if r[year] is not None
    }
    assert from_sheet == by_key


def test_parquet(read, bundled: Path, tmp_path: Path) -> None:
    tidy = read(bundled, EIGE_CSV, "csv", columns=COLUMNS).drop_columns(["_row"])
    pq.write_table(
        tidy.set_column(1, "year", tidy["year"].cast(pa.int32())), tmp_path / "eige.parquet"
    )
    table = read(tmp_path, "eige.parquet", "parquet", columns=COLUMNS)
    assert table.schema.types == [pa.string(), pa.int64(), pa.float64(), pa.int64()]
    assert first_rows(table, 1)[0] == {"geo": "Albania", "year": 2023, "women_pct": 53.8, "_row": 1}
    assert table.num_rows == 803


def test_readers_registry() -> None:
    assert set(READERS) == {
        "csv", "tsv", "excel", "parquet", "wdi", "unsdg", "owid", "opensdg", "figures"
    }
    for name, reader in READERS.items():
        assert isinstance(reader, Reader)
        assert reader.format == name


def test_content_hash(bundled: Path) -> None:
    wdi = bundled / "wdi-women-in-parliament/API_SG.GEN.PARL.ZS_DS2_en_csv_v2_216057.csv"
    owid = bundled / "owid-women-in-local-government/WomenInLocalGov.csv"
    assert content_hash(wdi) == "77f9204a23b0cb90e56461e6d97d78e73dbb4e73c6082d0cb061b648772e1d7b"
    assert content_hash(owid) == "034ef735889c983b1d3f49ee32edf248d6af1104ce8ee304eacbd1e4a138d37f"
