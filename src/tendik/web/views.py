"""What each page shows, computed from the warehouse: language-neutral view models."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from tendik.errors import ProgressError
from tendik.progress import (
    ProgressAssessment,
    Projection,
    Target,
    progress_status,
    projected_year,
    target_from_definition,
    yearly_points,
)
from tendik.progress.series import Point, normalise, window
from tendik.progress.trend import LinearTrend
from tendik.project import Project
from tendik.store import IndicatorInfo, Warehouse
from tendik.web.labels import THEMES

REGION = "REGION"


@dataclass(frozen=True)
class SourceView:
    id: str
    title: str | None
    publisher: str | None
    licence: str | None
    format: str | None
    path: str | None
    content_hash: str | None
    spec_hash: str | None
    n_rows: int | None
    read_at: Any
    synthetic: bool
    provenance: str | None
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    """One observation as a table shows it; ``category`` is the breakdown's code, if any."""

    period: str
    value: float | None
    numerator: float | None
    denominator: float | None
    status: str | None
    comment: str | None
    category: str | None = None


@dataclass(frozen=True)
class Card:
    id: str
    titles: dict[str, str]
    theme: str
    unit: str
    decimals: int
    area: str
    synthetic: bool
    latest: Row | None
    previous: Row | None
    target: Target | None
    status: str | None

    @property
    def change(self) -> float | None:
        if self.latest is None or self.previous is None:
            return None
        if self.latest.value is None or self.previous.value is None:
            return None
        return self.latest.value - self.previous.value


@dataclass(frozen=True)
class ThemeGroup:
    theme: str
    cards: list[Card]


@dataclass(frozen=True)
class AreaSeries:
    area: str
    rows: list[Row]

    @property
    def latest(self) -> Row | None:
        valued = [r for r in self.rows if r.value is not None]
        return valued[-1] if valued else None


@dataclass(frozen=True)
class IndicatorView:
    info: IndicatorInfo
    source: SourceView | None
    card: Card
    by: str | None  # the breakdown dimension shown, upper case
    rows: list[Row]  # the table: totals, or the breakdown, for the headline area
    headline: AreaSeries
    assessment: ProgressAssessment | None
    projection: Projection | None
    trend: list[Point]  # the fitted line, base year to the projection's end
    comparison: list[AreaSeries] = field(default_factory=list)

    @property
    def categories(self) -> list[str]:
        return sorted({r.category for r in self.rows if r.category is not None})

    @property
    def table_rows(self) -> list[Row]:
        """The rows as the table lists them: latest period first, then by category."""
        by_category = sorted(self.rows, key=lambda r: r.category or "")
        return sorted(by_category, key=lambda r: r.period, reverse=True)


@dataclass(frozen=True)
class RegionRanking:
    info: IndicatorInfo
    synthetic: bool
    area: str
    period: str | None
    ranked: list[tuple[int, Row]]


def _rows(table: pa.Table, by: str | None = None) -> list[Row]:
    out = []
    for record in table.to_pylist():
        out.append(Row(
            period=record["TIME_PERIOD"], value=record["OBS_VALUE"],
            numerator=record["numerator"], denominator=record["denominator"],
            status=record["OBS_STATUS"], comment=record["COMMENT_OBS"],
            category=record[by] if by else None,
        ))
    return out


def points(rows: list[Row]) -> list[Point]:
    """(year, value) of the rows with a value; a later period of the same year wins."""
    return yearly_points((row.period, row.value) for row in rows)


def progress_target(info: IndicatorInfo, parity_band: float) -> Target | None:
    """The indicator's target as tendik.progress takes it (the project's band for parity)."""
    return target_from_definition(info.definition.get("target"), parity_band)


def headline_area(info: IndicatorInfo, project: Project) -> str:
    return info.headline_area or project.area


def sources(warehouse: Warehouse) -> dict[str, SourceView]:
    """Every source of the warehouse, with the indicators computed from it."""
    used: dict[str, list[str]] = {}
    for info in warehouse.indicators():
        used.setdefault(info.source, []).append(info.id)
    out = {}
    for row in warehouse.sources():
        out[row["id"]] = SourceView(
            id=row["id"], title=row.get("title"), publisher=row.get("publisher"),
            licence=row.get("licence"), format=row.get("format"), path=row.get("path"),
            content_hash=row.get("content_hash"), spec_hash=row.get("spec_hash"),
            n_rows=row.get("n_rows"), read_at=row.get("read_at"),
            synthetic=bool(row.get("synthetic")), provenance=row.get("provenance"),
            indicators=tuple(sorted(used.get(row["id"], []))),
        )
    return out


def _assess(series: list[Point], target: Target | None) -> ProgressAssessment | None:
    if target is None or not series:
        return None
    try:
        return progress_status(series, target)
    except ProgressError:
        return None


def card(warehouse: Warehouse, project: Project, info: IndicatorInfo, synthetic: bool) -> Card:
    area = headline_area(info, project)
    rows = [r for r in _rows(warehouse.observations(info.id, area=area)) if r.value is not None]
    target = progress_target(info, project.settings.parity_band)
    assessment = _assess(points(rows), target)
    return Card(
        id=info.id, titles=info.titles, theme=info.theme, unit=info.unit,
        decimals=int(info.definition.get("decimals", 1)), area=area, synthetic=synthetic,
        latest=rows[-1] if rows else None, previous=rows[-2] if len(rows) > 1 else None,
        target=target, status=assessment.status.value if assessment else None,
    )


def home(warehouse: Warehouse, project: Project) -> list[ThemeGroup]:
    """The headline cards, grouped by theme in the dashboard's order."""
    known = sources(warehouse)
    by_theme: dict[str, list[Card]] = {}
    for info in warehouse.indicators():
        synthetic = known[info.source].synthetic if info.source in known else False
        by_theme.setdefault(info.theme, []).append(card(warehouse, project, info, synthetic))
    order = [t for t in THEMES if t in by_theme] + sorted(set(by_theme) - set(THEMES))
    return [ThemeGroup(theme, by_theme[theme]) for theme in order]


def _trend(series: list[Point], projection: Projection | None) -> list[Point]:
    """The least-squares line the projection extrapolates, drawn to where it ends."""
    if projection is None or projection.already_achieved or projection.slope is None:
        return []
    fitted = window(normalise(series))
    if len(fitted) < 2:
        return []
    line = LinearTrend.fit(fitted)
    latest = fitted[-1][0]
    end = projection.year if projection.reached and projection.year else projection.target.year
    end = max(end, latest + 1)
    return [(year, line.at(year)) for year in (fitted[0][0], latest, end)]


def _project(series: list[Point], target: Target | None) -> Projection | None:
    if target is None or not series:
        return None
    try:
        return projected_year(series, target)
    except ProgressError:
        return None


def indicator(warehouse: Warehouse, project: Project, indicator_id: str,
              by: str | None = None) -> IndicatorView:
    """Everything the indicator page shows; ``by`` is a breakdown dimension (any case)."""
    info = warehouse.indicator(indicator_id)
    known = sources(warehouse)
    source = known.get(info.source)
    area = headline_area(info, project)
    headline = AreaSeries(area, _rows(warehouse.observations(info.id, area=area)))
    dim = by.upper() if by else None
    rows = (_rows(warehouse.observations(info.id, area=area, by=dim), dim) if dim
            else headline.rows)
    target = progress_target(info, project.settings.parity_band)
    series = points(headline.rows)
    projection = _project(series, target)
    offered = set(warehouse.areas(info.id))
    comparison = [
        AreaSeries(code, _rows(warehouse.observations(info.id, area=code)))
        for code in project.settings.compare_areas if code in offered and code != area
    ]
    synthetic = bool(source and source.synthetic)
    return IndicatorView(
        info=info, source=source, card=card(warehouse, project, info, synthetic),
        by=dim, rows=rows, headline=headline, assessment=_assess(series, target),
        projection=projection, trend=_trend(series, projection), comparison=comparison,
    )


def regions(warehouse: Warehouse, project: Project) -> list[RegionRanking]:
    """For each indicator with a REGION breakdown: the regions ranked at the latest period."""
    known = sources(warehouse)
    out = []
    for info in warehouse.indicators():
        if REGION not in info.dimensions:
            continue
        area = headline_area(info, project)
        rows = _rows(warehouse.observations(info.id, area=area, by=REGION), REGION)
        periods = sorted({r.period for r in rows})
        latest = periods[-1] if periods else None
        current = sorted((r for r in rows if r.period == latest),
                         key=lambda r: (r.value is None, -(r.value or 0.0), r.category or ""))
        ranked: list[tuple[int, Row]] = []
        for position, row in enumerate(current, start=1):
            tied = ranked and ranked[-1][1].value == row.value and row.value is not None
            ranked.append((ranked[-1][0] if tied else position, row))
        synthetic = known[info.source].synthetic if info.source in known else False
        out.append(RegionRanking(info, synthetic, area, latest, ranked))
    return out
