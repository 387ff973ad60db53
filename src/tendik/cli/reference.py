"""The command-line reference (docs/cli.md), written from the commands themselves."""

from __future__ import annotations

from typing import Any

import typer.main

from tendik.cli.app import app


def _option_line(param: Any) -> str:
    if param.param_type_name == "argument":
        name = param.metavar or param.name.upper()
        return f"- `{name}` (argument): {(param.help or '').strip()}".rstrip(": ")
    names = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
    help_text = (param.help or "").strip()
    default = param.default
    shown = ""
    if default not in (None, False, ()) and not callable(default):
        shown = f" (default: `{default.value if hasattr(default, 'value') else default}`)"
    env = f" (env: `{param.envvar}`)" if param.envvar else ""
    return f"- {names}: {help_text}{shown}{env}".rstrip(": ")


def _command_section(path: str, command: Any) -> list[str]:
    lines = [f"## `tendik {path}`", ""]
    doc = (command.help or "").strip()
    if doc:
        lines += [doc, ""]
    params = [p for p in command.params if p.name != "help"]
    lines += [_option_line(p) for p in params]
    return [*lines, ""]


def reference_markdown() -> str:
    """docs/cli.md: every command, its description and its options."""
    root = typer.main.get_command(app)
    lines = [
        "# Command-line reference",
        "",
        "Written from the commands themselves by `python -m tendik.cli.reference`; "
        "a test fails when this file is out of date.",
        "",
    ]
    for name in sorted(root.commands):
        command = root.commands[name]
        if hasattr(command, "commands"):
            for sub in sorted(command.commands):
                lines += _command_section(f"{name} {sub}", command.commands[sub])
        else:
            lines += _command_section(name, command)
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":  # pragma: no cover
    from pathlib import Path

    target = Path(__file__).resolve().parents[3] / "docs" / "cli.md"
    target.write_text(reference_markdown(), encoding="utf-8")
    print(f"wrote {target}")
