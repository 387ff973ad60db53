"""tendik publish: the static site and the open-data files."""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tendik.cli.app import ProjectOption, app, console, fail, resolve_project
from tendik.errors import TendikError


class PublishFormat(StrEnum):
    site = "site"
    csv = "csv"
    xlsx = "xlsx"
    sdmx = "sdmx"
    datapackage = "datapackage"
    opensdg = "opensdg"


@app.command()
def publish(
    out: Annotated[Path, typer.Argument(help="Folder to write into.")],
    fmt: Annotated[
        PublishFormat, typer.Option("--format", "-f", help="table, csv or json.")
    ] = PublishFormat.site,
    project: ProjectOption = None,
) -> None:
    """Publish what readers may see (no embargoed release, no suppressed cell) as files."""
    try:
        resolved = resolve_project(project)
        started = time.perf_counter()
        if fmt is PublishFormat.site:
            from tendik.web import build_site

            site = build_site(resolved, out)
            files, rows, left_out = len(site.files), None, {}
        else:
            from tendik.publish import publish as write_files

            report = write_files(resolved, out, fmt.value)
            files, rows, left_out = len(report.files), report.rows, report.left_out
    except TendikError as error:
        fail(error)
    seconds = time.perf_counter() - started
    detail = f", {rows:,} observations" if rows is not None else ""
    console.print(f"Published {fmt.value} to {out}: {files:,} files{detail} in {seconds:.1f} s.")
    for indicator, why in sorted(left_out.items()):
        console.print(f"  left out {indicator}: {why}")
