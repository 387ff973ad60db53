"""tendik build --strict: a build with quality errors fails and leaves the warehouse as it was."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from tendik.project import Project
from tendik.store import Warehouse

RULE = """
[quality.rules.parliament-at-parity]
indicator = "parliament-women-share"
check = "value >= 45"
scope = "totals"
severity = "error"
description = "women hold at least 45% of the seats"
"""


def tendik(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tendik", *args], capture_output=True, text=True, timeout=600
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_strict_build_refuses_a_warehouse_with_errors(kazakhstan_copy: Project) -> None:
    root = str(kazakhstan_copy.root)
    assert tendik("build", "--project", root).returncode == 0
    before = digest(kazakhstan_copy.warehouse_path)
    owid = kazakhstan_copy.source_path("owid-local-government")
    owid.write_text(
        owid.read_text(encoding="utf-8").replace("KAZ,2022,30.46", "KAZ,2022,31.5"),
        encoding="utf-8",
    )
    config = kazakhstan_copy.root / "tendik.toml"
    config.write_text(config.read_text(encoding="utf-8") + RULE, encoding="utf-8")

    strict = tendik("build", "--strict", "--project", root)
    assert strict.returncode == 2, strict.stdout + strict.stderr
    assert "quality errors" in strict.stderr and "rule-failed" in strict.stderr
    assert digest(kazakhstan_copy.warehouse_path) == before  # nothing of the new build landed
    assert not list(kazakhstan_copy.root.glob(".strict-*"))

    validate = tendik("validate", "--project", root, "--format", "json")
    assert validate.returncode == 1  # the old warehouse, checked against the new rule

    lenient = tendik("build", "--project", root)
    assert lenient.returncode == 0
    with Warehouse(kazakhstan_copy.warehouse_path) as warehouse:
        row = warehouse.observations(
            "local-government-women-share-owid", area="KAZ", period="2022"
        ).to_pylist()[0]
    assert row["OBS_VALUE"] == 31.5


def test_strict_build_passes_when_clean(kazakhstan_copy: Project) -> None:
    result = tendik("build", "--strict", "--project", str(kazakhstan_copy.root))
    assert result.returncode == 0, result.stderr
    assert "17 indicators computed" in result.stdout
    assert kazakhstan_copy.warehouse_path.is_file()
