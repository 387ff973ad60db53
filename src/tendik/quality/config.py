"""The [quality] table of tendik.toml: rules, outlier settings and source pairs to reconcile."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tendik.errors import QualityConfigError
from tendik.project import PROJECT_FILE, Project
from tendik.quality.expressions import OPERATORS, Comparison, parse_check, parse_expression
from tendik.quality.findings import Severity

BuiltinCheck = Literal[
    "numerator-exceeds-denominator",
    "share-out-of-range",
    "parts-do-not-sum-to-total",
    "duplicate-key",
]
BUILTIN_CHECKS: tuple[str, ...] = get_args(BuiltinCheck)
Operator = Literal["==", "!=", "<", "<=", ">", ">="]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleConfig(Strict):
    """[quality.rules.ID]: ``check = "left op right"``, or ``left``, ``operator`` and ``right``."""

    check: str | None = None
    left: str | None = None
    operator: Operator | None = None
    right: str | None = None
    indicator: str | list[str] | None = None  # default: every indicator
    tolerance: float = Field(default=0.0, ge=0)
    severity: Severity = "error"
    scope: Literal["all", "totals"] = "all"  # every observation, or the totals only
    description: str | None = None

    @model_validator(mode="after")
    def _one_form(self) -> RuleConfig:
        parts = (self.left, self.operator, self.right)
        if self.check is not None and any(p is not None for p in parts):
            raise ValueError("give either 'check' or 'left', 'operator' and 'right', not both")
        if self.check is None and any(p is None for p in parts):
            raise ValueError("a rule needs 'check', or all of 'left', 'operator' and 'right'")
        return self

    @property
    def indicators(self) -> list[str] | None:
        if self.indicator is None:
            return None
        return [self.indicator] if isinstance(self.indicator, str) else list(self.indicator)


class OutlierConfig(Strict):
    """[quality.outliers]: modified z-scores of the changes from one period to the next."""

    enabled: bool = True
    threshold: float = Field(default=3.5, gt=0)
    min_changes: int = Field(default=5, ge=3)  # fewer changes than this: the series is skipped
    severity: Severity = "warning"
    indicators: list[str] | None = None  # default: every indicator


class PairConfig(Strict):
    """One pair: a(t − shift) is compared with b(t)."""

    a: str
    b: str
    shift: int = 0
    tolerance: float | None = Field(default=None, ge=0)


class ReconcileConfig(Strict):
    """[quality.reconcile]: declared pairs, and automatic pairs sharing an ``sdmx_series``."""

    auto: bool = True
    tolerance: float = Field(default=0.05, ge=0)
    severity: Severity = "warning"
    swap_min_periods: int = Field(default=2, ge=1)  # periods an area or indicator swap must span
    # how many times closer the exchanged reading must be, period by period (series swaps)
    swap_ratio: float = Field(default=4.0, gt=1)
    pairs: list[PairConfig] = Field(default_factory=list)


class QualityConfig(Strict):
    disable: list[BuiltinCheck] = Field(default_factory=list)  # built-in checks switched off
    rules: dict[str, RuleConfig] = Field(default_factory=dict)
    outliers: OutlierConfig = Field(default_factory=OutlierConfig)
    reconcile: ReconcileConfig = Field(default_factory=ReconcileConfig)

    def builtin(self, check: str) -> bool:
        return check not in self.disable


def _key(raw: dict[str, Any], loc: tuple[int | str, ...], missing: bool) -> str:
    """The dotted key of an error, without the type tags pydantic adds to union members."""
    kept: list[int | str] = []
    node: Any = raw
    for n, part in enumerate(loc):
        last = n == len(loc) - 1
        present = (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and part < len(node)
        )
        if not present and not (missing and last):
            break
        kept.append(part)
        node = node[part] if present else None
    return ".".join(["quality", *(str(p) for p in kept)])


def parse_quality(raw: dict[str, Any], project: Project | None = None) -> QualityConfig:
    """Validate a raw [quality] table; errors name tendik.toml and the key."""
    file: str | Path = (project.root / PROJECT_FILE) if project is not None else PROJECT_FILE
    try:
        config = QualityConfig.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = f"unknown key '{loc[-1]}'"
        elif first["type"] in ("model_type", "dict_type"):
            message = "must be a table"
        key = _key(raw, loc, missing=first["type"] == "missing")
        raise QualityConfigError(message, file=file, key=key) from None
    for rule_id, rule in config.rules.items():
        compiled_rule(rule_id, rule, file)
    return config


def _parsed(rule_id: str, key: str, text: str, file: str | Path) -> Any:
    """A rule's ``check`` (a Comparison) or one of its sides (a Node)."""
    try:
        return parse_check(text) if key == "check" else parse_expression(text)
    except ValueError as error:
        raise QualityConfigError(
            f"cannot read {text!r}: {error}", file=file, key=f"quality.rules.{rule_id}.{key}"
        ) from None


def compiled_rule(rule_id: str, rule: RuleConfig, file: str | Path = PROJECT_FILE) -> Comparison:
    """The parsed comparison of a rule; a parse error names the key that holds the text."""
    if rule.check is not None:
        return _parsed(rule_id, "check", rule.check, file)
    assert rule.left is not None and rule.operator in OPERATORS and rule.right is not None
    left = _parsed(rule_id, "left", rule.left, file)
    return Comparison(left, rule.operator, _parsed(rule_id, "right", rule.right, file))


def load_quality(project: Project) -> QualityConfig:
    """The project's [quality] table, validated."""
    return parse_quality(project.quality, project)
