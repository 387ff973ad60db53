"""The ledger of published figures: the bundled file read as it is, and each kind of bad row.

Every bad file is the real ledger, copied and corrupted in one cell.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from tendik.errors import (
    BadDate,
    DuplicateColumn,
    DuplicateKey,
    InvalidCitation,
    MissingCitation,
    MissingColumn,
    MissingValue,
    NegativeCount,
    SourceError,
    UnknownUnit,
    WrongType,
)

LEDGER = "kz-published-figures/kz_published_figures.csv"


@pytest.fixture(scope="module")
def ledger(bundled_sources: Path) -> pa.Table:
    from tendik.sources import read_source
    from tendik.sources.spec import SourceSpec

    spec = SourceSpec(id="figures", path=LEDGER, format="figures")
    return read_source(spec, bundled_sources)


@pytest.fixture(scope="module")
def bundled_sources() -> Path:
    import tendik

    return Path(tendik.__file__).parent / "bundled" / "kazakhstan" / "sources"


def figure(ledger: pa.Table, figure_id: str) -> dict:
    rows = [r for r in ledger.to_pylist() if r["id"] == figure_id]
    assert len(rows) == 1
    return rows[0]


def test_every_row_of_the_bundled_ledger_is_read(ledger: pa.Table) -> None:
    assert ledger.num_rows == 265
    assert ledger.column("FIGURE").to_pylist()[:2] == ["KZ001", "KZ002"]
    assert ledger.column("_row").to_pylist()[-1] == 266  # the header is row 1
    languages = ledger.column("language").to_pylist()
    assert (languages.count("en"), languages.count("ru"), languages.count("kk")) == (115, 110, 40)


def test_women_civil_servants_on_1_january_2025(ledger: pa.Table) -> None:
    row = figure(ledger, "KZ017")
    assert row["OBS_VALUE"] == 55.8 and row["UNIT_MEASURE"] == "PT"
    assert row["TIME_PERIOD"] == "2025-01-01" and row["PUBLISHED"] == "2025-03"
    assert row["publisher"] == "Ministry of Culture and Information"
    assert row["outlet"] == "orda.kz" and row["url"].startswith("https://orda.kz/")
    assert row["REF_AREA"] == "KAZ" and row["_row"] == 18


def test_women_in_the_mazhilis_in_march_2026(ledger: pa.Table) -> None:
    row = figure(ledger, "KZ068")
    assert (row["OBS_VALUE"], row["OBS_NUMERATOR"], row["OBS_DENOMINATOR"]) == (17, 17, 97)
    assert row["UNIT_MEASURE"] == "SEATS" and row["UNIT_KIND"] == "seats"
    assert row["TIME_PERIOD"] == "2026-03"
    assert (row["PERIOD_START"], row["PERIOD_END"]) == (date(2026, 3, 1), date(2026, 3, 31))


def test_amounts_are_normalised_with_their_scale_kept(ledger: pa.Table) -> None:
    damu = figure(ledger, "KZ204")  # "4.1" "billion KZT"
    assert damu["OBS_VALUE"] == 4_100_000_000 and damu["UNIT_MULT"] == 9
    assert damu["CURRENCY"] == "KZT" and damu["PRINTED"] == "4.1 billion KZT"
    context = figure(ledger, "KZ201")  # "5.7" "trillion KZT"
    assert context["OBS_VALUE"] == 5.7e12 and context["UNIT_MULT"] == 12
    adb = figure(ledger, "KZ205")  # "100" "million USD", approved 2019-2020
    assert (adb["OBS_VALUE"], adb["CURRENCY"]) == (100_000_000, "USD")
    assert (adb["TIME_PERIOD"], adb["PERIOD_NOTE"]) == ("2019/2020", "approval")
    employed = figure(ledger, "KZ247")  # "4.2" "million persons", denominator "8.7"
    assert (employed["OBS_VALUE"], employed["OBS_DENOMINATOR"]) == (4_200_000, 8_700_000)
    wage = figure(ledger, "KZ208")
    assert (wage["OBS_VALUE"], wage["UNIT_PER"]) == (640_000, "month")


def test_qualifiers_ranges_and_targets(ledger: pa.Table) -> None:
    assert figure(ledger, "KZ023")["QUALIFIER"] == "about"  # "percent (approx)"
    half = figure(ledger, "KZ115")  # "50" "percent (more than half)", undated
    assert (half["OBS_VALUE"], half["QUALIFIER"], half["TIME_PERIOD"]) == (50, "more than", None)
    assert figure(ledger, "KZ152")["TIME_PERIOD"] == "2025-01/2025-08"
    assert figure(ledger, "KZ038")["TIME_PERIOD"] == "2014/2017"  # "2014; 2017"
    assert figure(ledger, "KZ235")["TIME_PERIOD"] == "2021-Q1"
    planned = figure(ledger, "KZ165")  # "2027 (target)": a plan, not an observation
    assert (planned["TIME_PERIOD"], planned["PERIOD_NOTE"]) == (None, "target")
    umai = figure(ledger, "KZ212")  # "2021-2023" "years": three years
    assert umai["OBS_VALUE"] == 3 and umai["value"] == "2021-2023"


def test_region_names_become_iso_codes(ledger: pa.Table) -> None:
    assert figure(ledger, "KZ025")["REF_AREA"] == "KZ-11"  # Akmola region
    assert figure(ledger, "KZ020")["REF_AREA"] == "KZ-75"  # Almaty (the city)
    assert figure(ledger, "KZ214")["REF_AREA"] == "Astana; Almaty"  # two areas: kept as written


def test_publisher_types_from_the_source(bundled_sources: Path) -> None:
    from tendik.sources import read_source
    from tendik.sources.spec import SourceSpec

    spec = SourceSpec(
        id="figures",
        path=LEDGER,
        format="figures",
        publishers={"official": ["Bureau of National Statistics*"], "analyst": ["Ranking.kz*"]},
    )
    table = read_source(spec, bundled_sources)
    types = dict(zip(table.column("id").to_pylist(), table.column("PUBLISHER_TYPE").to_pylist(),
                     strict=True))  # fmt: skip
    assert (types["KZ196"], types["KZ187"], types["KZ017"]) == ("official", "analyst", None)


# --- bad input: one test per rule ----------------------------------------------------------------


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _write(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def cell_edit(figure_id: str, column: str, value: str) -> Callable[[str], str]:
    """An edit that sets one cell of the row with id ``figure_id``."""

    def _edit(text: str) -> str:
        rows = _rows(text)
        index = rows[0].index(column)
        for row in rows[1:]:
            if row[0] == figure_id:
                row[index] = value
        return _write(rows)

    return _edit


def column_edit(old: str, new: str) -> Callable[[str], str]:
    def _edit(text: str) -> str:
        rows = _rows(text)
        rows[0] = [new if name == old else name for name in rows[0]]
        return _write(rows)

    return _edit


def bad(
    read, edit, bundled_sources: Path, tmp_path: Path, change: Callable[[str], str]
) -> Callable[[], object]:
    name = edit(bundled_sources / LEDGER, "ledger.csv", change)
    return lambda: read(tmp_path, name, "figures")


def expect(cls: type[SourceError], call: Callable[[], object], row: int | None,
           column: str | None) -> SourceError:  # fmt: skip
    with pytest.raises(cls) as caught:
        call()
    error = caught.value
    assert type(error) is cls
    assert (str(error.file), error.row, error.column) == ("ledger.csv", row, column)
    return error


@pytest.mark.parametrize("column", ["publisher", "url"])
def test_a_missing_citation(read, edit, bundled_sources, tmp_path, column) -> None:
    call = bad(read, edit, bundled_sources, tmp_path, cell_edit("KZ017", column, ""))
    error = expect(MissingCitation, call, 18, column)
    assert error.type == "missing-citation" and f"needs its {column}" in error.message


def test_a_citation_that_is_not_a_web_address(read, edit, bundled_sources, tmp_path) -> None:
    call = bad(read, edit, bundled_sources, tmp_path, cell_edit("KZ068", "url", "orda.kz"))
    error = expect(InvalidCitation, call, 69, "url")
    assert error.type == "invalid-citation"


@pytest.mark.parametrize(
    ("column", "value", "says"),
    [
        ("reference_date", "early 2025", "is not a date"),
        ("reference_date", "2025-02-30", "is not a day of the calendar"),
        ("reference_date", "2025-09/2025-03", "ends before it starts"),
        ("published_date", "2025-13", "has no month 13"),
        ("published_date", "2025-01/2025-03", "is a range"),
    ],
)
def test_an_unparseable_date(read, edit, bundled_sources, tmp_path, column, value, says) -> None:
    call = bad(read, edit, bundled_sources, tmp_path, cell_edit("KZ204", column, value))
    error = expect(BadDate, call, 205, column)
    assert error.type == "bad-date" and says in error.message


@pytest.mark.parametrize("unit", ["furlongs", "percent (roughly speaking)", "KZT billion"])
def test_an_unknown_unit(read, edit, bundled_sources, tmp_path, unit) -> None:
    call = bad(read, edit, bundled_sources, tmp_path, cell_edit("KZ204", "unit", unit))
    error = expect(UnknownUnit, call, 205, "unit")
    assert error.type == "unknown-unit"


@pytest.mark.parametrize(
    ("column", "value"),
    [("value", "4.1bn?"), ("value", "n/a"), ("numerator", "seventeen"), ("denominator", "9 7")],
)
def test_a_value_that_is_not_a_number(read, edit, bundled_sources, tmp_path, column, value) -> None:
    call = bad(read, edit, bundled_sources, tmp_path, cell_edit("KZ068", column, value))
    error = expect(WrongType, call, 69, column)
    assert error.type == "wrong-type" and "is not a number" in error.message


def test_a_scale_given_twice(read, edit, bundled_sources, tmp_path) -> None:
    call = bad(read, edit, bundled_sources, tmp_path, cell_edit("KZ204", "value", "4.1 billion"))
    error = expect(WrongType, call, 205, "value")
    assert "gives a scale and so does the unit" in error.message


def test_a_negative_count(read, edit, bundled_sources, tmp_path) -> None:
    call = bad(read, edit, bundled_sources, tmp_path, cell_edit("KZ068", "value", "-17"))
    expect(NegativeCount, call, 69, "value")


def test_a_blank_value(read, edit, bundled_sources, tmp_path) -> None:
    call = bad(read, edit, bundled_sources, tmp_path, cell_edit("KZ068", "value", ""))
    expect(MissingValue, call, 69, "value")


def test_two_rows_with_one_id(read, edit, bundled_sources, tmp_path) -> None:
    call = bad(read, edit, bundled_sources, tmp_path, cell_edit("KZ069", "id", "KZ068"))
    error = expect(DuplicateKey, call, 70, "id")
    assert "69" in error.message


def test_a_missing_required_column(read, edit, bundled_sources, tmp_path) -> None:
    call = bad(read, edit, bundled_sources, tmp_path, column_edit("url", "link"))
    error = expect(MissingColumn, call, 1, "url")
    assert "needs the column 'url'" in error.message


def test_a_column_named_like_the_normal_form(read, edit, bundled_sources, tmp_path) -> None:
    call = bad(read, edit, bundled_sources, tmp_path, column_edit("notes", "OBS_VALUE"))
    expect(DuplicateColumn, call, 1, "OBS_VALUE")


def test_thousands_separators_and_a_decimal_comma(read, edit, bundled_sources, tmp_path) -> None:
    """ "4,100,000,000 KZT" is the figure "4.1 billion KZT"; "4,1" in a Russian ledger is 4.1."""
    edits = [
        cell_edit("KZ204", "value", "4,100,000,000"),
        cell_edit("KZ204", "unit", "KZT"),
        cell_edit("KZ209", "value", "41,2"),
        cell_edit("KZ209", "unit", "млрд тенге"),
    ]

    def change(text: str) -> str:
        for one in edits:
            text = one(text)
        return text

    edited = edit(bundled_sources / LEDGER, "ledger.csv", change)
    table = read(tmp_path, edited, "figures")
    rows = {r["id"]: r for r in table.to_pylist()}
    assert (rows["KZ204"]["OBS_VALUE"], rows["KZ204"]["UNIT_MULT"]) == (4_100_000_000, 0)
    assert (rows["KZ209"]["OBS_VALUE"], rows["KZ209"]["CURRENCY"]) == (41_200_000_000, "KZT")
