"""CSV publication: read back with pyarrow, compared with the warehouse cell by cell."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

from tendik.project import Project
from tendik.publish import PublishReport

# Observations of the indicators over real published series (counts of the source files' values).
REAL_ROWS = {
    "judges-women-share": 624,
    "local-government-women-share": 173,
    "local-government-women-share-owid": 354,
    "managers-women-share": 2191,
    "ministers-women-share": 1501,
    "parliament-women-share": 6360,
    "parliament-women-share-un": 4880,
    "police-women-share": 754,
    "senior-administrators-women-share": 803,
    "senior-middle-managers-women-share": 1016,
}


def read(report: PublishReport, name: str) -> pa.Table:
    options = pacsv.ConvertOptions(strings_can_be_null=True,
                                   column_types={"TIME_PERIOD": pa.string()})
    return pacsv.read_csv(report.out / name, convert_options=options)


def test_one_file_per_indicator_and_a_catalogue(kz_published: dict[str, PublishReport],
                                                kz_indicators: dict[str, int]) -> None:
    report = kz_published["csv"]
    names = sorted(p.relative_to(report.out).as_posix() for p in report.files)
    assert names == ["catalogue.csv", *sorted(f"data/{i}.csv" for i in kz_indicators)]
    assert report.rows == sum(kz_indicators.values())
    assert set(REAL_ROWS) <= set(kz_indicators)


@pytest.mark.parametrize("indicator", sorted(REAL_ROWS))
def test_real_series_row_counts(kz_published: dict[str, PublishReport], indicator: str) -> None:
    assert read(kz_published["csv"], f"data/{indicator}.csv").num_rows == REAL_ROWS[indicator]


def test_every_cell_equals_the_warehouse(kz_published: dict[str, PublishReport],
                                         kz_indicators: dict[str, int],
                                         built_kazakhstan: Project, cells) -> None:
    for indicator, n_obs in kz_indicators.items():
        table = read(kz_published["csv"], f"data/{indicator}.csv")
        dims = table.column_names[4:-4]
        published = {
            (r["REF_AREA"], r["TIME_PERIOD"], *(None if r[d] == "_T" else r[d] for d in dims)):
            (r["OBS_VALUE"], r["OBS_STATUS"])
            for r in table.to_pylist()
        }
        assert table.num_rows == n_obs, indicator
        assert published == cells(built_kazakhstan, indicator), indicator
        assert set(table.column("DATAFLOW").to_pylist()) == {
            f"TENDIK:DF_{indicator.upper().replace('-', '_')}(1.0)"}


def test_kazakhstan_parliament_2023_and_2024(kz_published: dict[str, PublishReport]) -> None:
    table = read(kz_published["csv"], "data/parliament-women-share.csv")
    kaz = {r["TIME_PERIOD"]: r["OBS_VALUE"] for r in table.to_pylist() if r["REF_AREA"] == "KAZ"}
    assert kaz["2024"] == 19.3877551020408  # 19/98 seats, as the WDI file rounds it
    assert kaz["2023"] == 18.3673469387755
    assert table.column_names == ["DATAFLOW", "INDICATOR", "REF_AREA", "TIME_PERIOD",
                                  "OBS_VALUE", "UNIT_MEASURE", "OBS_STATUS", "COMMENT_OBS"]


def test_catalogue_in_three_languages(kz_published: dict[str, PublishReport],
                                      kz_indicators: dict[str, int]) -> None:
    rows = {r["id"]: r for r in read(kz_published["csv"], "catalogue.csv").to_pylist()}
    assert sorted(rows) == sorted(kz_indicators)
    parliament = rows["parliament-women-share"]
    assert parliament["title_kk"] == (
        "Ұлттық парламенттегі әйелдер иеленген орындардың үлесі (төменгі палата)")
    assert parliament["sdg"] == "5.5.1"
    assert parliament["sdmx_series"] == "SG_GEN_PARL"
    assert parliament["observations"] == 6360
    assert parliament["publisher"] == "World Bank (data from the Inter-Parliamentary Union)"
    assert parliament["synthetic"] is False
    assert parliament["file"] == "data/parliament-women-share.csv"
    assert rows["judges-women-share"]["sdg"] is None


def test_breakdowns_are_columns_with_t_for_totals(uk_published: dict[str, PublishReport],
                                                  uk_suppressed: Project, cells) -> None:
    table = read(uk_published["csv"], "data/managers-women-share.csv")
    assert table.column_names[4:7] == ["AGE", "DISABILITY_STATUS", "REGION"]
    assert table.num_rows == 227
    rows = table.to_pylist()
    headline = [r for r in rows if (r["AGE"], r["DISABILITY_STATUS"], r["REGION"]) == ("_T",) * 3]
    assert [(r["TIME_PERIOD"], r["OBS_VALUE"]) for r in headline][:2] == [
        ("2012", 35.7335999997921), ("2013", 35.4860636764419)]
    published = {
        (r["REF_AREA"], r["TIME_PERIOD"],
         *(None if r[d] == "_T" else r[d] for d in ("AGE", "DISABILITY_STATUS", "REGION"))):
        (r["OBS_VALUE"], r["OBS_STATUS"])
        for r in rows
    }
    expected = cells(uk_suppressed, "managers-women-share")
    expected = {k: (None if s == "C" else v, s) for k, (v, s) in expected.items()}
    assert published == expected
