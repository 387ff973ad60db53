"""The primary rules on every measure: contributors on each side, threshold and dominance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pytest

from tendik.catalog.model import Indicator
from tendik.disclosure.observations import protect, sensitive_rows
from tendik.disclosure.rules import Rules
from tendik.engine.plan import build_records_plan
from tendik.engine.records import indicator_observations, run_plan_duckdb
from tendik.errors import DisclosureError, ProjectError
from tendik.project import load_project


def test_p_percent_rule_takes_the_second_largest_into_account() -> None:
    """The handbook's example 1: safe under the (1, 90) rule, yet the second largest (49,000)
    places the largest (50,000) within 2% from a total of 100,000."""
    assert Rules(dominance="nk", n=1, nk_k=90).dominated(100_000, 50_000, 49_000) is False
    assert Rules(p=10).dominated(100_000, 50_000, 49_000) is True


def test_two_k_rule_overprotects_where_the_p_percent_rule_does_not() -> None:
    """The handbook's example 2: p = 10 and (2, 90.9); x1 + x2 = 102,000 of 110,000."""
    assert Rules(p=10).dominated(110_000, 52_000, 50_000) is False
    assert Rules(dominance="nk", n=2, nk_k=90.9).dominated(110_000, 52_000, 50_000) is True


def test_threshold_and_magnitude_protection() -> None:
    rules = Rules(k=5, p=10)
    assert [rules.small(n) for n in (0, 1, 4, 5)] == [False, True, True, False]
    assert rules.magnitude_protection(637_844) == pytest.approx(63_784.4)
    assert rules.dominated(637_844, 637_844, None) is True  # one contributor dominates
    assert Rules(dominance="none").dominated(637_844, 637_844, None) is False
    with pytest.raises(DisclosureError, match="n of the"):
        Rules(n=3)


# Six women and six men in 'finance' and 'health', one woman and six men in 'audit'; in
# 'finance' one woman earns far more than all the others together.
def _staff() -> pa.Table:
    rows = []
    for department, women in (("finance", 6), ("health", 6), ("audit", 1)):
        for i in range(women + 6):
            salary = 300 + 10 * i + (99_700 if department == "finance" and i == 0 else 0)
            rows.append({"year": 2025, "department": department,
                         "sex": "F" if i < women else "M", "salary": salary})
    return pa.Table.from_pylist(rows)


STAFF = _staff()


def observations(measure: dict[str, object], unit: str = "tenge") -> tuple[pa.Table, list[str]]:
    indicator = Indicator.model_validate(
        {"id": "x", "title": {"en": "x"}, "unit": unit, "source": "staff", "period": "year",
         "measure": measure, "breakdowns": ["department"]}
    )
    plan = build_records_plan("staff", [indicator], {f.name: f.type for f in STAFF.schema})
    cube = run_plan_duckdb(plan, table=STAFF)
    return indicator_observations(plan, plan.indicators[0], cube, "KAZ")


def hidden(measure: dict[str, object], unit: str = "tenge") -> set[str | None]:
    table, dims = observations(measure, unit)
    kind = next(k for k in ("share", "count", "sum", "mean", "median", "ratio") if k in measure)
    protected, _ = protect(table, dims, kind, rules=Rules(k=5, p=10))
    return {row["DEPARTMENT"] for row in protected.to_pylist() if row["OBS_STATUS"] == "C"}


def test_every_measure_is_protected_by_its_contributors() -> None:
    # 'audit' has one woman: a share, a count of women, a ratio of women's to men's pay
    assert "audit" in hidden({"share": "sex = 'F'"}, "percent")
    assert "audit" in hidden({"count": "sex = 'F'"}, "count")
    ratio = {"ratio": [{"agg": "median", "column": "salary", "where": "sex = 'F'"},
                       {"agg": "median", "column": "salary", "where": "sex = 'M'"}]}
    # 'finance', and the national total too, are dominated by one woman's salary (the p% rule)
    assert hidden(ratio, "ratio") == {"audit", "finance", None}
    for kind in ("sum", "mean", "median"):
        table, _ = observations({kind: "salary"})
        flags = sensitive_rows(table, kind, Rules(k=5, p=10))
        primary = {r["DEPARTMENT"] for r, flag in zip(table.to_pylist(), flags, strict=True)
                   if flag}
        assert primary == {"finance"}, kind
        assert "finance" in hidden({kind: "salary"}), kind


def test_a_ratio_rests_on_the_contributors_of_both_sides_not_on_its_denominator() -> None:
    table, _ = observations(
        {"ratio": [{"agg": "median", "column": "salary", "where": "sex = 'F'"},
                   {"agg": "median", "column": "salary", "where": "sex = 'M'"}]}, "ratio")
    audit = next(r for r in table.to_pylist() if r["DEPARTMENT"] == "audit")
    assert audit["numerator"] == 300 and audit["denominator"] == 335  # her salary, men's median
    assert (audit["_side1_n"], audit["_side2_n"]) == (1, 6)
    assert (audit["_side1_total"], audit["_side1_top1"], audit["_side1_top2"]) == (300, 300, None)
    assert (audit["_side2_total"], audit["_side2_top1"], audit["_side2_top2"]) == (2010, 360, 350)


def test_missing_contributors_are_an_error_never_a_fallback() -> None:
    table, dims = observations({"median": "salary"})
    with pytest.raises(DisclosureError, match="_side1_n"):
        protect(table.drop_columns(["_side1_n"]), dims, "median")
    blank = table.set_column(table.schema.get_field_index("_side1_n"), "_side1_n",
                             pa.nulls(table.num_rows, pa.float64()))
    with pytest.raises(DisclosureError, match="row 1 of a median") as caught:
        sensitive_rows(blank, "median", Rules())
    assert caught.value.column == "_side1_n"


def test_the_disclosure_table_of_tendik_toml(tmp_path: Path) -> None:
    config = '[project]\nname = "x"\n\n[disclosure]\nrule = "nk"\nn = 1\nk = 90\n'
    (tmp_path / "tendik.toml").write_text(config, encoding="utf-8")
    settings = load_project(tmp_path).disclosure
    assert (settings.rule, settings.n, settings.k, settings.p) == ("nk", 1, 90.0, 10.0)
    (tmp_path / "tendik.toml").write_text(config.replace("k = 90", "k = 190"), encoding="utf-8")
    with pytest.raises(ProjectError) as caught:
        load_project(tmp_path)
    assert caught.value.key == "disclosure.k"


def test_the_period_of_a_date_column_groups_like_a_year() -> None:
    """The side columns come out of a date-period plan too (the register's snapshot_date)."""
    dated = STAFF.append_column("day", pa.array([dt.date(2025, 1, 1)] * STAFF.num_rows))
    indicator = Indicator.model_validate(
        {"id": "x", "title": {"en": "x"}, "unit": "percent", "source": "staff", "period": "day",
         "measure": {"share": "sex = 'F'"}}
    )
    plan = build_records_plan("staff", [indicator], {f.name: f.type for f in dated.schema})
    row = indicator_observations(plan, plan.indicators[0], run_plan_duckdb(plan, table=dated),
                                 "KAZ")[0].to_pylist()[0]
    assert (row["_side1_n"], row["_side2_n"]) == (13, 18)
