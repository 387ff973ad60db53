"""Benchmark: the register catalogue on 1M, 10M and 100M rows.

For each size it prints tendik's time (plan + DuckDB over the Parquet file + each indicator's
cells), the time of one hand-written DuckDB GROUPING SETS query giving the same cells (the
engine's limit), the time of idiomatic pandas (one groupby per breakdown), the two ratios, and
the peak memory of each. Each measurement runs in its own process, so peak memory is its own.

    uv run python bench/engine/run.py                 # 1M, 10M, 100M
    uv run python bench/engine/run.py --sizes 1000000 --repeat 3

Registers are generated once (SYNTHETIC, seed 2025) and cached under bench/.cache/.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE.parent / ".cache"
SIZES = (1_000_000, 10_000_000, 100_000_000)
PANDAS_LIMIT = 20_000_000  # above this pandas needs more memory than the machine has
BREAKDOWNS = ("region", "level", "corps", "category", "age_group")


def register(rows: int) -> Path:
    from tendik.generate import generate_register

    path = CACHE / f"register-{rows}.parquet"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        generate_register(path, rows=rows, seed=2025)
        print(f"  generated {rows:,} rows in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def register_catalogue() -> list:
    from tendik.catalog import load_catalogue
    from tendik.project import BUNDLED_PROJECT

    catalogue = load_catalogue(BUNDLED_PROJECT / "indicators")
    return catalogue.by_source("civil-service-register")


# --- the three contenders -------------------------------------------------------------------
def run_tendik(path: Path) -> int:
    import pyarrow.parquet as pq

    from tendik.engine.plan import build_records_plan
    from tendik.engine.records import all_indicator_observations, run_plan_duckdb

    schema = pq.read_schema(path)
    plan = build_records_plan("register", register_catalogue(), {f.name: f.type for f in schema})
    cube = run_plan_duckdb(plan, relation_sql=f"read_parquet('{path}')")
    return sum(table.num_rows for _, table, _ in all_indicator_observations(plan, cube, "KAZ"))


def hand_written_sql(path: Path) -> str:
    sets = ", ".join(["(p)", *(f"(p, {b})" for b in BREAKDOWNS)])
    active = "status = 'active'"
    share = {
        "women": active,
        "managerial": f"is_managerial AND {active}",
        "political": f"corps = 'political' AND {active}",
        "corps_a": f"corps = 'A' AND {active}",
        "hires": f"is_new_hire AND {active}",
        "exits": "status = 'exited'",
    }
    aggregates = []
    for name, among in share.items():
        aggregates.append(f"count(*) FILTER (WHERE {among} AND sex = 'F') AS {name}_f")
        aggregates.append(f"count(*) FILTER (WHERE {among}) AS {name}_n")
    aggregates += [
        f"median(monthly_salary) FILTER (WHERE {active} AND sex = 'F') AS pay_f",
        f"median(monthly_salary) FILTER (WHERE {active} AND sex = 'M') AS pay_m",
    ]
    return (
        f"SELECT p, {', '.join(BREAKDOWNS)}, GROUPING_ID(p, {', '.join(BREAKDOWNS)}) AS gid, "
        f"{', '.join(aggregates)} FROM (SELECT *, year(snapshot_date) AS p "
        f"FROM read_parquet('{path}')) GROUP BY GROUPING SETS ({sets})"
    )


def run_hand_written(path: Path) -> int:
    import duckdb

    with duckdb.connect() as con:
        return con.sql(hand_written_sql(path)).to_arrow_table().num_rows


def run_pandas(path: Path) -> int:
    import pandas as pd

    frame = pd.read_parquet(
        path,
        columns=[
            "snapshot_date",
            "sex",
            "status",
            "is_managerial",
            "is_new_hire",
            "monthly_salary",
            *BREAKDOWNS,
        ],
    )
    frame["year"] = pd.to_datetime(frame["snapshot_date"]).dt.year
    frame["is_f"] = frame["sex"] == "F"
    active = frame["status"] == "active"
    populations = {
        "women": active,
        "managerial": frame["is_managerial"] & active,
        "political": (frame["corps"] == "political") & active,
        "corps_a": (frame["corps"] == "A") & active,
        "hires": frame["is_new_hire"] & active,
        "exits": frame["status"] == "exited",
    }
    cells = 0
    for mask in populations.values():
        subset = frame[mask]
        for keys in (["year"], *(["year", b] for b in BREAKDOWNS)):
            grouped = subset.groupby(keys)["is_f"].agg(["sum", "size"])
            cells += len(grouped)
    active_rows = frame[active]
    for keys in (["year"], *(["year", b] for b in BREAKDOWNS)):
        medians = active_rows.groupby([*keys, "sex"])["monthly_salary"].median().unstack("sex")
        cells += len(medians)
    return cells


CONTENDERS = {"tendik": run_tendik, "duckdb": run_hand_written, "pandas": run_pandas}


def measure_one(name: str, path: Path, repeat: int) -> dict[str, float]:
    """In a child process: the best of ``repeat`` runs, and this process's peak memory."""
    best = float("inf")
    result = 0
    for _ in range(repeat):
        started = time.perf_counter()
        result = CONTENDERS[name](path)
        best = min(best, time.perf_counter() - started)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024  # KiB -> GiB
    return {"seconds": best, "peak_gib": peak, "cells": result}


def measure(name: str, path: Path, repeat: int) -> dict[str, float] | None:
    command = [
        sys.executable,
        __file__,
        "--one",
        name,
        "--path",
        str(path),
        "--repeat",
        str(repeat),
    ]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"  {name} failed: {done.stderr.strip().splitlines()[-1:]}", flush=True)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", choices=sorted(CONTENDERS))
    parser.add_argument("--path", type=Path)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one, args.path, args.repeat)))
        return
    header = (
        f"{'rows':>12} | {'tendik s':>9} | {'hand SQL s':>10} | {'pandas s':>9} | "
        f"{'tendik/SQL':>10} | {'pandas/tendik':>13} | {'tendik peak GiB':>15} | "
        f"{'SQL peak GiB':>12} | {'pandas peak GiB':>15}"
    )
    rows = []
    for size in args.sizes:
        print(f"{size:,} rows", flush=True)
        path = register(size)
        repeat = 1 if size >= 100_000_000 else args.repeat
        tendik = measure("tendik", path, repeat)
        hand = measure("duckdb", path, repeat)
        pandas = measure("pandas", path, 1) if size <= PANDAS_LIMIT else None
        rows.append((size, tendik, hand, pandas))
    print()
    print(header)
    print("-" * len(header))
    for size, tendik, hand, pandas in rows:

        def cell(result: dict[str, float] | None, key: str, fmt: str) -> str:
            return format(result[key], fmt) if result else "not run"

        ratio = f"{tendik['seconds'] / hand['seconds']:.2f}x" if tendik and hand else "-"
        speedup = f"{pandas['seconds'] / tendik['seconds']:.1f}x" if tendik and pandas else "-"
        print(
            f"{size:>12,} | {cell(tendik, 'seconds', '.2f'):>9} | "
            f"{cell(hand, 'seconds', '.2f'):>10} | {cell(pandas, 'seconds', '.2f'):>9} | "
            f"{ratio:>10} | {speedup:>13} | {cell(tendik, 'peak_gib', '.2f'):>15} | "
            f"{cell(hand, 'peak_gib', '.2f'):>12} | {cell(pandas, 'peak_gib', '.2f'):>15}"
        )
    print("\npandas is not run above 20M rows: it would need more memory than the machine has.")


if __name__ == "__main__":
    main()
