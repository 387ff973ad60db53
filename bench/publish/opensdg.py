"""Benchmark: an Open SDG data folder through tendik and through sdg-build, side by side.

    uv run python bench/publish/opensdg.py [--indicators 50] [--rounds 3]
                                           [--sdg-build SRC --yamlmd SRC]

The input is generated here (SYNTHETIC, labelled so in every indicator name and in tendik's
source): N indicators in Open SDG's own layout, data/indicator_G-T-I.csv with the columns Year,
Sex, Age, Region, Value (30 years x 3 x 6 x 9 = 4,860 rows each; even-numbered indicators hold
whole numbers, odd-numbered ones shares with one decimal) and meta/G-T-I.yml. A tendik project
declares each file as an ``opensdg`` source with one series indicator on it.

Each round, interleaved so that the machine's other load falls on all alike, runs as a user
would (fresh processes):

- tendik: ``tendik build --force`` + ``tendik publish --format opensdg`` (the target: 2 s);
- tendik: ``tendik publish --format site`` into an empty folder (the target: 5 s), then again
  into the same folder with nothing changed (the incremental build);
- sdg-build 2.3.0 (``open_sdg_build`` on the input, in its own environment).

Then it checks the output: every file tendik wrote holds exactly the input's rows, the same
header (no added column) and each value written as the input wrote it (138 stays 138); each meta
file keeps the input's indicator_name; and sdg-build reads tendik's folder without an error.

sdg-build is not on PyPI and this machine reaches no git host: pass the sources of sdg-build
2.3.0 and of yamlmd (a checkout or an unpacked archive of each) with ``--sdg-build`` and
``--yamlmd``; the environment is made under bench/.cache/publish/sdg-build-venv with ``uv venv``
and ``uv pip install`` from the pinned bench/publish/sdg-build/requirements.txt. Without them
the sdg-build columns are left out.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CACHE = HERE.parent / ".cache" / "publish"
REQUIREMENTS = HERE / "sdg-build" / "requirements.txt"
YEARS = range(1995, 2025)
SEXES = ["", "Female", "Male"]
AGES = ["", "15-24", "25-34", "35-44", "45-54", "55+"]
REGIONS = ["", "North", "South", "East", "West", "Centre", "Capital", "Coast", "Mountains"]
COLUMNS = ["Year", "Sex", "Age", "Region", "Value"]
PROSE = {  # the smallest metadata schema sdg-build accepts (Open SDG's _prose.yml format)
    "prose": {
        "metadata": {
            "meta": [
                {"name": name, "field": {"element": "text", "label": name}}
                for name in ("reporting_status", "indicator_name", "indicator_number",
                             "target_id", "sdg_goal", "graph_title", "graph_type",
                             "data_non_statistical", "published", "computation_units")
            ]
        }
    }
}


def code(number: int) -> str:
    """The Open SDG id of indicator ``number``: 1-1-1, 1-1-2, ... across goals 1-17."""
    return f"{number % 17 + 1}-{number // 17 + 1}-{number % 3 + 1}{number // 51 or ''}"


def make_input(folder: Path, indicators: int) -> list[str]:
    """A SYNTHETIC Open SDG data folder of ``indicators`` files; returns their ids."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "data").mkdir(parents=True)
    (folder / "meta").mkdir()
    ids = []
    for number in range(indicators):
        sdg = code(number)
        ids.append(sdg)
        whole = number % 2 == 0
        with (folder / "data" / f"indicator_{sdg}.csv").open("w", newline="") as handle:
            out = csv.writer(handle)
            out.writerow(COLUMNS)
            cell = 0
            for year in YEARS:
                for sex in SEXES:
                    for age in AGES:
                        for region in REGIONS:
                            cell += 1
                            spread = (cell * 7919 + number * 104729) % 1000
                            value = 100 + spread if whole else round(20 + spread / 25, 1)
                            out.writerow([year, sex, age, region, value])
        meta = {
            "indicator_number": sdg.replace("-", "."),
            "indicator_name": f"SYNTHETIC benchmark indicator {sdg} "
                              f"({'persons' if whole else 'women, %'})",
            "target_id": ".".join(sdg.split("-")[:2]),
            "sdg_goal": sdg.split("-")[0],
            "reporting_status": "complete",
            "published": True,
            "data_non_statistical": False,
            "graph_type": "line",
            "graph_title": f"SYNTHETIC benchmark indicator {sdg}",
            "computation_units": "Number" if whole else "Percentage (%)",
        }
        (folder / "meta" / f"{sdg}.yml").write_text(yaml.safe_dump(meta, sort_keys=False))
    return ids


def make_project(folder: Path, source: Path, ids: list[str]) -> Path:
    """A tendik project with each Open SDG file as a source and a series indicator on it."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "indicators").mkdir(parents=True)
    shutil.copytree(source / "data", folder / "data")
    lines = ['[project]', 'name = "SYNTHETIC Open SDG benchmark"', 'area = "KAZ"',
             'languages = ["kk", "ru", "en"]', '']
    for sdg in ids:
        meta = yaml.safe_load((source / "meta" / f"{sdg}.yml").read_text())
        lines += [f'[sources.sdg-{sdg}]', f'path = "data/indicator_{sdg}.csv"',
                  'format = "opensdg"', 'area = "KAZ"', 'synthetic = true',
                  'title = "SYNTHETIC Open SDG benchmark file"', '']
        indicator = {
            "id": f"sdg-{sdg}",
            "title": {"en": meta["indicator_name"]},
            "unit": "count" if meta["computation_units"] == "Number" else "percent",
            "theme": "other",
            "source": f"sdg-{sdg}",
            "series": {"code": sdg},
            "sdg": meta["indicator_number"],
        }
        (folder / "indicators" / f"sdg-{sdg}.yaml").write_text(
            yaml.safe_dump(indicator, sort_keys=False, allow_unicode=True))
    (folder / "tendik.toml").write_text("\n".join(lines))
    return folder


def sdg_build_env(sdg_build: Path, yamlmd: Path) -> Path:
    """sdg-build 2.3.0 in its own environment (made once), from the pinned requirements."""
    venv = CACHE / "sdg-build-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run(["uv", "venv", "--quiet", "--python", "3.11", str(venv)], check=True)
        subprocess.run(["uv", "pip", "install", "--quiet", "--python", str(python),
                        "-r", str(REQUIREMENTS), str(yamlmd), "--no-deps", str(sdg_build)],
                       check=True)
    return python


def sdg_build_config(folder: Path, src: Path) -> Path:
    """An Open SDG data configuration that needs no network (no remote translations); paths are
    relative to ``folder``, where sdg-build runs (its data packages refuse absolute paths)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_prose.yml").write_text(yaml.safe_dump(PROSE))
    (folder / "translations" / "en").mkdir(parents=True, exist_ok=True)
    (folder / "translations" / "en" / "bench.yml").write_text("synthetic: SYNTHETIC\n")
    relative = os.path.relpath(src, folder)
    config = {
        "src_dir": "",
        "site_dir": "_site",
        "languages": ["en"],
        "translations": [{"class": "TranslationInputYaml", "source": "translations"}],
        "schema": [{"class": "SchemaInputOpenSdg", "schema_path": "_prose.yml"}],
        "inputs": [
            {"class": "InputCsvData", "path_pattern": f"{relative}/data/*-*.csv"},
            {"class": "InputYamlMeta", "path_pattern": f"{relative}/meta/*-*.yml",
             "git": False},
        ],
        "docs_subfolder": "docs",
    }
    path = folder / "config_data.yml"
    path.write_text(yaml.safe_dump(config))
    return path


def sdg_build(python: Path, folder: Path, src: Path, action: str) -> subprocess.CompletedProcess:
    """sdg-build's open_sdg_build or open_sdg_check on the Open SDG folder ``src``."""
    config = sdg_build_config(folder, src)
    return subprocess.run(
        [str(python), "-c", f"from sdg.open_sdg import {action}; import sys; "
         f"sys.exit(0 if {action}(config={config.name!r}) else 1)"],
        cwd=folder, capture_output=True, text=True)


def run(command: list[str], cwd: Path | None = None) -> float:
    """Seconds a command took; it must succeed."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed:\n{done.stdout}\n{done.stderr}")
    return seconds


def _comparable(row: list[str]) -> tuple:
    """A row with its value as a number (20.0 and 20 are the same value)."""
    *key, value = row
    return (*key, float(value) if value else None)


def _whole(rows: list[list[str]]) -> set[tuple]:
    """The rows whose value is written as a whole number (138, not 138.0)."""
    return {_comparable(row) for row in rows if row[-1].lstrip("-").isdigit()}


def check_round_trip(source: Path, published: Path, ids: list[str]) -> list[str]:
    """Differences between the input and tendik's Open SDG output (none is the goal)."""
    problems = []
    for sdg in ids:
        with (source / "data" / f"indicator_{sdg}.csv").open(newline="") as handle:
            original = list(csv.reader(handle))
        path = published / "data" / f"indicator_{sdg}.csv"
        if not path.exists():
            problems.append(f"{sdg}: no data file")
            continue
        with path.open(newline="") as handle:
            again = list(csv.reader(handle))
        if again[0] != original[0]:
            problems.append(f"{sdg}: header {again[0]} (input: {original[0]})")
        elif sorted(map(_comparable, again[1:])) != sorted(map(_comparable, original[1:])):
            differ = sorted(set(map(_comparable, again[1:]))
                            ^ set(map(_comparable, original[1:])))
            problems.append(f"{sdg}: rows differ, e.g. {differ[:2]}")
        elif _whole(original[1:]) - _whole(again[1:]):
            problems.append(f"{sdg}: whole numbers written with a decimal point")
        meta = yaml.safe_load((published / "meta" / f"{sdg}.yml").read_text())
        name = yaml.safe_load((source / "meta" / f"{sdg}.yml").read_text())["indicator_name"]
        if meta.get("indicator_name") != name:
            problems.append(f"{sdg}: indicator_name {meta.get('indicator_name')!r}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sdg-build", type=Path, help="the sources of sdg-build 2.3.0")
    parser.add_argument("--yamlmd", type=Path, help="the sources of yamlmd (sdg-build needs it)")
    args = parser.parse_args()

    tendik = str(Path(sys.executable).with_name("tendik"))
    source = CACHE / "opensdg-input"
    ids = make_input(source, args.indicators)
    project = make_project(CACHE / "opensdg-project", source, ids)
    print(f"{len(ids)} SYNTHETIC Open SDG indicators x {len(YEARS) * 162:,} rows", flush=True)
    sdg_python = None
    if args.sdg_build and args.yamlmd:
        sdg_python = sdg_build_env(args.sdg_build.resolve(), args.yamlmd.resolve())
    work = CACHE / "opensdg-out"
    times: dict[str, list[float]] = {}

    def note(name: str, seconds: float) -> None:
        times.setdefault(name, []).append(seconds)

    for number in range(args.rounds):
        shutil.rmtree(work, ignore_errors=True)
        build = run([tendik, "build", "--force", "--project", str(project)])
        files = run([tendik, "publish", str(work / "opensdg"), "--format", "opensdg",
                     "--project", str(project)])
        note("tendik build", build)
        note("tendik publish opensdg", files)
        note("tendik build + opensdg", build + files)
        note("tendik site (fresh folder)", run([tendik, "publish", str(work / "site"), "--format",
                                                "site", "--project", str(project)]))
        note("tendik site (nothing changed)", run([tendik, "publish", str(work / "site"),
                                                   "--format", "site", "--project",
                                                   str(project)]))
        if sdg_python:
            started = time.perf_counter()
            done = sdg_build(sdg_python, work / "sdg-build", source, "open_sdg_build")
            if done.returncode != 0:
                raise SystemExit(f"sdg-build failed on the input:\n{done.stderr[-3000:]}")
            note("sdg-build 2.3.0 (input)", time.perf_counter() - started)
        print(f"  round {number + 1} done", flush=True)

    problems = check_round_trip(source, work / "opensdg", ids)
    read_back = "not run (no --sdg-build)"
    if sdg_python:
        done = sdg_build(sdg_python, work / "sdg-build-check", work / "opensdg",
                         "open_sdg_build")
        read_back = ("no error (open_sdg_build)" if done.returncode == 0
                     else f"FAILED:\n{done.stdout[-1500:]}\n{done.stderr[-1500:]}")

    print(f"\n{args.rounds} interleaved rounds; median seconds (fresh processes, as a user runs "
          "them)")
    baseline = statistics.median(times["sdg-build 2.3.0 (input)"]) if sdg_python else None
    targets = {"tendik build + opensdg": 2.0, "tendik site (fresh folder)": 5.0}
    header = f"{'step':<32} | {'seconds':>8} | {'target':>6} | {'sdg-build / this':>16}"
    print(header)
    print("-" * len(header))
    for name, samples in times.items():
        seconds = statistics.median(samples)
        ratio = f"{baseline / seconds:.1f}x" if baseline and name.startswith("tendik") else "-"
        target = targets.get(name)
        print(f"{name:<32} | {seconds:>8.2f} | {target if target else '-':>6} | {ratio:>16}")
    print(f"\nround trip (header, rows, values, whole numbers whole, indicator_name): "
          f"{'identical' if not problems else f'{len(problems)} differences'}")
    for problem in problems[:10]:
        print(f"  {problem}")
    print(f"sdg-build reading tendik's output: {read_back}")
    if os.environ.get("KEEP") is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
