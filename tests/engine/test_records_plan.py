"""One GROUPING SETS plan per source: measures, breakdowns and subtotals."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from tendik.catalog.model import Indicator
from tendik.engine.plan import build_records_plan
from tendik.engine.records import indicator_observations, run_plan_duckdb
from tendik.errors import EngineError, ExpressionRefused

RECORDS = pa.table(
    {
        "sex": ["F", "M", "F", "F", "M", "F", "M", "F"],
        "region": ["KZ-AST", "KZ-AST", "KZ-ALA", "KZ-ALA", "KZ-ALA", None, "KZ-AST", "KZ-ALA"],
        "level": [
            "central",
            "central",
            "regional",
            "district",
            "regional",
            "district",
            "central",
            "district",
        ],
        "snapshot_date": [dt.date(2024, 1, 1)] * 4 + [dt.date(2025, 1, 1)] * 4,
        "salary": [300, 400, 200, 250, 260, 180, 500, 210],
        "is_managerial": [True, True, False, True, False, False, True, True],
    }
)
COLUMNS = {f.name: f.type for f in RECORDS.schema}


def indicator(**fields: object) -> Indicator:
    base = {
        "id": "x",
        "title": {"en": "x"},
        "unit": "percent",
        "source": "register",
        "period": "snapshot_date",
    }
    return Indicator.model_validate({**base, **fields})


def compute(*indicators: Indicator) -> dict[str, list[dict[str, object]]]:
    plan = build_records_plan("register", list(indicators), COLUMNS)
    cube = run_plan_duckdb(plan, table=RECORDS)
    return {
        item.indicator.id: indicator_observations(plan, item, cube, "KAZ")[0].to_pylist()
        for item in plan.indicators
    }


def test_share_with_breakdown_and_unknown_region() -> None:
    rows = compute(indicator(id="women", measure={"share": "sex = 'F'"}, breakdowns=["region"]))
    cells = {(r["TIME_PERIOD"], r["REGION"]): r for r in rows["women"]}
    assert cells[("2024", None)]["OBS_VALUE"] == pytest.approx(75.0)  # 3 of 4
    assert cells[("2025", None)]["numerator"] == 2 and cells[("2025", None)]["denominator"] == 4
    assert cells[("2025", "_U")]["OBS_VALUE"] == 100.0  # the one record with no region
    assert cells[("2024", "KZ-ALA")]["OBS_VALUE"] == 100.0
    assert len(rows["women"]) == 2 + 2 + 3  # two totals, 2024: AST+ALA, 2025: AST+ALA+_U


def test_regions_sum_to_the_national_total() -> None:
    rows = compute(
        indicator(
            id="women",
            measure={"share": "sex = 'F'", "among": "is_managerial"},
            breakdowns=["region", "level"],
        )
    )["women"]
    for period in ("2024", "2025"):
        total = next(
            r
            for r in rows
            if r["TIME_PERIOD"] == period and r["REGION"] is None and r["LEVEL"] is None
        )
        for dim in ("REGION", "LEVEL"):
            parts = [r for r in rows if r["TIME_PERIOD"] == period and r[dim] is not None]
            assert sum(r["numerator"] for r in parts) == total["numerator"]
            assert sum(r["denominator"] for r in parts) == total["denominator"]


def test_count_sum_mean_median_and_ratio_in_one_plan() -> None:
    rows = compute(
        indicator(id="n", unit="count", measure={"count": "sex = 'F'"}),
        indicator(id="total-pay", unit="tenge", measure={"sum": "salary"}),
        indicator(id="mean-pay", unit="tenge", measure={"mean": "salary", "among": "sex = 'F'"}),
        indicator(id="median-pay", unit="tenge", measure={"median": "salary"}),
        indicator(
            id="pay-ratio",
            unit="ratio",
            measure={
                "ratio": [
                    {"agg": "median", "column": "salary", "where": "sex = 'F'"},
                    {"agg": "median", "column": "salary", "where": "sex = 'M'"},
                ]
            },
        ),
    )

    def total(key: str, period: str = "2024") -> dict[str, object]:
        return next(r for r in rows[key] if r["TIME_PERIOD"] == period)

    assert total("n")["OBS_VALUE"] == 3
    assert total("total-pay")["OBS_VALUE"] == 1150
    assert total("mean-pay")["OBS_VALUE"] == pytest.approx(250.0)  # (300+200+250)/3
    assert total("median-pay")["OBS_VALUE"] == pytest.approx(275.0)  # 200,250,300,400
    # 2025: women 180, 210 (median 195); men 260, 500 (median 380)
    assert total("pay-ratio", "2025")["OBS_VALUE"] == pytest.approx(195 / 380)
    assert total("pay-ratio", "2025")["numerator"] == 195


def test_one_grouping_sets_query_for_all_indicators() -> None:
    plan = build_records_plan(
        "register",
        [
            indicator(id="a", measure={"share": "sex = 'F'"}, breakdowns=["region"]),
            indicator(
                id="b",
                measure={"share": "sex = 'F'", "among": "is_managerial"},
                breakdowns=["level", ["region", "level"]],
            ),
        ],
        COLUMNS,
    )
    sql = plan.sql()
    assert sql.count("GROUPING SETS") == 1 and sql.count("FROM source") == 1
    assert "GROUPING_ID" in plan.sql("spark")


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        (
            {"measure": {"share": "sex = 'F'"}, "breakdowns": ["region; DROP TABLE x"]},
            "breakdowns.0",
        ),
        ({"measure": {"share": "sex = 'F'"}, "period": "nope"}, "period"),
        ({"measure": {"sum": "salary) FROM source; --"}}, "measure.sum"),
        ({"measure": {"share": "secret = 1"}}, "measure.share"),
    ],
)
def test_unknown_columns_are_refused_with_the_key(fields: dict[str, object], key: str) -> None:
    with pytest.raises((EngineError, ExpressionRefused)) as caught:
        build_records_plan("register", [indicator(**fields)], COLUMNS)
    assert caught.value.key == key
