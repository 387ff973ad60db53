"""Load a text source: read the bytes, refuse what is not text, decode."""

from __future__ import annotations

from pathlib import Path

from tendik.errors import EmptyFile
from tendik.sources.encoding import decode
from tendik.sources.sniff import check_text_bytes, check_text_markup
from tendik.sources.spec import SourceSpec

FORMAT_NAMES: dict[str, str] = {
    "csv": "CSV",
    "tsv": "TSV",
    "wdi": "World Bank WDI CSV",
    "unsdg": "UN SDG tab-separated",
    "owid": "Our World in Data CSV",
    "opensdg": "Open SDG CSV",
    "figures": "published-figures CSV",
}


def load_text(spec: SourceSpec, path: Path) -> str:
    """The decoded text of a source file, without a byte-order mark."""
    claimed = FORMAT_NAMES.get(spec.format, spec.format)
    data = path.read_bytes()
    if not data:
        raise EmptyFile("the file is empty (0 bytes)", file=spec.path)
    check_text_bytes(data, spec.path, claimed)
    text = decode(data, spec.encoding, spec.path).lstrip("\ufeff")
    if not text.strip():
        raise EmptyFile("the file holds no text (only blanks)", file=spec.path)
    check_text_markup(text, spec.path, claimed)
    return text
