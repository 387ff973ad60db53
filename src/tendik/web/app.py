"""The FastAPI app: dashboard pages, the JSON API, static assets and typed error responses."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import Response
from starlette.types import ASGIApp

from tendik import __version__
from tendik.errors import ClaimsError, NotFound, TendikError, WarehouseError, WebError
from tendik.project import Project
from tendik.web import html
from tendik.web.api import api_router
from tendik.web.check import check_router
from tendik.web.data import Reader
from tendik.web.fastpath import ResponseCache
from tendik.web.i18n import offered_languages
from tendik.web.limits import CheckLimits
from tendik.web.links import LiveLinks, PageRef
from tendik.web.pages import HTML, language, page_router
from tendik.web.responses import encode, matches
from tendik.web.security import SecurityHeaders
from tendik.web.state import AppState

DESCRIPTION = (
    "Gender-equality indicators computed from administrative records and published series, "
    "with their provenance. Every response carries an ETag: send it back in If-None-Match to "
    "get 304 Not Modified. Errors are JSON: {\"error\": {\"type\", \"message\", \"parameter\"}}."
)
STATIC_CACHE = "public, max-age=86400"


class TendikAPI(FastAPI):
    """FastAPI with the response cache and the security headers outside everything else, so
    that a cached answer costs no framework and every answer, a 500 too, has the headers."""

    def __init__(self, reader: Reader, **options: Any) -> None:
        super().__init__(**options)
        self.reader = reader

    def build_middleware_stack(self) -> ASGIApp:
        return ResponseCache(SecurityHeaders(super().build_middleware_stack()), reader=self.reader)

    def openapi(self) -> dict[str, Any]:
        """FastAPI's description without the 422 it lists for every endpoint with parameters:
        tendik answers a bad parameter with 400 (the 422s listed are its own)."""
        if self.openapi_schema is None:
            spec = super().openapi()
            for operations in spec.get("paths", {}).values():
                for operation in operations.values():
                    answer = operation.get("responses", {}).get("422", {})
                    if "HTTPValidationError" in json.dumps(answer):
                        del operation["responses"]["422"]
            for name in ("HTTPValidationError", "ValidationError"):
                spec.get("components", {}).get("schemas", {}).pop(name, None)
            self.openapi_schema = spec
        return self.openapi_schema


def _status(error: Exception) -> int:
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, WebError):
        return error.status
    if isinstance(error, WarehouseError):
        return 503
    if isinstance(error, ClaimsError):  # a text the claim checker cannot read
        return 422
    return 500


def _error_response(state: AppState, request: Request, status: int, kind: str, message: str,
                    parameter: str | None, headers: dict[str, str] | None = None) -> Response:
    if request.url.path.startswith("/api"):
        body = {"error": {"type": kind, "message": message, "parameter": parameter}}
        return Response(encode(body), status_code=status, media_type="application/json",
                        headers=headers)
    lang = language(request, offered_languages(state.project.settings.languages))
    page = html.error_page(state.project, lang, LiveLinks(PageRef("home")), status, message)
    return Response(page.encode("utf-8"), status_code=status, media_type=HTML, headers=headers)


def _install_errors(app: FastAPI, state: AppState) -> None:
    @app.exception_handler(TendikError)
    async def tendik_error(request: Request, error: TendikError) -> Response:
        return _error_response(state, request, _status(error), error.type, error.message,
                               error.key)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0]
        parameter = str(first["loc"][-1]) if first.get("loc") else None
        if first.get("type") == "missing" and parameter:
            return _error_response(state, request, 400, "missing-parameter",
                                   f"give the parameter '{parameter}'", parameter)
        message = f"{parameter}: {first['msg']}" if parameter else first["msg"]
        return _error_response(state, request, 400, "invalid-parameter", message, parameter)

    @app.exception_handler(ClientDisconnect)
    async def gone(request: Request, error: ClientDisconnect) -> Response:
        return Response(status_code=400)  # nobody is left to read it

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        kind = "not-found" if error.status_code == 404 else "http-error"
        message = f"nothing at {request.url.path}" if error.status_code == 404 else str(
            error.detail)
        return _error_response(state, request, error.status_code, kind, message, None,
                               error.headers)  # 405 says which methods are allowed


def _install_static(app: FastAPI, state: AppState) -> None:
    @app.get("/static/{name}", include_in_schema=False)
    async def static(request: Request, name: str) -> Response:
        asset = state.assets.get(name)
        if asset is None:
            raise HTTPException(404)
        headers = {"ETag": asset.etag, "Cache-Control": STATIC_CACHE, "Vary": "Accept-Encoding"}
        if matches(request, asset.etag):
            return Response(status_code=304, headers=headers)
        if "gzip" in request.headers.get("accept-encoding", ""):
            return Response(asset.gzipped, media_type=asset.media_type,
                            headers={**headers, "Content-Encoding": "gzip"})
        return Response(asset.body, media_type=asset.media_type, headers=headers)

    @app.get("/api/docs", include_in_schema=False)
    async def docs(request: Request) -> Response:
        lang = language(request, offered_languages(state.project.settings.languages))
        page = html.api_docs_page(state.project, lang, LiveLinks(PageRef("api")), app.openapi())
        return Response(page.encode("utf-8"), media_type=HTML)


def create_app(project: Project, *, limits: CheckLimits | None = None) -> FastAPI:
    """The dashboard and the JSON API over ``project``'s warehouse (opened read-only);
    ``limits`` bound what one claim check may ask."""
    reader = Reader(project.warehouse_path)
    state = AppState(project=project, reader=reader, limits=limits or CheckLimits())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.checks.close()

    app = TendikAPI(reader, title="tendik API", version=__version__, description=DESCRIPTION,
                    docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
                    lifespan=lifespan)
    app.state.tendik = state
    _install_errors(app, state)
    _install_static(app, state)
    app.include_router(api_router(state))
    app.include_router(check_router(state))
    app.include_router(page_router(state))
    return app
