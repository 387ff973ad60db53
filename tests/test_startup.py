"""Start-up stays fast: the command line imports heavy libraries only when a command needs them.

Each check runs a fresh interpreter and reads its ``sys.modules``: a module imported once at the
top of a command module would show up here, whatever the machine's speed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tendik.project import Project

# Libraries that take a large share of a second to import, and which of them a command may load.
HEAVY = (
    "scipy", "pyspark", "plotly", "pandas", "fastapi", "uvicorn", "sqlglot", "openpyxl",
    "pyarrow", "duckdb", "numpy", "sdmx", "frictionless", "jinja2",
)  # fmt: skip

PROBE = """
import json, sys
sys.argv = ["tendik", *json.loads(sys.argv[1])]
from tendik.cli import app
try:
    app()
except SystemExit:
    pass
heavy = {heavy}
sys.stderr.write("\\nLOADED " + json.dumps(sorted(m for m in heavy if m in sys.modules)) + "\\n")
"""


def loaded_by(*args: str, cwd: Path | None = None) -> tuple[list[str], str]:
    """The heavy libraries a fresh ``tendik ARGS`` imported, and what it printed."""
    code = PROBE.format(heavy=repr(list(HEAVY)))
    done = subprocess.run(
        [sys.executable, "-c", code, json.dumps(list(args))],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )
    marker = done.stderr.rindex("LOADED ")
    return json.loads(done.stderr[marker + len("LOADED ") :]), done.stdout


def test_importing_the_cli_loads_no_heavy_library() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys, tendik.cli; "
            f"print(json.dumps(sorted(m for m in {list(HEAVY)!r} if m in sys.modules)))",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_help_loads_no_heavy_library() -> None:
    loaded, out = loaded_by("--help")
    assert "build" in out and "check" in out  # the help really was printed
    assert loaded == []


def test_check_loads_only_duckdb(built_kazakhstan: Project, tmp_path: Path) -> None:
    text = tmp_path / "one.txt"
    text.write_text("Women held 19.4% of seats in parliament in 2024.\n", encoding="utf-8")
    loaded, out = loaded_by("check", str(text), "--project", str(built_kazakhstan.root))
    assert "19.4%" in out
    # DuckDB reads the warehouse; nothing else heavy is needed to check one sentence
    assert loaded == ["duckdb"]
