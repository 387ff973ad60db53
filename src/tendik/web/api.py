"""The JSON API under /api: indicators, observations (paginated), sources, releases, findings
and downloads. Every response carries an ETag (a hash of its bytes); nothing record-level is
ever served."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from tendik.errors import MissingParameter, UnknownParameter
from tendik.store import Warehouse
from tendik.web import documents
from tendik.web.documents import MAX_PAGE_SIZE
from tendik.web.downloads import FORMATS, render
from tendik.web.links import EXTENSIONS
from tendik.web.openapi import (
    NOT_MODIFIED,
    FindingPage,
    IndicatorDocument,
    IndicatorList,
    ObservationPage,
    ReleaseList,
    SourceList,
    answers,
    errors,
)
from tendik.web.responses import Body, conditional, encode
from tendik.web.state import AppState
from tendik.web.views import sources as source_views

JSON = "application/json"
OBSERVATION_PARAMETERS = frozenset({"indicator", "area", "period", "by", "page", "page_size"})
DOWNLOAD_PARAMETERS = frozenset({"format", "by", "area"})
FINDING_PARAMETERS = frozenset({"severity", "indicator", "page", "page_size"})

DOWNLOAD_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {"description": "The observations as a file, in the format asked for",
          "content": {media: {"schema": {"type": "string", "format": "binary"}}
                      for media in FORMATS.values()}},
    **NOT_MODIFIED, **errors(400, 404, 503)}

IndicatorId = Annotated[str, Path(description="The indicator's id, e.g. parliament-women-share.",
                                   examples=["parliament-women-share"])]
Area = Annotated[str | None, Query(
    description="ISO 3166 area code, e.g. KAZ; all areas if absent.")]
Page = Annotated[int, Query(ge=1, description="Page number, from 1.")]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Items per page (1-1000).")]
By = Annotated[str | None, Query(
    description="A breakdown dimension of the indicator, e.g. region; the totals if absent.")]


def _refuse_unknown(request: Request, allowed: frozenset[str]) -> None:
    for name in request.query_params:
        if name not in allowed:
            offered = ", ".join(sorted(allowed))
            raise UnknownParameter(f"unknown parameter '{name}' (this endpoint takes: {offered})",
                                   key=name)


def _download(w: Warehouse, indicator_id: str, fmt: str, by: str | None,
              area: str | None) -> bytes:
    info = documents.lookup(w, indicator_id, "id")
    dim = documents.check_breakdown(info, by)
    table = w.observations(info.id, area=area, by=dim)
    return render(fmt, info, source_views(w).get(info.source), table, dim)


def _responder(state: AppState) -> Callable[..., Awaitable[Response]]:
    async def respond(request: Request, key: tuple[Any, ...],
                      build: Callable[[Warehouse], Any]) -> Response:
        body = await state.cached(key, lambda w: Body.of(encode(build(w))))
        return conditional(request, body, JSON)

    return respond


def api_router(state: AppState) -> APIRouter:
    """The /api routes over one project's warehouse."""
    router = APIRouter(prefix="/api", tags=["api"])
    _catalogue_routes(router, state)
    _data_routes(router, state)
    return router


def _catalogue_routes(router: APIRouter, state: AppState) -> None:
    project, respond = state.project, _responder(state)

    @router.get("/indicators", summary="Every indicator with its latest value, target and status",
                responses=answers(IndicatorList))
    async def list_indicators(request: Request) -> Response:
        return await respond(request, ("api", "indicators"),
                             lambda w: documents.indicators(w, project))

    @router.get("/indicators/{id}", summary="One indicator: definition, provenance, progress",
                responses=answers(IndicatorDocument, 404))
    async def get_indicator(request: Request, id: IndicatorId) -> Response:
        return await respond(request, ("api", "indicator", id),
                             lambda w: documents.indicator(w, project, id))

    @router.get("/sources", summary="Every source with its licence, content hash and provenance",
                responses=answers(SourceList))
    async def list_sources(request: Request) -> Response:
        return await respond(request, ("api", "sources"), documents.sources)

    @router.get("/releases", summary="The releases a reader may see: number, publication "
                "time, content hash (an empty list before the first release)",
                responses=answers(ReleaseList))
    async def list_releases(request: Request) -> Response:
        return await respond(request, ("api", "releases"), documents.releases)

    @router.get("/findings", summary="Data-quality findings, most severe first",
                description="Validation rules, year-on-year outliers and cross-source "
                "reconciliation over the warehouse (tendik.quality), a page at a time.",
                responses=answers(FindingPage, 400))
    async def list_findings(
        request: Request,
        severity: Annotated[Literal["error", "warning", "info"] | None, Query(
            description="Only findings of this severity.")] = None,
        indicator: Annotated[str | None, Query(
            description="Only findings about this indicator.")] = None,
        page: Page = 1,
        page_size: PageSize = 100,
    ) -> Response:
        _refuse_unknown(request, FINDING_PARAMETERS)
        params = {"severity": severity, "indicator": indicator, "page": page,
                  "page_size": page_size}

        def build(w: Warehouse) -> dict[str, Any]:
            report = state.reader.memo(("quality",), lambda _w: documents.quality(project))
            return documents.findings(report, params)

        return await respond(request, ("api", "findings", *params.values()), build)


def _data_routes(router: APIRouter, state: AppState) -> None:
    respond = _responder(state)

    @router.get("/observations", summary="Observations of one indicator, a page at a time",
                description="Totals by default; `by` gives the breakdown by one dimension. "
                "Pages hold at most 1000 observations; `next` links to the following page.",
                responses=answers(ObservationPage, 400, 404))
    async def observations(
        request: Request,
        indicator: Annotated[str, Query(description="The indicator's id.",
                                        examples=["parliament-women-share"])],
        area: Area = None,
        period: Annotated[str | None, Query(description="One period, e.g. 2024.")] = None,
        by: By = None,
        page: Page = 1,
        page_size: PageSize = 100,
    ) -> Response:
        _refuse_unknown(request, OBSERVATION_PARAMETERS)
        if not indicator:
            raise MissingParameter("say which indicator, e.g. ?indicator=parliament-women-share",
                                   key="indicator")
        params = {"indicator": indicator, "area": area, "period": period,
                  "by": by.lower() if by else None, "page": page, "page_size": page_size}
        key = ("api", "observations", *params.values())
        return await respond(request, key, lambda w: documents.observations(w, params))

    @router.get("/indicators/{id}/download", summary="Observations as a file",
                description="CSV, JSON, Excel or an SDMX-ML 2.1 generic data message; every "
                "area unless `area` is given.", response_class=Response,
                responses=DOWNLOAD_ANSWERS)
    async def download(
        request: Request, id: IndicatorId,
        format: Annotated[Literal["csv", "json", "xlsx", "sdmx"],
                          Query(description="csv, json, xlsx or sdmx.")] = "csv",
        by: By = None, area: Area = None,
    ) -> Response:
        _refuse_unknown(request, DOWNLOAD_PARAMETERS)
        key = ("api", "download", id, format, by and by.upper(), area)
        body = await state.cached(key, lambda w: Body.of(_download(w, id, format, by, area)))
        suffix = f".by-{by.lower()}" if by else ""
        name = f"{id}{suffix}.{EXTENSIONS[format]}"
        return conditional(request, body, FORMATS[format],
                           {"Content-Disposition": f'attachment; filename="{name}"'})
