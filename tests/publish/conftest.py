"""Publications of real warehouses: the bundled Kazakhstan project, and a UK project built from
the Office for National Statistics' own Open SDG files (breakdowns, series), also with cells
marked suppressed."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from tendik.build import build_project
from tendik.project import Project, load_project
from tendik.publish import FORMATS, PublishReport, publish
from tendik.store import Warehouse

UK_SAMPLES = Path(__file__).parents[1] / "fixtures" / "open-sdg-samples" / "uk"

UK_TOML = """
[project]
name = "United Kingdom"
area = "GBR"
area_name = "United Kingdom"
languages = ["en"]

[sources.ons-5-5-1]
path = "sources/indicator_5-5-1.csv"
format = "opensdg"
area = "GBR"
title = "ONS Open SDG data, indicator 5.5.1"
publisher = "Office for National Statistics"
licence = "Open Government Licence v3.0"

[sources.ons-5-5-2]
path = "sources/indicator_5-5-2.csv"
format = "opensdg"
area = "GBR"
title = "ONS Open SDG data, indicator 5.5.2"
publisher = "Office for National Statistics"
licence = "Open Government Licence v3.0"
"""

# id -> (source, series code, SDG code); the English title is the series name.
UK_INDICATORS: dict[str, tuple[str, str, str]] = {
    "commons-women-share": ("ons-5-5-1", "House of Commons", "5.5.1"),
    "lords-women-share": ("ons-5-5-1", "House of Lords", "5.5.1"),
    "devolved-women-share": ("ons-5-5-1", "Devolved administration", "5.5.1"),
    "local-government-women-share": ("ons-5-5-1", "Local Government", "5.5.1"),
    "managers-women-share": ("ons-5-5-2", "5-5-2", "5.5.2"),
}
UK_TITLES = {
    "commons-women-share": "House of Commons",
    "lords-women-share": "House of Lords",
    "devolved-women-share": "Devolved administration",
    "local-government-women-share": "Local Government",
    "managers-women-share": "Women in managerial positions",
}

# Cells marked suppressed in the "suppressed" copy: (indicator, REGION, TIME_PERIOD); the
# warehouse keeps their values, so a leak would show.
SUPPRESSED_REGION = "North East"
SUPPRESSED_YEARS = ("2012", "2013")


def _uk_project(root: Path) -> Project:
    (root / "sources").mkdir(parents=True)
    (root / "indicators").mkdir()
    for name in ("indicator_5-5-1.csv", "indicator_5-5-2.csv"):
        shutil.copy(UK_SAMPLES / name, root / "sources" / name)
    (root / "tendik.toml").write_text(UK_TOML, encoding="utf-8")
    for indicator_id, (source, code, sdg) in UK_INDICATORS.items():
        (root / "indicators" / f"{indicator_id}.yaml").write_text(
            f"id: {indicator_id}\ntitle: {{en: {UK_TITLES[indicator_id]}}}\nunit: percent\n"
            f"source: {source}\nseries: {{code: '{code}'}}\nsdg: '{sdg}'\n",
            encoding="utf-8",
        )
    return load_project(root)


@pytest.fixture(scope="session")
def uk_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A project over the ONS Open SDG files for 5.5.1 and 5.5.2, built once (read-only use)."""
    project = _uk_project(tmp_path_factory.mktemp("uk") / "project")
    build_project(project)
    return project


@pytest.fixture(scope="session")
def uk_suppressed(uk_project: Project, tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The UK project with the North East's 2012 and 2013 managers' shares marked C."""
    copy = tmp_path_factory.mktemp("uk-suppressed") / "warehouse.duckdb"
    shutil.copy(uk_project.warehouse_path, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute(
            "UPDATE observations SET OBS_STATUS = 'C' WHERE indicator = 'managers-women-share' "
            "AND REGION = ? AND TIME_PERIOD IN (?, ?)",
            [SUPPRESSED_REGION, *SUPPRESSED_YEARS],
        )
    return load_project(uk_project.root, warehouse=copy)


def _publish_all(project: Project, root: Path) -> dict[str, PublishReport]:
    return {fmt: publish(project, root / fmt, fmt) for fmt in FORMATS}  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def kz_published(built_kazakhstan: Project,
                 tmp_path_factory: pytest.TempPathFactory) -> dict[str, PublishReport]:
    """The bundled Kazakhstan warehouse published in every format."""
    return _publish_all(built_kazakhstan, tmp_path_factory.mktemp("kz-published"))


@pytest.fixture(scope="session")
def uk_published(uk_suppressed: Project,
                 tmp_path_factory: pytest.TempPathFactory) -> dict[str, PublishReport]:
    """The UK warehouse, with suppressed cells, published in every format."""
    return _publish_all(uk_suppressed, tmp_path_factory.mktemp("uk-published"))


Key = tuple[str | None, ...]
Cells = dict[Key, tuple[float | None, str]]


def warehouse_cells(project: Project, indicator_id: str) -> Cells:
    """(REF_AREA, TIME_PERIOD, *breakdowns; None = total) -> (OBS_VALUE, OBS_STATUS)."""
    with Warehouse(project.warehouse_path) as warehouse:
        dims = warehouse.indicator(indicator_id).dimensions
        rows = warehouse.all_observations(indicator_id).to_pylist()
    return {
        (row["REF_AREA"], row["TIME_PERIOD"], *(row[d] for d in dims)):
            (row["OBS_VALUE"], row["OBS_STATUS"])
        for row in rows
    }


@pytest.fixture(scope="session")
def cells() -> Callable[[Project, str], Cells]:
    """cells(project, indicator_id) -> the warehouse's cells of one indicator."""
    return warehouse_cells


@pytest.fixture(scope="session")
def kz_indicators(built_kazakhstan: Project) -> dict[str, int]:
    """Every indicator of the built Kazakhstan warehouse, with its number of observations."""
    with Warehouse(built_kazakhstan.warehouse_path) as warehouse:
        return {info.id: info.n_obs for info in warehouse.indicators()}
