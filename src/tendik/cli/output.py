"""Printing tables to the terminal, or as CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table


def _plain(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def render_rows(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: str,
    console: Console,
    title: str | None = None,
) -> None:
    """Print rows as a rich table, CSV or JSON on stdout."""
    if fmt == "json":
        console.file.write(
            json.dumps(
                [{c: _plain(r.get(c)) for c in columns} for r in rows], ensure_ascii=False, indent=2
            )
            + "\n"
        )
        return
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else _plain(row.get(c)) for c in columns])
        console.file.write(buffer.getvalue())
        return
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*[format_cell(row.get(c)) for c in columns])
    console.print(table)


def format_cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        if value.is_integer():
            return f"{value:,.0f}"
        return f"{value:,.2f}" if abs(value) < 1e6 else f"{value:,.0f}"
    return str(_plain(value))
