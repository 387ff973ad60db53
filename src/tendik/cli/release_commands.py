"""Releases with embargo: release, releases, diff."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from tendik.cli.app import (
    KeyOption,
    OutputFormat,
    ProjectOption,
    app,
    console,
    fail,
    open_warehouse,
    resolve_project,
)
from tendik.cli.output import render_rows
from tendik.errors import ProjectError, TendikError


def parse_time(text: str) -> datetime:
    """An ISO 8601 time; without a zone it is taken as UTC."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ProjectError(
            f"'{text}' is not a time: use ISO 8601, e.g. 2026-03-08T10:00+05:00", key="at"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@app.command()
def release(
    at: Annotated[str, typer.Option("--at", help="Publication time, ISO 8601 (UTC if no zone).")],
    project: ProjectOption = None,
    key: KeyOption = None,
    note: Annotated[str | None, typer.Option("--note", help="A line about this release.")] = None,
) -> None:
    """Freeze the warehouse as a numbered release, public from --at (embargoed until then)."""
    from tendik.store.releases import create_release

    try:
        resolved = resolve_project(project, allow_bundled=False)
        made = create_release(resolved.warehouse_path, parse_time(at), key, note)
    except TendikError as error:
        fail(error)
    console.print(
        f"Release {made.number}: {made.n_obs:,} observations, public from "
        f"{made.publish_at:%Y-%m-%d %H:%M} UTC (content {made.content_hash[:12]})."
    )


@app.command()
def releases(
    project: ProjectOption = None,
    key: KeyOption = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table, csv or json.")
    ] = OutputFormat.table,
) -> None:
    """List the releases you may see."""
    try:
        with open_warehouse(resolve_project(project), key) as warehouse:
            rows = [r.to_dict(warehouse.as_of) for r in warehouse.releases()]
    except TendikError as error:
        fail(error)
    columns = ["number", "publish_at", "published", "n_obs", "content_hash", "note"]
    render_rows(rows, columns, fmt.value, console, title="Releases")


@app.command()
def diff(
    first: Annotated[int, typer.Argument(metavar="R1")],
    second: Annotated[int, typer.Argument(metavar="R2")],
    project: ProjectOption = None,
    key: KeyOption = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table, csv or json.")
    ] = OutputFormat.table,
) -> None:
    """List the values revised between two releases."""
    from tendik.store.releases import diff_releases

    try:
        resolved = resolve_project(project)
        revisions = diff_releases(resolved.warehouse_path, first, second, key)
    except TendikError as error:
        fail(error)
    rows = [r.to_dict() for r in revisions]
    dims = sorted(
        {k for r in rows for k in r}
        - {"kind", "indicator", "REF_AREA", "TIME_PERIOD", "old", "new"}
    )
    columns = ["kind", "indicator", "REF_AREA", "TIME_PERIOD", *dims, "old", "new"]
    render_rows(
        rows,
        columns,
        fmt.value,
        console,
        title=f"Release {first} → {second}: {len(rows)} values differ",
    )
