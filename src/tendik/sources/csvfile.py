"""CSV and TSV sources: delimited text with a declared (or inferred) schema."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from tendik.sources.delimited import read_delimited
from tendik.sources.schema import apply_schema
from tendik.sources.spec import SourceSpec
from tendik.sources.textfile import load_text


@dataclass(frozen=True)
class DelimitedReader:
    """Reads csv (delimiter declared or detected) and tsv (tab unless declared)."""

    format: str
    default_delimiter: str | None = None

    def read(self, spec: SourceSpec, path: Path) -> pa.Table:
        text = load_text(spec, path)
        raw = read_delimited(
            text,
            file=spec.path,
            delimiter=spec.delimiter or self.default_delimiter,
            header_row=spec.header_row,
        )
        return apply_schema(raw, spec)
