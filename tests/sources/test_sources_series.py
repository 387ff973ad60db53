"""Series formats read from the real published files: WDI, UN SDG, OWID, Open SDG."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from tendik.sources.spec import ROW_COLUMN, SERIES_COLUMNS

WDI = "wdi-women-in-parliament/API_SG.GEN.PARL.ZS_DS2_en_csv_v2_216057.csv"
UN_PARL = "un-minimum-set-public-life/7100__IV_2__I836a1d80__S5867152a.tsv"
UN_LOCAL = "un-minimum-set-public-life/7200__IV_2__I836a1d80__S37241f88.tsv"
UN_MINISTERS = "un-minimum-set-public-life/7000__IV_1__I22b614cb__S22b614cb.tsv"
OWID = "owid-women-in-local-government/WomenInLocalGov.csv"


def lookup(table: pa.Table, **where: str) -> list[dict]:
    mask = None
    for column, value in where.items():
        test = pc.equal(table[column], value)
        mask = test if mask is None else pc.and_(mask, test)
    return table.filter(mask).to_pylist()


def one(table: pa.Table, **where: str) -> dict:
    rows = lookup(table, **where)
    assert len(rows) == 1, rows
    return rows[0]


def test_wdi_kazakhstan_parliament(read, bundled: Path) -> None:
    table = read(bundled, WDI, "wdi")
    assert table.column_names == [*SERIES_COLUMNS, ROW_COLUMN]
    assert table.num_rows == 6360  # non-empty values in the file
    kaz_2024 = one(table, REF_AREA="KAZ", TIME_PERIOD="2024")
    # The file holds "19.3877551020408": 19 women of 98 seats, to 15 significant digits.
    assert kaz_2024["OBS_VALUE"] == 19.3877551020408
    assert kaz_2024["OBS_VALUE"] == pytest.approx(19 / 98 * 100)
    assert kaz_2024["SERIES"] == "SG.GEN.PARL.ZS"
    assert kaz_2024["REF_AREA_NAME"] == "Kazakhstan"
    assert kaz_2024["UNIT_MEASURE"] == "PT"
    assert kaz_2024[ROW_COLUMN] == 126  # 4 metadata lines, the header on row 5
    kaz_2023 = one(table, REF_AREA="KAZ", TIME_PERIOD="2023")
    assert kaz_2023["OBS_VALUE"] == pytest.approx(18.3673469387755)
    assert kaz_2023["OBS_VALUE"] == pytest.approx(18 / 98 * 100)


def test_wdi_coverage(read, bundled: Path) -> None:
    table = read(bundled, WDI, "wdi")
    assert pc.count_distinct(table["REF_AREA"]).as_py() == 241
    years = table["TIME_PERIOD"].to_pylist()
    assert (min(years), max(years)) == ("1997", "2024")
    assert table["COMMENT_OBS"].null_count == table.num_rows


def test_un_local_government_and_parliament(read, bundled: Path) -> None:
    local = read(bundled, UN_LOCAL, "unsdg")
    assert local.num_rows == 173
    kaz = one(local, REF_AREA="KAZ", SERIES="SG_GEN_LOCGELS", TIME_PERIOD="2018")
    assert kaz["OBS_VALUE"] == 22.19
    assert kaz["COMMENT_OBS"] == "Administrative data."
    assert kaz[ROW_COLUMN] == 81
    parliament = read(bundled, UN_PARL, "unsdg")
    assert parliament.num_rows == 4880
    assert (
        one(parliament, REF_AREA="KAZ", SERIES="SG_GEN_PARL", TIME_PERIOD="2012")["OBS_VALUE"]
        == 24.3
    )
    world = one(parliament, REF_AREA="1", TIME_PERIOD="2000")  # no ISO3: the M49 code
    assert (world["REF_AREA_NAME"], world["OBS_VALUE"]) == ("World", 13.34)


def test_un_series_falls_back_to_minimum_set_code(read, bundled: Path) -> None:
    ministers = read(bundled, UN_MINISTERS, "unsdg")
    assert ministers.num_rows == 1501
    assert set(ministers["SERIES"].to_pylist()) == {"S22b614cb"}
    assert ministers["COMMENT_OBS"].null_count == 1501  # this file has no COMMENT_OBS column
    assert one(ministers, REF_AREA="KAZ", TIME_PERIOD="2019")["OBS_VALUE"] == 5.6


def test_same_country_year_in_wdi_and_un(read, bundled: Path) -> None:
    wdi = one(read(bundled, WDI, "wdi"), REF_AREA="KAZ", TIME_PERIOD="2012")
    un = one(read(bundled, UN_PARL, "unsdg"), REF_AREA="KAZ", TIME_PERIOD="2012")
    assert wdi["OBS_VALUE"] == pytest.approx(26 / 107 * 100)  # "24.2990654205607"
    assert un["OBS_VALUE"] == 24.3
    assert round(wdi["OBS_VALUE"], 1) == un["OBS_VALUE"]


def test_owid_local_government(read, bundled: Path) -> None:
    table = read(bundled, OWID, "owid")
    assert table.num_rows == 354
    kaz = one(table, REF_AREA="KAZ", TIME_PERIOD="2022")
    assert kaz["OBS_VALUE"] == 30.46
    assert (kaz["SERIES"], kaz["UNIT_MEASURE"], kaz[ROW_COLUMN]) == ("SG_GEN_LOCGELS", "PT", 175)
    region = one(table, REF_AREA="Central and Southern Asia (UN)", TIME_PERIOD="2022")
    assert region["OBS_VALUE"] == 41.32  # no code for UN regions: the entity name stands in
    assert pc.count_distinct(table["REF_AREA"]).as_py() == 154


def test_open_sdg_armenia(read, samples: Path) -> None:
    table = read(samples, "armenia/indicator_5-5-1.csv", "opensdg")
    assert table.column_names == [*SERIES_COLUMNS, "Category", ROW_COLUMN]
    assert table.num_rows == 20  # BOM, every field quoted, rows not sorted by year
    parliament = one(table, Category="national parliaments", TIME_PERIOD="2024")
    assert parliament["OBS_VALUE"] == 38.3
    assert (parliament["SERIES"], parliament["REF_AREA"]) == ("5-5-1", "_Z")
    assert parliament["UNIT_MEASURE"] == "PT"  # the file says "%"
    local_2021 = one(table, Category="local governments", TIME_PERIOD="2021")
    assert (local_2021["OBS_VALUE"], local_2021[ROW_COLUMN]) == (24.7, 14)


def test_open_sdg_area_option(read, samples: Path) -> None:
    table = read(samples, "armenia/indicator_5-5-1.csv", "opensdg", area="ARM")
    assert set(table["REF_AREA"].to_pylist()) == {"ARM"}


def test_open_sdg_uk_blank_breakdown_is_total(read, samples: Path) -> None:
    table = read(samples, "uk/indicator_5-5-1.csv", "opensdg", area="GBR")
    assert table.num_rows == 130
    assert table["Legislative authority"].null_count == 91
    commons = lookup(table, SERIES="House of Commons")
    assert len(commons) == 28
    assert all(row["Legislative authority"] is None for row in commons)
    assert one(table, SERIES="House of Commons", TIME_PERIOD="1974a")["OBS_VALUE"] == 3.6
    scotland = one(
        table,
        TIME_PERIOD="2003",
        **{"Legislative authority": "Scottish Parliament/Pàrlamaid na h-Alba"},
    )
    assert scotland["OBS_VALUE"] == pytest.approx(39.5348837209302)
    assert scotland[ROW_COLUMN] == 100


def test_open_sdg_uk_breakdowns_and_unit_measure(read, samples: Path) -> None:
    table = read(samples, "uk/indicator_5-5-2.csv", "opensdg")
    assert table.column_names == [*SERIES_COLUMNS, "Age", "Disability status", "Region", ROW_COLUMN]
    assert table.num_rows == 227
    total = table.slice(0, 1).to_pylist()[0]  # row 2: no age, disability or region
    assert (total["Age"], total["Disability status"], total["Region"]) == (None, None, None)
    assert total["OBS_VALUE"] == pytest.approx(35.7335999997921)
    young = one(table, TIME_PERIOD="2012", Age="16 to 24")
    assert young["OBS_VALUE"] == pytest.approx(51.4644463006736)
    assert set(table["UNIT_MEASURE"].to_pylist()) == {"PT"}  # "Percentage (%)"


COUNTRIES = Path(__file__).parents[2] / "bench" / "claims" / "countries" / "project" / "sources"


def test_wdi_annual_percent_is_a_rate_not_a_share(read, bundled: Path) -> None:
    """Inflation and population growth are "(annual %)": negative or above 100, as published."""
    table = read(COUNTRIES, "wdi/API_FP.CPI.TOTL.ZG_DS2_en_csv_v2_285.csv", "wdi")
    argentina = one(table, REF_AREA="ARG", TIME_PERIOD="2023")
    assert argentina["OBS_VALUE"] == pytest.approx(133.488935594175)
    assert argentina["UNIT_MEASURE"] is None  # the indicator's own unit applies
    japan = one(table, REF_AREA="JPN", TIME_PERIOD="2009")
    assert japan["OBS_VALUE"] == pytest.approx(-1.35283672951719)
    shares = read(bundled, WDI, "wdi")
    assert one(shares, REF_AREA="KAZ", TIME_PERIOD="2024")["UNIT_MEASURE"] == "PT"
