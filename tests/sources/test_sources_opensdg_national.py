"""Open SDG files as the national platforms write them: Kazakhstan, Kyrgyzstan, Republika Srpska,
Montenegro, Ukraine (real files, see tests/fixtures/open-sdg-samples/*/PROVENANCE.md)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest
import yaml

from tendik.catalog.model import Indicator
from tendik.engine.series import compute_series
from tendik.errors import DuplicateKey, EngineError, FormatMismatch
from tendik.sources.spec import ROW_COLUMN, SERIES_COLUMNS
from tendik.sources.units import unit_code, unit_codes

KAZ = "kazakhstan"


def series(code: str | None = None, **selector: str) -> Indicator:
    return Indicator.model_validate(
        {
            "id": "test",
            "title": {"en": "test"},
            "unit": "percent",
            "source": "test",
            "series": {"code": code, **selector},
        }
    )


def values(table: pa.Table, **where: str | None) -> list[tuple[str, float]]:
    rows = table.to_pylist()
    return [
        (r["TIME_PERIOD"], r["OBS_VALUE"])
        for r in rows
        if all(r[column] == value for column, value in where.items())
    ]


def test_kazakhstan_sdmx_columns(read, samples: Path) -> None:
    """Year,UNIT_MEASURE,SERIES,Value: SERIES is the series, UNIT_MEASURE its unit."""
    table = read(samples, f"{KAZ}/indicator_5-5-1.csv", "opensdg", area="KAZ")
    assert table.column_names == [*SERIES_COLUMNS, ROW_COLUMN]
    assert table.num_rows == 27
    assert set(table["UNIT_MEASURE"].to_pylist()) == {"PT"}
    assert set(table["REF_AREA"].to_pylist()) == {"KAZ"}
    assert values(table, SERIES="SG_GEN_PARL")[-3:] == [("2021", 30.5), ("2022", 23.0),
                                                        ("2023", 23.0)]
    assert values(table, SERIES="SG_GEN_LOCG")[:2] == [("2010", 17.8), ("2011", 17.8)]
    assert table.filter(pc.equal(table["TIME_PERIOD"], "2011"))[ROW_COLUMN].to_pylist() == [3, 4]


def test_kazakhstan_regions_urbanisation_and_age(read, samples: Path) -> None:
    """The 2021 5.5.2 file: REF_AREA is a region of Kazakhstan (blank = the country), read as
    the breakdown REGION; URBANISATION and AGE are SDMX dimensions; a trailing comma ends each
    line of the header."""
    table = read(samples, f"{KAZ}/2021-04/indicator_5-5-2.csv", "opensdg", area="KAZ")
    assert table.column_names == [*SERIES_COLUMNS, "REGION", "URBANISATION", "AGE", ROW_COLUMN]
    assert table.num_rows == 1619
    assert pc.count_distinct(table["REGION"]).as_py() == 18
    assert set(table["URBANISATION"].to_pylist()) == {None, "U", "R"}
    assert "Y_GE65" in table["AGE"].to_pylist()
    assert values(table, REGION=None, URBANISATION=None, AGE=None)[-1] == ("2019", 43.0)
    assert values(table, REGION="KZAKM", URBANISATION=None, AGE=None)[0] == ("2010", 39.9)


def test_kazakhstan_current_5_5_2_repeats_its_keys(read, samples: Path) -> None:
    """The current file gives the 2020 national total four times (41.1, 41.5, 40.0, 41.1): the
    urban and rural rows lost their code. Which one is meant cannot be told, so it is refused,
    naming the first two rows."""
    with pytest.raises(DuplicateKey) as caught:
        read(samples, f"{KAZ}/indicator_5-5-2.csv", "opensdg", area="KAZ")
    error = caught.value
    assert (error.file, error.row) == (f"{KAZ}/indicator_5-5-2.csv", 1639)
    assert "rows 1621 and 1639" in error.message
    assert error.key == "5-5-2|KAZ|2020|PT|||"


def test_kazakhstan_2019_russian_headers_and_units(read, samples: Path) -> None:
    table = read(samples, f"{KAZ}/2019-09/indicator_5-5-1.csv", "opensdg")
    column = "Доля мест, занимаемых женщинами"
    assert table.column_names == [*SERIES_COLUMNS, column, ROW_COLUMN]
    assert set(table["UNIT_MEASURE"].to_pylist()) == {"PT"}  # the file says "процент"
    assert values(table, **{column: "местные органы власти (Маслихат)"})[-1] == ("2018", 22.19)
    assert values(table, **{column: "национальный парламент (Мажилис)"})[0] == ("2010", 17.8)


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_the_platforms_own_unit_labels(samples: Path, language: str) -> None:
    """Kazakhstan's platform labels its unit codes in three languages; the plain ones are
    understood, the others (a change, a scale, a rate) are kept as written."""
    path = samples / KAZ / "translations" / language / "UNIT_MEASURE.yml"
    labels = yaml.safe_load(path.read_text(encoding="utf-8"))
    plain = {"PT": "PT", "PERSONS": "NUMBER", "UNITS": "NUMBER", "TNG": "KZT"}
    for code, expected in plain.items():
        if code in labels:
            assert unit_code(labels[code]) == expected, (code, labels[code])
    assert unit_code(labels["PT"]) == "PT"  # процент / пайыз / Percent
    kept = ["PT_PREV_Y", "PT_BY_2005", "PT_GDP", "PT_IN_2010_PRICE", "TH_PEOPLE", "TH_UNITS"]
    texts = pa.array([labels[code] for code in kept if code in labels], pa.string())
    assert len(texts) >= 5
    assert unit_codes(texts).to_pylist() == texts.to_pylist()


def test_unit_words_in_russian_and_kazakh() -> None:
    written = ["процент", "  Пайыз ", "адам", "человек", "бірлік", "теңге", "%", "Percentage (%)"]
    assert unit_codes(pa.array(written)).to_pylist() == [
        "PT", "PT", "NUMBER", "NUMBER", "NUMBER", "KZT", "PT", "PT",
    ]
    assert unit_code("в процентах к предыдущему году") == "в процентах к предыдущему году"
    assert unit_code(None) is None


def test_republika_srpska_sex_f_qualifies_the_series(read, samples: Path) -> None:
    """SEX = F on every row of a women's series: a qualifier, not a breakdown, so the
    indicator has totals; SDMX's total code _T is read as blank."""
    table = read(samples, "republika-srpska/indicator_5-5-1.csv", "opensdg", area="BIH")
    assert table.column_names == [*SERIES_COLUMNS, "SEX", ROW_COLUMN]  # six empty columns gone
    assert table.num_rows == 28
    assert set(values_of(table, "SEX", SERIES="SG_GEN_PARLNT")) == {None}  # "_T"
    observations, dims = compute_series(series("SG_GEN_PARLN"), table)
    assert dims == []
    assert observations.column("OBS_VALUE").to_pylist() == [15, 14, 17, 18, 13, 15, 16]
    assert set(observations.column("UNIT_MEASURE").to_pylist()) == {"NUMBER"}


def values_of(table: pa.Table, column: str, **where: str) -> list[object]:
    return [r[column] for r in table.to_pylist() if all(r[k] == v for k, v in where.items())]


def test_republika_srpska_one_series_in_two_units(read, samples: Path) -> None:
    """Each value as a number and as a percentage: the unit is part of the key, and an
    indicator must choose one."""
    table = read(samples, "republika-srpska/indicator_1-2-1.csv", "opensdg", area="BIH")
    assert table.num_rows == 16
    with pytest.raises(EngineError) as caught:
        compute_series(series("SI_POV_NAHC"), table)
    assert "2 units (NUMBER, PT)" in caught.value.message
    assert caught.value.key == "series"
    observations, _ = compute_series(
        series("SI_POV_NAHC", where="UNIT_MEASURE = 'PT'"), table
    )
    assert observations.column("OBS_VALUE").to_pylist() == [15.8, 15.6, 14.4, 12.8]


def test_montenegro_category_picked_by_where(read, samples: Path) -> None:
    """The two series of 5.5.1 as a Category breakdown; an indicator picks one with where."""
    table = read(samples, "montenegro/indicator_5-5-1.csv", "opensdg", area="MNE")
    assert table.num_rows == 24
    observations, dims = compute_series(
        series("5-5-1", where="Category = '5_5_1_cat_2'"), table
    )
    assert dims == []  # one code in every selected row: the series has totals
    assert observations.column("TIME_PERIOD").to_pylist() == ["2017", "2018", "2019", "2022"]
    assert observations.column("OBS_VALUE").to_pylist() == [27.8, 30.0, 31.9, 32.7]
    everything, dims = compute_series(series("5-5-1"), table)
    assert dims == ["CATEGORY"] and everything.num_rows == 24


def test_ukraine_women_and_men(read, samples: Path) -> None:
    table = read(samples, "ukraine/indicator_5-5-1.csv", "opensdg", area="UKR")
    assert table.num_rows == 18  # the 2024 cells are blank
    assert values(table, Sex="women")[-1] == ("2023", 21.2)
    assert values(table, Sex="men")[-1] == ("2023", 78.8)


def test_kyrgyzstan_russian_breakdowns(read, samples: Path) -> None:
    table = read(samples, "kyrgyzstan/10-3-1.csv", "opensdg", area="KGZ")
    assert table.num_rows == 64
    assert table.column_names[len(SERIES_COLUMNS) : -1] == [
        "Местность",
        "Территория",
        "Возраст",
        "Образование",
        "Функциональные трудности (возраст: 18-49лет)",
        "Квинтиль благосостояния",
    ]
    assert values(table, Местность=None, Территория=None, Возраст=None)[:2] == [
        ("2018", 7.7),
        ("2023", 6.2),
    ]
    assert values(table, Территория="Баткенская область") == [("2018", 0.4), ("2023", 4.3)]
    assert table["SERIES"][0].as_py() == "10-3-1"  # no indicator_ prefix: the file's name


@pytest.mark.parametrize(
    ("header", "column", "says"),
    [
        ("Year,Series,SERIES,Value", "SERIES", "the series in two columns"),
        ("Year,Units,UNIT_MEASURE,Value", "UNIT_MEASURE", "the unit in two columns"),
        ("Year,REGION,REF_AREA,Value", "REF_AREA", "clashes with the breakdown 'REGION'"),
        ("Year,Region,REF_AREA,Value", "REF_AREA", "clashes with the breakdown 'Region'"),
        ("Year,TIME_PERIOD,Value", "TIME_PERIOD", "clashes with a series column"),
    ],
)
def test_columns_that_clash(read, tmp_path: Path, header: str, column: str, says: str) -> None:
    """A header that names one role twice is refused at the header row, naming the column."""
    cells = ",".join(["2020"] + ["a"] * (header.count(",") - 1) + ["1"])
    (tmp_path / "indicator_5-5-1.csv").write_text(f"{header}\n{cells}\n", encoding="utf-8")
    with pytest.raises(FormatMismatch) as caught:
        read(tmp_path, "indicator_5-5-1.csv", "opensdg")
    error = caught.value
    assert (error.file, error.row, error.column) == ("indicator_5-5-1.csv", 1, column)
    assert says in error.message
