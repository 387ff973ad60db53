"""Verdicts on single claims against the bundled warehouse: each kind, each reading of time,
the synthetic register, Russian text, and cells marked suppressed."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tendik.claims import Verdict, check_text, to_json
from tendik.claims.tolerance import tolerance
from tendik.project import Project, load_project

Judge = Callable[..., Verdict]


def figures(v: Verdict) -> list[tuple[str, str, float, bool]]:
    return [(e.indicator, e.period, round(e.value, 2), e.agrees) for e in v.evidence]


# --- consistent, inconsistent ------------------------------------------------------------------
def test_consistent_within_the_rounding_of_the_last_digit(verdict: Judge) -> None:
    # WDI 2023: 18 of 98 seats = 18.3673...; "18.4%" allows 18.35 to 18.45
    v = verdict("In 2023, women held 18.4% of the seats in the Mazhilis.", "18.4%")
    assert (v.kind, v.reason, v.indicator) == ("consistent", "within-rounding",
                                               "parliament-women-share")  # fmt: skip
    assert figures(v) == [("parliament-women-share", "2023", 18.37, True)]
    assert "18.35 to 18.45" in v.explanation


def test_a_qualifier_widens_the_rounding(verdict: Judge) -> None:
    # WDI 2024: 19 of 98 = 19.3878; "19.3%" allows 19.25-19.35, "about 19.3%" 19.2-19.4
    plain = verdict("In 2024, women held 19.3% of the seats in the Mazhilis.", "19.3%")
    about = verdict("In 2024, women held about 19.3% of the seats in the Mazhilis.", "about 19.3%")
    assert (plain.kind, about.kind) == ("inconsistent", "consistent")
    assert figures(plain) == [("parliament-women-share", "2024", 19.39, False)]
    assert figures(about) == [("parliament-women-share", "2024", 19.39, True)]
    assert "19.2 to 19.4" in about.explanation


def test_inconsistent_says_what_the_data_give(verdict: Judge) -> None:
    v = verdict("In 2023, women held 20.4% of the seats in the Mazhilis.", "20.4%")
    assert (v.kind, v.reason) == ("inconsistent", "beyond-rounding")
    assert "18.37" in v.explanation and "outside the 20.35 to 20.45" in v.explanation


def test_other_indicators_and_countries(verdict: Judge) -> None:
    judges = verdict("Women were 43% of judges in Kazakhstan in 2015.", "43%")
    police = verdict("Women were 8% of police officers in Kazakhstan in 2015.", "8%")
    sweden = verdict("In 2021 women held 47% of the seats in Sweden's parliament.", "47%")
    assert (judges.indicator, judges.kind, figures(judges)) == (
        "judges-women-share",
        "consistent",
        [("judges-women-share", "2015", 43.0, True)],
    )
    assert (police.indicator, police.kind) == ("police-women-share", "consistent")
    assert (sweden.area, sweden.kind) == ("SWE", "consistent")  # WDI 2021 46.99
    assert [round(e.value, 2) for e in sweden.evidence] == [46.99, 46.99]


# --- periods and the two parliament series -----------------------------------------------------
def test_ambiguous_between_the_wdi_and_the_un_series(verdict: Judge) -> None:
    # a claim for the year 2000: the WDI's end of 2000 (2.33) agrees, the UN's 1 February 2000
    # (1.43) does not
    v = verdict("In Kyrgyzstan, women held 2 percent of the seats in parliament in 2000.",
                "2 percent")  # fmt: skip
    assert (v.kind, v.reason, v.area) == ("ambiguous", "readings-disagree", "KGZ")
    assert figures(v) == [("parliament-women-share", "2000", 2.33, True),
                          ("parliament-women-share-un", "2000", 1.43, False)]  # fmt: skip
    assert v.explanation.index("2.33 would match") < v.explanation.index("1.43 would not")


def test_the_world_average_agrees_with_the_un_not_the_wdi(verdict: Judge) -> None:
    v = verdict("In 2018, 23% of parliamentary seats worldwide were held by women.", "23%")
    assert (v.kind, v.area) == ("ambiguous", "WLD")
    assert figures(v) == [("parliament-women-share", "2018", 24.1, False),
                          ("parliament-women-share-un", "2018", 23.43, True)]  # fmt: skip


def test_as_of_1_january_reads_un_year_t_and_wdi_year_t_minus_1(verdict: Judge) -> None:
    v = verdict("As of 1 January 2021, women held 27.1% of the seats in the Mazhilis.", "27.1%")
    assert v.kind == "consistent"
    assert figures(v) == [("parliament-women-share", "2020", 27.1, True),
                          ("parliament-women-share-un", "2021", 27.1, True)]  # fmt: skip


def test_no_observation_near_the_period(verdict: Judge) -> None:
    v = verdict("Women now make up 53% of judges.", "53%", date(2025, 1, 1))
    assert (v.kind, v.reason, v.indicator) == ("unverifiable", "no-observation-for-period",
                                               "judges-women-share")  # fmt: skip
    assert "2015" in v.explanation and "43" in v.explanation


def test_an_undated_claim_is_compared_with_every_year(verdict: Judge) -> None:
    v = verdict("Women hold 27.1% of the seats in the Mazhilis.", "27.1%")
    assert (v.kind, v.reason) == ("ambiguous", "undated-mixed")
    assert v.explanation.startswith("undated: World Bank WDI 2016–2021 (KAZ) 27.1")


# --- unverifiable ------------------------------------------------------------------------------
def test_unverifiable_when_nothing_bears_on_it(verdict: Judge) -> None:
    v = verdict("Women own 48% of small and medium-sized businesses in Kazakhstan.", "48%",
                date(2025, 1, 1))  # fmt: skip
    assert (v.kind, v.reason, v.indicator, v.matches) == ("unverifiable", "no-indicator", None, ())
    assert v.explanation == "nothing in this warehouse bears on it"


def test_unverifiable_when_only_synthetic_data_bear_on_it(verdict: Judge) -> None:
    v = verdict("Women make up 55.8% of civil servants in Kazakhstan.", "55.8%", date(2025, 1, 1))
    assert (v.kind, v.reason, v.indicator) == ("unverifiable", "synthetic-only",
                                               "civil-service-women")  # fmt: skip
    assert v.evidence == () and v.matches[0].synthetic
    assert "only synthetic data in this warehouse bear on it" in v.explanation


def test_a_population_the_indicator_does_not_count(verdict: Judge) -> None:
    v = verdict("Women hold 20.4 percent of seats in the upper chamber of the parliament.",
                "20.4 percent", date(2026, 3, 1))  # fmt: skip
    assert (v.kind, v.reason) == ("unverifiable", "no-indicator")
    why = "the claim counts upper chamber, which it does not"
    assert dict(v.refused) == {"parliament-women-share": why, "parliament-women-share-un": why}


def test_targets_are_not_statements_of_fact(verdict: Judge) -> None:
    v = verdict("The number of policewomen will reach 30 percent in Kazakhstan by 2020.",
                "30 percent", date(2013, 5, 9))  # fmt: skip
    assert (v.kind, v.reason, v.indicator) == ("unverifiable", "target", None)


# --- Russian -----------------------------------------------------------------------------------
def test_russian_text_matches_through_russian_synonyms(verdict: Judge) -> None:
    v = verdict("В 2023 году женщины занимали 18,4% мест в мажилисе.", "18,4%")
    assert (v.kind, v.indicator, v.matches[0].phrase) == ("consistent", "parliament-women-share",
                                                          "мажилис")  # fmt: skip
    local = verdict("По итогам 2018 года женщины составляли 22,2% депутатов маслихатов.", "22,2%")
    assert (local.kind, local.indicator) == ("consistent", "local-government-women-share")
    assert local.matches[0].phrase == "депутаты маслихатов"
    assert figures(local) == [("local-government-women-share", "2018", 22.19, True)]


def test_tolerance_of_a_russian_range() -> None:
    from tendik.claims import extract_claims

    claim = extract_claims("В Мажилисе женщины составляют примерно 18–19% депутатов.")[0]
    assert tolerance(claim).words() == "17 to 20"  # "about" widens 18-19 by one unit each way


# --- suppressed cells --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def suppressed(built_kazakhstan: Project, tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The bundled warehouse with the WDI's 2023 Kazakh figure and every Kazakh local-government
    figure marked C; their values stay in the file, so a leak would show."""
    copy = tmp_path_factory.mktemp("suppressed") / "warehouse.duckdb"
    shutil.copy(built_kazakhstan.warehouse_path, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("UPDATE observations SET OBS_STATUS = 'C' WHERE REF_AREA = 'KAZ' AND ("
                    "(indicator = 'parliament-women-share' AND TIME_PERIOD = '2023') OR "
                    "indicator LIKE 'local-government-women-share%')")  # fmt: skip
    return load_project(built_kazakhstan.root, warehouse=copy)


def test_suppressed_cells_are_never_used_nor_shown(suppressed: Project) -> None:
    text = (
        "In 2023, women held 18.4% of the seats in the Mazhilis. "
        "In 2022, women held 30.5% of the seats in the maslikhats."
    )
    report = check_text(text, project=suppressed)
    mazhilis, maslikhats = report.verdicts
    assert (mazhilis.kind, mazhilis.reason) == ("unverifiable", "no-observation-for-period")
    assert all(e.period != "2023" for e in mazhilis.evidence)
    assert (maslikhats.kind, maslikhats.reason) == ("unverifiable", "suppressed")
    text_out = to_json(report)
    for withheld in ("18.367", "30.46", "22.19", "22.34"):
        assert withheld not in text_out.replace(text, "")
    assert json.loads(text_out)["verdicts"][1]["evidence"] == []


def test_the_same_claims_unsuppressed_use_those_cells(built_kazakhstan: Project) -> None:
    """Without the C status the cells decide: the test above can see a leak."""
    text = "In 2022, women held 30.5% of the seats in the maslikhats."
    (v,) = check_text(text, project=built_kazakhstan).verdicts
    assert v.kind == "consistent" and figures(v) == [
        ("local-government-women-share-owid", "2022", 30.46, True)
    ]


def test_check_text_reads_the_project_warehouse(built_kazakhstan: Project, tmp_path: Path) -> None:
    empty = load_project(built_kazakhstan.root, warehouse=tmp_path / "none.duckdb")
    from tendik.errors import WarehouseError

    with pytest.raises(WarehouseError):
        check_text("Women hold 19% of seats.", project=empty)
