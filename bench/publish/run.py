"""Benchmark: publish a synthetic warehouse in every open-data format and time each one.

The warehouse is generated here (SYNTHETIC data, labelled so in every title and in its source):
N indicators of women's shares for Kazakhstan, each over 34 years (1991-2024) x (the total,
20 regions, 6 age bands, and every region x age band) = 4,998 observations, about 3% of the
region x age cells marked suppressed (OBS_STATUS C). One indicator in five carries an SDG code,
so the Open SDG folder has several series per file.

    uv run python bench/publish/run.py [--indicators 50] [--out DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import tempfile
import time
from datetime import datetime
from pathlib import Path

import numpy as np
import pyarrow as pa

from tendik import __version__
from tendik.catalog import Indicator
from tendik.engine.observations import observation_schema
from tendik.project import Project, ProjectSettings
from tendik.publish import FORMATS, publish
from tendik.reference import KZ_REGIONS
from tendik.store.write import BuildChanges, IndicatorResult, SourceRow, write_warehouse

SOURCE = "synthetic-register"
YEARS = [str(y) for y in range(1991, 2025)]
REGIONS = [r.code for r in KZ_REGIONS]
AGES = ["Y_LT30", "Y30T39", "Y40T49", "Y50T59", "Y60T64", "Y_GE65"]
DIMS = ["REGION", "AGE"]
SUPPRESSED_SHARE = 0.03


def _cells() -> list[tuple[str | None, str | None]]:
    """(REGION, AGE) of every cell of one year; None is the total."""
    cells: list[tuple[str | None, str | None]] = [(None, None)]
    cells += [(r, None) for r in REGIONS] + [(None, a) for a in AGES]
    cells += [(r, a) for r in REGIONS for a in AGES]
    return cells


def observations(rng: np.random.Generator) -> pa.Table:
    """One synthetic indicator's observations (4,998 rows)."""
    cells = _cells()
    n = len(YEARS) * len(cells)
    denominator = rng.integers(20, 5000, n).astype(float)
    numerator = np.floor(denominator * rng.uniform(0.2, 0.6, n))
    detailed = np.array([r is not None and a is not None for r, a in cells] * len(YEARS))
    suppressed = detailed & (rng.random(n) < SUPPRESSED_SHARE)
    columns = {
        "REF_AREA": ["KAZ"] * n,
        "TIME_PERIOD": [y for y in YEARS for _ in cells],
        "REGION": [r for _ in YEARS for r, _a in cells],
        "AGE": [a for _ in YEARS for _r, a in cells],
        "OBS_VALUE": 100 * numerator / denominator,
        "UNIT_MEASURE": ["PT"] * n,
        "numerator": numerator,
        "denominator": denominator,
        "OBS_STATUS": np.where(suppressed, "C", "A").tolist(),
        "COMMENT_OBS": [None] * n,
    }
    return pa.table(columns, schema=observation_schema(DIMS))


def definition(number: int) -> Indicator:
    sdg = {0: "5.5.1", 1: "5.5.2"}.get(number % 10)
    return Indicator.model_validate({
        "id": f"synthetic-share-{number:02d}",
        "title": {"en": f"SYNTHETIC women's share no. {number}",
                  "ru": f"СИНТЕТИЧЕСКАЯ доля женщин № {number}",
                  "kk": f"СИНТЕТИКАЛЫҚ әйелдер үлесі № {number}"},
        "unit": "percent", "theme": "civil-service", "source": SOURCE,
        "measure": {"share": "sex = 'F'", "among": "status = 'active'"},
        "period": "snapshot_date", "breakdowns": ["region", "age_group"], "sdg": sdg,
    })


def synthetic_warehouse(root: Path, count: int) -> Project:
    """A project folder whose warehouse holds ``count`` synthetic indicators."""
    settings = ProjectSettings(name="Synthetic benchmark (generated data)", area="KAZ",
                               area_name="Kazakhstan (synthetic)", languages=["en", "ru", "kk"])
    project = Project(root=root, settings=settings)
    now = datetime.now()
    changes = BuildChanges(started_at=now, meta={"project": settings.name, "area": "KAZ",
                                                 "languages": "en,ru,kk"})
    changes.sources.append(SourceRow({
        "id": SOURCE, "path": "generated", "format": "parquet",
        "title": "SYNTHETIC personnel register (generated for benchmarks)",
        "publisher": "tendik generator", "licence": "CC0 1.0", "synthetic": True,
        "content_hash": "0" * 64, "spec_hash": "0" * 64, "n_rows": 0, "provenance": None,
        "read_at": now,
    }))
    rng = np.random.default_rng(0)
    for number in range(count):
        indicator = definition(number)
        table = observations(rng)
        row = {
            "id": indicator.id, "title_en": indicator.title.en, "title_ru": indicator.title.ru,
            "title_kk": indicator.title.kk, "unit": indicator.unit, "theme": indicator.theme,
            "source": SOURCE, "sdg": indicator.sdg, "sdmx_series": None, "headline_area": "KAZ",
            "kind": "records", "definition": indicator.model_dump(mode="json"),
            "definition_hash": indicator.definition_hash(),
            "input_hash": hashlib.sha256(b"synthetic").hexdigest(),
            "tendik_version": __version__, "computed_at": now, "dimensions": DIMS,
            "n_obs": table.num_rows,
        }
        changes.computed.append(IndicatorResult(indicator.id, row, table, DIMS))
    write_warehouse(project.warehouse_path, changes)
    return project


def _site(project: Project, out: Path) -> tuple[float, int] | None:
    try:
        build_site = importlib.import_module("tendik.web.site").build_site
    except (ImportError, AttributeError):
        return None
    started = time.perf_counter()
    report = build_site(project, out)
    return time.perf_counter() - started, len(report.files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=50)
    parser.add_argument("--out", type=Path, default=None, help="keep the files here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = args.out or Path(scratch)
        root.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        project = synthetic_warehouse(root / "project", args.indicators)
        rows = args.indicators * len(YEARS) * len(_cells())
        print(f"SYNTHETIC warehouse: {args.indicators} indicators, {rows:,} observations, "
              f"written in {time.perf_counter() - started:.1f} s")
        print(f"{'format':<12} {'seconds':>8} {'files':>6} {'rows':>9}")
        for fmt in FORMATS:
            report = publish(project, root / "published" / fmt, fmt)  # type: ignore[arg-type]
            print(f"{fmt:<12} {report.seconds:>8.2f} {len(report.files):>6} {report.rows:>9,}")
        site = _site(project, root / "published" / "site")
        if site is None:
            print("site         (tendik.web.build_site is not available)")
        else:
            print(f"{'site':<12} {site[0]:>8.2f} {site[1]:>6}")


if __name__ == "__main__":
    main()
