"""tendik validate: the data-quality report."""

from __future__ import annotations

from typing import Annotated

import typer

from tendik.cli.app import (
    KeyOption,
    OutputFormat,
    ProjectOption,
    app,
    console,
    fail,
    resolve_project,
)
from tendik.errors import TendikError


@app.command()
def validate(
    project: ProjectOption = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table or json.")
    ] = OutputFormat.table,
    limit: Annotated[int, typer.Option("--limit", help="Findings shown per type (table).")] = 20,
    key: KeyOption = None,
) -> None:
    """The data-quality report: rules, outliers, cross-source reconciliation.

    Exits 1 when there are errors.
    """
    from tendik.quality import render_report, validate_project

    try:
        report = validate_project(resolve_project(project), publisher_key=key)
        if fmt is OutputFormat.csv:
            raise TendikError("validate prints a table or json", key="format")
        render_report(report, fmt.value, console, limit=limit)
    except TendikError as error:
        fail(error)
    if report.has_errors:
        raise typer.Exit(code=1)
