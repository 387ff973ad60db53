"""Open SDG: data/indicator_{5-5-1}.csv and meta/{5-5-1}.yml for the project's own area.

One data file per SDG indicator. Columns: Year; Series, where several tendik indicators share the
SDG code (each indicator's English title names its series, as national Open SDG repositories do);
one column per breakdown, named as Open SDG names them ("Age", "Region"), blank = total; Units,
only where a file's values come in more than one unit (one unit is the metadata's
computation_units); "Observation status" where any value is not a normal one (a suppressed value
is blank there, with the status "Confidential value (suppressed)"); GeoCode, where a Region is an
ISO 3166-2:KZ code (the Region column then gives the region's English name, the GeoCode its code,
for Open SDG's maps); Value, a whole number written as one (138, not 138.0). Headline rows (no
breakdown) come first in each series. Indicators without an SDG code, or without observations
for the project's area, are left out and listed in the report. The whole file is built as Arrow
columns, never row by row.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

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


def value_text(values: pa.ChunkedArray | pa.Array) -> pa.Array:
    """Values as Open SDG files write them: a whole number without a decimal point (138, not
    138.0), any other in the fewest digits that read back the same (19.4); blank where withheld."""
    floats = pc.cast(values, pa.float64())
    if isinstance(floats, pa.ChunkedArray):
        floats = floats.combine_chunks()
    whole = pc.and_(pc.equal(floats, pc.floor(floats)), pc.less(pc.abs(floats), 1e15))
    integers = pc.cast(pc.if_else(whole, floats, 0.0), pa.int64())
    text = pc.if_else(whole, pc.cast(integers, pa.string()), pc.cast(floats, pa.string()))
    return pc.fill_null(text, "")


def region_cells(value: str) -> tuple[str, str]:
    """(Region, GeoCode) of a region value: a Kazakh region's English name and its ISO code."""
    try:
        found = region(value)
    except (UnknownCode, KeyError):
        return value, ""
    return found.name_en, found.code


def _mapped(column: pa.ChunkedArray, lookup: Callable[[str], str]) -> pa.Array:
    """``lookup`` applied to each distinct value of a text column (null -> blank)."""
    distinct = pc.unique(column).drop_null()
    mapped = pa.array([lookup(v) for v in distinct.to_pylist()] + [""], pa.string())
    where = pc.fill_null(pc.index_in(column, value_set=distinct), len(distinct))
    return pc.take(mapped, where).combine_chunks()


def _columns_of(table: pa.Table, info: IndicatorInfo, dims: list[str], order: int) -> pa.Table:
    """One indicator's rows as Open SDG columns (and the keys they are sorted by)."""
    n = table.num_rows
    columns: dict[str, pa.Array | pa.ChunkedArray] = {
        "_order": pa.array([order] * n, pa.int32()),
        "_detail": sum_valid(table, dims),
        "Year": table.column("TIME_PERIOD"),
        "Series": pa.array([info.title("en")] * n, pa.string()),
    }
    for dim in dims:
        cells = table.column(dim)
        if dim == REGION:
            columns[column_name(dim)] = _mapped(cells, lambda v: region_cells(v)[0])
            columns[GEOCODE] = _mapped(cells, lambda v: region_cells(v)[1])
        else:
            columns[column_name(dim)] = pc.fill_null(cells, "")
    columns["Units"] = _mapped(table.column("UNIT_MEASURE"), lambda u: UNIT_NAMES.get(u, u))
    status = pc.fill_null(table.column("OBS_STATUS"), NORMAL)
    columns["_status"] = status
    columns["Observation status"] = _mapped(status, lambda s: STATUS_NAMES.get(s, s))
    columns["Value"] = value_text(table.column("OBS_VALUE"))
    return pa.table(columns)


def sum_valid(table: pa.Table, dims: list[str]) -> pa.Array | pa.ChunkedArray:
    """How many of ``dims`` each row breaks down by (0 = the headline)."""
    total = pa.array([0] * table.num_rows, pa.int64())
    for dim in dims:
        total = pc.add(total, pc.cast(pc.is_valid(table.column(dim)), pa.int64()))
    return total


def _file_table(parts: list[pa.Table], breakdowns: list[str], series: bool) -> pa.Table:
    """The rows of one data file, in order, with the columns it needs and no others."""
    filled = []
    for part in parts:
        for name in [*breakdowns, GEOCODE]:
            if name not in part.column_names:
                part = part.append_column(name, pa.array([""] * part.num_rows, pa.string()))
        filled.append(part)
    table = pa.concat_tables(filled, promote_options="permissive")
    keys = ["_order", "_detail", *breakdowns, "Year"]
    table = table.sort_by([(k, "ascending") for k in keys])
    columns = ["Year", *(["Series"] if series else []), *breakdowns]
    if pc.count_distinct(table.column("Units")).as_py() > 1:
        columns.append("Units")  # one unit goes in the metadata (computation_units)
    if pc.any(pc.not_equal(table.column("_status"), NORMAL)).as_py():
        columns.append("Observation status")
    if pc.any(pc.not_equal(table.column(GEOCODE), "")).as_py():
        columns.append(GEOCODE)
    return table.select([*columns, "Value"])


def write_indicator_csv(path: Path, table: pa.Table) -> None:
    """A data file: a header, then the rows; cells quoted only where they need it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    cells = [table.column(name).to_pylist() for name in table.column_names]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(table.column_names)
        writer.writerows(zip(*cells, strict=True))


def _group(pub: Publication, report: PublishReport) -> dict[str, list[IndicatorInfo]]:
    by_sdg: dict[str, list[IndicatorInfo]] = {}
    for info in pub.indicators:
        if info.sdg:
            by_sdg.setdefault(info.sdg.strip(), []).append(info)
        else:
            report.left_out[info.id] = "no SDG indicator code"
    return by_sdg


def write_opensdg(pub: Publication, out: Path) -> PublishReport:
    """An Open SDG data and meta folder for the project's area under ``out``."""
    report = PublishReport("opensdg", out)
    area = pub.project.area
    for sdg, infos in sorted(_group(pub, report).items()):
        parts: list[pa.Table] = []
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
            parts.append(_columns_of(table, info, dims, len(kept)))
            kept.append(info)
            earliest[info.id] = pc.min(table.column("TIME_PERIOD")).as_py()
        if not kept:
            continue
        rows = _file_table(parts, breakdowns, series=len(kept) > 1)
        data = out / DATA_DIR / f"indicator_{dashed(sdg)}.csv"
        write_indicator_csv(data, rows)
        report.add(data, rows.num_rows)
        units = sorted(set().union(*(p.column("Units").unique().to_pylist() for p in parts)))
        meta = out / META_DIR / f"{dashed(sdg)}.yml"
        write_meta(meta, indicator_meta(pub, sdg, kept, earliest, units))
        report.add(meta)
    return report
