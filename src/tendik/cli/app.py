"""The Typer app, its shared options, and how commands report errors."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from tendik import __version__
from tendik.errors import ProjectError, TendikError

if TYPE_CHECKING:  # imported where used: 'tendik --help' loads neither pydantic nor DuckDB
    from tendik.project import Project
    from tendik.store import Warehouse

app = typer.Typer(
    name="tendik",
    help="Gender-equality statistics you can trace back to their sources and check.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(width=None if sys.stdout.isatty() else 160)
errors = Console(stderr=True)


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


KeyOption = Annotated[
    str | None,
    typer.Option(
        "--key",
        envvar="TENDIK_PUBLISHER_KEY",
        help="The publisher's key: see embargoed releases and the latest build.",
        show_envvar=True,
    ),
]


class EngineName(StrEnum):
    duckdb = "duckdb"
    spark = "spark"


class State:
    debug = False


ProjectOption = Annotated[
    Path | None,
    typer.Option(
        "--project",
        "-p",
        help="Project folder (default: the one around the current "
        "folder, else the bundled Kazakhstan project).",
        file_okay=False,
    ),
]


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
) -> None:
    State.debug = debug
    if version:
        console.print(f"tendik {__version__}")
        raise typer.Exit()


def fail(error: Exception) -> None:
    """Print one clear sentence and exit non-zero (a traceback only with --debug)."""
    if State.debug:
        raise error
    errors.print(
        f"[bold red]error[/] [dim]({getattr(error, 'type', 'error')})[/]: {error}",
        highlight=False,
        soft_wrap=True,
    )
    raise typer.Exit(code=2 if isinstance(error, TendikError) else 1)


def resolve_project(project: Path | None, *, allow_bundled: bool = True) -> Project:
    from tendik.project import PROJECT_FILE, bundled_project, find_project, load_project

    if project is not None:
        return load_project(project)
    found = find_project()
    if found is not None:
        return load_project(found)
    if allow_bundled:
        return bundled_project()
    raise ProjectError(
        f"no {PROJECT_FILE} in this folder or above: run 'tendik init DIR', or pass --project DIR",
        file=Path.cwd(),
    )


def open_warehouse(project: Project, key: str | None = None) -> Warehouse:
    """The project's warehouse as this reader may see it (embargo applied without the key)."""
    from tendik.store import Warehouse

    return Warehouse(project.warehouse_path, publisher_key=key)
