"""tendik build: project folder -> sources -> catalogue -> engine -> warehouse.

Incremental: an indicator is recomputed only when its definition, its source's bytes or declared
schema, or the tendik version changed; a build with nothing changed writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from tendik import __version__
from tendik.catalog import Catalogue, Indicator, load_catalogue
from tendik.disclosure.observations import ProtectionSummary, protect
from tendik.disclosure.rules import Rules
from tendik.engine.plan import RecordsPlan, build_records_plan
from tendik.engine.records import all_indicator_observations, run_plan_duckdb
from tendik.engine.series import compute_series
from tendik.engine.spark_source import RemoteParquet, is_remote
from tendik.errors import CatalogueError, SourceError, SourceFileMissing
from tendik.project import Project
from tendik.sources import read_source, source_exists, source_hash
from tendik.sources.parquet_scan import ParquetScan, scan_parquet, should_scan
from tendik.sources.spec import ROW_COLUMN, SourceSpec
from tendik.store.write import BuildChanges, IndicatorResult, SourceRow, write_warehouse

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass(frozen=True)
class Engine:
    """Where records indicators are computed: DuckDB (default) or Spark at a master URL."""

    name: Literal["duckdb", "spark"] = "duckdb"
    master: str | None = None


@dataclass
class BuildReport:
    warehouse: Path
    recomputed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    sources_read: list[str] = field(default_factory=list)
    observations: int = 0
    suppressed: ProtectionSummary = field(default_factory=ProtectionSummary)

    @property
    def wrote(self) -> bool:
        return bool(self.recomputed or self.removed or self.sources_read)


@dataclass
class _Previous:
    indicators: dict[str, tuple[str, str, str]]  # id -> (definition_hash, input_hash, version)
    sources: dict[str, tuple[str, str]]  # id -> (content_hash, spec_hash)


def _previous_state(path: Path) -> _Previous:
    if not path.is_file():
        return _Previous({}, {})
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            indicators = {
                r[0]: (r[1], r[2], r[3])
                for r in con.execute(
                    "SELECT id, definition_hash, input_hash, tendik_version FROM indicators"
                ).fetchall()
            }
            sources = {
                r[0]: (r[1], r[2])
                for r in con.execute("SELECT id, content_hash, spec_hash FROM sources").fetchall()
            }
    except duckdb.Error:
        return _Previous({}, {})
    return _Previous(indicators, sources)


def spec_hash(spec: SourceSpec) -> str:
    canonical = json.dumps(spec.model_dump(mode="json"), sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _input_hash(content: str, declared: str) -> str:
    return hashlib.sha256(f"{content}:{declared}".encode()).hexdigest()


def _check_references(project: Project, catalogue: Catalogue) -> None:
    for indicator in catalogue:
        if indicator.source not in project.sources:
            known = ", ".join(sorted(project.sources)) or "none"
            raise CatalogueError(
                f"source '{indicator.source}' is not declared in tendik.toml (declared: {known})",
                file=catalogue.files[indicator.id],
                key="source",
            )


def _source_row(project: Project, spec: SourceSpec, content: str, n_rows: int) -> SourceRow:
    provenance = None
    if spec.provenance:
        provenance_path = project.root / spec.provenance
        if provenance_path.is_file():
            provenance = provenance_path.read_text(encoding="utf-8")
    return SourceRow(
        {
            "id": spec.id,
            "path": spec.path,
            "format": spec.format,
            "title": spec.title,
            "description": spec.description,
            "publisher": spec.publisher,
            "licence": spec.licence,
            "synthetic": spec.synthetic,
            "content_hash": content,
            "spec_hash": spec_hash(spec),
            "n_rows": n_rows,
            "provenance": provenance,
            "read_at": datetime.now(),
        }
    )


def _indicator_row(
    project: Project,
    indicator: Indicator,
    input_hash: str,
    computed_at: datetime,
    dims: list[str],
    n_obs: int,
) -> dict[str, object]:
    return {
        "id": indicator.id,
        "title_en": indicator.title.en,
        "title_ru": indicator.title.ru,
        "title_kk": indicator.title.kk,
        "unit": indicator.unit,
        "theme": indicator.theme,
        "source": indicator.source,
        "sdg": indicator.sdg,
        "sdmx_series": indicator.sdmx_series,
        "headline_area": indicator.headline_area or project.area,
        "kind": "series" if indicator.is_series else "records",
        "definition": indicator.model_dump(mode="json"),
        "definition_hash": indicator.definition_hash(),
        "input_hash": input_hash,
        "tendik_version": __version__,
        "computed_at": computed_at,
        "dimensions": dims,
        "n_obs": n_obs,
    }


# read into memory, or validated and left on disk (locally, or in object storage)
Source = pa.Table | ParquetScan | RemoteParquet


def _remote_hash(url: str) -> str:
    """A remote source is known by its URL: a change in its content needs 'build --force'."""
    return hashlib.sha256(f"remote:{url}".encode()).hexdigest()


def _read(
    project: Project, spec: SourceSpec, indicators: list[Indicator], engine: Engine
) -> Source:
    """A large Parquet source with only records indicators on it stays on disk; one in object
    storage stays there, and Spark validates and reads it."""
    if is_remote(spec.path):
        if engine.name != "spark" or spec.format != "parquet":
            raise SourceError(
                "a source in object storage is Parquet read by Spark: build with --engine spark",
                file=spec.path,
            )
        from tendik.engine.spark import spark_session
        from tendik.engine.spark_source import check_remote_parquet

        return check_remote_parquet(spec, spark_session(engine.master))
    path = project.root / spec.path
    if path.is_file() and should_scan(spec, path) and not any(i.is_series for i in indicators):
        return scan_parquet(spec, path)
    return read_source(spec, project.root)


def _run_plan(
    plan: RecordsPlan, project: Project, spec: SourceSpec, source: Source, engine: Engine
) -> pa.Table:
    if engine.name == "duckdb":
        if isinstance(source, ParquetScan):
            return run_plan_duckdb(plan, relation_sql=source.relation_sql())
        assert isinstance(source, pa.Table)
        return run_plan_duckdb(plan, table=source)
    from tendik.engine.spark import run_plan_spark, spark_session

    if isinstance(source, RemoteParquet):
        return run_plan_spark(plan, source.url, spark_session(engine.master))
    if spec.format == "parquet":
        return run_plan_spark(plan, str(project.root / spec.path), spark_session(engine.master))
    with tempfile.TemporaryDirectory() as folder:  # Spark reads files: hand it the validated table
        path = Path(folder) / "source.parquet"
        pq.write_table(source.drop_columns([ROW_COLUMN]), path)
        return run_plan_spark(plan, str(path), spark_session(engine.master))


def _compute_source(
    project: Project,
    catalogue: Catalogue,
    spec: SourceSpec,
    source: Source,
    indicators: list[Indicator],
    engine: Engine,
) -> list[tuple[Indicator, pa.Table, list[str]]]:
    out: list[tuple[Indicator, pa.Table, list[str]]] = []
    for indicator in (i for i in indicators if i.is_series):
        assert isinstance(source, pa.Table)
        observations, dims = compute_series(indicator, source, file=catalogue.files[indicator.id])
        out.append((indicator, observations, dims))
    records = [i for i in indicators if not i.is_series]
    if records:
        columns = {f.name: f.type for f in source.schema if f.name != ROW_COLUMN}
        plan = build_records_plan(spec.id, records, columns, files=catalogue.files)
        cube = _run_plan(plan, project, spec, source, engine)
        for item, observations, dims in all_indicator_observations(plan, cube, project.area):
            out.append((item.indicator, observations, dims))
    return out


def _protect(
    project: Project, indicator: Indicator, observations: pa.Table, dims: list[str]
) -> tuple[pa.Table, ProtectionSummary]:
    """Disclosure control on a records indicator; series pass through untouched."""
    if indicator.measure is None:
        return observations, ProtectionSummary(cells=observations.num_rows)
    return protect(
        observations,
        dims,
        indicator.measure.kind,
        protection=project.settings.disclosure_protection,
        rules=project_rules(project),
    )


def project_rules(project: Project) -> Rules:
    """The primary rules set in tendik.toml: ``disclosure_k`` and the [disclosure] table."""
    settings = project.disclosure
    return Rules(k=project.settings.disclosure_k, dominance=settings.rule, p=settings.p,
                 n=settings.n, nk_k=settings.k)


def build_project(
    project: Project,
    *,
    progress: Progress | None = None,
    force: bool = False,
    engine: Engine | None = None,
) -> BuildReport:
    """Read, validate and compute what changed, and write it to the warehouse atomically."""
    started = datetime.now()
    catalogue = load_catalogue(project.indicators_dir)
    _check_references(project, catalogue)
    previous = _previous_state(project.warehouse_path)
    report = BuildReport(warehouse=project.warehouse_path)

    hashes: dict[str, tuple[str, str]] = {}
    for source_id, spec in project.sources.items():
        path = project.source_path(source_id)
        if is_remote(spec.path):  # object storage: tendik does not download it to hash it
            hashes[source_id] = (_remote_hash(spec.path), spec_hash(spec))
            continue
        if not source_exists(spec, path):
            raise SourceFileMissing("the source file does not exist", file=spec.path)
        hashes[source_id] = (source_hash(spec, path), spec_hash(spec))

    stale: list[Indicator] = []
    for indicator in catalogue:
        current = (indicator.definition_hash(), _input_hash(*hashes[indicator.source]), __version__)
        if force or previous.indicators.get(indicator.id) != current:
            stale.append(indicator)
        else:
            report.unchanged.append(indicator.id)
    report.removed = sorted(set(previous.indicators) - set(catalogue.indicators))
    to_read = [
        s
        for s in project.sources
        if force or previous.sources.get(s) != hashes[s] or any(i.source == s for i in stale)
    ]

    changes = BuildChanges(
        started_at=started,
        removed=report.removed,
        removed_sources=sorted(set(previous.sources) - set(project.sources)),
    )
    changes.meta = {
        "project": project.name,
        "area": project.area,
        "languages": ",".join(project.settings.languages),
    }
    for done, source_id in enumerate(to_read):
        if progress:
            progress(f"reading {source_id}", done, len(to_read))
        spec = project.sources[source_id]
        table = _read(project, spec, catalogue.by_source(source_id), engine or Engine())
        changes.sources.append(_source_row(project, spec, hashes[source_id][0], table.num_rows))
        report.sources_read.append(source_id)
        computed_at = datetime.now()
        for indicator, observations, dims in _compute_source(
            project,
            catalogue,
            spec,
            table,
            [i for i in stale if i.source == source_id],
            engine or Engine(),
        ):
            observations, protection = _protect(project, indicator, observations, dims)
            report.suppressed.add(protection)
            row = _indicator_row(
                project,
                indicator,
                _input_hash(*hashes[source_id]),
                computed_at,
                dims,
                observations.num_rows,
            )
            row["suppressed_primary"] = protection.primary
            row["suppressed_complementary"] = protection.complementary
            changes.computed.append(IndicatorResult(indicator.id, row, observations, dims))
            report.recomputed.append(indicator.id)
            report.observations += observations.num_rows
    if progress:
        progress("writing the warehouse", len(to_read), len(to_read))
    if not changes.empty or not project.warehouse_path.exists():
        write_warehouse(project.warehouse_path, changes)
    return report
