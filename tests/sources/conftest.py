"""Shared paths and helpers for the source-reader tests: real files, copied and edited in tmp."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pytest

import tendik
from tendik.sources import read_source
from tendik.sources.spec import SourceSpec

BUNDLED = Path(tendik.__file__).parent / "bundled" / "kazakhstan" / "sources"
SAMPLES = Path(__file__).parents[1] / "fixtures" / "open-sdg-samples"

Read = Callable[..., pa.Table]
Edit = Callable[..., str]


@pytest.fixture
def bundled() -> Path:
    """The bundled Kazakhstan sources (real published files)."""
    return BUNDLED


@pytest.fixture
def samples() -> Path:
    """Open SDG data files from two national statistics offices."""
    return SAMPLES


@pytest.fixture
def read() -> Read:
    """read(root, path, format, **spec options) -> the table read_source returns."""

    def _read(root: Path, path: str, fmt: str, **options: object) -> pa.Table:
        return read_source(SourceSpec(id="test", path=path, format=fmt, **options), root)

    return _read


@pytest.fixture
def edit(tmp_path: Path) -> Edit:
    """edit(source, name, change) writes change(source text) to tmp_path/name; returns name.

    ``change`` takes and returns str (the file read as UTF-8 with its BOM kept, written back
    in ``encoding``), or bytes when ``raw=True``. The original line ends are kept.
    """

    def _edit(
        source: Path, name: str, change: Callable, raw: bool = False, encoding: str = "utf-8"
    ) -> str:
        data = source.read_bytes()
        if raw:
            out = change(data)
        else:
            out = change(data.decode("utf-8")).encode(encoding)
        (tmp_path / name).write_bytes(out)
        return name

    return _edit
