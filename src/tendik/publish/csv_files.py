"""CSV: one SDMX-CSV-like file per indicator (every breakdown, "_T" = total) and a catalogue.

Files: catalogue.csv and data/{indicator}.csv, UTF-8 without a byte-order mark, a header row,
text quoted. Columns: DATAFLOW (AGENCY:DF_ID(VERSION), as in SDMX-CSV), INDICATOR, REF_AREA,
TIME_PERIOD, one per breakdown dimension, OBS_VALUE, UNIT_MEASURE, OBS_STATUS, COMMENT_OBS.
A suppressed cell (OBS_STATUS C) has a blank OBS_VALUE.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from tendik.publish.report import PublishReport
from tendik.publish.sdmx_ids import dataflow_ref
from tendik.publish.table import Publication, fill_totals
from tendik.store import IndicatorInfo

CATALOGUE = "catalogue.csv"
DATA_DIR = "data"


def data_path(indicator_id: str) -> str:
    """Where an indicator's file lies, relative to the publication folder."""
    return f"{DATA_DIR}/{indicator_id}.csv"


def indicator_table(pub: Publication, info: IndicatorInfo) -> pa.Table:
    """The rows of one indicator's CSV file."""
    table = fill_totals(pub.observations(info), pub.dimensions(info))
    flows = pa.array([dataflow_ref(info.id)] * table.num_rows, pa.string())
    return table.add_column(0, "DATAFLOW", flows)


def catalogue_table(pub: Publication) -> pa.Table:
    rows = [{**pub.catalogue_row(info), "file": data_path(info.id)} for info in pub.indicators]
    return pa.Table.from_pylist(rows)


def write_table(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pacsv.write_csv(table, path, pacsv.WriteOptions(quoting_style="needed"))


def write_csv(pub: Publication, out: Path) -> PublishReport:
    """catalogue.csv and one CSV per indicator under ``out``."""
    report = PublishReport("csv", out)
    for info in pub.indicators:
        table = indicator_table(pub, info)
        path = out / data_path(info.id)
        write_table(table, path)
        report.add(path, table.num_rows)
    write_table(catalogue_table(pub), out / CATALOGUE)
    report.add(out / CATALOGUE)
    return report
