"""Indicator files are validated: each problem names the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tendik.catalog import load_catalogue, load_indicator
from tendik.errors import (
    CatalogueError,
    ExpressionRefused,
    InvalidField,
    MissingField,
    UnknownKey,
)
from tendik.project import BUNDLED_PROJECT

GOOD = """\
id: women-managers
title: {en: Women managers, ru: Женщины-руководители, kk: Әйел басшылар}
unit: percent
source: staff
measure: {share: "sex = 'F'", among: "is_manager"}
period: year
breakdowns: [department, [department, level]]
"""


def write(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_definition_loads(tmp_path: Path) -> None:
    indicator = load_indicator(write(tmp_path, GOOD))
    assert indicator.id == "women-managers"
    assert indicator.title.get("kk") == "Әйел басшылар"
    assert indicator.measure is not None and indicator.measure.kind == "share"
    assert [b.columns for b in indicator.breakdowns] == [("department",), ("department", "level")]
    assert len(indicator.definition_hash()) == 64


def test_unknown_key(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "colour: blue\n")
    with pytest.raises(UnknownKey) as caught:
        load_indicator(path)
    assert caught.value.key == "colour" and caught.value.file == path
    assert "unknown key 'colour'" in str(caught.value)


def test_unknown_nested_key(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("among:", "amongst:"))
    with pytest.raises(UnknownKey) as caught:
        load_indicator(path)
    assert caught.value.key == "measure.amongst"


def test_missing_field(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("unit: percent\n", ""))
    with pytest.raises(MissingField) as caught:
        load_indicator(path)
    assert caught.value.key == "unit"
    assert str(caught.value) == f"{path}, key 'unit': missing field 'unit'"


def test_bad_value(tmp_path: Path) -> None:
    with pytest.raises(InvalidField) as caught:
        load_indicator(write(tmp_path, GOOD.replace("unit: percent", "unit: furlongs")))
    assert caught.value.key == "unit"


def test_bad_expression_names_file_and_key(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('among: "is_manager"', 'among: "1 IN (SELECT 1)"'))
    with pytest.raises(ExpressionRefused) as caught:
        load_indicator(path)
    assert caught.value.key == "measure.among" and caught.value.file == path


def test_injection_in_a_ratio_side_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace(
        """measure: {share: "sex = 'F'", among: "is_manager"}""",
        "measure:\n  ratio:\n    - {agg: median, column: salary, where: \"sex = 'F'\"}\n"
        "    - {agg: median, column: salary, where: \"sex = 'M'; DROP TABLE x\"}\n",
    )
    with pytest.raises(ExpressionRefused) as caught:
        load_indicator(write(tmp_path, text))
    assert caught.value.key == "measure.ratio.1.where"


def test_injection_in_a_series_filter_is_refused(tmp_path: Path) -> None:
    text = (
        "id: s\ntitle: {en: S}\nunit: percent\nsource: wdi\n"
        "series: {code: X, where: \"REF_AREA = 'KAZ' OR current_setting('x') = 1\"}\n"
    )
    with pytest.raises(ExpressionRefused) as caught:
        load_indicator(write(tmp_path, text))
    assert caught.value.key == "series.where"


def test_two_measures_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("share:", "count: 'true', share:"))
    with pytest.raises(InvalidField) as caught:
        load_indicator(path)
    assert "exactly one of share" in str(caught.value)


def test_yaml_syntax_error_names_the_row(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "breakdowns: [a, b\n")
    with pytest.raises(CatalogueError) as caught:
        load_indicator(path)
    assert caught.value.row is not None and caught.value.file == path


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    second = write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(InvalidField) as caught:
        load_catalogue(tmp_path)
    assert caught.value.file == second and caught.value.key == "id"


def test_bundled_catalogue_has_three_languages_units_sources() -> None:
    catalogue = load_catalogue(BUNDLED_PROJECT / "indicators")
    assert len(catalogue) >= 10
    for indicator in catalogue:
        assert indicator.title.ru and indicator.title.kk, indicator.id
        assert indicator.unit == "percent"
        if indicator.source == "civil-service-register":  # synthetic: said in every language
            assert indicator.notes is not None
            assert "SYNTHETIC" in indicator.notes.en and "СИНТЕТИ" in indicator.notes.ru
            assert "СИНТЕТИКАЛЫҚ" in (indicator.notes.kk or "")
    assert catalogue["parliament-women-share"].sdg == "5.5.1"
    assert catalogue["managers-women-share"].sdmx_series == "IC_GEN_MGTL"


MONEY = GOOD.replace("unit: percent", "unit: money\ncurrency: USD\nscale: 9")


def test_money_in_a_currency_with_its_scale_and_population(tmp_path: Path) -> None:
    text = MONEY + "population: {en: women entrepreneurs, ru: женщины-предприниматели}\n"
    indicator = load_indicator(write(tmp_path, text))
    assert (indicator.unit, indicator.currency, indicator.scale) == ("money", "USD", 9)
    assert indicator.unit_code == "USD"
    assert indicator.population is not None
    assert indicator.population.get("kk") == "women entrepreneurs"  # falls back to English
    rate = load_indicator(write(tmp_path, GOOD.replace("unit: percent", "unit: rate\nper: '1000'")))
    assert (rate.unit_code, rate.per) == ("RATE", "1000")


def test_money_without_a_currency(tmp_path: Path) -> None:
    path = write(tmp_path, MONEY.replace("currency: USD\n", ""))
    with pytest.raises(InvalidField) as caught:
        load_indicator(path)
    assert caught.value.key == "currency" and "ISO 4217" in str(caught.value)


def test_a_currency_on_a_percentage(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("unit: percent", "unit: percent\ncurrency: KZT"))
    with pytest.raises(InvalidField) as caught:
        load_indicator(path)
    assert caught.value.key == "currency" and "'currency' is for money" in str(caught.value)


def test_a_currency_code_not_iso(tmp_path: Path) -> None:
    path = write(tmp_path, MONEY.replace("currency: USD", "currency: dollars"))
    with pytest.raises(InvalidField) as caught:
        load_indicator(path)
    assert caught.value.key == "currency"
