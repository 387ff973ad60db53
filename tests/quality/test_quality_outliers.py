"""Year-on-year outliers by modified z-score, on Kazakhstan's real parliament series."""

from __future__ import annotations

import dataclasses
import itertools
import statistics

import pytest

from tendik.project import Project
from tendik.quality import (
    OutlierYearOnYear,
    QualityReport,
    modified_z_scores,
    validate_project,
)
from tendik.store.query import Warehouse


def kaz_outliers(report: QualityReport, indicator: str) -> list[OutlierYearOnYear]:
    return [
        f
        for f in report.of_type("outlier-year-on-year")
        if isinstance(f, OutlierYearOnYear) and f.indicator == indicator and f.area == "KAZ"
    ]


def test_modified_z_scores_by_the_book() -> None:
    # median 2, MAD = median(|d - 2|) = median(1, 0, 0, 1, 8) = 1
    assert modified_z_scores([1, 2, 2, 3, 10]) == pytest.approx(
        [-0.6745, 0.0, 0.0, 0.6745, 8 * 0.6745]
    )
    # MAD = 0 (most changes are 0): the mean absolute deviation stands in, scaled by 1.253314
    assert modified_z_scores([0, 0, 0, 5]) == pytest.approx([0, 0, 0, 5 / (1.253314 * 1.25)])
    assert modified_z_scores([3, 3, 3]) == [0.0, 0.0, 0.0]
    assert modified_z_scores([]) == []


def test_kazakhstan_wdi_parliament(
    built_kazakhstan: Project, bundled_report: QualityReport
) -> None:
    """WDI KAZ 1997–2024: 27 changes, 16 of them 0, so MAD = 0 and the mean deviation serves.

    Flagged: the 2007 election (10.39 → 15.89), the 2012 one (17.76 → 24.30) and 2023's fall
    (27.36 → 18.37, the Mazhilis elected in March 2023)."""
    found = kaz_outliers(bundled_report, "parliament-women-share")
    assert [(f.previous_period, f.period) for f in found] == [
        ("2006", "2007"),
        ("2011", "2012"),
        ("2022", "2023"),
    ]
    assert [round(f.z, 2) for f in found] == [3.95, 4.69, -6.45]
    assert [round(f.change, 2) for f in found] == [5.50, 6.54, -8.99]
    last = found[-1]
    assert (round(last.previous, 2), round(last.value, 2)) == (27.36, 18.37)
    assert last.severity == "warning"
    assert last.message == (
        "'parliament-women-share' KAZ 2023: 27.3585 in 2022 → 18.3673 (change -8.99) has a "
        "modified z-score of -6.45, beyond ±3.5"
    )
    # the same figure from the formula, straight from the warehouse
    with Warehouse(built_kazakhstan.warehouse_path) as warehouse:
        values = warehouse.observations("parliament-women-share", area="KAZ").column("OBS_VALUE")
    series = values.to_pylist()
    changes = [b - a for a, b in itertools.pairwise(series)]
    assert len(changes) == 27 and changes.count(0.0) == 16
    assert statistics.median(changes) == 0.0
    mean_ad = statistics.fmean(abs(c) for c in changes)
    assert mean_ad == pytest.approx(30.0237 / 27, abs=1e-4)
    assert last.z == pytest.approx(changes[-2] / (1.253314 * mean_ad))


def test_kazakhstan_un_parliament(bundled_report: QualityReport) -> None:
    # the UN's series (as of 1 January/February) has the same two election steps, a year later
    # for 2007's election; there is no 2023 in it (it ends in 2021)
    found = kaz_outliers(bundled_report, "parliament-women-share-un")
    assert [(f.previous_period, f.period, round(f.z, 2)) for f in found] == [
        ("2007", "2008", 5.52),
        ("2011", "2012", 6.56),
    ]


def test_the_threshold_and_the_minimum_length_are_settings(built_kazakhstan: Project) -> None:
    quality = {"outliers": {"threshold": 6}, "reconcile": {"auto": False}}
    strict = dataclasses.replace(built_kazakhstan, quality=quality)
    found = kaz_outliers(validate_project(strict), "parliament-women-share")
    assert [f.period for f in found] == ["2023"]

    # the UN series has 22 KAZ points, 2000–2021 (21 changes): a minimum of 22 leaves it out
    def kaz(min_changes: int) -> list[tuple[str, str]]:
        settings = {"min_changes": min_changes, "indicators": ["parliament-women-share-un"]}
        quality = {"outliers": settings, "reconcile": {"auto": False}}
        project = dataclasses.replace(built_kazakhstan, quality=quality)
        found = validate_project(project).of_type("outlier-year-on-year")
        return [(f.indicator, f.period) for f in found if f.area == "KAZ"]  # type: ignore[attr-defined]

    assert kaz(21) == [("parliament-women-share-un", "2008"), ("parliament-women-share-un", "2012")]
    assert kaz(22) == []
