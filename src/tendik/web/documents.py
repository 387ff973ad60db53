"""The JSON documents the API serves (and the static site writes), built from view models."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlencode

from tendik.errors import InvalidParameter, NotFound
from tendik.project import Project
from tendik.quality import validate_project
from tendik.store import IndicatorInfo, Warehouse
from tendik.web import views
from tendik.web.downloads import records
from tendik.web.labels import synthetic_notice

MAX_PAGE_SIZE = 1000


def _row(row: views.Row | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"period": row.period, "value": row.value, "status": row.status}


def summary(info: IndicatorInfo, card: views.Card) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": info.id, "title": info.titles, "unit": info.unit, "theme": info.theme,
        "source": info.source, "synthetic": card.synthetic, "sdg": info.sdg,
        "sdmx_series": info.sdmx_series, "headline_area": card.area, "kind": info.kind,
        "dimensions": info.dimensions, "target": info.definition.get("target"),
        "latest": _row(card.latest), "previous": _row(card.previous), "change": card.change,
        "status": card.status,
        "links": {"self": f"/api/indicators/{info.id}",
                  "observations": f"/api/observations?indicator={info.id}",
                  "page": f"/indicators/{info.id}"},
    }
    if card.synthetic:
        document["synthetic_notice"] = synthetic_notice()
    return document


def indicators(warehouse: Warehouse, project: Project) -> dict[str, Any]:
    cards = {c.id: c for group in views.home(warehouse, project) for c in group.cards}
    items = [summary(info, cards[info.id]) for info in warehouse.indicators()]
    return {"total": len(items), "indicators": items}


def lookup(warehouse: Warehouse, indicator_id: str, parameter: str) -> IndicatorInfo:
    try:
        return warehouse.indicator(indicator_id)
    except NotFound as error:
        raise NotFound(error.message, key=parameter) from None


def indicator(warehouse: Warehouse, project: Project, indicator_id: str) -> dict[str, Any]:
    info = lookup(warehouse, indicator_id, "id")
    view = views.indicator(warehouse, project, info.id)
    source = view.source
    document = summary(info, view.card)
    document.update({
        "description": info.definition.get("description"),
        "notes": info.definition.get("notes"),
        "reference_date": info.definition.get("reference_date"),
        "definition": info.definition,
        "provenance": {
            "source_content_hash": source.content_hash if source else None,
            "definition_hash": info.definition_hash, "input_hash": info.input_hash,
            "tendik_version": info.tendik_version, "computed_at": info.computed_at,
        },
        "assessment": view.assessment.to_dict() if view.assessment else None,
        "projection": view.projection.to_dict() if view.projection else None,
        "areas": warehouse.areas(info.id),
        "compare_areas": [s.area for s in view.comparison],
    })
    return document


def check_breakdown(info: IndicatorInfo, by: str | None) -> str | None:
    """``by`` as the warehouse's dimension name, or an error naming the parameter."""
    if by is None:
        return None
    if by.upper() not in info.dimensions:
        offered = ", ".join(d.lower() for d in info.dimensions) or "none"
        raise InvalidParameter(
            f"indicator '{info.id}' has no breakdown '{by}' (offered: {offered})", key="by")
    return by.upper()


def _link(params: dict[str, Any], page: int) -> str:
    query = {k: v for k, v in params.items() if v is not None}
    return "/api/observations?" + urlencode({**query, "page": page})


def observations(warehouse: Warehouse, params: dict[str, Any]) -> dict[str, Any]:
    """One page of observations; ``params`` holds indicator, area, period, by, page, page_size."""
    info = lookup(warehouse, params["indicator"], "indicator")
    by = check_breakdown(info, params.get("by"))
    table = warehouse.observations(info.id, area=params.get("area"), by=by,
                                   period=params.get("period"))
    page, size = params["page"], params["page_size"]
    total = table.num_rows
    pages = max(1, math.ceil(total / size))
    if page > pages:
        raise InvalidParameter(f"page {page} is past the last page ({pages})", key="page")
    rows = records(info.id, table.slice((page - 1) * size, size))
    return {
        "indicator": info.id, "area": params.get("area"), "period": params.get("period"),
        "by": by, "total": total, "page": page, "page_size": size, "pages": pages,
        "next": _link(params, page + 1) if page < pages else None,
        "previous": _link(params, page - 1) if page > 1 else None,
        "observations": rows,
    }


def sources(warehouse: Warehouse) -> dict[str, Any]:
    items = []
    for source in views.sources(warehouse).values():
        item = {
            "id": source.id, "title": source.title, "publisher": source.publisher,
            "licence": source.licence, "format": source.format, "path": source.path,
            "content_hash": source.content_hash, "spec_hash": source.spec_hash,
            "n_rows": source.n_rows, "read_at": source.read_at, "synthetic": source.synthetic,
            "indicators": list(source.indicators), "provenance": source.provenance,
        }
        if source.synthetic:
            item["synthetic_notice"] = synthetic_notice()
        items.append(item)
    return {"total": len(items), "sources": items}


def _optional(warehouse: Warehouse, name: str) -> list[Any]:
    """What ``warehouse.<name>()`` lists, as dicts; empty where the warehouse has no such list."""
    method = getattr(warehouse, name, None)
    if not callable(method):
        return []
    return [item.to_dict() if hasattr(item, "to_dict") else item for item in method()]


def releases(warehouse: Warehouse) -> dict[str, Any]:
    items = _optional(warehouse, "releases")
    return {"total": len(items), "releases": items}


def quality(project: Project) -> dict[str, Any]:
    """The data-quality report of the project's warehouse (tendik.quality), as a dict."""
    return validate_project(project).to_dict()


def findings(report: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
    """One page of the quality report's findings, filtered by severity and indicator."""
    items = [
        f for f in report["findings"]
        if params.get("severity") in (None, f["severity"])
        and params.get("indicator") in (None, f.get("indicator"))
    ]
    page, size = params["page"], params["page_size"]
    pages = max(1, math.ceil(len(items) / size))
    if page > pages:
        raise InvalidParameter(f"page {page} is past the last page ({pages})", key="page")
    query = {k: v for k, v in params.items() if v is not None and k != "page"}
    link = "/api/findings?" + urlencode(query) + "&page="
    return {
        "counts": report["counts"], "by_type": report["by_type"],
        "reconciliations": report["reconciliations"],
        "total": len(items), "page": page, "page_size": size, "pages": pages,
        "next": f"{link}{page + 1}" if page < pages else None,
        "previous": f"{link}{page - 1}" if page > 1 else None,
        "findings": items[(page - 1) * size: page * size],
    }
