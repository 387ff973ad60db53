"""The command-line reference is written from the code and kept up to date; nothing undocumented."""

from __future__ import annotations

from pathlib import Path

import typer.main

from tendik.cli import app
from tendik.cli.reference import reference_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_docs_cli_md_is_up_to_date() -> None:
    assert DOCS.read_text(encoding="utf-8") == reference_markdown(), (
        "docs/cli.md is out of date: run 'uv run python -m tendik.cli.reference'"
    )


def test_every_command_and_option_has_help() -> None:
    root = typer.main.get_command(app)
    missing = []
    commands = dict(root.commands)
    for name, command in list(commands.items()):
        if hasattr(command, "commands"):
            commands.update({f"{name} {k}": v for k, v in command.commands.items()})
    for name, command in commands.items():
        if not (command.help or "").strip():
            missing.append(name)
        for param in command.params:
            if param.param_type_name == "option" and not (param.help or "").strip():
                missing.append(f"{name} {param.opts[0]}")
    assert missing == [], f"undocumented: {missing}"
    assert {"build", "show", "check", "publish", "serve", "validate", "release"} <= set(commands)
