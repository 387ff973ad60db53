"""Open-data files from the warehouse: CSV, Excel, SDMX-ML, a Frictionless data package, Open SDG.

``publish(project, out, fmt)`` writes one format into the folder ``out``. Everything comes from
the warehouse's observations (never from records); a suppressed cell (OBS_STATUS C) is published
with its value blank and its status C.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal, get_args

from tendik.errors import PublishError, UnknownPublishFormat
from tendik.project import Project
from tendik.publish.csv_files import write_csv
from tendik.publish.datapackage import write_datapackage
from tendik.publish.excel import write_xlsx
from tendik.publish.opensdg import write_opensdg
from tendik.publish.report import PublishReport
from tendik.publish.sdmx_ml import write_sdmx
from tendik.publish.table import Publication

__all__ = ["FORMATS", "WRITERS", "Format", "PublishReport", "publish"]

Format = Literal["csv", "xlsx", "sdmx", "datapackage", "opensdg"]
FORMATS: tuple[str, ...] = get_args(Format)
Writer = Callable[[Publication, Path], PublishReport]
WRITERS: dict[str, Writer] = {
    "csv": write_csv,
    "xlsx": write_xlsx,
    "sdmx": write_sdmx,
    "datapackage": write_datapackage,
    "opensdg": write_opensdg,
}


def publish(project: Project, out: Path, fmt: Format) -> PublishReport:
    """Write the project's warehouse into ``out`` in one open-data format."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise UnknownPublishFormat(
            f"no publishing format '{fmt}' (formats: {', '.join(FORMATS)})", key="format")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise PublishError("the output path is a file, not a folder", file=out)
    started = time.perf_counter()
    pub = Publication.open(project)
    try:
        if not pub.indicators:
            raise PublishError("the warehouse holds no indicators to publish",
                               file=project.warehouse_path)
        out.mkdir(parents=True, exist_ok=True)
        report = writer(pub, out)
    finally:
        pub.close()
    report.seconds = time.perf_counter() - started
    return report
