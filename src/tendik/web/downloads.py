"""Observations as files: CSV, JSON, Excel (openpyxl) and an SDMX-ML 2.1 generic data message."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import datetime
from itertools import groupby
from typing import Any

import pyarrow as pa
from openpyxl import Workbook

from tendik import __version__
from tendik.store import IndicatorInfo
from tendik.web.labels import synthetic_notice
from tendik.web.views import SourceView

FORMATS: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "sdmx": "application/vnd.sdmx.genericdata+xml;version=2.1",
}
BASE_COLUMNS = ("REF_AREA", "TIME_PERIOD")
VALUE_COLUMNS = ("OBS_VALUE", "UNIT_MEASURE", "numerator", "denominator", "OBS_STATUS",
                 "COMMENT_OBS", "source", "input_hash", "definition_hash", "tendik_version",
                 "computed_at")


def columns(table: pa.Table) -> list[str]:
    """The columns of a download: indicator, area, period, the breakdown, value, provenance."""
    dims = [c for c in table.column_names if c not in BASE_COLUMNS + VALUE_COLUMNS]
    values = [c for c in VALUE_COLUMNS if c in table.column_names]
    return ["indicator", *BASE_COLUMNS, *dims, *values]


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def records(indicator_id: str, table: pa.Table) -> list[dict[str, Any]]:
    """The observations as JSON-ready dicts, in the download's column order."""
    order = columns(table)
    out = []
    for row in table.to_pylist():
        row["indicator"] = indicator_id
        out.append({name: _plain(row[name]) for name in order})
    return out


def to_csv(indicator_id: str, table: pa.Table, *, synthetic: bool = False) -> bytes:
    """CSV of the observations; figures from synthetic data carry a ``synthetic`` column."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    order = columns(table)
    writer.writerow([*order, "synthetic"] if synthetic else order)
    for row in records(indicator_id, table):
        cells = ["" if row[c] is None else row[c] for c in order]
        writer.writerow([*cells, "true"] if synthetic else cells)
    return buffer.getvalue().encode("utf-8")


def to_json(info: IndicatorInfo, source: SourceView | None, table: pa.Table,
            by: str | None) -> bytes:
    synthetic = bool(source and source.synthetic)
    document: dict[str, Any] = {
        "indicator": info.id, "title": info.titles, "unit": info.unit, "by": by,
        "synthetic": synthetic, "definition_hash": info.definition_hash,
        "tendik_version": info.tendik_version,
    }
    if synthetic:
        document["synthetic_notice"] = synthetic_notice()
    document["observations"] = records(info.id, table)
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def to_xlsx(info: IndicatorInfo, source: SourceView | None, table: pa.Table) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("data")
    order = columns(table)
    sheet.append(order)
    for row in records(info.id, table):
        sheet.append([row[c] for c in order])
    about = book.create_sheet("about")
    for key, value in (
        ("indicator", info.id), ("title", info.title("en")), ("title_ru", info.titles.get("ru")),
        ("title_kk", info.titles.get("kk")), ("unit", info.unit),
        ("source", source.title if source else info.source),
        ("licence", source.licence if source else None),
        ("source_content_hash", source.content_hash if source else None),
        ("definition_hash", info.definition_hash), ("tendik_version", info.tendik_version),
        ("computed_at", _plain(info.computed_at)),
        ("synthetic", "yes: synthetic data, not real people" if source and source.synthetic
         else "no"),
    ):
        about.append([key, value])
    if isinstance(info.computed_at, datetime):
        book.properties.created = info.computed_at
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


NS = {
    "message": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message",
    "generic": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic",
    "common": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)


def _q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def _values(parent: ET.Element, tag: str, pairs: list[tuple[str, Any]]) -> None:
    given = [(key, value) for key, value in pairs if value is not None]
    if not given:
        return
    holder = ET.SubElement(parent, _q("generic", tag))
    for key, value in given:
        ET.SubElement(holder, _q("generic", "Value"), id=key, value=str(value))


def _header(root: ET.Element, info: IndicatorInfo, structure: str) -> None:
    header = ET.SubElement(root, _q("message", "Header"))
    ET.SubElement(header, _q("message", "ID")).text = f"TENDIK_{info.id}".upper().replace("-", "_")
    ET.SubElement(header, _q("message", "Test")).text = "false"
    prepared = info.computed_at.isoformat(timespec="seconds") if isinstance(
        info.computed_at, datetime) else str(info.computed_at)
    ET.SubElement(header, _q("message", "Prepared")).text = prepared
    ET.SubElement(header, _q("message", "Sender"), id="TENDIK")
    ref = ET.SubElement(header, _q("message", "Structure"), structureID=structure,
                        dimensionAtObservation="TIME_PERIOD")
    holder = ET.SubElement(ref, _q("common", "Structure"))
    ET.SubElement(holder, "Ref", agencyID="TENDIK", id="DSD_GENDER_EQUALITY", version=__version__)


def to_sdmx(info: IndicatorInfo, table: pa.Table) -> bytes:
    """A generic data message: one series per area (and breakdown value), one Obs per period.
    The indicator id stands in the INDICATOR dimension, the SDMX series code (where the
    indicator has one) in the SERIES attribute."""
    structure = "TENDIK_" + info.id.upper().replace("-", "_")
    root = ET.Element(_q("message", "GenericData"))
    _header(root, info, structure)
    dataset = ET.SubElement(root, _q("message", "DataSet"), structureRef=structure)
    dims = [c for c in columns(table) if c not in ("indicator", "TIME_PERIOD", *VALUE_COLUMNS)]

    def series_key(row: dict[str, Any]) -> tuple[tuple[bool, str], ...]:
        return tuple((row[d] is None, str(row[d] or "")) for d in dims)

    rows = sorted(records(info.id, table), key=series_key)
    for _key, grouped in groupby(rows, key=series_key):
        group = list(grouped)
        series = ET.SubElement(dataset, _q("generic", "Series"))
        # A missing breakdown value is the total, _T in SDMX.
        _values(series, "SeriesKey", [("INDICATOR", info.id),
                                      *((d, group[0][d] or "_T") for d in dims)])
        _values(series, "Attributes", [("UNIT_MEASURE", group[0]["UNIT_MEASURE"]),
                                       ("SERIES", info.sdmx_series)])
        for row in group:
            obs = ET.SubElement(series, _q("generic", "Obs"))
            ET.SubElement(obs, _q("generic", "ObsDimension"), value=str(row["TIME_PERIOD"]))
            if row["OBS_VALUE"] is not None:
                ET.SubElement(obs, _q("generic", "ObsValue"), value=repr(row["OBS_VALUE"]))
            _values(obs, "Attributes", [("OBS_STATUS", row["OBS_STATUS"]),
                                        ("COMMENT_OBS", row["COMMENT_OBS"])])
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def render(fmt: str, info: IndicatorInfo, source: SourceView | None, table: pa.Table,
           by: str | None) -> bytes:
    """The observations in ``fmt`` (csv, json, xlsx or sdmx)."""
    if fmt == "csv":
        return to_csv(info.id, table, synthetic=bool(source and source.synthetic))
    if fmt == "json":
        return to_json(info, source, table, by)
    if fmt == "xlsx":
        return to_xlsx(info, source, table)
    return to_sdmx(info, table)
