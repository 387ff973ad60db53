"""The command line, run for real: init, build, indicators, show, errors, interruption."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tendik.project import Project
from tendik.store import Warehouse


def tendik(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tendik", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_init_then_build_then_show(tmp_path: Path) -> None:
    project = tmp_path / "mine"
    assert tendik("init", str(project)).returncode == 0
    assert (project / "tendik.toml").is_file()
    built = tendik("build", cwd=project)
    assert built.returncode == 0, built.stderr
    assert "1 indicators computed" in built.stdout
    shown = tendik(
        "show", "example-women-managers", "--by", "department", "--format", "csv", cwd=project
    )
    assert shown.returncode == 0, shown.stderr
    rows = list(csv.DictReader(io.StringIO(shown.stdout)))
    # computed by hand from sources/example-staff.csv: managers are persons 0, 4, 8, ...
    with (project / "sources" / "example-staff.csv").open() as handle:
        staff = [r for r in csv.DictReader(handle) if r["is_manager"] == "true"]
    small = 0
    for row in rows:
        cell = [
            r
            for r in staff
            if r["year"] == row["TIME_PERIOD"] and r["department"] == row["DEPARTMENT"]
        ]
        women = sum(r["sex"] == "F" for r in cell)
        if row["OBS_STATUS"] == "C":  # suppressed: no value shown
            assert row["OBS_VALUE"] == "" and row["numerator"] == ""
            small += min(women, len(cell) - women) < 5
            continue
        assert float(row["OBS_VALUE"]) == pytest.approx(100 * women / len(cell))
        assert float(row["denominator"]) == len(cell)
    assert small == 1  # 2023: one department has fewer than 5 men among its managers
    assert {r["DEPARTMENT"] for r in rows} == {"finance", "health", "education"}
    assert len(rows) == 9
    again = tendik("build", cwd=project)
    assert "Up to date" in again.stdout


def test_show_json_and_indicators(built_kazakhstan: Project) -> None:
    shown = tendik(
        "show",
        "parliament-women-share",
        "--area",
        "KAZ",
        "--format",
        "json",
        "--project",
        str(built_kazakhstan.root),
    )
    assert shown.returncode == 0, shown.stderr
    rows = json.loads(shown.stdout)
    by_year = {r["TIME_PERIOD"]: r["OBS_VALUE"] for r in rows}
    assert by_year["2024"] == pytest.approx(19.387755102040817)
    assert len(rows) == 28  # 1997-2024
    listed = tendik("indicators", "--format", "json", "--project", str(built_kazakhstan.root))
    latest = {r["id"]: r for r in json.loads(listed.stdout)}
    assert latest["parliament-women-share"]["period"] == "2024"
    assert latest["parliament-women-share"]["latest"] == 19.39
    assert latest["local-government-women-share-owid"]["latest"] == 30.46
    kazakh = tendik(
        "indicators", "--lang", "kk", "--format", "json", "--project", str(built_kazakhstan.root)
    )
    assert any("әйелдер" in r["title"] for r in json.loads(kazakh.stdout))


def test_errors_are_one_sentence_and_non_zero(built_kazakhstan: Project, tmp_path: Path) -> None:
    missing = tendik("show", "no-such-indicator", "--project", str(built_kazakhstan.root))
    assert missing.returncode == 2
    assert "no indicator 'no-such-indicator'" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad_by = tendik(
        "show", "parliament-women-share", "--by", "region", "--project", str(built_kazakhstan.root)
    )
    assert bad_by.returncode == 2 and "no breakdown 'region'" in bad_by.stderr
    nowhere = tendik("build", cwd=tmp_path)
    assert nowhere.returncode == 2 and "tendik.toml" in nowhere.stderr


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_a_build_stopped_midway_leaves_the_previous_warehouse(
    kazakhstan_copy: Project, sig: signal.Signals
) -> None:
    root = kazakhstan_copy.root
    assert tendik("build", "--project", str(root)).returncode == 0
    warehouse = kazakhstan_copy.warehouse_path
    before = _hash(warehouse)
    stopped = 0
    for delay in (0.3, 0.6, 0.9, 1.2, 1.6, 2.0, 2.5):
        process = subprocess.Popen(
            [sys.executable, "-m", "tendik", "build", "--force", "--project", str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ},
        )
        time.sleep(delay)
        if process.poll() is None:
            os.kill(process.pid, sig)
            stopped += 1
        process.communicate(timeout=60)
        # whether stopped or finished, the warehouse opens and reads the real figure
        with Warehouse(warehouse) as opened:
            table = opened.observations("parliament-women-share", area="KAZ", period="2024")
            assert table.column("OBS_VALUE")[0].as_py() == pytest.approx(19.387755102040817)
            assert len(opened.indicators()) == 17
        if process.returncode != 0:
            assert _hash(warehouse) == before  # stopped: exactly the previous file
        else:
            before = _hash(warehouse)
    assert stopped >= 1


def test_publish_command_writes_files_readers_may_see(built_kazakhstan: Project,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "csv"
    result = tendik("publish", str(out), "--format", "csv", "--project",
                    str(built_kazakhstan.root))
    assert result.returncode == 0, result.stderr
    assert "Published csv" in result.stdout
    files = sorted(p.name for p in out.rglob("*.csv"))
    assert len(files) == 18  # one per indicator and the catalogue
    bad = tendik("publish", str(out), "--format", "pdf", "--project", str(built_kazakhstan.root))
    assert bad.returncode == 2 and "pdf" in bad.stderr


def test_validate_command_reports_reconciliation(built_kazakhstan: Project) -> None:
    result = tendik("validate", "--format", "json", "--project", str(built_kazakhstan.root))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    pairs = {(r["a"], r["b"]): r for r in report["reconciliations"]}
    parliament = pairs[("parliament-women-share", "parliament-women-share-un")]
    assert (parliament["compared"], parliament["agreeing"]) == (3974, 3511)
