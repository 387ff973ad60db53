"""The tendik command line: one Typer app over the whole pipeline."""

from __future__ import annotations

import shutil
import sys
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from tendik import __version__
from tendik.build import BuildReport, Engine, build_project
from tendik.cli_output import render_rows
from tendik.errors import ProjectError, TendikError
from tendik.project import (
    PROJECT_FILE,
    Project,
    bundled_project,
    find_project,
    load_project,
)
from tendik.store import Warehouse
from tendik.store.releases import create_release, diff_releases

app = typer.Typer(
    name="tendik",
    help="Gender-equality statistics you can trace back to their sources and check.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(width=None if sys.stdout.isatty() else 160)
errors = Console(stderr=True)
TEMPLATES = Path(__file__).parent / "templates" / "init"


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


def run_build(
    project: Project, *, force: bool = False, engine: Engine | None = None
) -> BuildReport:
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
    ) as bar:
        task = bar.add_task("checking", total=None)

        def on_progress(what: str, done: int, total: int) -> None:
            bar.update(task, description=what, completed=done, total=total)

        return build_project(project, progress=on_progress, force=force, engine=engine)


def print_build(report: BuildReport, project: Project) -> None:
    if not report.wrote:
        console.print(
            f"[green]Up to date[/]: nothing changed since the last build "
            f"({len(report.unchanged)} indicators). Warehouse: {report.warehouse}"
        )
        return
    console.print(
        f"[green]Built[/] {project.name}: {len(report.recomputed)} indicators computed "
        f"({report.observations:,} observations), {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed; sources read: {', '.join(report.sources_read) or 'none'}."
    )
    if report.suppressed.primary:
        console.print(
            f"Disclosure control (k={project.settings.disclosure_k}): "
            f"{report.suppressed.primary} small cells suppressed, "
            f"{report.suppressed.complementary} more to protect them, "
            f"of {report.suppressed.cells:,} cells."
        )
    console.print(f"Warehouse: {report.warehouse}")


@app.command()
def init(directory: Annotated[Path, typer.Argument(help="Folder to create.")]) -> None:
    """Make a new project folder with an example source and indicator."""
    try:
        if (directory / PROJECT_FILE).exists():
            raise ProjectError("a project is already here", file=directory / PROJECT_FILE)
        (directory / "indicators").mkdir(parents=True, exist_ok=True)
        (directory / "sources").mkdir(exist_ok=True)
        shutil.copy(TEMPLATES / "tendik.toml", directory / PROJECT_FILE)
        shutil.copy(
            TEMPLATES / "example-indicator.yaml",
            directory / "indicators" / "example-women-managers.yaml",
        )
        shutil.copy(TEMPLATES / "example-staff.csv", directory / "sources" / "example-staff.csv")
    except (TendikError, OSError) as error:
        fail(error)
    console.print(f"Created a tendik project in {directory}. Next: cd {directory} && tendik build")


@app.command()
def build(
    project: ProjectOption = None,
    force: Annotated[bool, typer.Option("--force", help="Recompute everything.")] = False,
    engine: Annotated[
        EngineName, typer.Option("--engine", help="Where records indicators are computed.")
    ] = EngineName.duckdb,
    spark_master: Annotated[
        str | None,
        typer.Option(
            "--spark-master",
            help="Spark master URL (local[2], spark://host:7077, sc://host:15002 for Spark "
            "Connect); default $TENDIK_SPARK_MASTER or local[2].",
        ),
    ] = None,
) -> None:
    """Read and validate the sources, compute the indicators, write the warehouse."""
    try:
        resolved = resolve_project(project, allow_bundled=False)
        report = run_build(resolved, force=force, engine=Engine(engine.value, spark_master))
    except TendikError as error:
        fail(error)
    except KeyboardInterrupt:
        errors.print("interrupted: the previous warehouse is unchanged")
        raise typer.Exit(code=130) from None
    print_build(report, resolved)


def _open(project: Project, key: str | None = None) -> Warehouse:
    return Warehouse(project.warehouse_path, publisher_key=key)


def print_indicators(
    project: Project, language: str, fmt: OutputFormat, key: str | None = None
) -> None:
    with _open(project, key) as warehouse:
        rows = []
        for info in warehouse.indicators():
            area = info.headline_area or project.area
            latest = warehouse.latest(info.id, area)
            target = info.definition.get("target")
            rows.append(
                {
                    "id": info.id,
                    "title": info.title(language),
                    "area": area,
                    "period": latest[0] if latest else None,
                    "latest": round(latest[1], 2) if latest else None,
                    "unit": info.unit,
                    "target": f"{target['value']:g} by {target['year']} ({target['direction']})"
                    if target
                    else None,
                    "source": info.source,
                }
            )
    render_rows(
        rows,
        ["id", "title", "area", "period", "latest", "unit", "target", "source"],
        fmt.value,
        console,
        title=f"{project.name}: indicators",
    )


@app.command()
def indicators(
    project: ProjectOption = None,
    language: Annotated[str, typer.Option("--lang", help="en, ru or kk.")] = "en",
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    key: KeyOption = None,
) -> None:
    """List the catalogue with each indicator's latest value."""
    try:
        print_indicators(resolve_project(project), language, fmt, key)
    except TendikError as error:
        fail(error)


@app.command()
def show(
    indicator_id: Annotated[str, typer.Argument(metavar="ID", help="Indicator id.")],
    project: ProjectOption = None,
    area: Annotated[str | None, typer.Option("--area", help="Area code, e.g. KAZ.")] = None,
    by: Annotated[str | None, typer.Option("--by", help="A breakdown dimension.")] = None,
    period: Annotated[str | None, typer.Option("--period", help="One period, e.g. 2024.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    language: Annotated[str, typer.Option("--lang", help="en, ru or kk.")] = "en",
    key: KeyOption = None,
) -> None:
    """Print an indicator's observations."""
    try:
        resolved = resolve_project(project)
        with _open(resolved, key) as warehouse:
            info = warehouse.indicator(indicator_id)
            table = warehouse.observations(indicator_id, area=area, by=by, period=period)
    except TendikError as error:
        fail(error)
    columns = [
        "REF_AREA",
        "TIME_PERIOD",
        *([by.upper()] if by else []),
        "OBS_VALUE",
        "UNIT_MEASURE",
        "numerator",
        "denominator",
        "OBS_STATUS",
    ]
    if fmt is not OutputFormat.table:
        columns += [
            "COMMENT_OBS",
            "source",
            "input_hash",
            "definition_hash",
            "tendik_version",
            "computed_at",
        ]
    render_rows(table.to_pylist(), columns, fmt.value, console, title=info.title(language))


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
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """List the releases you may see."""
    try:
        with _open(resolve_project(project), key) as warehouse:
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
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """List the values revised between two releases."""
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


@app.command()
def demo(
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Build and print, do not serve.")
    ] = True,
) -> None:
    """Build the bundled Kazakhstan project and show its headline indicators."""
    try:
        project = bundled_project()
        report = run_build(project)
        print_build(report, project)
        print_indicators(project, "en", OutputFormat.table)
    except TendikError as error:
        fail(error)


def entry() -> None:  # pragma: no cover - console script wrapper
    app(prog_name="tendik")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
