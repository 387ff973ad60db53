"""A Frictionless tabular data package: the CSV files plus datapackage.json with table schemas.

Each indicator is a resource (data/{indicator}.csv) whose schema gives every column a type, marks
the key columns required, names the primary key (REF_AREA, TIME_PERIOD and the breakdowns; "_T"
is the total, so no key cell is blank), declares a blank cell as missing (a suppressed OBS_VALUE)
and links INDICATOR to the "catalogue" resource. Licences are given per resource, where the
source's licence is one tendik can name (CC BY 4.0); every source is listed with its publisher.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from tendik.publish.csv_files import (
    CATALOGUE,
    catalogue_table,
    data_path,
    indicator_table,
    write_table,
)
from tendik.publish.report import PublishReport
from tendik.publish.table import STATUS_NAMES, Publication
from tendik.store import IndicatorInfo

DESCRIPTOR = "datapackage.json"
CATALOGUE_RESOURCE = "catalogue"
LICENCES: dict[str, dict[str, str]] = {
    "CC BY 4.0": {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0",
    },
}
CATALOGUE_TYPES: dict[str, str] = {"observations": "integer", "synthetic": "boolean"}
_NOT_NAME = re.compile(r"[^a-z0-9._-]+")


def package_name(project_name: str) -> str:
    """A data-package name (lower case, digits, '.', '_', '-') from the project's name."""
    return _NOT_NAME.sub("-", project_name.lower()).strip("-") or "tendik"


def _period_type(table: pa.Table) -> str:
    periods = table.column("TIME_PERIOD")
    years = pc.all(pc.match_substring_regex(periods, r"^\d{4}$")).as_py()
    return "year" if years in (True, None) else "string"


def _field(name: str, kind: str = "string", *, required: bool = True,
           **constraints: Any) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": kind}
    if required or constraints:
        field["constraints"] = {"required": required, **constraints}
    return field


def observation_schema(table: pa.Table, info: IndicatorInfo, dims: list[str]) -> dict[str, Any]:
    """The table schema of one indicator's CSV file."""
    fields = [
        _field("DATAFLOW"),
        _field("INDICATOR", enum=[info.id]),
        _field("REF_AREA"),
        _field("TIME_PERIOD", _period_type(table)),
        *(_field(dim) for dim in dims),
        _field("OBS_VALUE", "number", required=False),
        _field("UNIT_MEASURE"),
        _field("OBS_STATUS", enum=list(STATUS_NAMES)),
        _field("COMMENT_OBS", required=False),
    ]
    return {
        "fields": fields,
        "missingValues": [""],
        "primaryKey": ["REF_AREA", "TIME_PERIOD", *dims],
        "foreignKeys": [{"fields": ["INDICATOR"],
                         "reference": {"resource": CATALOGUE_RESOURCE, "fields": ["id"]}}],
    }


def catalogue_schema(table: pa.Table) -> dict[str, Any]:
    fields = [_field(name, CATALOGUE_TYPES.get(name, "string"), required=name == "id")
              for name in table.column_names]
    return {"fields": fields, "missingValues": [""], "primaryKey": ["id"]}


def _resource(name: str, path: str, schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "name": name, "path": path, "profile": "tabular-data-resource", "format": "csv",
        "mediatype": "text/csv", "encoding": "utf-8", **extra, "schema": schema,
    }


def _source_entry(source: dict[str, Any]) -> dict[str, str]:
    entry = {"title": source.get("title") or source["id"]}
    if source.get("publisher"):
        entry["publisher"] = source["publisher"]
    if source.get("licence"):
        entry["licence"] = source["licence"]
    return entry


def indicator_resource(pub: Publication, info: IndicatorInfo, table: pa.Table) -> dict[str, Any]:
    source = pub.source(info)
    extra: dict[str, Any] = {"title": info.title("en"), "sources": [_source_entry(source)]}
    licence = LICENCES.get(source.get("licence") or "")
    if licence:
        extra["licenses"] = [licence]
    if source.get("synthetic"):
        extra["description"] = "Synthetic data, generated for demonstration: not evidence."
    return _resource(info.id, data_path(info.id),
                     observation_schema(table, info, pub.dimensions(info)), **extra)


def write_datapackage(pub: Publication, out: Path) -> PublishReport:
    """The CSV files and datapackage.json describing them, under ``out``."""
    report = PublishReport("datapackage", out)
    resources = []
    for info in pub.indicators:
        table = indicator_table(pub, info)
        write_table(table, out / data_path(info.id))
        report.add(out / data_path(info.id), table.num_rows)
        resources.append(indicator_resource(pub, info, table))
    catalogue = catalogue_table(pub)
    write_table(catalogue, out / CATALOGUE)
    report.add(out / CATALOGUE)
    resources.insert(0, _resource(CATALOGUE_RESOURCE, CATALOGUE, catalogue_schema(catalogue),
                                  title="Catalogue of indicators"))
    descriptor = {
        "profile": "tabular-data-package",
        "name": package_name(pub.project.name),
        "title": f"{pub.project.name}: gender-equality indicators",
        "created": datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "sources": [_source_entry(pub.sources[s]) for s in sorted(pub.sources)],
        "resources": resources,
    }
    path = out / DESCRIPTOR
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    report.add(path)
    return report
