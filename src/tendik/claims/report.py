"""A check report for people and programs: a terminal table, JSON, a standalone HTML page."""

from __future__ import annotations

import json
from typing import Literal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tendik.claims.check import CheckReport
from tendik.claims.html import to_html
from tendik.claims.verdicts import Verdict
from tendik.claims.verdicts import fmt as figure
from tendik.errors import ClaimsError

Format = Literal["text", "json", "html"]
FORMATS: tuple[str, ...] = ("text", "json", "html")
STYLES = {
    "consistent": "bold green",
    "inconsistent": "bold red",
    "ambiguous": "bold yellow",
    "unverifiable": "dim",
}


def to_json(report: CheckReport) -> str:
    """The report as JSON (see CheckReport.to_dict), UTF-8 text, indented."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, default=str)


def data_value(verdict: Verdict) -> str:
    """The figures the data give, as short text: "19.39 (2024)"; "" when none were used."""
    seen: list[str] = []
    for e in verdict.evidence:
        item = f"{figure(e.value)} ({e.period})"
        if item not in seen:
            seen.append(item)
    return ", ".join(seen[:4]) + (" ..." if len(seen) > 4 else "")


def table(report: CheckReport) -> Table:
    """The verdicts as a rich table: claim, verdict, indicator, data value, explanation."""
    t = Table(title=_title(report), show_lines=True, expand=True)
    t.add_column("claim", ratio=2)
    t.add_column("verdict", no_wrap=True)
    t.add_column("indicator", ratio=2)
    t.add_column("data", ratio=1)
    t.add_column("explanation", ratio=5)
    for v in report.verdicts:
        t.add_row(
            Text(f"{v.claim.id} {v.claim.text}"),
            Text(v.kind.value, style=STYLES[v.kind.value]),
            Text(v.indicator or "—"),
            Text(data_value(v) or "—"),
            Text(v.explanation),
        )
    return t


def _title(report: CheckReport) -> str:
    counts = ", ".join(f"{n} {kind}" for kind, n in report.summary.items() if n)
    against = report.project or "the warehouse"
    return f"{len(report.verdicts)} claims checked against {against}: {counts}"


def render(report: CheckReport, fmt: Format, console: Console) -> None:
    """Write the report to `console` as a table ("text"), JSON ("json") or a page ("html")."""
    if fmt == "text":
        console.print(table(report))
    elif fmt == "json":
        console.out(to_json(report), highlight=False)
    elif fmt == "html":
        console.out(to_html(report), highlight=False)
    else:
        raise ClaimsError(f"no report format '{fmt}' (known: {', '.join(FORMATS)})", key="format")
