"""Printing a quality report: rich tables for a person, JSON for a machine."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Literal

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tendik.errors import TendikError
from tendik.quality.findings import Finding
from tendik.quality.report import QualityReport

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _summary(report: QualityReport) -> Table:
    table = Table(title=f"Data quality: {escape(report.project)}", show_header=True)
    table.add_column("check")
    for severity in ("error", "warning", "info"):
        table.add_column(severity, justify="right", style=STYLES[severity])
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for finding in report.findings:
        counts[finding.type][finding.severity] += 1
    for type_id in sorted(counts):
        table.add_row(type_id, *(str(counts[type_id][s] or "") for s in STYLES))
    table.add_row("[bold]total[/bold]", *(str(report.counts[s]) for s in STYLES))
    return table


def _reconciliation(report: QualityReport) -> Table:
    table = Table(title="Sources compared: a(t − shift) against b(t)")
    for column in ("a", "b", "shift", "tolerance", "pairs", "agree", "share", "from"):
        table.add_column(column, justify="right" if column in ("pairs", "agree") else "left")
    for r in report.reconciliations:
        share = "—" if r.share is None else f"{r.share:.1%}"
        table.add_row(
            escape(f"{r.a} ({r.source_a})"),
            escape(f"{r.b} ({r.source_b})"),
            str(r.shift),
            f"{r.tolerance:g}",
            str(r.compared),
            str(r.agreeing),
            share,
            r.origin,
        )
    return table


def _findings(findings: list[Finding], limit: int | None) -> tuple[Table, int]:
    table = Table(title="Findings", show_lines=False)
    table.add_column("severity")
    table.add_column("type")
    table.add_column("message", overflow="fold")
    shown: dict[str, int] = defaultdict(int)
    left_out = 0
    for finding in findings:
        if limit is not None and shown[finding.type] >= limit:
            left_out += 1
            continue
        shown[finding.type] += 1
        style = STYLES[finding.severity]
        table.add_row(
            f"[{style}]{finding.severity}[/{style}]", finding.type, escape(finding.message)
        )
    return table, left_out


def render_report(
    report: QualityReport,
    fmt: Literal["table", "json"],
    console: Console,
    *,
    limit: int | None = 20,
) -> None:
    """Print the report; ``table`` shows at most ``limit`` findings of each type."""
    if fmt == "json":
        console.file.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt != "table":
        raise TendikError(f"unknown format '{fmt}' (known: table, json)", key="format")
    console.print(_summary(report))
    if report.reconciliations:
        console.print(_reconciliation(report))
    if report.findings:
        table, left_out = _findings(report.findings, limit)
        console.print(table)
        if left_out:
            console.print(
                f"… and {left_out} more findings: use the JSON format to see them all",
                markup=False,
            )
    verdict = "errors found" if report.has_errors else "no errors"
    console.print(
        f"{report.indicators} indicators, {report.observations} observations checked: {verdict}",
        markup=False,
    )
