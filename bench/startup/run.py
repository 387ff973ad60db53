"""Benchmark: how long the command line takes to start, on a fresh install.

    uv run python bench/startup/run.py [--runs 11] [--env DIR]

It installs the working tree as a user would (``uv sync --locked --compile-bytecode
--no-editable`` into a new environment under bench/.cache/startup/, bytecode compiled at
install), builds the bundled Kazakhstan project there once, then runs, interleaved so that the
machine's other load falls on all of them alike:

- ``python -c pass``: the interpreter alone, the floor no command can go below;
- ``tendik --help``;
- ``tendik check`` of one sentence against the bundled warehouse.

It prints the median wall time and the median CPU time (user + system) of each, their ratio to
the interpreter alone and to the target (0.4 s for --help, 1 s for check). ``--env DIR`` times
an existing environment instead (its ``bin/python``), e.g. ``.venv``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CACHE = HERE.parent / ".cache" / "startup"
SENTENCE = "Women held 19.4% of the seats in parliament in 2024.\n"
TARGETS = {"python -c pass": None, "tendik --help": 0.4, "tendik check (one sentence)": 1.0}


def fresh_install(folder: Path) -> Path:
    """A new environment with the working tree installed as a wheel, bytecode compiled."""
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(
        # --reinstall-package: build this working tree, never a wheel uv cached from before
        ["uv", "sync", "--locked", "--compile-bytecode", "--no-editable", "--quiet",
         "--reinstall-package", "tendik"],
        cwd=ROOT,
        env={**os.environ, "UV_PROJECT_ENVIRONMENT": str(folder)},
        check=True,
    )
    print(f"installed into {folder} in {time.perf_counter() - started:.0f} s", flush=True)
    return folder


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one run; it must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--env", type=Path, help="time this environment, not a fresh install")
    args = parser.parse_args()

    env_dir = args.env.resolve() if args.env else fresh_install(CACHE / "venv")
    python, tendik = env_dir / "bin" / "python", env_dir / "bin" / "tendik"
    home = CACHE / "home"
    shutil.rmtree(home, ignore_errors=True)
    env = {**os.environ, "TENDIK_HOME": str(home)}
    subprocess.run([tendik, "demo", "--no-serve"], env=env, check=True, capture_output=True)
    sentence = CACHE / "sentence.txt"
    sentence.write_text(SENTENCE, encoding="utf-8")
    commands = {
        "python -c pass": [str(python), "-c", "pass"],
        "tendik --help": [str(tendik), "--help"],
        "tendik check (one sentence)": [str(tendik), "check", str(sentence)],
    }
    for command in commands.values():  # warm the file cache
        timed(command, env)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            samples[name].append(timed(command, env))

    floor = statistics.median(wall for wall, _ in samples["python -c pass"])
    print(f"\n{args.runs} interleaved runs each; medians. Environment: {env_dir}")
    header = (
        f"{'command':<28} | {'wall s':>7} | {'CPU s':>6} | {'/ python':>8} | "
        f"{'target s':>8} | {'wall / target':>13}"
    )
    print(header)
    print("-" * len(header))
    for name, runs in samples.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        target = TARGETS[name]
        versus = f"{wall / target:.2f}" if target else "-"
        print(
            f"{name:<28} | {wall:>7.3f} | {cpu:>6.3f} | {wall / floor:>7.1f}x | "
            f"{target if target else '-':>8} | {versus:>13}"
        )


if __name__ == "__main__":
    main()
