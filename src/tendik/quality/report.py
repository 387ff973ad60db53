"""The data-quality report of a built project: every check over the warehouse, in one place."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tendik.errors import QualityConfigError
from tendik.project import PROJECT_FILE, Project
from tendik.quality.builtins import BUILTINS
from tendik.quality.config import QualityConfig, load_quality
from tendik.quality.data import IndicatorData, load_all
from tendik.quality.findings import SEVERITIES, Finding
from tendik.quality.outliers import year_on_year_outliers
from tendik.quality.reconcile import Reconciliation, reconcile, resolve_pairs, suggest_shift
from tendik.quality.rules import apply_rule
from tendik.quality.series_swaps import series_swaps
from tendik.quality.swaps import Disagreements, find_swaps
from tendik.store.query import Warehouse


@dataclass
class QualityReport:
    """Findings, most severe first, and how far each pair of sources agrees."""

    project: str
    warehouse: Path
    findings: list[Finding] = field(default_factory=list)
    reconciliations: list[Reconciliation] = field(default_factory=list)
    indicators: int = 0
    observations: int = 0

    @property
    def counts(self) -> dict[str, int]:
        """Findings by severity: error, warning, info (zeros included)."""
        found = Counter(f.severity for f in self.findings)
        return {s: found.get(s, 0) for s in SEVERITIES}

    @property
    def by_type(self) -> dict[str, int]:
        return dict(sorted(Counter(f.type for f in self.findings).items()))

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def of_type(self, type_id: str) -> list[Finding]:
        return [f for f in self.findings if f.type == type_id]

    def to_dict(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "warehouse": str(self.warehouse),
            "indicators": self.indicators,
            "observations": self.observations,
            "has_errors": self.has_errors,
            "counts": self.counts,
            "by_type": self.by_type,
            "reconciliations": [r.to_dict() for r in self.reconciliations],
            "findings": [f.to_dict() for f in self.findings],
        }


def _checks(
    config: QualityConfig, indicators: dict[str, IndicatorData], file: Path
) -> list[Finding]:
    findings: list[Finding] = []
    for data in indicators.values():
        for check, function in BUILTINS.items():
            if config.builtin(check):
                findings += function(data)
    for rule_id, rule in config.rules.items():
        findings += apply_rule(rule_id, rule, indicators, file)
    if config.outliers.enabled:
        wanted = config.outliers.indicators
        for n, indicator_id in enumerate(wanted or []):
            if indicator_id not in indicators:
                raise QualityConfigError(
                    f"no indicator '{indicator_id}' in the warehouse",
                    file=file,
                    key=f"quality.outliers.indicators.{n}",
                )
        for indicator_id, data in indicators.items():
            if wanted is None or indicator_id in wanted:
                findings += year_on_year_outliers(data, config.outliers)
    return findings


def _reconciliations(
    config: QualityConfig, indicators: dict[str, IndicatorData], file: Path
) -> tuple[list[Reconciliation], list[Finding]]:
    settings = config.reconcile
    summaries: list[Reconciliation] = []
    disagreements: list[Disagreements] = []
    pending: list[tuple[Disagreements, list[Finding]]] = []
    findings: list[Finding] = []
    pairs = resolve_pairs(settings, indicators, file)
    for pair in pairs:
        summary, disagreeing, found = reconcile(pair, indicators, settings.severity)
        summaries.append(summary)
        group = Disagreements(pair, disagreeing)
        disagreements.append(group)
        pending.append((group, found))
        suggestion = suggest_shift(pair, summary, indicators)
        if suggestion is not None:
            findings.append(suggestion)
    swaps, explained = find_swaps(disagreements, indicators, settings.swap_min_periods)
    exchanged, covered = series_swaps(
        pairs,
        disagreements,
        indicators,
        ratio=settings.swap_ratio,
        min_periods=settings.swap_min_periods,
    )
    swaps += exchanged
    explained |= covered
    for group, found in pending:  # a disagreement a swap explains is reported once, as the swap
        findings += [
            f for m, f in zip(group.matches, found, strict=True) if (group.pair, m) not in explained
        ]
    return summaries, swaps + findings


def validate_project(
    project: Project, *, publisher_key: str | None = None, as_builder: bool = False
) -> QualityReport:
    """Run every check over the project's built warehouse, as the caller may see it: the latest
    published release, or (with the publisher's key, or for a build step) the latest build."""
    config = load_quality(project)
    file = project.root / PROJECT_FILE
    with Warehouse(
        project.warehouse_path, publisher_key=publisher_key, as_builder=as_builder
    ) as warehouse:
        indicators = load_all(warehouse)
    summaries, reconciled = _reconciliations(config, indicators, file)
    findings = _checks(config, indicators, file) + reconciled
    rank = {s: n for n, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: rank[f.severity])  # stable: each check's own order is kept
    return QualityReport(
        project=project.name,
        warehouse=project.warehouse_path,
        findings=findings,
        reconciliations=summaries,
        indicators=len(indicators),
        observations=sum(len(d.rows) for d in indicators.values()),
    )
