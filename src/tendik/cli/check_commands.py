"""tendik check: the numeric claims in a text, matched to indicators and judged with evidence."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tendik.cli.app import ProjectOption, app, console, fail, resolve_project
from tendik.errors import ProjectError, SourceError, TendikError


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


def read_text(source: str) -> str:
    """The text of FILE, or of standard input for '-'."""
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if not path.is_file():
        raise SourceError("no such file", file=source)
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"not UTF-8 text (byte {error.start})", file=source) from None


@app.command()
def check(
    source: Annotated[str, typer.Argument(metavar="FILE|-", help="A text file, or - for stdin.")],
    published: Annotated[
        str | None,
        typer.Option("--date", help="Publication date YYYY-MM-DD: the period of undated claims."),
    ] = None,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text, json or html.")
    ] = CheckFormat.text,
    language: Annotated[
        str | None, typer.Option("--lang", help="en or ru (default: detected).")
    ] = None,
    project: ProjectOption = None,
) -> None:
    """Check the numeric claims in a text against the warehouse."""
    from tendik.claims import check_text, render

    try:
        when = None
        if published is not None:
            try:
                when = date.fromisoformat(published)
            except ValueError:
                raise ProjectError(f"'{published}' is not a date YYYY-MM-DD", key="date") from None
        text = read_text(source)
        report = check_text(
            text, project=resolve_project(project), published=when, language=language
        )
        render(report, fmt.value, console)
    except TendikError as error:
        fail(error)
