"""Open SDG: data/indicator_{5-5-1}.csv and meta/{5-5-1}.yml for the project's own area.

One data file per SDG indicator. Columns: Year; Series, where several tendik indicators share the
SDG code (each indicator's English title names its series, as national Open SDG repositories do);
one column per breakdown, named as Open SDG names them ("Age", "Region"), blank = total; Units;
"Observation status" where any value is not a normal one (a suppressed value is blank there, with
the status "Confidential value (suppressed)"); GeoCode, where a Region is an ISO 3166-2:KZ code
(the Region column then gives the region's English name, the GeoCode its code, for Open SDG's
maps); Value. Headline rows (no breakdown) come first in
each series. Indicators without an SDG code, or without observations for the project's area, are
left out and listed in the report.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from tendik.errors import UnknownCode
from tendik.publish.opensdg_meta import dashed, indicator_meta, write_meta
from tendik.publish.report import PublishReport
from tendik.publish.table import STATUS_NAMES, UNIT_NAMES, Publication
from tendik.reference import region
from tendik.store import IndicatorInfo

DATA_DIR = "data"
META_DIR = "meta"
NORMAL = "A"
REGION = "REGION"
GEOCODE = "GeoCode"


def column_name(dimension: str) -> str:
    """The Open SDG column of a dimension: 'DISABILITY_STATUS' -> 'Disability status'."""
    return dimension.replace("_", " ").strip().capitalize()


def _value(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def region_cells(value: str) -> tuple[str, str]:
    """(Region, GeoCode) of a region value: a Kazakh region's English name and its ISO code."""
    try:
        found = region(value)
    except (UnknownCode, KeyError):
        return value, ""
    return found.name_en, found.code


def _rows(table: pa.Table, info: IndicatorInfo, dims: list[str]) -> list[dict[str, Any]]:
    rows = []
    for record in table.to_pylist():
        row: dict[str, Any] = {"Year": record["TIME_PERIOD"], "Series": info.title("en")}
        for dim in dims:
            row[column_name(dim)] = record[dim] or ""
            if dim == REGION and record[dim] is not None:
                row[column_name(dim)], row[GEOCODE] = region_cells(record[dim])
        unit = record["UNIT_MEASURE"] or ""
        row["Units"] = UNIT_NAMES.get(unit, unit)
        row["Observation status"] = STATUS_NAMES.get(record["OBS_STATUS"] or NORMAL,
                                                     record["OBS_STATUS"])
        row["Value"] = _value(record["OBS_VALUE"])
        row["_status"] = record["OBS_STATUS"] or NORMAL
        row["_indicator"] = info.id
        row["_detail"] = sum(1 for dim in dims if record[dim] is not None)
        rows.append(row)
    return rows


def _columns(rows: list[dict[str, Any]], breakdowns: list[str], series: bool) -> list[str]:
    columns = ["Year", *(["Series"] if series else []), *breakdowns, "Units"]
    if any(row["_status"] != NORMAL for row in rows):
        columns.append("Observation status")
    if any(row.get(GEOCODE) for row in rows):
        columns.append(GEOCODE)
    return [*columns, "Value"]


def write_indicator_csv(path: Path, rows: list[dict[str, Any]], columns: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore", restval="")
        writer.writeheader()
        writer.writerows(rows)


def _group(pub: Publication, report: PublishReport) -> dict[str, list[IndicatorInfo]]:
    by_sdg: dict[str, list[IndicatorInfo]] = {}
    for info in pub.indicators:
        if info.sdg:
            by_sdg.setdefault(info.sdg.strip(), []).append(info)
        else:
            report.left_out[info.id] = "no SDG indicator code"
    return by_sdg


def _sort_key(row: dict[str, Any], order: dict[str, int], breakdowns: list[str]) -> tuple:
    return (order[row["_indicator"]], row["_detail"], *(row.get(b, "") for b in breakdowns),
            row["Year"])


def write_opensdg(pub: Publication, out: Path) -> PublishReport:
    """An Open SDG data and meta folder for the project's area under ``out``."""
    report = PublishReport("opensdg", out)
    area = pub.project.area
    for sdg, infos in sorted(_group(pub, report).items()):
        rows: list[dict[str, Any]] = []
        breakdowns: list[str] = []
        kept: list[IndicatorInfo] = []
        earliest: dict[str, str] = {}
        for info in infos:
            table = pub.observations(info)
            table = table.filter(pc.equal(table.column("REF_AREA"), area))
            if table.num_rows == 0:
                report.left_out[info.id] = f"no observations for {area}"
                continue
            dims = pub.dimensions(info)
            breakdowns += [column_name(d) for d in dims if column_name(d) not in breakdowns]
            rows += _rows(table, info, dims)
            kept.append(info)
            earliest[info.id] = pc.min(table.column("TIME_PERIOD")).as_py()
        if not kept:
            continue
        order = {info.id: n for n, info in enumerate(kept)}
        rows.sort(key=lambda row: _sort_key(row, order, breakdowns))
        data = out / DATA_DIR / f"indicator_{dashed(sdg)}.csv"
        write_indicator_csv(data, rows, _columns(rows, breakdowns, series=len(kept) > 1))
        report.add(data, len(rows))
        units = sorted({row["Units"] for row in rows})
        meta = out / META_DIR / f"{dashed(sdg)}.yml"
        write_meta(meta, indicator_meta(pub, sdg, kept, earliest, units))
        report.add(meta)
    return report
