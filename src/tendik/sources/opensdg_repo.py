"""An Open SDG data repository read as one source: its folder, as a platform keeps it.

The layout sdg-build reads: data files ``data/indicator_5-5-1.csv`` (or ``data/5-5-1.csv``, as
Kyrgyzstan names them; a ``path_pattern`` of an ``InputCsvData`` input in ``config_data.yml``
wins), metadata ``meta/5-5-1.yml`` or ``.md`` (YAML between ``---`` lines), or
``indicator-config/5-5-1.yml``, ``indicator_settings/5-5-1.md``; and ``config_data.yml``, whose
``indicator_options.non_disaggregation_columns`` are columns that are not breakdowns.

Each data file is read as an Open SDG file; its messages name it inside the folder. A file
without values (an indicator not yet reported, Open SDG's usual state for many) is skipped. A
file without a unit column takes its indicator's unit from the metadata (``computation_units``
or ``measurement_units``: "Percentage (%)", "Процент", or a translation key "UNIT_MEASURE.PT").
Each row carries its indicator in the breakdown SDG_INDICATOR: a series code names a series
within one indicator only (Kazakhstan's 2-2-1 and 2-2-2 both use _L_KZ_DD_MSD, for stunting
and for wasting; SDG 1.5.2 and 11.5.2 publish the same series twice). An indicator that picks
a series found in one file has SDG_INDICATOR constant, and so not among its dimensions; one
found in several files chooses with ``series.where = "SDG_INDICATOR = '2-2-1'"``. Only regular
files inside the folder are read; a link leading out of it is refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import yaml

from tendik.errors import EmptyFile, FormatMismatch, SourceError, SourceFileMissing
from tendik.sources.opensdg import indicator_id, read_indicator_file
from tendik.sources.spec import ROW_COLUMN, SERIES_COLUMNS, SourceSpec
from tendik.sources.units import unit_code

CONFIG = "config_data.yml"
DATA_PATTERNS = ("data/indicator_*.csv", "data/*.csv")
META_PLACES = (
    "meta/{id}.yml",
    "meta/{id}.yaml",
    "meta/{id}.md",
    "indicator-config/{id}.yml",
    "indicator_settings/{id}.md",
)
UNIT_KEYS = ("computation_units", "measurement_units")
INDICATOR_COLUMN = "SDG_INDICATOR"  # the breakdown naming each row's indicator ("5-5-1")
HASH_CHUNK = 1 << 20


def _inside(folder: Path, path: Path, shown: str) -> Path:
    """``path`` itself, if it is a regular file that resolves inside ``folder``."""
    if not path.resolve().is_relative_to(folder.resolve()):
        raise SourceError("the file leads out of the data repository's folder", file=shown)
    return path


def _shown(spec: SourceSpec, folder: Path, path: Path) -> str:
    return f"{spec.path.rstrip('/')}/{path.relative_to(folder).as_posix()}"


def _yaml(text: str, shown: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise FormatMismatch(f"cannot read the YAML: {problem}", file=shown, row=row) from None


def _read_yaml_file(path: Path, shown: str) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatMismatch(f"the file is not UTF-8 text ({exc.reason})", file=shown) from None
    if path.suffix == ".md":  # front matter between "---" lines, then page text
        parts = text.split("\n---", 1) if text.startswith("---") else []
        text = parts[0][3:] if parts else ""
    found = _yaml(text, shown)
    if found is None:
        return {}
    if not isinstance(found, dict):
        raise FormatMismatch("the metadata is not a mapping of fields", file=shown, row=1)
    return found


def _config(spec: SourceSpec, folder: Path) -> dict[str, Any]:
    path = folder / CONFIG
    if not path.is_file():
        return {}
    return _read_yaml_file(_inside(folder, path, _shown(spec, folder, path)), CONFIG)


def _not_breakdowns(config: dict[str, Any], spec: SourceSpec) -> list[str]:
    options = config.get("indicator_options") or {}
    names = options.get("non_disaggregation_columns", []) if isinstance(options, dict) else []
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise FormatMismatch(
            "indicator_options.non_disaggregation_columns must be a list of column names",
            file=f"{spec.path.rstrip('/')}/{CONFIG}",
            key="indicator_options.non_disaggregation_columns",
        )
    return names


def _patterns(config: dict[str, Any]) -> list[str]:
    for item in config.get("inputs") or []:
        if isinstance(item, dict) and item.get("class") == "InputCsvData":
            pattern = item.get("path_pattern")
            if isinstance(pattern, str) and ".." not in Path(pattern).parts:
                return [pattern]
    return list(DATA_PATTERNS)


def data_files(spec: SourceSpec, folder: Path, config: dict[str, Any]) -> list[Path]:
    """The repository's data files, by indicator id; ``spec.indicators`` chooses some."""
    found: list[Path] = []
    for pattern in _patterns(config):
        found = sorted(p for p in folder.glob(pattern) if p.is_file() or p.is_symlink())
        if found:
            break
    if not found:
        raise SourceFileMissing(
            "no Open SDG data files in the folder (looked for "
            + ", ".join(_patterns(config))
            + ")",
            file=spec.path,
        )
    if spec.indicators is None:
        return found
    by_id = {indicator_id(p): p for p in found}
    for n, wanted in enumerate(spec.indicators):
        if wanted not in by_id:
            raise SourceFileMissing(
                f"no data file for indicator '{wanted}' in the folder",
                file=spec.path,
                key=f"indicators.{n}",
            )
    return [by_id[wanted] for wanted in spec.indicators]


def metadata_unit(spec: SourceSpec, folder: Path, indicator: str) -> str | None:
    """The unit an indicator's metadata gives, as a unit code where it names a plain one."""
    for place in META_PLACES:
        path = folder / place.format(id=indicator)
        if not path.is_file():
            continue
        shown = _shown(spec, folder, path)
        meta = _read_yaml_file(_inside(folder, path, shown), shown)
        for key in UNIT_KEYS:
            value = meta.get(key)
            if isinstance(value, str) and value.strip():
                text = value.strip()
                if text.startswith("UNIT_MEASURE."):  # a translation key: the code follows
                    return unit_code(text.removeprefix("UNIT_MEASURE."))
                return unit_code(text)
    return None


def _read_files(spec: SourceSpec, folder: Path) -> Iterator[tuple[str, pa.Table]]:
    config = _config(spec, folder)
    not_breakdowns = _not_breakdowns(config, spec)
    for path in data_files(spec, folder, config):
        shown = _shown(spec, folder, path)
        _inside(folder, path, shown)
        file_spec = spec.model_copy(update={"path": shown})
        unit = metadata_unit(spec, folder, indicator_id(path))
        try:
            table = read_indicator_file(
                file_spec, path, not_breakdowns=not_breakdowns, unit=unit
            )
        except EmptyFile:
            continue  # an indicator not yet reported
        yield shown, table


def read_repository(spec: SourceSpec, folder: Path) -> pa.Table:
    """Every data file of an Open SDG data repository as one series table, with the breakdown
    SDG_INDICATOR naming each row's indicator."""
    tables: list[pa.Table] = []
    for shown, table in _read_files(spec, folder):
        clash = [c for c in table.column_names if c.upper() == INDICATOR_COLUMN]
        if clash:
            raise FormatMismatch(
                f"the breakdown column '{clash[0]}' clashes with {INDICATOR_COLUMN}, the column "
                "that names each row's indicator in a data repository",
                file=shown,
                row=1,
                column=clash[0],
            )
        indicator = pa.array([indicator_id(Path(shown))] * table.num_rows, pa.string())
        tables.append(table.append_column(INDICATOR_COLUMN, indicator))
    if not tables:
        raise EmptyFile("no data file of the repository holds a value", file=spec.path)
    table = pa.concat_tables(tables, promote_options="default")
    breakdowns = [c for c in table.column_names if c not in (*SERIES_COLUMNS, ROW_COLUMN)]
    breakdowns.remove(INDICATOR_COLUMN)
    return table.select([*SERIES_COLUMNS, INDICATOR_COLUMN, *breakdowns, ROW_COLUMN])


def repository_hash(spec: SourceSpec, folder: Path) -> str:
    """The sha256 of what the reader reads: every data and metadata file, by relative path."""
    config = _config(spec, folder)
    files = set(data_files(spec, folder, config))
    for path in list(files):
        for place in META_PLACES:
            meta = folder / place.format(id=indicator_id(path))
            if meta.is_file():
                files.add(meta)
    if (folder / CONFIG).is_file():
        files.add(folder / CONFIG)
    digest = hashlib.sha256()
    for path in sorted(files):
        shown = _shown(spec, folder, path)
        digest.update(shown.encode("utf-8") + b"\0")
        with _inside(folder, path, shown).open("rb") as handle:
            while chunk := handle.read(HASH_CHUNK):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()
