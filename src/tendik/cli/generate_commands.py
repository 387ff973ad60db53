"""tendik generate: synthetic data for demos, tests and benchmarks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tendik.cli.app import app, console, errors, fail
from tendik.errors import ProjectError, TendikError

generate_app = typer.Typer(
    help="Generate synthetic data for demos, tests and benchmarks.", no_args_is_help=True
)
app.add_typer(generate_app, name="generate")


def parse_years(text: str) -> tuple[int, int]:
    first, _, last = text.partition("-")
    try:
        return int(first), int(last or first)
    except ValueError:
        raise ProjectError(
            f"'{text}' is not a span of years such as 2015-2025", key="years"
        ) from None


@generate_app.command("register")
def generate_register_command(
    out: Annotated[Path, typer.Option("--out", help="The Parquet file to write.")],
    rows: Annotated[int, typer.Option("--rows", help="Rows in all (person × snapshot).")] = 990_000,
    years: Annotated[str, typer.Option("--years", help="Snapshots, e.g. 2015-2025.")] = "2015-2025",
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same register.")] = 0,
) -> None:
    """A SYNTHETIC civil-service personnel register (labelled synthetic in the file)."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from tendik.generate import generate_register

    try:
        span = parse_years(years)
        with Progress(
            TextColumn("generating"),
            BarColumn(),
            TextColumn("{task.completed:,} rows"),
            TimeElapsedColumn(),
            console=errors,
            transient=True,
        ) as bar:
            task = bar.add_task("rows", total=rows)
            summary = generate_register(
                out,
                rows=rows,
                years=span,
                seed=seed,
                on_progress=lambda done: bar.update(task, completed=done),
            )
    except TendikError as error:
        fail(error)
    console.print(
        f"Wrote {summary.rows:,} rows of SYNTHETIC register to {out} (seed {seed}); "
        f"{summary.calibration_year}: women {summary.women_pct:.1f}% of civil servants, "
        f"{summary.women_managerial_pct:.1f}% of managerial positions."
    )
