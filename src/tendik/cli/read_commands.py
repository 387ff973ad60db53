"""Commands that read the warehouse: indicators, show."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

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
from tendik.errors import TendikError

if TYPE_CHECKING:
    from tendik.project import Project
    from tendik.store import Warehouse

TABLE_FIELDS = ("OBS_VALUE", "UNIT_MEASURE", "numerator", "denominator", "OBS_STATUS")


def indicator_rows(warehouse: Warehouse, project: Project, language: str) -> list[dict[str, Any]]:
    """One row per indicator: latest headline value, target, progress status, projected year."""
    from tendik.progress import headline_progress, target_from_definition, yearly_points

    synthetic = {s["id"] for s in warehouse.sources() if s["synthetic"]}
    rows = []
    for info in warehouse.indicators():
        area = info.headline_area or project.area
        table = warehouse.observations(info.id, area=area)
        series = list(
            zip(
                table.column("TIME_PERIOD").to_pylist(),
                table.column("OBS_VALUE").to_pylist(),
                strict=True,
            )
        )
        published = [(p, v) for p, v in series if v is not None]
        target = target_from_definition(info.definition.get("target"), project.settings.parity_band)
        progress = headline_progress(yearly_points(series), target)
        rows.append(
            {
                "id": info.id,
                "title": info.title(language),
                "area": area,
                "period": published[-1][0] if published else None,
                "latest": round(published[-1][1], 2) if published else None,
                "unit": info.unit,
                "target": target.describe() if target else None,
                "status": progress.status,
                "projected": progress.projected(),
                "source": info.source + (" (SYNTHETIC)" if info.source in synthetic else ""),
            }
        )
    return rows


def print_indicators(
    project: Project, language: str, fmt: OutputFormat, key: str | None = None
) -> None:
    with open_warehouse(project, key) as warehouse:
        rows = indicator_rows(warehouse, project, language)
    columns = [
        "id",
        "title",
        "area",
        "period",
        "latest",
        "unit",
        "target",
        "status",
        "projected",
        "source",
    ]
    render_rows(rows, columns, fmt.value, console, title=f"{project.name}: indicators")


@app.command()
def indicators(
    project: ProjectOption = None,
    language: Annotated[str, typer.Option("--lang", help="en, ru or kk.")] = "en",
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table, csv or json.")
    ] = OutputFormat.table,
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
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table, csv or json.")
    ] = OutputFormat.table,
    language: Annotated[str, typer.Option("--lang", help="en, ru or kk.")] = "en",
    key: KeyOption = None,
) -> None:
    """Print an indicator's observations."""
    from tendik.store.schema import OBSERVATION_FIELDS

    try:
        resolved = resolve_project(project)
        with open_warehouse(resolved, key) as warehouse:
            info = warehouse.indicator(indicator_id)
            dimension = warehouse.dimension(info, by) if by else None
            table = warehouse.observations(indicator_id, area=area, by=by, period=period)
            synthetic = any(s["synthetic"] for s in warehouse.sources() if s["id"] == info.source)
    except TendikError as error:
        fail(error)
    rows = table.to_pylist()
    title = info.title(language)
    if synthetic:  # said wherever synthetic figures show: a caption, and a column in files
        title += " — SYNTHETIC DATA (generated, not real people; never evidence)"
        for row in rows:
            row["synthetic"] = True
    # the terminal table shows the figures; files carry the comment and provenance too
    shown = OBSERVATION_FIELDS if fmt is not OutputFormat.table else TABLE_FIELDS
    columns = ["REF_AREA", "TIME_PERIOD", *([dimension] if dimension else []), *shown]
    if synthetic and fmt is not OutputFormat.table:
        columns.append("synthetic")
    render_rows(rows, columns, fmt.value, console, title=title)
