"""Commands that make things: init, build, demo."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tendik.cli.app import (
    EngineName,
    OutputFormat,
    ProjectOption,
    app,
    console,
    errors,
    fail,
    resolve_project,
)
from tendik.errors import ProjectError, TendikError, WarehouseError

if TYPE_CHECKING:
    from tendik.build import BuildReport, Engine
    from tendik.project import Project

PROJECT_FILE = "tendik.toml"  # tendik.project.PROJECT_FILE, without importing the project model


class QualityFailed(WarehouseError):
    type = "quality-errors"


TEMPLATES = Path(__file__).parent.parent / "templates" / "init"


def run_build(
    project: Project, *, force: bool = False, engine: Engine | None = None
) -> BuildReport:
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from tendik.build import build_project

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
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Fail, leaving the warehouse unchanged, on quality errors."),
    ] = False,
) -> None:
    """Read and validate the sources, compute the indicators, write the warehouse."""
    from tendik.build import Engine

    try:
        resolved = resolve_project(project, allow_bundled=False)
        chosen = Engine(engine.value, spark_master)
        if strict:
            report = strict_build(resolved, force=force, engine=chosen)
        else:
            report = run_build(resolved, force=force, engine=chosen)
    except TendikError as error:
        fail(error)
    except KeyboardInterrupt:
        errors.print("interrupted: the previous warehouse is unchanged")
        raise typer.Exit(code=130) from None
    print_build(report, resolved)


def strict_build(project: Project, *, force: bool, engine: Engine) -> BuildReport:
    """Build into a copy, check its quality, and put it in place only if it has no errors."""
    from tendik.quality import render_report, validate_project

    real = project.warehouse_path
    staged = real.with_name(f".strict-{os.getpid()}-{real.name}")
    try:
        if real.exists():
            shutil.copy2(real, staged)
        candidate = replace(project, warehouse_override=staged)
        report = run_build(candidate, force=force, engine=engine)
        quality = validate_project(candidate, as_builder=True)
        if quality.has_errors:
            render_report(quality, "table", errors, limit=10)
            raise QualityFailed(
                f"{quality.counts.get('error', 0)} quality errors: the warehouse is unchanged "
                "(run 'tendik validate' after a build without --strict to see them all)",
                file=real,
            )
        if staged.exists():
            os.replace(staged, real)
        report.warehouse = real
        return report
    finally:
        staged.unlink(missing_ok=True)


@app.command()
def demo(
    serve_it: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve the dashboard after building.")
    ] = True,
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.")] = 8000,
) -> None:
    """Build the bundled Kazakhstan project, show its headline indicators, open the dashboard."""
    from tendik.cli.read_commands import print_indicators
    from tendik.project import bundled_project

    try:
        project = bundled_project()
        report = run_build(project)
        print_build(report, project)
        print_indicators(project, "en", OutputFormat.table)
    except TendikError as error:
        fail(error)
    if serve_it:
        serve_project(project, "127.0.0.1", port)


def serve_project(project: Project, host: str, port: int, *, check_seconds: float = 10.0,
                  client_seconds: float = 10.0, access_log: bool = False) -> None:
    from tendik.web import CheckLimits, serve

    console.print(
        f"Dashboard: [bold]http://{host}:{port}/[/]  (API: http://{host}:{port}/api/docs)"
        "  Ctrl-C to stop."
    )
    serve(project, host=host, port=port, limits=CheckLimits(seconds=check_seconds),
          client_seconds=client_seconds, access_log=access_log)


@app.command("serve")
def serve_command(
    project: ProjectOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port.")] = 8000,
    check_timeout: Annotated[
        float,
        typer.Option("--check-timeout", min=0.1, help="Seconds one claim check may take."),
    ] = 10.0,
    client_timeout: Annotated[
        float,
        typer.Option(
            "--client-timeout",
            min=0.1,
            help="Seconds a client has to send a request's head; three times as long for its "
            "body and for reading an answer.",
        ),
    ] = 10.0,
    access_log: Annotated[
        bool,
        typer.Option("--access-log", help="Print a line for every request (off: it costs as "
                     "much as answering a cached page)."),
    ] = False,
) -> None:
    """Serve the dashboard and the JSON API from the warehouse."""
    try:
        resolved = resolve_project(project)
        if not resolved.warehouse_path.is_file():
            raise ProjectError(
                "no warehouse yet: run 'tendik build' (or 'tendik demo') first",
                file=resolved.warehouse_path,
            )
    except TendikError as error:
        fail(error)
    serve_project(
        resolved, host, port, check_seconds=check_timeout, client_seconds=client_timeout,
        access_log=access_log,
    )
