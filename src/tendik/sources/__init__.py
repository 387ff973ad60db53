"""Read a project's sources into validated Arrow tables: one reader per format, one interface.

``read_source`` is the entry point: it finds the file, reads it with the reader of its declared
format, validates it, and returns the whole table or raises a typed ``SourceError`` that names
the file (as given in the source's ``path``), the row and the column.

Tables returned:
- csv, tsv, excel, parquet: the declared columns in declared order, typed; then the columns the
  file has but the source does not declare, as strings; then "_row". Without declared columns,
  every column in file order, typed by inference. Cells are trimmed; a blank cell is null;
  wholly blank rows are skipped; header names are trimmed.
- wdi, unsdg, owid, opensdg: SERIES_COLUMNS, then breakdowns (Open SDG), then "_row"; cells
  without a value are dropped.
- figures (a ledger of published figures): the file's columns as written, then the normal form
  of each figure (see tendik.sources.figures), then "_row".
"_row" is the 1-based row a person sees: the line in a text file (header = its line, metadata
lines above it counted), the sheet row in Excel, the position in a Parquet file.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from tendik.errors import SourceError, SourceFileMissing
from tendik.sources.spec import SourceSpec

if TYPE_CHECKING:
    import pyarrow as pa

    from tendik.sources.base import Reader

__all__ = ["READERS", "Reader", "content_hash", "read_source", "source_exists", "source_hash"]


@cache
def readers() -> dict[str, Reader]:
    """The reader of each format, imported on first use (so that importing a source's spec
    does not load pyarrow, openpyxl and the rest)."""
    from tendik.sources.csvfile import DelimitedReader
    from tendik.sources.excel import ExcelReader
    from tendik.sources.figures import FiguresReader
    from tendik.sources.opensdg import OpenSdgReader
    from tendik.sources.owid import OwidReader
    from tendik.sources.parquet import ParquetReader
    from tendik.sources.unsdg import UnSdgReader
    from tendik.sources.wdi import WdiReader

    return {
        reader.format: reader
        for reader in (
            DelimitedReader("csv"),
            DelimitedReader("tsv", default_delimiter="\t"),
            ExcelReader(),
            ParquetReader(),
            WdiReader(),
            UnSdgReader(),
            OwidReader(),
            OpenSdgReader(),
            FiguresReader(),
        )
    }


def __getattr__(name: str) -> object:
    if name == "READERS":
        return readers()
    if name == "Reader":
        from tendik.sources.base import Reader

        return Reader
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


HASH_CHUNK = 1 << 20


def read_source(spec: SourceSpec, project_dir: Path) -> pa.Table:
    """The validated table of one source, its path resolved against the project folder."""
    path = Path(project_dir) / spec.path
    if not source_exists(spec, path):
        raise SourceFileMissing(f"the source file was not found at {path}", file=spec.path)
    reader = readers().get(spec.format)
    if reader is None:
        raise SourceError(f"no reader for the format '{spec.format}'", file=spec.path)
    try:
        return reader.read(spec, path)
    except SourceError:
        raise
    except OSError as exc:
        raise SourceError(
            f"the file cannot be read: {exc.strerror or exc}", file=spec.path
        ) from None


def content_hash(path: Path) -> str:
    """The sha256 (hex) of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def is_repository(spec: SourceSpec, path: Path) -> bool:
    """An Open SDG source whose path names the folder of a data repository."""
    return spec.format == "opensdg" and Path(path).is_dir()


def source_exists(spec: SourceSpec, path: Path) -> bool:
    """A file, or for Open SDG also a data repository's folder."""
    return Path(path).is_file() or is_repository(spec, path)


def source_hash(spec: SourceSpec, path: Path) -> str:
    """The sha256 of what reading the source reads: its file, or a repository's data files."""
    if is_repository(spec, path):
        from tendik.sources.opensdg_repo import repository_hash

        return repository_hash(spec, Path(path))
    return content_hash(path)
