"""Disclosure control as built: no small cell leaves the warehouse; an attacker learns nothing."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tendik.catalog import load_catalogue
from tendik.disclosure import Cell, audit
from tendik.disclosure.observations import CONFIDENTIAL
from tendik.engine.plan import build_records_plan
from tendik.engine.records import indicator_observations, run_plan_duckdb
from tendik.project import Project
from tendik.sources import read_source
from tendik.store import Warehouse

INDICATOR = "civil-service-women-political"


def published(project: Project, indicator: str) -> list[dict[str, object]]:
    with Warehouse(project.warehouse_path) as warehouse:
        return warehouse.con.sql(
            "SELECT * FROM observations WHERE indicator = ?", params=[indicator]
        ).to_arrow_table().to_pylist()


def true_cells(project: Project, indicator: str) -> tuple[list[dict[str, object]], list[str]]:
    """The unprotected cells, computed afresh from the register (what an attacker wants)."""
    catalogue = load_catalogue(project.indicators_dir)
    spec = project.sources["civil-service-register"]
    table = read_source(spec, project.root).drop_columns(["_row"])
    plan = build_records_plan(spec.id, [catalogue[indicator]],
                              {f.name: f.type for f in table.schema})
    cube = run_plan_duckdb(plan, table=table)
    rows, dims = indicator_observations(plan, plan.indicators[0], cube, project.area)
    return rows.to_pylist(), dims


def test_suppressed_cells_carry_no_value(built_kazakhstan: Project) -> None:
    rows = published(built_kazakhstan, INDICATOR)
    hidden = [r for r in rows if r["OBS_STATUS"] == "C"]
    assert len(hidden) >= 20
    assert all(r["OBS_VALUE"] is None and r["numerator"] is None and r["denominator"] is None
               for r in hidden)
    assert {r["COMMENT_OBS"] for r in hidden} == {CONFIDENTIAL}  # never which rule hid it
    # every published cell of a records indicator rests on at least k people of each sex
    for row in rows:
        if row["OBS_STATUS"] != "C":
            women, total = row["numerator"], row["denominator"]
            assert women == 0 or women >= 5
            assert total - women == 0 or total - women >= 5
    with Warehouse(built_kazakhstan.warehouse_path) as warehouse:
        info = warehouse.con.sql(
            "SELECT suppressed_primary, suppressed_complementary FROM indicators WHERE id = ?",
            params=[INDICATOR],
        ).fetchall()[0]
    assert info[0] + info[1] == len(hidden) and info[0] > 0 and info[1] > 0


@pytest.mark.parametrize("period", ["2015", "2020", "2025"])
def test_the_attacker_cannot_narrow_any_suppressed_cell(built_kazakhstan: Project,
                                                        period: str) -> None:
    truth, dims = true_cells(built_kazakhstan, INDICATOR)
    statuses = {
        tuple(r[d] for d in ["TIME_PERIOD", *dims]): r["OBS_STATUS"]
        for r in published(built_kazakhstan, INDICATOR)
    }
    cells, hidden = [], []
    for row in (r for r in truth if r["TIME_PERIOD"] == period):
        key = tuple(row[d] for d in ["TIME_PERIOD", *dims])
        if statuses[key] == "C":
            hidden.append(len(cells))
        cells.append(Cell({d: row[d] for d in dims}, row["numerator"], row["denominator"]))
    assert hidden, period
    report = audit(cells, hidden, dims=dims, protection=5)
    assert report.passed, [c for c in report.cells if not c.protected][:3]


def test_cli_shows_suppressed_cells_as_c(built_kazakhstan: Project) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tendik", "show", INDICATOR, "--by", "region", "--period",
         "2025", "--format", "json", "--project", str(built_kazakhstan.root)],
        capture_output=True, text=True, check=True,
    )
    rows = json.loads(result.stdout)
    assert {r["OBS_STATUS"] for r in rows} == {"A", "C"}
    assert all(r["OBS_VALUE"] is None for r in rows if r["OBS_STATUS"] == "C")
    assert len(rows) == 20  # every region is listed, suppressed or not
