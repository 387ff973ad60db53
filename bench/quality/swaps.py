"""Evaluate labels-look-swapped on national SDG 5.5.1 files, tuning and held-out apart.

Each case of swaps-labels.json is a national platform's file with a parliament and a
local-government series; the project built for it holds them beside the bundled independent
series (World Bank WDI and UN parliament, UN and Our World in Data local government), paired
automatically by their SDMX series. A case is caught when validate reports the two series as
exchanged (labels-look-swapped, kind "indicators"), and caught right when the first period is
the labelled one. EDITED cases are real files with the two series' values exchanged from the
labelled period on (written here, never published data). The bundled project itself holds no
known swap: every labels-look-swapped it gives is a false alarm.

    uv run python bench/quality/swaps.py [--ratios 2,3,4,6,8] [--min-periods 1,2,3]
    uv run python bench/quality/swaps.py --defaults-only     # the defaults of the code at hand

Prints, per setting: on the tuning and the held-out cases, the swaps caught (and caught with the
right first period), the false alarms; the false alarms on the bundled project; and what
always answering "no swap" would score.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from tendik.build import build_project
from tendik.catalog.model import Indicator
from tendik.engine.series import compute_series
from tendik.project import BUNDLED_PROJECT, Project, load_project
from tendik.quality import validate_project
from tendik.sources import read_source
from tendik.sources.spec import SourceSpec

ROOT = Path(__file__).resolve().parents[2]
LABELS = Path(__file__).with_name("swaps-labels.json")
REFERENCES = {
    "parliament-women-share": "wdi-parliament",
    "parliament-women-share-un": "un-parliament",
    "local-government-women-share": "un-local-government",
    "local-government-women-share-owid": "owid-local-government",
}
SDMX = {"parliament": "SG_GEN_PARL", "local": "SG_GEN_LOCGELS"}


def base_project(folder: Path) -> Path:
    """The bundled independent series alone, built once."""
    bundled = load_project(BUNDLED_PROJECT)
    (folder / "indicators").mkdir(parents=True)
    text = '[project]\nname = "swap evaluation"\narea = "KAZ"\n'
    text += "\n[quality.outliers]\nenabled = false\n"
    for indicator, source in REFERENCES.items():
        shutil.copy(BUNDLED_PROJECT / "indicators" / f"{indicator}.yaml", folder / "indicators")
        spec = bundled.sources[source]
        target = folder / spec.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(BUNDLED_PROJECT / spec.path, target)
        text += f'\n[sources.{source}]\npath = "{spec.path}"\nformat = "{spec.format}"\n'
    (folder / "tendik.toml").write_text(text, encoding="utf-8")
    build_project(load_project(folder))
    return folder


def _series(case: dict[str, Any], side: str) -> list[tuple[str, float]]:
    spec = SourceSpec(id="case", path=case["file"], format="opensdg", area=case["area"])
    table = read_source(spec, ROOT)
    indicator = Indicator.model_validate(
        {"id": "x", "title": {"en": "x"}, "unit": "percent", "source": "case",
         "series": case[side]}
    )  # fmt: skip
    observations, _ = compute_series(indicator, table)
    return [(r["TIME_PERIOD"], r["OBS_VALUE"]) for r in observations.to_pylist()]


def edited_file(case: dict[str, Any], folder: Path) -> Path:
    """The case's two series, their values exchanged from ``first_period`` on (EDITED)."""
    parliament = dict(_series(case, "parliament"))
    local = dict(_series(case, "local"))
    for year in set(parliament) & set(local):
        if year >= case["first_period"]:
            parliament[year], local[year] = local[year], parliament[year]
    path = folder / f"{case['case']}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Year", "Series", "Units", "Value"])
        for name, values in (("parliament", parliament), ("local", local)):
            for year, value in sorted(values.items()):
                writer.writerow([year, name, "%", value])
    return path


def case_project(base: Path, case: dict[str, Any], real: dict[str, dict[str, Any]]) -> Project:
    folder = base.parent / case["case"]
    shutil.copytree(base, folder)
    if "edit" in case:
        source = {**real[case["edit"]], "case": case["case"], "first_period": case["first_period"]}
        path = edited_file(source, folder)
        selectors = {"parliament": {"code": "parliament"}, "local": {"code": "local"}}
        area = source["area"]
        described = "EDITED: the two series exchanged from " + case["first_period"]
    else:
        path = folder / Path(case["file"]).name  # its name gives the indicator id
        shutil.copy(ROOT / case["file"], path)
        selectors = {side: case[side] for side in ("parliament", "local")}
        area = case["area"]
        described = "the platform's file as published"
    with (folder / "tendik.toml").open("a", encoding="utf-8") as handle:
        handle.write(
            f'\n[sources.case]\npath = "{path.name}"\nformat = "opensdg"\narea = "{area}"\n'
            f'description = "{described}"\n'
        )
    for side, selector in selectors.items():
        (folder / "indicators" / f"case-{side}.yaml").write_text(
            json.dumps(
                {"id": f"case-{side}", "title": {"en": f"{case['case']}: {side}"},
                 "unit": "percent", "source": "case", "series": selector,
                 "sdmx_series": SDMX[side]},
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )  # fmt: skip
    project = load_project(folder)
    build_project(project)
    return project


def swaps_found(project: Project, quality: dict[str, Any]) -> list[Any]:
    report = validate_project(dataclasses.replace(project, quality=quality))
    return report.of_type("labels-look-swapped")


def score(
    projects: dict[str, Project],
    cases: list[dict[str, Any]],
    quality: dict[str, Any],
    verbose: bool = False,
) -> dict[str, int]:
    out = {"swapped": 0, "caught": 0, "first_right": 0, "clean": 0, "false_alarms": 0}
    case_ids = {"case-parliament", "case-local"}
    for case in cases:
        found = swaps_found(projects[case["case"]], quality)
        mine = [f for f in found if set(f.indicators) == case_ids
                or set(getattr(f, "alternative", ())) == case_ids]  # fmt: skip
        out["false_alarms"] += len(found) - len(mine)
        if verbose:
            firsts = [getattr(f, "first_period", None) for f in mine]
            others = len(found) - len(mine)
            print(f"    {case['case']}: swapped={case['swapped']} found={firsts} others={others}")
        if case["swapped"]:
            out["swapped"] += 1
            out["caught"] += bool(mine)
            first = getattr(mine[0], "first_period", None) if mine else None
            out["first_right"] += first == case["first_period"]
        else:
            out["clean"] += 1
            out["false_alarms"] += len(mine)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ratios", default="2,3,4,6,8")
    parser.add_argument("--min-periods", default="1,2,3")
    parser.add_argument("--defaults-only", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="each case's findings")
    args = parser.parse_args()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    real = {c["case"]: c for c in labels["tuning"] + labels["heldout"] if "file" in c}
    with tempfile.TemporaryDirectory() as tmp:
        base = base_project(Path(tmp) / "base")
        projects = {
            c["case"]: case_project(base, c, real) for c in labels["tuning"] + labels["heldout"]
        }
        shutil.copytree(BUNDLED_PROJECT, Path(tmp) / "bundled")
        bundled = load_project(Path(tmp) / "bundled")
        build_project(bundled)
        if args.defaults_only:
            settings: list[dict[str, Any]] = [{}]
        else:
            settings = [
                {"swap_ratio": float(r), "swap_min_periods": int(m)}
                for r in args.ratios.split(",")
                for m in args.min_periods.split(",")
            ]
        for setting in settings:
            quality = {"outliers": {"enabled": False}, "reconcile": setting}
            tuning = score(projects, labels["tuning"], quality, args.verbose)
            heldout = score(projects, labels["heldout"], quality, args.verbose)
            alarms = len(swaps_found(bundled, quality)) + len(
                swaps_found(bundled, {**bundled.quality, "reconcile": {
                    **bundled.quality.get("reconcile", {}), **setting}})
            )  # fmt: skip
            shown = setting or "defaults"
            print(
                f"{shown}: tuning caught {tuning['caught']}/{tuning['swapped']} "
                f"(first period right {tuning['first_right']}), false alarms "
                f"{tuning['false_alarms']} over {tuning['clean']} clean; held-out caught "
                f"{heldout['caught']}/{heldout['swapped']} (first period right "
                f"{heldout['first_right']}), false alarms {heldout['false_alarms']} over "
                f"{heldout['clean']} clean; bundled project false alarms {alarms}"
            )
        print(
            f"always 'no swap': tuning caught 0/{tuning['swapped']}, held-out caught "
            f"0/{heldout['swapped']}, no false alarm"
        )


if __name__ == "__main__":
    main()
