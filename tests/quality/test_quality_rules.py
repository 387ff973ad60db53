"""User rules in tendik.toml, and what a malformed [quality] table is told."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tendik.errors import ProjectError, QualityConfigError
from tendik.project import Project, load_project
from tendik.quality import RuleFailed, parse_quality, validate_project

Register = Callable[[str], Project]


def test_the_register_project_passes_every_built_in_check(register_project: Register) -> None:
    report = validate_project(register_project(""))
    # 3 indicators; women-share 2024: 3 of 6 women, regions 1 of 3 + 2 of 3 — all adds up
    assert report.indicators == 3
    assert report.observations == 28
    assert report.findings == []
    assert not report.has_errors


def test_a_rule_comparing_two_indicators(register_project: Register) -> None:
    project = register_project(
        """
        [quality.rules.managers-at-least-staff]
        indicator = "managers-women-share"
        check = "value >= value(women-share)"
        severity = "warning"
        description = "women are no rarer among managers than among all staff"
        """
    )
    report = validate_project(project)
    found = report.of_type("rule-failed")
    assert all(isinstance(f, RuleFailed) for f in found)
    cells = [(f.period, f.dimensions, f.left, round(f.right, 2)) for f in found]  # type: ignore[attr-defined]
    # 2024: managers 1 of 2 women in Astana (50 %) against 2 of 3 of all staff (66.67 %),
    # and the same at district level; every other cell holds
    assert cells == [
        ("2024", {"REGION": "KZ-AST"}, 50.0, 66.67),
        ("2024", {"LEVEL": "district"}, 50.0, 66.67),
    ]
    assert {f.severity for f in found} == {"warning"}
    assert found[0].message == (
        "rule 'managers-at-least-staff' (women are no rarer among managers than among all "
        "staff) fails for 'managers-women-share' KAZ 2024 (REGION=KZ-AST): "
        "value >= value(women-share) gives 50 >= 66.6667, false"
    )
    assert not report.has_errors


def test_rules_over_parts_and_in_left_operator_right_form(register_project: Register) -> None:
    project = register_project(
        """
        [quality.rules.regions-add-up]
        check = "sum(region, numerator) == total(numerator)"

        [quality.rules.staff-regions-add-up]
        indicator = "staff"
        check = "sum(REGION) == total"

        [quality.rules.at-most-sixty]
        indicator = ["women-share"]
        left = "value"
        operator = "<="
        right = "60"
        tolerance = 5
        scope = "totals"
        """
    )
    report = validate_project(project)
    # the parts rules hold everywhere (1 + 2 = 3 women; 3 + 3 = 6 and 2 + 3 + 1 = 6 staff);
    # 2025's 4 of 6 women (66.67 %) is beyond 60 even with a tolerance of 5
    (finding,) = report.findings
    assert isinstance(finding, RuleFailed)
    assert (finding.rule, finding.period, round(finding.left, 2), finding.right) == (
        "at-most-sixty",
        "2025",
        66.67,
        60.0,
    )
    assert finding.dimensions == {}
    assert finding.check == "value <= 60"


def test_a_rule_that_no_longer_holds_after_an_edit(register_project: Register) -> None:
    project = register_project(
        """
        [quality.rules.women-below-half]
        indicator = "women-share"
        check = "numerator * 2 <= denominator"
        scope = "totals"
        """
    )
    report = validate_project(project)
    # 2024: 3 × 2 <= 6 holds; 2025: 4 × 2 > 6
    assert [(f.period, f.left, f.right) for f in report.findings] == [("2025", 8.0, 6.0)]  # type: ignore[attr-defined]
    assert report.has_errors  # a rule's severity is "error" unless it says otherwise


@pytest.mark.parametrize(
    ("quality", "key", "fragment"),
    [
        ('[quality.rules.x]\nchek = "value >= 0"', "quality.rules.x.chek", "unknown key 'chek'"),
        ('[quality.rules.x]\ncheck = "value >= open(1)"', "quality.rules.x.check", "'open'"),
        (
            '[quality.rules.x]\nleft = "value"\noperator = "=<"\nright = "1"',
            "quality.rules.x.operator",
            "'<='",
        ),
        ('[quality.rules.x]\nleft = "value"', "quality.rules.x", "all of 'left'"),
        ('[quality.rules.x]\ncheck = "1 < 2"\nseverity = "fatal"', "quality.rules.x.severity", ""),
        ("[quality.outliers]\nthreshold = -1", "quality.outliers.threshold", "greater than 0"),
        ("[quality]\ncheks = 1", "quality.cheks", "unknown key 'cheks'"),
        ('[quality.rules.x]\ncheck = "1 < 2"\nindicator = 5', "quality.rules.x.indicator", ""),
        ("[quality.rules]\nx = 5", "quality.rules.x", "must be a table"),
        ('[quality]\ndisable = ["parts"]', "quality.disable.0", "parts-do-not-sum-to-total"),
        ('[quality.reconcile]\npairs = [{a = "x"}]', "quality.reconcile.pairs.0.b", "required"),
    ],
)
def test_a_malformed_quality_table_names_tendik_toml_and_the_key(
    tmp_path: Path, quality: str, key: str, fragment: str
) -> None:
    (tmp_path / "tendik.toml").write_text(f'[project]\nname = "x"\n\n{quality}\n', "utf-8")
    project = load_project(tmp_path)  # [quality] is read as it is; the checks validate it
    with pytest.raises(ProjectError) as caught:
        validate_project(project)
    error = caught.value
    assert isinstance(error, QualityConfigError)
    assert error.type == "quality-config-error"
    assert Path(str(error.file)) == tmp_path / "tendik.toml"
    assert error.key == key
    assert fragment in error.message
    assert str(error).startswith(f"{tmp_path / 'tendik.toml'}, key '{key}': ")


@pytest.mark.parametrize(
    ("quality", "key", "fragment"),
    [
        (
            '[quality.rules.x]\nindicator = "women-sahre"\ncheck = "value >= 0"',
            "quality.rules.x.indicator",
            "no indicator 'women-sahre'",
        ),
        (
            '[quality.rules.x]\ncheck = "value <= value(staf)"',
            "quality.rules.x.check",
            "value(staf): no such indicator",
        ),
        (
            '[quality.rules.x]\nindicator = "staff"\ncheck = "sum(LEVEL) == total"',
            "quality.rules.x.check",
            "has no breakdown LEVEL (offered: REGION)",
        ),
        (
            '[quality.rules.x]\nindicator = "staff"\nleft = "value"\noperator = "<="\n'
            'right = "sum(AGE) + 1"',
            "quality.rules.x.right",
            "has no breakdown AGE",
        ),
        (
            '[quality.outliers]\nindicators = ["staff", "women"]',
            "quality.outliers.indicators.1",
            "no indicator 'women'",
        ),
        (
            '[quality.reconcile]\npairs = [{a = "staff", b = "stuff"}]',
            "quality.reconcile.pairs.0.b",
            "no indicator 'stuff'",
        ),
    ],
)
def test_a_rule_naming_what_the_warehouse_lacks(
    register_project: Register, quality: str, key: str, fragment: str
) -> None:
    project = register_project(quality)
    with pytest.raises(QualityConfigError) as caught:
        validate_project(project)
    assert caught.value.key == key
    assert fragment in caught.value.message
    assert Path(str(caught.value.file)).name == "tendik.toml"


def test_a_rule_over_every_indicator_skips_those_without_the_breakdown(
    register_project: Register,
) -> None:
    project = register_project('[quality.rules.x]\ncheck = "sum(LEVEL, numerator) == numerator"')
    assert validate_project(project).findings == []  # staff has no LEVEL: left alone


def test_the_defaults() -> None:
    config = parse_quality({})
    assert config.outliers.threshold == 3.5
    assert config.reconcile.tolerance == 0.05
    assert config.reconcile.auto is True
    assert config.rules == {}
    assert all(config.builtin(c) for c in ("duplicate-key", "share-out-of-range"))
