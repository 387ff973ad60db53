"""SDMX-ML 2.1: structure.xml (see sdmx_structure) and one structure-specific data message per
indicator, data/{indicator}.xml, written with sdmx1's model and writer.

Each series is one REF_AREA and one code per breakdown ("_T" = total), observed over
TIME_PERIOD; every observation carries UNIT_MEASURE, OBS_STATUS and, where there is one,
COMMENT_OBS. A suppressed observation (OBS_STATUS C) has no OBS_VALUE.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import sdmx
from sdmx import message
from sdmx.model import common
from sdmx.model import v21 as m

from tendik.publish.report import PublishReport
from tendik.publish.sdmx_ids import indicator_code
from tendik.publish.sdmx_structure import AREA, Structures, build_structures
from tendik.publish.table import TOTAL, Publication

STRUCTURE_FILE = "structure.xml"
DATA_DIR = "data"
ATTRIBUTES: tuple[str, ...] = ("UNIT_MEASURE", "OBS_STATUS", "COMMENT_OBS")


def data_path(indicator_id: str) -> str:
    return f"{DATA_DIR}/{indicator_id}.xml"


def _series_rows(table: pa.Table, keys: list[str]) -> Iterator[tuple[tuple[Any, ...], dict]]:
    columns = {name: table.column(name).to_pylist() for name in table.column_names}
    for index in range(table.num_rows):
        row = {name: values[index] for name, values in columns.items()}
        yield tuple(row[k] for k in keys), row


class _Observations:
    """Makes the observations of one data set; the time keys and attribute sets that repeat
    (the same year, the same unit and status) are made once and shared, read-only."""

    def __init__(self, dsd: m.DataStructureDefinition) -> None:
        self.dsd = dsd
        self.time = dsd.dimensions.get("TIME_PERIOD")
        self.measure = dsd.measures.get("OBS_VALUE")
        self.attributes = {name: dsd.attributes.get(name) for name in ATTRIBUTES}
        self.keys: dict[str, common.Key] = {}
        self.attached: dict[tuple[Any, ...], Any] = {}

    def make(self, row: dict[str, Any], series: m.SeriesKey) -> m.Observation:
        period = row["TIME_PERIOD"]
        key = self.keys.get(period)
        if key is None:
            key = self.keys[period] = common.Key(
                [common.KeyValue(id="TIME_PERIOD", value=period, value_for=self.time)])
        marks = tuple(row[name] for name in ATTRIBUTES)
        attached = self.attached.get(marks)
        if attached is None:
            attached = {name: common.AttributeValue(value=value, value_for=self.attributes[name])
                        for name, value in zip(ATTRIBUTES, marks, strict=True)
                        if value is not None}
        obs = m.Observation(series_key=series, dimension=key, value=row["OBS_VALUE"],
                            value_for=self.measure, attached_attribute=attached)
        self.attached.setdefault(marks, obs.attached_attribute)
        return obs


def data_message(structures: Structures, indicator_id: str, table: pa.Table,
                 dims: list[str]) -> message.DataMessage:
    """The structure-specific data message of one indicator (rows in time order per series)."""
    dsd = structures.dsds[indicator_id]
    time = dsd.dimensions.get("TIME_PERIOD")
    make = _Observations(dsd).make
    keys = [AREA, *dims]
    grouped: dict[tuple[Any, ...], tuple[m.SeriesKey, list[m.Observation]]] = {}
    for values, row in _series_rows(table, keys):
        entry = grouped.get(values)
        if entry is None:
            codes = {k: TOTAL if v is None else structures.codes[k][v]
                     for k, v in zip(keys, values, strict=True)}
            entry = grouped[values] = (dsd.make_key(m.SeriesKey, codes), [])
        entry[1].append(make(row, entry[0]))
    series = dict(grouped.values())
    dataset = m.StructureSpecificDataSet(structured_by=dsd, series=series)
    header = message.Header(id=f"{indicator_code(indicator_id)}_DATA", prepared=datetime.now(),
                            sender=structures.agency)
    return message.DataMessage(header=header, data=[dataset],
                               dataflow=structures.flows[indicator_id],
                               observation_dimension=time)


def write_sdmx(pub: Publication, out: Path) -> PublishReport:
    """structure.xml and one data message per indicator under ``out``."""
    report = PublishReport("sdmx", out)
    tables = {info.id: pub.observations(info) for info in pub.indicators}
    structures = build_structures(pub, tables)
    (out / DATA_DIR).mkdir(parents=True, exist_ok=True)
    structure_path = out / STRUCTURE_FILE
    structure_path.write_bytes(sdmx.to_xml(structures.message, pretty_print=True))
    report.add(structure_path)
    for info in pub.indicators:
        table = tables[info.id]
        dm = data_message(structures, info.id, table, pub.dimensions(info))
        path = out / data_path(info.id)
        path.write_bytes(sdmx.to_xml(dm, pretty_print=True))
        report.add(path, table.num_rows)
    return report
